package search

import (
	"slices"
	"testing"
	"testing/fstest"

	"kerko/index"
	"kerko/query"
)

// countryArticles is a small real index whose articles name Kazakhstan,
// Türkiye and Kyrgyzstan in known combinations.
func countryArticles(t *testing.T) *Index {
	t.Helper()
	jsonl := `{"id":"kz","lang":"en","title":"Astana","body":"Kazakhstan opened a new railway line in Kazakhstan this week."}
{"id":"tr","lang":"en","title":"Ankara","body":"Turkey raised its interest rate again in Turkey."}
{"id":"kz-tr","lang":"en","title":"Trade","body":"Kazakhstan and Turkey signed a trade agreement."}
{"id":"kz-tr-kg","lang":"en","title":"Summit","body":"Kazakhstan, Turkey and Kyrgyzstan met at a summit."}
{"id":"kg","lang":"tr","title":"Bişkek","body":"Kırgızistan'da seçim yapıldı ve sonuçlar açıklandı."}
`
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{"news.jsonl": {Data: []byte(jsonl)}}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestSearch_CountryMode(t *testing.T) {
	ix := countryArticles(t)
	tests := []struct {
		name   string
		req    Request
		want   []string
		counts map[string]int // country facet
	}{
		// Any: each count is what the value adds (multi-select).
		{"any of KZ, TR", Request{Countries: []string{"KZ", "TR"}},
			[]string{"kz", "tr", "kz-tr", "kz-tr-kg"}, map[string]int{"KZ": 3, "TR": 3, "KG": 2}},
		// All: each count is what the hits would be with the value too.
		{"all of KZ, TR", Request{Countries: []string{"KZ", "TR"}, CountryMode: CountryAll},
			[]string{"kz-tr", "kz-tr-kg"}, map[string]int{"KZ": 2, "TR": 2, "KG": 1}},
		{"all of KZ, TR, KG", Request{Countries: []string{"KZ", "TR", "KG"}, CountryMode: CountryAll},
			[]string{"kz-tr-kg"}, map[string]int{"KZ": 1, "TR": 1, "KG": 1}},
		{"all of one is any of one", Request{Countries: []string{"KG"}, CountryMode: CountryAll},
			[]string{"kz-tr-kg", "kg"}, map[string]int{"KG": 2, "KZ": 1, "TR": 1}},
		{"all with a language filter", Request{Countries: []string{"KZ", "TR"}, CountryMode: CountryAll, Langs: []string{"en"}},
			[]string{"kz-tr", "kz-tr-kg"}, map[string]int{"KZ": 2, "TR": 2, "KG": 1}},
		{"all with words", Request{Query: "summit", Countries: []string{"KZ", "TR"}, CountryMode: CountryAll},
			[]string{"kz-tr-kg"}, map[string]int{"KZ": 1, "TR": 1, "KG": 1}},
		// The box's country: forms (reading.go) are one more country each
		// to match, in either mode; an OR of them is one of several.
		{"all with a typed country", Request{Query: "country:Kirgizistan", Countries: []string{"KZ", "TR"}, CountryMode: CountryAll},
			[]string{"kz-tr-kg"}, map[string]int{"KZ": 1, "TR": 1, "KG": 1}},
		{"all with a typed OR of countries", Request{Query: "country:KZ OR country:KG", Countries: []string{"TR"}, CountryMode: CountryAll},
			[]string{"kz-tr", "kz-tr-kg"}, map[string]int{"KZ": 2, "TR": 2, "KG": 1}},
		{"all typed, none chosen", Request{Query: "country:KZ country:TR", CountryMode: CountryAll},
			[]string{"kz-tr", "kz-tr-kg"}, nil},
		{"any with a typed country", Request{Query: "country:KG", Countries: []string{"KZ", "TR"}},
			[]string{"kz-tr-kg"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, tt.req)
			if got := hitIDs(res); !sameSet(got, tt.want) {
				t.Errorf("hits = %v; want %v", got, tt.want)
			}
			for c, n := range tt.counts {
				if got := facetCount(res, FacetCountry, c); got != n {
					t.Errorf("country facet %s = %d; want %d (%v)", c, got, n, res.Facets[FacetCountry])
				}
			}
			// The language group counts the hits under every filter.
			langs := 0
			for _, v := range res.Facets[FacetLang] {
				langs += v.Count
			}
			if langs != len(tt.want) && len(tt.req.Langs) == 0 {
				t.Errorf("language facet counts %d; want %d", langs, len(tt.want))
			}
		})
	}
	if _, err := ix.Search(t.Context(), Request{Countries: []string{"KZ"}, CountryMode: "both"}); err == nil {
		t.Error("CountryMode both: no error")
	}
}

func TestSearch_CountOnly(t *testing.T) {
	ix := countryArticles(t)
	for _, req := range []Request{
		{Query: "Kazakhstan"},
		{Countries: []string{"KZ", "TR"}, CountryMode: CountryAll},
		{},
		{Query: "Kazakhstan", Sort: SortNewest},
	} {
		full := search(t, ix, req)
		req.CountOnly = true
		res := search(t, ix, req)
		if len(res.Hits) != 0 {
			t.Errorf("%+v: %d hits; want none", req, len(res.Hits))
		}
		if res.Total != full.Total || res.Total == 0 {
			t.Errorf("%+v: total %d; want %d (not 0)", req, res.Total, full.Total)
		}
		for _, g := range FacetGroups {
			if !slices.Equal(res.Facets[g], full.Facets[g]) {
				t.Errorf("%+v: facet %s = %v; want %v", req, g, res.Facets[g], full.Facets[g])
			}
		}
		if !slices.Equal(res.Timeline, full.Timeline) || res.Undated != full.Undated {
			t.Errorf("%+v: timeline %v/%d; want %v/%d", req, res.Timeline, res.Undated, full.Timeline, full.Undated)
		}
	}
}

// TestRead_CountryModeAll checks how Read combines the request's countries
// with the box's country: forms: in all-mode each chosen country is a set
// of its own that must match, as each typed one is; in any-mode the chosen
// ones are one set, which a typed country within it narrows.
func TestRead_CountryModeAll(t *testing.T) {
	for _, tt := range []struct {
		q        string
		url      []string
		mode     string
		want     [][]string
		wantText string
	}{
		{"country:KZ trade", []string{"KZ", "TR"}, CountryAll, [][]string{{"KZ"}, {"TR"}}, "trade"},
		{"country:KG trade", []string{"KZ", "TR"}, CountryAll, [][]string{{"KZ"}, {"TR"}, {"KG"}}, "trade"},
		{"country:KZ country:TR", nil, CountryAll, [][]string{{"KZ"}, {"TR"}}, ""},
		{"(country:KZ OR country:TR) trade", []string{"KG"}, CountryAll, [][]string{{"KG"}, {"KZ", "TR"}}, "trade"},
		{"country:KZ trade", []string{"KZ", "TR"}, CountryAny, [][]string{{"KZ"}}, "trade"},
		{"trade", []string{"KZ", "TR"}, "", [][]string{{"KZ", "TR"}}, "trade"},
	} {
		rd := Read(Request{Query: tt.q, Countries: tt.url, CountryMode: tt.mode})
		text := ""
		if rd.Text != nil {
			text = query.Render(rd.Text)
		}
		if !slices.EqualFunc(rd.Countries, tt.want, slices.Equal) || text != tt.wantText {
			t.Errorf("Read(%q, %v, %q) = %v %q; want %v %q", tt.q, tt.url, tt.mode, rd.Countries, text, tt.want, tt.wantText)
		}
	}
}
