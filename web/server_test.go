package web

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/corpus"
	"kerko/internal/fixture"
	"kerko/internal/fixture/seedindex"
)

// seedServer serves a real index of the seed corpus built in a temp dir.
func seedServer(t *testing.T) *httptest.Server {
	t.Helper()
	return fsServer(t, corpus.Seeds())
}

// fsServer serves a real index of the .txt articles in fsys.
func fsServer(t *testing.T, fsys fs.FS) *httptest.Server {
	t.Helper()
	ix := seedindex.Of(t, fsys)
	srv, err := New(Config{Searcher: ix, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, ts *httptest.Server, path string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

func getJSON(t *testing.T, ts *httptest.Server, path string, into any) {
	t.Helper()
	code, body := get(t, ts, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s = %d: %s", path, code, body)
	}
	if err := json.Unmarshal([]byte(body), into); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

type searchJSON struct {
	Total  int `json:"total"`
	Hits   []struct{ ID, Lang string }
	Facets map[string][]struct {
		Value, Label string
		Count        int
	}
	Histogram []struct {
		From, To string
		Count    int
	}
	Interval string  `json:"interval"`
	Zoomed   bool    `json:"zoomed"`
	Undated  *int    `json:"undated"`
	DYM      *string `json:"did_you_mean"`
	Expanded []struct{ Kind, ID, Label, Word string }
}

func TestServer_SearchAPI(t *testing.T) {
	ts := seedServer(t)
	tests := []struct {
		query     string
		wantTotal int
		wantBars  int // sum of histogram counts
		wantUndat int
		wantDYM   string // "" for null
		wantExp   string // "kind:id:label", "" for none
	}{
		{"", 5, 4, 1, "", ""},
		{"from=2026-02-01&to=2026-02-28", 2, 4, 1, "", ""},
		{"from=2026-02-01&to=2026-02-28&undated=include", 3, 4, 1, "", ""},
		{"undated=exclude", 4, 4, 1, "", ""},
		{"undated=only", 1, 4, 1, "", ""},
		{"q=Kazakhstan&lang=tr", 2, 2, 0, "", "country:KZ:Kazakhstan"},
		{"q=Kyrgyzstan&ui=tr", 1, 1, 0, "", "country:KG:Kırgızistan"},
		{"q=Kazakistn", 0, 0, 0, "Kazakistan", ""},
		{"q=K%C4%B1rg%C4%B1zstn", 0, 0, 0, "Kırgızistan", ""}, // Kırgızstn
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var res searchJSON
			getJSON(t, ts, "/api/search?"+tt.query, &res)
			if res.Total != tt.wantTotal {
				t.Errorf("total = %d; want %d", res.Total, tt.wantTotal)
			}
			bars := 0
			for _, b := range res.Histogram {
				bars += b.Count
				if b.From > b.To {
					t.Errorf("bucket %s..%s runs backwards", b.From, b.To)
				}
			}
			if bars != tt.wantBars {
				t.Errorf("histogram counts %d; want %d", bars, tt.wantBars)
			}
			if res.Undated == nil || *res.Undated != tt.wantUndat {
				t.Errorf("undated = %v; want %d", res.Undated, tt.wantUndat)
			}
			if got := deref(res.DYM); got != tt.wantDYM {
				t.Errorf("did_you_mean = %q; want %q", got, tt.wantDYM)
			}
			var exp string
			if len(res.Expanded) > 0 {
				x := res.Expanded[0]
				exp = x.Kind + ":" + x.ID + ":" + x.Label
			}
			if exp != tt.wantExp {
				t.Errorf("expanded = %q; want %q", exp, tt.wantExp)
			}
		})
	}

	var res searchJSON
	getJSON(t, ts, "/api/search", &res)
	if len(res.Histogram) != 46 || res.Histogram[0].From != "2022-05-01" || res.Histogram[45].To != "2026-02-28" || res.Interval != "month" {
		t.Errorf("histogram = %d %s buckets from %v; want 46 months 2022-05-01..2026-02-28", len(res.Histogram), res.Interval, res.Histogram[:1])
	}
	if code, body := get(t, ts, "/api/search?undated=maybe"); code != http.StatusBadRequest || !strings.Contains(body, "undated") {
		t.Errorf("undated=maybe: %d %s; want 400 naming undated", code, body)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Multi-select: with one country chosen the country group still counts the
// others, and a second one widens the results.
func TestServer_MultiSelectFacets(t *testing.T) {
	ts := seedServer(t)
	var one, two searchJSON
	getJSON(t, ts, "/api/search?country=KG", &one)
	getJSON(t, ts, "/api/search?country=KG&country=IQ", &two)
	if one.Total != 1 || two.Total != 2 {
		t.Fatalf("KG: %d hits, KG or IQ: %d; want 1 and 2", one.Total, two.Total)
	}
	counts := map[string]int{}
	for _, v := range one.Facets["country"] {
		counts[v.Value] = v.Count
	}
	if counts["KZ"] != 5 || counts["IQ"] != 1 {
		t.Errorf("country counts with KG selected = %v; want every country's own count (KZ 5, IQ 1)", counts)
	}
	code, page := get(t, ts, "/?country=KG&country=IQ")
	if code != 200 || strings.Count(page, `class="fv selected"`) != 2 {
		t.Errorf("page with two countries shows %d selected values; want 2", strings.Count(page, `class="fv selected"`))
	}
}

func TestServer_SuggestAPI(t *testing.T) {
	ts := seedServer(t)
	tests := []struct {
		q, ui, wantKind, wantText, wantURL string
	}{
		{"kirg", "", "country", "Kırgızistan", "/?q=K%C4%B1rg%C4%B1zistan"},
		{"kaz", "tr", "country", "Kazakistan", "/?q=Kazakistan&ui=tr"},
		{"Kırgızistan ile", "", "title", "Kırgızistan ile Kazakistan, 2030 için ticaret hedefini 3 milyar dolara yükseltmeyi planlıyor", "/articles/" + fixture.SeedTrKGKZ},
		{"erdog", "", "term", "Erdoğan", "/?q=Erdo%C4%9Fan"}, // as the articles write it
	}
	for _, tt := range tests {
		var res struct {
			Suggestions []struct{ Kind, KindLabel, Text, URL string }
		}
		getJSON(t, ts, "/api/suggest?q="+url.QueryEscape(tt.q)+"&ui="+tt.ui, &res)
		found := false
		for _, s := range res.Suggestions {
			if s.Kind == tt.wantKind && s.Text == tt.wantText && s.URL == tt.wantURL {
				found = true
			}
		}
		if !found {
			t.Errorf("suggest %q = %+v; want %s %q → %s", tt.q, res.Suggestions, tt.wantKind, tt.wantText, tt.wantURL)
		}
	}
	var res struct{ Suggestions []any }
	getJSON(t, ts, "/api/suggest?q=k", &res)
	if res.Suggestions == nil || len(res.Suggestions) != 0 {
		t.Errorf("one letter: %v; want an empty list", res.Suggestions)
	}
	if code, _ := get(t, ts, "/api/suggest?q="+strings.Repeat("a", 300)); code != http.StatusBadRequest {
		t.Errorf("long prefix: %d; want 400", code)
	}
}

func TestServer_Related(t *testing.T) {
	ts := seedServer(t)
	var a struct {
		Related []struct {
			ID, Lang, URL   string
			SharedCountries []struct{ ID, Label string } `json:"shared_countries"`
			SharedTerms     []string                     `json:"shared_terms"`
		}
	}
	getJSON(t, ts, "/api/articles/"+fixture.SeedSqTurqiKZ+"?ui=sq", &a)
	if len(a.Related) != 4 {
		t.Fatalf("related = %d; want the 4 other seeds", len(a.Related))
	}
	top := a.Related[0]
	if top.Lang != "en" || len(top.SharedTerms) == 0 || len(top.SharedCountries) == 0 || top.URL != "/articles/"+top.ID+"?ui=sq" {
		t.Errorf("most related to the Albanian seed = %+v; want an English article with shared countries and words", top)
	}
	_, page := get(t, ts, "/articles/"+fixture.SeedSqTurqiKZ+"?ui=sq")
	for _, want := range []string{`<aside class="related"`, "Artikuj të ngjashëm", "Kazakistani", `<span class="term">Erdogan</span>`,
		`<a href="/articles/` + fixture.SeedSqTurqiKZ + `?ui=en">EN</a>`, `<a href="/articles/` + fixture.SeedSqTurqiKZ + `?ui=sq" class="active" aria-current="true">SQ</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
}

func TestServer_SearchPage(t *testing.T) {
	ts := seedServer(t)
	tests := []struct {
		path   string
		header []string
		want   []string
		absent []string
	}{
		{"/", nil, []string{`<svg class="tl-chart"`, `data-from="2026-02-01" data-count="2"`, `<strong>1</strong> undated`, `data-undated="include" class="active"`}, []string{`class="also"`, `data-group="year"`}},
		// A selected month stays in a whole timeline, marked, the others dimmed.
		{"/?from=2026-02-01&to=2026-02-28", nil, []string{`class="bar sel" href="/?" data-from="2026-02-01"`, `class="bar dim"`, `data-undated="exclude" class="active"`}, nil},
		{"/?q=Kyrgyzstan", nil, []string{"Also matching articles about Kyrgyzstan in all languages"}, nil},
		{"/?q=Kyrgyzstan&ui=sq", nil, []string{"Përputhen edhe artikujt për Kirgizi në të gjitha gjuhët"}, nil},
		{"/?q=Kyrgyzstan", []string{"Accept-Language", "tr-TR,tr;q=0.9"}, []string{"Tüm dillerde Kırgızistan hakkındaki haberler de eşleşiyor", "Zaman çizelgesi"}, nil},
		{"/?q=Kazakistn", nil, []string{`Did you mean: <a href="/?q=Kazakistan">Kazakistan</a>?`}, nil},
		{"/?q=Erdgan+-Bi%C5%9Fkek", nil, []string{`Did you mean: <a href="/?q=Erdo%C4%9Fan&#43;-Bi%C5%9Fkek">Erdoğan -Bişkek</a>?`}, nil}, // written form, exclusion kept
		{"/?q=Kazakistan", nil, nil, []string{"Did you mean"}},
		{"/?country=KZ", nil, []string{`<a class="facet-clear" href="/?">clear</a>`}, nil},
	}
	for _, tt := range tests {
		code, page := get(t, ts, tt.path, tt.header...)
		if code != http.StatusOK {
			t.Errorf("GET %s = %d", tt.path, code)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("GET %s: page lacks %q", tt.path, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(page, a) {
				t.Errorf("GET %s: page has %q", tt.path, a)
			}
		}
	}
}

func TestServer_DidYouMeanLinkFinds(t *testing.T) {
	ts := seedServer(t)
	href := regexp.MustCompile(`Did you mean: <a href="([^"]*)">`)
	tests := []struct {
		path      string
		wantTotal int // of the search the link runs
	}{
		{"/?q=K%C4%B1rg%C4%B1zstn", 1},                       // Kırgızstn → Kırgızistan
		{"/?q=Erdgan+-Bi%C5%9Fkek", 3},                       // Erdgan -Bişkek → Erdoğan -Bişkek
		{"/?q=Tokayv+ticaret&lang=tr", 1},                    // filters stay on the link
		{"/?q=%22K%C4%B1rg%C4%B1zistan+ve%22+Bi%C5%9Fkk", 1}, // "Kırgızistan ve" Bişkk → "Kırgızistan ve" Bişkek
	}
	for _, tt := range tests {
		_, page := get(t, ts, tt.path)
		m := href.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("GET %s: no did-you-mean link", tt.path)
			continue
		}
		link := html.UnescapeString(m[1])
		var res searchJSON
		getJSON(t, ts, "/api/search"+strings.TrimPrefix(link, "/"), &res)
		if res.Total != tt.wantTotal {
			t.Errorf("GET %s: the link %s finds %d; want %d", tt.path, link, res.Total, tt.wantTotal)
		}
	}
}

// A corpus of twelve countries over sixteen years: more values than a
// facet group shows, and a span the timeline draws per year.
func manyCountries() fs.FS {
	names := []string{"France", "Germany", "Italy", "Spain", "Poland", "Greece", "Egypt", "Japan", "China", "India", "Brazil", "Canada"}
	fsys := fstest.MapFS{}
	for i, n := range names {
		body := fmt.Sprintf(" date %d-03-15 Trade talks in %s\n\nMinisters from %s met to discuss trade and energy.", 2010+i, n, n)
		fsys[fmt.Sprintf("%02d.txt", i)] = &fstest.MapFile{Data: []byte(body)}
	}
	fsys["undated.txt"] = &fstest.MapFile{Data: []byte("Energy prices\n\nEnergy prices rose again this winter.")}
	fsys["late.txt"] = &fstest.MapFile{Data: []byte(" date 2026-01-10 Energy outlook\n\nThe energy outlook for the coming year.")}
	return fsys
}

func TestServer_FacetMoreAndYears(t *testing.T) {
	ts := fsServer(t, manyCountries())
	code, page := get(t, ts, "/")
	if code != http.StatusOK {
		t.Fatalf("GET / = %d", code)
	}
	// Ties are in code order: BR CA CN DE EG ES FR GR shown, IN IT JP PL behind "more".
	if !strings.Contains(page, `<span class="more-n">+4</span>`) {
		t.Errorf("country group does not hide 4 values behind more")
	}
	_, page = get(t, ts, "/?country=PL")
	shown, more, _ := strings.Cut(page, `<details class="more">`)
	if !strings.Contains(shown, `class="fv selected" data-value="PL"`) || strings.Contains(more[:strings.Index(more, "</details>")], `data-value="PL"`) {
		t.Errorf("a selected value behind more is not shown with the top values")
	}
	if !strings.Contains(page, `<span class="more-n">+3</span>`) {
		t.Errorf("with PL selected, more should hold the other 3")
	}

	var res searchJSON
	getJSON(t, ts, "/api/search", &res)
	if res.Interval != "year" || len(res.Histogram) != 17 || res.Histogram[0].From != "2010-01-01" || res.Histogram[16].To != "2026-12-31" {
		t.Errorf("histogram: %d %s buckets from %+v; want 17 years 2010..2026", len(res.Histogram), res.Interval, res.Histogram[:1])
	}
	if res.Undated == nil || *res.Undated != 1 {
		t.Errorf("undated = %v; want 1", res.Undated)
	}
	// Choosing a year zooms into its months, with a way back out.
	getJSON(t, ts, "/api/search?from=2015-01-01&to=2015-12-31", &res)
	if !res.Zoomed || res.Interval != "month" || len(res.Histogram) != 12 || res.Histogram[2].Count != 1 || res.Total != 1 {
		t.Errorf("2015 chosen: zoomed %v, %d %s buckets, %d hits; want 12 months, March's article", res.Zoomed, len(res.Histogram), res.Interval, res.Total)
	}
	_, page = get(t, ts, "/?from=2015-01-01&to=2015-12-31")
	if !strings.Contains(page, `<a class="tl-zoomout" href="/?">← all years</a>`) || !strings.Contains(page, `data-from="2015-03-01" data-count="1"`) {
		t.Errorf("zoomed page lacks the way back or March 2015's bar")
	}
	_, page = get(t, ts, "/?q=energy")
	for _, want := range []string{"2010 – 2026 · per year", `data-from="2015-01-01" data-count="1"`, `<text class="tl-label"`} {
		if !strings.Contains(page, want) {
			t.Errorf("yearly timeline lacks %q", want)
		}
	}
}
