package search

import (
	"context"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/internal/blevex"
)

// The language and date filters are answered from the generation's facet
// table (facets.go) rather than by Bleve. As queries they were most of a
// filtered search's cost: Bleve scores every document a filter matches,
// and a date range is a disjunction of dozens of prefix terms walked in
// step with the text query. They are not meant to rank either: the
// language term added the same score to every hit, and the date range's
// prefix terms added a score that depended on which term covered a
// document's date. A table lookup is one array read per hit of the text
// query. Entity filters stay queries: they rank by aboutness (fieldAbout).

// filter is one filter group of a Request.
type filter struct {
	// q is the filter as a Bleve query: how it runs when it ranks, or when
	// the generation has no facet table.
	q bquery.Query
	// keep, if set, answers the filter from a facet table instead; it
	// returns nil when the table cannot (then q runs).
	keep func(t *facetTable) func(num uint64) bool
}

// langKeep keeps the documents whose language is one of langs.
func langKeep(langs []string) func(t *facetTable) func(num uint64) bool {
	return func(t *facetTable) func(num uint64) bool {
		gi := groupIndex(FacetLang)
		if gi < 0 || gi >= len(t.off) {
			return nil
		}
		want := make([]bool, len(t.values[gi]))
		for id, v := range t.values[gi] {
			for _, l := range langs {
				if v == l {
					want[id] = true
				}
			}
		}
		off, ids := t.off[gi], t.ids[gi]
		return func(num uint64) bool {
			if num+1 >= uint64(len(off)) {
				return false
			}
			for _, id := range ids[off[num]:off[num+1]] {
				if want[id] {
					return true
				}
			}
			return false
		}
	}
}

// dateKeep keeps what dateFilter(req) matches: the date range [From, To]
// (whole days) and the undated option. Only call it when dateFilter(req)
// is not nil.
func dateKeep(req Request) func(t *facetTable) func(num uint64) bool {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64) // [lo, hi)
	ranged := !req.From.IsZero() || !req.To.IsZero()
	if !req.From.IsZero() {
		lo = clampDate(req.From).UnixNano()
	}
	if !req.To.IsZero() {
		hi = clampDate(req.To.AddDate(0, 0, 1)).UnixNano()
	}
	var keepDate func(ns int64) bool
	switch {
	case req.Undated == UndatedOnly:
		keepDate = func(ns int64) bool { return ns == noDate }
	case !ranged: // UndatedExclude without a range
		keepDate = func(ns int64) bool { return ns != noDate }
	case req.Undated == UndatedInclude:
		keepDate = func(ns int64) bool { return ns == noDate || lo <= ns && ns < hi }
	default:
		keepDate = func(ns int64) bool { return ns != noDate && lo <= ns && ns < hi }
	}
	return func(t *facetTable) func(num uint64) bool {
		if t.dates == nil {
			return nil
		}
		dates := t.dates
		return func(num uint64) bool {
			return num < uint64(len(dates)) && keepDate(dates[num])
		}
	}
}

// withFilters ANDs main with every filter except the one of group skip.
func (g *generation) withFilters(main bquery.Query, filters map[string]filter, skip string) bquery.Query {
	return g.andFilters(main, filters, skip, true)
}

// andFilters is withFilters; with useTable false every filter runs as its
// Bleve query (what a generation without a facet table does).
func (g *generation) andFilters(main bquery.Query, filters map[string]filter, skip string, useTable bool) bquery.Query {
	keys := make([]string, 0, len(filters))
	for k := range filters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	qs := []bquery.Query{main}
	var table []filter
	for _, k := range keys {
		f := filters[k]
		switch {
		case k == skip:
		case useTable && f.keep != nil:
			table = append(table, f)
		default:
			qs = append(qs, f.q)
		}
	}
	q := main
	if len(qs) > 1 {
		q = bleve.NewConjunctionQuery(qs...)
	}
	if len(table) == 0 {
		return q
	}
	return &tableFilterQuery{g: g, q: q, filters: table}
}

// tableFilterQuery is q with the documents its filters reject left out.
type tableFilterQuery struct {
	g       *generation
	q       bquery.Query
	filters []filter
}

func (fq *tableFilterQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var keeps []func(num uint64) bool
	t, ok := fq.g.facetTable(r)
	for _, f := range fq.filters {
		if !ok {
			break
		}
		k := f.keep(t)
		ok = k != nil
		keeps = append(keeps, k)
	}
	if !ok {
		qs := []bquery.Query{fq.q}
		for _, f := range fq.filters {
			qs = append(qs, f.q)
		}
		return bleve.NewConjunctionQuery(qs...).Searcher(ctx, r, m, opts)
	}
	s, err := fq.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &passingSearcher{Searcher: s, pass: func(dm *bsearch.DocumentMatch) bool {
		num, _ := blevex.DocNum(dm.IndexInternalID)
		for _, k := range keeps {
			if !k(num) {
				return false
			}
		}
		return true
	}}, nil
}

// passingSearcher passes on the matches of its searcher that pass accepts,
// giving the others back to the pool. Table filters and facet counting
// both work this way: one reads the facet table, the other also counts.
type passingSearcher struct {
	bsearch.Searcher
	pass func(*bsearch.DocumentMatch) bool
}

// skip returns dm if it passes, else the next match that does.
func (s *passingSearcher) skip(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for err == nil && dm != nil && !s.pass(dm) {
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.Searcher.Next(ctx)
	}
	return dm, err
}

func (s *passingSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	return s.skip(ctx, dm, err)
}

func (s *passingSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	return s.skip(ctx, dm, err)
}

// sourceKeep keeps the documents whose source is one of sources, letter
// case and diacritics aside (sourceKey).
func sourceKeep(sources []string) func(t *facetTable) func(num uint64) bool {
	return func(t *facetTable) func(num uint64) bool {
		gi := groupIndex(FacetSource)
		if gi < 0 || gi >= len(t.off) {
			return nil
		}
		want := map[string]bool{}
		for _, s := range sources {
			want[sourceKey(s)] = true
		}
		keep := make([]bool, len(t.values[gi]))
		for id, v := range t.values[gi] {
			keep[id] = want[sourceKey(v)]
		}
		off, ids := t.off[gi], t.ids[gi]
		return func(num uint64) bool {
			if num+1 >= uint64(len(off)) {
				return false
			}
			for _, id := range ids[off[num]:off[num+1]] {
				if keep[id] {
					return true
				}
			}
			return false
		}
	}
}
