package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/url"
	"testing"
	"time"

	"kerko/corpus"
	"kerko/index"
	"kerko/search"
	"kerko/web"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8080", true},
		{"http://127.3.4.5:1", true},
		{"http://localhost:8080/", true},
		{"http://[::1]:8080", true},
		{"http://10.0.0.1:8080", false},
		{"http://192.168.1.1", false},
		{"http://example.org", false},
		{"http://127.0.0.1.example.org", false},
		{"https://127.0.0.1", false},
		{"http://0.0.0.0:8080", false},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkLoopback(u); (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%q) = %v; want ok=%v", tt.url, err, tt.ok)
		}
	}
}

// TestLoad_SeedServer runs a short load against a real server on the seed
// index: every request of the mix must succeed, and the report must add up.
func TestLoad_SeedServer(t *testing.T) {
	dir := t.TempDir()
	if _, err := index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		return r.ReadFS(ctx, corpus.Seeds(), "seeds")
	}, index.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srv, err := web.New(web.Config{Searcher: ix, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer()
	go hs.Serve(ln)
	defer hs.Close()

	base, _ := url.Parse("http://" + ln.Addr().String())
	rep, err := load(context.Background(), config{base: base, conns: 8, duration: 2 * time.Second, maxReq: 1 << 30, queries: fallbackQueries, seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Requests == 0 || rep.Failed != 0 {
		t.Fatalf("load: %d requests, %d failed: %v", rep.Requests, rep.Failed, rep.Failures)
	}
	var n int64
	for _, c := range rep.Statuses {
		n += c
	}
	if n != rep.Requests || rep.Statuses["200"] == 0 || rep.P50ms > rep.P99ms || rep.P99ms > rep.MaxMs {
		t.Errorf("report does not add up: %+v", rep)
	}
	t.Logf("%d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms", rep.Requests, rep.ReqPerSec, rep.P50ms, rep.P99ms)

	// A bounded count stops the run early.
	rep, err = load(context.Background(), config{base: base, conns: 4, duration: time.Minute, maxReq: 40, queries: fallbackQueries, seed: 7})
	if err != nil || rep.Requests != 40 || rep.Failed != 0 {
		t.Errorf("max-requests 40: %d requests, %d failed, err %v", rep.Requests, rep.Failed, err)
	}
}
