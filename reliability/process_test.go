package reliability

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// kerkoBin is the real kerko binary, built once for the process tests, or
// the one KERKO_BIN names (to show that a test fails on an older build:
// KERKO_BIN=/tmp/old/kerko go test ./reliability -run TestName).
var kerkoBin string

func TestMain(m *testing.M) {
	if bin := os.Getenv("KERKO_BIN"); bin != "" {
		kerkoBin = bin
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "kerko-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	kerkoBin = filepath.Join(dir, "kerko")
	out, err := exec.Command("go", "build", "-o", kerkoBin, "kerko/cmd/kerko").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build kerko: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// kerko runs the binary to completion with a time limit and returns its
// combined output.
func kerko(t *testing.T, limit time.Duration, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	out, err := exec.CommandContext(ctx, kerkoBin, args...).CombinedOutput()
	return string(out), err
}

// indexSeeds builds the embedded seed corpus into dir with the binary.
func indexSeeds(t *testing.T, dir string) {
	t.Helper()
	if out, err := kerko(t, time.Minute, "index", "--index", dir, "--quiet"); err != nil {
		t.Fatalf("kerko index: %v\n%s", err, out)
	}
}

// serverProc is a running `kerko serve`.
type serverProc struct {
	cmd    *exec.Cmd
	URL    string
	Addr   string
	stderr *safeBuffer
	done   chan error
}

var servingLine = regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)

// startServe starts `kerko serve` on a free loopback port, with any extra
// flags, and waits until it says where it listens.
func startServe(t *testing.T, dir string, extra ...string) *serverProc {
	t.Helper()
	cmd := exec.Command(kerkoBin, append([]string{"serve", "--index", dir, "--addr", "127.0.0.1:0"}, extra...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &serverProc{cmd: cmd, stderr: &safeBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start kerko serve: %v", err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.done
		}
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { p.done <- cmd.Wait() }()
	select {
	case a := <-addr:
		p.Addr, p.URL = a, "http://"+a
	case err := <-p.done:
		t.Fatalf("kerko serve exited: %v\n%s", err, p.stderr)
	case <-time.After(30 * time.Second):
		t.Fatalf("kerko serve did not start in 30s\n%s", p.stderr)
	}
	return p
}

// safeBuffer lets the process write its output while the test reads it.
type safeBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func client() *http.Client { return &http.Client{Timeout: 10 * time.Second} }
