package search

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"kerko/internal/fixture"
)

// TestSearch_HonoursContext checks that Bleve gives up on a search whose
// context has ended, so the web server's deadline bounds real work.
func TestSearch_HonoursContext(t *testing.T) {
	ix := openSeeds(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, req := range []Request{{Query: "erdogan"}, {}, {Query: "kazakistan", Countries: []string{"KZ"}}} {
		_, err := ix.Search(ctx, req)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Search(%+v) with a cancelled context: %v; want context.Canceled", req, err)
		}
	}
	if _, err := ix.Article(ctx, fixture.SeedEnUndated); !errors.Is(err, context.Canceled) {
		t.Errorf("Article with a cancelled context: %v; want context.Canceled", err)
	}
}

// TestSearch_DeadlineOnBench cuts a long search short on a big index:
//
//	KERKO_BENCH_INDEX=/tmp/kerko-bench-idx go test ./index -run DeadlineOnBench -v
//
// (the index built by scripts/load.sh from ../shared/bench/corpus). Browsing
// every article with facets is the slowest search kerko runs; with a
// deadline of a tenth of its time it must stop well before finishing.
func TestSearch_DeadlineOnBench(t *testing.T) {
	dir := os.Getenv("KERKO_BENCH_INDEX")
	if dir == "" {
		t.Skip("set KERKO_BENCH_INDEX to an index of ../shared/bench/corpus to run")
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	req := Request{Sort: SortNewest}
	ix.Search(context.Background(), req) // warm up
	start := time.Now()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	deadline := full / 10
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	start = time.Now()
	_, err = ix.Search(ctx, req)
	cut := time.Since(start)
	t.Logf("browse of %d articles: %v in full, stopped after %v with a %v deadline: %v", res.Total, full, cut, deadline, err)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("search past its deadline returned %v; want context.DeadlineExceeded", err)
	}
	if cut > full/2 {
		t.Errorf("search ran %v of its %v despite a %v deadline", cut, full, deadline)
	}
}
