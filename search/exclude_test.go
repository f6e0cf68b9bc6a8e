package search

import (
	"slices"
	"testing"

	"kerko/internal/fixture"
)

// TestSearch_OnlyExclusions checks that a query made only of exclusions
// excludes: every article but those it names.
func TestSearch_OnlyExclusions(t *testing.T) {
	ix := openSeeds(t)
	all := search(t, ix, Request{})
	for _, tt := range []struct {
		query   string
		without []string
	}{
		{"-Erdoğan", []string{fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}},
		{"-erdogan", []string{fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}},
		{"NOT istanbul", []string{fixture.SeedTrKZTR}},
		{`-"joint declaration"`, []string{fixture.SeedEnErdogan2}},
		{"-istanbul -erdogan", []string{fixture.SeedTrKZTR, fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}},
	} {
		res := search(t, ix, Request{Query: tt.query, Size: 50})
		var want []string
		for _, h := range all.Hits {
			if !slices.Contains(tt.without, h.ID) {
				want = append(want, h.ID)
			}
		}
		if got := hitIDs(res); !sameSet(got, want) || res.Total != uint64(len(want)) {
			t.Errorf("Search(%q) = %v (total %d); want %v", tt.query, got, res.Total, want)
		}
		if n := 0; len(res.Facets[FacetLang]) > 0 {
			for _, v := range res.Facets[FacetLang] {
				n += v.Count
			}
			if n != len(want) {
				t.Errorf("Search(%q): language facet counts %d articles; want %d", tt.query, n, len(want))
			}
		}
	}
}
