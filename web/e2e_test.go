package web

import (
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/corpus"
)

// newTestServer serves a real index of the seed corpus plus extra articles.
func newTestServer(t *testing.T, extra fstest.MapFS) *httptest.Server {
	t.Helper()
	all := fstest.MapFS{}
	seeds, err := fs.ReadDir(corpus.Seeds(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range seeds {
		b, err := fs.ReadFile(corpus.Seeds(), e.Name())
		if err != nil {
			t.Fatal(err)
		}
		all[e.Name()] = &fstest.MapFile{Data: b}
	}
	for name, f := range extra {
		all[name] = f
	}
	return fsServer(t, all)
}

func getPage(t *testing.T, ts *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

type e2eSearchJSON struct {
	Query  string `json:"query"`
	Total  int    `json:"total"`
	TookMS *float64
	Page   int `json:"page"`
	Size   int `json:"size"`
	Hits   []struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		Lang      string   `json:"lang"`
		Date      *string  `json:"date"`
		Countries []string `json:"countries"`
		Score     float64  `json:"score"`
		Snippet   string   `json:"snippet"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
		Label string `json:"label"`
		Count int    `json:"count"`
	} `json:"facets"`
}

func TestAPI_Search(t *testing.T) {
	ts := newTestServer(t, nil)
	code, hdr, body := getPage(t, ts, "/api/search?q=Kazakistan&country=KZ&size=2")
	if code != http.StatusOK {
		t.Fatalf("status = %d; body %s", code, body)
	}
	if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q; want JSON", ct)
	}
	var res e2eSearchJSON
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("decode: %v\n%s", err, body)
	}
	// Every seed is about Kazakhstan: three name it "Kazakistan", the English
	// ones match across languages through the country facet.
	if res.Total != 5 || len(res.Hits) != 2 || res.Page != 1 || res.Size != 2 || res.Query != "Kazakistan" {
		t.Errorf("total %d hits %d page %d size %d query %q; want 5, 2, 1, 2, Kazakistan", res.Total, len(res.Hits), res.Page, res.Size, res.Query)
	}
	for _, key := range []string{`"took_ms"`, `"snippet"`, `"countries"`, `"score"`, `"date"`} {
		if !strings.Contains(body, key) {
			t.Errorf("response lacks %s", key)
		}
	}
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, "<mark>") {
			t.Errorf("hit %s snippet %q has no <mark>", h.ID, h.Snippet)
		}
	}
	labels := map[string]string{}
	for _, g := range []string{"lang", "country", "year"} {
		if len(res.Facets[g]) == 0 {
			t.Errorf("facet group %s missing", g)
		}
		for _, v := range res.Facets[g] {
			labels[g+"="+v.Value] = v.Label
		}
	}
	if labels["lang=tr"] != "Turkish" || labels["country=KZ"] != "Kazakhstan" {
		t.Errorf("labels = %v; want lang tr = Turkish, country KZ = Kazakhstan", labels)
	}
}

func TestAPI_SearchErrors(t *testing.T) {
	ts := newTestServer(t, nil)
	tests := []struct{ query, param string }{
		{"lang=xx", "lang"},
		{"country=ZZ", "country"},
		{"country=KAZ", "country"},
		{"org=NOPE", "org"},
		{"from=2026-13-01", "from"},
		{"to=yesterday", "to"},
		{"from=2026-02-02&to=2025-01-01", "from"},
		{"page=0", "page"},
		{"page=-3", "page"},
		{"page=abc", "page"},
		{"page=999999999999999999999", "page"},
		{"size=-1", "size"},
		{"country_mode=both", "country_mode"},
		{"size=101", "size"},
		{"page=2000&size=100", "page"},
		{"sort=random", "sort"},
		{"q=" + strings.Repeat("a", 5000), "q"},
		{"q=%ff%fe", "q"},
	}
	for _, tt := range tests {
		code, _, body := getPage(t, ts, "/api/search?"+tt.query)
		var e struct{ Error string }
		if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || !strings.HasPrefix(e.Error, tt.param+":") {
			t.Errorf("GET /api/search?%.40s = %d %s; want 400 with an error naming %q", tt.query, code, body, tt.param)
		}
	}
}

func TestAPI_Article(t *testing.T) {
	ts := newTestServer(t, fstest.MapFS{"sub/dir/a b.txt": {Data: []byte("Nested headline\nText in a nested folder.")}})
	code, _, body := getPage(t, ts, "/api/articles/001_f67958c7595deab4")
	if code != http.StatusOK {
		t.Fatalf("status = %d; body %s", code, body)
	}
	var a struct {
		ID, Title, Body, Lang, Source string
		Date                          *string
		Countries                     []string
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.ID != "001_f67958c7595deab4" || a.Lang != "tr" || a.Date == nil || *a.Date != "2025-08-22" || !strings.Contains(a.Body, "Bişkek") || len(a.Countries) == 0 {
		t.Errorf("article = %+v", a)
	}
	// Ids of files in sub-folders keep their slashes; each segment is escaped.
	if code, _, body := getPage(t, ts, "/api/articles/sub/dir/a%20b"); code != http.StatusOK || !strings.Contains(body, "Nested headline") {
		t.Errorf("nested id: %d %s", code, body)
	}
	for _, p := range []string{
		"/api/articles/nope",
		"/api/articles/sub%2Fdir%2Fa%20b",
		"/api/articles/../healthz",
		"/api/articles/sub/../sub/dir/a%20b",
		"/api/articles/%2e%2e/%2e%2e/etc/passwd",
		"/api/articles/",
	} {
		code, _, body := getPage(t, ts, p)
		if code != http.StatusNotFound || !strings.Contains(body, `"error"`) {
			t.Errorf("GET %s = %d %s; want 404 JSON", p, code, body)
		}
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, nil)
	code, _, body := getPage(t, ts, "/healthz")
	var h struct {
		Status   string
		Articles int
		Cache    *struct {
			MaxBytes int64 `json:"max_bytes"`
		}
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil || code != http.StatusOK ||
		h.Status != "ok" || h.Articles != 5 || h.Cache == nil || h.Cache.MaxBytes != DefaultCacheBytes {
		t.Errorf("healthz = %d %q; want 200, status ok, 5 articles, a cache of %d bytes", code, body, DefaultCacheBytes)
	}
	var m struct {
		Memory struct {
			Caches map[string]struct {
				Bytes    int64 `json:"bytes"`
				MaxBytes int64 `json:"max_bytes"`
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"answers", "bodies", "stop words", "word memos"} {
		c, ok := m.Memory.Caches[name]
		if !ok || c.MaxBytes <= 0 || c.Bytes > c.MaxBytes {
			t.Errorf("healthz memory cache %q = %+v (present %v); want it bounded and within its bound", name, c, ok)
		}
	}
}

func TestPage_Search(t *testing.T) {
	ts := newTestServer(t, fstest.MapFS{
		"xss.txt": {Data: []byte("Kazakistan <script>alert('t')</script> headline\nKazakistan <img src=x onerror=alert(1)> body text.")},
	})
	code, hdr, body := getPage(t, ts, "/?q="+url.QueryEscape("Kazakistan <script>alert(1)</script>"))
	if code != http.StatusOK {
		t.Fatalf("status = %d", code)
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
		t.Errorf("page contains unescaped markup from the query or an article")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("page does not show the escaped query")
	}
	if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}

	code, _, body = getPage(t, ts, "/?q=Kazakistan")
	if code != http.StatusOK {
		t.Fatalf("status = %d", code)
	}
	for _, want := range []string{
		`<mark>Kazakistan</mark>`,                            // highlighted snippet
		`&lt;img src=x onerror=alert(1)&gt;`,                 // escaped article text
		`href="/?country=KZ&amp;q=Kazakistan"`,               // facet link adds the filter
		`Kyrgyzstan`,                                         // country label
		`href="/articles/001_f67958c7595deab4?q=Kazakistan"`, // result link, with the search for the way back
		`<section class="timeline"`,                          // date timeline
	} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s", want)
		}
	}

	// A selected facet value stays visible and links to its removal.
	_, _, body = getPage(t, ts, "/?q=Kazakistan&country=KG")
	if !strings.Contains(body, `class="fv selected" data-value="KG"`) || !strings.Contains(body, `href="/?q=Kazakistan"`) {
		t.Errorf("selected country KG not shown as removable")
	}
}

func TestPage_Article(t *testing.T) {
	ts := newTestServer(t, nil)
	code, _, body := getPage(t, ts, "/articles/002_88681c88f7eb0ef2")
	if code != http.StatusOK {
		t.Fatalf("status = %d", code)
	}
	for _, want := range []string{"İstanbul", "2026-02-02", "Turkish", `data-value="KZ"`} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	code, _, body = getPage(t, ts, "/articles/nope")
	if code != http.StatusNotFound || !strings.Contains(body, "<html") {
		t.Errorf("unknown article page = %d; want an HTML 404", code)
	}
}

func TestPage_UILanguage(t *testing.T) {
	ts := newTestServer(t, nil)
	tests := []struct{ path, accept, want string }{
		{"/?ui=tr", "", "Ülke"},
		{"/?ui=sq", "", "Vendi"},
		{"/", "sq-AL,sq;q=0.9", "Vendi"},
		{"/", "de-DE", "Country"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", ts.URL+tt.path, nil)
		req.Header.Set("Accept-Language", tt.accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("GET %s (Accept-Language %q) lacks %q", tt.path, tt.accept, tt.want)
		}
	}
}
