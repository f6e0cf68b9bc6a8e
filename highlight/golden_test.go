package highlight

import (
	"flag"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"kerko/internal/fixture"
	"kerko/query"
)

var update = flag.Bool("update", false, "rewrite the outputs of testdata/*.txtar")

// TestGoldens marks each testdata/*.txtar case's text for its query and
// language: the title rendering of the whole text, the snippet, and the
// marked words. Both ways of marking (analyzing the whole text, from memoized
// words) must give the golden output.
func TestGoldens(t *testing.T) {
	fixture.Goldens(t, *update, func(t *testing.T, a *fixture.Archive, want func(name, got string)) {
		q, _ := a.Get("query")
		lang, _ := a.Get("lang")
		text, ok := a.Get("text")
		if !ok {
			t.Fatal("no text section")
		}
		h := New(query.Parse(q))
		if fast, slow := h.Spans(text, lang), h.analyzedMarks(text, lang); (len(fast) > 0 || len(slow) > 0) && !reflect.DeepEqual(fast, slow) {
			t.Errorf("marks from memoized words %v differ from analyzing the whole text %v", fast, slow)
		}
		titles := []string{h.Title(text, lang)}
		snippets := []string{h.Snippet(text, lang)}
		plain := h
		var words []string
		for _, s := range plain.analyzedMarks(text, lang) {
			words = append(words, fmt.Sprintf("%d-%d %s", s.Start, s.End, text[s.Start:s.End]))
		}
		want("marked", strings.Join(words, "\n"))
		want("title", titles[0])
		want("snippet", snippets[0])
	})
}
