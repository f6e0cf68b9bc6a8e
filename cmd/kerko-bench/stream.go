package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"kerko/internal/benchcorpus"
)

// runStream pushes a corpus into an article stream on an embedded NATS
// server, starts kerko index --from, kills it with SIGKILL once it has read
// the stream, runs it again, and checks that a replica serves every
// article exactly once.
func runStream(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("stream", flag.ContinueOnError)
	kerkoBin := fs.String("kerko", "", "kerko binary (default: go build ./cmd/kerko into a temp dir)")
	corpusPath := fs.String("corpus", "", "corpus to push (default: the shared bench corpus)")
	ackWait := fs.Duration("ack-wait", 5*time.Second, "the consumer's acknowledgement wait")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "kerko-stream-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *kerkoBin == "" {
		*kerkoBin = filepath.Join(tmp, "kerko")
		if out, err := exec.Command("go", "build", "-o", *kerkoBin, "./cmd/kerko").CombinedOutput(); err != nil {
			return fmt.Errorf("build kerko: %v\n%s", err, out)
		}
	}
	if *corpusPath == "" {
		if *corpusPath, err = benchcorpus.Dir(); err != nil {
			return err
		}
	}
	natsURL, stopNATS, err := startNATS(filepath.Join(tmp, "nats"))
	if err != nil {
		return err
	}
	defer stopNATS()

	t0 := time.Now()
	out, err := exec.CommandContext(ctx, *kerkoBin, "push", "--replicas", "1", "--quiet", "--to", natsURL+"/ARTICLES", *corpusPath).CombinedOutput()
	if err != nil {
		return fmt.Errorf("kerko push: %v\n%s", err, out)
	}
	fmt.Printf("push of %s: %s\n", *corpusPath, time.Since(t0).Round(10*time.Millisecond))

	idx := filepath.Join(tmp, "indexer")
	from := []string{"index", "--from", natsURL + "/ARTICLES", "--replicas", "1", "--index", idx, "--ack-wait", ackWait.String(), "--quiet"}
	first := exec.CommandContext(ctx, *kerkoBin, from...)
	log := &lockedBuffer{}
	first.Stdout, first.Stderr = log, log
	t0 = time.Now()
	if err := first.Start(); err != nil {
		return err
	}
	for !strings.Contains(log.String(), "read the article stream") {
		if time.Since(t0) > 5*time.Minute {
			first.Process.Kill()
			return fmt.Errorf("kerko index --from did not read the stream in 5 minutes:\n%s", log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // into the build
	first.Process.Kill()
	first.Wait()
	fmt.Printf("indexer killed with SIGKILL %s after its start, while building\n", time.Since(t0).Round(10*time.Millisecond))
	time.Sleep(*ackWait)

	t0 = time.Now()
	if out, err := exec.CommandContext(ctx, *kerkoBin, append(from, "--json")...).CombinedOutput(); err != nil {
		return fmt.Errorf("kerko index --from, run again: %v\n%s", err, out)
	} else {
		fmt.Printf("indexer run again: %s in %s\n", strings.TrimSpace(string(lastLine(out))), time.Since(t0).Round(10*time.Millisecond))
	}
	r, err := startReplicaProc(ctx, *kerkoBin, natsURL, filepath.Join(tmp, "replica"))
	if err != nil {
		return err
	}
	defer r.stop()
	t0 = time.Now()
	if err := r.waitGeneration(ctx, 1, 5*time.Minute); err != nil {
		return err
	}
	st, err := replicaStatus(r.url)
	if err != nil {
		return err
	}
	fmt.Printf("replica ready from an empty disk in %s, serving %d articles\n", time.Since(t0).Round(10*time.Millisecond), st.Articles)
	return nil
}

// lockedBuffer is written by a process while the bench reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
