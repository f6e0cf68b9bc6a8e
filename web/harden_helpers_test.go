package web

import (
	"bytes"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/internal/fixture/seedindex"
	"kerko/search"
)

// seedIndex builds a real index in a temp dir from the seed corpus plus
// extra, and opens it.
func seedIndex(t *testing.T, extra fs.FS) *search.Index {
	t.Helper()
	return seedindex.Seeds(t, extra)
}

// logBuffer collects a server's log lines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *logBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *logBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// realServer is a real kerko HTTP server on 127.0.0.1.
type realServer struct {
	URL  string // http://127.0.0.1:PORT
	Addr string
	HS   *http.Server
	Log  *logBuffer
}

// startRealServer serves cfg (its Logger is replaced by a buffer) with the
// production http.Server settings on a loopback port; tweak may adjust them.
func startRealServer(t *testing.T, cfg Config, tweak func(*http.Server)) *realServer {
	t.Helper()
	logs := &logBuffer{}
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	hs := srv.HTTPServer()
	if tweak != nil {
		tweak(hs)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return &realServer{URL: "http://" + ln.Addr().String(), Addr: ln.Addr().String(), HS: hs, Log: logs}
}

// timedClient has a timeout so that a hanging server fails the test, not CI.
var timedClient = &http.Client{Timeout: 10 * time.Second}

// getTimed fetches rawURL (path and query exactly as given) and returns the
// response with its body read, and how long it took.
func getTimed(t *testing.T, rawURL string) (*http.Response, string, time.Duration) {
	t.Helper()
	start := time.Now()
	resp, err := timedClient.Get(rawURL)
	if err != nil {
		t.Fatalf("GET %.200s: %v", rawURL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		t.Fatalf("read %.200s: %v", rawURL, err)
	}
	return resp, string(b), time.Since(start)
}

// rawHTTP writes req to the server as is, bypassing the client's URL
// cleaning, and returns the status line and the rest of the response.
func rawHTTP(t *testing.T, addr, req string) (status, rest string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatalf("write: %v", err)
	}
	b, _ := io.ReadAll(conn)
	s := string(b)
	line, after, _ := bytes.Cut([]byte(s), []byte("\r\n"))
	return string(line), string(after)
}

// echoContext is an Echo context for a GET of rawPath, for testing helpers
// that read the request.
func echoContext(t *testing.T, rawPath string) echo.Context {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+rawPath, nil)
	return echo.New().NewContext(req, httptest.NewRecorder())
}

// getAsync is getTimed for goroutines, which must not call t.Fatal.
func getAsync(rawURL string) (status int, body string, took time.Duration, err error) {
	start := time.Now()
	resp, err := timedClient.Get(rawURL)
	if err != nil {
		return 0, "", time.Since(start), err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	return resp.StatusCode, string(b), time.Since(start), err
}
