package analyzers

import "sync"

// stemCache memoizes a stemming function. News vocabulary is Zipfian, so a
// few thousand words cover most tokens, and Snowball stemmers cost far more
// than a map lookup on the indexing hot path. The cache is bounded: when it
// is full it starts over, which keeps memory flat without LRU bookkeeping.
type stemCache struct {
	mu   sync.RWMutex
	m    map[string]string
	max  int
	stem func(string) string
}

func newStemCache(max int, stem func(string) string) *stemCache {
	return &stemCache{m: make(map[string]string, 1024), max: max, stem: stem}
}

// get returns the stem of term; the []byte→string conversion in the lookup
// does not allocate.
func (c *stemCache) get(term []byte) string {
	c.mu.RLock()
	s, ok := c.m[string(term)]
	c.mu.RUnlock()
	if ok {
		return s
	}
	w := string(term)
	s = c.stem(w)
	c.mu.Lock()
	if len(c.m) >= c.max {
		c.m = make(map[string]string, 1024)
	}
	c.m[w] = s
	c.mu.Unlock()
	return s
}

// stemCacheSize bounds each stemmer's cache (entries, ~100 bytes each).
const stemCacheSize = 1 << 16
