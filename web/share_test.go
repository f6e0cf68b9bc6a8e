package web

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestShare_Enter checks the share's rules: a client alone is never held
// back; while another client is active, a client runs at most its slots and
// its other requests wait, in order, for its own to finish; a wait ends
// with errBusy at the deadline; a client idle past the window no longer
// counts as active.
func TestShare_Enter(t *testing.T) {
	now := time.Unix(1000, 0)
	s := newShare(1)
	s.now = func() time.Time { return now }
	ctx := context.Background()

	for range 5 { // alone: all five at once
		if err := s.enter(ctx, "crawler"); err != nil {
			t.Fatalf("a client alone was held back: %v", err)
		}
	}
	// Someone else arrives: let in at once (it runs nothing yet).
	if err := s.enter(ctx, "reader"); err != nil {
		t.Fatalf("a client running nothing was held back: %v", err)
	}
	// The crawler now waits until its five drain below its one slot.
	var order []int
	var mu sync.Mutex
	var wg sync.WaitGroup
	started := make(chan struct{}, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			started <- struct{}{}
			if err := s.enter(ctx, "crawler"); err != nil {
				t.Errorf("waiting request %d: %v", i, err)
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			s.leave("crawler")
		}()
		<-started
		waitUntil(t, func() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.clients["crawler"].waiters) == i+1 })
	}
	for range 4 {
		s.leave("crawler")
	}
	mu.Lock()
	if len(order) != 0 {
		t.Errorf("requests %v went in while the crawler still ran its one slot's worth", order)
	}
	mu.Unlock()
	s.leave("crawler") // the last of the five: now one at a time
	wg.Wait()
	if len(order) != 3 || order[0] != 0 || order[1] != 1 || order[2] != 2 {
		t.Errorf("waiting requests went in as %v; want 0 1 2, in arrival order", order)
	}

	// A wait that outlasts its deadline is refused as busy.
	if err := s.enter(ctx, "crawler"); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := s.enter(short, "crawler"); !errors.Is(err, errBusy) {
		t.Errorf("a wait past the deadline = %v; want errBusy", err)
	}
	s.leave("crawler")

	// The reader finishes and stays idle past the window: the crawler is
	// alone again.
	s.leave("reader")
	now = now.Add(shareWindow + time.Second)
	for range 3 {
		if err := s.enter(ctx, "crawler"); err != nil {
			t.Fatalf("a client alone again was held back: %v", err)
		}
	}
	s.mu.Lock()
	_, kept := s.clients["reader"]
	s.mu.Unlock()
	if kept {
		t.Errorf("a client idle past the window is still tracked")
	}
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 5s")
		}
		time.Sleep(time.Millisecond)
	}
}
