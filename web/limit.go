package web

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
)

// errBusy is returned when a search waited for its turn until its deadline.
var errBusy = errors.New("server busy")

// limiter bounds how many searches (and suggestion and related-article
// lookups, which are searches too) run at once. Bleve gives every running
// search a share of the CPU, so under a burst (64 clients on 2 cores) all
// of them slow down together and the expensive ones (browsing 36k articles
// with facets) run past their deadline; queueing beyond a few per core
// keeps each search fast and the waiting fair (a channel's waiters are
// served in order). Waiting counts against the search's deadline.
type limiter struct {
	slots   chan struct{}
	waiting atomic.Int64 // searches waiting for a slot (the admission queue, for metrics)
}

func newLimiter(n int) *limiter { return &limiter{slots: make(chan struct{}, n)} }

// acquire waits for a slot until ctx ends; release must follow a nil error.
func (l *limiter) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	l.waiting.Add(1)
	defer l.waiting.Add(-1)
	select {
	case l.slots <- struct{}{}:
		if ctx.Err() != nil { // the slot came too late to be of use
			<-l.slots
			break
		}
		return nil
	case <-ctx.Done():
	}
	return fmt.Errorf("%w: waited for a free search slot: %w", errBusy, ctx.Err())
}

func (l *limiter) release() { <-l.slots }
