package cache

import (
	"sync"
	"unsafe"
)

// Memo keeps the answers of a pure function (what an analyzer makes of a
// word, say) in a map bounded by the bytes its entries hold. When an entry
// would take it past its bound it starts over, empty: cheaper per lookup
// than an LRU's bookkeeping, and a pure function's answers are all worth
// the same, so which ones go matters little. It is safe for concurrent use.
// Unlike Cache it never waits: concurrent misses each compute.
type Memo[K comparable, V any] struct {
	size func(K, V) int64 // bytes an entry holds beyond the map's own

	mu     sync.RWMutex
	m      map[K]V
	used   int64
	max    int64
	resets uint64
}

// entryOverhead approximates what a Go map spends per entry beyond its key
// and value (buckets, tophash, load factor).
const entryOverhead = 48

// NewMemo returns a memo of at most maxBytes; size reports the bytes an
// entry holds beyond its fixed-size key and value (a string's or slice's
// backing array).
func NewMemo[K comparable, V any](maxBytes int64, size func(K, V) int64) *Memo[K, V] {
	return &Memo[K, V]{size: size, m: map[K]V{}, max: maxBytes}
}

// Get returns the memoized answer of k.
func (m *Memo[K, V]) Get(k K) (V, bool) {
	m.mu.RLock()
	v, ok := m.m[k]
	m.mu.RUnlock()
	return v, ok
}

// Put memoizes v as the answer of k.
func (m *Memo[K, V]) Put(k K, v V) {
	var zk K
	var zv V
	n := m.size(k, v) + int64(unsafe.Sizeof(zk)+unsafe.Sizeof(zv)) + entryOverhead
	m.mu.Lock()
	defer m.mu.Unlock()
	if n > m.max {
		return
	}
	if m.used+n > m.max {
		clear(m.m)
		// A cleared map keeps its buckets: make a new one so the memory
		// goes back.
		m.m = map[K]V{}
		m.used = 0
		m.resets++
	}
	if _, ok := m.m[k]; !ok {
		m.used += n
	}
	m.m[k] = v
}

// SetMax changes the bound; a memo over it starts over.
func (m *Memo[K, V]) SetMax(maxBytes int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.max = maxBytes
	if m.used > m.max {
		m.m, m.used = map[K]V{}, 0
		m.resets++
	}
}

// MemoStats is what a memo holds and how often it started over.
type MemoStats struct {
	Entries  int    `json:"entries"`
	Bytes    int64  `json:"bytes"`
	MaxBytes int64  `json:"max_bytes"`
	Resets   uint64 `json:"resets"`
}

// Stats returns the memo's size now.
func (m *Memo[K, V]) Stats() MemoStats {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return MemoStats{Entries: len(m.m), Bytes: m.used, MaxBytes: m.max, Resets: m.resets}
}

// StringBytes is a size function for string keys and string values.
func StringBytes(k, v string) int64 { return int64(len(k) + len(v)) }
