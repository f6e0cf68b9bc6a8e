package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/cache"
	"kerko/index"
)

// A generation is one published generation open for searching, with
// everything kerko derives from it: the Bleve index, its facet table, the
// decoder of its bodies, the decoded bodies of its hits, and
// its entity counts and persons. Nothing derived from index data lives outside it, so two
// generations (the one serving and the one being warmed, or two indexes in
// one process) never see each other's data, and closing one frees all of it.
//
// Its lifetime is counted: the Index that publishes it holds one reference,
// and each search holds one while it runs. retire drops the publisher's; the
// last release closes it.
type generation struct {
	name  string
	idx   bleve.Index
	count uint64

	dec *index.BodyDecoder
	// bodies are decoded hit bodies by article id. Hits recur: the same
	// articles answer many searches, and each results page decodes ten
	// bodies for its snippets (BenchmarkDecodeBody).
	bodies *cache.Cache[string, string]
	// written are the written forms of folded terms that suggestions
	// showed (suggestwords.go).
	written *cache.Cache[string, string]
	// docFreqs are the article counts of terms that telling words read
	// (terms.go), by field and term.
	docFreqs *cache.Memo[string, uint64]

	tableOnce sync.Once
	table     *facetTable
	tableErr  error

	entityMu sync.Mutex
	entities *entityCounts

	peopleMu sync.Mutex
	people   *personTable

	// mapped are the segment files Bleve maps, with their sizes when
	// opened (intact.go).
	mapped      []mappedFile
	damagedOnce sync.Once

	mu       sync.Mutex
	refs     int // the publisher's (until retired) plus one per search
	retired  bool
	drained  chan struct{} // closed once the last reference is released
	closeErr error
}

// errClosed is returned when the index was closed before or under a search.
var errClosed = errors.New("index is closed")

// openGeneration opens the published generation of the index directory dir
// (its state checked by index.OpenPublished) and warms
// it: the first search on it does not pay for paging in its doc values.
func openGeneration(dir string, opts Options) (*generation, error) {
	name, idx, dec, err := index.OpenPublished(dir)
	if err != nil {
		return nil, err
	}
	n, err := idx.DocCount()
	if err != nil {
		idx.Close()
		dec.Close()
		return nil, fmt.Errorf("count articles in %s: %w", name, err)
	}
	g := &generation{
		name: name, idx: idx, count: n, dec: dec,
		bodies:   cache.New[string, string](opts.BodyBytes),
		written:  cache.New[string, string](writtenMemoBytes),
		docFreqs: cache.NewMemo(opts.DocFreqBytes, func(k string, _ uint64) int64 { return int64(len(k)) }),
		refs:     1,
		drained:  make(chan struct{}),
		mapped:   mappedFiles(filepath.Join(dir, name)),
	}
	g.warmUp()
	return g, nil
}

// warmUp runs one faceted search over the generation and loads its facet
// table, so that the first user's search does not pay for paging in its doc
// values and dictionaries. Errors show up again, and are reported, on real
// searches.
func (g *generation) warmUp() {
	sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	for _, fg := range FacetGroups {
		if f := facetField[fg]; f != "" {
			sr.AddFacet(fg, bleve.NewFacetRequest(f, facetSize[fg]))
		}
	}
	sr.SortByCustom(dateSort(true))
	g.idx.Search(sr)
	g.withReader(func(r bindex.IndexReader) error {
		g.facetTable(r)
		return nil
	})
	// Every page with a person facet shows their names.
	g.persons()
}

// acquire takes a reference for one search; false once the generation is
// retired and drained or draining.
func (g *generation) acquire() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.retired {
		// Searches that started before the swap finish here; a new one
		// goes to the generation that replaced it.
		return false
	}
	g.refs++
	return true
}

// release drops a reference; the last one closes the generation.
func (g *generation) release() {
	g.mu.Lock()
	g.refs--
	last := g.refs == 0
	g.mu.Unlock()
	if !last {
		return
	}
	err := g.idx.Close()
	g.dec.Close()
	g.mu.Lock()
	g.closeErr = err
	g.mu.Unlock()
	close(g.drained)
}

// retire drops the publisher's reference: searches running on g finish,
// new ones go elsewhere, and the last of them closes g. It waits for that
// and returns the error of closing.
func (g *generation) retire() error {
	g.mu.Lock()
	if g.retired {
		g.mu.Unlock()
		<-g.drained
		return nil
	}
	g.retired = true
	g.mu.Unlock()
	g.release()
	<-g.drained
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.closeErr
}

// withReader runs fn on a reader of the generation's index (the term
// dictionaries are read from one, not through a search).
func (g *generation) withReader(fn func(r bindex.IndexReader) error) error {
	adv, err := g.idx.Advanced()
	if err != nil {
		return fmt.Errorf("index internals: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("index reader: %w", err)
	}
	defer r.Close()
	return fn(r)
}

// body returns the text of a hit's stored body, from the cache when it can.
func (g *generation) body(ctx context.Context, id, stored string) (string, error) {
	text, _, err := g.bodies.Do(ctx, id, func() (string, int64, error) {
		text, err := g.dec.Decode(stored)
		return text, int64(len(text) + len(id)), err
	})
	return text, err
}

// facetTable returns the generation's facet table, read from r on first use.
// A read-only generation serves every search from the same snapshot, so the
// table read from one reader holds for all of them.
func (g *generation) facetTable(r bindex.IndexReader) (*facetTable, bool) {
	g.tableOnce.Do(func() {
		g.table, g.tableErr = loadFacetTable(r)
		if g.tableErr != nil {
			// Searches still work, counting facets from doc values and
			// sorting with Bleve, only slower: said once, with why.
			slog.Warn("facet table not loaded; facets are counted without it", "generation", g.name, "err", g.tableErr)
		}
	})
	return g.table, g.tableErr == nil
}
