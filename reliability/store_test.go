package reliability

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests damage an index directory the way people and disks do, and
// check that kerko says what is wrong, names the file and the fix, and
// never replaces, rebuilds or removes anything it was not told to.

// The seed index the tests damage is built once, beside the binary (and
// removed with it).
var (
	tmplOnce sync.Once
	tmpl     string
	tmplErr  error
)

// seedIndex builds the seed corpus once into a template and copies it into
// a new temp dir for each test.
func seedIndex(t *testing.T) string {
	t.Helper()
	tmplOnce.Do(func() {
		tmpl = filepath.Join(filepath.Dir(kerkoBin), "seed-index")
		out, err := exec.Command(kerkoBin, "index", "--index", tmpl, "--quiet").CombinedOutput()
		if err != nil {
			tmplErr = fmt.Errorf("kerko index: %v\n%s", err, out)
		}
	})
	if tmplErr != nil {
		t.Fatal(tmplErr)
	}
	dir := filepath.Join(t.TempDir(), "index")
	copyTree(t, tmpl, dir)
	return dir
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// zap returns the (one) segment file of a generation.
func zap(t *testing.T, genDir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(genDir, "bleve", "store", "*.zap"))
	if len(m) == 0 {
		t.Fatalf("no segment in %s", genDir)
	}
	return m[0]
}

// flipBytes inverts n bytes in the middle of a file, keeping its size.
func flipBytes(t *testing.T, name string, n int) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	n = min(n, len(b))
	start := (len(b) - n) / 2
	for i := start; i < start+n; i++ {
		b[i] ^= 0xff
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if asExit(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// TestServe_RefusesUnreadableIndex is issue 13's first reproduction and its
// kin: kerko serve on a directory whose published generation cannot be read
// exits 1 with a message naming the file and the fix, and every byte of the
// directory stays as it was. Before, it indexed the demo corpus over the
// real index and deleted it.
func TestServe_RefusesUnreadableIndex(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	write(t, secret, "root:hunter2-do-not-print\n")
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		says   []string
		never  []string
		// incremental kerko index refuses too (a damaged segment is
		// rebuilt in full by kerko index instead, keeping the old one)
		indexRefuses bool
	}{
		{"completion marker removed", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "gen-000001", "kerko.json"))
		}, []string{"gen-000001/kerko.json is missing", "kerko index --full --index " + "DIR", "nothing in the directory was changed"}, nil, true},
		{"CURRENT names a generation that is not there", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "CURRENT"), "gen-000099")
		}, []string{"CURRENT names gen-000099", "complete generations here: gen-000001 (5 articles", "printf 'gen-000001\\n' > DIR/CURRENT"}, nil, true},
		{"CURRENT removed", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "CURRENT"))
		}, []string{"DIR/CURRENT is missing", "printf 'gen-000001\\n' > DIR/CURRENT"}, nil, true},
		{"CURRENT holds garbage", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "CURRENT"), "\x1b[31mgen\x00"+strings.Repeat("x", 500))
		}, []string{"should hold the name of a generation, such as gen-000001", "509 bytes", "printf 'gen-000001\\n' > DIR/CURRENT"}, []string{"xxxx", "\x1b"}, true},
		{"CURRENT is a symbolic link to another file", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "CURRENT"))
			if err := os.Symlink(secret, filepath.Join(dir, "CURRENT")); err != nil {
				t.Fatal(err)
			}
		}, []string{"symbolic link", "rm DIR/CURRENT && printf 'gen-000001\\n' > DIR/CURRENT"}, []string{"hunter2"}, true},
		{"segment truncated", func(t *testing.T, dir string) {
			if err := os.Truncate(zap(t, filepath.Join(dir, "gen-000001")), 4096); err != nil {
				t.Fatal(err)
			}
		}, []string{".zap is 4096 bytes; the manifest records", "kerko index --check --index DIR"}, []string{"mapping JSON"}, false},
		{"root.bolt zero length", func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, "gen-000001", "bleve", "store", "root.bolt"), 0)
		}, []string{"root.bolt is 0 bytes"}, []string{"bad file descriptor"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := seedIndex(t)
			tt.damage(t, dir)
			before := snapshot(t, dir)
			check := func(cmd string, out string, err error) {
				t.Helper()
				if code := exitCode(err); code != 1 {
					t.Fatalf("kerko %s on the damaged index: exit %d (%v); want 1\n%s", cmd, code, err, out)
				}
				msg := strings.ReplaceAll(out, dir, "DIR")
				for _, s := range tt.says {
					if !strings.Contains(msg, s) {
						t.Errorf("kerko %s does not say %q:\n%s", cmd, s, msg)
					}
				}
				for _, s := range append(tt.never, "seed corpus", "goroutine ") {
					if strings.Contains(msg, s) {
						t.Errorf("kerko %s says %q:\n%s", cmd, s, msg)
					}
				}
				after := snapshot(t, dir)
				for name, sum := range before {
					if after[name] != sum {
						t.Errorf("kerko %s changed or removed %s", cmd, name)
					}
				}
				for name := range after {
					if _, ok := before[name]; !ok {
						t.Errorf("kerko %s wrote %s", cmd, name)
					}
				}
			}
			out, err := kerko(t, 30*time.Second, "serve", "--index", dir, "--addr", "127.0.0.1:0")
			check("serve", out, err)
			t.Logf("kerko serve: %s", out)
			out, err = kerko(t, 30*time.Second, "search", "--index", dir, "erdogan")
			check("search", out, err)
			if tt.indexRefuses {
				out, err = kerko(t, time.Minute, "index", "--index", dir)
				check("index", out, err)
			}
		})
	}
}

// TestServe_SeedsOnlyAnEmptyDirectory: the demo corpus goes into a missing
// or empty directory, never into one holding someone else's files.
func TestServe_SeedsOnlyAnEmptyDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "notes")
	os.Mkdir(dir, 0o755)
	write(t, filepath.Join(dir, "thesis.tex"), "chapter one")
	out, err := kerko(t, 30*time.Second, "serve", "--index", dir, "--addr", "127.0.0.1:0")
	if exitCode(err) != 1 || !strings.Contains(out, "not empty (thesis.tex)") {
		t.Errorf("kerko serve on a directory of other files: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("kerko serve wrote into %s: %v", dir, entries)
	}
	srv := startServe(t, filepath.Join(t.TempDir(), "new")) // a missing one gets the seeds
	resp, err := client().Get(srv.URL + "/api/search?q=erdogan")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("seeded server: %v %v", resp, err)
	}
}

// articleCorpus writes n small .txt articles into a new folder.
func articleCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)),
			fmt.Sprintf("Lajmi %d nga Tirana\nTakimi i ministrave në Tiranë, fjala%d, u mbajt të hënën me partnerët nga Ankaraja.", i, i))
	}
	return dir
}

// TestIndex_CorruptSegmentForcesFullRebuild is issue 13's fourth
// reproduction: 2,000 bytes of the published segment flipped, then an
// incremental kerko index. The damaged segment must not be carried into
// the next generation: the build says why and rebuilds in full, keeping
// the damaged generation as it is. An unchanged corpus must not answer
// "nothing changed, index kept" over it.
func TestIndex_CorruptSegmentForcesFullRebuild(t *testing.T) {
	for _, changeOne := range []bool{true, false} {
		t.Run(fmt.Sprintf("one article changed %v", changeOne), func(t *testing.T) {
			c := articleCorpus(t, 40)
			dir := filepath.Join(t.TempDir(), "index")
			if out, err := kerko(t, time.Minute, "index", "--index", dir, "--corpus", c, "--quiet"); err != nil {
				t.Fatalf("kerko index: %v\n%s", err, out)
			}
			seg := zap(t, filepath.Join(dir, "gen-000001"))
			flipBytes(t, seg, 2000)
			damaged := snapshot(t, filepath.Join(dir, "gen-000001"))
			if changeOne {
				write(t, filepath.Join(c, "a007.txt"), "Lajmi 7 nga Tirana\nTakimi u shty: fjalaere e re.")
			}
			out, err := kerko(t, 2*time.Minute, "index", "--index", dir, "--corpus", c)
			if err != nil {
				t.Fatalf("kerko index over the damaged segment: %v\n%s", err, out)
			}
			t.Logf("kerko index: %s", out)
			for _, s := range []string{"full build: published generation gen-000001 failed verification", filepath.Base(seg), "CRC-32C", "indexed 40", "published generation 2"} {
				if !strings.Contains(out, s) {
					t.Errorf("kerko index does not say %q:\n%s", s, out)
				}
			}
			if strings.Contains(out, "nothing changed") {
				t.Errorf("kerko index kept the damaged generation:\n%s", out)
			}
			after := snapshot(t, filepath.Join(dir, "gen-000001"))
			for name, sum := range damaged {
				if after[name] != sum {
					t.Errorf("the damaged generation's %s was changed or removed; it is the user's to remove", name)
				}
			}
			if out, err := kerko(t, time.Minute, "index", "--check", "--index", dir); err != nil {
				t.Errorf("kerko index --check on the rebuilt generation: %v\n%s", err, out)
			}
			want := "fjala7"
			if changeOne {
				want = "fjalaere"
			}
			if out, err := kerko(t, time.Minute, "search", "--index", dir, want); err != nil || !strings.Contains(out, "1 result") {
				t.Errorf("kerko search %s on the rebuilt index: %v\n%s", want, err, out)
			}
		})
	}
}

// TestServe_DamagedGenerationIsNotSwappedIn is issue 13's fifth
// reproduction at reload: a generation whose segment is truncated is
// published under a running server. The server refuses it at open, says so
// once naming the file, goes on answering from the generation it has, and
// moves on when a sound one is published.
func TestServe_DamagedGenerationIsNotSwappedIn(t *testing.T) {
	dir := seedIndex(t)
	srv := startServe(t, dir)

	// Build gen-000002 elsewhere (nothing shared with gen-000001), truncate
	// its segment, and publish it as kerko does: rename onto CURRENT.
	other := filepath.Join(t.TempDir(), "other")
	for i := 0; i < 2; i++ {
		if out, err := kerko(t, time.Minute, "index", "--index", other, "--full", "--quiet"); err != nil {
			t.Fatalf("kerko index: %v\n%s", err, out)
		}
	}
	copyTree(t, filepath.Join(other, "gen-000002"), filepath.Join(dir, "gen-000002"))
	seg := zap(t, filepath.Join(dir, "gen-000002"))
	info, _ := os.Stat(seg)
	if err := os.Truncate(seg, info.Size()/2); err != nil {
		t.Fatal(err)
	}
	publish := func(gen string) {
		tmp := filepath.Join(dir, ".CURRENT.test")
		write(t, tmp, gen+"\n")
		if err := os.Rename(tmp, filepath.Join(dir, "CURRENT")); err != nil {
			t.Fatal(err)
		}
	}
	publish("gen-000002")

	deadline := time.Now().Add(4 * time.Second)
	for time.Now().Before(deadline) {
		for _, path := range []string{"/api/search?q=erdogan", "/api/suggest?q=erd", "/?q=kazakistan"} {
			resp, err := client().Get(srv.URL + path)
			if err != nil {
				t.Fatalf("GET %s after the damaged generation was published: %v\n%s", path, err, srv.stderr)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("GET %s: %d", path, resp.StatusCode)
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	log := srv.stderr.String()
	if n := strings.Count(log, "not served"); n != 1 {
		t.Errorf("the refused generation was logged %d times; want once:\n%s", n, log)
	}
	if !strings.Contains(log, seg) || !strings.Contains(log, "the manifest records") {
		t.Errorf("the log does not name the truncated segment %s:\n%s", seg, log)
	}

	// A sound generation published after it is served.
	copyTree(t, filepath.Join(other, "gen-000002"), filepath.Join(dir, "gen-000003"))
	publish("gen-000003")
	if !waitUntil(10*time.Second, func() bool { return strings.Contains(srv.stderr.String(), "generation=gen-000003") }) {
		t.Errorf("the server did not move on to gen-000003:\n%s", srv.stderr)
	}
	select {
	case err := <-srv.done:
		t.Fatalf("kerko serve exited: %v\n%s", err, srv.stderr)
	default:
	}
}

func waitUntil(limit time.Duration, ok func() bool) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return ok()
}

// TestIndex_Check runs kerko index --check: every file reported, exit 0 on
// a sound generation and 1, naming the file, on a damaged one.
func TestIndex_Check(t *testing.T) {
	dir := seedIndex(t)
	out, err := kerko(t, time.Minute, "index", "--check", "--index", dir)
	if err != nil {
		t.Fatalf("kerko index --check on a sound index: %v\n%s", err, out)
	}
	for _, s := range []string{"ok    kerko.json", "ok    manifest.json", "ok    bleve/store/root.bolt", "ok    ids.tsv.gz", "ok    documents", "ok    dictionaries", "no problem found"} {
		if !strings.Contains(out, s) {
			t.Errorf("kerko index --check does not report %q:\n%s", s, out)
		}
	}
	seg := zap(t, filepath.Join(dir, "gen-000001"))
	flipBytes(t, seg, 2000)
	before := snapshot(t, dir)
	out, err = kerko(t, time.Minute, "index", "--check", "--index", dir, "--generation", "gen-000001")
	rel := "bleve/store/" + filepath.Base(seg)
	if exitCode(err) != 1 || !strings.Contains(out, "FAIL  "+rel) || !strings.Contains(out, "problems (each marked FAIL above)") {
		t.Errorf("kerko index --check on a flipped segment: %v; want exit 1 and a FAIL line for %s\n%s", err, rel, out)
	}
	t.Logf("%s", out)
	checkSame(t, before, snapshot(t, dir))

	for _, args := range [][]string{
		{"index", "--check", "--index", dir, "--generation", "gen-000099"},
		{"index", "--check", "--index", filepath.Join(t.TempDir(), "none")},
	} {
		if out, err := kerko(t, time.Minute, args...); exitCode(err) != 1 {
			t.Errorf("kerko %v: %v; want exit 1\n%s", args, err, out)
		}
	}
	if out, err := kerko(t, time.Minute, "index", "--check", "--full", "--index", dir); exitCode(err) != 2 {
		t.Errorf("kerko index --check --full: %v; want a usage error\n%s", err, out)
	}
}

func checkSame(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("%s changed or vanished", name)
		}
	}
}

// lockFree reports whether nobody holds the index's build lock.
func lockFree(t *testing.T, dir string) bool {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, "LOCK"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return true
}

// TestIndex_SignalStopsBuild sends SIGINT and SIGTERM to kerko index at
// several points of a build, including one stuck opening a FIFO in the
// corpus (issue 13's sixth reproduction: it ignored both signals with the
// lock held). Each run must end within seconds, say it was interrupted,
// leave the published generation as it was and the lock free, and the
// next build must complete.
func TestIndex_SignalStopsBuild(t *testing.T) {
	big := bigCorpus(t, 1500)
	fifoCorpus := articleCorpus(t, 3)
	if err := syscall.Mkfifo(filepath.Join(fifoCorpus, "stuck.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		corpus string
		full   bool
		sig    syscall.Signal
		after  time.Duration // after the build's generation directory appears
	}{
		{"SIGINT as the full build starts", big, true, syscall.SIGINT, 0},
		{"SIGTERM during the full build", big, true, syscall.SIGTERM, time.Second},
		{"SIGTERM later in the full build", big, true, syscall.SIGTERM, 3 * time.Second},
		{"SIGINT during an incremental build", big, false, syscall.SIGINT, 500 * time.Millisecond},
		{"SIGTERM while a corpus FIFO blocks", fifoCorpus, false, syscall.SIGTERM, 1500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := seedIndex(t)
			gen := currentGen(t, dir)
			before := snapshot(t, dir)
			args := []string{"index", "--index", dir, "--corpus", tt.corpus, "--quiet"}
			if tt.full {
				args = append(args, "--full")
			}
			cmd := exec.Command(kerkoBin, args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			t.Cleanup(func() {
				if cmd.ProcessState == nil {
					cmd.Process.Kill()
					<-done
				}
			})
			waitUntil(30*time.Second, func() bool {
				_, err := os.Stat(filepath.Join(dir, "gen-000002"))
				return err == nil
			})
			time.Sleep(tt.after)
			sent := time.Now()
			cmd.Process.Signal(tt.sig)
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("kerko index still running 20 s after %v\n%s", tt.sig, stderr.String())
			}
			t.Logf("exit %v after %v: %s", err, time.Since(sent).Round(time.Millisecond), strings.TrimSpace(stderr.String()))
			switch code := exitCode(err); code {
			case 0:
				t.Logf("the build completed before the signal")
			case 1:
				if !strings.Contains(stderr.String(), "interrupted; the published index is unchanged") {
					t.Errorf("stderr after %v = %q; want it to say the build was interrupted", tt.sig, stderr.String())
				}
				if g := currentGen(t, dir); g != gen {
					t.Errorf("CURRENT = %s after an interrupted build; want %s", g, gen)
				}
				checkSame(t, before, snapshot(t, dir))
				left, _ := filepath.Glob(filepath.Join(dir, "gen-000002"))
				if len(left) > 0 && !strings.Contains(stderr.String(), "removed by the next build") {
					t.Errorf("the unfinished generation was left without a word")
				}
			default:
				t.Fatalf("kerko index exited %d after %v; want 1 (interrupted) or 0\n%s", code, tt.sig, stderr.String())
			}
			if !lockFree(t, dir) {
				t.Errorf("the build lock is still held after kerko index exited")
			}
			// The next build runs (a corpus without the FIFO), and leaves no
			// unfinished generation behind.
			out, err := kerko(t, 2*time.Minute, "index", "--index", dir, "--quiet")
			if err != nil {
				t.Fatalf("the next kerko index: %v\n%s", err, out)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if _, err := os.Stat(filepath.Join(dir, e.Name(), "kerko.json")); strings.HasPrefix(e.Name(), "gen-") && err != nil {
					t.Errorf("%s left unfinished after the next build", e.Name())
				}
			}
		})
	}
}
