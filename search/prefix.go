package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/index"
)

// A prefix* stands for the words of the folded fields that begin with it
// (folded as the fields are: Kırgız* is kirgiz*), at most maxPrefixWords of
// them, the most frequent first; a note says so when there were more. The
// folded fields hold every article's words unstemmed, so the expansion is
// words people wrote, and one dictionary covers the three languages; the
// stemmed fields are not searched, as for phrases. The parser lets no
// prefix shorter than query.MinPrefix through.

const (
	// maxPrefixWords bounds the words one prefix stands for: each is a
	// term searcher over both folded fields.
	maxPrefixWords = 64
	// maxPrefixScan bounds the dictionary entries read per prefix and
	// field; a two-letter prefix of a large index has some thousands.
	maxPrefixScan = 200_000
)

// prefixQuery is text* in the folded title (and body, unless titleOnly).
// Its expansion is read from the first reader it runs on and kept: every
// search of one plan runs on the same read-only generation.
type prefixQuery struct {
	typed     string   // as typed, without the *
	words     []string // folded words before the last (a hyphenated prefix)
	prefix    string   // the last word, folded: what is expanded
	titleOnly bool

	once  sync.Once
	terms []string // the expansion, most frequent first
	found int      // words that begin with prefix (the scan's, if cut)
	err   error
}

func newPrefixQuery(text string, titleOnly bool) *prefixQuery {
	pq := &prefixQuery{typed: text, titleOnly: titleOnly}
	toks := analyze(analyzers.FoldedAnalyzer, text)
	for i, t := range toks {
		if i == len(toks)-1 {
			pq.prefix = string(t.Term)
		} else {
			pq.words = append(pq.words, string(t.Term))
		}
	}
	return pq
}

func (pq *prefixQuery) fields() []string {
	if pq.titleOnly {
		return []string{index.TitleField(index.Folded)}
	}
	return []string{index.TitleField(index.Folded), index.BodyField(index.Folded)}
}

// boostOf is a folded field's boost as textFields give it.
func boostOf(field string) float64 {
	for _, f := range textFields {
		if f.name == field {
			return f.boost
		}
	}
	return 1
}

// expand reads the words beginning with the prefix from r's dictionaries.
func (pq *prefixQuery) expand(r bindex.IndexReader) ([]string, int, error) {
	if pq.prefix == "" {
		return nil, 0, nil
	}
	counts := map[string]uint64{}
	for _, f := range pq.fields() {
		d, err := r.FieldDictPrefix(f, []byte(pq.prefix))
		if err != nil {
			return nil, 0, fmt.Errorf("words beginning %q: %w", pq.prefix, err)
		}
		for n := 0; n < maxPrefixScan; n++ {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, 0, fmt.Errorf("words beginning %q: %w", pq.prefix, err)
			}
			if e == nil {
				break
			}
			counts[e.Term] += e.Count
		}
		if err := d.Close(); err != nil {
			return nil, 0, fmt.Errorf("words beginning %q: %w", pq.prefix, err)
		}
	}
	terms := make([]string, 0, len(counts))
	for t := range counts {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		if counts[a] != counts[b] {
			if counts[a] > counts[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return terms[:min(len(terms), maxPrefixWords)], len(terms), nil
}

func (pq *prefixQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	pq.once.Do(func() { pq.terms, pq.found, pq.err = pq.expand(r) })
	if pq.err != nil {
		return nil, pq.err
	}
	if len(pq.terms) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	var subs []bsearch.Searcher
	for _, f := range pq.fields() {
		s, err := searcher.NewMultiTermSearcher(ctx, r, pq.terms, f, boostOf(f), opts, false)
		if err != nil {
			for _, s := range subs {
				s.Close()
			}
			return nil, err
		}
		subs = append(subs, s)
	}
	prefixed, err := searcher.NewDisjunctionSearcher(ctx, r, subs, 1, opts)
	if err != nil || len(pq.words) == 0 {
		return prefixed, err
	}
	// kara-deni* is kara followed by words beginning deni, anywhere.
	parts := []bsearch.Searcher{prefixed}
	for _, w := range pq.words {
		mq := bleve.NewMatchQuery(w)
		mq.Analyzer = analyzers.FoldedAnalyzer
		var ds []bsearch.Searcher
		for _, f := range pq.fields() {
			mq.SetField(f)
			s, err := mq.Searcher(ctx, r, m, opts)
			if err != nil {
				return nil, err
			}
			ds = append(ds, s)
		}
		d, err := searcher.NewDisjunctionSearcher(ctx, r, ds, 1, opts)
		if err != nil {
			return nil, err
		}
		parts = append(parts, d)
	}
	return searcher.NewConjunctionSearcher(ctx, r, parts, opts)
}

// note is what the expansion leaves out, if anything (after the search).
func (pq *prefixQuery) note() (Note, bool) {
	if len(pq.terms) == 0 || pq.found <= len(pq.terms) {
		return Note{}, false
	}
	return Note{Kind: NotePrefixCut, Text: pq.typed, N: len(pq.terms), Of: pq.found}, true
}
