package highlight

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"kerko/query"
)

// FuzzHighlight attacks the one place where article text reaches HTML
// without html/template: titles and snippets are escaped here and rendered
// raw by the web package. Whatever the text and query, the output may hold
// no markup but <mark> and </mark>, and stays valid UTF-8.
func FuzzHighlight(f *testing.F) {
	for _, s := range [][2]string{
		{"<script>alert(1)</script> Erdoğan", "script alert erdogan"},
		{`"><img src=x onerror=alert(1)> Tiranë`, "img onerror tirane"},
		{"a &lt;b&gt; &amp; c", "lt b amp"},
		{"İstanbul'da İZMİR'de toplantı", "istanbul izmir"},
		{"e\u0308 n\u0303 ﬁ ß", "e fi ss"},
		{"x</mark><script>y", "mark script"},
		{"\xff\xfe<b>", "b"},
		{strings.Repeat("word ", 200) + "<i>target</i>", "target"},
	} {
		f.Add(s[0], s[1], "sq")
	}
	f.Fuzz(func(t *testing.T, text, q, lang string) {
		h := New(query.Parse(q))
		// Marking from memoized words must mark exactly what full analysis
		// marks.
		if utf8.ValidString(text) {
			if fast, slow := h.Spans(text, lang), h.analyzedMarks(text, lang); (len(fast) > 0 || len(slow) > 0) && !reflect.DeepEqual(fast, slow) {
				t.Errorf("marks(%q, %q): memoized %v, analyzed %v", text, q, fast, slow)
			}
		}
		for what, out := range map[string]string{"title": h.Title(text, lang), "snippet": h.Snippet(text, lang)} {
			rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
			if strings.ContainsAny(rest, `<>"'`) {
				t.Fatalf("%s(%q, %q) = %q: unescaped markup", what, text, q, out)
			}
			if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
				t.Errorf("%s(%q, %q) = %q: unbalanced marks", what, text, q, out)
			}
			if utf8.ValidString(text) && !utf8.ValidString(out) {
				t.Errorf("%s(%q, %q) = %q: not valid UTF-8", what, text, q, out)
			}
		}
	})
}
