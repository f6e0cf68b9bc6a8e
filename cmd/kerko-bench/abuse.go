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
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"kerko/corpus"
	"kerko/internal/budget"
	"kerko/internal/fixture"
	"kerko/internal/loadgen"
)

// Bounds the abuse run holds the server to (docs/operations.md,
// Reliability, says why each is what it is).
const (
	// pageBound is web's maxPageBytes: no search page or search answer
	// may be larger, whatever its parameters.
	pageBound = 4 << 20
	// articleBound: an article page is bounded by its article, whose body
	// the corpus reader caps at corpus.MaxArticleBytes and whose title at
	// corpus.MaxTitleRunes; escaping and the page around it add a little.
	articleBound = corpus.MaxArticleBytes + 1<<20
	// readCap is the most the load generator reads of one answer: far
	// above any bound, so a build that amplifies shows as oversize
	// without the generator reading its gigabytes.
	readCap = 32 << 20
)

// runAbuse is issue 13's load test of amplification: it indexes the bench
// corpus with hostile articles beside it (or takes a given index as it is),
// serves it with a memory budget, and runs a paced plain load (the
// realistic mix of kerko-bench http, a few connections) twice: alone, then
// beside an attack of 64 connections sending as fast as the server answers
// only requests that once cost it a thousand times more than they should
// (loadgen.AmplifyKinds). It fails when the plain requests' p99 under the
// attack passes -max-p99, when an answer passes its size bound, when a
// plain request fails or an attack request gets a 5xx, or when the
// server's memory passes the budget's bounds (loadgen.BoundsOf).
func runAbuse(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("abuse", flag.ContinueOnError)
	kerko := fs.String("kerko", "", "kerko binary (default: go build ./cmd/kerko into the work dir)")
	work := fs.String("work", "", "work dir, kept, with its index reused by the next run (default: a new temp dir, removed after)")
	corpusDir := fs.String("corpus", "", "corpus indexed beside the hostile articles (default: the shared bench corpus)")
	given := fs.String("index", "", "serve this index as it is instead of building one (the hostile kinds then reach only what it holds)")
	conns := fs.Int("conns", 64, "connections of the attack")
	phase := fs.Duration("phase", 20*time.Second, "length of each of the two phases")
	phaseMax := fs.Int("phase-requests", 200_000, "most requests of each phase")
	warm := fs.Duration("warmup", 5*time.Second, "untimed plain load before the phases")
	plainConns := fs.Int("plain-conns", 4, "connections of the plain load, beside the attack")
	pause := fs.Duration("pause", 100*time.Millisecond, "a plain connection's wait after each answer")
	unique := fs.Float64("unique", 0.5, "fraction of plain searches whose query is asked only once (as kerko-bench http)")
	memMiB := fs.Int("memory-mib", budget.DefaultMiB, "the server's --memory-mib; 0: do not pass it (builds before the budget), bounds use the default")
	maxP99 := fs.Duration("max-p99", 50*time.Millisecond, "most the plain requests' p99 may be under the attack")
	abortMiB := fs.Int("abort-mib", 0, "stop loading once the server's RSS passes this (default: twice the peak bound)")
	seed := fs.Uint64("seed", 1, "random seed of the request mix")
	pprofAddr := fs.String("pprof", "", "pass --pprof ADDR to the server, to profile it under the attack")
	plainFrom := fs.String("plain-from", "127.0.0.2", "local address the plain load connects from, the attack's being 127.0.0.1: users and an attacker are different clients to the server's gates (empty: the default address)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *conns < 1 || *plainConns < 1 || *phase <= 0 || *phaseMax < 1 {
		return errors.New("abuse: -conns, -plain-conns and -phase-requests must be at least 1, -phase positive")
	}
	bench, err := sharedBench()
	if err != nil {
		return err
	}
	if *corpusDir == "" {
		*corpusDir = filepath.Join(bench, "corpus")
	}
	qs, err := readLines(filepath.Join(bench, "peers", "queries-real.txt"))
	if err != nil {
		return err
	}
	if *work == "" {
		if *work, err = os.MkdirTemp("", "kerko-abuse-"); err != nil {
			return err
		}
		defer os.RemoveAll(*work)
	} else if err := os.MkdirAll(*work, 0o755); err != nil {
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
	exe, err := os.Stat(*kerko)
	if err != nil {
		return fmt.Errorf("kerko binary: %w", err)
	}

	fmt.Printf("load average before: %s\n\n", loadAvg())
	ix := filepath.Join(*work, "index")
	if *given != "" {
		ix = *given
		fmt.Printf("index: %s, as it is\n", ix)
	} else if err := abuseIndex(ctx, *kerko, *corpusDir, ix, *work); err != nil {
		return err
	}
	ixBytes, err := dirBytes(ix)
	if err != nil {
		return err
	}

	mib := *memMiB
	serveArgs := []string{"serve", "--index", ix, "--addr", "127.0.0.1:0"}
	if *pprofAddr != "" {
		serveArgs = append(serveArgs, "--pprof", *pprofAddr)
	}
	if mib > 0 {
		serveArgs = append(serveArgs, "--memory-mib", fmt.Sprint(mib))
	} else {
		mib = budget.DefaultMiB
	}
	mem, err := budget.Of(mib)
	if err != nil {
		return err
	}
	bounds := loadgen.BoundsOf(mem.GoLimit, ixBytes+exe.Size())
	anonBound, fileBound, peakBound := bounds.Anon, bounds.File, bounds.Peak
	abort := int64(*abortMiB) << 20
	if abort <= 0 {
		abort = 2 * peakBound
	}

	srv, err := startAbuseServer(ctx, *kerko, serveArgs, filepath.Join(*work, "serve.err"))
	if err != nil {
		return err
	}
	defer srv.stop()
	base := "http://" + srv.addr
	if err := loadgen.Loopback(base); err != nil {
		return err
	}
	hostileIDs, err := hostileServed(ctx, base, *given == "")
	if err != nil {
		return err
	}
	ids, err := articleIDs(ctx, base, qs)
	if err != nil {
		return err
	}
	mix := &loadgen.Mix{Base: base, Queries: qs, IDs: ids, Unique: *unique}
	if *unique > 0 {
		if mix.Fresh, err = newUniqueQueries(*corpusDir); err != nil {
			return err
		}
	}
	plainKinds := len(loadgen.MixKinds)
	amp := loadgen.NewAmplify(loadgen.Amplify{Base: base, Share: 1, Queries: qs, Hostile: "Kazakhstan", HostileIDs: hostileIDs})
	ampKinds := len(loadgen.AmplifyKinds)

	start, err := loadgen.ReadMemory(srv.pid)
	if err != nil {
		return err
	}
	fmt.Printf("server pid %d on %s: %s; RSS at start %s (anon %s, file %s)\n", srv.pid, base, strings.Join(serveArgs, " "),
		mibs(start.RSS), mibs(start.Anon), mibs(start.File))
	fmt.Printf("budget --memory-mib %d: anonymous memory ≤ %s (Go limit %s + %s), mapped files ≤ %s (index %s + executable %s), peak RSS ≤ %s; "+
		"load stops at RSS %s\n\n", mib, mibs(anonBound), mibs(mem.GoLimit), mibs(loadgen.AnonSlack), mibs(fileBound), mibs(ixBytes), mibs(exe.Size()),
		mibs(peakBound), mibs(abort))

	watch := loadgen.WatchMemory(srv.pid, 50*time.Millisecond, abort)
	// Stopping the load is not enough where a build amplifies: the answers
	// in flight keep growing, and the machine may be shared.
	go func() {
		<-watch.Exceeded()
		srv.cmd.Process.Kill()
	}()
	newClient := func(n int, from string) *http.Client {
		tr := &http.Transport{MaxIdleConns: n, MaxIdleConnsPerHost: n, MaxConnsPerHost: n, DisableCompression: true}
		if from != "" {
			d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
			tr.DialContext = d.DialContext
		}
		return &http.Client{Transport: tr, Timeout: 30 * time.Second}
	}
	plainOpts := loadgen.Options{Conns: *plainConns, Client: newClient(*plainConns, *plainFrom), Kinds: plainKinds, MaxBody: readCap,
		MaxRequests: *phaseMax, Duration: *phase, Pause: *pause, Stop: watch.Exceeded()}
	attackOpts := loadgen.Options{Conns: *conns, Client: newClient(*conns, ""), Kinds: ampKinds, MaxBody: readCap,
		MaxRequests: *phaseMax, Duration: *phase, Stop: watch.Exceeded(), Seed: *seed + 500}
	if *warm > 0 {
		w := plainOpts
		w.Duration, w.Seed = *warm, *seed+1000
		loadgen.Run(ctx, mix, w)
	}

	// Two phases of the same plain load: alone (the baseline), then with
	// the attack beside it.
	type phaseRun struct {
		name          string
		plain, attack *loadgen.Result
		rss           loadgen.Memory
		cpu           float64
	}
	phases := []*phaseRun{{name: "plain alone"}, {name: fmt.Sprintf("plain + attack at %d connections", *conns)}}
	for i, p := range phases {
		pw := loadgen.WatchMemory(srv.pid, 50*time.Millisecond, 0)
		cpu0 := procCPU(srv.pid)
		o := plainOpts
		o.Seed = *seed + uint64(i)
		if i == 1 {
			done := make(chan *loadgen.Result, 1)
			go func() { done <- loadgen.Run(ctx, amp, attackOpts) }()
			p.plain = loadgen.Run(ctx, mix, o)
			p.attack = <-done
		} else {
			p.plain = loadgen.Run(ctx, mix, o)
		}
		p.cpu = procCPU(srv.pid) - cpu0
		p.rss, _ = pw.Stop()
	}
	peaks, watchErr := watch.Stop()
	end, endErr := loadgen.ReadMemory(srv.pid)
	alive := srv.alive(ctx)

	fmt.Printf("| phase | plain requests | plain req/s | plain p50 ms | plain p99 ms | plain max ms | plain errors | attack requests | attack req/s | server CPU s | RSS max MiB |\n" +
		"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, p := range phases {
		plain := plainLatencies(p.plain, plainKinds)
		attack, attackRate := "—", "—"
		if p.attack != nil {
			attack = fmt.Sprint(p.attack.Requests)
			attackRate = fmt.Sprintf("%.0f", float64(p.attack.Requests)/p.attack.Elapsed.Seconds())
		}
		fmt.Printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %s | %.1f | %.0f |\n", p.name, p.plain.Requests,
			float64(p.plain.Requests)/p.plain.Elapsed.Seconds(), pct(plain, 0.5), pct(plain, 0.99), pct(plain, 1),
			failures(p.plain, true), attack, attackRate, p.cpu, float64(p.rss.RSS)/(1<<20))
	}

	fmt.Printf("\nPer kind, both phases (errors: no complete answer, a 5xx, or a plain request not 200; latencies of every complete answer):\n\n" +
		"| kind | requests | errors | statuses | bytes/answer max | bound | p50 ms | p99 ms |\n|---|---:|---:|---|---:|---:|---:|---:|\n")
	var problems []string
	row := func(name string, ks loadgen.KindStats, plain bool) {
		sortDurations(ks.Latencies)
		bound := int64(pageBound)
		if strings.Contains(name, "article") {
			bound = articleBound
		}
		errs := ks.Failed
		for c, n := range ks.Status {
			if c >= 500 || (plain && c != http.StatusOK) {
				errs += n
			}
		}
		size := fmt.Sprint(ks.MaxBytes)
		if ks.MaxBytes > readCap {
			size = fmt.Sprintf("over %d", readCap)
		}
		fmt.Printf("| %s | %d | %d | %s | %s | %d | %.2f | %.2f |\n", name, sumStatus(ks)+ks.Failed, errs, statusText(ks.Status), size, bound,
			pct(ks.Latencies, 0.5), pct(ks.Latencies, 0.99))
		if ks.MaxBytes > bound {
			problems = append(problems, fmt.Sprintf("%s: an answer of %s bytes, over its bound of %d", name, size, bound))
		}
	}
	for k, name := range loadgen.MixKinds {
		ks := loadgen.KindStats{Status: map[int]int{}}
		for _, p := range phases {
			mergeKind(&ks, p.plain.Kind[k])
		}
		row("plain "+name, ks, true)
	}
	for k, name := range loadgen.AmplifyKinds {
		row(name, phases[1].attack.Kind[k], false)
	}

	var samples []string
	for _, p := range phases {
		samples = append(samples, p.plain.Samples...)
	}
	samples = append(samples, phases[1].attack.Samples...)
	fmt.Printf("\nplain load: %d connections, %s pause per answer, %s; %.0f%% of plain searches with a query asked once; "+
		"attack: %d connections as fast as the server answers, kinds chosen uniformly; %s per phase (at most %d requests each) after %s warm-up\n",
		*plainConns, *pause, loadgen.MixText, *unique*100, *conns, *phase, *phaseMax, *warm)
	fmt.Printf("server memory: peak RSS %s (VmHWM), sampled peaks anon %s, file %s; at the end RSS %s; bounds %s, %s, %s\n",
		mibs(peaks.Peak), mibs(peaks.Anon), mibs(peaks.File), mibs(end.RSS), mibs(peakBound), mibs(anonBound), mibs(fileBound))
	fmt.Printf("load average after: %s\n", loadAvg())
	if len(samples) > 0 {
		fmt.Printf("first answers not 200 or failures (a 400 to an abusive API request is expected): %s\n", strings.Join(samples[:min(3, len(samples))], "; "))
	}

	attacked := plainLatencies(phases[1].plain, plainKinds)
	if p99 := pct(attacked, 0.99); len(attacked) == 0 || p99 > float64(maxP99.Microseconds())/1000 {
		problems = append(problems, fmt.Sprintf("plain requests' p99 %.2f ms under the attack, over %s", p99, *maxP99))
	}
	problems = append(problems, bounds.Check(peaks)...)
	select {
	case <-watch.Exceeded():
		problems = append(problems, fmt.Sprintf("load stopped early and the server killed: its RSS passed %s", mibs(abort)))
	default:
	}
	for _, p := range phases {
		if n := failures(p.plain, true); n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d plain requests failed (not 200, cut, or no answer)", p.name, n))
		}
		if p.attack != nil {
			if n := failures(p.attack, false); n > 0 {
				problems = append(problems, fmt.Sprintf("%s: %d attack requests failed (5xx, cut, longer than %d bytes, or no answer)", p.name, n, readCap))
			}
		}
	}
	select {
	case <-watch.Exceeded():
		srv.stop() // killed: its exit says nothing more
	default:
		if watchErr != nil || endErr != nil || !alive {
			problems = append(problems, fmt.Sprintf("the server died under the load\n%s", srv.stderrTail()))
		}
		if err := srv.stop(); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("abuse: %s", strings.Join(problems, "; "))
	}
	fmt.Println("abuse: all bounds held")
	return nil
}

func mergeKind(into *loadgen.KindStats, k loadgen.KindStats) {
	for c, n := range k.Status {
		into.Status[c] += n
	}
	into.MaxBytes = max(into.MaxBytes, k.MaxBytes)
	into.Failed += k.Failed
	into.Latencies = append(into.Latencies, k.Latencies...)
}

// abuseIndex builds the corpus and the hostile articles into ix. An index
// an earlier run built is brought up to date as kerko index does (nothing
// to do when the same kerko built it from the same files; a full rebuild
// when another kerko version did).
func abuseIndex(ctx context.Context, kerko, corpusDir, ix, work string) error {
	hostile := filepath.Join(work, "hostile.jsonl")
	_, errIndex := os.Stat(filepath.Join(ix, "CURRENT"))
	_, errHostile := os.Stat(hostile)
	if errIndex == nil && errHostile == nil {
		fmt.Printf("index: %s, built by an earlier run: updating it\n", ix)
		return runAbuseIndex(ctx, kerko, corpusDir, hostile, ix, false)
	}
	f, err := os.Create(hostile)
	if err != nil {
		return err
	}
	if err := fixture.WriteHostile(f, fixture.HostileSet...); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", hostile, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	return runAbuseIndex(ctx, kerko, corpusDir, hostile, ix, true)
}

// runAbuseIndex runs kerko index over the corpus and the hostile articles:
// a full build, or an update of what an earlier run built.
func runAbuseIndex(ctx context.Context, kerko, corpusDir, hostile, ix string, full bool) error {
	args := []string{"index", "--index", ix, "--corpus", corpusDir, "--corpus", hostile, "--json"}
	if full {
		args = append(args, "--full")
	}
	var stderr strings.Builder
	cmd := exec.CommandContext(ctx, kerko, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("kerko index: %w\n%s", err, stderr.String())
	}
	var st struct {
		Docs    int     `json:"docs"`
		Seconds float64 `json:"seconds"`
	}
	if err := json.Unmarshal(lastLine(out), &st); err != nil {
		return fmt.Errorf("kerko index output: %w", err)
	}
	fmt.Printf("index: %s, %d articles (the corpus and %d hostile articles of %s), built in %.1f s\n", ix, st.Docs, len(fixture.HostileSet), hostile, st.Seconds)
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, filepath.Base(hostile)) {
			fmt.Printf("  kerko index: %s\n", strings.TrimSpace(l))
		}
	}
	return nil
}

// hostileServed returns the ids of the hostile articles the server has
// (a reader that bounds bodies refuses the longest), and checks that the
// hostile query finds them.
func hostileServed(ctx context.Context, base string, required bool) ([]string, error) {
	var ids []string
	for _, h := range fixture.HostileSet {
		code, err := getCode(ctx, base+"/api/articles/"+url.PathEscape(h.ID))
		if err != nil {
			return nil, err
		}
		if code == http.StatusOK {
			ids = append(ids, h.ID)
		}
	}
	if len(ids) == 0 {
		if required {
			return nil, errors.New("abuse: the server has none of the hostile articles")
		}
		fmt.Printf("hostile articles served: none (the index was given); the article kinds are not sent\n")
		return nil, nil
	}
	fmt.Printf("hostile articles served: %s of %d\n", strings.Join(ids, ", "), len(fixture.HostileSet))
	return ids, nil
}

func getCode(ctx context.Context, u string) (int, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// abuseServer is the kerko serve the abuse run loads.
type abuseServer struct {
	cmd     *exec.Cmd
	pid     int
	addr    string
	errFile string
	done    chan error
	stopped bool
}

var servingAt = regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)

func startAbuseServer(ctx context.Context, kerko string, args []string, errFile string) (*abuseServer, error) {
	ef, err := os.Create(errFile)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(kerko, args...)
	cmd.Stderr = ef
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		ef.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		ef.Close()
		return nil, fmt.Errorf("start kerko serve: %w", err)
	}
	ef.Close()
	s := &abuseServer{cmd: cmd, pid: cmd.Process.Pid, errFile: errFile, done: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingAt.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { s.done <- cmd.Wait() }()
	select {
	case s.addr = <-addr:
		return s, nil
	case err := <-s.done:
		s.stopped = true
		return nil, fmt.Errorf("kerko serve exited: %v\n%s", err, s.stderrTail())
	case <-time.After(2 * time.Minute):
		s.stop()
		return nil, errors.New("kerko serve did not start within 2 minutes")
	case <-ctx.Done():
		s.stop()
		return nil, ctx.Err()
	}
}

// alive reports whether the process runs and answers /healthz.
func (s *abuseServer) alive(ctx context.Context) bool {
	select {
	case err := <-s.done:
		s.done <- err
		return false
	default:
	}
	code, err := getCode(ctx, "http://"+s.addr+"/healthz")
	return err == nil && code == http.StatusOK
}

// stop sends SIGTERM and waits up to 10 s for a clean exit; it kills the
// server otherwise.
func (s *abuseServer) stop() error {
	if s.stopped {
		return nil
	}
	s.stopped = true
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		if err != nil {
			return fmt.Errorf("kerko serve exited with %v after SIGTERM\n%s", err, s.stderrTail())
		}
		return nil
	case <-time.After(10 * time.Second):
		// Its goroutines say what it was still doing.
		s.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
			s.cmd.Process.Kill()
			<-s.done
		}
		return fmt.Errorf("kerko serve still running 10 s after SIGTERM; its goroutines (SIGQUIT) are in %s", s.errFile)
	}
}

func (s *abuseServer) stderrTail() string {
	b, _ := os.ReadFile(s.errFile)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-10):], "\n")
}

// plainLatencies are the latencies of the plain kinds' 200 answers, sorted.
func plainLatencies(r *loadgen.Result, plainKinds int) []time.Duration {
	var out []time.Duration
	for k := 0; k < plainKinds && k < len(r.ByKind); k++ {
		out = append(out, r.ByKind[k]...)
	}
	sortDurations(out)
	return out
}

// failures counts what the abuse run cannot accept: no complete answer, a
// 5xx, and a plain request answered other than 200. An attack request may
// be refused (4xx): that is one way to bound it.
func failures(r *loadgen.Result, plain bool) int {
	n := 0
	for _, ks := range r.Kind {
		n += ks.Failed
		for code, c := range ks.Status {
			if code >= 500 || (plain && code != http.StatusOK) {
				n += c
			}
		}
	}
	return n
}

func sumStatus(ks loadgen.KindStats) int {
	n := 0
	for _, c := range ks.Status {
		n += c
	}
	return n
}

func statusText(m map[int]int) string {
	var codes []int
	for c := range m {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d×%d", m[c], c))
	}
	return strings.Join(parts, " ")
}

func sortDurations(d []time.Duration) { sort.Slice(d, func(i, j int) bool { return d[i] < d[j] }) }

func mibs(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// dirBytes is the size of the regular files under dir.
func dirBytes(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}
