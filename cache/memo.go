package cache

import (
	"sync"
	"unsafe"
)

// Memo keeps the answers of a pure function (what an analyzer makes of a
// word, say) in maps bounded together by the bytes their entries hold. It
// is safe for concurrent use and never waits: concurrent misses each
// compute.
//
// It keeps two generations, each of at most half the bound: new answers go
// into the current one, and when that is full it becomes the previous one
// (the older previous is dropped) and a new current starts. An answer found
// in the previous generation is carried into the current one. So the
// answers asked for again and again (the common words of news text) survive
// every turn, and only those not asked for during a whole generation are
// computed again; a single map that started over empty lost them all at
// once, and each start-over cost a burst of recomputation and garbage.
// Lookups stay one or two map reads, cheaper than an LRU's bookkeeping.
type Memo[K comparable, V any] struct {
	size func(K, V) int64 // bytes an entry holds beyond the map's own

	mu       sync.RWMutex
	cur, old map[K]V
	curUsed  int64
	oldUsed  int64
	max      int64 // for both generations together
	resets   uint64
}

// entryOverhead approximates what a Go map spends per entry beyond its key
// and value (buckets, tophash, load factor).
const entryOverhead = 48

// NewMemo returns a memo of at most maxBytes; size reports the bytes an
// entry holds beyond its fixed-size key and value (a string's or slice's
// backing array).
func NewMemo[K comparable, V any](maxBytes int64, size func(K, V) int64) *Memo[K, V] {
	return &Memo[K, V]{size: size, cur: map[K]V{}, max: maxBytes}
}

// Get returns the memoized answer of k.
func (m *Memo[K, V]) Get(k K) (V, bool) {
	m.mu.RLock()
	v, ok := m.cur[k]
	if ok {
		m.mu.RUnlock()
		return v, true
	}
	v, ok = m.old[k]
	m.mu.RUnlock()
	if ok {
		m.Put(k, v) // asked for again: carried into the current generation
	}
	return v, ok
}

func (m *Memo[K, V]) entryBytes(k K, v V) int64 {
	var zk K
	var zv V
	return m.size(k, v) + int64(unsafe.Sizeof(zk)+unsafe.Sizeof(zv)) + entryOverhead
}

// Put memoizes v as the answer of k.
func (m *Memo[K, V]) Put(k K, v V) {
	n := m.entryBytes(k, v)
	m.mu.Lock()
	defer m.mu.Unlock()
	half := m.max / 2
	if n > half {
		return
	}
	if _, ok := m.cur[k]; ok {
		m.cur[k] = v
		return
	}
	if m.curUsed+n > half {
		m.turnLocked()
	}
	m.cur[k] = v
	m.curUsed += n
}

// turnLocked makes the current generation the previous one and starts a
// new, empty current one.
func (m *Memo[K, V]) turnLocked() {
	m.old, m.oldUsed = m.cur, m.curUsed
	// A fresh map, not a cleared one: a cleared map keeps its buckets.
	m.cur, m.curUsed = map[K]V{}, 0
	m.resets++
}

// SetMax changes the bound; a memo over it starts over.
func (m *Memo[K, V]) SetMax(maxBytes int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.max = maxBytes
	if m.curUsed+m.oldUsed > m.max {
		m.cur, m.curUsed = map[K]V{}, 0
		m.old, m.oldUsed = nil, 0
		m.resets++
	}
}

// MemoStats is what a memo holds and how often it started a new
// generation.
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
	return MemoStats{Entries: len(m.cur) + len(m.old), Bytes: m.curUsed + m.oldUsed, MaxBytes: m.max, Resets: m.resets}
}

// StringBytes is a size function for string keys and string values.
func StringBytes(k, v string) int64 { return int64(len(k) + len(v)) }
