package search

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestTableDateSort_MatchesBleve checks that sorting by date from the facet
// table gives Bleve's order (date, undated last, then score, then id).
func TestTableDateSort_MatchesBleve(t *testing.T) {
	ix := openSeeds(t)
	ctx := context.Background()
	tests := []struct {
		name string
		req  Request
		desc bool
	}{
		{"browse", Request{}, true},
		{"newest", Request{Query: "Kazakistan", Sort: SortNewest}, true},
		{"oldest", Request{Sort: SortOldest}, false},
		{"oldest in a language", Request{Langs: []string{"tr"}, Sort: SortOldest}, false},
		{"newest in a range with undated", Request{From: d(t, "2026-01-01"), Undated: UndatedInclude, Sort: SortNewest}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			req.Size = 100
			res := search(t, ix, req)
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			main := buildText(Read(req).Text).q
			sr := bleve.NewSearchRequestOptions(serving(ix).withFilters(main, filterQueries(req, Read(req)), ""), 100, 0, false)
			sr.SortByCustom(dateSort(tt.desc))
			want, err := serving(ix).idx.SearchInContext(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			var wantIDs []string
			for _, h := range want.Hits {
				wantIDs = append(wantIDs, h.ID)
			}
			if !slices.Equal(got, wantIDs) {
				t.Errorf("Search(%+v) order %v; Bleve sorts %v", req, got, wantIDs)
			}
		})
	}
}
