package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"kerko/internal/benchcorpus"
)

// runReplicate writes the corpus N times over with new ids (copy k > 0 of
// article x is x~k), for scale tests.
func runReplicate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("replicate", flag.ContinueOnError)
	times := fs.Int("times", 3, "copies of the corpus")
	out := fs.String("out", "", "output .jsonl file")
	dir := fs.String("corpus", "", "corpus (default: the shared bench corpus)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("replicate: -out is required")
	}
	_, err := replicate(ctx, *dir, *times, *out)
	return err
}

func replicate(ctx context.Context, dir string, times int, out string) (int, error) {
	if dir == "" {
		d, err := benchcorpus.Dir()
		if err != nil {
			return 0, err
		}
		dir = d
	}
	docs, err := benchcorpus.Load(ctx, dir)
	if err != nil {
		return 0, err
	}
	f, err := os.Create(out)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	n := 0
	for k := 0; k < times; k++ {
		for _, d := range docs {
			id := d.ID
			if k > 0 {
				id = fmt.Sprintf("%s~%d", d.ID, k)
			}
			date := ""
			if d.Dated() {
				date = d.Date.Format(time.DateOnly)
			}
			if err := enc.Encode(map[string]string{"id": id, "lang": d.Lang, "date": date, "title": d.Title, "body": d.Body, "source": d.Source}); err != nil {
				f.Close()
				return 0, err
			}
			n++
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return n, f.Close()
}

// runScale builds the corpus replicated 1, 3 and 10 times and reports build
// time, memory, size, query latency and the cold start of kerko serve.
func runScale(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	kerko := fs.String("kerko", "", "kerko binary (default: go build ./cmd/kerko into the work dir)")
	timesFlag := fs.String("times", "1,3,10", "replication factors")
	work := fs.String("work", "", "work dir (default: a new temp dir); replicated corpora and indexes go here")
	repeat := fs.Int("repeat", 20, "timed runs per query")
	queries := fs.String("queries", "", "queries file (default: the peers' queries-real.txt)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	bench, err := sharedBench()
	if err != nil {
		return err
	}
	if *queries == "" {
		*queries = filepath.Join(bench, "peers", "queries-real.txt")
	}
	qs, err := readLines(*queries)
	if err != nil {
		return err
	}
	if *work == "" {
		if *work, err = os.MkdirTemp("", "kerko-scale-"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(*work, 0o755); err != nil {
		// A named work dir need not exist yet: /usr/bin/time writes its
		// report there before kerko index creates anything.
		return fmt.Errorf("work dir: %w", err)
	}
	if *kerko == "" {
		*kerko = filepath.Join(*work, "kerko")
		build := exec.CommandContext(ctx, "go", "build", "-o", *kerko, "./cmd/kerko")
		build.Dir = moduleRoot()
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build kerko: %w", err)
		}
	}
	fmt.Printf("load average %s before\n\n", loadAvg())
	fmt.Println("| corpus | articles | build s | articles/s | build CPU s | peak RSS MiB | index MiB | median p50 ms | worst p95 ms | serve ready ms | first query ms |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, ts := range strings.Split(*timesFlag, ",") {
		times, err := strconv.Atoi(strings.TrimSpace(ts))
		if err != nil || times < 1 {
			return fmt.Errorf("bad -times %q", *timesFlag)
		}
		src := filepath.Join(bench, "corpus")
		if times > 1 {
			src = filepath.Join(*work, fmt.Sprintf("corpus-x%d.jsonl", times))
			if _, err := os.Stat(src); err != nil {
				if _, err := replicate(ctx, "", times, src); err != nil {
					return err
				}
			}
		}
		ix := filepath.Join(*work, fmt.Sprintf("index-x%d", times))
		os.RemoveAll(ix)
		timeFile := filepath.Join(*work, fmt.Sprintf("index-x%d.time", times))
		cmd := exec.CommandContext(ctx, "/usr/bin/time", "-v", "-o", timeFile, *kerko, "index", "--corpus", src, "--index", ix, "--json", "--full")
		cmd.Stderr = os.Stderr
		outb, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("index x%d: %w", times, err)
		}
		var st struct {
			Docs       int     `json:"docs"`
			Seconds    float64 `json:"seconds"`
			IndexBytes int64   `json:"index_bytes"`
		}
		if err := json.Unmarshal(lastLine(outb), &st); err != nil {
			return fmt.Errorf("index x%d output: %w", times, err)
		}
		wall, cpu, rss := readTimeFile(timeFile)
		var p50s []float64
		worst := 0.0
		for _, q := range qs {
			out, err := exec.CommandContext(ctx, *kerko, "search", "--index", ix, "--json", "--repeat", strconv.Itoa(*repeat), "--", q).Output()
			if err != nil {
				return fmt.Errorf("search %q: %w", q, err)
			}
			var r struct {
				MS struct{ P50, P95 float64 } `json:"ms"`
			}
			if err := json.Unmarshal(lastLine(out), &r); err != nil {
				return fmt.Errorf("search %q output: %w", q, err)
			}
			p50s = append(p50s, r.MS.P50)
			worst = max(worst, r.MS.P95)
		}
		ready, first, err := coldStart(ctx, *kerko, ix)
		if err != nil {
			return err
		}
		fmt.Printf("| ×%d | %d | %.1f | %.0f | %.1f | %.0f | %.1f | %.2f | %.2f | %.0f | %.1f |\n", times, st.Docs, wall, float64(st.Docs)/wall, cpu,
			float64(rss)/1024, float64(st.IndexBytes)/(1<<20), median(p50s), worst, ready, first)
	}
	fmt.Printf("\nload average %s after; work dir %s\n", loadAvg(), *work)
	return nil
}

func lastLine(b []byte) []byte {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return []byte(lines[len(lines)-1])
}

// coldStart starts kerko serve on ix and returns the milliseconds until it
// answers /healthz, and how long the first search then takes.
func coldStart(ctx context.Context, kerko, ix string) (ready, first float64, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, 0, err
	}
	addr := ln.Addr().String()
	ln.Close()
	start := time.Now()
	cmd := exec.CommandContext(ctx, kerko, "serve", "--index", ix, "--addr", addr)
	if err := cmd.Start(); err != nil {
		return 0, 0, fmt.Errorf("start serve: %w", err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	client := &http.Client{Timeout: 2 * time.Second}
	for {
		resp, err := client.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(start) > 60*time.Second {
			return 0, 0, fmt.Errorf("serve on %s not ready after 60 s", ix)
		}
		time.Sleep(5 * time.Millisecond)
	}
	ready = float64(time.Since(start).Microseconds()) / 1000
	t0 := time.Now()
	resp, err := client.Get("http://" + addr + "/api/search?q=trade")
	if err != nil {
		return 0, 0, fmt.Errorf("first search: %w", err)
	}
	resp.Body.Close()
	first = float64(time.Since(t0).Microseconds()) / 1000
	return ready, first, nil
}
