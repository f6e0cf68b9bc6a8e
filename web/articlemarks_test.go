package web

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/internal/fixture"
)

// articleBody is the article text of an article page.
var articleBody = regexp.MustCompile(`(?s)<div class="body"[^>]*>(.*?)</div>`)

var markRE = regexp.MustCompile(`<mark>([^<]*)</mark>`)

// TestArticlePage_MarksQuery checks that the article page marks what the
// search it was opened from matched: its words in any form, and the names
// of the countries it named or chose.
func TestArticlePage_MarksQuery(t *testing.T) {
	ts := seedServer(t)
	id := fixture.SeedSqTurqiKZ
	for _, tt := range []struct {
		state string
		want  []string // marked, as the text writes them
		not   []string
	}{
		{"", nil, nil},
		{"q=erdogan", []string{"Erdogan"}, []string{"Kazakistani"}},
		// Kazakhstan is a country: its Albanian forms are marked.
		{"q=Kazakhstan", []string{"Kazakistani", "Kazakistanit"}, []string{"Erdogan"}},
		{"q=country%3AKZ+erdogan", []string{"Erdogan", "Kazakistanit"}, nil},
		{"country=TR", []string{"Turqisë", "Turqia"}, []string{"Kazakistani"}},
		// An exclusion is not what matched.
		{"q=-erdogan", nil, nil},
	} {
		code, page := get(t, ts, "/articles/"+id+"?"+tt.state)
		if code != 200 {
			t.Fatalf("GET article?%s = %d", tt.state, code)
		}
		m := articleBody.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("article?%s: no body", tt.state)
		}
		var marked []string
		for _, mm := range markRE.FindAllStringSubmatch(m[1], -1) {
			marked = append(marked, mm[1])
		}
		if len(tt.want) == 0 && len(marked) > 0 {
			t.Errorf("article?%s marks %v; want nothing", tt.state, marked)
		}
		for _, w := range tt.want {
			if !slices.Contains(marked, w) {
				t.Errorf("article?%s marks %v; want %q among them", tt.state, marked, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(marked, w) {
				t.Errorf("article?%s marks %q", tt.state, w)
			}
		}
		// The text around the marks is the article's, escaped as before.
		plain := markRE.ReplaceAllString(m[1], "$1")
		_, bare := get(t, ts, "/articles/"+id)
		if want := articleBody.FindStringSubmatch(bare)[1]; plain != want {
			t.Errorf("article?%s: text without the marks differs from the unmarked page", tt.state)
		}
	}
}

// TestArticlePage_MarksEscape checks that marking keeps the text escaped.
func TestArticlePage_MarksEscape(t *testing.T) {
	ts := newTestServer(t, fstest.MapFS{"xss.txt": {Data: []byte("Title\n\nThe <script>alert(1)</script> tag & the Erdoğan <b>speech</b>.\n")}})
	_, page := get(t, ts, "/articles/xss?q=script+speech+erdogan")
	body := articleBody.FindStringSubmatch(page)[1]
	if strings.Contains(body, "<script>") || strings.Contains(body, "<b>") {
		t.Errorf("marked text lets markup through: %s", body)
	}
	if !strings.Contains(body, "&lt;<mark>script</mark>&gt;") || !strings.Contains(body, "<mark>Erdoğan</mark>") || !strings.Contains(body, "<mark>speech</mark>") {
		t.Errorf("marked text = %s", body)
	}
}
