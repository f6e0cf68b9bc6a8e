package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"kerko/internal/fixture"
	"kerko/search"
)

// hrefs returns every link target of a page, unescaped.
func hrefs(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`(?:href|action)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		out = append(out, strings.NewReplacer("&amp;", "&", "&#43;", "+").Replace(m[1]))
	}
	return out
}

// TestPage_LinksCarryOnlyValidatedState: a parameter the page does not
// know, or a ui it does not speak, never reaches a link, so one long
// parameter cannot multiply into every link of the page.
func TestPage_LinksCarryOnlyValidatedState(t *testing.T) {
	ts := seedServer(t)
	long := strings.Repeat("z", 60<<10)
	// The parameters each link's route knows.
	known := func(path string) []string {
		switch {
		case path == "/":
			return searchPageParams
		case strings.HasPrefix(path, "/articles/"):
			return articlePageParams
		case path == "/trends":
			return trendsPageParams
		case path == "/api/trends":
			return trendsAPIParams
		case path == "/api/export":
			return exportAPIParams
		case path == "/feed.atom":
			return feedParams
		case path == "/help":
			return helpParams
		case strings.HasPrefix(path, "/static/"):
			return []string{"v"}
		}
		return nil
	}
	for _, path := range []string{
		"/trends?q=Kazakistan&zz=" + long,
		"/trends?q=Kazakistan&ui=" + long,
		"/help?zz=" + long,
		"/trends?q=Kazakistan" + strings.Repeat("&q=", 5000),
		"/?zz=" + long,
		"/?q=Kazakistan&zz=" + long,
		"/?size=100&ui=" + long,
		"/?q=Kazakistan&ui=" + long + "&country=kz",
		"/articles/" + fixture.SeedSqTurqiKZ + "?q=Kazakistan&zz=" + long,
		"/articles/" + fixture.SeedSqTurqiKZ + "?ui=" + long,
		"/no/such/page?zz=" + long,
	} {
		code, page := get(t, ts, path)
		if code != http.StatusOK && code != http.StatusNotFound {
			t.Errorf("GET %.60s: status %d", path, code)
		}
		// The 60 KB parameter alone would make a page of 60 KB; today's
		// seed pages are under 40 KB.
		if len(page) > 48<<10 {
			t.Errorf("GET %.60s: page of %d bytes; want it bounded by the valid search, not the request", path, len(page))
		}
		if strings.Contains(page, "zzzzzzzz") {
			t.Errorf("GET %.60s: the unknown parameter's value is on the page", path)
		}
		for _, h := range hrefs(t, page) {
			u, err := url.Parse(h)
			if err != nil {
				t.Errorf("GET %.60s: link %.80q does not parse: %v", path, h, err)
				continue
			}
			for k, vs := range u.Query() {
				if !slices.Contains(known(u.Path), k) {
					t.Errorf("GET %.60s: link %.80q carries unknown parameter %.20q", path, h, k)
				}
				if k == "ui" && (len(vs) != 1 || !isUILang(vs[0])) {
					t.Errorf("GET %.60s: link %.80q carries ui=%.20q", path, h, vs)
				}
			}
		}
	}
	// country=kz is kept, as the search read it.
	if _, page := get(t, ts, "/?q=Kazakistan&ui="+long+"&country=kz"); !strings.Contains(page, `href="/?country=KZ&amp;q=Kazakistan&amp;sort=newest"`) {
		t.Errorf("the sort link does not keep the valid filter")
	}
}

func TestAPI_UnknownParameters(t *testing.T) {
	ts := seedServer(t)
	tests := []struct {
		path, param string
	}{
		{"/api/search?q=erdogan&contry=KZ", "contry"},
		{"/api/search?q=erdogan&ui=de", "ui"},
		{"/api/search?q=erdogan&zz=" + strings.Repeat("z", 60<<10), "zz"},
		{"/api/suggest?q=kaz&prefix=ka", "prefix"},
		{"/api/suggest?q=kaz&ui=xx", "ui"},
		{"/api/articles/" + fixture.SeedSqTurqiKZ + "?q=erdogan", "q"},
	}
	for _, tt := range tests {
		code, body := get(t, ts, tt.path)
		var e struct{ Error string }
		if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || !strings.HasPrefix(e.Error, tt.param+":") {
			t.Errorf("GET %.60s = %d %.200s; want 400 naming %q", tt.path, code, body, tt.param)
		}
		if len(body) > 1000 {
			t.Errorf("GET %.60s: error of %d bytes", tt.path, len(body))
		}
	}
	for _, path := range []string{"/api/search?q=erdogan&ui=tr&pretty", "/api/suggest?q=kaz&ui=sq", "/healthz?_=1700000000"} {
		if code, body := get(t, ts, path); code != http.StatusOK {
			t.Errorf("GET %s = %d %.200s; want 200", path, code, body)
		}
	}
}

// TestServer_MalformedQueryString: a query string url.ParseQuery refuses
// is a 400, as docs/api.md says, not a search for what survived.
func TestServer_MalformedQueryString(t *testing.T) {
	ts := seedServer(t)
	for _, raw := range []string{"q=nato;size=1", "q=%zz", "q=Kazakhstan&from=2025%"} {
		code, body := get(t, ts, "/api/search?"+raw)
		var e struct{ Error string }
		if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || !strings.HasPrefix(e.Error, "query string: invalid") {
			t.Errorf("API ?%s = %d %s; want 400 naming the query string", raw, code, body)
		}
		code, page := get(t, ts, "/?"+raw)
		if code != http.StatusBadRequest || !strings.Contains(page, `class="error-msg"`) || !strings.Contains(page, `<form class="searchbox"`) {
			t.Errorf("page ?%s = %d; want a 400 error page with the search box", raw, code)
		}
	}
	// What was meant is offered: ';' read as '&'.
	_, page := get(t, ts, "/?q=nato;size=1")
	if !strings.Contains(page, `value="nato"`) || !strings.Contains(page, `<a class="fix" href="/?q=nato&amp;size=1">`) {
		t.Errorf("?q=nato;size=1 does not offer q=nato&size=1:\n%s", page)
	}
}

// TestServer_HeadOnEveryRoute: HEAD answers what GET answers, without the
// body, on every route the server registers.
func TestServer_HeadOnEveryRoute(t *testing.T) {
	ix := seedIndex(t, nil)
	srv, err := New(Config{Searcher: ix, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	paths := map[string]string{
		"/": "/?q=Kazakistan", "/articles/*": "/articles/" + fixture.SeedSqTurqiKZ, "/api/search": "/api/search?q=erdogan",
		"/api/articles/*": "/api/articles/" + fixture.SeedSqTurqiKZ, "/api/suggest": "/api/suggest?q=kaz", "/healthz": "/healthz",
		"/static/*": "/static/kerko.css", "/trends": "/trends?q=Kazakistan", "/api/trends": "/api/trends?q=Kazakistan",
		"/api/export": "/api/export?q=Kazakistan", "/feed.atom": "/feed.atom?q=Kazakistan", "/help": "/help",
		"/api/terms": "/api/terms?q=Kazakistan", "/telling": "/telling?q=Kazakistan",
	}
	n := 0
	for _, r := range srv.echo.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		p, ok := paths[r.Path]
		if !ok {
			t.Errorf("route %s has no path in this test", r.Path)
			continue
		}
		n++
		getResp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		getBody, _ := io.ReadAll(getResp.Body)
		getResp.Body.Close()
		headResp, err := http.Head(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		headBody, _ := io.ReadAll(headResp.Body)
		headResp.Body.Close()
		if headResp.StatusCode != http.StatusOK || getResp.StatusCode != http.StatusOK {
			t.Errorf("HEAD %s = %d, GET = %d; want 200 both", p, headResp.StatusCode, getResp.StatusCode)
		}
		if len(headBody) != 0 {
			t.Errorf("HEAD %s sent a body of %d bytes", p, len(headBody))
		}
		if headResp.Header.Get("Content-Type") != getResp.Header.Get("Content-Type") {
			t.Errorf("HEAD %s Content-Type %q; GET %q", p, headResp.Header.Get("Content-Type"), getResp.Header.Get("Content-Type"))
		}
		timed := r.Path == "/" || r.Path == "/api/search" // their length varies with the search time
		if cl := headResp.ContentLength; cl >= 0 && !timed && cl != int64(len(getBody)) {
			t.Errorf("HEAD %s Content-Length %d; GET sent %d bytes", p, cl, len(getBody))
		}
	}
	if n < len(paths) {
		t.Errorf("%d GET routes checked; want every route", n)
	}
}

// TestServer_CacheHeaders: answers say how long they may be kept, and
// those chosen by Accept-Language say so in Vary.
func TestServer_CacheHeaders(t *testing.T) {
	ts := seedServer(t)
	tests := []struct {
		path, accept string
		status       int
		cache, vary  string // "" for absent
	}{
		{"/?q=Kazakistan", "tr", 200, "no-cache", "Accept-Language"},
		{"/?q=Kazakistan&ui=sq", "tr", 200, "no-cache", ""},
		{"/articles/" + fixture.SeedSqTurqiKZ, "", 200, "no-cache", "Accept-Language"},
		{"/api/search?q=erdogan", "", 200, "no-cache", "Accept-Language"},
		{"/api/search?q=erdogan&ui=en", "", 200, "no-cache", ""},
		{"/api/suggest?q=kaz", "", 200, "no-cache", "Accept-Language"},
		{"/api/search?size=1000", "", 400, "no-store", ""},
		{"/?from=2026-01-01&to=2025-01-01", "", 400, "no-store", "Accept-Language"},
		{"/articles/nope", "", 404, "no-store", "Accept-Language"},
		{"/healthz", "", 200, "no-store", ""},
		{"/static/kerko.css", "", 200, "no-cache", ""},
		{staticURL("kerko.css"), "", 200, "public, max-age=31536000, immutable", ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Language", tt.accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s = %d; want %d", tt.path, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("Cache-Control"); got != tt.cache {
			t.Errorf("GET %s: Cache-Control %q; want %q", tt.path, got, tt.cache)
		}
		if got := resp.Header.Get("Vary"); got != tt.vary {
			t.Errorf("GET %s: Vary %q; want %q", tt.path, got, tt.vary)
		}
	}
	// A static file revalidates with its ETag.
	resp, err := http.Get(ts.URL + "/static/kerko.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("static file without ETag")
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/static/kerko.js", nil)
	req.Header.Set("If-None-Match", etag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match %s: %d; want 304", etag, resp.StatusCode)
	}
	// Every page names its static files by content.
	_, page := get(t, ts, "/")
	if !strings.Contains(page, `href="`+staticURL("kerko.css")+`"`) {
		t.Errorf("page does not link the stylesheet by its content hash")
	}
}

// failingWriter is a client that hung up: every write fails.
type failingWriter struct{ h http.Header }

func (w *failingWriter) Header() http.Header       { return w.h }
func (w *failingWriter) WriteHeader(int)           {}
func (w *failingWriter) Write([]byte) (int, error) { return 0, syscall.EPIPE }

// TestServer_ClientGoneOnPageIsQuiet: a reader who closes the tab while a
// page is being sent or searched for is no server error.
func TestServer_ClientGoneOnPageIsQuiet(t *testing.T) {
	logs := &logBuffer{}
	srv, err := New(Config{Searcher: seedIndex(t, nil), Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/?q=Kazakistan", "/articles/" + fixture.SeedSqTurqiKZ, "/articles/nope", "/?from=x"} {
		srv.Handler().ServeHTTP(&failingWriter{h: http.Header{}}, httptest.NewRequest(http.MethodGet, path, nil))
	}
	// A client gone mid-search.
	ts := startRealServer(t, Config{Searcher: blockingSearcher{}, SearchTimeout: 5 * time.Second}, nil)
	c := &http.Client{Timeout: 200 * time.Millisecond}
	if resp, err := c.Get(ts.URL + "/?q=x"); err == nil {
		resp.Body.Close()
		t.Fatalf("page answered %d before the client gave up", resp.StatusCode)
	}
	time.Sleep(200 * time.Millisecond)
	for _, l := range []string{logs.String(), ts.Log.String()} {
		if strings.Contains(l, "level=ERROR") {
			t.Errorf("a client hanging up on a page was logged as an error:\n%s", l)
		}
	}
}

// slowSearcher reports a fixed search time.
type tookSearcher struct {
	*search.Index
	took time.Duration
}

func (s tookSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	res, err := s.Index.Search(ctx, req)
	if err == nil {
		cp := *res
		cp.Took = s.took
		res = &cp
	}
	return res, err
}

// TestServer_PagesAreAdmitted: building a page (results or article) takes one of MaxSearches
// page slots, so the memory of pages being built is bounded like searches
// are; a page that cannot get one within the deadline is a 503.
func TestServer_PagesAreAdmitted(t *testing.T) {
	srv, err := New(Config{Searcher: seedIndex(t, nil), MaxSearches: 1, SearchTimeout: 200 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.pages.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	serve := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	start := time.Now()
	if rec := serve("/?q=Kazakistan"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("page with every page slot taken: %d; want 503", rec.Code)
	}
	if rec := serve("/articles/" + fixture.SeedSqTurqiKZ); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("article page with every page slot taken: %d; want 503", rec.Code)
	}
	if rec := serve("/api/articles/" + fixture.SeedSqTurqiKZ); rec.Code != http.StatusOK {
		t.Errorf("API article (short) with every page slot taken: %d; want 200", rec.Code)
	}
	if took := time.Since(start); took < 200*time.Millisecond {
		t.Errorf("page gave up after %v; want it to wait its deadline", took)
	}
	if rec := serve("/api/search?q=Kazakistan"); rec.Code != http.StatusOK {
		t.Errorf("API search while pages are busy: %d; want 200 (no page to build)", rec.Code)
	}
	srv.pages.release(context.Background())
	if rec := serve("/?q=Kazakistan"); rec.Code != http.StatusOK {
		t.Errorf("page once a slot is free: %d; want 200", rec.Code)
	}
	if rec := serve("/articles/" + fixture.SeedSqTurqiKZ); rec.Code != http.StatusOK {
		t.Errorf("article page once a slot is free: %d; want 200", rec.Code)
	}
}

// TestServer_LongArticleIsAdmitted: encoding an API article longer than
// largeArticle takes a page slot. The deadline is long enough for the
// article's related-articles search under the race detector; the first
// answer fills the cache, so the others cost only the encoding.
func TestServer_LongArticleIsAdmitted(t *testing.T) {
	long := fstest.MapFS{"long.txt": {Data: []byte("A long report\n" + strings.Repeat("Kazakhstan grain exports rose again. ", largeArticle/36+1))}}
	srv, err := New(Config{Searcher: seedIndex(t, long), MaxSearches: 1, SearchTimeout: 2 * time.Second,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	serve := func(path string) int {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code
	}
	if code := serve("/api/articles/long"); code != http.StatusOK {
		t.Fatalf("long API article: %d; want 200", code)
	}
	if err := srv.pages.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	if code := serve("/api/articles/" + fixture.SeedSqTurqiKZ); code != http.StatusOK {
		t.Errorf("API article (short) with every page slot taken: %d; want 200", code)
	}
	if code := serve("/api/articles/long"); code != http.StatusServiceUnavailable {
		t.Errorf("long API article with every page slot taken: %d; want 503", code)
	}
	srv.pages.release(context.Background())
	if code := serve("/api/articles/long"); code != http.StatusOK {
		t.Errorf("long API article once a slot is free: %d; want 200", code)
	}
}
