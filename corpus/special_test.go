package corpus

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// withinTime runs f and fails the test if it has not returned after limit:
// a read that opens a FIFO would wait for a writer forever.
func withinTime(t *testing.T, limit time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("%s did not return within %v (blocked opening a special file?)", what, limit)
	}
}

// specialCorpus is a folder with a good article beside a FIFO, a socket,
// and links: to a file inside, to a file outside (a stand-in for
// /etc/passwd), to nothing, and to a folder.
func specialCorpus(t *testing.T) (dir, secret string) {
	t.Helper()
	outside := t.TempDir()
	secret = filepath.Join(outside, "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(outside, "more"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "more", "x.txt"), []byte("Hidden headline\nHidden body."), 0o644); err != nil {
		t.Fatal(err)
	}
	// A socket path must be short: the corpus lives in its own short dir.
	d, err := os.MkdirTemp("", "kc")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	dir = d
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Good headline\nGood body.")
	write("sub/inner.txt", "Inner headline\nInner body.")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.jsonl"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "s.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	climb, err := filepath.Rel(dir, secret)
	if err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"passwd.txt":   secret,
		"inside.txt":   "sub/inner.txt",
		"climb.txt":    climb, // ../../…/passwd
		"dangling.txt": "missing.txt",
		"tofifo.jsonl": "pipe.jsonl",
		"linkdir":      filepath.Join(outside, "more"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, secret
}

func TestReader_SpecialFilesAndLinks(t *testing.T) {
	dir, _ := specialCorpus(t)
	tests := []struct {
		name    string
		follow  bool
		wantIDs []string
		want    map[string]string // file -> reason substring
	}{
		{
			name:    "default: links stay in the folder",
			wantIDs: []string{"good", "inside", "sub/inner"},
			want: map[string]string{
				"pipe.txt":     "not a regular file: named pipe (FIFO)",
				"pipe.jsonl":   "not a regular file: named pipe (FIFO)",
				"s.txt":        "not a regular file: socket",
				"passwd.txt":   "symbolic link out of the corpus folder not followed (kerko index --follow-symlinks reads it)",
				"climb.txt":    "symbolic link out of the corpus folder not followed",
				"dangling.txt": "unreadable",
				"tofifo.jsonl": "not a regular file: named pipe (FIFO)",
			},
		},
		{
			name:    "--follow-symlinks",
			follow:  true,
			wantIDs: []string{"climb", "good", "inside", "passwd", "sub/inner"},
			want: map[string]string{
				"pipe.txt":     "named pipe (FIFO)",
				"pipe.jsonl":   "named pipe (FIFO)",
				"s.txt":        "socket",
				"dangling.txt": "unreadable",
				"tofifo.jsonl": "named pipe (FIFO)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			got := map[string]string{}
			r := &Reader{
				Emit:           func(a *Article) error { ids = append(ids, a.ID); return nil },
				Report:         func(p Problem) { got[filepath.Base(p.File)] = p.Reason },
				Now:            testNow,
				FollowSymlinks: tt.follow,
			}
			withinTime(t, 10*time.Second, "ReadPath", func() {
				if err := r.ReadPath(context.Background(), dir); err != nil {
					t.Errorf("ReadPath: %v", err)
				}
			})
			sort.Strings(ids)
			if strings.Join(ids, " ") != strings.Join(tt.wantIDs, " ") {
				t.Errorf("ids = %q; want %q", ids, tt.wantIDs)
			}
			for file, reason := range tt.want {
				if !strings.Contains(got[file], reason) {
					t.Errorf("report for %s = %q; want it to say %q", file, got[file], reason)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("reports %v; want %d", got, len(tt.want))
			}
		})
	}
}

// TestReader_NamedSpecialFile checks a FIFO named on the command line: it
// is reported, not opened.
func TestReader_NamedSpecialFile(t *testing.T) {
	dir, _ := specialCorpus(t)
	for _, name := range []string{"pipe.txt", "pipe.jsonl"} {
		var probs []Problem
		r := &Reader{Report: func(p Problem) { probs = append(probs, p) }, Now: testNow}
		withinTime(t, 10*time.Second, "ReadPath("+name+")", func() {
			if err := r.ReadPath(context.Background(), filepath.Join(dir, name)); err != nil {
				t.Errorf("ReadPath: %v", err)
			}
		})
		if len(probs) != 1 || !strings.Contains(probs[0].Reason, "named pipe") {
			t.Errorf("%s: problems %v; want one naming the pipe", name, probs)
		}
	}
}

func TestEstimate_SpecialFiles(t *testing.T) {
	dir, _ := specialCorpus(t)
	var n int
	withinTime(t, 10*time.Second, "Estimate", func() { n = Estimate(context.Background(), dir) })
	// good, sub/inner, and the four .txt links, counted without opening.
	if n != 2+4 {
		t.Errorf("Estimate = %d; want 6", n)
	}
}
