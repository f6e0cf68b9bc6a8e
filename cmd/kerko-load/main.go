// Command kerko-load sends a bounded, realistic mix of searches to a kerko
// server on this machine and reports throughput, latency and failures.
//
//	kerko-load [--url http://127.0.0.1:8080] [--conns 64] [--duration 2m]
//	           [--max-requests N] [--queries FILE] [--pid PID] [--json]
//
// It refuses any host but loopback: it is a test tool, not a way to load
// someone else's server. A request fails when it gets no answer, a status
// other than 200 (or 404 for an article that a rebuild removed), or a body
// that does not parse. The exit status is 1 when any request failed.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "kerko-load:", err)
		}
		os.Exit(1)
	}
}

// fallbackQueries are used when no --queries file is given: a mix of the
// three languages, phrases, exclusions and OR.
var fallbackQueries = []string{
	"oil", "trade", "ekonomi", "qeveria", "fındık", "tërmeti", "oil prices", "kurti osmani",
	`"central bank"`, `"merkez bankası"`, "Türkiye'nin", "Kosova", "Turkey", "Kazakistan OR Kırgızistan",
	"erdogan -putin", "NATO", "election", "zgjedhjet", "seçim", "",
}

// Filters drawn from the values the facets of a news corpus have.
var (
	langs     = []string{"sq", "tr", "en"}
	countries = []string{"TR", "AL", "XK", "KZ", "KG", "US", "RU", "GB", "DE", "CN", "IR", "RS"}
	orgs      = []string{"UN", "EU", "NATO", "OSCE", "IMF"}
	sorts     = []string{"relevance", "newest", "oldest"}
)

type config struct {
	base     *url.URL
	conns    int
	duration time.Duration
	maxReq   int64
	queries  []string
	pid      int
	asJSON   bool
	seed     uint64
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("kerko-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rawURL := fs.String("url", "http://127.0.0.1:8080", "kerko server (loopback only)")
	conns := fs.Int("conns", 64, "concurrent connections")
	duration := fs.Duration("duration", 2*time.Minute, "how long to send requests (at most 10m)")
	maxReq := fs.Int64("max-requests", 5_000_000, "stop after this many requests")
	qfile := fs.String("queries", "", "file of queries, one per line (default: a built-in mix)")
	pid := fs.Int("pid", 0, "server process to sample RSS from (/proc/PID/status)")
	asJSON := fs.Bool("json", false, "print the report as one JSON line")
	seed := fs.Uint64("seed", 1, "random seed for the request mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	base, err := url.Parse(*rawURL)
	if err != nil {
		return fmt.Errorf("--url %q: %w", *rawURL, err)
	}
	if err := checkLoopback(base); err != nil {
		return err
	}
	if *conns < 1 || *conns > 1024 {
		return fmt.Errorf("--conns %d: want 1 to 1024", *conns)
	}
	if *duration <= 0 || *duration > 10*time.Minute {
		return fmt.Errorf("--duration %v: want up to 10m", *duration)
	}
	cfg := config{base: base, conns: *conns, duration: *duration, maxReq: *maxReq, pid: *pid, asJSON: *asJSON, seed: *seed, queries: fallbackQueries}
	if *qfile != "" {
		if cfg.queries, err = readQueries(*qfile); err != nil {
			return err
		}
	}
	rep, err := load(ctx, cfg)
	if err != nil {
		return err
	}
	if cfg.asJSON {
		json.NewEncoder(stdout).Encode(rep)
	} else {
		rep.print(stdout)
	}
	if rep.Failed > 0 {
		return fmt.Errorf("%d of %d requests failed", rep.Failed, rep.Requests)
	}
	return nil
}

// checkLoopback refuses any target that is not this machine.
func checkLoopback(u *url.URL) error {
	if u.Scheme != "http" {
		return fmt.Errorf("--url %q: want http://", u)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--url %q: only loopback addresses (127.0.0.0/8, ::1, localhost) may be loaded", u)
	}
	return nil
}

func readQueries(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("queries: %w", err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if q := strings.TrimSpace(sc.Text()); q != "" && !strings.HasPrefix(q, "#") {
			qs = append(qs, q)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("queries %s: %w", name, err)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("queries %s: no queries", name)
	}
	return qs, nil
}

// report is what a run measured.
type report struct {
	Requests  int64            `json:"requests"`
	Failed    int64            `json:"failed"`
	Statuses  map[string]int64 `json:"statuses"`
	Failures  []string         `json:"failure_samples,omitempty"`
	Seconds   float64          `json:"seconds"`
	ReqPerSec float64          `json:"req_per_sec"`
	P50ms     float64          `json:"p50_ms"`
	P90ms     float64          `json:"p90_ms"`
	P99ms     float64          `json:"p99_ms"`
	MaxMs     float64          `json:"max_ms"`
	RSSStart  int64            `json:"rss_start_kib,omitempty"`
	RSSEnd    int64            `json:"rss_end_kib,omitempty"`
	RSSMax    int64            `json:"rss_max_kib,omitempty"`
}

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "requests %d in %.1fs: %.0f req/s, failed %d\n", r.Requests, r.Seconds, r.ReqPerSec, r.Failed)
	fmt.Fprintf(w, "latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", r.P50ms, r.P90ms, r.P99ms, r.MaxMs)
	keys := make([]string, 0, len(r.Statuses))
	for k := range r.Statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s: %d\n", k, r.Statuses[k])
	}
	for _, f := range r.Failures {
		fmt.Fprintf(w, "  failure: %s\n", f)
	}
	if r.RSSStart > 0 {
		fmt.Fprintf(w, "server RSS %.1f MiB at start, %.1f MiB at end, %.1f MiB max\n",
			float64(r.RSSStart)/1024, float64(r.RSSEnd)/1024, float64(r.RSSMax)/1024)
	}
}

// worker state shared under mu.
type tally struct {
	mu       sync.Mutex
	lat      []time.Duration
	statuses map[string]int64
	failed   int64
	samples  []string
	requests int64
}

func (t *tally) add(d time.Duration, status string, fail string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.lat = append(t.lat, d)
	t.statuses[status]++
	if fail != "" {
		t.failed++
		if len(t.samples) < 10 {
			t.samples = append(t.samples, fail)
		}
	}
}

func load(ctx context.Context, cfg config) (*report, error) {
	tr := &http.Transport{MaxIdleConns: cfg.conns, MaxIdleConnsPerHost: cfg.conns, MaxConnsPerHost: cfg.conns, IdleConnTimeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, cfg.duration)
	defer cancel()

	t := &tally{statuses: map[string]int64{}}
	var rss rssSampler
	rss.start(ctx, cfg.pid)
	var issued int64
	var issuedMu sync.Mutex
	next := func() bool {
		issuedMu.Lock()
		defer issuedMu.Unlock()
		if issued >= cfg.maxReq {
			return false
		}
		issued++
		return true
	}
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < cfg.conns; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(cfg.seed, uint64(i)))
			var ids []string
			for ctx.Err() == nil && next() {
				u, kind := pick(rng, cfg, ids)
				begin := time.Now()
				status, got, fail := do(ctx, client, u, kind)
				if ctx.Err() != nil && fail != "" {
					break // cut off by the end of the run, not a server failure
				}
				t.add(time.Since(begin), status, fail)
				if len(got) > 0 {
					ids = got
				}
			}
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	rep := &report{Statuses: t.statuses, Failed: t.failed, Failures: t.samples, Requests: int64(len(t.lat)), Seconds: elapsed.Seconds()}
	rep.ReqPerSec = float64(rep.Requests) / elapsed.Seconds()
	sort.Slice(t.lat, func(i, j int) bool { return t.lat[i] < t.lat[j] })
	pct := func(p float64) float64 {
		if len(t.lat) == 0 {
			return 0
		}
		return float64(t.lat[min(len(t.lat)-1, int(p*float64(len(t.lat))))].Microseconds()) / 1000
	}
	rep.P50ms, rep.P90ms, rep.P99ms, rep.MaxMs = pct(0.50), pct(0.90), pct(0.99), pct(1)
	rep.RSSStart, rep.RSSEnd, rep.RSSMax = rss.stop(cfg.pid)
	return rep, nil
}

const (
	kindAPI     = "api"
	kindPage    = "page"
	kindArticle = "article"
)

// pick draws the next request: mostly API and page searches with a query,
// some with filters, later pages or another sort, and article pages for ids
// seen in earlier answers.
func pick(rng *rand.Rand, cfg config, ids []string) (string, string) {
	if len(ids) > 0 && rng.IntN(10) == 0 {
		return cfg.base.JoinPath("/api/articles", ids[rng.IntN(len(ids))]).String(), kindArticle
	}
	v := url.Values{}
	if q := cfg.queries[rng.IntN(len(cfg.queries))]; rng.IntN(20) != 0 {
		v.Set("q", q)
	}
	if rng.IntN(4) == 0 {
		v.Add("lang", langs[rng.IntN(len(langs))])
	}
	if rng.IntN(4) == 0 {
		v.Add("country", countries[rng.IntN(len(countries))])
		if rng.IntN(3) == 0 {
			v.Add("country", countries[rng.IntN(len(countries))])
		}
	}
	if rng.IntN(10) == 0 {
		v.Add("org", orgs[rng.IntN(len(orgs))])
	}
	if rng.IntN(8) == 0 {
		y := 1987 + rng.IntN(40)
		v.Set("from", fmt.Sprintf("%d-01-01", y))
		v.Set("to", fmt.Sprintf("%d-12-31", y+rng.IntN(3)))
	}
	if rng.IntN(5) == 0 {
		v.Set("sort", sorts[rng.IntN(len(sorts))])
	}
	if rng.IntN(4) == 0 {
		v.Set("page", strconv.Itoa(2+rng.IntN(5)))
	}
	path, kind := "/api/search", kindAPI
	if rng.IntN(3) == 0 {
		path, kind = "/", kindPage
	}
	u := cfg.base.JoinPath(path)
	u.RawQuery = v.Encode()
	return u.String(), kind
}

// do sends one request and checks its answer; it returns the status, the
// article ids of a search answer, and a failure description or "".
func do(ctx context.Context, client *http.Client, u, kind string) (string, []string, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "error", nil, err.Error()
	}
	resp, err := client.Do(req)
	if err != nil {
		return "error", nil, fmt.Sprintf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	status := strconv.Itoa(resp.StatusCode)
	if err != nil {
		return status, nil, fmt.Sprintf("GET %s: read body: %v", u, err)
	}
	switch {
	case resp.StatusCode == 200:
	case resp.StatusCode == 404 && kind == kindArticle:
		return status, nil, "" // a rebuild may remove an article between search and fetch
	default:
		return status, nil, fmt.Sprintf("GET %s: status %d: %.200s", u, resp.StatusCode, body)
	}
	switch kind {
	case kindAPI:
		var r struct{ Hits []struct{ ID string } }
		if err := json.Unmarshal(body, &r); err != nil {
			return status, nil, fmt.Sprintf("GET %s: bad JSON: %v", u, err)
		}
		ids := make([]string, len(r.Hits))
		for i, h := range r.Hits {
			ids[i] = h.ID
		}
		return status, ids, ""
	case kindArticle:
		var a struct{ ID string }
		if err := json.Unmarshal(body, &a); err != nil || a.ID == "" {
			return status, nil, fmt.Sprintf("GET %s: bad article JSON: %v", u, err)
		}
	case kindPage:
		if !strings.Contains(string(body), "</html>") {
			return status, nil, fmt.Sprintf("GET %s: truncated page", u)
		}
	}
	return status, nil, ""
}

// rssSampler reads a process's resident set size once a second.
type rssSampler struct {
	mu    sync.Mutex
	first int64
	max   int64
	done  chan struct{}
}

func (s *rssSampler) start(ctx context.Context, pid int) {
	if pid <= 0 {
		return
	}
	s.first = readRSS(pid)
	s.max = s.first
	s.done = make(chan struct{})
	go func() {
		defer close(s.done)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				r := readRSS(pid)
				s.mu.Lock()
				s.max = max(s.max, r)
				s.mu.Unlock()
			}
		}
	}()
}

func (s *rssSampler) stop(pid int) (first, last, maxRSS int64) {
	if pid <= 0 {
		return 0, 0, 0
	}
	<-s.done
	last = readRSS(pid)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.first, last, max(s.max, last)
}

// readRSS returns VmRSS of pid in KiB, or 0 when it cannot be read.
func readRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n
			}
		}
	}
	return 0
}
