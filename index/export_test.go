package index

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// TestIndex_ArticlesAfter pages through every match in small pages: each
// article comes once, all of them come, and in Search's order.
func TestIndex_ArticlesAfter(t *testing.T) {
	ix := openResearch(t, 150)
	for _, req := range []Request{
		{},
		{Query: "alpha", Sort: SortNewest},
		{Query: "gamma", Sort: SortOldest, Langs: []string{"tr", "sq"}},
		{Query: "beta OR alpha"},
		{Query: "beta", Sort: SortRelevance},
		{Query: "nothingmatches"},
	} {
		all := search(t, ix, Request{Query: req.Query, Sort: req.Sort, Langs: req.Langs, Size: 1000, NoFacets: true})
		var got []string
		var after []string
		for page := 0; ; page++ {
			if page > 100 {
				t.Fatalf("ArticlesAfter(%+v): more than 100 pages", req)
			}
			r := req
			r.Size = 7
			p, err := ix.ArticlesAfter(context.Background(), r, after)
			if err != nil {
				t.Fatalf("ArticlesAfter(%+v, %q): %v", req, after, err)
			}
			if p.Total != all.Total {
				t.Errorf("ArticlesAfter(%+v): total %d; Search says %d", req, p.Total, all.Total)
			}
			for _, a := range p.Articles {
				if a.Title == "" || a.Body != "" {
					t.Errorf("article %s: title %q, body %q; want a title and no body", a.ID, a.Title, a.Body)
				}
				got = append(got, a.ID)
			}
			if p.After == nil {
				break
			}
			after = p.After
		}
		want := hitIDs(all)
		if uint64(len(got)) != all.Total {
			t.Errorf("ArticlesAfter(%+v): %d articles; want %d", req, len(got), all.Total)
		}
		if req.Sort == SortNewest || req.Sort == SortOldest || req.Query == "" {
			if !slices.Equal(got, want) {
				t.Errorf("ArticlesAfter(%+v) order\n%v\nwant Search's\n%v", req, got, want)
			}
		} else if !sameSet(got, want) || len(got) != len(want) {
			t.Errorf("ArticlesAfter(%+v) = %v; want the articles %v", req, got, want)
		}
	}
}

func TestIndex_ArticlesAfterBadRequest(t *testing.T) {
	ix := openResearch(t, 10)
	for _, tt := range []struct {
		req   Request
		after []string
	}{
		{Request{Sort: "sideways"}, nil},
		{Request{Undated: "sometimes"}, nil},
		{Request{Query: "alpha"}, []string{"1"}},
	} {
		if _, err := ix.ArticlesAfter(context.Background(), tt.req, tt.after); !errors.Is(err, ErrBadRequest) {
			t.Errorf("ArticlesAfter(%+v, %q) = %v; want ErrBadRequest", tt.req, tt.after, err)
		}
	}
}
