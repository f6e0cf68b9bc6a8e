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

// TestLimiter_Order: a freed slot goes to the waiting client holding the
// fewest slots, then to the one served longest ago, then first come first
// served; a waiter whose deadline passes leaves the queue and the slot
// goes on; one client alone is served first in, first out.
func TestLimiter_Order(t *testing.T) {
	as := func(client string) context.Context { return context.WithValue(context.Background(), clientKey{}, client) }
	type step struct {
		op     string // "hold" (acquire, must not wait), "wait" (queue), "release" (one of client's), "cancel" (a queued waiter of client)
		client string
	}
	for _, tc := range []struct {
		name  string
		size  int
		steps []step
		want  []string // clients in the order their queued waiters got a slot
	}{
		{"a flood waits behind itself", 2, []step{
			{"hold", "flood"}, {"hold", "flood"},
			{"wait", "flood"}, {"wait", "flood"}, {"wait", "flood"}, {"wait", "user"},
			{"release", "flood"}, {"release", "flood"}, {"release", "flood"}, {"release", "flood"},
		}, []string{"user", "flood", "flood", "flood"}},
		{"two clients of one slot take turns", 1, []step{
			{"hold", "a"}, {"wait", "a"}, {"wait", "a"}, {"wait", "b"}, {"wait", "b"},
			{"release", "a"}, {"release", "b"}, {"release", "a"}, {"release", "b"},
		}, []string{"b", "a", "b", "a"}},
		{"one client: first in, first out", 1, []step{
			{"hold", "a"}, {"wait", "a"}, {"wait", "a"}, {"release", "a"}, {"release", "a"},
		}, []string{"a", "a"}},
		{"a cancelled waiter leaves the queue", 1, []step{
			{"hold", "a"}, {"wait", "b"}, {"wait", "c"}, {"cancel", "b"}, {"release", "a"},
		}, []string{"c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := newLimiter(tc.size)
			var (
				mu     sync.Mutex
				got    []string
				wg     sync.WaitGroup
				cancel = map[string][]context.CancelFunc{}
			)
			queued := func(n int64) {
				for deadline := time.Now().Add(5 * time.Second); l.waiting.Load() != n; {
					if time.Now().After(deadline) {
						t.Fatalf("waiting = %d; want %d", l.waiting.Load(), n)
					}
					time.Sleep(time.Millisecond)
				}
			}
			granted := func(n int) {
				for deadline := time.Now().Add(5 * time.Second); ; {
					mu.Lock()
					k := len(got)
					mu.Unlock()
					if k >= n {
						return
					}
					if time.Now().After(deadline) {
						t.Fatalf("%d granted; want %d", k, n)
					}
					time.Sleep(time.Millisecond)
				}
			}
			var queuedN int64
			grants := 0
			for _, st := range tc.steps {
				switch st.op {
				case "hold":
					if err := l.acquire(as(st.client)); err != nil {
						t.Fatal(err)
					}
				case "wait":
					ctx, c := context.WithCancel(as(st.client))
					cancel[st.client] = append(cancel[st.client], c)
					wg.Add(1)
					go func(client string) {
						defer wg.Done()
						if err := l.acquire(ctx); err != nil {
							return
						}
						mu.Lock()
						got = append(got, client)
						mu.Unlock()
					}(st.client)
					queuedN++
					queued(queuedN)
				case "cancel":
					cancel[st.client][0]()
					queuedN--
					queued(queuedN)
				case "release":
					l.release(as(st.client))
					if queuedN > 0 {
						queuedN--
						grants++
						granted(grants)
					}
				}
			}
			wg.Wait()
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("slots went to %v; want %v", got, tc.want)
			}
			for _, c := range cancel {
				for _, f := range c {
					f()
				}
			}
		})
	}
}
