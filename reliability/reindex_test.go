package reliability

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"kerko/internal/loadgen"
)

// startServer is startServe for a test that also wants the server to stop
// cleanly: when the test ends it sends SIGTERM, wants exit status 0 within
// 15 s, and logs what the server wrote.
func startServer(t *testing.T, dir string) string {
	t.Helper()
	p := startServe(t, dir)
	t.Cleanup(func() {
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-p.done:
			if err != nil {
				t.Errorf("kerko serve exited with %v", err)
			}
		case <-time.After(15 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
			t.Errorf("kerko serve did not stop on SIGTERM")
		}
		t.Logf("server log:\n%s", p.stderr)
	})
	return p.URL
}

// getTotal returns the total of an /api/search query.
func getTotal(base, q string) (uint64, error) {
	resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(q))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %s", resp.Status)
	}
	var r struct {
		Total uint64 `json:"total"`
	}
	return r.Total, json.NewDecoder(resp.Body).Decode(&r)
}

// TestServe_ReindexWhileServing runs kerko serve under a steady load of
// searches, article pages and health checks while kerko index publishes
// incremental and full rebuilds (two of them back to back, so the server's
// generation is removed from disk before it moves off it). Not one request
// may fail, and every publication must be served without a restart.
func TestServe_ReindexWhileServing(t *testing.T) {
	c := newTestCorpus(t, 200, 7)
	stable := c.ids()[0]
	c.keep[stable] = true
	dir := filepath.Join(t.TempDir(), "index")
	mustKerko(t, "index", "--quiet", "--index", dir, "--corpus", c.dir)
	base := startServer(t, dir)

	paths := []string{
		"/api/search?q=summit+Ankara",
		"/api/search?q=Kazakistan&lang=tr&country=KZ",
		"/api/articles/" + stable,
		"/?q=" + url.QueryEscape("işbirliği Astana"),
		"/articles/" + stable,
		"/healthz",
	}
	stop := make(chan struct{})
	loaded := make(chan *loadgen.Result, 1)
	go func() {
		loaded <- loadgen.Run(context.Background(), loadgen.Paths{Base: base, Paths: paths}, loadgen.Options{Conns: 4, Stop: stop, Client: &http.Client{Timeout: 30 * time.Second}})
	}()

	steps := []struct {
		name                    string
		updated, added, removed int
		full                    bool
		publishesBeforeChecking int
	}{
		{"incremental", 10, 20, 5, false, 1},
		{"full rebuild", 10, 5, 3, true, 1},
		{"deletions only", 0, 0, 30, false, 1},
		{"two publications back to back", 15, 5, 5, false, 2},
	}
	v := 0
	for _, s := range steps {
		var published time.Time
		for k := 0; k < s.publishesBeforeChecking; k++ {
			v++
			c.change(s.updated, s.added, s.removed, fmt.Sprintf("ver%d", v))
			args := []string{"index", "--quiet", "--index", dir, "--corpus", c.dir}
			if s.full {
				args = append(args, "--full")
			}
			mustKerko(t, args...)
			published = time.Now()
		}
		version := fmt.Sprintf("ver%d", v)
		want := uint64(c.count(version))
		var got uint64
		var err error
		if s.removed > 0 && s.added == 0 && s.updated == 0 {
			// Nothing carries the new word: wait for the count to drop.
			version, want = "headline", uint64(len(c.docs)) // every article has it
		}
		served := waitFor(30*time.Second, func() bool {
			got, err = getTotal(base, version)
			return err == nil && got == want
		})
		if !served {
			t.Fatalf("%s: search %q gives %d (err %v) 30s after publishing; want %d", s.name, version, got, err, want)
		}
		t.Logf("%s: served %v after kerko index returned", s.name, time.Since(published).Round(10*time.Millisecond))
	}
	close(stop)
	l := <-loaded

	t.Logf("%d requests from 4 clients: p50 %.2f ms, p99 %.2f ms, max %.2f ms", l.Requests, loadgen.Pct(l.Latencies, 0.5), loadgen.Pct(l.Latencies, 0.99), loadgen.Pct(l.Latencies, 1))
	if n := l.Failed(); n > 0 {
		t.Errorf("%d of %d requests failed while reindexing: %v", n, l.Requests, l.Samples)
	}
	if l.Requests < 100 {
		t.Errorf("only %d requests ran: the load did not overlap the reindexing", l.Requests)
	}
}

// TestServe_FirstRunSummary checks that kerko serve on an empty index
// directory builds the embedded seeds and says what it built, as kerko index
// does, before it serves them.
func TestServe_FirstRunSummary(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	cmd := exec.Command(kerkoBin, "serve", "--index", dir, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	want := regexp.MustCompile(`^5 articles in .*idx \(published generation 1, [0-9.]+ MiB\) in [0-9.]+s`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		var seen []string
		for sc.Scan() {
			seen = append(seen, sc.Text())
			if want.MatchString(sc.Text()) {
				found <- sc.Text()
				break
			}
		}
		found <- "not found in: " + strings.Join(seen, " | ")
		io.Copy(io.Discard, stderr)
	}()
	select {
	case line := <-found:
		if !want.MatchString(line) {
			t.Fatalf("no build summary on stderr: %s", line)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("kerko serve printed no build summary within 60s")
	}
}
