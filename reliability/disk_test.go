package reliability

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"kerko/search"
)

// These tests take the index directory's disk away from `kerko index`
// and check that the build fails with a clear error while the published
// generation stays exactly as it was and keeps serving. They need to mount
// file systems (root with CAP_SYS_ADMIN, as in CI here) and skip otherwise.

// mountOrSkip mounts a file system on dir, or skips the test when this
// process may not mount.
func mountOrSkip(t *testing.T, source, dir, fstype string, flags uintptr, data string) {
	t.Helper()
	if err := syscall.Mount(source, dir, fstype, flags, data); err != nil {
		t.Skipf("cannot mount %s on %s (%v): this test needs root with CAP_SYS_ADMIN", fstype, dir, err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
}

// snapshot hashes every file under dir except the build lock, so a test
// can tell whether the published index was touched.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "LOCK" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot %s: %v", dir, err)
	}
	return out
}

// checkPublishedUntouched checks that every file of the published
// generation and CURRENT are unchanged, and that the index still searches.
func checkPublishedUntouched(t *testing.T, dir string, before map[string]string, gen string) {
	t.Helper()
	after := snapshot(t, dir)
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("published file %s changed or vanished", name)
		}
	}
	if got := currentGen(t, dir); got != gen {
		t.Errorf("CURRENT = %s; want %s still published", got, gen)
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatalf("published index no longer opens: %v", err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), search.Request{Query: "erdogan"})
	if err != nil || res.Total == 0 || ix.Count() != 5 {
		t.Errorf("published index: %d articles, err %v", ix.Count(), err)
	}
}

// bigCorpus writes n articles with many distinct words to a .jsonl file.
func bigCorpus(t *testing.T, n int) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "big.jsonl")
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		var body strings.Builder
		for w := 0; w < 200; w++ {
			fmt.Fprintf(&body, "fjala%dx%d ", i, w)
		}
		enc.Encode(map[string]string{"id": fmt.Sprintf("big-%d", i), "title": fmt.Sprintf("Lajmi %d nga Tirana", i), "body": body.String(), "lang": "sq", "date": "2024-05-06"})
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestIndex_DiskFull(t *testing.T) {
	dir := t.TempDir()
	mountOrSkip(t, "tmpfs", dir, "tmpfs", 0, "size=1m")
	indexSeeds(t, dir) // about 240 KiB: fits
	gen := currentGen(t, dir)
	before := snapshot(t, dir)
	big := bigCorpus(t, 3000)

	for _, args := range [][]string{
		{"index", "--index", dir, "--corpus", big, "--quiet"},
		{"index", "--index", dir, "--corpus", big, "--full", "--quiet"},
	} {
		t.Run(strings.Join(args[3:], " "), func(t *testing.T) {
			start := time.Now()
			out, err := kerko(t, 2*time.Minute, args...)
			var ee *exec.ExitError
			if err == nil || !asExit(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("kerko %v on a full disk: %v; want exit status 1\n%s", args, err, out)
			}
			if !strings.Contains(out, "no space left on device") || !strings.Contains(out, dir) {
				t.Errorf("error does not say the disk of %s is full:\n%s", dir, out)
			}
			if strings.Count(strings.TrimSpace(out), "\n") > 3 {
				t.Errorf("error is not short and clear:\n%s", out)
			}
			t.Logf("failed after %v with: %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(out))
			checkPublishedUntouched(t, dir, before, gen)
			// The failed generation is removed, so the disk is not left full.
			gens, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
			if len(gens) != 1 || filepath.Base(gens[0]) != gen {
				t.Errorf("generations left after the failed build: %v; want only %s", gens, gen)
			}
		})
	}
	// With the disk full the server still starts and serves the published index.
	out, err := kerko(t, time.Minute, "search", "--index", dir, "erdogan")
	if err != nil || !strings.Contains(out, "results") {
		t.Errorf("kerko search on the full disk: %v\n%s", err, out)
	}
}

func TestIndex_ReadOnlyDir(t *testing.T) {
	dir := t.TempDir()
	indexSeeds(t, dir)
	gen := currentGen(t, dir)
	before := snapshot(t, dir)
	if os.Geteuid() == 0 {
		// Root ignores permission bits: remount the directory read-only.
		mountOrSkip(t, dir, dir, "", syscall.MS_BIND, "")
		if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
			t.Skipf("cannot remount %s read-only: %v", dir, err)
		}
	} else {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	for _, args := range [][]string{
		{"index", "--index", dir, "--quiet"},
		{"index", "--index", dir, "--full", "--quiet"},
	} {
		out, err := kerko(t, time.Minute, args...)
		var ee *exec.ExitError
		if err == nil || !asExit(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("kerko %v on a read-only dir: %v; want exit status 1\n%s", args, err, out)
		}
		if !strings.Contains(out, "read-only file system") && !strings.Contains(out, "permission denied") || !strings.Contains(out, dir) {
			t.Errorf("error does not say %s is read-only:\n%s", dir, out)
		}
		t.Logf("kerko %v: %s", args[3:], strings.TrimSpace(out))
	}
	checkPublishedUntouched(t, dir, before, gen)
	srv := startServe(t, dir) // a read-only index still serves
	resp, err := client().Get(srv.URL + "/api/search?q=erdogan")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("search on the read-only index: %v %v", resp, err)
	}
}

func asExit(err error, ee **exec.ExitError) bool {
	e, ok := err.(*exec.ExitError)
	*ee = e
	return ok
}
