// Package cluster replicates kerko's index generations and feeds it
// articles through NATS JetStream, so that many query replicas serve one
// index and no machine is a single point of failure.
//
// Three JetStream resources hold the shared state (all Raft-replicated,
// Replicas of them, 3 by default):
//
//	object store kerko_generations   one object per published generation: a tar of its files
//	KV bucket    kerko_pointer       key "current.<mapping version>": the published generation
//	stream       <STREAM>            articles as JSON, subject <STREAM>.articles (kerko push)
//
// An indexer builds locally as before (package index), uploads the
// generation, then moves the pointer with a compare-and-swap on the key of
// its mapping version, so that of two racing indexers exactly one wins and
// kerko versions with different mappings each follow a generation they can
// open. A query replica (Follower) watches the pointer, downloads a new
// generation into a temporary directory beside its index, checks its digest,
// completion marker and mapping version, and installs it with index.Install:
// the server's ordinary reload swaps it in. NATS being away only stops
// updates; the local generation goes on serving.
//
// Every JetStream call runs under a short timeout and is retried: while a
// stream has no leader (an election after a node died) a call blocks until
// its deadline, and the next one may find the new leader.
package cluster
