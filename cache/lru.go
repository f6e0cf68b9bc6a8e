package cache

import (
	"container/list"
	"context"
	"errors"
	"sync"
)

// Cache is a byte-bounded LRU cache with one computation per missing key.
// The zero value is not usable; call New.
type Cache[K comparable, V any] struct {
	max int64

	mu      sync.Mutex
	used    int64
	order   list.List // of *entry[K, V], most recently used first
	entries map[K]*list.Element
	calls   map[K]*call[V] // computations in flight
	stats   Stats
}

type entry[K comparable, V any] struct {
	key  K
	val  V
	size int64
}

// call is one computation that concurrent misses of its key wait for.
type call[V any] struct {
	done chan struct{}
	val  V
	err  error
}

// Stats counts lookups since New, and what the cache holds now.
type Stats struct {
	Hits     uint64 `json:"hits"`   // answered without computing, shared computations included
	Misses   uint64 `json:"misses"` // computed
	Entries  int    `json:"entries"`
	Bytes    int64  `json:"bytes"`
	MaxBytes int64  `json:"max_bytes"`
}

// New returns a cache that keeps at most maxBytes of values (as their
// sizes are reported to Do).
func New[K comparable, V any](maxBytes int64) *Cache[K, V] {
	return &Cache[K, V]{max: maxBytes, entries: map[K]*list.Element{}, calls: map[K]*call[V]{}}
}

// errPanicked tells waiters that the computation they waited for panicked;
// they compute for themselves, and the panic goes on in the caller that had it.
var errPanicked = errors.New("cache: computation panicked")

// Do returns the cached value of key, or computes it with fn. fn returns
// the value, the bytes it holds, and an error; the value is kept only if
// err is nil and size is positive, so fn can decline to keep an answer
// (one computed while the index changed, say) by returning size 0. A
// value larger than an eighth of the bound is never kept: it would evict
// many others for one answer.
//
// While fn runs, other calls with the same key wait for it (or until their
// ctx ends) and share its value. If it fails, each of them runs fn itself:
// the error may belong to the first caller alone (its request was
// cancelled), and errors are never shared through the cache.
//
// hit reports whether the value came without calling fn.
func (c *Cache[K, V]) Do(ctx context.Context, key K, fn func() (V, int64, error)) (v V, hit bool, err error) {
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		c.stats.Hits++
		c.mu.Unlock()
		return el.Value.(*entry[K, V]).val, true, nil
	}
	if cl, ok := c.calls[key]; ok {
		c.mu.Unlock()
		select {
		case <-cl.done:
			if cl.err == nil {
				c.mu.Lock()
				c.stats.Hits++
				c.mu.Unlock()
				return cl.val, true, nil
			}
		case <-ctx.Done():
			var zero V
			return zero, false, ctx.Err()
		}
		// The shared computation failed: run our own, not shared.
		c.mu.Lock()
		c.stats.Misses++
		c.mu.Unlock()
		v, _, err = fn()
		return v, false, err
	}
	cl := &call[V]{done: make(chan struct{}), err: errPanicked}
	c.calls[key] = cl
	c.stats.Misses++
	c.mu.Unlock()

	defer func() {
		// Deferred so that a panicking fn still releases its waiters.
		c.mu.Lock()
		delete(c.calls, key)
		c.mu.Unlock()
		close(cl.done)
	}()
	v, size, err := fn()
	cl.val, cl.err = v, err
	if err == nil && size > 0 {
		c.add(key, v, size)
	}
	return v, false, err
}

// add keeps v under key and evicts the least recently used entries beyond
// the bound.
func (c *Cache[K, V]) add(key K, v V, size int64) {
	if size > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		// A waiter that computed after a failed shared call, or a race
		// with Purge: keep the newer value.
		old := el.Value.(*entry[K, V])
		c.used += size - old.size
		old.val, old.size = v, size
		c.order.MoveToFront(el)
	} else {
		c.entries[key] = c.order.PushFront(&entry[K, V]{key: key, val: v, size: size})
		c.used += size
	}
	for c.used > c.max {
		el := c.order.Back()
		e := el.Value.(*entry[K, V])
		c.order.Remove(el)
		delete(c.entries, e.key)
		c.used -= e.size
	}
}

// Purge drops every entry, for a caller that knows all of them are stale.
func (c *Cache[K, V]) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
	c.order.Init()
	c.used = 0
}

// Stats returns the counters and the current size.
func (c *Cache[K, V]) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Entries, s.Bytes, s.MaxBytes = len(c.entries), c.used, c.max
	return s
}
