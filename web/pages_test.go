package web

import (
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

// attr returns the value of attribute name="..." of the element whose tag
// holds the end of the first marker on the page, unescaped.
func attr(page, marker, name string) string {
	i := strings.Index(page, marker)
	if i < 0 {
		return ""
	}
	i += len(marker)
	start := strings.LastIndex(page[:i], "<")
	end := strings.Index(page[i:], ">")
	if end < 0 {
		return ""
	}
	tag := page[start : i+end]
	m := regexp.MustCompile(`\b` + name + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestPage_ArticleKeepsTheSearch: an article opened from a search links
// back to that search (query, filters, sort, page) and holds its query in
// the search box; so do its related articles.
func TestPage_ArticleKeepsTheSearch(t *testing.T) {
	ts := seedServer(t)
	search := "/?lang=tr&page=2&q=Kazakistan&size=1&sort=oldest"
	_, page := get(t, ts, search)
	href := attr(page, `<h3 lang="tr"><a href=`, "href")
	if !strings.HasPrefix(href, "/articles/") || !strings.HasSuffix(href, "?"+search[2:]) {
		t.Fatalf("hit link %q does not carry the search %s", href, search)
	}
	_, art := get(t, ts, href)
	if got := attr(art, `class="back"`, "href"); got != search {
		t.Errorf("back link %q; want %q", got, search)
	}
	if got := attr(art, `id="q"`, "value"); got != "Kazakistan" {
		t.Errorf("search box holds %q; want Kazakistan", got)
	}
	if !strings.Contains(art, `<input type="hidden" name="lang" value="tr">`) {
		t.Errorf("search box does not keep the language filter")
	}
	if rel := attr(art, `<li class="rel">`+"\n      <a href=", "href"); !strings.HasSuffix(rel, "?"+search[2:]) {
		t.Errorf("related link %q does not carry the search", rel)
	}
	// A state that is no valid search is dropped, the article still shown.
	code, art := get(t, ts, "/articles/"+seedSq+"?q=x&country=ZZ")
	if code != http.StatusOK || attr(art, `class="back"`, "href") != "/" {
		t.Errorf("invalid state: %d, back link %q; want 200 and /", code, attr(art, `class="back"`, "href"))
	}
	// ui comes along with the search and goes back with it.
	_, art = get(t, ts, "/articles/"+seedSq+"?q=Kazakistan&ui=sq")
	if got := attr(art, `class="back"`, "href"); got != "/?q=Kazakistan&ui=sq" {
		t.Errorf("back link in sq %q", got)
	}
	if !strings.Contains(art, `<h1 lang="sq">`) || !strings.Contains(art, `<div class="body" lang="sq">`) {
		t.Errorf("article title and text lack lang=sq")
	}
}

// TestPage_ErrorKeepsTheSearch: a bad parameter is a page of the product
// in the interface's language, keeping the query and the other filters,
// with the corrected search one click away.
func TestPage_ErrorKeepsTheSearch(t *testing.T) {
	ts := seedServer(t)
	tests := []struct {
		path, accept string
		msg, fix     string // the message, the fix link's text
		fixURL       string
		kept         string // a kept filter
		found        int    // what the corrected search finds
	}{
		{"/?q=Kazakhstan&lang=tr&from=2026-02-02&to=2025-01-01&ui=tr", "",
			"Başlangıç tarihi (2026-02-02) bitiş tarihinden (2025-01-01) sonra.", "Bunun yerine 2025-01-01 – 2026-02-02 arasında ara",
			"/?from=2025-01-01&lang=tr&q=Kazakhstan&to=2026-02-02&ui=tr", "Dil: Türkçe", 2},
		{"/?q=Kazakhstan&lang=tr&from=2026-02-02&to=2025-01-01", "sq-AL,sq;q=0.9",
			"Data Nga (2026-02-02) është pas datës Deri (2025-01-01).", "Kërko nga 2025-01-01 deri më 2026-02-02",
			"/?from=2025-01-01&lang=tr&q=Kazakhstan&to=2026-02-02", "Gjuha: Turqisht", 2},
		{"/?q=Kazakhstan&country=KG&country=ZZ", "",
			"Country: unknown country code “ZZ”; use a two-letter code such as KZ.", "Search without “ZZ”",
			"/?country=KG&q=Kazakhstan", "Country: Kyrgyzstan", 1},
		{"/?q=Kazakhstan&page=abc&ui=tr", "",
			"Sayfa: “abc”, 1 ile 10000 arasında bir tam sayı değil.", "Düzeltilmiş aramayı yap",
			"/?q=Kazakhstan&ui=tr", "", 5},
	}
	for _, tt := range tests {
		code, page := get(t, ts, tt.path, "Accept-Language", tt.accept)
		if code != http.StatusBadRequest {
			t.Errorf("GET %s = %d; want 400", tt.path, code)
			continue
		}
		if got := attr(page, `id="q"`, "value"); got != "Kazakhstan" {
			t.Errorf("GET %s: search box holds %q; want the query", tt.path, got)
		}
		if !strings.Contains(page, `<p class="error-msg">`+html.EscapeString(tt.msg)+`</p>`) {
			t.Errorf("GET %s: message is not %q:\n%s", tt.path, tt.msg, page)
		}
		fix := attr(page, `class="fix"`, "href")
		if fix != tt.fixURL || !strings.Contains(page, ">"+html.EscapeString(tt.fix)+"</a>") {
			t.Errorf("GET %s: fix %q %q; want %q %q", tt.path, fix, page[strings.Index(page, `class="fix"`):][:120], tt.fixURL, tt.fix)
		}
		if tt.kept != "" && !strings.Contains(page, `<span class="tag">`+tt.kept+`</span>`) {
			t.Errorf("GET %s: kept filters do not name %q", tt.path, tt.kept)
		}
		var res searchJSON
		getJSON(t, ts, "/api/search"+strings.TrimPrefix(strings.Replace(fix, "&ui=tr", "", 1), "/"), &res)
		if res.Total != tt.found {
			t.Errorf("GET %s: the corrected search finds %d; want %d", tt.path, res.Total, tt.found)
		}
	}
	// Other errors speak the interface's language too.
	for _, tt := range []struct{ path, accept, want string }{
		{"/articles/nope?ui=tr", "", "Bu adreste bir haber yok"},
		{"/no/such/page", "sq", "Në këtë adresë nuk ka faqe."},
	} {
		code, page := get(t, ts, tt.path, "Accept-Language", tt.accept)
		if code != http.StatusNotFound || !strings.Contains(page, tt.want) {
			t.Errorf("GET %s = %d; want 404 saying %q", tt.path, code, tt.want)
		}
	}
}

// TestPage_EmptyResultsNameTheFilter: when filters empty the results, the
// page names each filter whose removal alone finds articles, with a link
// that removes it and how many it finds.
func TestPage_EmptyResultsNameTheFilter(t *testing.T) {
	ts := seedServer(t)
	_, page := get(t, ts, "/?q=Kazakhstan&lang=tr&from=2022-05-01&to=2022-05-31")
	if !strings.Contains(page, "No articles match “Kazakhstan” with these filters.") {
		t.Errorf("empty page does not say the filters emptied it")
	}
	drops := regexp.MustCompile(`<li><a href="([^"]*)">([^<]*)</a> <span class="count">\(([^)]*)\)</span></li>`).FindAllStringSubmatch(page, -1)
	want := map[string]string{
		"Remove the filter “Language: Turkish”":              "1 article without it",
		"Remove the filter “Dates: 2022-05-01 – 2022-05-31”": "2 articles without it",
	}
	if len(drops) != len(want) {
		t.Fatalf("drops = %q; want %d", drops, len(want))
	}
	for _, d := range drops {
		label, n := html.UnescapeString(d[2]), d[3]
		if want[label] != n {
			t.Errorf("drop %q (%s); want one of %v", label, n, want)
		}
		_, after := get(t, ts, html.UnescapeString(d[1]))
		if got := regexp.MustCompile(`<strong>(\d+)</strong>`).FindStringSubmatch(after); got == nil || !strings.HasPrefix(n, got[1]+" ") {
			t.Errorf("following %q finds %v; the page said %s", label, got, n)
		}
	}
	// Without words the page reads naturally.
	_, page = get(t, ts, "/?lang=tr&from=2022-05-01&to=2022-05-31")
	if !strings.Contains(page, "No articles match these filters.") || strings.Contains(page, "“”") || strings.Contains(page, "<q></q>") {
		t.Errorf("empty page without words does not read naturally")
	}
}

// TestPage_SummaryReadsNaturally: browsing says it lists articles newest
// first and marks that order; a search time that rounds to 0 ms is not
// shown.
func TestPage_SummaryReadsNaturally(t *testing.T) {
	ts := seedServer(t)
	_, page := get(t, ts, "/")
	if !strings.Contains(page, `<h1 class="count" id="results-h">All articles · <strong>5</strong></h1>`) {
		t.Errorf("browse heading wrong")
	}
	sorts := page[strings.Index(page, `<nav class="sort"`):]
	sorts = sorts[:strings.Index(sorts, "</nav>")]
	if strings.Contains(sorts, "Relevance") || !strings.Contains(sorts, `class="active" aria-current="true">Newest`) {
		t.Errorf("browsing marks %q; want Newest, and no Relevance", sorts)
	}
	_, page = get(t, ts, "/?q=Kazakhstan")
	if !strings.Contains(page, `class="active" aria-current="true">Relevance`) {
		t.Errorf("a search does not mark Relevance")
	}
	for _, tt := range []struct {
		took time.Duration
		want string
	}{{300 * time.Microsecond, ""}, {12 * time.Millisecond, "(12 ms)"}} {
		srv, err := New(Config{Searcher: tookSearcher{Index: seedIndex(t, nil), took: tt.took}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), CacheBytes: -1})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?q=Kazakhstan", nil))
		body := rec.Body.String()
		if tt.want == "" && strings.Contains(body, "ms)") || tt.want != "" && !strings.Contains(body, tt.want) {
			t.Errorf("search of %v: timing shown wrong (want %q)", tt.took, tt.want)
		}
	}
}

// TestPage_Semantics: what axe-core cannot see in one page load: a skip
// link first, one h1, no live region (every search loads a page), a
// timeline that is no image holding links, and lang on every hit.
func TestPage_Semantics(t *testing.T) {
	ts := seedServer(t)
	for _, path := range []string{"/?q=Kazakistan", "/", "/articles/" + seedSq, "/?from=2026-01-01&to=2025-01-01", "/articles/nope"} {
		_, page := get(t, ts, path)
		body := page[strings.Index(page, "<body>"):]
		if !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(body, "<body>")), `<a class="skip" href="#main">`) {
			t.Errorf("GET %s: the skip link is not the first thing in the body", path)
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("GET %s: %d h1; want 1", path, n)
		}
		if strings.Contains(page, "aria-live") {
			t.Errorf("GET %s: a live region", path)
		}
		if strings.Contains(page, `role="img"`) {
			t.Errorf("GET %s: an element marked as an image (the timeline holds links)", path)
		}
	}
	_, page := get(t, ts, "/?q=Kazakistan")
	hits := strings.Count(page, `<li class="hit">`)
	if n := len(regexp.MustCompile(`<h3 lang="(sq|tr|en)">`).FindAllString(page, -1)); n != hits || hits == 0 {
		t.Errorf("%d of %d hit titles carry their language", n, hits)
	}
	if n := len(regexp.MustCompile(`<p class="snippet" lang="(sq|tr|en)">`).FindAllString(page, -1)); n != hits {
		t.Errorf("%d of %d snippets carry their language", n, hits)
	}
}
