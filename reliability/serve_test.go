package reliability

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"kerko/internal/loadgen"
	"kerko/search"
)

// searchLoad starts a load of searches and result pages on the server at
// base from n connections until stop is closed; wait returns what it did.
func searchLoad(base string, n int, stop <-chan struct{}) (wait func() *loadgen.Result) {
	queries := []string{"erdogan", "kazakistan", "Turqi", "q=&country=KZ", "trade", `"Astana"`, "istanbul&lang=tr"}
	var paths []string
	for i, q := range queries {
		paths = append(paths, "/api/search?q="+q)
		if i%3 == 0 {
			paths = append(paths, "/?q="+q)
		}
	}
	done := make(chan *loadgen.Result, 1)
	go func() {
		done <- loadgen.Run(context.Background(), loadgen.Paths{Base: base, Paths: paths}, loadgen.Options{Conns: n, Stop: stop})
	}()
	return func() *loadgen.Result { return <-done }
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
	wait := searchLoad(srv.URL, 16, stop)
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
	res := wait()
	t.Logf("exit %v after SIGTERM; load: %d ok, %d non-200, %d cut, %d refused after shutdown, %d other errors %v",
		took, res.OK, res.Non200, res.Cut, res.Refused, res.Errors, res.Samples)
	if res.OK == 0 {
		t.Error("the load got no answers at all")
	}
	if res.Non200 > 0 || res.Cut > 0 {
		t.Errorf("%d requests answered with an error status, %d answers cut off: %v", res.Non200, res.Cut, res.Samples)
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

func currentGen(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "CURRENT"))
	if err != nil {
		t.Fatalf("read CURRENT: %v", err)
	}
	return strings.TrimSpace(string(b))
}
