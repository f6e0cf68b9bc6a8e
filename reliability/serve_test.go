package reliability

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"kerko/search"
)

// hammer sends searches from n goroutines until stop is closed and
// returns how many got 200, how many got another status (with samples),
// and how many could not connect.
type hammerResult struct {
	ok, bad, cut, refused, otherErr atomic.Int64
	mu                              sync.Mutex
	samples                         []string
}

func (h *hammerResult) sample(s string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.samples) < 5 {
		h.samples = append(h.samples, s)
	}
}

func hammer(base string, n int, stop <-chan struct{}) (*hammerResult, *sync.WaitGroup) {
	res := &hammerResult{}
	var wg sync.WaitGroup
	queries := []string{"erdogan", "kazakistan", "Turqi", "q=&country=KZ", "trade", `"Astana"`, "istanbul&lang=tr"}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second}
			for j := 0; ; j++ {
				select {
				case <-stop:
					return
				default:
				}
				path := "/api/search?q=" + queries[(i+j)%len(queries)]
				if j%3 == 0 {
					path = "/?q=" + queries[(i+j)%len(queries)]
				}
				resp, err := client.Get(base + path)
				if err != nil {
					var op *net.OpError
					if errors.As(err, &op) && op.Op == "dial" {
						res.refused.Add(1)
					} else {
						res.otherErr.Add(1)
						res.sample(err.Error())
					}
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil {
					res.cut.Add(1) // an answer cut off: a request dropped mid-way
					res.sample(path + ": " + err.Error())
				} else if resp.StatusCode == 200 {
					res.ok.Add(1)
				} else {
					res.bad.Add(1)
					res.sample(fmt.Sprintf("%s: %d", path, resp.StatusCode))
				}
			}
		}(i)
	}
	return res, &wg
}

// TestServe_SIGTERMUnderLoad stops a loaded server: every answer begun is
// complete and a 200, the process exits 0 within 10 s, and the index opens
// cleanly afterwards. (That a request being handled at the signal finishes
// is shown with a slow searcher in web's TestServe_InFlightRequestsFinish,
// which runs the same web.Serve.)
func TestServe_SIGTERMUnderLoad(t *testing.T) {
	dir := t.TempDir()
	indexSeeds(t, dir)
	srv := startServe(t, dir)

	stop := make(chan struct{})
	res, wg := hammer(srv.URL, 16, stop)
	time.Sleep(time.Second)

	sent := time.Now()
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-srv.done:
		if err != nil {
			t.Errorf("kerko serve exited with %v; want status 0\n%s", err, srv.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("kerko serve still running 10s after SIGTERM\n%s", srv.stderr)
	}
	took := time.Since(sent)
	close(stop)
	wg.Wait()
	t.Logf("exit %v after SIGTERM; load: %d ok, %d non-200, %d cut, %d refused after shutdown, %d other errors %v",
		took, res.ok.Load(), res.bad.Load(), res.cut.Load(), res.refused.Load(), res.otherErr.Load(), res.samples)
	if res.ok.Load() == 0 {
		t.Error("the load got no answers at all")
	}
	if res.bad.Load() > 0 || res.cut.Load() > 0 {
		t.Errorf("%d requests answered with an error status, %d answers cut off: %v", res.bad.Load(), res.cut.Load(), res.samples)
	}
	if !strings.Contains(srv.stderr.String(), "kerko: stopped") {
		t.Errorf("no clean stop in the log:\n%s", srv.stderr)
	}

	ix, err := search.Open(dir)
	if err != nil {
		t.Fatalf("index does not reopen after SIGTERM: %v", err)
	}
	defer ix.Close()
	r, err := ix.Search(context.Background(), search.Request{Query: "erdogan"})
	if err != nil || r.Total == 0 || ix.Count() != 5 {
		t.Errorf("reopened index: %d articles, search erdogan %v hits, err %v", ix.Count(), r, err)
	}
}

// TestServe_ReindexUnderLoad publishes a new generation with `kerko index
// --full` while the server is under load: no request may fail, and the
// server moves to the new generation.
func TestServe_ReindexUnderLoad(t *testing.T) {
	dir := t.TempDir()
	indexSeeds(t, dir)
	before := currentGen(t, dir)
	srv := startServe(t, dir)

	stop := make(chan struct{})
	res, wg := hammer(srv.URL, 16, stop)
	time.Sleep(500 * time.Millisecond)
	for i := 0; i < 2; i++ {
		if out, err := kerko(t, time.Minute, "index", "--index", dir, "--full", "--quiet"); err != nil {
			t.Fatalf("kerko index --full under load: %v\n%s", err, out)
		}
		time.Sleep(1500 * time.Millisecond) // the server looks for new generations every second
	}
	close(stop)
	wg.Wait()
	after := currentGen(t, dir)
	t.Logf("generation %s -> %s; load: %d ok, %d non-200, %d errors %v", before, after, res.ok.Load(), res.bad.Load(), res.otherErr.Load()+res.refused.Load(), res.samples)
	if after == before {
		t.Fatalf("no new generation published")
	}
	if res.ok.Load() == 0 || res.bad.Load()+res.cut.Load() > 0 || res.otherErr.Load()+res.refused.Load() > 0 {
		t.Errorf("requests failed during reindexing: %v", res.samples)
	}
	if strings.Contains(srv.stderr.String(), "not served") {
		t.Errorf("server could not open the new generation:\n%s", srv.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, before)); !os.IsNotExist(err) {
		t.Logf("old generation %s still on disk (collected by a later build): %v", before, err)
	}
}

func currentGen(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "CURRENT"))
	if err != nil {
		t.Fatalf("read CURRENT: %v", err)
	}
	return strings.TrimSpace(string(b))
}
