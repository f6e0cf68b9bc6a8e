package web

import (
	"bufio"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"kerko/internal/fixture"
	"kerko/internal/fixture/seedindex"
)

// The person facet through HTTP, on a real index of the seeds and the
// people articles (fixture.People): the API, the query language, the
// pages, exports and suggestions.

func peopleServer(t *testing.T) *realServer {
	t.Helper()
	return startRealServer(t, Config{Searcher: seedindex.Seeds(t, fixture.People())}, nil)
}

type personJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
}

type peopleAnswer struct {
	Total      int    `json:"total"`
	Understood string `json:"understood"`
	Hits       []struct {
		ID     string       `json:"id"`
		People []personJSON `json:"people"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
		Label string `json:"label"`
		Count int    `json:"count"`
	} `json:"facets"`
	Expanded []struct {
		Kind  string `json:"kind"`
		ID    string `json:"id"`
		Label string `json:"label"`
		Word  string `json:"word"`
	} `json:"expanded"`
}

func (a peopleAnswer) ids() []string {
	var out []string
	for _, h := range a.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func (a peopleAnswer) facetCount(group, value string) (count int, label string) {
	for _, v := range a.Facets[group] {
		if v.Value == value {
			return v.Count, v.Label
		}
	}
	return 0, ""
}

func TestAPI_People(t *testing.T) {
	s := peopleServer(t)
	get := func(v url.Values) peopleAnswer {
		t.Helper()
		v.Set("size", "50")
		var a peopleAnswer
		fetchJSON(t, s.URL, "/api/search?"+v.Encode(), http.StatusOK, &a)
		return a
	}
	all := get(url.Values{})
	n, label := all.facetCount("person", fixture.PersonTokayev)
	if n < 6 || label != "Kassym-Jomart Tokayev" {
		t.Errorf("person facet: Tokayev %d articles, label %q; want at least 6, Kassym-Jomart Tokayev", n, label)
	}

	// The filter, and the query language's person: in its forms.
	filtered := get(url.Values{"person": {fixture.PersonTokayev}})
	if filtered.Total != n {
		t.Errorf("person=%s: %d hits; want the facet's %d", fixture.PersonTokayev, filtered.Total, n)
	}
	for _, h := range filtered.Hits {
		if !slices.ContainsFunc(h.People, func(p personJSON) bool { return p.ID == fixture.PersonTokayev && p.Name != "" && p.Mentions > 0 }) {
			t.Errorf("person=%s: hit %s has people %+v", fixture.PersonTokayev, h.ID, h.People)
		}
	}
	for _, q := range []string{"person:Tokayev", "person:Tokaev", "person:" + fixture.PersonTokayev, `person:"Kasım Cömert Tokayev"`, "person:Tokayev'in"} {
		a := get(url.Values{"q": {q}})
		if !slices.Equal(a.ids(), filtered.ids()) {
			t.Errorf("q=%s: hits %v; want the person filter's %v", q, a.ids(), filtered.ids())
		}
		if !strings.Contains(a.Understood, "Kassym-Jomart Tokayev") {
			t.Errorf("q=%s: understood %q; want it to name Kassym-Jomart Tokayev", q, a.Understood)
		}
	}
	// Two persons: OR within the group.
	both := get(url.Values{"person": {fixture.PersonTokayev, fixture.PersonAbrashi}})
	if m, _ := all.facetCount("person", fixture.PersonAbrashi); both.Total != n+m {
		t.Errorf("person=Tokayev&person=Abrashi: %d hits; want %d + %d (no article names both)", both.Total, n, m)
	}

	// Cross-language: the word finds the Albanian article that writes
	// Tokaev, and says so.
	tok := get(url.Values{"q": {"Tokayev"}})
	if !slices.Contains(tok.ids(), fixture.PeopleSqTokaev) || !slices.Contains(tok.ids(), fixture.PeopleTrTokayev) {
		t.Errorf("q=Tokayev: hits %v; want the Albanian and Turkish people articles", tok.ids())
	}
	if len(tok.Expanded) != 1 || tok.Expanded[0].Kind != "person" || tok.Expanded[0].ID != fixture.PersonTokayev || tok.Expanded[0].Label != "Kassym-Jomart Tokayev" {
		t.Errorf("q=Tokayev: expanded %+v; want the person Kassym-Jomart Tokayev", tok.Expanded)
	}

	// A bad id is the caller's error, named.
	resp, body, _ := getTimed(t, s.URL+"/api/search?person=Recep+Tayyip")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "person") {
		t.Errorf("person=Recep Tayyip: %d %s; want 400 naming person", resp.StatusCode, body)
	}
}

func TestAPI_ArticlePeople(t *testing.T) {
	s := peopleServer(t)
	var a struct {
		People  []personJSON `json:"people"`
		Related []struct {
			ID           string `json:"id"`
			SharedPeople []struct {
				ID    string `json:"id"`
				Label string `json:"label"`
			} `json:"shared_people"`
		} `json:"related"`
	}
	fetchJSON(t, s.URL, "/api/articles/"+fixture.PeopleTrErdogan, http.StatusOK, &a)
	want := []personJSON{{ID: fixture.PersonErdogan, Name: "Recep Tayyip Erdoğan", Mentions: 3}}
	if !slices.Equal(a.People, want) {
		t.Errorf("article %s: people %+v; want %+v", fixture.PeopleTrErdogan, a.People, want)
	}
	shared := 0
	for _, r := range a.Related {
		if len(r.SharedPeople) > 0 {
			shared++
			if len(r.SharedPeople) != 1 || r.SharedPeople[0].ID != fixture.PersonErdogan || r.SharedPeople[0].Label != "Recep Tayyip Erdoğan" {
				t.Errorf("related %s: shared people %+v; want Erdoğan alone, as this article writes him", r.ID, r.SharedPeople)
			}
		}
	}
	if shared == 0 {
		t.Errorf("article %s: related %+v; want some with Erdoğan shared", fixture.PeopleTrErdogan, a.Related)
	}
}

func TestAPI_SuggestPerson(t *testing.T) {
	s := peopleServer(t)
	var a struct {
		Suggestions []struct {
			Kind      string `json:"kind"`
			KindLabel string `json:"kind_label"`
			Text      string `json:"text"`
			Value     string `json:"value"`
			URL       string `json:"url"`
		} `json:"suggestions"`
	}
	fetchJSON(t, s.URL, "/api/suggest?q=erdo&ui=tr", http.StatusOK, &a)
	for _, sg := range a.Suggestions {
		if sg.Kind != "person" {
			continue
		}
		if sg.Text != "Recep Tayyip Erdoğan" || sg.Value != fixture.PersonErdogan || sg.KindLabel != "kişi" || sg.URL != "/?person="+fixture.PersonErdogan+"&ui=tr" {
			t.Errorf("suggest erdo: %+v; want Recep Tayyip Erdoğan opening his filter", sg)
		}
		return
	}
	t.Errorf("suggest erdo: %+v; want a person", a.Suggestions)
}

func TestExport_People(t *testing.T) {
	s := peopleServer(t)
	_, body, _ := getTimed(t, s.URL+"/api/export?format=jsonl&person="+fixture.PersonErdogan)
	rows := 0
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		var row struct {
			ID     string       `json:"id"`
			People []personJSON `json:"people"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("export line %q: %v", sc.Text(), err)
		}
		rows++
		if !slices.ContainsFunc(row.People, func(p personJSON) bool { return p.ID == fixture.PersonErdogan }) {
			t.Errorf("export row %s: people %+v; want Erdoğan among them", row.ID, row.People)
		}
	}
	if rows < 5 {
		t.Errorf("export of person=%s: %d rows; want at least 5", fixture.PersonErdogan, rows)
	}
	_, csv, _ := getTimed(t, s.URL+"/api/export?format=csv&person="+fixture.PersonErdogan)
	if head, _, _ := strings.Cut(csv, "\n"); strings.TrimSpace(strings.TrimPrefix(head, "\ufeff")) != "id,title,date,lang,countries,orgs,source,url" {
		t.Errorf("CSV header %q; want the fixed one, without people", head)
	}
}

func TestPage_PersonFacet(t *testing.T) {
	s := peopleServer(t)
	resp, body, _ := getTimed(t, s.URL+"/?q=Tokayev&person="+fixture.PersonTokayev+"&sort=newest")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`data-group="person"`,
		`data-value="` + fixture.PersonTokayev + `"`,
		"Kassym-Jomart Tokayev",
		// Every link keeps the filter (searchValues).
		`sort=relevance`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Count(body, "person="+fixture.PersonTokayev) < 3 {
		t.Errorf("page links drop person=%s", fixture.PersonTokayev)
	}
	// The page says why articles that do not write the word are there.
	_, body, _ = getTimed(t, s.URL+"/?q=Tokayev")
	if want := "Also matching articles about Kassym-Jomart Tokayev in all languages"; !strings.Contains(body, want) {
		t.Errorf("q=Tokayev: page lacks %q", want)
	}
}

// TestBrowser_PersonFacet: in Chromium, a person suggestion opens their
// filter, the facet shows them chosen, and choosing a second person widens
// the results.
func TestBrowser_PersonFacet(t *testing.T) {
	ctx := browser(t, 1280, 900)
	s := peopleServer(t)
	run(t, ctx, "type a person's name",
		chromedp.Navigate(s.URL+"/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "toka"),
		chromedp.WaitVisible("#suggest li.s-person"),
	)
	if got := text(t, ctx, "#suggest li.s-person .s-text"); got != "Kassym-Jomart Tokayev" {
		t.Fatalf("person suggestion for toka = %q; want Kassym-Jomart Tokayev", got)
	}
	run(t, ctx, "pick the person", chromedp.Click("#suggest li.s-person", chromedp.NodeVisible), waitURL("person="+fixture.PersonTokayev))
	one := text(t, ctx, ".summary .count strong")
	if n := count(t, ctx, `.facet[data-group=person] a.selected[data-value="`+fixture.PersonTokayev+`"]`); n != 1 {
		t.Errorf("Tokayev shown selected %d times in the person facet; want 1", n)
	}
	if n := count(t, ctx, ".hit .lang-sq"); n < 2 {
		t.Errorf("Tokayev's filter shows %d Albanian articles; want at least 2 (one writes Tokaev)", n)
	}
	run(t, ctx, "add Abrashi",
		chromedp.Click(`.facet[data-group=person] a[data-value="`+fixture.PersonAbrashi+`"]`, chromedp.NodeVisible),
		waitURL("person="+fixture.PersonAbrashi))
	two := text(t, ctx, ".summary .count strong")
	if n1, err1 := strconv.Atoi(one); err1 != nil || func() bool { n2, err2 := strconv.Atoi(two); return err2 != nil || n2 <= n1 }() {
		t.Errorf("Tokayev: %s hits, or Abrashi: %s; want more", one, two)
	}
	if n := count(t, ctx, ".facet[data-group=person] a.selected"); n != 2 {
		t.Errorf("%d persons shown selected; want 2", n)
	}
}

// TestArticlePage_MarksPersons: the article page marks the persons its
// search matched, as it marks countries: a known person by the surname as
// each language spells it, chosen as a filter, typed as person: or found
// through a query word in another spelling; another person by the
// surname their id holds.
func TestArticlePage_MarksPersons(t *testing.T) {
	s := peopleServer(t)
	for _, tt := range []struct {
		id, state string
		want, not []string
	}{
		{fixture.PeopleSqTokaev, "", nil, []string{"Tokaev"}},
		{fixture.PeopleSqTokaev, "person=" + fixture.PersonTokayev, []string{"Tokaev"}, []string{"Tiranë"}},
		{fixture.PeopleSqTokaev, "q=person%3ATokayev", []string{"Tokaev"}, nil},
		{fixture.PeopleSqTokaev, "q=Tokayev", []string{"Tokaev"}, nil},
		{fixture.PeopleSqTokaev, "q=%22Kasym-Zhomart+Tokaev%22", []string{"Tokaev"}, nil},
		{fixture.PeopleSqAbrashi1, "person=arban-abrashi", []string{"Abrashi"}, []string{"Arban"}},
		// A person and country_mode=all together.
		{fixture.PeopleTrTokayev, "person=" + fixture.PersonTokayev + "&country=KZ&country_mode=all", []string{"Tokayev", "Kazakistan"}, nil},
	} {
		resp, page, _ := getTimed(t, s.URL+"/articles/"+tt.id+"?"+tt.state)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s?%s = %d", tt.id, tt.state, resp.StatusCode)
		}
		m := articleBody.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s?%s: no body", tt.id, tt.state)
		}
		var marked []string
		for _, mm := range markRE.FindAllStringSubmatch(m[1], -1) {
			marked = append(marked, mm[1])
		}
		for _, w := range tt.want {
			// A mark is the whole word, with its case ending (Tokayev'in).
			if !slices.ContainsFunc(marked, func(m string) bool { return strings.HasPrefix(html.UnescapeString(m), w) }) {
				t.Errorf("%s?%s marks %v; want %q among them", tt.id, tt.state, marked, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(marked, w) {
				t.Errorf("%s?%s marks %q", tt.id, tt.state, w)
			}
		}
	}
}

// TestPage_PersonCountryAll: person= and country_mode=all go together
// through every link of the results page (facets, pager, sort, the mode
// switch, research links) and the article links.
func TestPage_PersonCountryAll(t *testing.T) {
	s := peopleServer(t)
	resp, body, _ := getTimed(t, s.URL+"/?person="+fixture.PersonTokayev+"&country=KZ&country=TR&country_mode=all&sort=newest")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	hrefs := regexp.MustCompile(`href="(/[^"]*)"`).FindAllStringSubmatch(body, -1)
	both, anyLink := 0, false
	for _, h := range hrefs {
		u := html.UnescapeString(h[1])
		if strings.Contains(u, "country_mode=all") && strings.Contains(u, "person="+fixture.PersonTokayev) {
			both++
		}
		// The switch to any keeps the person.
		if strings.HasPrefix(u, "/?") && strings.Contains(u, "country=KZ") && !strings.Contains(u, "country_mode") &&
			strings.Contains(u, "person="+fixture.PersonTokayev) {
			anyLink = true
		}
	}
	if both < 5 {
		t.Errorf("%d links keep person=%s and country_mode=all; want 5 or more", both, fixture.PersonTokayev)
	}
	if !anyLink {
		t.Errorf("no link switches to country_mode=any keeping person=%s", fixture.PersonTokayev)
	}
	// The article links carry both.
	if !strings.Contains(body, "/articles/") || !regexp.MustCompile(`href="/articles/[^"]*country_mode=all[^"]*person=`+fixture.PersonTokayev).MatchString(body) {
		t.Errorf("article links drop person or country_mode=all")
	}
	// The API agrees: every hit is about the person and both countries.
	total := map[string]int{}
	for _, mode := range []string{"any", "all"} {
		var res struct {
			Total int `json:"total"`
			Hits  []struct {
				ID        string       `json:"id"`
				Countries []string     `json:"countries"`
				People    []personJSON `json:"people"`
			} `json:"hits"`
		}
		resp, body, _ := getTimed(t, s.URL+"/api/search?size=100&person="+fixture.PersonTokayev+"&country=KZ&country=TR&country_mode="+mode)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("country_mode=%s: status %d", mode, resp.StatusCode)
		}
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		total[mode] = res.Total
		for _, h := range res.Hits {
			if !slices.ContainsFunc(h.People, func(p personJSON) bool { return p.ID == fixture.PersonTokayev }) {
				t.Errorf("country_mode=%s: hit %s does not name %s: %+v", mode, h.ID, fixture.PersonTokayev, h.People)
			}
			if mode == "all" && !(slices.Contains(h.Countries, "KZ") && slices.Contains(h.Countries, "TR")) {
				t.Errorf("country_mode=all: hit %s is about %v; want KZ and TR", h.ID, h.Countries)
			}
		}
	}
	if total["any"] == 0 || total["all"] > total["any"] {
		t.Errorf("person with KZ or TR: %d hits, with both: %d; want some, and no more with both", total["any"], total["all"])
	}
}
