package highlight

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"kerko/internal/fixture"
	"kerko/query"
)

var update = flag.Bool("update", false, "rewrite the outputs of testdata/*.txtar")

// TestGoldens marks each testdata/*.txtar case's text for its query and
// language: the title rendering of the whole text, the snippet, and the
// marked words. Every way of marking (analyzing the whole text, from memoized
// words, from a memoized text) must give the golden output.
func TestGoldens(t *testing.T) {
	fixture.Goldens(t, *update, func(t *testing.T, a *fixture.Archive, want func(name, got string)) {
		q, _ := a.Get("query")
		lang, _ := a.Get("lang")
		text, ok := a.Get("text")
		if !ok {
			t.Fatal("no text section")
		}
		memo := NewMemo(0)
		var titles, snippets []string
		for range 3 { // the third marking comes from the memo
			h := New(query.Parse(q), memo)
			titles = append(titles, h.Title("golden", text, lang))
			snippets = append(snippets, h.Snippet("golden", text, lang))
		}
		plain := New(query.Parse(q), nil)
		titles = append(titles, plain.Title("", text, lang))
		snippets = append(snippets, plain.Snippet("", text, lang))
		for i := 1; i < len(titles); i++ {
			if titles[i] != titles[0] || snippets[i] != snippets[0] {
				t.Errorf("marking %d differs: title %q snippet %q; first %q %q", i, titles[i], snippets[i], titles[0], snippets[0])
			}
		}
		var words []string
		for _, s := range plain.analyzedMarks(text, lang) {
			words = append(words, fmt.Sprintf("%d-%d %s", s.Start, s.End, text[s.Start:s.End]))
		}
		want("marked", strings.Join(words, "\n"))
		want("title", titles[0])
		want("snippet", snippets[0])
	})
}
