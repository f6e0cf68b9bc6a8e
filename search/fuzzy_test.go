package search

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestFuzzyAutomaton_Distance checks kerko's lazy automaton for ASCII words
// against vellum's table DFA (what Bleve's fuzzy dictionary uses) on hand
// picked terms and on random ones over a small alphabet with non-ASCII
// letters, so that misspellings, multi-byte characters and far terms all
// occur.
func TestFuzzyAutomaton_Distance(t *testing.T) {
	cases := []struct {
		word, term string
		fuzziness  uint8
		want       uint8
		match      bool
	}{
		{"kazakistn", "kazakistan", 2, 1, true},
		{"tirans", "tirane", 2, 1, true},
		{"tirans", "tiranë", 2, 1, true}, // ë is one character, two bytes
		{"tirans", "trans", 2, 1, true},
		{"erdgan", "erdogan", 2, 1, true},
		{"erdgan", "ërdöğan", 2, 3, false},
		{"kosova", "kosova", 1, 0, true},
		{"kosova", "kosovës", 1, 2, false},
		{"abcd", "", 2, 3, false},
		{"abcd", "ab", 2, 2, true},
		{"abcd", "Бcd", 2, 2, true},
	}
	for _, c := range cases {
		a, err := newFuzzyAutomaton(c.word, c.fuzziness)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := a.Distance(c.term)
		if ok != c.match || (ok && d != c.want) {
			t.Errorf("distance(%q, %q) within %d = %d, %v; want %d, %v", c.word, c.term, c.fuzziness, d, ok, c.want, c.match)
		}
		if got := walk(a, c.term); got != c.match {
			t.Errorf("walk(%q) over %q's automaton = %v, want %v", c.term, c.word, got, c.match)
		}
	}

	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcdeiëışç")
	randWord := func(n int, ascii bool) string {
		rs := make([]rune, n)
		for i := range rs {
			if ascii {
				rs[i] = alphabet[rng.IntN(5)]
			} else {
				rs[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		return string(rs)
	}
	for i := range 3000 {
		word := randWord(4+rng.IntN(6), true)
		term := randWord(2+rng.IntN(10), false)
		fz := uint8(1 + i%2)
		lazy := newASCIILev(word, fz)
		b, err := levBuilder(fz)
		if err != nil {
			t.Fatal(err)
		}
		dfa, err := b.BuildDfa(word, fz)
		if err != nil {
			t.Fatal(err)
		}
		wantOK, wantD := dfa.MatchAndDistance(term)
		d, ok := lazy.Distance(term)
		if ok != wantOK || (ok && d != wantD) {
			t.Fatalf("distance(%q, %q) within %d = %d, %v; vellum says %d, %v", word, term, fz, d, ok, wantD, wantOK)
		}
		if got := walk(lazy, term); got != wantOK {
			t.Fatalf("walk(%q) over %q's automaton = %v, vellum says %v", term, word, got, wantOK)
		}
		if !utf8.ValidString(term) {
			t.Fatalf("test made invalid UTF-8 %q", term)
		}
	}
}

// walk runs a over term as a dictionary walk does, pruning on CanMatch.
func walk(a fuzzyAutomaton, term string) bool {
	s := a.Start()
	for i := 0; i < len(term); i++ {
		if !a.CanMatch(s) {
			return false
		}
		s = a.Accept(s, term[i])
	}
	return a.IsMatch(s)
}
