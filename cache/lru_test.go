package cache

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// value returns an fn for Do that counts its calls and answers v of size.
func value(calls *atomic.Int32, v string, size int64, err error) func() (string, int64, error) {
	return func() (string, int64, error) {
		calls.Add(1)
		return v, size, err
	}
}

func TestCache_Do(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name      string
		size      int64
		err       error
		wantCalls int32 // after two Do calls with the same key
		wantKept  int
	}{
		{"kept and hit", 10, nil, 1, 1},
		{"error not kept", 10, errBoom, 2, 0},
		{"size 0 declines", 0, nil, 2, 0},
		{"larger than an eighth of the bound", 200, nil, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New[string, string](1000)
			var calls atomic.Int32
			for i := 0; i < 2; i++ {
				v, hit, err := c.Do(context.Background(), "k", value(&calls, "v", tt.size, tt.err))
				if !errors.Is(err, tt.err) {
					t.Fatalf("Do #%d err = %v; want %v", i, err, tt.err)
				}
				if err == nil && v != "v" {
					t.Errorf("Do #%d = %q; want %q", i, v, "v")
				}
				if wantHit := i == 1 && tt.wantCalls == 1; hit != wantHit {
					t.Errorf("Do #%d hit = %v; want %v", i, hit, wantHit)
				}
			}
			if got := calls.Load(); got != tt.wantCalls {
				t.Errorf("fn called %d times; want %d", got, tt.wantCalls)
			}
			if st := c.Stats(); st.Entries != tt.wantKept {
				t.Errorf("Stats().Entries = %d; want %d", st.Entries, tt.wantKept)
			}
		})
	}
}

func TestCache_Bound(t *testing.T) {
	const max, size = 1000, 100
	c := New[int, int](max)
	var calls atomic.Int32
	for k := 0; k < 50; k++ {
		c.Do(context.Background(), k, func() (int, int64, error) { calls.Add(1); return k, size, nil })
		// Key 0 is used after every add: it must never be the one evicted.
		if _, hit, _ := c.Do(context.Background(), 0, func() (int, int64, error) { return 0, size, nil }); k > 0 && !hit {
			t.Fatalf("after adding key %d, key 0 (used last) was evicted", k)
		}
		if st := c.Stats(); st.Bytes > max {
			t.Fatalf("after adding key %d: %d bytes kept; want at most %d", k, st.Bytes, max)
		}
	}
	st := c.Stats()
	if st.Entries != max/size || st.Bytes != max {
		t.Errorf("Stats() = %+v; want %d entries, %d bytes", st, max/size, max)
	}
	// The oldest keys but 0 are gone, the newest are there.
	if _, hit, _ := c.Do(context.Background(), 1, value2(1)); hit {
		t.Errorf("key 1 is still cached after 49 newer keys")
	}
	if _, hit, _ := c.Do(context.Background(), 49, value2(49)); !hit {
		t.Errorf("key 49 (the newest) is not cached")
	}
}

func value2(v int) func() (int, int64, error) {
	return func() (int, int64, error) { return v, 100, nil }
}

func TestCache_Purge(t *testing.T) {
	c := New[string, string](1000)
	var calls atomic.Int32
	c.Do(context.Background(), "k", value(&calls, "v", 10, nil))
	c.Purge()
	if _, hit, _ := c.Do(context.Background(), "k", value(&calls, "v", 10, nil)); hit || calls.Load() != 2 {
		t.Errorf("after Purge: hit = %v, calls = %d; want a miss that computes again", hit, calls.Load())
	}
}

// TestCache_SharedMiss checks that concurrent misses of one key compute it
// once and share the answer.
func TestCache_SharedMiss(t *testing.T) {
	c := New[string, string](1000)
	var calls atomic.Int32
	release := make(chan struct{})
	fn := func() (string, int64, error) {
		calls.Add(1)
		<-release
		return "v", 10, nil
	}
	const n = 16
	var wg sync.WaitGroup
	got := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _, err := c.Do(context.Background(), "k", fn)
			if err != nil {
				t.Errorf("Do: %v", err)
			}
			got[i] = v
		}()
	}
	// Let the goroutines reach Do before the computation ends.
	waitFor(t, func() bool { c.mu.Lock(); defer c.mu.Unlock(); return len(c.calls) == 1 })
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("fn called %d times for %d concurrent misses; want 1", calls.Load(), n)
	}
	for i, v := range got {
		if v != "v" {
			t.Errorf("caller %d got %q; want %q", i, v, "v")
		}
	}
	if st := c.Stats(); st.Hits+st.Misses != n || st.Misses != 1 {
		t.Errorf("Stats() = %+v; want 1 miss and %d hits", st, n-1)
	}
}

// TestCache_SharedFailure checks that a waiter does not get the error of
// the computation it waited for (it may be the first caller's own, a
// cancelled request) but computes for itself, and that a panic in fn
// releases the waiters.
func TestCache_SharedFailure(t *testing.T) {
	for _, panics := range []bool{false, true} {
		t.Run(fmt.Sprintf("panic=%v", panics), func(t *testing.T) {
			c := New[string, string](1000)
			started, release := make(chan struct{}), make(chan struct{})
			go func() {
				defer func() { recover() }()
				c.Do(context.Background(), "k", func() (string, int64, error) {
					close(started)
					<-release
					if panics {
						panic("boom")
					}
					return "", 0, context.Canceled
				})
			}()
			<-started
			done := make(chan string)
			go func() {
				v, _, err := c.Do(context.Background(), "k", func() (string, int64, error) { return "own", 10, nil })
				if err != nil {
					t.Errorf("waiter: %v", err)
				}
				done <- v
			}()
			time.Sleep(20 * time.Millisecond)
			close(release)
			select {
			case v := <-done:
				if v != "own" {
					t.Errorf("waiter got %q; want its own answer %q", v, "own")
				}
			case <-time.After(5 * time.Second):
				t.Fatal("waiter still waiting 5s after the shared computation failed")
			}
		})
	}
}

// TestCache_WaiterDeadline checks that a waiter gives up when its context
// ends, without waiting for the computation.
func TestCache_WaiterDeadline(t *testing.T) {
	c := New[string, string](1000)
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	go c.Do(context.Background(), "k", func() (string, int64, error) { close(started); <-release; return "v", 10, nil })
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, _, err := c.Do(ctx, "k", value(new(atomic.Int32), "x", 10, nil)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiter err = %v; want context.DeadlineExceeded", err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(time.Millisecond)
	}
}
