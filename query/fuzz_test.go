package query

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, stays within its bounds, keeps
// only valid UTF-8 terms that an analyzer could index, and that String
// renders a query Parse reads back as the same query.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Erdoğan Tokayev", `"Astana summit" -Russia`, "Kazakistan OR Kırgızistan", "OR OR a OR",
		`"""`, `"a "b" c"`, `-"-x"`, "+-+-a", "a\x00b", "\xff\xfe", "İstanbul'da", `"OR"`, `"-a"`,
		strings.Repeat(`"`, 200), strings.Repeat("a OR ", 100), "<script>alert(1)</script>",
		"Kosovo NOT Serbia", `(a b) OR c -(d OR e)`, `title:"sınır kapısı"~3 lang:tr country:"United States"`,
		"kaz* k* from:2020-13 to:2020-06", "((((((((((a))))))))))", "NOT NOT a", `a OR (NOT b) OR lang:tr`,
		`"a b"~ "c d"~999 OR:x title:`, "a AND b OR c", ")a( OR )",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		n := 0
		for _, c := range append(append([]Clause(nil), q.Must...), q.Not...) {
			if len(c.Alts) == 0 {
				t.Fatalf("Parse(%q): empty clause", s)
			}
			for _, term := range c.Alts {
				n++
				if term.Text == "" || !utf8.ValidString(term.Text) {
					t.Fatalf("Parse(%q): bad term %q", s, term.Text)
				}
				if !hasWordChar(term.Text) {
					t.Errorf("Parse(%q): term %q has nothing to index", s, term.Text)
				}
				if term.Phrase && len(strings.Fields(term.Text)) > MaxPhraseWords {
					t.Errorf("Parse(%q): phrase %q longer than %d words", s, term.Text, MaxPhraseWords)
				}
			}
		}
		if n > MaxTerms {
			t.Fatalf("Parse(%q): %d terms, more than %d", s, n, MaxTerms)
		}
		again := Parse(q.String())
		if !reflect.DeepEqual(again.Must, q.Must) || !reflect.DeepEqual(again.Not, q.Not) ||
			!reflect.DeepEqual(again.Expr, q.Expr) || again.Approx != q.Approx {
			t.Errorf("Parse(%q).String() = %q reads back as %q", s, q.String(), again.String())
		}
	})
}
