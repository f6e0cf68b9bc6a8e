// Package reliability holds kerko's process tests: they build cmd/kerko
// once and drive the real binary as separate processes, under faults —
// SIGTERM under load, incremental and full reindexing publishing while the
// server is loaded, kill -9 and interrupts during a build, a busy index, a
// full disk and a read-only index directory, index directories damaged by
// hand or by the disk (store_test.go: refused with the fix, never replaced;
// corrupt segments never carried forward; --check), a NATS cluster behind
// haproxy (cluster_test.go). It has no code of its own.
//
// The load they put on a server is internal/loadgen's, as is the load run on
// the whole bench corpus (scripts/load.sh, kerko-bench http); the in-process
// HTTP abuse, XSS, path and deadline tests are in package web.
package reliability
