// Package blevex holds every assumption kerko makes about Bleve's scorch
// index beyond Bleve's public API: document numbers in internal ids, the
// concrete types behind Advanced and Reader, the stats the final merge
// waits on, and the registry of async error callbacks. TestInternals checks
// each on a real scorch index, so a Bleve upgrade that changes one fails
// there, by name, rather than as wrong facet counts or a build that never
// ends. Fix this package (and what it feeds), not the test.
package blevex

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// DocNum is the document number scorch encodes in an internal id: 8 bytes,
// big-endian, dense from 0 within a snapshot. kerko's facet table, table
// filters and table sorts (package search) index arrays by it.
func DocNum(id bindex.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// Scorch returns the scorch index under idx.
func Scorch(idx bleve.Index) (*scorch.Scorch, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open index internals: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("index is a %T, not a scorch index", adv)
	}
	return s, nil
}

// Segments is the number of segments in the index's root.
func Segments(s *scorch.Scorch) uint64 {
	m := s.StatsMap()
	f, _ := m["TotFileSegmentsAtRoot"].(uint64)
	mem, _ := m["TotMemorySegmentsAtRoot"].(uint64)
	return f + mem
}

// OnDiskFiles is the number of files of the index's directory that scorch
// counts as in use or awaiting deletion.
func OnDiskFiles(s *scorch.Scorch) uint64 {
	files, _ := s.StatsMap()["CurOnDiskFiles"].(uint64)
	return files
}

var registered sync.Map // name -> struct{}

// RegisterAsyncErrors registers fn, once per name, as the scorch async error
// callback of that name: with unsafe batches a write error (a full disk)
// happens in scorch's persister, which reports it only through such a
// callback, named in the index's config ("asyncErrorCallbackName"). Scorch
// keeps callbacks in a global registry that is not safe to write while
// indexes open, so each name is registered once, before its first use.
func RegisterAsyncErrors(name string, fn func(err error, path string)) {
	if _, loaded := registered.LoadOrStore(name, struct{}{}); loaded {
		return
	}
	scorch.RegistryAsyncErrorCallbacks[name] = fn
}

// HasAsyncErrors reports whether scorch's registry holds a callback named name.
func HasAsyncErrors(name string) bool {
	_, ok := scorch.RegistryAsyncErrorCallbacks[name]
	return ok
}

// DictCountAfterOneHit says that a term dictionary's counts cannot be
// trusted when they read 1: zapx's dictionary iterator reuses one postings
// list and does not clear its one-document state when the next term's
// postings are a bitmap, so after a term that one document holds, every
// term of the same iteration reports DictEntry.Count 1 whatever its real
// count (zapx v17 PostingsList.read). zap writes a term inline only when
// a merge finds it in one document, once, in a field without positions,
// so the folded title and body (positions for phrases), whose counts word
// suggestions and prefix* read, are spared (search's
// TestDictCounts_MergedIndex); keyword and stemmed fields are not. A 1
// is recounted from the term's postings (IndexReader.TermFieldReader)
// where it matters.
// TestDictCountAfterOneHit fails once an upgrade fixes it.
const DictCountAfterOneHit = true

// Automaton is what a dictionary walk follows (vellum's automaton
// interface, as scorch's segments take it).
type Automaton = segment.Automaton

// AutomatonTerms returns the first limit terms, in order, of field's
// dictionary that a accepts. Bleve's own fuzzy dictionary builds its
// automaton inside each call; this walks the segments of a scorch reader
// with an automaton built by the caller, so one automaton can serve
// several fields (package search, fuzzy.go). Terms of deleted documents
// are included, as in Bleve's dictionaries.
func AutomatonTerms(ctx context.Context, r bindex.IndexReader, field string, a Automaton, limit int) ([]string, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("index reader is a %T, not a scorch snapshot", r)
	}
	var terms []string
	segs := snap.Segments()
	for _, ss := range segs {
		d, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, fmt.Errorf("dictionary of %s: %w", field, err)
		}
		it := d.AutomatonIterator(a, nil, nil)
		// Each segment's first limit terms hold the first limit of all.
		for n := 0; n < limit; n++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			e, err := it.Next()
			if err != nil {
				return nil, fmt.Errorf("walk dictionary of %s: %w", field, err)
			}
			if e == nil {
				break
			}
			terms = append(terms, e.Term)
		}
	}
	if len(segs) > 1 {
		slices.Sort(terms)
		terms = slices.Compact(terms)
	}
	return terms[:min(len(terms), limit)], nil
}
