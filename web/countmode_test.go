package web

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"kerko/search"
)

// TestAPI_SizeZero checks that size=0 is a count: the total, facets and
// timeline of the search, and no hit.
func TestAPI_SizeZero(t *testing.T) {
	ts := seedServer(t)
	for _, q := range []string{"q=Kazakistan", "", "country=KZ&country=TR&country_mode=all", "q=Erdo%C4%9Fan&sort=newest"} {
		var full, count searchJSON
		getJSON(t, ts, "/api/search?"+q, &full)
		getJSON(t, ts, "/api/search?size=0&"+q, &count)
		if len(count.Hits) != 0 || count.Total != full.Total || count.Total == 0 {
			t.Errorf("size=0&%s: %d hits, total %d; want none and %d", q, len(count.Hits), count.Total, full.Total)
		}
		if len(count.Facets["lang"]) == 0 || len(count.Facets["lang"]) != len(full.Facets["lang"]) || len(count.Histogram) != len(full.Histogram) {
			t.Errorf("size=0&%s: facets %v, histogram %v; want those of the full search", q, count.Facets, count.Histogram)
		}
	}
	// The page counts too, without a pager or an empty-results message.
	code, page := get(t, ts, "/?q=Kazakistan&size=0")
	if code != 200 || !strings.Contains(page, `id="results-h"><strong>5</strong>`) || strings.Contains(page, "No articles") || strings.Contains(page, "There are no results") {
		t.Errorf("GET /?q=Kazakistan&size=0 = %d; want the count of 5 and no message", code)
	}
}

// TestAPI_CountryModeAll checks that country_mode=all keeps the articles
// about every chosen country.
func TestAPI_CountryModeAll(t *testing.T) {
	ts := seedServer(t)
	var anyOf, allOf searchJSON
	getJSON(t, ts, "/api/search?country=KZ&country=TR&size=100", &anyOf)
	getJSON(t, ts, "/api/search?country=KZ&country=TR&country_mode=all&size=100", &allOf)
	var both []string
	for _, h := range anyOf.Hits {
		var art struct{ Countries []string }
		getJSON(t, ts, "/api/articles/"+h.ID, &art)
		if slices.Contains(art.Countries, "KZ") && slices.Contains(art.Countries, "TR") {
			both = append(both, h.ID)
		}
	}
	var got []string
	for _, h := range allOf.Hits {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	slices.Sort(both)
	if !slices.Equal(got, both) || len(both) == 0 || len(both) == len(anyOf.Hits) || allOf.Total != len(both) {
		t.Errorf("all of KZ, TR = %v (total %d); want %v, fewer than any of them (%d)", got, allOf.Total, both, len(anyOf.Hits))
	}
	// A country typed in the box is one more that must match, in either
	// mode: country:KZ with country=TR in all-mode is KZ and TR.
	for _, q := range []string{"q=country%3AKZ&country=TR&country_mode=all", "q=country%3AKazakistan+country%3ATR"} {
		var typed searchJSON
		getJSON(t, ts, "/api/search?size=100&"+q, &typed)
		var ids []string
		for _, h := range typed.Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, both) {
			t.Errorf("%s = %v; want %v", q, ids, both)
		}
	}
	// In all-mode a country's count is what the hits would be with it too.
	for _, fv := range allOf.Facets["country"] {
		if (fv.Value == "KZ" || fv.Value == "TR") && fv.Count != len(both) {
			t.Errorf("all-mode count of %s = %d; want %d (every hit)", fv.Value, fv.Count, len(both))
		}
	}
}

// TestPage_CountryModeToggle checks the page's any/all switch and that
// every link and form of the page keeps the mode.
func TestPage_CountryModeToggle(t *testing.T) {
	ts := seedServer(t)
	_, page := get(t, ts, "/?country=KZ&country=TR&country_mode=all&ui=tr")
	if !strings.Contains(page, `class="facet-mode"`) || !regexp.MustCompile(`class="active" aria-current="true">seçilenlerin hepsi<`).MatchString(page) {
		t.Fatalf("no country mode switch with all marked in the page")
	}
	if !strings.Contains(page, `<input type="hidden" name="country_mode" value="all">`) {
		t.Error("the search box does not carry country_mode")
	}
	anyLink := regexp.MustCompile(`<a href="([^"]*)">seçilenlerden biri</a>`).FindStringSubmatch(page)
	if anyLink == nil || strings.Contains(anyLink[1], "country_mode") {
		t.Errorf("the any link %v keeps country_mode", anyLink)
	}
	// A facet value's link keeps the mode.
	if !regexp.MustCompile(`href="/\?[^"]*country_mode=all[^"]*" class="fv`).MatchString(page) {
		t.Error("facet links drop country_mode")
	}
	// Without a chosen country there is no switch.
	if _, page := get(t, ts, "/?q=Kazakistan"); strings.Contains(page, `class="facet-mode"`) {
		t.Error("a country mode switch without a chosen country")
	}
}

// TestReadQuery_CountryModeAll checks that the understood line says how
// the chosen countries combine with each other and with a typed one.
func TestReadQuery_CountryModeAll(t *testing.T) {
	for _, tt := range []struct {
		mode, want string
	}{
		{"", "Articles about Kazakhstan or Türkiye and Kyrgyzstan containing ‹trade›"},
		{search.CountryAll, "Articles about Kazakhstan and Türkiye and Kyrgyzstan containing ‹trade›"},
	} {
		qr := readQuery(search.Request{Query: "country:KG trade", Countries: []string{"KZ", "TR"}, CountryMode: tt.mode}, "en")
		if qr.Understood != tt.want {
			t.Errorf("mode %q: understood %q; want %q", tt.mode, qr.Understood, tt.want)
		}
	}
}
