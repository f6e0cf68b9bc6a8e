package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"kerko/internal/fixture/seedindex"
)

// BenchmarkServer_SearchAPI times one GET /api/search through the handler
// (no network): a search on every request with the cache off, and a hit
// with it on. A hit still parses the request and encodes the JSON; the
// difference is the search.
func BenchmarkServer_SearchAPI(b *testing.B) {
	ix := seedindex.Of(b, cacheCorpus)
	for _, bc := range []struct {
		name  string
		bytes int64
	}{{"cache=off", -1}, {"cache=hit", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			srv, err := New(Config{Searcher: ix, CacheBytes: bc.bytes, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if err != nil {
				b.Fatal(err)
			}
			h := srv.Handler()
			req := httptest.NewRequest(http.MethodGet, "/api/search?q=trade&lang=en", nil)
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
