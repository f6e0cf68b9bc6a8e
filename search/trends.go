package search

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/index"
	"kerko/internal/blevex"
)

// Attention over time (web's /api/trends) needs, per query, how many
// articles matched on each day: any interval is summed from days. The
// search's timeline counts months only, so this is a search of its own
// that collects nothing and reads each hit's date from the facet table.

// DayCount is how many articles matched on Day.
type DayCount struct {
	Day   time.Time // midnight UTC
	Count int
}

// CountByDay counts the dated articles that match req's query and filters
// on each day, in day order; days without one are left out, and so are
// undated articles. Page, Size, Sort and NoFacets are ignored. The sum of
// the counts is the dated part of what Search reports as Total for req.
func (ix *Index) CountByDay(ctx context.Context, req Request) ([]DayCount, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("count by day", func() ([]DayCount, error) { return g.countByDay(withGeneration(ctx, g), req) })
}

func (g *generation) countByDay(ctx context.Context, req Request) ([]DayCount, error) {
	if err := validUndated(req.Undated); err != nil {
		return nil, err
	}
	matching, _, _ := g.matchQuery(req)
	dq := &dayCountQuery{g: g, q: matching}
	sr := bleve.NewSearchRequestOptions(dq, 0, 0, false)
	sr.Score = bleve.ScoreNone
	if _, err := g.idx.SearchInContext(ctx, sr); err != nil {
		return nil, fmt.Errorf("count %q by day: %w", req.Query, err)
	}
	total := map[int64]int{}
	for _, m := range dq.counts {
		for ns, n := range m {
			total[ns] += n
		}
	}
	out := make([]DayCount, 0, len(total))
	for ns, n := range total {
		out = append(out, DayCount{Day: time.Unix(0, ns).UTC(), Count: n})
	}
	slices.SortFunc(out, func(a, b DayCount) int { return a.Day.Compare(b.Day) })
	return out, nil
}

// dayCountQuery is q with its hits counted by day and not passed on.
type dayCountQuery struct {
	g      *generation
	q      bquery.Query
	mu     sync.Mutex
	counts []map[int64]int // one per searcher: per day (Unix ns), hits
}

func (dq *dayCountQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := dq.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	counts := map[int64]int{}
	dq.mu.Lock()
	dq.counts = append(dq.counts, counts)
	dq.mu.Unlock()
	if t, ok := dq.g.facetTable(r); ok && t.dates != nil {
		dates := t.dates
		return &passingSearcher{Searcher: s, pass: func(dm *bsearch.DocumentMatch) bool {
			if num, _ := blevex.DocNum(dm.IndexInternalID); num < uint64(len(dates)) && dates[num] != noDate {
				counts[dates[num]]++
			}
			return false
		}}, nil
	}
	// No table (an index kerko did not build): read the date doc values.
	dvr, err := r.DocValueReader([]string{index.FieldDate})
	if err != nil {
		s.Close()
		return nil, err
	}
	return &passingSearcher{Searcher: s, pass: func(dm *bsearch.DocumentMatch) bool {
		_ = dvr.VisitDocValues(dm.IndexInternalID, func(_ string, term []byte) {
			if d, err := time.Parse(dayLayout, string(term)); err == nil {
				counts[clampDate(d).UnixNano()]++
			}
		})
		return false
	}}, nil
}
