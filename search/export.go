package search

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/index"
)

// An export (web's /api/export) streams every matching article in the
// search's order, page after page, without snippets, facets or bodies. Each
// page starts after the sort key of the last one (Bleve's search_after), so
// a deep page costs what the first does and memory stays that of one page.

// ArticlePage is one page of an export.
type ArticlePage struct {
	// Articles are without their bodies.
	Articles []*index.Article
	// After is the key to pass for the next page; nil after the last.
	After []string
	Total uint64
}

// ArticlesAfter returns the req.Size articles (default 10) that match req
// and come after the key after in req's order (the first ones for nil).
// The order is Search's: by relevance (ties by id), or by date (undated
// last) then relevance then id. Page and NoFacets are ignored.
func (ix *Index) ArticlesAfter(ctx context.Context, req Request, after []string) (*ArticlePage, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("export", func() (*ArticlePage, error) { return g.articlesAfter(withGeneration(ctx, g), req, after) })
}

func (g *generation) articlesAfter(ctx context.Context, req Request, after []string) (*ArticlePage, error) {
	if err := validUndated(req.Undated); err != nil {
		return nil, err
	}
	if req.Size <= 0 {
		req.Size = 10
	}
	filtered, rd, _ := g.matchQuery(req)
	byDate, desc := false, true
	switch req.Sort {
	case "", SortRelevance:
		// Browsing: newest first, as Search does.
		byDate = !rd.Rankable()
	case SortNewest:
		byDate = true
	case SortOldest:
		byDate, desc = true, false
	default:
		return nil, fmt.Errorf("%w: unknown sort %q (want relevance, newest or oldest)", ErrBadRequest, req.Sort)
	}
	search := func(top bquery.Query, order bsearch.SortOrder) (*bleve.SearchResult, bsearch.SortOrder, error) {
		sr := bleve.NewSearchRequestOptions(top, req.Size, 0, false)
		sr.Fields = []string{index.FieldRecord}
		sr.SortByCustom(order)
		if after != nil {
			if len(after) != len(order) {
				return nil, nil, fmt.Errorf("%w: export key of %d parts, want %d", ErrBadRequest, len(after), len(order))
			}
			sr.SetSearchAfter(after)
		}
		res, err := g.idx.SearchInContext(ctx, sr)
		return res, order, err
	}
	var (
		res   *bleve.SearchResult
		order bsearch.SortOrder
		err   error
	)
	if byDate {
		// By date from the facet table (sort.go): every page sorts all
		// the hits again, and Bleve's doc values made that most of it.
		b := &sortBinding{}
		res, order, err = search(&tableSortQuery{g: g, q: filtered, b: b}, tableDateSort(desc, b))
		if errors.Is(err, errNoTableSort) {
			res, order, err = search(filtered, dateSort(desc))
		}
	} else {
		res, order, err = search(filtered, bsearch.SortOrder{&bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}})
	}
	if err != nil {
		return nil, fmt.Errorf("export %q: %w", req.Query, err)
	}
	out := &ArticlePage{Total: res.Total, Articles: make([]*index.Article, 0, len(res.Hits))}
	for _, h := range res.Hits {
		rec, _ := h.Fields[index.FieldRecord].(string)
		a, err := index.ReadRecord(h.ID, rec)
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

// tableSortQuery is q with b bound to the facet table of the reader it
// runs on, for tableDateSort; it fails with errNoTableSort without one.
type tableSortQuery struct {
	g *generation
	q bquery.Query
	b *sortBinding
}

func (tq *tableSortQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	t, ok := tq.g.facetTable(r)
	if !ok || t.dates == nil || t.idRank == nil {
		return nil, errNoTableSort
	}
	tq.b.t = t
	return tq.q.Searcher(ctx, r, m, opts)
}
