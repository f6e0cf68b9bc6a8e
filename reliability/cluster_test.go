package reliability

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"kerko/cluster"
	"kerko/cluster/clustertest"
	"kerko/index"
	"kerko/internal/loadgen"
	"kerko/ops"
)

// The tests of this file run kerko as a cluster on one machine: a
// three-node NATS cluster (nats-server embedded in the test process, on
// loopback ports), kerko index --publish as the indexer, three kerko serve
// --source processes as query replicas, and Debian's haproxy in front of
// them with deploy/haproxy/haproxy.cfg. They live here, not in package
// cluster, because they drive the real binary as separate processes, which
// can be killed.

// requireHAProxy returns haproxy's path, or skips the test when it is not
// installed, unless KERKO_REQUIRE_CLUSTER=1 (CI) makes that a failure.
func requireHAProxy(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("haproxy")
	if err != nil {
		for _, c := range []string{"/usr/sbin/haproxy", "/usr/local/sbin/haproxy"} {
			if _, serr := os.Stat(c); serr == nil {
				return c
			}
		}
		if os.Getenv("KERKO_REQUIRE_CLUSTER") == "1" {
			t.Fatalf("haproxy not installed and KERKO_REQUIRE_CLUSTER=1 (apt-get install haproxy)")
		}
		t.Skip("haproxy not installed (apt-get install haproxy); set KERKO_REQUIRE_CLUSTER=1 to fail instead")
	}
	return p
}

// proc is a kerko process run in the background.
type proc struct {
	cmd    *exec.Cmd
	out    *safeBuffer // stdout and stderr
	done   chan error
	URL    string
	Addr   string
	killed bool
}

var listeningLine = regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)

// startKerko starts the binary; with waitAddr it waits until it says where
// it listens.
func startKerko(t *testing.T, waitAddr bool, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(kerkoBin, args...)
	p := &proc{cmd: cmd, out: &safeBuffer{}, done: make(chan error, 1)}
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = io.MultiWriter(p.out, pw), p.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start kerko %s: %v", args[0], err)
	}
	go func() { p.done <- cmd.Wait(); pw.Close() }()
	t.Cleanup(func() { p.stop() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if m := listeningLine.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, pr)
	}()
	if !waitAddr {
		return p
	}
	select {
	case a := <-addr:
		p.Addr, p.URL = a, "http://"+a
	case err := <-p.done:
		t.Fatalf("kerko %s exited: %v\n%s", args[0], err, p.out)
	case <-time.After(30 * time.Second):
		t.Fatalf("kerko %s did not listen in 30s\n%s", args[0], p.out)
	}
	return p
}

func (p *proc) stop() {
	if p.cmd.ProcessState != nil || p.killed {
		return
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
	p.killed = true
}

func (p *proc) kill() {
	p.cmd.Process.Kill()
	<-p.done
	p.killed = true
}

// wait waits for the process to end and returns its error.
func (p *proc) wait(t *testing.T, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-p.done:
		p.killed = true
		return err
	case <-time.After(limit):
		t.Fatalf("kerko did not end in %s\n%s", limit, p.out)
	}
	return nil
}

// startReplica starts kerko serve --source on an empty (or given) directory.
func startReplica(t *testing.T, natsURL, dir string) *proc {
	t.Helper()
	return startKerko(t, true, "serve", "--source", natsURL, "--index", dir, "--addr", "127.0.0.1:0", "--log-format", "json")
}

func status(url string) (ops.Status, error) {
	var st ops.Status
	resp, err := client().Get(url + "/api/status")
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	return st, json.NewDecoder(resp.Body).Decode(&st)
}

// waitGeneration waits until every replica serves generation n (and is ready).
func waitGeneration(t *testing.T, n int, limit time.Duration, reps ...*proc) time.Duration {
	t.Helper()
	start := time.Now()
	want := fmt.Sprintf("gen-%06d", n)
	for _, r := range reps {
		for {
			st, err := status(r.URL)
			if err == nil && st.Ready && st.Generation == want {
				break
			}
			if time.Since(start) > limit {
				t.Fatalf("replica %s serves %q (%v) after %s, want %s\n%s", r.Addr, st.Generation, err, limit, want, r.out)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	return time.Since(start)
}

// haproxy runs deploy/haproxy/haproxy.cfg in front of the replicas, with
// its runtime API on a socket the tests use to see where a request went.
type haproxy struct {
	cmd  *exec.Cmd
	URL  string
	sock string // the runtime API (stats socket, admin level)
	out  *safeBuffer
	done chan error
}

func startHAProxy(t *testing.T, bin string, reps ...*proc) *haproxy {
	t.Helper()
	cfg, err := filepath.Abs("../deploy/haproxy/haproxy.cfg")
	if err != nil {
		t.Fatal(err)
	}
	// A second file adds the runtime API to the deployed configuration,
	// which stays as it is shipped.
	dir := t.TempDir()
	sock := filepath.Join(dir, "admin.sock")
	admin := filepath.Join(dir, "admin.cfg")
	if err := os.WriteFile(admin, []byte("global\n    stats socket "+sock+" mode 600 level admin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	listen := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-db", "-f", cfg, "-f", admin)
	cmd.Env = append(os.Environ(), "KERKO_LISTEN="+listen)
	for i, r := range reps {
		cmd.Env = append(cmd.Env, fmt.Sprintf("KERKO_REPLICA%d=%s", i+1, r.Addr))
	}
	h := &haproxy{cmd: cmd, URL: "http://" + listen, sock: sock, out: &safeBuffer{}, done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = h.out, h.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start haproxy: %v", err)
	}
	go func() { h.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-h.done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-h.done
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := client().Get(h.URL + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return h
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("haproxy not answering in 10s: %v\n%s", err, h.out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// admin runs one command of haproxy's runtime API and returns its answer.
func (h *haproxy) admin(t *testing.T, command string) string {
	t.Helper()
	c, err := net.DialTimeout("unix", h.sock, 5*time.Second)
	if err != nil {
		t.Fatalf("haproxy runtime API: %v\n%s", err, h.out)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, command+"\n"); err != nil {
		t.Fatalf("haproxy runtime API %q: %v", command, err)
	}
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("haproxy runtime API %q: %v", command, err)
	}
	return string(b)
}

// command runs a runtime API command that answers nothing when it works.
func (h *haproxy) command(t *testing.T, command string) {
	t.Helper()
	if out := strings.TrimSpace(h.admin(t, command)); out != "" {
		t.Fatalf("haproxy runtime API %q: %s", command, out)
	}
}

// serverUp reports whether haproxy's "show stat" has server srv of
// backend be up (status "UP", not "UP 1/2" nor "DOWN").
func (h *haproxy) serverUp(t *testing.T, be, srv string) bool {
	t.Helper()
	lines := strings.Split(h.admin(t, "show stat"), "\n")
	if len(lines) == 0 {
		return false
	}
	status := -1
	for i, f := range strings.Split(strings.TrimPrefix(lines[0], "# "), ",") {
		if f == "status" {
			status = i
		}
	}
	for _, line := range lines[1:] {
		fs := strings.Split(line, ",")
		if len(fs) > status && status >= 0 && fs[0] == be && fs[1] == srv {
			return fs[status] == "UP"
		}
	}
	return false
}

// sessionOn reports whether haproxy holds a session from the client
// address src that it sent to server srv ("show sess": one line a session,
// "src=127.0.0.1:port ... srv=r2").
func (h *haproxy) sessionOn(t *testing.T, src, srv string) bool {
	t.Helper()
	for _, line := range strings.Split(h.admin(t, "show sess"), "\n") {
		if strings.Contains(line, " src="+src+" ") && strings.Contains(line, " srv="+srv+" ") {
			return true
		}
	}
	return false
}

// load sends searches through url from a few clients until stopped, or
// until its bounds (count and time) run out, and tallies the generations
// that answered.
type load struct {
	gens sync.Map // generation header -> count
	stop chan struct{}
	done chan *loadgen.Result
}

var loadQueries = []string{"Kazakistan", "Tirana", "NATO", "Erdoğan", "article", "zgjedhjet", "ekonomi", "Shqipëri"}

func startLoad(url string, clients int) *load {
	l := &load{stop: make(chan struct{}), done: make(chan *loadgen.Result, 1)}
	var paths []string
	for i, q := range loadQueries {
		paths = append(paths, fmt.Sprintf("/api/search?q=%s&page=%d", neturl.QueryEscape(q), 1+i%3))
	}
	go func() {
		l.done <- loadgen.Run(context.Background(), loadgen.Paths{Base: url, Paths: paths}, loadgen.Options{
			Conns: clients, Stop: l.stop, Duration: 2 * time.Minute, MaxRequests: 20000, Pause: 2 * time.Millisecond,
			Client: &http.Client{Timeout: 30 * time.Second},
			Observe: func(resp *http.Response) {
				v, _ := l.gens.LoadOrStore(resp.Header.Get(ops.GenerationHeader), new(atomic.Int64))
				v.(*atomic.Int64).Add(1)
			},
		})
	}()
	return l
}

func (l *load) finish(t *testing.T) {
	t.Helper()
	close(l.stop)
	res := <-l.done
	t.Logf("load: %d answered, %d failed", res.OK, res.Failed())
	if res.Failed() != 0 {
		t.Errorf("%d requests failed through haproxy:\n%s", res.Failed(), strings.Join(res.Samples, "\n"))
	}
	if res.OK == 0 {
		t.Error("no request was answered")
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// monitor records each replica's generation over time, to check that it
// only moves forward.
type monitor struct {
	stop chan struct{}
	done chan struct{}
	seen map[string][]int
}

func watchGenerations(reps ...*proc) *monitor {
	m := &monitor{stop: make(chan struct{}), done: make(chan struct{}), seen: map[string][]int{}}
	go func() {
		defer close(m.done)
		for {
			for _, r := range reps {
				if r.killed {
					continue
				}
				if st, err := status(r.URL); err == nil && st.Ready {
					n, _ := index.GenerationNumber(st.Generation)
					s := m.seen[r.Addr]
					if len(s) == 0 || s[len(s)-1] != n {
						m.seen[r.Addr] = append(s, n)
					}
				}
			}
			select {
			case <-m.stop:
				return
			case <-time.After(25 * time.Millisecond):
			}
		}
	}()
	return m
}

func (m *monitor) check(t *testing.T) {
	t.Helper()
	close(m.stop)
	<-m.done
	for addr, s := range m.seen {
		for i := 1; i < len(s); i++ {
			if s[i] < s[i-1] {
				t.Errorf("replica %s went back from generation %d to %d: %v", addr, s[i-1], s[i], s)
			}
		}
	}
}

// writeCorpus writes n synthetic articles (and the given extra lines) as JSONL.
func writeCorpus(t *testing.T, n int, tag string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	var b strings.Builder
	langs := []string{"en", "sq", "tr"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id":"art-%04d","title":"Article %d of %s about Tirana","body":"Body %d mentions Kazakhstan and NATO, %s.","date":"2026-%02d-%02d","lang":%q}`+"\n",
			i, i, tag, i, tag, 1+i%12, 1+i%28, langs[i%3])
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// publish runs kerko index --publish and fails the test if it fails.
func publish(t *testing.T, natsURL, dir string, corpus ...string) string {
	t.Helper()
	args := []string{"index", "--publish", natsURL, "--index", dir, "--quiet", "--nats-timeout", "2s"}
	for _, c := range corpus {
		args = append(args, "--corpus", c)
	}
	out, err := kerko(t, 2*time.Minute, args...)
	if err != nil {
		t.Fatalf("kerko index --publish: %v\n%s", err, out)
	}
	return out
}

// answers fetches a fixed set of searches from a replica, without timings.
func answers(t *testing.T, url string) string {
	t.Helper()
	var b strings.Builder
	for _, q := range loadQueries {
		resp, err := client().Get(url + "/api/search?q=" + neturl.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		delete(v, "took_ms")
		j, _ := json.Marshal(v)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestCluster_Rollout: three replicas start from empty disks, follow two
// publishes under load through haproxy: nothing fails, no replica goes
// back, and all answer alike once the rollout is over.
func TestCluster_Rollout(t *testing.T) {
	hbin := requireHAProxy(t)
	nc := clustertest.Start(t, 3)
	url := nc.URL()
	idxDir := t.TempDir()
	publish(t, url, idxDir)

	var reps []*proc
	start := time.Now()
	for i := 0; i < 3; i++ {
		reps = append(reps, startReplica(t, url, t.TempDir()))
	}
	waitGeneration(t, 1, time.Minute, reps...)
	t.Logf("three replicas ready from empty disks in %s", time.Since(start).Round(time.Millisecond))
	hp := startHAProxy(t, hbin, reps...)

	// Not ready before a generation: a replica of a cluster with nothing yet.
	empty := clustertest.Start(t, 1)
	lonely := startReplica(t, empty.URL(), t.TempDir())
	resp, err := client().Get(lonely.URL + "/readyz")
	if err != nil || resp.StatusCode != 503 {
		t.Fatalf("/readyz of a replica without a generation: %v %v, want 503", resp, err)
	}
	resp.Body.Close()
	resp, err = client().Get(lonely.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("/healthz of a replica without a generation: %v %v, want 200 (alive)", resp, err)
	}
	resp.Body.Close()
	lonely.stop()

	l := startLoad(hp.URL, 4)
	mon := watchGenerations(reps...)
	time.Sleep(300 * time.Millisecond)
	corpus := writeCorpus(t, 40, "second")
	publish(t, url, idxDir, corpus)
	took := waitGeneration(t, 2, time.Minute, reps...)
	converged := time.Now()
	t.Logf("rollout: generation 2 served by all three replicas %s after kerko index --publish returned", took.Round(time.Millisecond))
	if st, _ := status(reps[0].URL); st.Published != nil {
		// The pointer's published time is taken at the swap, on this machine's clock.
		t.Logf("rollout: %s from the pointer's swap to the last of three replicas serving it (seed corpus + 40 articles)", converged.Sub(*st.Published).Round(time.Millisecond))
	}
	time.Sleep(300 * time.Millisecond)
	mon.check(t)
	l.finish(t)
	if _, ok := l.gens.Load("gen-000002"); !ok {
		t.Error("no answer through haproxy came from generation 2")
	}

	want := answers(t, reps[0].URL)
	for _, r := range reps[1:] {
		if got := answers(t, r.URL); got != want {
			t.Errorf("replica %s answers differently from %s after convergence:\n%s\nvs\n%s", r.Addr, reps[0].Addr, got, want)
		}
	}
	for _, r := range reps {
		st, err := status(r.URL)
		if err != nil || st.Source != url || st.PointerGeneration != 2 || st.LagGenerations != 0 || st.Published == nil {
			t.Errorf("status of %s: %+v %v", r.Addr, st, err)
		}
	}
	// /metrics speaks Prometheus' format and counts what was served.
	resp, err = client().Get(reps[0].URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, m := range []string{`kerko_http_requests_total{code="200",route="/api/search"}`, "kerko_http_request_duration_seconds_bucket",
		"kerko_generation 2", "kerko_pointer_generation 2", "kerko_rollout_lag_generations 0", "kerko_search_queue", "kerko_cache_entries"} {
		if !strings.Contains(string(body), m) {
			t.Errorf("/metrics lacks %q", m)
		}
	}
}

// TestCluster_KillReplica: a replica hung with requests in flight and then
// killed with SIGKILL costs no request through haproxy; a new replica on
// an empty disk is ready within seconds.
func TestCluster_KillReplica(t *testing.T) {
	hbin := requireHAProxy(t)
	nc := clustertest.Start(t, 3)
	url := nc.URL()
	publish(t, url, t.TempDir(), writeCorpus(t, 200, "kill"))
	var reps []*proc
	for i := 0; i < 3; i++ {
		reps = append(reps, startReplica(t, url, t.TempDir()))
	}
	waitGeneration(t, 1, time.Minute, reps...)
	hp := startHAProxy(t, hbin, reps...)
	l := startLoad(hp.URL, 6)
	time.Sleep(500 * time.Millisecond)

	// Stopped, the replica holds the requests haproxy sent it: they are
	// in flight when it dies. The health check would take the stopped
	// replica out within a second, and a request pinned to it after that
	// goes elsewhere (on a loaded machine that came first): its checks
	// wait until haproxy is seen to have sent the request there.
	victim := reps[1]
	// On a loaded machine two slow health checks in a row may have marked
	// r2 down, and then haproxy sends the pinned request elsewhere: wait
	// until it is up, then stop its checks.
	upBy := time.Now().Add(20 * time.Second)
	for !hp.serverUp(t, "replicas", "r2") {
		if time.Now().After(upBy) {
			t.Fatalf("haproxy did not see r2 up in 20s:\n%s", hp.admin(t, "show stat"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	hp.command(t, "disable health replicas/r2")
	victim.cmd.Process.Signal(syscall.SIGSTOP)
	src := make(chan string, 1)
	slow := make(chan error, 1)
	go func() {
		// A request made straight to the hung replica never gets an
		// answer; through haproxy the same request does.
		req, _ := http.NewRequest("GET", hp.URL+"/api/search?q=Tirana&size=50", nil)
		req.Header.Set("X-Kerko-Replica", "r2") // reps[1], the victim
		dial := (&net.Dialer{}).DialContext
		c := &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				conn, err := dial(ctx, network, addr)
				if err == nil {
					select {
					case src <- conn.LocalAddr().String():
					default:
					}
				}
				return conn, err
			}}}
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != 200 {
				err = fmt.Errorf("status %d", resp.StatusCode)
			}
		}
		slow <- err
	}()
	var from string
	select {
	case from = <-src:
	case err := <-slow:
		t.Fatalf("the request to the hung replica did not reach haproxy: %v", err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !hp.sessionOn(t, from, "r2") {
		select {
		case err := <-slow:
			t.Fatalf("the request to the hung replica was answered before the replica died (%v): it was not in flight there\n%s", err, hp.admin(t, "show sess"))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("haproxy did not send the request from %s to r2 in 20s:\n%s", from, hp.admin(t, "show sess"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	hp.command(t, "enable health replicas/r2")
	victim.kill()
	select {
	case err := <-slow:
		if err != nil {
			t.Errorf("the request in flight on the killed replica: %v", err)
		}
	case <-time.After(25 * time.Second):
		t.Error("the request in flight on the killed replica got no answer")
	}
	time.Sleep(500 * time.Millisecond)
	l.finish(t)

	start := time.Now()
	fresh := startReplica(t, url, t.TempDir())
	ready := waitGeneration(t, 1, time.Minute, fresh)
	t.Logf("a new replica on an empty disk was ready %s after its start (%s after it listened)",
		time.Since(start).Round(time.Millisecond), ready.Round(time.Millisecond))
}

// TestCluster_NATSNodeLoss: with one of three NATS nodes dead publishing
// works; with two dead it fails with a clear error and the pointer stays;
// the replicas answer every query throughout.
func TestCluster_NATSNodeLoss(t *testing.T) {
	hbin := requireHAProxy(t)
	nc := clustertest.Start(t, 3)
	url := nc.URL()
	idxDir := t.TempDir()
	publish(t, url, idxDir)
	var reps []*proc
	for i := 0; i < 3; i++ {
		reps = append(reps, startReplica(t, url, t.TempDir()))
	}
	waitGeneration(t, 1, time.Minute, reps...)
	hp := startHAProxy(t, hbin, reps...)
	l := startLoad(hp.URL, 4)

	nc.Stop(2)
	start := time.Now()
	var out string
	var err error
	for time.Since(start) < 45*time.Second {
		// A publish tried while a stream elects its new leader may fail;
		// the next one (the next CronJob run) goes through.
		out, err = kerko(t, time.Minute, "index", "--publish", url, "--index", idxDir, "--quiet", "--nats-timeout", "2s", "--corpus", writeCorpus(t, 30, "onedead"))
		if err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("publish with one node dead: %v\n%s", err, out)
	}
	t.Logf("publish with one of three nodes dead done %s after the node stopped", time.Since(start).Round(time.Millisecond))
	waitGeneration(t, 2, time.Minute, reps...)

	nc.Stop(1)
	start = time.Now()
	out, err = kerko(t, 2*time.Minute, "index", "--publish", url, "--index", idxDir, "--quiet", "--nats-timeout", "1s", "--corpus", writeCorpus(t, 30, "twodead"))
	if err == nil {
		t.Fatalf("publish with two of three nodes dead succeeded:\n%s", out)
	}
	if !strings.Contains(out, "majority of the NATS cluster") {
		t.Errorf("the failed publish does not say why clearly:\n%s", out)
	}
	t.Logf("publish with two nodes dead failed after %s: %s", time.Since(start).Round(time.Millisecond), firstLines(out, 1))
	time.Sleep(time.Second)
	for _, r := range reps {
		if st, err := status(r.URL); err != nil || st.Generation != "gen-000002" || st.PointerGeneration != 2 {
			t.Errorf("replica %s after the failed publish: %+v %v; want generation 2, pointer 2", r.Addr, st, err)
		}
	}
	l.finish(t)
	nc.Restart(1)
	nc.Restart(2)
}

// TestCluster_RaceAndRefusals: of two indexers racing, exactly one swap
// wins; a generation with a wrong digest or mapping version is refused and
// the old one keeps serving.
func TestCluster_RaceAndRefusals(t *testing.T) {
	nc := clustertest.Start(t, 3)
	url := nc.URL()
	publish(t, url, t.TempDir())

	// The race is made, not hoped for: indexer b is stopped as soon as it
	// has asked for the pointer (its base), indexer a publishes meanwhile,
	// and b, continued, swaps on a base that has moved. Two indexers merely
	// started together did not always race: under load one read the
	// pointer after the other's swap, and both rightly published. Nothing
	// else reads the pointer until the race is over (the replica starts
	// after it).
	tc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	baseRead := make(chan struct{}, 1)
	sub, err := tc.Subscribe("$JS.API.STREAM.MSG.GET.KV_"+cluster.PointerBucket, func(m *nats.Msg) {
		if strings.Contains(string(m.Data), "last_by_subj") {
			select {
			case baseRead <- struct{}{}:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := tc.Flush(); err != nil {
		t.Fatal(err)
	}
	a, b := writeCorpus(t, 300, "racer-a"), writeCorpus(t, 300, "racer-b")
	pb := startKerko(t, false, "index", "--publish", url, "--index", t.TempDir(), "--corpus", b)
	select {
	case <-baseRead:
	case <-time.After(time.Minute):
		t.Fatalf("indexer b did not read the pointer in a minute:\n%s", pb.out)
	}
	pb.cmd.Process.Signal(syscall.SIGSTOP)
	sub.Unsubscribe()
	out, ea := kerko(t, 2*time.Minute, "index", "--publish", url, "--index", t.TempDir(), "--corpus", a)
	pb.cmd.Process.Signal(syscall.SIGCONT)
	eb := pb.wait(t, 2*time.Minute)
	if ea != nil || eb == nil {
		t.Fatalf("racing indexers: a (published while b built) %v, b (built on the base a replaced) %v; want a to win and b to fail\n%s\n%s", ea, eb, out, pb.out)
	}
	if !strings.Contains(out, "published generation 2") {
		t.Errorf("the winning indexer does not say it published generation 2:\n%s", out)
	}
	if !strings.Contains(pb.out.String(), "another indexer published first") || strings.Contains(pb.out.String(), "published generation") {
		t.Errorf("the losing indexer does not say why, or says it published:\n%s", pb.out)
	}
	rep := startReplica(t, url, t.TempDir())
	waitGeneration(t, 2, time.Minute, rep)
	if st, _ := status(rep.URL); st.Articles != 300 {
		t.Errorf("the replica serves %d articles, want 300", st.Articles)
	}

	ctx := context.Background()
	ca, _ := cluster.ParseAddress(url)
	conn, err := cluster.Connect(ca, cluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	st, err := conn.OpenStore(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := st.Current(ctx, index.MappingVersion())
	if err != nil {
		t.Fatal(err)
	}
	bad := cur
	bad.Generation, bad.Digest = cur.Generation+1, "sha256:"+strings.Repeat("0", 64)
	if _, err := st.SetPointer(ctx, index.MappingVersion(), bad); err != nil {
		t.Fatal(err)
	}
	waitStatusErr(t, rep, "digest mismatch")
	// A pointer under this kerko's key naming a generation of another mapping.
	wrong := cur
	wrong.Generation, wrong.Mapping = cur.Generation+2, "kerko-mapping-0/other"
	if _, err := st.SetPointer(ctx, index.MappingVersion(), wrong); err != nil {
		t.Fatal(err)
	}
	waitStatusErr(t, rep, "pointer names mapping kerko-mapping-0/other")
	if s, _ := status(rep.URL); s.Generation != "gen-000002" {
		t.Fatalf("after two refused generations the replica serves %q, want gen-000002", s.Generation)
	}
	resp, err := client().Get(rep.URL + "/api/search?q=Tirana")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("search on the replica after the refusals: %v %v", resp, err)
	}
	resp.Body.Close()
}

func waitStatusErr(t *testing.T, r *proc, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st, err := status(r.URL)
		if err == nil && strings.Contains(st.Error, want) {
			t.Logf("replica refused: %s", st.Error)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("replica status %+v %v: no refusal mentioning %q\n%s", st, err, want, r.out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestCluster_Stream: a corpus pushed to the article stream, the consuming
// indexer killed with SIGKILL midway, run again: every article searchable
// exactly once; a tombstone removes its article from the next generation.
func TestCluster_Stream(t *testing.T) {
	nc := clustertest.Start(t, 3)
	url := nc.URL()
	const n = 300
	if out, err := kerko(t, time.Minute, "push", "--to", url+"/ARTICLES", writeCorpus(t, n, "stream")); err != nil {
		t.Fatalf("kerko push: %v\n%s", err, out)
	}
	// Pushed twice: the stream keeps one copy of each (the message id is
	// the article's id and content hash).
	if out, err := kerko(t, time.Minute, "push", "--to", url+"/ARTICLES", writeCorpus(t, n, "stream")); err != nil {
		t.Fatalf("kerko push again: %v\n%s", err, out)
	}
	idxDir := t.TempDir()
	from := []string{"index", "--from", url + "/ARTICLES", "--index", idxDir, "--ack-wait", "2s", "--no-nice", "--nats-timeout", "2s"}
	first := startKerko(t, false, from...)
	// Killed once it has read the stream, while it builds.
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(first.out.String(), "read the article stream") {
		if time.Now().After(deadline) {
			t.Fatalf("the indexer did not read the stream in a minute:\n%s", first.out)
		}
		time.Sleep(5 * time.Millisecond)
	}
	first.kill()
	if strings.Contains(first.out.String(), "published generation") {
		t.Fatalf("the indexer published before it was killed; the test kills too late:\n%s", first.out)
	}
	// The messages it read come back once their acknowledgement wait is over.
	time.Sleep(2500 * time.Millisecond)
	if out, err := kerko(t, 2*time.Minute, from...); err != nil || !strings.Contains(out, "published generation 1") {
		t.Fatalf("the indexer run again: %v\n%s", err, out)
	}
	rep := startReplica(t, url, t.TempDir())
	waitGeneration(t, 1, time.Minute, rep)
	if st, _ := status(rep.URL); st.Articles != n {
		t.Fatalf("replica serves %d articles, want %d", st.Articles, n)
	}
	for _, id := range []string{"art-0000", "art-0150", "art-0299"} {
		resp, err := client().Get(rep.URL + "/api/articles/" + id)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("article %s: %v %v", id, resp, err)
		}
		resp.Body.Close()
	}
	// Each article once: a search for all of them counts n, not more.
	resp, err := client().Get(rep.URL + "/api/search?q=stream&size=1")
	if err != nil {
		t.Fatal(err)
	}
	var res struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if res.Total != n {
		t.Fatalf("search for the corpus' common word finds %d, want %d", res.Total, n)
	}
	// Nothing new: the run publishes nothing.
	if out, err := kerko(t, time.Minute, from...); err != nil || !strings.Contains(out, "nothing new") {
		t.Fatalf("a run with nothing new: %v\n%s", err, out)
	}

	if out, err := kerko(t, time.Minute, "push", "--to", url+"/ARTICLES", "--delete", "art-0150"); err != nil {
		t.Fatalf("kerko push --delete: %v\n%s", err, out)
	}
	// A fresh disk: the indexer builds on the published generation.
	if out, err := kerko(t, 2*time.Minute, append(from[:len(from):len(from)], "--index", t.TempDir())...); err != nil || !strings.Contains(out, "published generation 2") {
		t.Fatalf("the indexer after a tombstone: %v\n%s", err, out)
	}
	waitGeneration(t, 2, time.Minute, rep)
	resp, err = client().Get(rep.URL + "/api/articles/art-0150")
	if err != nil || resp.StatusCode != 404 {
		t.Fatalf("the deleted article: %v %v, want 404", resp, err)
	}
	resp.Body.Close()
	if st, _ := status(rep.URL); st.Articles != n-1 {
		t.Fatalf("after the tombstone the replica serves %d articles, want %d", st.Articles, n-1)
	}
}
