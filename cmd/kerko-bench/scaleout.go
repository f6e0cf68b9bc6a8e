package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"kerko/internal/benchcorpus"
)

// runScaleout measures kerko as a cluster on one machine: a NATS server
// with JetStream (embedded), kerko index --publish, query replicas (kerko
// serve --source) each capped to the same CPU share with the cgroup cpu
// controller, and haproxy with deploy/haproxy/haproxy.cfg in front. It
// reports the publish time, the time a replica takes from an empty disk to
// ready, the rollout time from the pointer's swap until three replicas
// serve, and the throughput through haproxy with 1, 2 and 3 replicas.
func runScaleout(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("scaleout", flag.ContinueOnError)
	kerkoBin := fs.String("kerko", "", "kerko binary (default: go build ./cmd/kerko into a temp dir)")
	haproxyBin := fs.String("haproxy", "haproxy", "haproxy binary")
	corpusPath := fs.String("corpus", "", "corpus to index (default: the shared bench corpus)")
	cpu := fs.Float64("cpu", 0.5, "CPU share of each replica, in cores (cgroup cpu.max or cpu.cfs_quota_us); 0: uncapped")
	counts := fs.String("replicas", "1,2,3", "replica counts to measure")
	conns := fs.Int("conns", 16, "concurrent connections through haproxy")
	dur := fs.Duration("duration", 30*time.Second, "measured load per replica count")
	warm := fs.Duration("warmup", 5*time.Second, "untimed load before each measure")
	queries := fs.String("queries", "", "one query a line (default: the peers' queries-real.txt)")
	unique := fs.Float64("unique", 0.5, "fraction of searches whose query is asked only once (as kerko-bench http): a cache answers none of them")
	cfg := fs.String("haproxy-config", "deploy/haproxy/haproxy.cfg", "haproxy configuration (run from the repository root)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var ns []int
	for _, s := range strings.Split(*counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 3 {
			return fmt.Errorf("--replicas %q: counts between 1 and 3 (haproxy.cfg has three servers)", *counts)
		}
		ns = append(ns, n)
	}
	tmp, err := os.MkdirTemp("", "kerko-scaleout-")
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
	if *queries == "" {
		b, err := sharedBench()
		if err != nil {
			return err
		}
		*queries = filepath.Join(b, "peers", "queries-real.txt")
	}
	qs, err := readLines(*queries)
	if err != nil {
		return err
	}

	natsURL, stopNATS, err := startNATS(filepath.Join(tmp, "nats"))
	if err != nil {
		return err
	}
	defer stopNATS()
	fmt.Printf("load average before: %s\n", loadAvg())
	idx := filepath.Join(tmp, "indexer")
	t0 := time.Now()
	if out, err := exec.CommandContext(ctx, *kerkoBin, "index", "--publish", natsURL, "--replicas", "1", "--index", idx, "--quiet", "--corpus", *corpusPath).CombinedOutput(); err != nil {
		return fmt.Errorf("kerko index --publish: %v\n%s", err, out)
	}
	fmt.Printf("build and publish of %s: %s\n", *corpusPath, time.Since(t0).Round(10*time.Millisecond))

	cg, cgNote := newCPUGroups(*cpu)
	fmt.Println(cgNote)
	defer cg.remove()
	var reps []*replicaProc
	for i := 0; i < 3; i++ {
		start := time.Now()
		r, err := startReplicaProc(ctx, *kerkoBin, natsURL, filepath.Join(tmp, fmt.Sprintf("r%d", i+1)))
		if err != nil {
			return err
		}
		defer r.stop()
		if err := cg.add(i, r.cmd.Process.Pid); err != nil {
			return err
		}
		if err := r.waitGeneration(ctx, 1, 5*time.Minute); err != nil {
			return err
		}
		reps = append(reps, r)
		fmt.Printf("replica %d: ready from an empty disk in %s\n", i+1, time.Since(start).Round(10*time.Millisecond))
	}

	// A rollout: a full rebuild is a new generation of the same size.
	if out, err := exec.CommandContext(ctx, *kerkoBin, "index", "--publish", natsURL, "--replicas", "1", "--index", idx, "--quiet", "--full", "--corpus", *corpusPath).CombinedOutput(); err != nil {
		return fmt.Errorf("kerko index --publish --full: %v\n%s", err, out)
	}
	for _, r := range reps {
		if err := r.waitGeneration(ctx, 2, 5*time.Minute); err != nil {
			return err
		}
	}
	done := time.Now()
	st, err := replicaStatus(reps[0].url)
	if err != nil {
		return err
	}
	if st.Published != nil {
		fmt.Printf("rollout: %s from the pointer's swap until all three replicas serve generation 2 (%d articles)\n", done.Sub(*st.Published).Round(10*time.Millisecond), st.Articles)
	}

	ids, err := articleIDs(ctx, reps[0].url, qs)
	if err != nil {
		return err
	}
	var base float64
	fmt.Printf("\n| replicas | CPU each | req/s | p50 ms | p99 ms | errors | non-200 | scaling |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, n := range ns {
		addrs := []string{"127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:1"} // nothing listens: down
		for i := 0; i < n; i++ {
			addrs[i] = reps[i].addr
		}
		hp, url, err := startHAProxyProc(*haproxyBin, *cfg, addrs)
		if err != nil {
			return err
		}
		mix := &requestMix{base: url, queries: qs, ids: ids, unique: *unique}
		if *unique > 0 {
			dir, err := benchcorpus.Dir()
			if err != nil {
				return err
			}
			if mix.fresh, err = newUniqueQueries(dir); err != nil {
				return err
			}
		}
		tr := &http.Transport{MaxIdleConns: *conns, MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns, DisableCompression: true}
		client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
		load(ctx, client, mix, *conns, *warm, 1000+uint64(n))
		res := load(ctx, client, mix, *conns, *dur, uint64(n))
		hp.Process.Kill()
		hp.Wait()
		rps := float64(len(res.lat)) / res.elapsed.Seconds()
		if base == 0 {
			base = rps
		}
		cpuText := "uncapped"
		if cg.capped {
			cpuText = fmt.Sprintf("%.2f", *cpu)
		}
		fmt.Printf("| %d | %s | %.0f | %.2f | %.2f | %d | %d | %.2f× |\n", n, cpuText, rps, pct(res.lat, 0.5), pct(res.lat, 0.99), res.errors, res.non200, rps/base)
	}
	fmt.Printf("\nmix: %s; %.0f%% of searches with a query asked once; %d connections, %s after %s warm-up per row\n", mixText, *unique*100, *conns, *dur, *warm)
	fmt.Printf("load average after: %s\n", loadAvg())
	return nil
}

// startNATS starts one nats-server with JetStream on a loopback port.
func startNATS(store string) (string, func(), error) {
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: store, NoLog: true, NoSigs: true})
	if err != nil {
		return "", nil, err
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		return "", nil, errors.New("nats-server not ready in 10s")
	}
	return "nats://" + s.Addr().String(), func() { s.Shutdown(); s.WaitForShutdown() }, nil
}

type replicaProc struct {
	cmd  *exec.Cmd
	addr string
	url  string
}

var replicaListening = regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)

func startReplicaProc(ctx context.Context, bin, natsURL, dir string) (*replicaProc, error) {
	cmd := exec.CommandContext(ctx, bin, "serve", "--source", natsURL, "--index", dir, "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := replicaListening.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case a := <-addr:
		return &replicaProc{cmd: cmd, addr: a, url: "http://" + a}, nil
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		return nil, errors.New("kerko serve --source did not listen in 30s")
	}
}

func (r *replicaProc) stop() {
	r.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { r.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		r.cmd.Process.Kill()
	}
}

type scaleoutStatus struct {
	Ready      bool       `json:"ready"`
	Generation string     `json:"generation"`
	Articles   int        `json:"articles"`
	Published  *time.Time `json:"published"`
}

func replicaStatus(url string) (scaleoutStatus, error) {
	var st scaleoutStatus
	resp, err := http.Get(url + "/api/status")
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	return st, json.NewDecoder(resp.Body).Decode(&st)
}

func (r *replicaProc) waitGeneration(ctx context.Context, n int, limit time.Duration) error {
	want := fmt.Sprintf("gen-%06d", n)
	deadline := time.Now().Add(limit)
	for ctx.Err() == nil {
		if st, err := replicaStatus(r.url); err == nil && st.Ready && st.Generation == want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("replica %s does not serve %s after %s", r.addr, want, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return ctx.Err()
}

func startHAProxyProc(bin, cfg string, addrs []string) (*exec.Cmd, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	listen := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-db", "-f", cfg)
	cmd.Env = append(os.Environ(), "KERKO_LISTEN="+listen)
	for i, a := range addrs {
		cmd.Env = append(cmd.Env, fmt.Sprintf("KERKO_REPLICA%d=%s", i+1, a))
	}
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("start haproxy: %w", err)
	}
	// Its health checks take the servers that do not listen out of rotation.
	time.Sleep(2 * time.Second)
	return cmd, "http://" + listen, nil
}

// cpuGroups caps processes to a CPU share each, with cgroup v2 (cpu.max)
// or v1 (cpu.cfs_quota_us), where the hierarchy is writable.
type cpuGroups struct {
	capped bool
	dirs   []string
	procs  string // the file a pid is written to
}

func newCPUGroups(cores float64) (*cpuGroups, string) {
	g := &cpuGroups{}
	if cores <= 0 {
		return g, "replicas uncapped (--cpu 0)"
	}
	const period = 100000
	quota := int(cores * period)
	try := func(root, file, value string) bool {
		if _, err := os.Stat(root); err != nil {
			return false
		}
		for i := 0; i < 3; i++ {
			d := filepath.Join(root, fmt.Sprintf("kerko-bench-r%d", i+1))
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
				g.remove()
				return false
			}
			g.dirs = append(g.dirs, d)
			if err := os.WriteFile(filepath.Join(d, file), []byte(value), 0o644); err != nil {
				g.remove()
				return false
			}
		}
		return true
	}
	// v2: the cpu controller must be enabled for the children of the root.
	if _, err := os.Stat("/sys/fs/cgroup/cgroup.controllers"); err == nil {
		os.WriteFile("/sys/fs/cgroup/cgroup.subtree_control", []byte("+cpu"), 0o644)
		if try("/sys/fs/cgroup", "cpu.max", fmt.Sprintf("%d %d", quota, period)) {
			g.capped, g.procs = true, "cgroup.procs"
			return g, fmt.Sprintf("each replica capped to %.2f CPU (cgroup v2 cpu.max)", cores)
		}
	}
	if try("/sys/fs/cgroup/cpu", "cpu.cfs_quota_us", strconv.Itoa(quota)) {
		for _, d := range g.dirs {
			os.WriteFile(filepath.Join(d, "cpu.cfs_period_us"), []byte(strconv.Itoa(period)), 0o644)
		}
		g.capped, g.procs = true, "cgroup.procs"
		return g, fmt.Sprintf("each replica capped to %.2f CPU (cgroup v1 cpu.cfs_quota_us)", cores)
	}
	return g, "cgroup cpu controller not writable here: replicas uncapped, so the rows do not measure scaling"
}

func (g *cpuGroups) add(i, pid int) error {
	if !g.capped {
		return nil
	}
	if err := os.WriteFile(filepath.Join(g.dirs[i], g.procs), []byte(strconv.Itoa(pid)), 0o644); err != nil {
		return fmt.Errorf("cap replica %d: %w", i+1, err)
	}
	return nil
}

// remove deletes the groups (their processes must have ended or moved).
func (g *cpuGroups) remove() {
	for _, d := range g.dirs {
		for i := 0; i < 20 && os.Remove(d) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	}
	g.dirs = nil
}
