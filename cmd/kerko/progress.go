package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"kerko/corpus"
	"kerko/index"
)

// progress shows how a build goes: a bar with articles/s and ETA on a
// terminal, one plain line every few seconds elsewhere (pipes, CI logs), and
// each problem with the input on its own line in both.
type progress struct {
	w        io.Writer
	bar      *progressbar.ProgressBar // nil when w is no terminal
	every    time.Duration
	mu       sync.Mutex
	total    int // estimated articles; 0 until known
	lastLine time.Time
}

// isTerminal reports whether w is a terminal a bar can redraw.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newProgress(w io.Writer, tty bool) *progress {
	p := &progress{w: w, every: 3 * time.Second, lastLine: time.Now()}
	if tty {
		// The total is unknown until the estimate comes in: -1 starts a
		// spinner that becomes a bar with an ETA then.
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("indexing"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// setTotal gives the bar its length once the corpus has been counted.
func (p *progress) setTotal(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n <= 0 {
		return
	}
	p.total = n
	if p.bar != nil {
		p.bar.ChangeMax(n)
	}
}

func (p *progress) update(pr index.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		if p.total > 0 && pr.Read > p.total {
			p.bar.ChangeMax(pr.Read) // the estimate was short: never overflow
		}
		p.bar.Set(pr.Read)
		return
	}
	if time.Since(p.lastLine) < p.every {
		return
	}
	p.lastLine = time.Now()
	fmt.Fprintln(p.w, progressLine(pr, p.total))
}

// progressLine is the plain form of progress, for logs.
func progressLine(pr index.Progress, total int) string {
	rate := 0.0
	if s := pr.Elapsed.Seconds(); s > 0 {
		rate = float64(pr.Read) / s
	}
	var b strings.Builder
	fmt.Fprintf(&b, "indexing: %d", pr.Read)
	if total > 0 && pr.Read <= total {
		fmt.Fprintf(&b, " of ~%d articles read (%d%%)", total, pr.Read*100/total)
	} else {
		b.WriteString(" articles read")
	}
	fmt.Fprintf(&b, ", %d written%s, %s elapsed", pr.Written, rateText(pr.Read, pr.Elapsed), pr.Elapsed.Round(time.Second))
	if total > pr.Read && rate > 0 {
		eta := time.Duration(float64(total-pr.Read) / rate * float64(time.Second))
		fmt.Fprintf(&b, ", ETA %s", eta.Round(time.Second))
	}
	return b.String()
}

// problem prints one report about bad input, above the bar.
func (p *progress) problem(pr corpus.Problem) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, pr)
}

// finish removes the bar before the summary is printed.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}

// printSummary tells what a build did, in the order a user checks it: what
// kind of build, what changed, what was left out and why, and the result.
func printSummary(w io.Writer, dir string, st *index.Stats) {
	if st.Full {
		fmt.Fprintf(w, "full build: %s\n", st.FullReason)
	}
	fmt.Fprintf(w, "indexed %d (added %d, updated %d), deleted %d, unchanged %d\n",
		st.Indexed(), st.Added, st.Updated, st.Deleted, st.Unchanged)
	if st.Skipped > 0 {
		fmt.Fprintf(w, "skipped %d: %s\n", st.Skipped, reasonList(st.SkipReasons))
	}
	if st.Repaired > 0 || st.Warnings > 0 {
		fmt.Fprintf(w, "repaired %d, warnings %d (reported above)\n", st.Repaired, st.Warnings)
	}
	if st.TextRepairedArticles > 0 {
		fmt.Fprintf(w, "text repaired: %d articles, %d characters (Windows-1252 punctuation read as control characters, now ’ “ ” … –)\n",
			st.TextRepairedArticles, st.TextRepairedChars)
	}
	state := fmt.Sprintf("published generation %d", st.Generation)
	if !st.Published {
		state = "nothing changed, index kept"
	}
	fmt.Fprintf(w, "%d articles in %s (%s, %.1f MiB) in %.2fs%s\n",
		st.Articles, dir, state, float64(st.IndexBytes)/(1<<20), st.Elapsed.Seconds(), rateText(st.Indexed()+st.Unchanged, st.Elapsed))
}

// Below these a rate says more about start-up and rounding than about
// speed ("29 articles/s" for 6 articles in 0.2 s): it is not shown.
const (
	minRateArticles = 100
	minRateElapsed  = time.Second
)

// rateText is ", N articles/s" for n articles in elapsed, or "" when too
// few articles or too short a time make it meaningless.
func rateText(n int, elapsed time.Duration) string {
	if n < minRateArticles || elapsed < minRateElapsed {
		return ""
	}
	return fmt.Sprintf(", %.0f articles/s", float64(n)/elapsed.Seconds())
}

// rate is the articles read per second: unchanged articles count, since
// reading and comparing them is the work an incremental build does.
func rate(st *index.Stats) float64 {
	s := st.Elapsed.Seconds()
	if s <= 0 {
		return 0
	}
	return float64(st.Indexed()+st.Unchanged) / s
}

// reasonList renders skip counts most frequent first: "3 empty file, 1 binary file".
func reasonList(reasons map[string]int) string {
	kinds := make([]string, 0, len(reasons))
	for k := range reasons {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if reasons[kinds[i]] != reasons[kinds[j]] {
			return reasons[kinds[i]] > reasons[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%d %s", reasons[k], k)
	}
	return strings.Join(parts, ", ")
}
