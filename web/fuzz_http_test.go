package web

import (
	"bufio"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"kerko/corpus"
	"kerko/internal/fixture/seedindex"
	"kerko/search"
)

var (
	fuzzOnce    sync.Once
	fuzzHandler http.Handler
	fuzzErr     error
)

// fuzzServer is one server over the seed corpus plus the XSS articles,
// shared by every input of FuzzServeHTTP.
func fuzzServer(f *testing.F) http.Handler {
	dir := f.TempDir()
	fuzzOnce.Do(func() {
		fsys, _ := xssCorpus()
		// Not seedindex.Seeds: the index outlives the first input's test.
		seedindex.Build(f, dir, corpus.Seeds(), fsys)
		var ix *search.Index
		if ix, fuzzErr = search.Open(dir); fuzzErr != nil {
			return
		}
		var srv *Server
		srv, fuzzErr = New(Config{Searcher: ix, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if fuzzErr == nil {
			fuzzHandler = limitBody(srv.Handler(), maxBodyBytes)
		}
	})
	if fuzzErr != nil {
		f.Fatal(fuzzErr)
	}
	return fuzzHandler
}

// FuzzServeHTTP sends any request target (path and query, as a client
// could write it on the wire) to the whole handler: never a 500 or a
// panic, and every page or JSON answer passes the XSS checks.
func FuzzServeHTTP(f *testing.F) {
	for _, s := range []string{
		"/?q=erdogan&country=KZ&country=kg&lang=tr&sort=newest&page=2",
		"/api/search?q=%22astana%22+-putin&from=2025-01-01&to=2026-12-31&size=5",
		"/articles/000_d6b3d3bc0fda531d?ui=sq",
		"/api/articles/xss-00-%3Cscript%3Ealert(1)%3C/script%3E",
		"/?q=%3Cscript%3E&ui=%22%3E%3Csvg%20onload%3Dx%3E",
		"/articles/..%2f..%2fetc%2fpasswd", "/static/../go.mod", "/healthz",
		"/api/search?page=99999999999999999999", "/?q=%ff%fe", "/api/suggest?q=kaz",
		"/?" + strings.Repeat("country=KZ&", 60),
	} {
		f.Add(s)
	}
	h := fuzzServer(f)
	f.Fuzz(func(t *testing.T, target string) {
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")))
		if err != nil {
			return // net/http answers 400 before any handler runs
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code >= 500 {
			t.Fatalf("GET %q: status %d: %.300s", target, rec.Code, body)
		}
		switch ct := rec.Header().Get("Content-Type"); {
		case strings.HasPrefix(ct, "application/json"):
			var v any
			checkJSON(t, "GET "+target, body, &v)
		case strings.HasPrefix(ct, "text/html"):
			checkHTML(t, "GET "+target, body)
		}
	})
}
