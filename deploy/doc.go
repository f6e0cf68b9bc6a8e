// Package deploy holds kerko's deployment files: haproxy/haproxy.cfg, the
// load balancer in front of query replicas, and kubernetes/, manifests for
// a cluster (NATS Helm values, the replica Deployment with its disruption
// budget and autoscaler, the indexer CronJob, Service and Ingress). Its Go
// test decodes every manifest strictly into the Kubernetes API types, so a
// misspelt field fails CI rather than a rollout.
package deploy
