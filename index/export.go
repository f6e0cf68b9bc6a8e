package index

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"kerko/query"
)

// An export (web's /api/export) streams every matching article in the
// search's order, page after page, without snippets, facets or bodies. Each
// page starts after the sort key of the last one (Bleve's search_after), so
// a deep page costs what the first does and memory stays that of one page.

// ArticlePage is one page of an export.
type ArticlePage struct {
	// Articles are without their bodies.
	Articles []*Article
	// After is the key to pass for the next page; nil after the last.
	After []string
	Total uint64
}

// ArticlesAfter returns the req.Size articles (default 10) that match req
// and come after the key after in req's order (the first ones for nil).
// The order is Search's: by relevance (ties by id), or by date (undated
// last) then relevance then id. Page and NoFacets are ignored.
func (ix *Index) ArticlesAfter(ctx context.Context, req Request, after []string) (*ArticlePage, error) {
	if err := validUndated(req.Undated); err != nil {
		return nil, err
	}
	if req.Size <= 0 {
		req.Size = 10
	}
	q := query.Parse(req.Query)
	main, _ := textQuery(q)
	sr := bleve.NewSearchRequestOptions(withFilters(main, filterQueries(req), ""), req.Size, 0, false)
	sr.Fields = []string{fieldRecord}
	var order bsearch.SortOrder
	switch req.Sort {
	case "", SortRelevance:
		if q.Empty() && len(req.Countries)+len(req.Orgs) == 0 {
			order = dateSort(true) // browsing: newest first, as Search does
		} else {
			order = bsearch.SortOrder{&bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}}
		}
	case SortNewest:
		order = dateSort(true)
	case SortOldest:
		order = dateSort(false)
	default:
		return nil, fmt.Errorf("%w: unknown sort %q (want relevance, newest or oldest)", ErrBadRequest, req.Sort)
	}
	sr.SortByCustom(order)
	if after != nil {
		if len(after) != len(order) {
			return nil, fmt.Errorf("%w: export key of %d parts, want %d", ErrBadRequest, len(after), len(order))
		}
		sr.SetSearchAfter(after)
	}
	res, err := ix.alias.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("export %q: %w", req.Query, err)
	}
	out := &ArticlePage{Total: res.Total, Articles: make([]*Article, 0, len(res.Hits))}
	for _, h := range res.Hits {
		rec, _ := h.Fields[fieldRecord].(string)
		a, err := readRecord(h.ID, rec)
		if err != nil {
			return nil, fmt.Errorf("export %q: article %q: %w", req.Query, h.ID, err)
		}
		out.Articles = append(out.Articles, a)
	}
	if len(res.Hits) == req.Size {
		last := res.Hits[len(res.Hits)-1]
		out.After = make([]string, len(order))
		for i, s := range order {
			if _, ok := s.(*bsearch.SortScore); ok {
				out.After[i] = strconv.FormatFloat(last.Score, 'g', -1, 64)
			} else {
				out.After[i] = last.Sort[i]
			}
		}
	}
	return out, nil
}
