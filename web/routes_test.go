package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestServer_EveryRouteResistsPayloads sends every XSS payload in every
// parameter a route might read, to every GET route the server registers,
// so routes added later are covered without editing this test: no answer
// is a 500, pages carry no injected markup, JSON parses and holds no raw
// markup, and the security headers are always there.
func TestServer_EveryRouteResistsPayloads(t *testing.T) {
	fsys, arts := xssCorpus()
	cfg := Config{Searcher: seedIndex(t, fsys)}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := startRealServer(t, cfg, nil)
	params := []string{"q", "ui", "lang", "country", "org", "from", "to", "sort", "page", "size", "prefix", "id", "n"}
	id := arts[0]["id"]
	routes := 0
	for _, r := range srv.echo.Routes() {
		if r.Method != "GET" || strings.HasPrefix(r.Path, "/static") {
			continue
		}
		routes++
		path := r.Path
		if strings.HasSuffix(path, "*") {
			path = strings.TrimSuffix(path, "*") + articleURL(id, nil)[len("/articles/"):]
		}
		for _, p := range params {
			for _, payload := range xssPayloads {
				u := ts.URL + path + "?" + url.Values{p: {payload}, "q": {"xsstoken " + payload}}.Encode()
				resp, body, _ := getTimed(t, u)
				what := r.Path + " " + p + "=" + payload
				if resp.StatusCode >= 500 {
					t.Errorf("%s: status %d: %.200s", what, resp.StatusCode, body)
					continue
				}
				if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
					t.Errorf("%s: security headers missing", what)
				}
				switch ct := resp.Header.Get("Content-Type"); {
				case strings.HasPrefix(ct, "application/json"):
					var v any
					checkJSON(t, what, body, &v)
				case strings.HasPrefix(ct, "text/html"):
					checkHTML(t, what, body)
				case strings.HasPrefix(ct, "application/atom+xml"):
					checkAtom(t, what, body)
				case strings.HasPrefix(ct, "text/csv"), strings.HasPrefix(ct, "application/jsonl"):
					// Data to save, never shown: an attachment the browser
					// does not sniff. JSON Lines still escapes markup.
					if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") {
						t.Errorf("%s: %s without Content-Disposition: attachment", what, ct)
					}
					if strings.HasPrefix(ct, "application/jsonl") {
						for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
							var v any
							checkJSON(t, what, line, &v)
						}
					}
				default:
					t.Errorf("%s: unexpected Content-Type %q", what, ct)
				}
			}
		}
	}
	if routes < 4 {
		t.Errorf("only %d GET routes found; the route list is not being read", routes)
	}
}
