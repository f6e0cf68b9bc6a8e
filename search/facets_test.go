package search

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"kerko/index"
)

// TestFacets_MatchBleve checks that facets counted from the facet table are
// the ones Bleve counts from doc values, with and without filters.
func TestFacets_MatchBleve(t *testing.T) {
	ix := openSeeds(t)
	ctx := context.Background()
	reqs := []Request{
		{Query: ""}, {Query: "Kazakistan"}, {Query: "Türkiye"}, {Query: "summit"},
		{Query: "Kazakistan", Langs: []string{"tr"}}, {Query: "", Countries: []string{"KZ"}},
		// Language and date filters are applied while counting: each of
		// their groups counts the hits that pass the other filters.
		{Query: "", Langs: []string{"tr", "en"}, From: d(t, "2026-01-01"), To: d(t, "2026-02-28")},
		{Query: "Kazakistan", Langs: []string{"en"}, Countries: []string{"KZ"}, Undated: UndatedExclude},
		{Query: "", Langs: []string{"sq"}, Undated: UndatedOnly},
	}
	for _, req := range reqs {
		got := search(t, ix, req)
		filters := filterQueries(req, Read(req))
		for _, g := range FacetGroups {
			skip := ""
			if _, active := filters[g]; active {
				skip = g
			}
			main := buildText(Read(req).Text).q
			br := bleve.NewSearchRequestOptions(serving(ix).withFilters(main, filters, skip), 0, 0, false)
			br.AddFacet(g, bleve.NewFacetRequest(facetField[g], facetSize[g]))
			res, err := serving(ix).idx.SearchInContext(ctx, br)
			if err != nil {
				t.Fatal(err)
			}
			want := facetValues(res.Facets[g])
			if g == FacetYear {
				want = sortedYears(want)
			}
			if len(want) == 0 && len(got.Facets[g]) == 0 {
				continue
			}
			if !reflect.DeepEqual(got.Facets[g], want) {
				t.Errorf("%+v: facet %s = %v; Bleve counts %v", req, g, got.Facets[g], want)
			}
		}
	}

	// The timeline's months come from the table too.
	for _, req := range append(reqs, Request{Query: "Kazakistan", From: d(t, "2026-01-01")}) {
		got := search(t, ix, req)
		main := buildText(Read(req).Text).q
		skip := ""
		if _, active := filterQueries(req, Read(req))[dateGroup]; active {
			skip = dateGroup
		}
		br := bleve.NewSearchRequestOptions(serving(ix).withFilters(main, filterQueries(req, Read(req)), skip), 0, 0, false)
		br.AddFacet(timelineFacet, bleve.NewFacetRequest(index.FieldMonth, monthFacetSize))
		res, err := serving(ix).idx.SearchInContext(ctx, br)
		if err != nil {
			t.Fatal(err)
		}
		wantTL, wantInterval, wantUndated, _ := timeline(facetValues(res.Facets[timelineFacet]), req.From, req.To)
		if !reflect.DeepEqual(got.Timeline, wantTL) || got.Interval != wantInterval || got.Undated != wantUndated {
			t.Errorf("%+v: timeline %v/%s/%d undated; Bleve counts %v/%s/%d", req, got.Timeline, got.Interval, got.Undated, wantTL, wantInterval, wantUndated)
		}
	}

	if g := serving(ix); g.table == nil {
		t.Errorf("no facet table for a kerko index (%v): facets fall back to doc values", g.tableErr)
	}
}

func d(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func sortedYears(v []FacetValue) []FacetValue {
	out := append([]FacetValue{}, v...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Value > out[j-1].Value; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
