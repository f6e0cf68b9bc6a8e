package web

import (
	"strings"
	"testing"

	"kerko/internal/fixture"
)

// TestServer_PathTraversal sends request targets exactly as written (a
// client would clean them) and expects 404 for anything that is not an
// article id or an embedded static file, with nothing from the disk in the
// answer.
func TestServer_PathTraversal(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: seedIndex(t, nil)}, nil)
	const seed = fixture.SeedSqTurqiKZ
	tests := []struct {
		target string
		status string
	}{
		{"/articles/" + seed, "200"}, // controls: the real things are served
		{"/api/articles/" + seed, "200"},
		{"/static/kerko.css", "200"},
		{"/articles/../../../../etc/passwd", "404"},
		{"/articles/" + seed + "/../" + seed, "404"},
		{"/articles/..%2f..%2f..%2fetc%2fpasswd", "404"},
		{"/articles/%2e%2e/%2e%2e/etc/passwd", "404"},
		{"/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "404"},
		{"/articles/..%5c..%5cetc%5cpasswd", "404"},
		{"/articles//etc/passwd", "404"},
		{"/articles/%2Fetc%2Fpasswd", "404"},
		{"/articles/./" + seed, "404"},
		{"/articles/%252e%252e%252fetc", "404"},
		{"/articles/", "404"},
		{"/api/articles/../../go.mod", "404"},
		{"/api/articles/%2e%2e%2f%2e%2e%2fgo.mod", "404"},
		{"/api/articles//etc/passwd", "404"},
		{"/static/../../../../etc/passwd", "404"},
		{"/static/../server.go", "404"},
		{"/static/..%2f..%2fgo.mod", "404"},
		{"/static/%2e%2e/%2e%2e/go.mod", "404"},
		{"/static/%2e%2e%2fserver.go", "404"},
		{"/static//etc/passwd", "404"},
		{"/static/..%5c..%5cgo.mod", "404"},
		{"/static/kerko.css%00.html", "404"},
		{"/static/", "404"},
		{"/../../etc/passwd", "404"},
		{"/%2e%2e/%2e%2e/etc/passwd", "404"},
		{"//etc/passwd", "404"},
		{"/templates/layout.html", "404"},
		{"/static/../templates/layout.html", "404"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			status, rest := rawHTTP(t, ts.Addr, "GET "+tt.target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
			if f := strings.Fields(status); len(f) < 2 || f[1] != tt.status {
				t.Fatalf("status line %q; want %s", status, tt.status)
			}
			for _, leak := range []string{"root:x:0:0", "module kerko", "package web", "{{define", "[PANIC"} {
				if strings.Contains(rest, leak) {
					t.Errorf("answer holds %q", leak)
				}
			}
		})
	}
}

// TestArticleID checks the id extraction on its own: ids may hold "/" but
// never an empty, "." or ".." segment, or an encoded separator.
func TestArticleID(t *testing.T) {
	tests := []struct {
		path string
		id   string // "" = not found
	}{
		{"/articles/a", "a"},
		{"/articles/dir/sub/a", "dir/sub/a"},
		{"/articles/%C3%AB%20x", "ë x"},
		{"/articles/a%3Cb%3E", "a<b>"},
		{"/articles/a/../b", ""},
		{"/articles/a%2fb", ""},
		{"/articles/a%2Fb", ""},
		{"/articles/a%5Cb", ""},
		{"/articles/%2e%2e", ""},
		{"/articles/a//b", ""},
		{"/articles/a/", ""},
	}
	for _, tt := range tests {
		c := echoContext(t, tt.path)
		id, err := articleID(c, "/articles/")
		if tt.id == "" && err == nil || tt.id != "" && (err != nil || id != tt.id) {
			t.Errorf("articleID(%q) = %q, %v; want %q", tt.path, id, err, tt.id)
		}
	}
}
