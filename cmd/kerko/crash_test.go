package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kerko/index"
)

// genState is what the test knows of an index directory on disk.
type genState struct {
	current    string            // the generation CURRENT names
	complete   []string          // generations with their completion marker
	incomplete []string          // generations without it
	files      map[string][]byte // the published generation's files: path -> sha256
}

func readGenState(t *testing.T, dir string) genState {
	t.Helper()
	var s genState
	b, err := os.ReadFile(filepath.Join(dir, "CURRENT"))
	if err != nil {
		t.Fatalf("read CURRENT: %v", err)
	}
	s.current = strings.TrimSpace(string(b))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "gen-") {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "kerko.json")); err == nil {
			s.complete = append(s.complete, e.Name())
		} else {
			s.incomplete = append(s.incomplete, e.Name())
		}
	}
	s.files = map[string][]byte{}
	root := filepath.Join(dir, s.current)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatalf("walk published generation: %v", err)
		}
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			rel, _ := filepath.Rel(root, p)
			s.files[rel] = sum[:]
		}
		return nil
	})
	return s
}

// checkServes opens the published index the way a server does and checks
// it holds exactly the corpus state want, with version the newest word.
func checkServes(t *testing.T, dir string, want map[string]string, version string) {
	t.Helper()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatalf("open published index: %v", err)
	}
	defer ix.Close()
	if n := ix.Count(); n != uint64(len(want)) {
		t.Errorf("published index has %d articles; want %d", n, len(want))
	}
	wantV := 0
	var some string
	for id, v := range want {
		if v == version {
			wantV++
		}
		if some == "" || id < some {
			some = id
		}
	}
	res, err := ix.Search(context.Background(), index.Request{Query: version, Size: 1})
	if err != nil {
		t.Fatalf("search published index: %v", err)
	}
	if res.Total != uint64(wantV) {
		t.Errorf("search %q: %d hits; want %d", version, res.Total, wantV)
	}
	if _, err := ix.Article(context.Background(), some); err != nil {
		t.Errorf("Article(%q): %v", some, err)
	}
}

// killIterations is how many builds TestIndex_KillNine kills: 20 by default,
// KERKO_KILL_ITERATIONS for a longer run.
func killIterations(t *testing.T) int {
	if s := os.Getenv("KERKO_KILL_ITERATIONS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("KERKO_KILL_ITERATIONS=%q: want a positive number", s)
		}
		return n
	}
	return 20
}

// TestIndex_KillNine kills kerko index with SIGKILL at random moments of
// incremental and full builds. After every kill the published index must be
// intact (its files unchanged unless a new generation was published) and
// serve exactly the old or the new corpus; half-built generations must never
// be published nor pile up; the next run must complete.
func TestIndex_KillNine(t *testing.T) {
	seed := time.Now().UnixNano()
	if s := os.Getenv("KERKO_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	t.Logf("seed %d (KERKO_KILL_SEED to repeat)", seed)
	rng := rand.New(rand.NewSource(seed))
	c := newTestCorpus(t, 200, seed)
	dir := filepath.Join(t.TempDir(), "index")

	// Time one run of each kind, so kills spread over a whole build.
	timed := func(args ...string) time.Duration {
		start := time.Now()
		mustKerko(t, append([]string{"index", "--quiet", "--index", dir, "--corpus", c.dir}, args...)...)
		return time.Since(start)
	}
	durFull := timed()
	c.change(10, 5, 3, "ver1")
	durInc := timed()
	published := c.snapshot()
	t.Logf("an uninterrupted run takes %v (full), %v (incremental)", durFull.Round(time.Millisecond), durInc.Round(time.Millisecond))

	iterations := killIterations(t)
	outcomes := map[string]int{}
	for i := 2; i < iterations+2; i++ {
		version := fmt.Sprintf("ver%d", i)
		c.change(10, 5, 3, version)
		before := readGenState(t, dir)
		full := rng.Intn(3) == 0
		args := []string{"index", "--quiet", "--index", dir, "--corpus", c.dir}
		d := durInc
		if full {
			args, d = append(args, "--full"), durFull
		}
		cmd := exec.Command(kerkoBin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(d) * 6 / 5)))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		finished := err == nil
		if !finished && cmd.ProcessState.ExitCode() != -1 {
			t.Fatalf("iteration %d: kerko index failed by itself: %v\n%s", i, err, stderr.String())
		}

		after := readGenState(t, dir)
		switch {
		case after.current == before.current:
			outcomes["killed before publishing"]++
			if finished {
				t.Errorf("iteration %d: a completed build did not publish", i)
			}
			for p, sum := range before.files {
				if !bytes.Equal(after.files[p], sum) {
					t.Errorf("iteration %d: published file %s changed under a killed build", i, p)
				}
			}
			if len(after.files) != len(before.files) {
				t.Errorf("iteration %d: published generation had %d files, has %d", i, len(before.files), len(after.files))
			}
			checkServes(t, dir, published, "ver1")
		default:
			if finished {
				outcomes["completed before the kill"]++
			} else {
				outcomes["killed after publishing"]++
			}
			published = c.snapshot()
			checkServes(t, dir, published, version)
		}
		if !contains(after.complete, after.current) {
			t.Fatalf("iteration %d: CURRENT names %s, which is not complete (complete: %v)", i, after.current, after.complete)
		}
		// Each run starts by removing what a crash left: never more than
		// the one generation the killed run was building.
		if len(after.incomplete) > 1 {
			t.Errorf("iteration %d: half-built generations pile up: %v", i, after.incomplete)
		}
		if t.Failed() {
			t.Fatalf("stopping after iteration %d", i)
		}
	}
	t.Logf("outcomes of %d kills: %v", iterations, outcomes)

	// The next run completes, serves the whole corpus, and leaves no
	// half-built generation behind.
	mustKerko(t, "index", "--quiet", "--index", dir, "--corpus", c.dir)
	final := readGenState(t, dir)
	if len(final.incomplete) != 0 || len(final.complete) > 2 {
		t.Errorf("after a complete run: complete %v, incomplete %v; want at most 2 complete and none incomplete", final.complete, final.incomplete)
	}
	checkServes(t, dir, c.snapshot(), fmt.Sprintf("ver%d", iterations+1))
}

// TestIndex_Busy starts two kerko index on one index: the second must say
// the index is busy and exit non-zero while the first completes unharmed.
func TestIndex_Busy(t *testing.T) {
	c := newTestCorpus(t, 300, 1)
	dir := filepath.Join(t.TempDir(), "index")
	first := exec.Command(kerkoBin, "index", "--quiet", "--index", dir, "--corpus", c.dir)
	var firstErr bytes.Buffer
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	// The first holds the lock once its generation directory exists.
	building := waitFor(30*time.Second, func() bool {
		m, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
		return len(m) > 0
	})
	if !building {
		first.Process.Kill()
		first.Wait()
		t.Fatal("first kerko index never started building")
	}
	out, errOut, code := kerko(t, "index", "--index", dir, "--corpus", c.dir)
	if err := first.Wait(); err != nil {
		t.Fatalf("first kerko index: %v\n%s", err, firstErr.String())
	}
	if code == 0 || !strings.Contains(errOut, "busy") {
		t.Errorf("second kerko index: exit %d, stderr %q, stdout %q; want non-zero and \"busy\"", code, errOut, out)
	}
	checkServes(t, dir, c.snapshot(), "ver0")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestIndex_Interrupt stops kerko index with SIGINT (Ctrl-C) in the middle
// of a full rebuild: it must say so, exit non-zero, remove its half-built
// generation and leave the published index as it was.
func TestIndex_Interrupt(t *testing.T) {
	c := newTestCorpus(t, 400, 3)
	dir := filepath.Join(t.TempDir(), "index")
	mustKerko(t, "index", "--quiet", "--index", dir, "--corpus", c.dir)
	before := readGenState(t, dir)
	published := c.snapshot()
	c.change(50, 10, 10, "ver1")

	cmd := exec.Command(kerkoBin, "index", "--full", "--index", dir, "--corpus", c.dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitFor(30*time.Second, func() bool { return len(readGenState(t, dir).incomplete) > 0 }) {
		cmd.Process.Kill()
		t.Fatal("kerko index never started a generation")
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if err == nil {
		t.Fatalf("kerko index finished before SIGINT arrived; stderr: %s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted; the published index is unchanged") {
		t.Errorf("stderr after SIGINT = %q; want it to say the build was interrupted", stderr.String())
	}
	after := readGenState(t, dir)
	// Bleve's batches in flight are waited for a few seconds at most; past
	// that the half-built generation is left, and said to be, for the next
	// run to remove.
	leftOver := strings.Contains(stderr.String(), "is removed by the next build")
	if after.current != before.current || len(after.incomplete) != 0 && !leftOver {
		t.Errorf("after SIGINT: CURRENT %s (was %s), half-built %v; want unchanged and none", after.current, before.current, after.incomplete)
	}
	checkServes(t, dir, published, "ver0")
	if leftOver {
		mustKerko(t, "index", "--quiet", "--index", dir, "--corpus", c.dir)
		if left := readGenState(t, dir).incomplete; len(left) != 0 {
			t.Errorf("the next run left %v half-built", left)
		}
	}
}
