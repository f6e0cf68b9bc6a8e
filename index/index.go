package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// Index is a read-only, searchable view of the published generation of an
// index directory. It follows new generations (Reload, Watch) without
// interrupting searches: the new generation is swapped in behind a Bleve
// index alias, which waits for searches in flight before the old one closes.
type Index struct {
	dir   string
	alias bleve.IndexAlias

	reloading sync.Mutex // serialises Reload and Close

	// mu guards the fields below and is never held while opening. Readers
	// of the term dictionaries hold it shared for their whole read (see
	// withReader): an exclusive lock there serialised every did-you-mean
	// and related-articles lookup of all concurrent requests.
	mu    sync.RWMutex
	gen   string
	open  bleve.Index
	count uint64

	entities entityCounts // for suggestions, per generation
}

// ErrVersion is returned when the published generation was built with other
// analyzers, mapping or extraction than this kerko's: it needs a full rebuild.
var ErrVersion = errors.New("index built by another kerko version")

// Open opens the published generation of dir for searching.
func Open(dir string) (*Index, error) {
	ix := &Index{dir: dir, alias: bleve.NewIndexAlias()}
	if _, err := ix.Reload(); err != nil {
		return nil, err
	}
	return ix, nil
}

// Reload switches to the published generation if it changed, and reports
// whether it did. The new generation is opened and warmed up while the old
// one keeps serving; only the swap itself waits for searches in flight.
func (ix *Index) Reload() (bool, error) {
	ix.reloading.Lock()
	defer ix.reloading.Unlock()
	name, err := CurrentGeneration(ix.dir)
	if err == nil && name == ix.Generation() {
		return false, nil
	}
	// The published generation's state, sizes checked against its
	// manifest (VerifySizes) before Bleve maps any of it.
	st := ReadState(ix.dir)
	if err := st.Err(); err != nil {
		return false, err
	}
	name, genDir := st.Generation, st.GenDir()
	idx, err := bleve.OpenUsing(filepath.Join(genDir, bleveSubdir), map[string]any{"read_only": true, "bolt_timeout": "5s"})
	if err != nil {
		return false, ExplainOpenError(genDir, err)
	}
	n, err := idx.DocCount()
	if err != nil {
		idx.Close()
		return false, fmt.Errorf("count articles in %s: %w", name, err)
	}
	if err := loadDicts(genDir); err != nil {
		idx.Close()
		return false, fmt.Errorf("open index %q generation %s: %w", ix.dir, name, err)
	}
	warmUp(idx)
	// Load the generation's facet table ahead of its first search.
	go warmFacets(idx)

	ix.mu.RLock()
	old := ix.open
	ix.mu.RUnlock()
	// The alias serves the new generation before Generation names it: a
	// caller that reads the name, searches, and reads the same name again
	// (web's result cache) then knows that its answer came from that
	// generation or a newer one, never from an older one.
	if old == nil {
		ix.alias.Add(idx)
	} else {
		// Swap waits for the searches running on old, so closing it after
		// cannot fail one of them.
		ix.alias.Swap([]bleve.Index{idx}, []bleve.Index{old})
	}
	ix.mu.Lock()
	ix.open, ix.gen, ix.count = idx, name, n
	ix.mu.Unlock()
	if old == nil {
		return true, nil
	}
	// Taking ix.mu above waited for the dictionary readers of old.
	if err := old.Close(); err != nil {
		return true, fmt.Errorf("close previous generation: %w", err)
	}
	return true, nil
}

// warmUp runs one faceted search over a freshly opened generation so that
// the first user's search does not pay for paging in its doc values and
// dictionaries.
func warmUp(idx bleve.Index) {
	sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	for _, g := range FacetGroups {
		if f := facetField[g]; f != "" {
			sr.AddFacet(g, bleve.NewFacetRequest(f, facetSize[g]))
		}
	}
	sr.SortByCustom(dateSort(true))
	idx.Search(sr) // an error here shows up again, and is reported, on real searches
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
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.count
}

// Generation names the open generation.
func (ix *Index) Generation() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.gen
}

// Close closes the open generation.
func (ix *Index) Close() error {
	ix.reloading.Lock()
	defer ix.reloading.Unlock()
	ix.mu.Lock()
	open := ix.open
	ix.open, ix.gen = nil, ""
	ix.mu.Unlock()
	if open == nil {
		return nil
	}
	ix.alias.Remove(open)
	return open.Close()
}
