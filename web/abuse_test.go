package web

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// fastLimit is how long any abusive request may take on a 2-core CI
// machine: each must be refused up front or bounded by the query limits.
const fastLimit = 2 * time.Second

func TestServer_AbusiveSearchParams(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: seedIndex(t, nil)}, nil)
	repeat := func(key, val string, n int) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = key + "=" + url.QueryEscape(val)
		}
		return strings.Join(parts, "&")
	}
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	tests := []struct {
		name   string
		query  string // raw query string
		status int
		param  string // the parameter a 400 must name
	}{
		{"10,000-char query", "q=" + strings.Repeat("a", 10000), 400, "q"},
		{"500 distinct terms", "q=" + url.QueryEscape(wordsN(500)), 400, "q"},
		{"500 terms within the byte limit", "q=" + url.QueryEscape(words(499, "a")), 200, ""},
		{"199 OR-chained terms", "q=" + url.QueryEscape(words(199, "a OR")), 200, ""},
		{"deeply nested quotes", "q=" + url.QueryEscape(strings.Repeat(`"a `, 300)), 200, ""},
		{"only quotes", "q=" + strings.Repeat("%22", 999), 200, ""},
		{"NUL bytes", "q=erdo%00gan%00%00", 200, ""},
		{"invalid UTF-8 in q", "q=%FF%FEabc", 400, "q"},
		{"truncated UTF-8 in q", "q=T%C3", 400, "q"},
		{"invalid UTF-8 in country", "country=%C3%28", 400, "country"},
		{"invalid UTF-8 in lang", "lang=%ED%A0%80", 400, "lang"},
		{"1,000 repeated country params", repeat("country", "KZ", 1000), 400, "country"},
		{"50 repeated country params", repeat("country", "KZ", 50), 200, ""},
		{"unknown country", "country=" + url.QueryEscape("<script>"), 400, "country"},
		{"huge page number", "page=99999999999999999999999999", 400, "page"},
		{"page past the result depth", "page=1001&size=10", 400, "page"},
		{"deepest page allowed", "page=1000&size=10", 200, ""},
		{"negative page", "page=-5", 400, "page"},
		{"huge size", "size=1000000", 400, "size"},
		{"bad date", "from=9999-99-99", 400, "from"},
		{"reversed dates", "from=2025-01-01&to=2024-01-01", 400, "from"},
		{"bad sort", "sort=" + url.QueryEscape(`"><script>`), 400, "sort"},
		{"undecodable escape", "q=%zz%", 400, "query string"},
		{"semicolon separator", "q=nato;size=1", 400, "query string"},
		{"wildcards and regexp syntax", "q=" + url.QueryEscape(`*a* /.*/ a~9 field:x ^5 (a)`), 200, ""},
	}
	for _, tt := range tests {
		for _, path := range []string{"/api/search", "/"} {
			t.Run(tt.name+" "+path, func(t *testing.T) {
				resp, body, took := getTimed(t, ts.URL+path+"?"+tt.query)
				if resp.StatusCode != tt.status {
					t.Fatalf("status %d; want %d (body %.300s)", resp.StatusCode, tt.status, body)
				}
				if took > fastLimit {
					t.Errorf("took %v; want under %v", took, fastLimit)
				}
				if tt.status == 400 && path == "/api/search" {
					var e struct{ Error string }
					if err := json.Unmarshal([]byte(body), &e); err != nil || !strings.HasPrefix(e.Error, tt.param+":") {
						t.Errorf("400 body %q does not name parameter %q", body, tt.param)
					}
				}
			})
		}
	}
	if strings.Contains(ts.Log.String(), "level=ERROR") {
		t.Errorf("abusive requests logged errors:\n%s", ts.Log.String())
	}
}

// wordsN returns n distinct words.
func wordsN(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("kelime")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteByte(byte('a' + i%26))
		b.WriteByte(' ')
	}
	return b.String()
}

func TestServer_OversizedRequests(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: seedIndex(t, nil)}, nil)
	tests := []struct {
		name, req string
		status    string
	}{
		{"100 KB URL", "GET /?q=" + strings.Repeat("a", 100<<10) + " HTTP/1.1\r\nHost: x\r\n\r\n", "431"},
		{"1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nCookie: " + strings.Repeat("c", 1<<20) + "\r\n\r\n", "431"},
		{"declared 10 MB body", "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n" + strings.Repeat("b", 1000), "413"},
		{"POST with a small body", "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc", "405"},
		{"unknown method", "BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "405"},
		{"garbage request line", "\x00\x01\x02 nonsense\r\n\r\n", "400"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			status, _ := rawHTTP(t, ts.Addr, tt.req)
			if f := strings.Fields(status); len(f) < 2 || f[1] != tt.status {
				t.Errorf("status line %q; want %s", status, tt.status)
			}
			if took := time.Since(start); took > fastLimit {
				t.Errorf("took %v; want under %v", took, fastLimit)
			}
		})
	}
}

func TestServer_SlowClientIsCut(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: seedIndex(t, nil)}, func(hs *http.Server) {
		hs.ReadHeaderTimeout = 300 * time.Millisecond
	})
	// A client that starts a request and never finishes its headers
	// (slowloris) is disconnected after ReadHeaderTimeout.
	conn, err := net.Dial("tcp", ts.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn)
	if err != nil {
		t.Fatalf("connection not closed by the server: %v", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("server held a stalled connection %v", took)
	}
}

func TestServer_HTTPServerDefaults(t *testing.T) {
	srv, err := New(Config{Searcher: blockingSearcher{}})
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer()
	if host, _, _ := net.SplitHostPort(hs.Addr); host != "127.0.0.1" {
		t.Errorf("default address %q; want loopback 127.0.0.1", hs.Addr)
	}
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": hs.ReadHeaderTimeout, "ReadTimeout": hs.ReadTimeout,
		"WriteTimeout": hs.WriteTimeout, "IdleTimeout": hs.IdleTimeout,
	} {
		if d <= 0 || d > 5*time.Minute {
			t.Errorf("%s = %v; want a bound", name, d)
		}
	}
	if hs.WriteTimeout <= srv.cfg.SearchTimeout {
		t.Errorf("WriteTimeout %v does not leave room for a search of up to %v", hs.WriteTimeout, srv.cfg.SearchTimeout)
	}
	if hs.MaxHeaderBytes <= 0 || hs.MaxHeaderBytes > 1<<20 {
		t.Errorf("MaxHeaderBytes = %d; want a bound", hs.MaxHeaderBytes)
	}
}
