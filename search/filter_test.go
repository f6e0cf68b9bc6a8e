package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// TestFilters_TableMatchesQueries checks that the language and date filters
// answered from the facet table keep exactly the articles their Bleve
// queries match, for every undated option and open or closed ranges.
func TestFilters_TableMatchesQueries(t *testing.T) {
	ix := openSeeds(t)
	ctx := context.Background()
	day := func(s string) time.Time { return d(t, s) }
	if tbl := serving(ix).table; tbl == nil || tbl.dates == nil {
		t.Fatalf("no facet table with dates for a kerko index: the table path is not tested")
	}
	tests := []struct {
		name string
		req  Request
	}{
		{"lang", Request{Langs: []string{"tr"}}},
		{"two langs", Request{Query: "Kazakistan", Langs: []string{"tr", "en"}}},
		{"unknown lang", Request{Langs: []string{"xx"}}},
		{"range", Request{From: day("2026-02-01"), To: day("2026-02-28")}},
		{"from only", Request{From: day("2026-02-01")}},
		{"to only", Request{To: day("2026-01-31")}},
		{"range with undated", Request{From: day("2026-02-01"), To: day("2026-02-28"), Undated: UndatedInclude}},
		{"range without undated", Request{From: day("2026-02-01"), To: day("2026-02-28"), Undated: UndatedExclude}},
		{"undated only", Request{From: day("2026-02-01"), Undated: UndatedOnly}},
		{"dated only", Request{Undated: UndatedExclude}},
		{"far range", Request{From: day("0001-01-01"), To: day("9999-12-31")}},
		{"lang and range and country", Request{Langs: []string{"tr"}, Countries: []string{"KZ"}, From: day("2026-01-01")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			main := buildText(Read(tt.req).Text).q
			filters := filterQueries(tt.req, Read(tt.req))
			ids := func(useTable bool) []string {
				sr := bleve.NewSearchRequestOptions(serving(ix).andFilters(main, filters, "", useTable), 1000, 0, false)
				res, err := serving(ix).idx.SearchInContext(ctx, sr)
				if err != nil {
					t.Fatal(err)
				}
				var out []string
				for _, h := range res.Hits {
					out = append(out, h.ID)
				}
				slices.Sort(out)
				return out
			}
			if got, want := ids(true), ids(false); !slices.Equal(got, want) {
				t.Errorf("%+v: table filters keep %v; queries match %v", tt.req, got, want)
			}
		})
	}
}
