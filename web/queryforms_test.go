package web

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// facetLink is one value of a facet group on a results page.
type facetLink struct {
	value, href string
	selected    bool
}

// pageLinks parses a results page: its facet values per group, the
// links of the lifted filters, the group clear links and "clear all".
type pageLinks struct {
	facets map[string][]facetLink
	lifted map[string]string // label -> href
	clears map[string]string // group -> href
	all    string
}

func parsePage(t *testing.T, page string) pageLinks {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pl := pageLinks{facets: map[string][]facetLink{}, lifted: map[string]string{}, clears: map[string]string{}}
	get := func(n *html.Node, key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	hasClass := func(n *html.Node, c string) bool { return slices.Contains(strings.Fields(get(n, "class")), c) }
	text := func(n *html.Node) string {
		var b strings.Builder
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(n)
		return strings.TrimSpace(b.String())
	}
	var walk func(n *html.Node, group string, lifted bool)
	walk = func(n *html.Node, group string, lifted bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "section" && hasClass(n, "facet"):
				group = get(n, "data-group")
			case n.Data == "p" && hasClass(n, "lifted"):
				lifted = true
			case n.Data == "a" && hasClass(n, "fv") && group != "":
				pl.facets[group] = append(pl.facets[group], facetLink{get(n, "data-value"), get(n, "href"), hasClass(n, "selected")})
			case n.Data == "a" && hasClass(n, "facet-clear"):
				pl.clears[group] = get(n, "href")
			case n.Data == "a" && hasClass(n, "clear"):
				pl.all = get(n, "href")
			case n.Data == "a" && lifted:
				pl.lifted[strings.TrimSuffix(text(n), " ×")] = get(n, "href")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, group, lifted)
		}
	}
	walk(doc, "", false)
	return pl
}

func (pl pageLinks) value(group, v string) (facetLink, bool) {
	for _, l := range pl.facets[group] {
		if l.value == v {
			return l, true
		}
	}
	return facetLink{}, false
}

// query reads the parameters of a page link.
func linkParams(t *testing.T, href string) url.Values {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

// TestPage_LiftedFiltersClear: a filter typed in the box shows selected in
// its facet group, and its link leaves the box without it (and the
// parameters too, when they name the same value); the understood line
// lists it with a link that removes it; clearing the group or every filter
// clears the box's filters as well.
func TestPage_LiftedFiltersClear(t *testing.T) {
	ts := researchServer(t, 150, Config{})
	page := func(v url.Values) pageLinks {
		t.Helper()
		resp, body, _ := getTimed(t, ts.URL+"/?"+v.Encode())
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /?%s: %d", v.Encode(), resp.StatusCode)
		}
		return parsePage(t, body)
	}
	pl := page(url.Values{"q": {"country:KZ sınır lang:tr"}})
	kz, ok := pl.value("country", "KZ")
	if !ok || !kz.selected {
		t.Fatalf("country facet of q=country:KZ: %+v; want KZ selected", pl.facets["country"])
	}
	if got := linkParams(t, kz.href); got.Get("q") != "sınır lang:tr" || got.Has("country") {
		t.Errorf("unselecting KZ leads to %v; want q=sınır lang:tr", got)
	}
	if tr, ok := pl.value("lang", "tr"); !ok || !tr.selected || linkParams(t, tr.href).Get("q") != "country:KZ sınır" {
		t.Errorf("lang facet of lang:tr: %+v", pl.facets["lang"])
	}
	if en, ok := pl.value("lang", "en"); ok && en.selected {
		t.Errorf("lang en shows selected")
	}
	if got := linkParams(t, pl.lifted["country:KZ"]); got.Get("q") != "sınır lang:tr" {
		t.Errorf("lifted links %v; want country:KZ removing it", pl.lifted)
	}
	if got := linkParams(t, pl.lifted["lang:tr"]); got.Get("q") != "country:KZ sınır" {
		t.Errorf("lifted links %v; want lang:tr removing it", pl.lifted)
	}
	if got := linkParams(t, pl.clears["country"]); got.Get("q") != "sınır lang:tr" {
		t.Errorf("country clear link %q", pl.clears["country"])
	}
	if got := linkParams(t, pl.all); got.Get("q") != "sınır" {
		t.Errorf("clear all link %q; want q=sınır", pl.all)
	}
	// Following the link finds what the search without the filter finds.
	a := searchAPI(t, ts.URL, linkParams(t, kz.href))
	b := searchAPI(t, ts.URL, url.Values{"q": {"sınır"}, "lang": {"tr"}})
	if a.Total != b.Total || a.Total == 0 {
		t.Errorf("unselected: %d hits; q=sınır&lang=tr: %d", a.Total, b.Total)
	}

	// In the box and in the parameters: one click unselects both.
	pl = page(url.Values{"q": {"country:KZ OR country:KG"}, "country": {"KZ"}})
	kz, _ = pl.value("country", "KZ")
	kg, _ := pl.value("country", "KG")
	if !kz.selected || !kg.selected {
		t.Fatalf("country facet: %+v; want KZ and KG selected", pl.facets["country"])
	}
	if got := linkParams(t, kz.href); got.Get("q") != "country:KG" || got.Has("country") {
		t.Errorf("unselecting KZ leads to %v; want q=country:KG and no parameter", got)
	}
	// A value selected by the parameters only toggles its parameter.
	pl = page(url.Values{"q": {"sınır"}, "country": {"KG"}})
	if kg, _ := pl.value("country", "KG"); !kg.selected || linkParams(t, kg.href).Get("q") != "sınır" || linkParams(t, kg.href).Has("country") {
		t.Errorf("parameter value KG: %+v", kg)
	}
	if len(pl.lifted) != 0 {
		t.Errorf("lifted links without lifted filters: %v", pl.lifted)
	}
	// Dates from the box are listed too.
	pl = page(url.Values{"q": {"sınır from:2020-06"}})
	if got := linkParams(t, pl.lifted["from:2020-06"]); got.Get("q") != "sınır" {
		t.Errorf("lifted links %v; want from:2020-06 removing it", pl.lifted)
	}
}

// TestAPI_QueryForms: the forms the planner runs answer through the API,
// a prefix standing for more words than it searched says so.
func TestAPI_QueryForms(t *testing.T) {
	ts := researchServer(t, 150, Config{})
	a := searchAPI(t, ts.URL, url.Values{"q": {"report*"}, "size": {"1"}})
	// report, report0 … report149 and more.
	if len(a.Notes) != 1 || !regexp.MustCompile(`^report\* begins 1[5-9]\d words: the 64 most frequent were searched$`).MatchString(a.Notes[0]) {
		t.Errorf("notes %q; want one saying report* begins over 150 words, of which 64 were searched", a.Notes)
	}
	for _, tt := range []struct{ box, same url.Values }{
		{url.Values{"q": {"title:Kosovo"}}, url.Values{"q": {"Kosovo"}}}, // titles and bodies name the same
		{url.Values{"q": {"-lang:tr Kosovo"}}, url.Values{"q": {"Kosovo"}, "lang": {"sq", "en", "und"}}},
		{url.Values{"q": {"source:anadolu"}}, url.Values{"source": {"Anadolu"}}},
		{url.Values{"q": {"source:Anadolu OR source:telegrafi"}}, url.Values{"source": {"Anadolu", "Telegrafi"}}},
		{url.Values{"q": {"NATO -source:Anadolu"}}, url.Values{"q": {"NATO"}, "source": {"Radio Azattyk", "Telegrafi"}}},
		{url.Values{"q": {`"report 12 is"~0`}}, url.Values{"q": {`"report 12 is"`}}},
	} {
		a, b := searchAPI(t, ts.URL, withVals(tt.box, "size", "100")), searchAPI(t, ts.URL, withVals(tt.same, "size", "100"))
		// The same articles; title: ranks them by their titles alone.
		if a.Total != b.Total || !slices.Equal(slices.Sorted(slices.Values(hitIDsOf(a))), slices.Sorted(slices.Values(hitIDsOf(b)))) || a.Total == 0 {
			t.Errorf("%s finds %d; %s finds %d", tt.box.Encode(), a.Total, tt.same.Encode(), b.Total)
		}
	}
}

// TestAPI_SourceFacet: the source is a facet group like the others: its
// counts, a repeatable filter (ORed), the page's multi-select, the export.
func TestAPI_SourceFacet(t *testing.T) {
	ts := researchServer(t, 90, Config{})
	var all struct {
		Total  int `json:"total"`
		Facets map[string][]struct {
			Value string `json:"value"`
			Label string `json:"label"`
			Count int    `json:"count"`
		} `json:"facets"`
	}
	fetchJSON(t, ts.URL, "/api/search", http.StatusOK, &all)
	counts := map[string]int{}
	for _, v := range all.Facets["source"] {
		counts[v.Value] = v.Count
	}
	if counts["Anadolu"] != 30 || counts["Telegrafi"] != 30 || counts["Radio Azattyk"] != 30 {
		t.Fatalf("source facet %v; want 30 each", all.Facets["source"])
	}
	two := searchAPI(t, ts.URL, url.Values{"source": {"Anadolu", "Telegrafi"}, "size": {"1"}})
	if two.Total != 60 {
		t.Errorf("source=Anadolu&source=Telegrafi: %d hits; want 60", two.Total)
	}
	// Multi-select: with one source chosen, the group still counts the others.
	var one struct {
		Facets map[string][]struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"facets"`
	}
	fetchJSON(t, ts.URL, "/api/search?source=Anadolu", http.StatusOK, &one)
	if len(one.Facets["source"]) != 3 {
		t.Errorf("source facet with source=Anadolu: %v; want all three", one.Facets["source"])
	}
	_, body, _ := getTimed(t, ts.URL+"/?source=Anadolu")
	pl := parsePage(t, body)
	an, _ := pl.value("source", "Anadolu")
	te, _ := pl.value("source", "Telegrafi")
	if !an.selected || te.selected || !slices.Equal(linkParams(t, te.href)["source"], []string{"Anadolu", "Telegrafi"}) {
		t.Errorf("source facet on the page: %+v", pl.facets["source"])
	}
	resp, csv, _ := getTimed(t, ts.URL+"/api/export?source=Telegrafi&format=csv")
	if resp.StatusCode != http.StatusOK || strings.Count(csv, "\r\n") != 31 || strings.Count(csv, ",Telegrafi,") != 30 {
		t.Errorf("export of source=Telegrafi: %d, %d lines", resp.StatusCode, strings.Count(csv, "\r\n"))
	}
	fetchJSON(t, ts.URL, "/api/search?source="+strings.Repeat("x", 201), http.StatusBadRequest, nil)
}
