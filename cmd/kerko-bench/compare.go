package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// runCompare runs the peers' harness with kerko as one more peer, so every
// figure comes from the same run on the same machine, and prints the tables.
func runCompare(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	kerko := fs.String("kerko", "", "kerko binary (default: go build ./cmd/kerko into the work dir)")
	peers := fs.String("peers", "kerko xapian fts5 lucene sphinx", "engines, in the order they run")
	work := fs.String("work", "", "work dir for indexes and raw results (default: a new temp dir)")
	repeat := fs.Int("repeat", 20, "timed runs per query")
	warmup := fs.Int("lucene-warmup", 300, "untimed runs per query for Lucene's JVM (1 = cold JVM)")
	corpusDir := fs.String("corpus", "", "corpus (default: the shared bench corpus)")
	queries := fs.String("queries", "", "queries file (default: the peers' queries-real.txt)")
	out := fs.String("out", "", "also write the markdown here")
	render := fs.Bool("render", false, "only print the tables of an earlier run in -work")
	nice := fs.Bool("kerko-nice", false, "let kerko index lower its CPU priority, as it does by default (the peers' indexers do not)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *render {
		if *work == "" {
			return fmt.Errorf("-render needs -work")
		}
		res, err := readResults(*work, strings.Fields(*peers))
		if err != nil {
			return err
		}
		st, _ := os.Stat(filepath.Join(*work, "results.tsv"))
		m := machine()
		m.loadBefore, m.loadAfter = "(not recorded)", "(not recorded)"
		writeCompare(os.Stdout, m, st.ModTime().UTC(), res, *repeat, *warmup, *work)
		return nil
	}
	bench, err := sharedBench()
	if err != nil {
		return err
	}
	if *corpusDir == "" {
		*corpusDir = filepath.Join(bench, "corpus")
	}
	if *queries == "" {
		*queries = filepath.Join(bench, "peers", "queries-real.txt")
	}
	if *work == "" {
		if *work, err = os.MkdirTemp("", "kerko-compare-"); err != nil {
			return err
		}
	}
	if *kerko == "" && strings.Contains(*peers, "kerko") {
		*kerko = filepath.Join(*work, "kerko")
		build := exec.CommandContext(ctx, "go", "build", "-o", *kerko, "./cmd/kerko")
		build.Dir = moduleRoot()
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build kerko: %w", err)
		}
	}
	if *kerko != "" {
		if *kerko, err = filepath.Abs(*kerko); err != nil {
			return err
		}
	}

	if *kerko != "" && !*nice {
		if *kerko, err = noNiceWrapper(*work, *kerko); err != nil {
			return err
		}
	}

	m := machine()
	m.loadBefore = loadAvg()
	started := time.Now().UTC()
	// The harness compiles Lucene's peer beside its source; the shared
	// folder is read-only, so it runs from a copy in the work dir.
	peersDir := filepath.Join(*work, "peers")
	if err := copyDir(filepath.Join(bench, "peers"), peersDir); err != nil {
		return fmt.Errorf("copy peer scripts: %w", err)
	}
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(peersDir, "bench_all.sh"), *corpusDir, *queries, strconv.Itoa(*repeat))
	cmd.Env = append(os.Environ(), "PEERS="+*peers, "KERKO="+*kerko, "WORK="+*work, "FACETS=1",
		"LUCENE_WARMUP="+strconv.Itoa(*warmup))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bench_all.sh: %w", err)
	}
	m.loadAfter = loadAvg()

	res, err := readResults(*work, strings.Fields(*peers))
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = io.MultiWriter(os.Stdout, f)
	}
	writeCompare(w, m, started, res, *repeat, *warmup, *work)
	return nil
}

// moduleRoot finds go.mod upwards from the working directory.
func moduleRoot() string {
	wd, _ := os.Getwd()
	for d := wd; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	return wd
}

type machineInfo struct {
	cpus, cpuModel, mem, kernel string
	loadBefore, loadAfter       string
}

func machine() machineInfo {
	m := machineInfo{cpus: strconv.Itoa(runtime.NumCPU())}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				m.cpuModel = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if l, _, ok := strings.Cut(string(b), "\n"); ok {
			f := strings.Fields(l)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				m.mem = fmt.Sprintf("%.1f GiB", kb/(1<<20))
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = strings.TrimSpace(string(b))
	}
	return m
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

type queryResult struct {
	total         int
	p50, p95      float64
	query, engine string
}

type engineResult struct {
	name       string
	docs       int
	seconds    float64 // the engine's own figure
	wall       float64 // /usr/bin/time elapsed of the whole index command
	cpu        float64 // its user+system seconds, children included
	rssKiB     int
	indexBytes int64
	queries    map[string]queryResult
	queryOrder []string
}

func readResults(work string, peers []string) ([]*engineResult, error) {
	byName := map[string]*engineResult{}
	var out []*engineResult
	for _, p := range peers {
		e := &engineResult{name: p, queries: map[string]queryResult{}}
		byName[p] = e
		out = append(out, e)
		e.wall, e.cpu, e.rssKiB = readTimeFile(filepath.Join(work, p+"-index.time"))
	}
	f, err := os.Open(filepath.Join(work, "results.tsv"))
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 7 || byName[c[0]] == nil {
			continue
		}
		e := byName[c[0]]
		if c[1] == "index" {
			e.docs, _ = strconv.Atoi(c[3])
			e.seconds, _ = strconv.ParseFloat(c[4], 64)
			e.indexBytes, _ = strconv.ParseInt(c[5], 10, 64)
			continue
		}
		q := queryResult{query: c[2], engine: c[0]}
		q.total, _ = strconv.Atoi(c[3])
		q.p50, _ = strconv.ParseFloat(c[5], 64)
		q.p95, _ = strconv.ParseFloat(c[6], 64)
		e.queries[q.query] = q
		e.queryOrder = append(e.queryOrder, q.query)
	}
	return out, sc.Err()
}

// readTimeFile reads wall seconds, CPU seconds and max RSS from
// `/usr/bin/time -v` output.
func readTimeFile(name string) (wall, cpu float64, rssKiB int) {
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(l, "Elapsed (wall clock) time (h:mm:ss or m:ss): "); ok {
			parts := strings.Split(v, ":")
			mult := 1.0
			for i := len(parts) - 1; i >= 0; i-- {
				x, _ := strconv.ParseFloat(parts[i], 64)
				wall += x * mult
				mult *= 60
			}
		}
		if v, ok := strings.CutPrefix(l, "Maximum resident set size (kbytes): "); ok {
			rssKiB, _ = strconv.Atoi(v)
		}
		for _, p := range []string{"User time (seconds): ", "System time (seconds): "} {
			if v, ok := strings.CutPrefix(l, p); ok {
				x, _ := strconv.ParseFloat(v, 64)
				cpu += x
			}
		}
	}
	return wall, cpu, rssKiB
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func writeCompare(w io.Writer, m machineInfo, started time.Time, res []*engineResult, repeat, warmup int, work string) {
	fmt.Fprintf(w, "Run of %s UTC on %s CPUs (%s), %s RAM, kernel %s; load average %s before, %s after.\n",
		started.Format("2006-01-02 15:04"), m.cpus, m.cpuModel, m.mem, m.kernel, m.loadBefore, m.loadAfter)
	fmt.Fprintf(w, "Facets on, %d timed runs per query after warm-up (Lucene: %d untimed runs per query). Raw results: %s\n\n", repeat, warmup, work)
	fmt.Fprintln(w, "| engine | build wall s | docs/s | build CPU s | peak RSS MiB | index MiB | median p50 ms | median p95 ms | worst p95 ms |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, e := range res {
		var p50s, p95s []float64
		worst := 0.0
		for _, q := range e.queries {
			p50s = append(p50s, q.p50)
			p95s = append(p95s, q.p95)
			worst = max(worst, q.p95)
		}
		rate := 0.0
		if e.wall > 0 {
			rate = float64(e.docs) / e.wall
		}
		fmt.Fprintf(w, "| %s | %.1f | %.0f | %.1f | %.0f | %.1f | %.2f | %.2f | %.2f |\n", e.name, e.wall, rate, e.cpu,
			float64(e.rssKiB)/1024, float64(e.indexBytes)/(1<<20), median(p50s), median(p95s), worst)
	}
	fmt.Fprintln(w, "\nPer query, `hits: p50 / p95` in ms:")
	fmt.Fprintln(w)
	head := "| query |"
	sep := "|---|"
	for _, e := range res {
		head += " " + e.name + " |"
		sep += "---|"
	}
	fmt.Fprintln(w, head)
	fmt.Fprintln(w, sep)
	if len(res) == 0 {
		return
	}
	for _, q := range res[0].queryOrder {
		row := "| `" + q + "` |"
		for _, e := range res {
			r, ok := e.queries[q]
			if !ok {
				row += " – |"
				continue
			}
			row += fmt.Sprintf(" %d: %.2f / %.2f |", r.total, r.p50, r.p95)
		}
		fmt.Fprintln(w, row)
	}
}

// decodeJSON decodes one JSON value from r.
func decodeJSON(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

// copyDir copies the regular files of src (recursively) into dst, skipping
// work folders of earlier runs.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "work" || d.Name() == "classes" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, info.Mode().Perm())
	})
}

// noNiceWrapper writes a script that runs kerko with `index --no-nice`.
// kerko index lowers its own priority (nice 10) so that a server beside it
// keeps the CPU; the peers' indexers run at normal priority, so on a machine
// that other jobs share, a niced kerko would lose the cores to them and its
// wall time would not compare. CPU seconds are the same either way.
func noNiceWrapper(work, kerko string) (string, error) {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", fmt.Errorf("create work dir: %w", err)
	}
	path := filepath.Join(work, "kerko-no-nice")
	script := "#!/bin/sh\n" +
		"if [ \"$1\" = index ]; then shift; exec " + shellQuote(kerko) + " index --no-nice \"$@\"; fi\n" +
		"exec " + shellQuote(kerko) + " \"$@\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		return "", fmt.Errorf("write kerko wrapper: %w", err)
	}
	return path, nil
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
