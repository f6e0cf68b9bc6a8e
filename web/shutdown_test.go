package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"kerko/search"
)

// slowSearcher is a real index whose searches take at least delay, so that
// requests are surely being handled when shutdown begins.
type slowSearcher struct {
	*search.Index
	delay time.Duration
}

func (s slowSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Index.Search(ctx, req)
}

// serveInBackground runs Serve the way `kerko serve` does and returns the
// address, the cancel that stands for SIGTERM, and Serve's result.
func serveInBackground(t *testing.T, searcher Searcher, grace time.Duration) (string, context.CancelFunc, <-chan error) {
	t.Helper()
	srv, err := New(Config{Searcher: searcher, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, hs, ln, grace) }()
	t.Cleanup(func() { cancel(); hs.Close() })
	return "http://" + ln.Addr().String(), cancel, done
}

func TestServe_InFlightRequestsFinish(t *testing.T) {
	const delay = 600 * time.Millisecond
	base, sigterm, done := serveInBackground(t, slowSearcher{seedIndex(t, nil), delay}, 5*time.Second)

	type answer struct {
		status int
		hits   int
		err    error
	}
	answers := make(chan answer, 8)
	for i := 0; i < cap(answers); i++ {
		go func() {
			resp, err := timedClient.Get(base + "/api/search?q=erdogan")
			if err != nil {
				answers <- answer{err: err}
				return
			}
			defer resp.Body.Close()
			var r struct{ Hits []json.RawMessage }
			err = json.NewDecoder(resp.Body).Decode(&r)
			answers <- answer{status: resp.StatusCode, hits: len(r.Hits), err: err}
		}()
	}
	time.Sleep(delay / 4) // every request is now in a handler
	start := time.Now()
	sigterm()

	// New connections are refused at once, while the old ones are served.
	time.Sleep(50 * time.Millisecond)
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second); err == nil {
		t.Error("server still accepts connections after shutdown began")
	}
	for i := 0; i < cap(answers); i++ {
		a := <-answers
		if a.err != nil || a.status != 200 || a.hits == 0 {
			t.Errorf("request in flight at shutdown: status %d, %d hits, err %v; want 200 with hits", a.status, a.hits, a.err)
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v; want nil after a clean shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its requests finished")
	}
	if took := time.Since(start); took > delay+2*time.Second {
		t.Errorf("shutdown took %v", took)
	}
}

func TestServe_GraceRunsOut(t *testing.T) {
	base, sigterm, done := serveInBackground(t, blockingSearcher{}, 300*time.Millisecond)
	go func() {
		resp, err := timedClient.Get(base + "/api/search?q=x")
		if err == nil {
			resp.Body.Close()
		}
	}()
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	sigterm()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Serve returned %v; want the grace deadline", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not give up after its grace period")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("gave up after %v; want about 300ms", took)
	}
}
