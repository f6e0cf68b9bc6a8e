package search

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"kerko/cache"
	"kerko/highlight"
	"kerko/index"
)

// Index is a read-only, searchable view of the published generation of an
// index directory. It follows new generations (Reload, Watch) without
// interrupting searches: a new generation is opened and warmed while the old
// one serves, swapped in atomically, and the old one is closed when the
// searches running on it end (generation.go).
type Index struct {
	dir  string
	opts Options

	reloading sync.Mutex // serialises Reload and Close
	cur       atomic.Pointer[generation]
}

// Options bound the memory an Index's caches hold. Each open generation has
// its own (two while a reload swaps them). Zero values take the defaults.
type Options struct {
	// BodyBytes bounds the decoded bodies of hits (default 16 MiB).
	BodyBytes int64
	// DocFreqBytes bounds the memoized article counts of the words
	// telling words weigh (default DefaultDocFreqBytes).
	DocFreqBytes int64
}

// DefaultBodyBytes is Options.BodyBytes' default.
const DefaultBodyBytes = 16 << 20

// DefaultDocFreqBytes is Options.DocFreqBytes' default.
const DefaultDocFreqBytes = 4 << 20

// Open opens the published generation of dir for searching.
func Open(dir string) (*Index, error) { return OpenWith(dir, Options{}) }

// OpenWith is Open with memory bounds.
func OpenWith(dir string, opts Options) (*Index, error) {
	if opts.BodyBytes <= 0 {
		opts.BodyBytes = DefaultBodyBytes
	}
	if opts.DocFreqBytes <= 0 {
		opts.DocFreqBytes = DefaultDocFreqBytes
	}
	ix := &Index{dir: dir, opts: opts}
	if _, err := ix.Reload(); err != nil {
		return nil, err
	}
	return ix, nil
}

// Reload switches to the published generation if it changed, and reports
// whether it did. The new generation is opened and warmed up while the old
// one keeps serving; Reload returns once the searches still running on the
// old one have ended and it is closed.
func (ix *Index) Reload() (bool, error) {
	ix.reloading.Lock()
	defer ix.reloading.Unlock()
	if name, err := index.PublishedName(ix.dir); err == nil && name == ix.Generation() {
		return false, nil
	}
	g, err := safely1("open generation", func() (*generation, error) { return openGeneration(ix.dir, ix.opts) })
	if err != nil {
		return false, err
	}
	// The new generation serves before Generation names it: a caller
	// that reads the name, searches, and reads the same name again (web's
	// result cache) then knows that its answer came from that generation
	// or a newer one, never from an older one.
	old := ix.cur.Swap(g)
	if old == nil {
		return true, nil
	}
	if err := old.retire(); err != nil {
		return true, fmt.Errorf("close previous generation: %w", err)
	}
	return true, nil
}

// acquire returns the serving generation with a reference taken for one
// search; the caller releases it.
func (ix *Index) acquire() (*generation, error) {
	for {
		g := ix.cur.Load()
		if g == nil {
			return nil, errClosed
		}
		if g.acquire() {
			if err := g.intact(); err != nil {
				g.release()
				return nil, err
			}
			return g, nil
		}
		// Retired between the load and the acquire: a newer one is
		// published already, or the index is closed.
		if ix.cur.Load() == g {
			return nil, errClosed
		}
	}
}

// Watch reloads every interval until ctx ends. onReload (if not nil) hears
// of each generation it moves to; onErr (if not nil) of each failure, after
// which the current generation goes on serving and the next tick retries.
func (ix *Index) Watch(ctx context.Context, interval time.Duration, onReload func(gen string), onErr func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	lastErr := "" // a generation that cannot be opened is reported once, not every tick
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			changed, err := ix.Reload()
			switch {
			case err != nil:
				if err.Error() != lastErr && onErr != nil {
					onErr(err)
				}
				lastErr = err.Error()
			case changed:
				lastErr = ""
				if onReload != nil {
					onReload(ix.Generation())
				}
			}
		}
	}
}

// Count returns the number of articles in the open generation.
func (ix *Index) Count() uint64 {
	if g := ix.cur.Load(); g != nil {
		return g.count
	}
	return 0
}

// Generation names the open generation.
func (ix *Index) Generation() string {
	if g := ix.cur.Load(); g != nil {
		return g.name
	}
	return ""
}

// Close closes the open generation once the searches running on it end.
func (ix *Index) Close() error {
	ix.reloading.Lock()
	defer ix.reloading.Unlock()
	g := ix.cur.Swap(nil)
	if g == nil {
		return nil
	}
	return g.retire()
}

// Search runs req on the serving generation.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("search", func() (*Result, error) { return g.search(ctx, req) })
}

// Article returns the stored article with id.
func (ix *Index) Article(ctx context.Context, id string) (*index.Article, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("article", func() (*index.Article, error) { return g.article(ctx, id) })
}

// Suggest completes prefix with up to n suggestions; ui ("en", "sq", "tr")
// picks which name of a country to show when several match.
func (ix *Index) Suggest(ctx context.Context, prefix, ui string, n int) ([]Suggestion, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("suggest", func() ([]Suggestion, error) { return g.suggest(ctx, prefix, ui, n) })
}

// Related returns up to n articles most similar to the article id.
func (ix *Index) Related(ctx context.Context, id string, n int) ([]Related, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("related", func() ([]Related, error) { return g.related(ctx, id, n) })
}

// MemoryUse reports what the caches of the serving generation and the
// process-wide memos hold, by name.
func (ix *Index) MemoryUse() map[string]cache.MemoStats {
	out := map[string]cache.MemoStats{"word memos": highlight.MemoryUse(), "stop words": stopWords.Stats()}
	if g := ix.cur.Load(); g != nil {
		b := g.bodies.Stats()
		out["bodies"] = cache.MemoStats{Entries: b.Entries, Bytes: b.Bytes, MaxBytes: b.MaxBytes}
		out["term counts"] = g.docFreqs.Stats()
	}
	return out
}
