package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"kerko/extract"
)

// TestQueryLift_SameAsParameters: each field filter typed in the box finds
// what the same filter as a URL parameter finds, alone and ANDed with the
// URL's own filters.
func TestQueryLift_SameAsParameters(t *testing.T) {
	ts := researchServer(t, 150, Config{})
	tests := []struct {
		box  url.Values // the query language
		urlp url.Values // the same search with parameters
	}{
		{url.Values{"q": {"lang:tr sınır"}}, url.Values{"q": {"sınır"}, "lang": {"tr"}}},
		{url.Values{"q": {"sınır lang:Turkish"}}, url.Values{"q": {"sınır"}, "lang": {"tr"}}},
		{url.Values{"q": {"LANG:sq"}}, url.Values{"lang": {"sq"}}},
		{url.Values{"q": {"lang:tr OR lang:sq Kosovo"}}, url.Values{"q": {"Kosovo"}, "lang": {"tr", "sq"}}},
		{url.Values{"q": {"country:Kazakistan"}}, url.Values{"country": {"KZ"}}},
		{url.Values{"q": {"country:kz NATO"}}, url.Values{"q": {"NATO"}, "country": {"KZ"}}},
		{url.Values{"q": {"country:Kırgızistan'ın"}}, url.Values{"country": {"KG"}}},
		{url.Values{"q": {"country:KG OR country:Kazakhstan sınır"}}, url.Values{"q": {"sınır"}, "country": {"KG", "KZ"}}},
		{url.Values{"q": {"org:NATO"}}, url.Values{"org": {"NATO"}}},
		{url.Values{"q": {"org:nato Kosovo"}}, url.Values{"q": {"Kosovo"}, "org": {"NATO"}}},
		{url.Values{"q": {"from:2020-03 to:2020-06-15 sınır"}}, url.Values{"q": {"sınır"}, "from": {"2020-03-01"}, "to": {"2020-06-15"}}},
		{url.Values{"q": {"from:2021"}}, url.Values{"from": {"2021-01-01"}}},
		{url.Values{"q": {"to:2020-02"}}, url.Values{"to": {"2020-02-29"}}},
		{url.Values{"q": {`"report 1" from:2020`}}, url.Values{"q": {`"report 1"`}, "from": {"2020-01-01"}}},
		// ANDed with the URL's filters.
		{url.Values{"q": {"lang:tr"}, "lang": {"tr", "en"}}, url.Values{"lang": {"tr"}}},
		{url.Values{"q": {"lang:tr"}, "lang": {"sq"}}, url.Values{"q": {"zzznothing"}}},
		{url.Values{"q": {"country:KZ"}, "country": {"KZ", "KG"}}, url.Values{"country": {"KZ"}}},
		{url.Values{"q": {"country:KZ OR country:KG"}, "country": {"KG"}}, url.Values{"country": {"KG"}}},
		{url.Values{"q": {"from:2020-06"}, "from": {"2020-03-01"}, "to": {"2020-12-31"}}, url.Values{"from": {"2020-06-01"}, "to": {"2020-12-31"}}},
		{url.Values{"q": {"to:2020-06"}, "to": {"2020-09-30"}, "sort": {"oldest"}}, url.Values{"to": {"2020-06-30"}, "sort": {"oldest"}}},
		{url.Values{"q": {"org:NATO"}, "country": {"KZ"}}, url.Values{"org": {"NATO"}, "country": {"KZ"}}},
	}
	for _, tt := range tests {
		a := searchAPI(t, ts.URL, withVals(tt.box, "size", "100"))
		b := searchAPI(t, ts.URL, withVals(tt.urlp, "size", "100"))
		if a.Total != b.Total || !slices.Equal(hitIDsOf(a), hitIDsOf(b)) {
			t.Errorf("%s finds %d %v\n%s finds %d %v", tt.box.Encode(), a.Total, first(hitIDsOf(a), 5), tt.urlp.Encode(), b.Total, first(hitIDsOf(b), 5))
		}
		if a.Total == 0 && tt.urlp.Get("q") != "zzznothing" {
			t.Errorf("%s finds nothing: the comparison checks nothing", tt.box.Encode())
		}
	}
}

func first(ids []string, n int) []string { return ids[:min(n, len(ids))] }

// TestQueryLift_Not: Kosovo NOT Serbia excludes Serbia; it used to find
// articles with both words.
func TestQueryLift_Not(t *testing.T) {
	ts := researchServer(t, 150, Config{})
	kosovo := searchAPI(t, ts.URL, url.Values{"q": {"Kosovo"}, "size": {"1"}}).Total
	both := searchAPI(t, ts.URL, url.Values{"q": {"Kosovo Serbia"}, "size": {"1"}}).Total
	for _, q := range []string{"Kosovo NOT Serbia", "Kosovo -Serbia", "Kosovo AND NOT Serbia", "NOT Serbia Kosovo"} {
		a := searchAPI(t, ts.URL, url.Values{"q": {q}, "size": {"100"}})
		if a.Total != kosovo-both || a.Total == 0 || both == 0 {
			t.Errorf("%q: %d hits; want %d (Kosovo) - %d (both)", q, a.Total, kosovo, both)
		}
		for _, h := range a.Hits {
			if strings.Contains(h.Title, "Serbia") || !strings.Contains(h.Title, "Kosovo") {
				t.Errorf("%q finds %q", q, h.Title)
			}
		}
	}
}

// TestQueryLift_Understood: the line says what was understood, in the
// interface's language; the notes say what was not taken as typed.
func TestQueryLift_Understood(t *testing.T) {
	ts := researchServer(t, 60, Config{})
	q := "country:Kazakistan lang:tr sınır from:2020-03"
	for ui, want := range map[string]string{
		"en": "Turkish articles about Kazakhstan containing ‹sınır›, from 2020-03-01",
		"tr": "Kazakistan hakkında, ‹sınır› içeren Türkçe haberler, 2020-03-01 ve sonrası",
		"sq": "Artikuj në turqisht për " + extract.CountryName("KZ", "sq") + " që përmbajnë ‹sınır›, nga 2020-03-01",
	} {
		a := searchAPI(t, ts.URL, url.Values{"q": {q}, "ui": {ui}})
		if a.Understood != want || len(a.Notes) != 0 {
			t.Errorf("ui=%s: understood %q, notes %q; want %q and none", ui, a.Understood, a.Notes, want)
		}
	}
	tests := []struct {
		q, sameAs, note string
	}{
		{"from:2020-13 sınır", "sınır", "from:2020-13 is not a date"},
		{"sınır to:yesterday", "sınır", "to:yesterday is not a date"},
		{"from:2021 to:2020 sınır", "sınır", "from: is after to: (2021 > 2020): both ignored"},
		{"country:Atlantis sınır", "sınır", `no country "Atlantis"`},
		{"org:Hogwarts sınır", "sınır", `no organization "Hogwarts"`},
		{"lang:klingon sınır", "sınır", `no language "klingon"`},
		{"k* sınır", "k sınır", "a prefix needs at least 2 letters"},
		{`"report 12"~80`, `"report 12"~50`, "~80 is more than ~50: taken as ~50"},
	}
	for _, tt := range tests {
		a := searchAPI(t, ts.URL, url.Values{"q": {tt.q}, "size": {"100"}})
		if !strings.Contains(strings.Join(a.Notes, "\n"), tt.note) {
			t.Errorf("%q: notes %q; want one saying %q", tt.q, a.Notes, tt.note)
		}
		if tt.sameAs != "" {
			b := searchAPI(t, ts.URL, url.Values{"q": {tt.sameAs}, "size": {"100"}})
			if a.Total != b.Total || !slices.Equal(hitIDsOf(a), hitIDsOf(b)) {
				t.Errorf("%q finds %d; %q finds %d", tt.q, a.Total, tt.sameAs, b.Total)
			}
		}
	}
	// The page shows the line for a query that uses the language, and
	// not for plain words.
	_, page, _ := getTimed(t, ts.URL+"/?q="+url.QueryEscape("from:2020-13 Kosovo NOT Serbia"))
	if !strings.Contains(page, `class="understood-line"`) || !strings.Contains(page, "from:2020-13 is not a date") ||
		!strings.Contains(page, "without ‹Serbia›") {
		t.Error("results page lacks the understood line or its note")
	}
	_, page, _ = getTimed(t, ts.URL+"/?q=Kosovo")
	if strings.Contains(page, `class="understood-line"`) {
		t.Error("results page of a plain word shows an understood line")
	}
}

// TestQueryLift_NeverFails: odd queries all get an answer.
func TestQueryLift_NeverFails(t *testing.T) {
	ts := researchServer(t, 20, Config{})
	for _, q := range []string{
		"lang:", "country:", `country:"`, "from:", "((((", "))))", "NOT", "OR AND NOT", "-lang:tr", "title:", `title:"`,
		"country:KZ country:KG", "org:NATO org:UN", "lang:tr lang:sq", "from:2020 from:2021 to:2019", "*", "a*", `"a b"~`, "~3",
		"(lang:tr OR sınır) NOT (country:KZ OR from:2020)", strings.Repeat("country:KZ ", 60), strings.Repeat("(a OR b) ", 40),
		"kaz* -kazak*", "title:k*", "title:re*", `"a b"~50`, `"the of"~3`, "the*", "-source:x", "source:", "(-lang:tr)", "NOT from:2020",
		"re* OR se* OR ka* OR no*", strings.Repeat("re* ", 40), `title:"report 1"~2 -title:report*`, "-(-(-(-x)))",
	} {
		for _, path := range []string{"/api/search?", "/?", "/api/trends?", "/feed.atom?", "/api/export?"} {
			resp, body, _ := getTimed(t, ts.URL+path+url.Values{"q": {q}}.Encode())
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s%q: status %d: %.200s", path, q, resp.StatusCode, body)
			}
		}
	}
}
