package web

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// errBusy is returned when a search waited for its turn until its deadline.
var errBusy = errors.New("server busy")

// limiter bounds how many searches (and suggestion and related-article
// lookups, which are searches too) run at once. Bleve gives every running
// search a share of the CPU, so under a burst (64 clients on 2 cores) all
// of them slow down together and the expensive ones (browsing 36k articles
// with facets) run past their deadline; queueing beyond a few per core
// keeps each search fast. The weighted semaphore serves its waiters first
// in, first out (its documented contract), so waiting is fair. Waiting
// counts against the search's deadline.
type limiter struct {
	sem     *semaphore.Weighted
	size    int
	running atomic.Int64
	waiting atomic.Int64
}

func newLimiter(n int) *limiter { return &limiter{sem: semaphore.NewWeighted(int64(n)), size: n} }

// acquire waits for a slot until ctx ends; release must follow a nil error.
func (l *limiter) acquire(ctx context.Context) error {
	if !l.sem.TryAcquire(1) {
		l.waiting.Add(1)
		err := l.sem.Acquire(ctx, 1)
		l.waiting.Add(-1)
		if err == nil && ctx.Err() != nil { // the slot came too late to be of use
			l.sem.Release(1)
			err = ctx.Err()
		}
		if err != nil {
			return fmt.Errorf("%w: waited for a free search slot: %w", errBusy, err)
		}
	}
	l.running.Add(1)
	return nil
}

func (l *limiter) release() {
	l.running.Add(-1)
	l.sem.Release(1)
}

// limiterStats is what /healthz shows of the limiter.
type limiterStats struct {
	Slots   int   `json:"slots"`
	Running int64 `json:"running"`
	Waiting int64 `json:"waiting"`
}

func (l *limiter) stats() limiterStats {
	return limiterStats{Slots: l.size, Running: l.running.Load(), Waiting: l.waiting.Load()}
}
