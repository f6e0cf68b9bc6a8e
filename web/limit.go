package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"

	"github.com/labstack/echo/v4"
)

// errBusy is returned when a search waited for its turn until its deadline.
var errBusy = errors.New("server busy")

// limiter bounds how many searches (and suggestion and related-article
// lookups, which are searches too), or how many pages being built, run at
// once. Bleve gives every running search a share of the CPU, so under a
// burst (64 clients on 2 cores) all of them slow down together and the
// expensive ones (browsing 36k articles with facets) run past their
// deadline; queueing beyond a few per core keeps each search fast.
// Waiting counts against the search's deadline.
//
// A freed slot goes to the waiting client (by address, see withClient)
// that holds the fewest slots, and among its requests to the one waiting
// longest. So one client with many requests in flight — a crawler, a
// flood of expensive requests from one address — waits behind its own
// requests, not everyone else behind all of them: a client asking one
// thing at a time gets the next free slot. With a single client (or all
// requests through one proxy) this is first in, first out.
type limiter struct {
	mu      sync.Mutex
	size    int
	free    int
	held    map[string]int    // slots held, per client
	last    map[string]uint64 // when each client holding or awaiting a slot was last given one
	grants  uint64            // slots given so far: the clock of last
	waiters []*waiter         // in arrival order

	running atomic.Int64
	waiting atomic.Int64
}

type waiter struct {
	client  string
	ready   chan struct{} // closed when granted
	granted bool          // under limiter.mu
}

func newLimiter(n int) *limiter {
	return &limiter{size: n, free: n, held: map[string]int{}, last: map[string]uint64{}}
}

// acquire waits for a slot until ctx ends; release(ctx) must follow a nil
// error.
func (l *limiter) acquire(ctx context.Context) error {
	client := clientOf(ctx)
	l.mu.Lock()
	if l.free > 0 {
		// A free slot means nobody waits: release hands slots to waiters.
		l.free--
		l.held[client]++
		l.grants++
		l.last[client] = l.grants
		l.mu.Unlock()
		l.running.Add(1)
		return nil
	}
	w := &waiter{client: client, ready: make(chan struct{})}
	l.waiters = append(l.waiters, w)
	l.mu.Unlock()

	l.waiting.Add(1)
	defer l.waiting.Add(-1)
	select {
	case <-w.ready:
		if err := ctx.Err(); err != nil { // the slot came too late to be of use
			l.give(client)
			return fmt.Errorf("%w: waited for a free search slot: %w", errBusy, err)
		}
		l.running.Add(1)
		return nil
	case <-ctx.Done():
		l.mu.Lock()
		if w.granted {
			l.mu.Unlock()
			l.give(client)
		} else {
			for i, o := range l.waiters {
				if o == w {
					l.waiters = append(l.waiters[:i], l.waiters[i+1:]...)
					break
				}
			}
			l.forget(client)
			l.mu.Unlock()
		}
		return fmt.Errorf("%w: waited for a free search slot: %w", errBusy, ctx.Err())
	}
}

// release gives back the slot acquire(ctx) took.
func (l *limiter) release(ctx context.Context) {
	l.running.Add(-1)
	l.give(clientOf(ctx))
}

// give returns client's slot: to the waiter of the client holding the
// fewest slots, among those to the client served longest ago (so two
// clients of one slot each take turns), and among its waiters to the
// earliest; or to the free ones.
func (l *limiter) give(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.held[client]--; l.held[client] <= 0 {
		delete(l.held, client)
	}
	defer l.forget(client)
	if len(l.waiters) == 0 {
		l.free++
		return
	}
	best := 0
	for i, w := range l.waiters {
		b := l.waiters[best].client
		if hw, hb := l.held[w.client], l.held[b]; hw < hb || hw == hb && l.last[w.client] < l.last[b] {
			best = i
		}
	}
	w := l.waiters[best]
	l.waiters = append(l.waiters[:best], l.waiters[best+1:]...)
	w.granted = true
	l.held[w.client]++
	l.grants++
	l.last[w.client] = l.grants
	close(w.ready)
}

// forget drops what the limiter knows of a client that holds no slot and
// waits for none, so that its maps hold only clients in flight.
func (l *limiter) forget(client string) {
	if l.held[client] > 0 {
		return
	}
	for _, w := range l.waiters {
		if w.client == client {
			return
		}
	}
	delete(l.last, client)
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

type clientKey struct{}

// clientOf is the client a request's context was marked with, "" for none.
func clientOf(ctx context.Context) string {
	c, _ := ctx.Value(clientKey{}).(string)
	return c
}

// withClient marks each request's context with its client: the address
// of the connection's far end, without the port. Never a header such as
// X-Forwarded-For, which a client writes as it likes: behind a proxy,
// every request is the proxy's, and the limiter is first in, first out.
func withClient(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		c.SetRequest(r.WithContext(context.WithValue(r.Context(), clientKey{}, host)))
		return next(c)
	}
}
