package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// startServer runs kerko serve on a free loopback port and returns its base
// URL; the server is stopped with SIGTERM when the test ends.
func startServer(t *testing.T, dir string) string {
	t.Helper()
	cmd := exec.Command(kerkoBin, "serve", "--index", dir, "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var (
		logMu sync.Mutex
		log   []string
	)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			logMu.Lock()
			log = append(log, sc.Text())
			logMu.Unlock()
		}
	}()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		re := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("kerko serve exited with %v", err)
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Errorf("kerko serve did not stop on SIGTERM")
		}
		logMu.Lock()
		defer logMu.Unlock()
		for _, l := range log {
			t.Logf("server: %s", l)
		}
	})
	select {
	case a := <-addr:
		return a
	case <-time.After(30 * time.Second):
		t.Fatal("kerko serve did not start")
		return ""
	}
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

// load fires requests at a server from several clients until stop is
// closed, counting failures and keeping latencies.
type load struct {
	requests, failed atomic.Int64
	mu               sync.Mutex
	errs             []string
	latencies        []time.Duration
}

func (l *load) run(base string, paths []string, clients int, stop <-chan struct{}) *sync.WaitGroup {
	var wg sync.WaitGroup
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			for i := w; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[i%len(paths)]
				start := time.Now()
				resp, err := client.Get(base + p)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %s", resp.Status)
					}
				}
				d := time.Since(start)
				l.requests.Add(1)
				l.mu.Lock()
				l.latencies = append(l.latencies, d)
				if err != nil {
					l.failed.Add(1)
					if len(l.errs) < 10 {
						l.errs = append(l.errs, fmt.Sprintf("GET %s: %v", p, err))
					}
				}
				l.mu.Unlock()
			}
		}(w)
	}
	return &wg
}

func (l *load) percentile(p float64) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.latencies) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), l.latencies...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(p*float64(len(s)-1))]
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
	var l load
	stop := make(chan struct{})
	wg := l.run(base, paths, 4, stop)

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
	wg.Wait()

	t.Logf("%d requests from 4 clients: p50 %v, p99 %v, max %v", l.requests.Load(), l.percentile(0.5), l.percentile(0.99), l.percentile(1))
	if n := l.failed.Load(); n > 0 {
		t.Errorf("%d of %d requests failed while reindexing: %v", n, l.requests.Load(), l.errs)
	}
	if l.requests.Load() < 100 {
		t.Errorf("only %d requests ran: the load did not overlap the reindexing", l.requests.Load())
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
