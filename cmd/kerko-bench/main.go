// Command kerko-bench measures kerko beside the peer engines and prints
// markdown tables for the README's Performance section.
//
//	kerko-bench compare [-kerko BIN] [-peers "kerko xapian fts5 lucene sphinx"] [-out FILE]
//	kerko-bench limit   [-corpus DIR]
//	kerko-bench http    -url http://127.0.0.1:8080 [-conns 32] [-duration 60s] [-pid PID] [-unique 0.5]
//	kerko-bench abuse   [-kerko BIN] [-work DIR | -index DIR] [-conns 64] [-plain-conns 4] [-phase 20s] [-memory-mib 256] [-max-p99 50ms]
//	kerko-bench research -url http://127.0.0.1:8080 [-pid PID] [-runs 5] [-limit 10000] [-terms-q government]
//	kerko-bench replicate -times N -out FILE.jsonl [-corpus DIR]
//	kerko-bench scale   [-kerko BIN] [-times 1,3,10]
//	kerko-bench zapsize FILE.zap|INDEX-DIR
//
// The corpus and the peer scripts are read from ../shared/bench beside the
// module root (or $KERKO_SHARED/bench); nothing is copied into the repository.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"kerko/internal/benchcorpus"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kerko-bench:", err)
		os.Exit(1)
	}
}

const usage = `usage: kerko-bench compare|limit|http|abuse|research|replicate|scale|scaleout|stream|zapsize [flags]
  compare    run ../shared/bench/peers/bench_all.sh with kerko and the peers; print the table
  limit      how fast analysis alone and extraction alone go over the corpus (all cores)
  http       load a running kerko serve with a realistic mix of API requests
  abuse      serve the corpus with hostile articles; a plain load alone, then beside 64 connections of amplification requests: p99, sizes, peak RSS
  research   time /api/trends, /api/terms and /api/export of a running kerko serve, RSS during the export
  replicate  write the corpus N times with new ids, as one .jsonl file
  scale      build and query the corpus replicated 1, 3 and 10 times; cold start of serve
  scaleout   publish through NATS, start 3 capped replicas behind haproxy: ready, rollout, req/s with 1-3
  stream     push the corpus to a NATS stream, SIGKILL kerko index --from midway, run it again, count
  zapsize    split an index's segment files by field: stored, postings, positions, dictionaries`

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "compare":
		return runCompare(ctx, args[1:])
	case "limit":
		return runLimit(ctx, args[1:])
	case "http":
		return runHTTP(ctx, args[1:])
	case "abuse":
		return runAbuse(ctx, args[1:])
	case "research":
		return runResearch(ctx, args[1:])
	case "replicate":
		return runReplicate(ctx, args[1:])
	case "scale":
		return runScale(ctx, args[1:])
	case "zapsize":
		return runZapsize(args[1:])
	case "scaleout":
		return runScaleout(ctx, args[1:])
	case "stream":
		return runStream(ctx, args[1:])
	}
	return errors.New(usage)
}

// sharedBench returns the shared bench folder (…/shared/bench).
func sharedBench() (string, error) {
	dir, err := benchcorpus.Dir()
	if err != nil {
		return "", err
	}
	return filepath.Dir(dir), nil
}
