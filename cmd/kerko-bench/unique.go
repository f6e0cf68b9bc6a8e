package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
)

// uniqueQueries makes queries that are asked once in a run: the long tail
// of a search log, which a result cache cannot answer. Each is one word or
// two neighbouring words of an article's title (or, for articles without
// one, the start of its body), so most find something, as typed queries
// do, and both the words and their hits spread over the whole corpus.
type uniqueQueries struct {
	phrases [][]string // the words of each title

	mu   sync.Mutex
	seen map[string]bool
}

// newUniqueQueries reads the titles of the corpus files in dir.
func newUniqueQueries(dir string) (*uniqueQueries, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no corpus files in %s", dir)
	}
	u := &uniqueQueries{seen: map[string]bool{}}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var a struct{ Title, Body string }
			if json.Unmarshal(sc.Bytes(), &a) != nil {
				continue
			}
			text := a.Title
			if text == "" {
				text, _, _ = strings.Cut(a.Body, "\n")
				if len(text) > 120 {
					text = text[:120]
				}
			}
			if w := queryWords(text); len(w) >= 2 {
				u.phrases = append(u.phrases, w)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	if len(u.phrases) == 0 {
		return nil, fmt.Errorf("no titles in %s", dir)
	}
	return u, nil
}

// queryWords splits text into the words a user would type: letters only,
// three or more of them, lowercase.
func queryWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 3 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// next returns a query not returned before in this process.
func (u *uniqueQueries) Next(r *rand.Rand) string {
	for n := 1; ; n++ {
		p := u.phrases[r.IntN(len(u.phrases))]
		i := r.IntN(len(p) - 1)
		// Two words three times in four: single title words run out
		// within a minute at 2,000 requests a second; after many tries
		// (the pairs too are used up) a third word.
		words := 1 + min(len(p)-i-1, 1)
		if r.IntN(4) == 0 {
			words = 1
		}
		if n > 20 {
			words = min(len(p)-i, 3)
		}
		q := strings.Join(p[i:i+words], " ")
		u.mu.Lock()
		fresh := !u.seen[q]
		u.seen[q] = true
		u.mu.Unlock()
		if fresh {
			return q
		}
	}
}

// serverCache reads the cache counters from GET /healthz; ok is false when
// the server has no cache (off, or a kerko without one).
func serverCache(ctx context.Context, base string) (hits, misses uint64, entries int, bytes int64, ok bool) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/healthz", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, 0, 0, 0, false
	}
	defer resp.Body.Close()
	var body struct {
		Cache *struct {
			Hits    uint64 `json:"hits"`
			Misses  uint64 `json:"misses"`
			Entries int    `json:"entries"`
			Bytes   int64  `json:"bytes"`
		} `json:"cache"`
	}
	if decodeJSON(resp.Body, &body) != nil || body.Cache == nil {
		return 0, 0, 0, 0, false
	}
	c := body.Cache
	return c.Hits, c.Misses, c.Entries, c.Bytes, true
}
