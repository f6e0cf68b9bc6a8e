package query

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"kerko/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the outputs of testdata/*.txtar")

// TestGoldens parses each line of a case's input section and writes what
// the parser made of it: the clauses (+ must, - must not; alternatives
// joined by |, phrases quoted) and the query as String gives it back.
func TestGoldens(t *testing.T) {
	fixture.Goldens(t, *update, func(t *testing.T, a *fixture.Archive, want func(name, got string)) {
		in, ok := a.Get("input")
		if !ok {
			t.Fatal("no input section")
		}
		var out []string
		for _, line := range strings.Split(in, "\n") {
			q := Parse(line)
			out = append(out, fmt.Sprintf("%q\n\tclauses: %s\n\tstring:  %q", line, clauses(q), q.String()))
			if again := Parse(q.String()).String(); again != q.String() {
				t.Errorf("%q: String %q parses back as %q", line, q.String(), again)
			}
		}
		want("parsed", strings.Join(out, "\n"))
	})
}

func clauses(q *Query) string {
	var parts []string
	each := func(sign string, cs []Clause) {
		for _, c := range cs {
			var alts []string
			for _, t := range c.Alts {
				if t.Phrase {
					alts = append(alts, fmt.Sprintf("%q", t.Text))
				} else {
					alts = append(alts, t.Text)
				}
			}
			parts = append(parts, sign+strings.Join(alts, "|"))
		}
	}
	each("+", q.Must)
	each("-", q.Not)
	if len(parts) == 0 {
		return "(empty)"
	}
	return strings.Join(parts, " ")
}
