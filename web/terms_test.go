package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/extract"
)

// tellingArticles is researchArticles(n) where the English articles that
// name Kosovo (every twelfth) also have a word of their own: the one that
// tells Kosovo's English articles apart.
func tellingArticles(n int) fstest.MapFS {
	fsys := researchArticles(n)
	var b strings.Builder
	for i, line := range strings.Split(strings.TrimSpace(string(fsys["research.jsonl"].Data)), "\n") {
		var a map[string]string
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			panic(err)
		}
		if i%12 == 0 {
			a["body"] += " Demarcation, demarcation."
		}
		out, _ := json.Marshal(a)
		b.Write(out)
		b.WriteByte('\n')
	}
	fsys["research.jsonl"] = &fstest.MapFile{Data: []byte(b.String())}
	return fsys
}

type termsAnswer struct {
	Total  int `json:"total"`
	Sample int `json:"sample"`
	Terms  []struct {
		Text       string  `json:"text"`
		Lang       string  `json:"lang"`
		Count      int     `json:"count"`
		Background int     `json:"background"`
		Score      float64 `json:"score"`
	} `json:"terms"`
}

// TestAPI_Terms: the planted word comes first, as written; the search's
// filters apply; bad parameters are 400s naming the parameter.
func TestAPI_Terms(t *testing.T) {
	cfg := Config{Searcher: seedIndex(t, tellingArticles(240))}
	ts := startRealServer(t, cfg, nil)
	var a termsAnswer
	fetchJSON(t, ts.URL, "/api/terms?q=Kosovo", http.StatusOK, &a)
	if len(a.Terms) == 0 || a.Terms[0].Text != "demarcation" || a.Terms[0].Lang != "en" {
		t.Fatalf("telling words of Kosovo: %+v; want demarcation first", a.Terms)
	}
	if a.Total != 60 || a.Sample != 60 || a.Terms[0].Count != 20 || a.Terms[0].Background != 20 || len(a.Terms) > 20 {
		t.Errorf("total %d, sample %d, first %+v", a.Total, a.Sample, a.Terms[0])
	}
	for _, w := range a.Terms {
		if strings.EqualFold(w.Text, "kosovo") || strings.EqualFold(w.Text, "the") {
			t.Errorf("%q is a telling word of Kosovo", w.Text)
		}
	}
	fetchJSON(t, ts.URL, "/api/terms?q=Kosovo&lang=tr&size=5", http.StatusOK, &a)
	for _, w := range a.Terms {
		if w.Lang != "tr" {
			t.Errorf("lang=tr: telling word %+v", w)
		}
	}
	if len(a.Terms) > 5 {
		t.Errorf("size=5: %d words", len(a.Terms))
	}
	fetchJSON(t, ts.URL, "/api/terms?q="+url.QueryEscape("lang:en Kosovo"), http.StatusOK, &a)
	if len(a.Terms) == 0 || a.Terms[0].Text != "demarcation" || a.Total != 20 {
		t.Errorf("lang:en Kosovo: %d hits, %+v", a.Total, a.Terms)
	}
	// The names of the countries a search is about are its own words, in
	// any language and form.
	for _, q := range []string{"country:KZ", "Kazakhstan", "Kazakistan"} {
		fetchJSON(t, ts.URL, "/api/terms?q="+url.QueryEscape(q), http.StatusOK, &a)
		for _, w := range a.Terms {
			if c, ok := extract.LookupCountry(w.Text); ok && c == "KZ" {
				t.Errorf("%s: %q is a telling word", q, w.Text)
			}
		}
		if len(a.Terms) == 0 {
			t.Errorf("%s: no telling words", q)
		}
	}
	for _, bad := range []struct{ query, param string }{
		{"size=0", "size"}, {"size=101", "size"}, {"size=x", "size"}, {"lang=xx", "lang"}, {"country=ZZ", "country"},
		{"from=2020-13-01", "from"}, {"sort=newest", "sort"}, {"page=2", "page"}, {"q=%ff", "q"},
	} {
		var e struct{ Error string }
		fetchJSON(t, ts.URL, "/api/terms?"+bad.query, http.StatusBadRequest, &e)
		if !strings.HasPrefix(e.Error, bad.param+":") {
			t.Errorf("/api/terms?%s: error %q; want it to name %s", bad.query, e.Error, bad.param)
		}
	}
	// The page does not wait for them: it holds a placeholder naming the
	// part its script fetches, and a link to the page with the words.
	_, page, _ := getTimed(t, ts.URL+"/?q=Kosovo&lang=en")
	if src := attr(page, `class="telling"`, "data-src"); src != "/telling?lang=en&q=Kosovo" {
		t.Errorf("placeholder data-src %q", src)
	}
	if strings.Contains(page, `data-word=`) {
		t.Error("the page waited for its telling words")
	}
	show := attr(page, `class="telling-show"`, "href")
	if show != "/?lang=en&q=Kosovo&telling=1" {
		t.Errorf("link to the page with the words %q", show)
	}
	// The part and the page it links both show them, each a link adding
	// the word to the query and keeping the filters.
	want := "/?lang=en&q=" + url.QueryEscape("Kosovo demarcation")
	for _, u := range []string{"/telling?lang=en&q=Kosovo", show} {
		resp, part, _ := getTimed(t, ts.URL+u)
		if href := attr(part, `data-word="demarcation"`, "href"); resp.StatusCode != http.StatusOK || href != want {
			t.Errorf("%s: %d, telling word link %q; want %q", u, resp.StatusCode, href, want)
		}
		if strings.Contains(part, "telling=1") {
			t.Errorf("%s: a link carries telling=1", u)
		}
	}
	_, page, _ = getTimed(t, ts.URL+"/?q=zzznothing")
	if strings.Contains(page, `class="telling"`) {
		t.Error("a search without hits shows telling words")
	}
	// A search without telling words answers the script with nothing.
	if resp, part, _ := getTimed(t, ts.URL+"/telling?q=zzznothing"); resp.StatusCode != http.StatusOK || part != "" {
		t.Errorf("/telling without words: %d %q", resp.StatusCode, part)
	}
	if resp, _, _ := getTimed(t, ts.URL+"/telling?q=Kosovo&lang=xx"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("/telling?lang=xx: %d; want 400", resp.StatusCode)
	}
}
