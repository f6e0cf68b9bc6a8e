package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// runResearch times the research endpoints of a running kerko serve, one
// request at a time: /api/trends for several queries over the whole span,
// /api/terms (telling words) of a query of some thousands of hits, and
// /api/export of many rows, sampling the server's RSS while the export
// streams (with -pid), to show that it stays flat.
func runResearch(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("research", flag.ContinueOnError)
	base := fs.String("url", "http://127.0.0.1:8080", "a running kerko serve")
	pid := fs.Int("pid", 0, "the server's process id, to sample its RSS during the export")
	runs := fs.Int("runs", 5, "timed runs of each request, after one untimed")
	trends := fs.String("trends", "Kazakhstan,Kyrgyzstan,Türkiye,Russia,NATO", "queries compared by /api/trends, comma-separated")
	exportQ := fs.String("export-q", "", "query of the export (empty: every article, newest first)")
	limit := fs.Int("limit", 10000, "rows the export asks for")
	termsQ := fs.String("terms-q", "government", "query of /api/terms (government: 3,081 hits on the bench corpus)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	client := &http.Client{Timeout: 2 * time.Minute}

	tv := url.Values{}
	for _, q := range strings.Split(*trends, ",") {
		if q = strings.TrimSpace(q); q != "" {
			tv.Add("q", q)
		}
	}
	trendsURL := *base + "/api/trends?" + tv.Encode()
	ev := url.Values{"limit": {strconv.Itoa(*limit)}, "format": {"csv"}}
	if *exportQ != "" {
		ev.Set("q", *exportQ)
	} else {
		ev.Set("sort", "newest")
	}
	exportURL := *base + "/api/export?" + ev.Encode()
	termsURL := *base + "/api/terms?" + url.Values{"q": {*termsQ}, "size": {"20"}}.Encode()

	fmt.Printf("| request | runs | p50 ms | max ms | answer |\n|---|---|---|---|---|\n")
	for _, r := range []struct {
		name, url string
		sample    bool
	}{
		{fmt.Sprintf("/api/trends, %d queries, whole span", len(tv["q"])), trendsURL, false},
		{fmt.Sprintf("/api/terms, %q, 20 words", *termsQ), termsURL, false},
		{fmt.Sprintf("/api/export, %d rows csv", *limit), exportURL, true},
	} {
		var times []time.Duration
		var answer string
		var rss rssSampler
		cacheHits = 0
		for i := 0; i <= *runs; i++ {
			if r.sample && i == *runs && *pid > 0 {
				rss.start(*pid)
			}
			start := time.Now()
			n, lines, err := fetch(ctx, client, r.url)
			d := time.Since(start)
			if r.sample && i == *runs && *pid > 0 {
				rss.stop()
			}
			if err != nil {
				return fmt.Errorf("%s: %w", r.name, err)
			}
			if i > 0 {
				times = append(times, d)
			}
			answer = fmt.Sprintf("%d bytes, %d lines", n, lines)
		}
		if r.url == termsURL {
			if a, err := termsAnswer(ctx, client, termsURL); err == nil {
				answer += "; " + a
			}
		}
		if cacheHits > 0 {
			answer += fmt.Sprintf(" (%d of %d runs answered from the server's cache: kerko serve --cache-mib 0 times misses)", cacheHits, *runs+1)
		}
		slices.Sort(times)
		fmt.Printf("| %s | %d | %.0f | %.0f | %s |\n", r.name, len(times), ms(times[len(times)/2]), ms(times[len(times)-1]), answer)
		if r.sample && *pid > 0 {
			fmt.Printf("\nserver RSS during the last export: %s\n", rss.summary())
		}
	}
	return nil
}

// termsAnswer says what /api/terms answered: the hits, the sample, the
// first words.
func termsAnswer(ctx context.Context, client *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var a struct {
		Total  int `json:"total"`
		Sample int `json:"sample"`
		Terms  []struct {
			Text string `json:"text"`
			Lang string `json:"lang"`
		} `json:"terms"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return "", err
	}
	var words []string
	for i, t := range a.Terms {
		if i == 5 {
			break
		}
		words = append(words, t.Text+" ("+t.Lang+")")
	}
	return fmt.Sprintf("%d hits, sample %d: %s", a.Total, a.Sample, strings.Join(words, ", ")), nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cacheHits counts the answers fetch saw come from the server's cache.
var cacheHits int

// fetch reads a whole answer, counting its bytes and lines.
func fetch(ctx context.Context, client *http.Client, u string) (int64, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return 0, 0, fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	if resp.Header.Get("X-Kerko-Cache") == "hit" {
		cacheHits++
	}
	var n int64
	lines := 0
	br := bufio.NewReaderSize(resp.Body, 64<<10)
	for {
		b, err := br.ReadSlice('\n')
		n += int64(len(b))
		if len(b) > 0 && b[len(b)-1] == '\n' {
			lines++
		}
		if errors.Is(err, io.EOF) {
			return n, lines, nil
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return n, lines, err
		}
	}
}

// rssSampler reads a process's resident memory every 20 ms.
type rssSampler struct {
	done    chan struct{}
	wg      sync.WaitGroup
	samples []int64 // kB
}

func (s *rssSampler) start(pid int) {
	s.done = make(chan struct{})
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := rssKB(pid); kb > 0 {
				s.samples = append(s.samples, kb)
			}
			select {
			case <-s.done:
				return
			case <-t.C:
			}
		}
	}()
}

func (s *rssSampler) stop() {
	close(s.done)
	s.wg.Wait()
}

func (s *rssSampler) summary() string {
	if len(s.samples) == 0 {
		return "no samples"
	}
	return fmt.Sprintf("first %d MiB, max %d MiB, last %d MiB (%d samples every 20 ms)",
		s.samples[0]>>10, slices.Max(s.samples)>>10, s.samples[len(s.samples)-1]>>10, len(s.samples))
}

// rssKB is a process's current resident set in kB, or 0.
func rssKB(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
