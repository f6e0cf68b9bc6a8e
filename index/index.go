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

	mu    sync.Mutex // serialises Reload and Close
	gen   string
	open  bleve.Index
	count uint64
}

// Open opens the published generation of dir for searching.
func Open(dir string) (*Index, error) {
	ix := &Index{dir: dir, alias: bleve.NewIndexAlias()}
	if _, err := ix.Reload(); err != nil {
		return nil, err
	}
	return ix, nil
}

// Reload switches to the published generation if it changed, and reports
// whether it did.
func (ix *Index) Reload() (bool, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	name, err := current(ix.dir)
	if err != nil {
		if errors.Is(err, ErrNoIndex) {
			return false, fmt.Errorf("open index %q: %w", ix.dir, err)
		}
		return false, fmt.Errorf("open index %q: %w", ix.dir, err)
	}
	if name == ix.gen {
		return false, nil
	}
	genDir := filepath.Join(ix.dir, name)
	m, err := readMeta(genDir)
	if err != nil {
		return false, fmt.Errorf("open index %q: generation %s is incomplete: %w", ix.dir, name, err)
	}
	if m.Version != MappingVersion {
		return false, fmt.Errorf("open index %q: built by another kerko version (%s, this is %s): run kerko index --full", ix.dir, m.Version, MappingVersion)
	}
	idx, err := bleve.OpenUsing(filepath.Join(genDir, bleveSubdir), map[string]any{"read_only": true, "bolt_timeout": "5s"})
	if err != nil {
		return false, fmt.Errorf("open index %q generation %s: %w", ix.dir, name, err)
	}
	n, err := idx.DocCount()
	if err != nil {
		idx.Close()
		return false, fmt.Errorf("count articles in %s: %w", name, err)
	}
	old := ix.open
	if old == nil {
		ix.alias.Add(idx)
	} else {
		ix.alias.Swap([]bleve.Index{idx}, []bleve.Index{old})
		old.Close()
	}
	ix.open, ix.gen, ix.count = idx, name, n
	go warmFacets(idx)
	return true, nil
}

// Watch reloads every interval until ctx ends, passing errors (a generation
// that fails to open leaves the current one serving) to onErr.
func (ix *Index) Watch(ctx context.Context, interval time.Duration, onErr func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := ix.Reload(); err != nil && onErr != nil {
				onErr(err)
			}
		}
	}
}

// Count returns the number of articles in the open generation.
func (ix *Index) Count() uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.count
}

// Generation names the open generation.
func (ix *Index) Generation() string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.gen
}

// Close closes the open generation.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.open == nil {
		return nil
	}
	ix.alias.Remove(ix.open)
	err := ix.open.Close()
	ix.open = nil
	return err
}
