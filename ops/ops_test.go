package ops

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kerko/corpus"
	"kerko/index"
	"kerko/web"
)

func get(t *testing.T, h http.Handler, path string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	resp := rec.Result()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestHandler_ServeHTTP(t *testing.T) {
	dir := t.TempDir()
	read := func(ctx context.Context, r *corpus.Reader) error { return r.ReadFS(ctx, corpus.Seeds(), "seeds") }
	if _, err := index.Build(context.Background(), dir, read, index.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	h := New(Config{Dir: dir})

	// Before an index is open: alive, not ready, nothing else served.
	for _, tc := range []struct {
		path string
		code int
		body string
	}{
		{"/readyz", 503, `"ready":false`},
		{"/healthz", 200, `"ready":false`},
		{"/api/search?q=NATO", 503, "no index generation open yet"},
		{"/api/status", 200, `"ready":false`},
		{"/metrics", 200, "kerko_ready 0"},
	} {
		resp, body := get(t, h, tc.path)
		if resp.StatusCode != tc.code || !strings.Contains(body, tc.body) || resp.Header.Get(GenerationHeader) != "none" {
			t.Errorf("before ready, %s: %d %q %q; want %d with %q", tc.path, resp.StatusCode, resp.Header.Get(GenerationHeader), body, tc.code, tc.body)
		}
	}

	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srv, err := web.New(web.Config{Searcher: ix})
	if err != nil {
		t.Fatal(err)
	}
	h.Ready(ix, srv)
	for _, tc := range []struct {
		path string
		code int
		body string
	}{
		{"/readyz", 200, `"generation":"gen-000001"`},
		{"/healthz", 200, `"articles":5`},
		{"/api/search?q=Kazakistan", 200, `"hits"`},
		{"/api/articles/no-such-id", 404, "not found"},
		{"/api/status", 200, `"source":"local"`},
	} {
		resp, body := get(t, h, tc.path)
		if resp.StatusCode != tc.code || !strings.Contains(body, tc.body) || resp.Header.Get(GenerationHeader) != "gen-000001" {
			t.Errorf("ready, %s: %d %q %q; want %d with %q", tc.path, resp.StatusCode, resp.Header.Get(GenerationHeader), body, tc.code, tc.body)
		}
	}
	st := h.Status()
	if !st.Ready || st.Articles != 5 || st.Published == nil || st.LagGenerations != 0 {
		t.Errorf("status %+v", st)
	}
	_, metrics := get(t, h, "/metrics")
	for _, m := range []string{
		`kerko_http_requests_total{code="200",route="/api/search"} 1`,
		`kerko_http_requests_total{code="404",route="/api/articles/{id}"} 1`,
		`kerko_http_requests_total{code="503",route="/api/search"} 1`,
		`kerko_http_request_duration_seconds_count{route="/api/search"} 2`,
		"kerko_ready 1", "kerko_generation 1", "kerko_articles 5", "kerko_search_queue 0", "kerko_cache_misses_total ",
	} {
		if !strings.Contains(metrics, m) {
			t.Errorf("/metrics lacks %q", m)
		}
	}
}

func TestRoute(t *testing.T) {
	for path, want := range map[string]string{
		"/": "/", "/api/search": "/api/search", "/api/articles/x%2Fy": "/api/articles/{id}",
		"/articles/abc": "/articles/{id}", "/static/app.js": "/static", "/wp-admin": "other", "/metrics": "/metrics",
	} {
		if got := Route(path); got != want {
			t.Errorf("Route(%q) = %q, want %q", path, got, want)
		}
	}
}
