package web

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kerko/search"
)

// countingSearcher is a real index that records how many searches run at
// once; each takes at least delay.
type countingSearcher struct {
	*search.Index
	delay       time.Duration
	running, hi atomic.Int32
}

func (s *countingSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	n := s.running.Add(1)
	defer s.running.Add(-1)
	for {
		hi := s.hi.Load()
		if n <= hi || s.hi.CompareAndSwap(hi, n) {
			break
		}
	}
	time.Sleep(s.delay)
	return s.Index.Search(ctx, req)
}

func TestServer_SearchesAreBounded(t *testing.T) {
	cs := &countingSearcher{Index: seedIndex(t, nil), delay: 50 * time.Millisecond}
	// No cache: it would answer the identical searches with one.
	ts := startRealServer(t, Config{Searcher: cs, MaxSearches: 2, CacheBytes: -1}, nil)
	var wg sync.WaitGroup
	statuses := make(chan int, 12)
	for i := 0; i < cap(statuses); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, _, err := getAsync(ts.URL + "/api/search?q=erdogan")
			if err != nil {
				t.Error(err)
			}
			statuses <- status
		}()
	}
	// /healthz shows the queue while it lasts.
	var seen limiterStats
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline) && seen.Waiting == 0; {
		_, body, _, err := getAsync(ts.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		var h struct{ Searches limiterStats }
		if err := json.Unmarshal([]byte(body), &h); err != nil {
			t.Fatalf("/healthz = %q: %v", body, err)
		}
		if h.Searches.Waiting > 0 {
			seen = h.Searches
		}
	}
	wg.Wait()
	close(statuses)
	for st := range statuses {
		if st != 200 {
			t.Errorf("queued search answered %d; want 200", st)
		}
	}
	if hi := cs.hi.Load(); hi > 2 || hi < 1 {
		t.Errorf("%d searches ran at once; want at most MaxSearches=2", hi)
	}
	if seen.Slots != 2 || seen.Running != 2 || seen.Waiting < 1 {
		t.Errorf("/healthz showed searches %+v during the burst; want 2 slots, 2 running, some waiting", seen)
	}
}

// stuckSearcher holds its slot for hold whatever the deadline says, like
// a search stuck in code that does not look at its context.
type stuckSearcher struct {
	blockingSearcher
	hold time.Duration
}

func (s stuckSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	time.Sleep(s.hold)
	return nil, ctx.Err()
}

func TestServer_BusyWhenQueueOutlastsDeadline(t *testing.T) {
	const timeout = 200 * time.Millisecond
	ts := startRealServer(t, Config{Searcher: stuckSearcher{hold: 1500 * time.Millisecond}, MaxSearches: 1, SearchTimeout: timeout}, nil)
	go getAsync(ts.URL + "/api/search?q=holder")
	time.Sleep(100 * time.Millisecond) // the holder has the only slot
	var wg sync.WaitGroup
	// Suggestions and related articles queue for the same slots (the
	// stuck searcher would panic if they reached it).
	for _, path := range []string{"/api/search?q=x", "/api/suggest?q=kaz", "/api/search?q=y"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, body, took, err := getAsync(ts.URL + path)
			if err != nil || status != 503 || !strings.Contains(body, "busy") {
				t.Errorf("queued search: %d %q %v; want 503 server busy", status, body, err)
			}
			if took < timeout || took > timeout+time.Second {
				t.Errorf("queued search answered after %v; want soon after its %v deadline", took, timeout)
			}
		}()
	}
	wg.Wait()
}
