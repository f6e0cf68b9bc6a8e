package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"kerko/corpus"
)

// xssPayloads are what an attacker puts in article titles, bodies, ids,
// source names and queries.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'><svg/onload=alert(1)>`,
	`javascript:alert(1)`,
	`</textarea><script>alert(1)</script>`,
	`" autofocus onfocus="alert(1)`,
	`' onmouseover='alert(1)`,
	`</mark><script>alert(1)</script><mark>`,
	`<a href="javascript:alert(1)">click</a>`,
	`&lt;script&gt;alert(1)&lt;/script&gt;`,
	"＜script＞alert(1)＜/script＞",             // fullwidth look-alikes
	"\u2028\u2029</script><script>alert(1)", // JS line separators
	"<img src=x onerror=alert(1)><svg><script>alert(1)</script></svg>",
	"ʺ＞<ıframe src=/x>", // dotless ı: must not case-fold into <iframe>
	`{{.}}<!-- <base href=/x> -->`,
	"<style>*{display:none}</style>",
}

// xssCorpus makes one article per payload; every article also holds the
// word "xsstoken" so one search finds them all, and the payload sits next to
// searchable words so that highlight marks land beside it.
func xssCorpus() (fstest.MapFS, []map[string]string) {
	var lines []string
	var arts []map[string]string
	for i, p := range xssPayloads {
		id := fmt.Sprintf("xss-%02d-%s", i, strings.ReplaceAll(p, "//", "/_/"))
		a := map[string]string{
			"id":     id,
			"title":  "Kazakistan " + p + " xsstoken",
			"body":   "Erdoğan Astana'da " + p + " xsstoken script alert onerror Kazakistan. " + p,
			"source": "src " + p,
			"url":    "javascript:alert(1)",
			"lang":   "tr",
			"date":   "2025-03-04",
		}
		b, _ := json.Marshal(a)
		lines = append(lines, string(b))
		// The reader decodes HTML references (&lt;script&gt; becomes a real
		// <script>, which the pages must then escape): what comes back is
		// the normalized text.
		for _, f := range []string{"title", "body", "source"} {
			a[f] = corpus.Normalize(a[f])
		}
		arts = append(arts, a)
	}
	return fstest.MapFS{"xss.jsonl": &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}}, arts
}

// forbiddenTags are elements kerko's pages never carry and injected markup
// would; the templates may grow other elements (an inline SVG chart, an
// image) without touching this test: injected ones of those are caught by
// their handlers and sources.
var forbiddenTags = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "applet": true, "base": true, "textarea": true,
	"video": true, "audio": true, "source": true, "portal": true, "template": true, "noscript": true,
}

// safeURL reports whether a link, source or form target may appear in a
// page: local paths, or absolute http(s) URLs (never javascript:, data: or
// html/template's #ZgotmplZ for a URL it refused), or the page's own
// anchors.
func safeURL(v string) bool {
	v = strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(v, "//"):
		return false
	case strings.HasPrefix(v, "/"), strings.HasPrefix(v, "?"):
		return true
	case strings.HasPrefix(v, "#"):
		return htmlName(v[1:]) // an anchor of the page itself (the skip link)
	case strings.HasPrefix(v, "https://"), strings.HasPrefix(v, "http://"):
		return true
	}
	return false
}

// checkHTML fails when page holds injected markup: a forbidden element (the
// layout's one external script aside), an element name no HTML has, an
// event handler or style attribute, a link that is not safe, or a comment.
// It returns the page's text.
func checkHTML(t *testing.T, what, page string) string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var text strings.Builder
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return text.String()
		case html.TextToken:
			if inScript && strings.TrimSpace(string(z.Text())) != "" {
				t.Errorf("%s: inline script %q", what, z.Text())
			}
			text.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			inScript = tok.Data == "script"
			isLayoutScript := inScript && len(tok.Attr) == 2 && tok.Attr[0].Key == "src" && tok.Attr[0].Val == staticURL("kerko.js") && tok.Attr[1].Key == "defer"
			if forbiddenTags[tok.Data] && !isLayoutScript || !htmlName(tok.Data) {
				t.Errorf("%s: injected element <%s %v>", what, tok.Data, tok.Attr)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "srcdoc" || a.Key == "formaction" || !htmlName(a.Key) {
					t.Errorf("%s: injected attribute %s=%q on <%s>", what, a.Key, a.Val, tok.Data)
				}
				switch a.Key {
				case "href", "src", "action", "cite", "poster", "data":
					if !safeURL(a.Val) {
						t.Errorf("%s: unsafe %s=%q on <%s>", what, a.Key, a.Val, tok.Data)
					}
				}
			}
		case html.EndTagToken:
			inScript = false
		case html.CommentToken:
			t.Errorf("%s: comment %q in page", what, z.Token().Data)
		}
	}
}

// htmlName reports whether s is spelled like an HTML element or attribute
// name; anything else in a tag came from text that was not escaped.
func htmlName(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && i > 0 || r == '-' && i > 0) {
			return false
		}
	}
	return s != ""
}

// checkJSON fails when body could be read as markup or does not parse.
func checkJSON(t *testing.T, what, body string, v any) {
	t.Helper()
	if strings.ContainsAny(body, "<>\u2028\u2029") {
		t.Errorf("%s: JSON holds raw <, > or a JS line separator: %.300s", what, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: JSON does not parse: %v\n%.300s", what, err, body)
	}
}

// checkMarked fails when fragment, HTML that the web package renders raw,
// holds any markup but <mark>.
func checkMarked(t *testing.T, what, fragment string) {
	t.Helper()
	rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(fragment)
	if strings.ContainsAny(rest, `<>"'`) {
		t.Errorf("%s: unescaped markup in %q", what, fragment)
	}
}

func TestServer_XSS(t *testing.T) {
	fsys, arts := xssCorpus()
	ts := startRealServer(t, Config{Searcher: seedIndex(t, fsys)}, nil)

	// Search pages: the articles' payloads in titles, snippets, sources and
	// links, and each payload as the query itself.
	queries := []string{"xsstoken", "script alert onerror xsstoken"}
	queries = append(queries, xssPayloads...)
	for _, q := range queries {
		for _, extra := range []string{"", "&sort=newest&lang=tr&country=KZ"} {
			u := ts.URL + "/?size=50&q=" + url.QueryEscape(q) + extra
			resp, page, _ := getTimed(t, u)
			if resp.StatusCode != 200 {
				t.Fatalf("GET /?q=%q: status %d", q, resp.StatusCode)
			}
			text := checkHTML(t, "search page for "+q, page)
			if !strings.Contains(text, q) {
				t.Errorf("search page for %q does not show the query as text", q)
			}
		}
	}

	// Every article is found and its page shows each payload as text.
	resp, page, _ := getTimed(t, ts.URL+"/?size=50&q=xsstoken")
	text := checkHTML(t, "search page", page)
	links := articleLinks(t, page)
	if len(links) != len(arts) {
		t.Fatalf("search for xsstoken links %d articles; want %d", len(links), len(arts))
	}
	for _, a := range arts {
		if !strings.Contains(text, a["source"]) {
			t.Errorf("source of %q not shown as text on the search page", a["id"])
		}
	}
	for _, l := range links {
		resp, page, _ = getTimed(t, ts.URL+l)
		if resp.StatusCode != 200 {
			t.Errorf("GET %s (a link from the search page): %d", l, resp.StatusCode)
			continue
		}
		text := checkHTML(t, "article page "+l, page)
		found := false
		for _, a := range arts {
			if strings.Contains(text, a["title"]) && strings.Contains(text, a["source"]) {
				found = true
			}
		}
		if !found {
			t.Errorf("article page %s does not show its title and source as text", l)
		}
	}

	// JSON API: nothing breaks out, nothing is lost.
	var sr struct {
		Hits []struct {
			ID, Title, Source, Snippet string
			TitleHTML                  string `json:"title_html"`
		}
	}
	_, body, _ := getTimed(t, ts.URL+"/api/search?size=50&q="+url.QueryEscape("script alert onerror xsstoken"))
	checkJSON(t, "api search", body, &sr)
	if len(sr.Hits) != len(arts) {
		t.Fatalf("api search: %d hits; want %d", len(sr.Hits), len(arts))
	}
	byID := map[string]map[string]string{}
	for _, a := range arts {
		byID[a["id"]] = a
	}
	for _, h := range sr.Hits {
		a := byID[h.ID]
		if a == nil {
			t.Errorf("api search: unknown id %q", h.ID)
			continue
		}
		if h.Title != a["title"] || h.Source != a["source"] {
			t.Errorf("api search: %q came back as title %q source %q", h.ID, h.Title, h.Source)
		}
		checkMarked(t, "title_html of "+h.ID, h.TitleHTML)
		checkMarked(t, "snippet of "+h.ID, h.Snippet)
		if !strings.Contains(h.Snippet, "<mark>") {
			t.Errorf("snippet of %q marks nothing: %q", h.ID, h.Snippet)
		}
		var art struct{ ID, Title, Body, Source, URL string }
		_, body, _ := getTimed(t, ts.URL+"/api"+articleURL(h.ID, nil))
		checkJSON(t, "api article "+h.ID, body, &art)
		if art.ID != a["id"] || art.Title != a["title"] || art.Body != a["body"] || art.URL != a["url"] {
			t.Errorf("api article %q came back changed: %+v", h.ID, art)
		}
	}
	for _, q := range xssPayloads {
		_, body, _ := getTimed(t, ts.URL+"/api/search?q="+url.QueryEscape(q))
		var v map[string]any
		checkJSON(t, "api search for "+q, body, &v)
		if v["query"] != q {
			t.Errorf("api search echoes query %q as %q", q, v["query"])
		}
	}
}

// articleLinks returns the article links of a search page.
func articleLinks(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		if tok.Data != "a" || tt != html.StartTagToken {
			continue
		}
		for _, a := range tok.Attr {
			if a.Key == "href" && strings.HasPrefix(a.Val, "/articles/xss-") {
				out = append(out, a.Val)
			}
		}
	}
	return out
}

func TestServer_SecurityHeaders(t *testing.T) {
	ts := startRealServer(t, Config{Searcher: seedIndex(t, nil)}, nil)
	for _, path := range []string{
		"/", "/?q=erdogan", "/?page=-1", "/api/search?q=x", "/api/search?size=0", "/healthz",
		"/articles/000_d6b3d3bc0fda531d", "/articles/nope", "/api/articles/nope", "/static/kerko.css",
		"/static/kerko.js", "/static/nope", "/no/such/route",
	} {
		t.Run(path, func(t *testing.T) {
			resp, _, _ := getTimed(t, ts.URL+path)
			h := resp.Header
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*", "data: 'self'; script"} {
				if strings.Contains(csp, bad) {
					t.Errorf("CSP %q allows %q", csp, bad)
				}
			}
			if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			switch rp := h.Get("Referrer-Policy"); rp {
			case "same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin":
			default:
				t.Errorf("Referrer-Policy = %q", rp)
			}
			if got := h.Get("X-Frame-Options"); got != "DENY" {
				t.Errorf("X-Frame-Options = %q", got)
			}
			// Pages declare their charset; JSON is UTF-8 by definition.
			ct := h.Get("Content-Type")
			switch {
			case strings.HasPrefix(ct, "application/json"):
			case strings.HasPrefix(ct, "text/html"), strings.HasPrefix(ct, "text/plain"):
				if !strings.Contains(ct, "charset=UTF-8") && !strings.Contains(ct, "charset=utf-8") {
					t.Errorf("Content-Type = %q; want a charset", ct)
				}
			case strings.HasPrefix(path, "/static/"):
			default:
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}
