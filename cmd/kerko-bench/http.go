package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"kerko/internal/benchcorpus"
)

// runHTTP loads a running `kerko serve` through its JSON API with a mix of
// what people do: plain searches, then narrowing by language, country or
// date, paging, sorting by date, and opening an article. Each connection
// sends its next request as soon as the last answer is read (closed loop).
func runHTTP(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("http", flag.ContinueOnError)
	base := fs.String("url", "http://127.0.0.1:8080", "kerko serve address")
	conns := fs.Int("conns", 32, "concurrent connections")
	dur := fs.Duration("duration", 60*time.Second, "how long to send requests")
	warm := fs.Duration("warmup", 5*time.Second, "untimed load before measuring")
	queries := fs.String("queries", "", "one query a line (default: the peers' queries-real.txt)")
	pid := fs.Int("pid", 0, "server process id, to report its memory")
	seed := fs.Uint64("seed", 1, "random seed of the request mix")
	// Search-log studies (Xie & O'Hallaron, INFOCOM 2002; Baeza-Yates et
	// al., SIGIR 2007) put the share of queries that repeat one asked
	// before at about one half; the rest are asked once, and no result
	// cache can answer them. With only the 16 lines of queries-real.txt
	// every search repeats, and a cache would answer nearly all of them.
	unique := fs.Float64("unique", 0.5, "fraction of searches whose query is asked only once in the run (words of a corpus title); 0: only the -queries lines")
	if err := fs.Parse(args); err != nil {
		return err
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
	ids, err := articleIDs(ctx, *base, qs)
	if err != nil {
		return err
	}
	mix := &requestMix{base: strings.TrimRight(*base, "/"), queries: qs, ids: ids, unique: *unique}
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

	fmt.Printf("load average before: %s\n\n", loadAvg())
	if *warm > 0 {
		load(ctx, client, mix, *conns, *warm, *seed+1000)
	}
	hits0, misses0, _, _, cached := serverCache(ctx, *base)
	cpu0, gen0 := procCPU(*pid), cpuSeconds()
	res := load(ctx, client, mix, *conns, *dur, *seed)
	cpu1, gen1 := procCPU(*pid), cpuSeconds()
	hits1, misses1, entries, cacheBytes, _ := serverCache(ctx, *base)
	fmt.Printf("| requests | seconds | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-200 |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	fmt.Printf("| %d | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d |\n",
		len(res.lat), res.elapsed.Seconds(), float64(len(res.lat))/res.elapsed.Seconds(),
		pct(res.lat, 0.50), pct(res.lat, 0.90), pct(res.lat, 0.99), pct(res.lat, 1), res.errors, res.non200)
	// Per kind: in a closed loop a kind much slower than the others shows
	// as the tail of the whole distribution.
	fmt.Printf("\n| kind | requests | p50 ms | p90 ms | p99 ms |\n|---|---:|---:|---:|---:|\n")
	for k, name := range mixKinds {
		if k < len(res.byKind) && len(res.byKind[k]) > 0 {
			l := res.byKind[k]
			fmt.Printf("| %s | %d | %.2f | %.2f | %.2f |\n", name, len(l), pct(l, 0.50), pct(l, 0.90), pct(l, 0.99))
		}
	}
	fmt.Printf("\nmix: %s; %.0f%% of searches with a query asked once; %d connections, %s after %s warm-up\n", mixText, *unique*100, *conns, *dur, *warm)
	if cached {
		// An article request looks up the article and its related
		// articles: two lookups, counted as a hit by its header when
		// the article was.
		h, m := hits1-hits0, misses1-misses0
		fmt.Printf("server cache: %d hits, %d misses over the run (hit rate %.1f%%); %d entries, %.1f MiB now\n",
			h, m, 100*float64(h)/float64(max(h+m, 1)), entries, float64(cacheBytes)/(1<<20))
		fmt.Printf("answered from the cache: %d of %d requests (%.1f%%)\n", res.hits, len(res.lat), 100*float64(res.hits)/float64(max(len(res.lat), 1)))
	} else {
		fmt.Printf("server cache: none (off, or not reported by /healthz)\n")
	}
	if *pid > 0 {
		fmt.Printf("server memory: %s\n", procMemory(*pid))
		if n := len(res.lat) + res.errors + res.non200; n > 0 && cpu1 > cpu0 {
			// CPU per request does not depend on what else runs on the machine.
			fmt.Printf("server CPU: %.1f s over the run, %.3f ms per request\n", cpu1-cpu0, (cpu1-cpu0)*1000/float64(n))
		}
	}
	fmt.Printf("load generator CPU: %.1f s over the run\n", gen1-gen0)
	fmt.Printf("load average after: %s\n", loadAvg())
	if res.firstErr != "" {
		fmt.Printf("first error: %s\n", res.firstErr)
	}
	return nil
}

const mixText = "50% search page 1, 12% + language filter, 8% + country filter, 8% + date range, " +
	"10% page 2-3, 5% sorted by newest, 7% open an article"

type requestMix struct {
	base    string
	queries []string
	ids     []string
	unique  float64        // fraction of searches with a query from fresh
	fresh   *uniqueQueries // nil when unique is 0
}

// Kinds of request in the mix, for the per-kind latency table.
var mixKinds = []string{"search", "lang", "country", "date", "page", "newest", "article"}

// next returns the URL of a request and the index of its kind in mixKinds.
func (m *requestMix) next(r *rand.Rand) (string, int) {
	v := url.Values{}
	if m.fresh != nil && r.Float64() < m.unique {
		v.Set("q", m.fresh.next(r))
	} else {
		v.Set("q", m.queries[r.IntN(len(m.queries))])
	}
	kind := 0
	switch n := r.IntN(100); {
	case n < 50:
	case n < 62:
		kind = 1
		v.Set("lang", []string{"sq", "tr", "en"}[r.IntN(3)])
	case n < 70:
		kind = 2
		v.Set("country", []string{"TR", "XK", "AL", "US", "GB", "DE"}[r.IntN(6)])
	case n < 78:
		kind = 3
		v.Set("from", "1987-01-01")
		v.Set("to", []string{"1987-12-31", "2020-12-31"}[r.IntN(2)])
	case n < 88:
		kind = 4
		v.Set("page", fmt.Sprint(2+r.IntN(2)))
	case n < 93:
		kind = 5
		v.Set("sort", "newest")
	default:
		if len(m.ids) > 0 {
			return m.base + "/api/articles/" + url.PathEscape(m.ids[r.IntN(len(m.ids))]), 6
		}
	}
	return m.base + "/api/search?" + v.Encode(), kind
}

type loadResult struct {
	lat      []time.Duration
	byKind   [][]time.Duration // per mixKinds entry, sorted
	elapsed  time.Duration
	errors   int
	non200   int
	hits     int // answers with X-Kerko-Cache: hit
	firstErr string
}

func load(ctx context.Context, client *http.Client, mix *requestMix, conns int, dur time.Duration, seed uint64) loadResult {
	ctx, cancel := context.WithTimeout(ctx, dur)
	defer cancel()
	var mu sync.Mutex
	var res loadResult
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < conns; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(c)))
			var lat []time.Duration
			byKind := make([][]time.Duration, len(mixKinds))
			errs, non200, hits := 0, 0, 0
			first := ""
			for ctx.Err() == nil {
				u, kind := mix.next(r)
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.Header.Get("X-Kerko-Cache") == "hit" {
						hits++
					}
				}
				d := time.Since(t0)
				switch {
				case err != nil:
					errs++
					if first == "" {
						first = err.Error()
					}
				case resp.StatusCode != http.StatusOK:
					non200++
					if first == "" {
						first = fmt.Sprintf("%s: %s", u, resp.Status)
					}
				default:
					lat = append(lat, d)
					byKind[kind] = append(byKind[kind], d)
				}
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			if res.byKind == nil {
				res.byKind = make([][]time.Duration, len(mixKinds))
			}
			for k := range byKind {
				res.byKind[k] = append(res.byKind[k], byKind[k]...)
			}
			res.errors += errs
			res.non200 += non200
			res.hits += hits
			if res.firstErr == "" {
				res.firstErr = first
			}
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	sort.Slice(res.lat, func(i, j int) bool { return res.lat[i] < res.lat[j] })
	for _, l := range res.byKind {
		sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	}
	return res
}

// pct is the p-th quantile of sorted latencies, in milliseconds.
func pct(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := min(len(sorted)-1, int(p*float64(len(sorted))))
	return float64(sorted[i].Microseconds()) / 1000
}

// articleIDs collects the ids of the first hits of each query, for the
// "open an article" part of the mix.
func articleIDs(ctx context.Context, base string, qs []string) ([]string, error) {
	var ids []string
	for _, q := range qs {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/api/search?q="+url.QueryEscape(q), nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, fmt.Errorf("reach kerko serve at %s: %w", base, err)
		}
		var body struct {
			Hits []struct {
				ID string `json:"id"`
			} `json:"hits"`
		}
		err = decodeJSON(resp.Body, &body)
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		for _, h := range body.Hits {
			ids = append(ids, h.ID)
		}
	}
	return ids, nil
}

func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

// procMemory reads a process's current and peak resident memory.
func procMemory(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	var rss, hwm string
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			rss = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			hwm = strings.TrimSpace(v)
		}
	}
	return fmt.Sprintf("RSS %s, peak %s", rss, hwm)
}

// procCPU is the user+system CPU seconds a process has used, or 0.
func procCPU(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses and may hold spaces.
	_, rest, ok := strings.Cut(string(b), ") ")
	if !ok {
		return 0
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	var utime, stime float64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	return (utime + stime) / 100 // USER_HZ is 100 on Linux
}
