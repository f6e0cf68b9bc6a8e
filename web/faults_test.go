package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"kerko/index"
	"kerko/search"
)

// blockingSearcher holds every search until its context ends, like a search
// that would never finish on its own. The embedded interface is nil: a
// method the fault tests never reach (one added to Searcher later) panics
// if called, and the tests would say so.
type blockingSearcher struct{ Searcher }

func (blockingSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (blockingSearcher) Article(ctx context.Context, id string) (*index.Article, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (blockingSearcher) Count() uint64 { return 0 }

// panicSearcher panics with a message that must never reach a client.
type panicSearcher struct{ Searcher }

const panicSecret = "secret internal detail /srv/kerko/gen-000001"

func (panicSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	panic(panicSecret)
}

func (panicSearcher) Article(ctx context.Context, id string) (*index.Article, error) {
	var a *index.Article
	_ = a.Title // nil dereference: a runtime error, not a string panic
	return a, nil
}

func (panicSearcher) Count() uint64 { return 0 }

func TestServer_SearchDeadline(t *testing.T) {
	const timeout = 200 * time.Millisecond
	ts := startRealServer(t, Config{Searcher: blockingSearcher{}, SearchTimeout: timeout}, nil)
	for _, path := range []string{"/api/search?q=erdogan", "/?q=erdogan"} {
		t.Run(path, func(t *testing.T) {
			resp, body, took := getTimed(t, ts.URL+path)
			if resp.StatusCode != 503 {
				t.Fatalf("status %d; want 503 (body %.200s)", resp.StatusCode, body)
			}
			if !strings.Contains(body, "took too long") {
				t.Errorf("body %.300q does not say the search took too long", body)
			}
			if took < timeout || took > timeout+time.Second {
				t.Errorf("answered after %v; want just after the %v deadline", took, timeout)
			}
		})
	}
}

// TestServer_SearchDeadlineRealIndex checks that Bleve itself gives up when
// the deadline has passed, so a deadline bounds real searches too.
func TestServer_SearchDeadlineRealIndex(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: seedIndex(t, nil), SearchTimeout: time.Nanosecond}, nil)
	resp, body, took := getTimed(t, ts.URL+"/api/search?q=erdogan&country=TR")
	if resp.StatusCode != 503 {
		t.Fatalf("status %d; want 503 (body %.200s)", resp.StatusCode, body)
	}
	if took > fastLimit {
		t.Errorf("took %v", took)
	}
}

func TestServer_PanicIsRecovered(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: panicSearcher{}}, nil)
	tests := []struct {
		path string
		json bool
	}{
		{"/api/search?q=x", true},
		{"/api/articles/some-id", true},
		{"/?q=x", false},
		{"/articles/some-id", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body, _ := getTimed(t, ts.URL+tt.path)
			if resp.StatusCode != 500 {
				t.Fatalf("status %d; want 500", resp.StatusCode)
			}
			for _, leak := range []string{panicSecret, "goroutine", "panic", ".go:", "nil pointer"} {
				if strings.Contains(body, leak) {
					t.Errorf("body leaks %q: %.300s", leak, body)
				}
			}
			if tt.json {
				var e map[string]string
				if err := json.Unmarshal([]byte(body), &e); err != nil || e["error"] != "internal error" || len(e) != 1 {
					t.Errorf("body %q; want {\"error\":\"internal error\"}", body)
				}
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type %q", ct)
				}
			}
			id := resp.Header.Get("X-Request-Id")
			if id == "" {
				t.Fatal("no X-Request-Id header")
			}
			logs := ts.Log.String()
			if !strings.Contains(logs, "panic in handler") || !strings.Contains(logs, "request_id="+id) {
				t.Errorf("panic not logged with request id %s:\n%s", id, logs)
			}
		})
	}
	// The server still serves after the panics.
	if resp, _, _ := getTimed(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz after panics: %d", resp.StatusCode)
	}
}

// TestServer_ClientGoneIsNoError: a client that hangs up mid-search (a
// closed tab, a load tool's deadline) is not a server error and must not
// be logged as one.
func TestServer_ClientGoneIsNoError(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: blockingSearcher{}, SearchTimeout: 5 * time.Second}, nil)
	c := &http.Client{Timeout: 200 * time.Millisecond}
	if resp, err := c.Get(ts.URL + "/api/search?q=x"); err == nil {
		resp.Body.Close()
		t.Fatalf("search answered %d before the client gave up", resp.StatusCode)
	}
	time.Sleep(200 * time.Millisecond) // the handler notices and returns
	if logs := ts.Log.String(); strings.Contains(logs, "level=ERROR") {
		t.Errorf("a client hanging up was logged as an error:\n%s", logs)
	}
	if resp, _, _ := getTimed(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz after a hang-up: %d", resp.StatusCode)
	}
}
