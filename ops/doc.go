// Package ops wraps kerko's HTTP handler with what an operator and a load
// balancer need of a server: /readyz (503 until an index generation is
// open, while /healthz stays a liveness check), the X-Kerko-Generation
// header on every answer, /api/status (the generation served, where it
// came from, when it was published and how far behind the shared pointer
// this replica is) and /metrics in the Prometheus format.
//
// It sits in front of package web rather than inside it, so that a query
// replica can listen (and say it is not ready) before it has an index to
// build a web.Server on.
package ops
