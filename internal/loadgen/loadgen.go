// Package loadgen is kerko's one HTTP load generator: closed-loop
// connections, each sending its next request as soon as the last answer is
// read, for a duration, a number of requests, or until told to stop. It
// serves `kerko-bench http` (the realistic mix, Mix) and the load the
// reliability tests put on a server while they signal or reindex it (a
// fixed list of paths, Paths). It only loads servers on this machine.
package loadgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"
)

// Request is one request of a load: its URL and the index of its kind
// (for per-kind latencies).
type Request struct {
	URL  string
	Kind int
}

// Source gives each connection its requests; it must be safe for
// concurrent use (r is the connection's own).
type Source interface {
	Next(r *rand.Rand, conn, i int) Request
}

// Paths is a source that cycles through fixed paths of a server, each
// connection from its own offset.
type Paths struct {
	Base  string
	Paths []string
}

func (p Paths) Next(_ *rand.Rand, conn, i int) Request {
	return Request{URL: p.Base + p.Paths[(conn+i)%len(p.Paths)]}
}

// Options bound a load. At least one of Duration, MaxRequests, Stop or the
// context must end it.
type Options struct {
	Conns       int           // concurrent connections (default 1)
	Duration    time.Duration // 0: no time bound
	MaxRequests int           // 0: no count bound
	Stop        <-chan struct{}
	Seed        uint64
	Kinds       int          // number of request kinds (default 1)
	Client      *http.Client // default: one with a 10 s timeout
	// Pause is how long a connection waits after each answer (0: none),
	// for a steady load rather than the most the server can take.
	Pause time.Duration
	// Observe, if set, sees every 200 answer's response (its body read
	// and closed), from the connection's goroutine.
	Observe func(*http.Response)
	// MaxBody, if set, is the most of an answer's body read: a longer
	// answer counts as Oversize (and is not read further), so a server that
	// amplifies requests cannot make the load generator read gigabytes.
	MaxBody int64
}

// Result is what a load did. Latencies are of the answers with status 200,
// sorted.
type Result struct {
	Latencies []time.Duration
	ByKind    [][]time.Duration // per kind, sorted
	Elapsed   time.Duration
	Requests  int      // sent
	OK        int      // answered 200 in full
	Non200    int      // answered with another status
	Cut       int      // answer cut off while read
	Refused   int      // no connection (the server was gone)
	Errors    int      // any other failure to get an answer
	Oversize  int      // answer longer than Options.MaxBody
	Hits      int      // answers the server's cache gave (X-Kerko-Cache: hit)
	Samples   []string // the first failures, at most 10
	// Kind holds, per kind, the statuses of its answers and their sizes.
	Kind []KindStats
}

// KindStats are the answers of one kind of request, whatever their status.
type KindStats struct {
	Status   map[int]int // complete answers per HTTP status
	Bytes    int64       // body bytes read, all answers
	MaxBytes int64       // the longest body read (MaxBody+1 when one was longer)
	// Failed counts the requests of the kind without a complete answer
	// (refused, no answer, cut off, or longer than MaxBody).
	Failed int
	// Latencies are of every complete answer, whatever its status (a
	// bounded server may answer an abusive request 400), sorted.
	Latencies []time.Duration
}

// Failed is the number of requests that got no complete 200 answer.
func (r *Result) Failed() int { return r.Non200 + r.Cut + r.Refused + r.Errors + r.Oversize }

// Statuses counts the answers of every kind with a status from lo to hi.
func (r *Result) Statuses(lo, hi int) int {
	n := 0
	for _, k := range r.Kind {
		for code, c := range k.Status {
			if code >= lo && code <= hi {
				n += c
			}
		}
	}
	return n
}

// Run sends the load and returns what it did once every connection stopped.
func Run(ctx context.Context, src Source, o Options) *Result {
	if o.Conns <= 0 {
		o.Conns = 1
	}
	if o.Kinds <= 0 {
		o.Kinds = 1
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if o.Duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Duration)
		defer cancel()
	}
	var (
		mu   sync.Mutex
		res  = newResult(o.Kinds)
		sent int
		wg   sync.WaitGroup
	)
	// take reserves the next request of the load, or reports that it is over.
	take := func() bool {
		if ctx.Err() != nil {
			return false
		}
		select {
		case <-o.Stop:
			return false
		default:
		}
		mu.Lock()
		defer mu.Unlock()
		if o.MaxRequests > 0 && sent >= o.MaxRequests {
			return false
		}
		sent++
		return true
	}
	start := time.Now()
	for c := 0; c < o.Conns; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(o.Seed, uint64(c)))
			own := newResult(o.Kinds)
			for i := 0; take(); i++ {
				if i > 0 && o.Pause > 0 {
					time.Sleep(o.Pause)
				}
				req := src.Next(r, c, i)
				own.Requests++
				kind := req.Kind
				if kind < 0 || kind >= o.Kinds {
					kind = 0
				}
				ks := &own.Kind[kind]
				t0 := time.Now()
				// Not ctx: the load's end must not count as failures of
				// the requests it finds in flight.
				hreq, err := http.NewRequestWithContext(context.Background(), http.MethodGet, req.URL, nil)
				if err != nil {
					own.Errors++
					ks.Failed++
					own.sample(err.Error())
					continue
				}
				resp, err := o.Client.Do(hreq)
				if err != nil {
					ks.Failed++
					var op *net.OpError
					if errors.As(err, &op) && op.Op == "dial" {
						own.Refused++
					} else {
						own.Errors++
						own.sample(err.Error())
					}
					continue
				}
				body := io.Reader(resp.Body)
				if o.MaxBody > 0 {
					body = io.LimitReader(resp.Body, o.MaxBody+1)
				}
				n, err := io.Copy(io.Discard, body)
				resp.Body.Close()
				d := time.Since(t0)
				ks.Bytes += n
				ks.MaxBytes = max(ks.MaxBytes, n)
				switch {
				case o.MaxBody > 0 && n > o.MaxBody:
					own.Oversize++
					ks.Failed++
					own.sample(fmt.Sprintf("%.200s: answer longer than %d bytes", req.URL, o.MaxBody))
					continue
				case err != nil:
					own.Cut++
					ks.Failed++
					own.sample(req.URL + ": " + err.Error())
					continue
				}
				ks.Status[resp.StatusCode]++
				ks.Latencies = append(ks.Latencies, d)
				switch {
				case resp.StatusCode != http.StatusOK:
					own.Non200++
					own.sample(fmt.Sprintf("%s: %s", req.URL, resp.Status))
				default:
					own.OK++
					if resp.Header.Get("X-Kerko-Cache") == "hit" {
						own.Hits++
					}
					if o.Observe != nil {
						o.Observe(resp)
					}
					own.Latencies = append(own.Latencies, d)
					if req.Kind >= 0 && req.Kind < o.Kinds {
						own.ByKind[req.Kind] = append(own.ByKind[req.Kind], d)
					}
				}
			}
			mu.Lock()
			res.add(own)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	sortDurations(res.Latencies)
	for _, l := range res.ByKind {
		sortDurations(l)
	}
	for _, ks := range res.Kind {
		sortDurations(ks.Latencies)
	}
	return res
}

func (r *Result) sample(s string) {
	// URLs of abusive requests run to 60 KB.
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	if len(r.Samples) < 10 {
		r.Samples = append(r.Samples, s)
	}
}

func newResult(kinds int) *Result {
	r := &Result{ByKind: make([][]time.Duration, kinds), Kind: make([]KindStats, kinds)}
	for k := range r.Kind {
		r.Kind[k].Status = map[int]int{}
	}
	return r
}

func (r *Result) add(o *Result) {
	r.Latencies = append(r.Latencies, o.Latencies...)
	for k := range o.ByKind {
		r.ByKind[k] = append(r.ByKind[k], o.ByKind[k]...)
		ks, os := &r.Kind[k], o.Kind[k]
		for code, n := range os.Status {
			ks.Status[code] += n
		}
		ks.Bytes += os.Bytes
		ks.MaxBytes = max(ks.MaxBytes, os.MaxBytes)
		ks.Failed += os.Failed
		ks.Latencies = append(ks.Latencies, os.Latencies...)
	}
	r.Requests += o.Requests
	r.OK += o.OK
	r.Non200 += o.Non200
	r.Cut += o.Cut
	r.Refused += o.Refused
	r.Errors += o.Errors
	r.Oversize += o.Oversize
	r.Hits += o.Hits
	for _, s := range o.Samples {
		r.sample(s)
	}
}

func sortDurations(d []time.Duration) {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
}

// Pct is the p-th quantile (0..1) of sorted latencies, in milliseconds.
func Pct(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := min(len(sorted)-1, int(p*float64(len(sorted))))
	return float64(sorted[i].Microseconds()) / 1000
}

// Loopback checks that base names a server on this machine: loadgen is a
// test tool, not a way to load someone else's server.
func Loopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("server url %q: %w", base, err)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("server url %q: only a loopback address may be loaded", base)
}
