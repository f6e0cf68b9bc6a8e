package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kerko/internal/benchcorpus"
	"kerko/internal/loadgen"
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
	if err := loadgen.Loopback(*base); err != nil {
		return err
	}
	mix := &loadgen.Mix{Base: strings.TrimRight(*base, "/"), Queries: qs, IDs: ids, Unique: *unique}
	if *unique > 0 {
		dir, err := benchcorpus.Dir()
		if err != nil {
			return err
		}
		fresh, err := newUniqueQueries(dir)
		if err != nil {
			return err
		}
		mix.Fresh = fresh
	}
	tr := &http.Transport{MaxIdleConns: *conns, MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}

	fmt.Printf("load average before: %s\n\n", loadAvg())
	opts := loadgen.Options{Conns: *conns, Client: client, Kinds: len(loadgen.MixKinds)}
	if *warm > 0 {
		w := opts
		w.Duration, w.Seed = *warm, *seed+1000
		loadgen.Run(ctx, mix, w)
	}
	hits0, misses0, _, _, cached := serverCache(ctx, *base)
	cpu0, gen0 := procCPU(*pid), cpuSeconds()
	opts.Duration, opts.Seed = *dur, *seed
	res := loadgen.Run(ctx, mix, opts)
	cpu1, gen1 := procCPU(*pid), cpuSeconds()
	hits1, misses1, entries, cacheBytes, _ := serverCache(ctx, *base)
	fmt.Printf("| requests | seconds | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-200 |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	fmt.Printf("| %d | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %d |\n",
		len(res.Latencies), res.Elapsed.Seconds(), float64(len(res.Latencies))/res.Elapsed.Seconds(),
		pct(res.Latencies, 0.50), pct(res.Latencies, 0.90), pct(res.Latencies, 0.99), pct(res.Latencies, 1), res.Errors+res.Cut+res.Refused, res.Non200)
	// Per kind: in a closed loop a kind much slower than the others shows
	// as the tail of the whole distribution.
	fmt.Printf("\n| kind | requests | p50 ms | p90 ms | p99 ms |\n|---|---:|---:|---:|---:|\n")
	for k, name := range loadgen.MixKinds {
		if k < len(res.ByKind) && len(res.ByKind[k]) > 0 {
			l := res.ByKind[k]
			fmt.Printf("| %s | %d | %.2f | %.2f | %.2f |\n", name, len(l), pct(l, 0.50), pct(l, 0.90), pct(l, 0.99))
		}
	}
	fmt.Printf("\nmix: %s; %.0f%% of searches with a query asked once; %d connections, %s after %s warm-up\n", loadgen.MixText, *unique*100, *conns, *dur, *warm)
	if cached {
		// An article request looks up the article and its related
		// articles: two lookups, counted as a hit by its header when
		// the article was.
		if hits1 < hits0 || misses1 < misses0 {
			// A new generation empties the cache and its counters.
			fmt.Printf("server cache: started over during the run (a new index generation); %d entries, %.1f MiB now\n",
				entries, float64(cacheBytes)/(1<<20))
		} else {
			h, m := hits1-hits0, misses1-misses0
			fmt.Printf("server cache: %d hits, %d misses over the run (hit rate %.1f%%); %d entries, %.1f MiB now\n",
				h, m, 100*float64(h)/float64(max(h+m, 1)), entries, float64(cacheBytes)/(1<<20))
		}
		fmt.Printf("answered from the cache: %d of %d requests (%.1f%%)\n", res.Hits, len(res.Latencies), 100*float64(res.Hits)/float64(max(len(res.Latencies), 1)))
	} else {
		fmt.Printf("server cache: none (off, or not reported by /healthz)\n")
	}
	if *pid > 0 {
		fmt.Printf("server memory: %s\n", procMemory(*pid))
		if n := res.Requests; n > 0 && cpu1 > cpu0 {
			// CPU per request does not depend on what else runs on the machine.
			fmt.Printf("server CPU: %.1f s over the run, %.3f ms per request\n", cpu1-cpu0, (cpu1-cpu0)*1000/float64(n))
		}
	}
	fmt.Printf("load generator CPU: %.1f s over the run\n", gen1-gen0)
	fmt.Printf("load average after: %s\n", loadAvg())
	if len(res.Samples) > 0 {
		fmt.Printf("first error: %s\n", res.Samples[0])
	}
	if n := res.Failed(); n > 0 {
		return fmt.Errorf("%d of %d requests failed", n, res.Requests)
	}
	return nil
}

// pct is the p-th quantile of sorted latencies, in milliseconds.
func pct(sorted []time.Duration, p float64) float64 { return loadgen.Pct(sorted, p) }

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
