package web

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// The search and page gates bound how much work runs at once, but not
// whose: 64 connections from one address asking for expensive answers as
// fast as they come keep both cores busy, and a plain search from anyone
// else then waits in the CPU's run queue behind all of them (hundreds of
// milliseconds). So while more than one client is active, each client has
// at most shareSlots requests in progress; its others wait their turn (in
// order, until the request's deadline). One client alone (a load test, or
// every request through one proxy) is never held back: the share applies
// only when someone else has been seen within shareWindow.

// shareWindow is how long a client counts as active after its last
// request began: a person reading results between clicks still counts.
const shareWindow = 2 * time.Second

// shareSlots is how many requests one client runs at once while others are
// active: half the cores (at least one), so that one client's requests
// leave the other half to everyone else. One per core still let a flood
// keep both cores busy (`kerko-bench abuse`; the runs of each choice are
// in docs/performance.md, "Amplification under load").
func shareSlots() int { return max(1, runtime.GOMAXPROCS(0)/2) }

type share struct {
	mu      sync.Mutex
	slots   int
	clients map[string]*clientShare
	pruned  time.Time // when clients idle past the window were last dropped
	now     func() time.Time
}

type clientShare struct {
	running int
	waiters []chan struct{}
	seen    time.Time // when its latest request began
}

func newShare(slots int) *share {
	return &share{slots: slots, clients: map[string]*clientShare{}, now: time.Now}
}

// pruneLocked drops the clients idle longer than shareWindow, at most once
// a window, so that the map holds only recent clients however many come
// and go.
func (s *share) pruneLocked(now time.Time) {
	if now.Sub(s.pruned) < shareWindow {
		return
	}
	s.pruned = now
	for k, cs := range s.clients {
		if cs.running == 0 && len(cs.waiters) == 0 && now.Sub(cs.seen) > shareWindow {
			delete(s.clients, k)
		}
	}
}

// othersActiveLocked reports whether a client other than c has been
// active within shareWindow.
func (s *share) othersActiveLocked(c string, now time.Time) bool {
	for k, cs := range s.clients {
		if k != c && (cs.running > 0 || len(cs.waiters) > 0 || now.Sub(cs.seen) <= shareWindow) {
			return true
		}
	}
	return false
}

// enter waits until client may run one more request, or ctx ends.
func (s *share) enter(ctx context.Context, client string) error {
	now := s.now()
	s.mu.Lock()
	s.pruneLocked(now)
	cs := s.clients[client]
	if cs == nil {
		cs = &clientShare{}
		s.clients[client] = cs
	}
	cs.seen = now
	if cs.running < s.slots || len(cs.waiters) == 0 && !s.othersActiveLocked(client, now) {
		cs.running++
		s.mu.Unlock()
		return nil
	}
	ready := make(chan struct{})
	cs.waiters = append(cs.waiters, ready)
	s.mu.Unlock()
	select {
	case <-ready:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		defer s.mu.Unlock()
		for i, w := range cs.waiters {
			if w == ready {
				cs.waiters = append(cs.waiters[:i], cs.waiters[i+1:]...)
				return fmt.Errorf("%w: waited for this client's earlier requests: %w", errBusy, ctx.Err())
			}
		}
		// Let in just as the deadline passed: give the turn back.
		s.leaveLocked(cs)
		return fmt.Errorf("%w: waited for this client's earlier requests: %w", errBusy, ctx.Err())
	}
}

// leave ends one of client's requests and lets its next one in.
func (s *share) leave(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cs := s.clients[client]; cs != nil {
		s.leaveLocked(cs)
	}
}

func (s *share) leaveLocked(cs *clientShare) {
	cs.running--
	// A client that ran many at once while alone first drains to its
	// share before its waiting requests go in.
	for cs.running < s.slots && len(cs.waiters) > 0 {
		close(cs.waiters[0])
		cs.waiters = cs.waiters[1:]
		cs.running++
	}
}

// fairShare applies the share to every request but static files, which
// cost nothing to answer and which a browser fetches several at once, and
// /healthz: a monitor polling from its own address must neither count as
// a second client (holding back the one client behind a proxy) nor wait.
func (s *Server) fairShare(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if p := c.Request().URL.Path; strings.HasPrefix(p, "/static/") || p == "/healthz" {
			return next(c)
		}
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
		client := clientOf(c.Request().Context())
		err := s.share.enter(ctx, client)
		cancel()
		if err != nil {
			return err
		}
		defer s.share.leave(client)
		return next(c)
	}
}
