package analyzers

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Apostrophe filter names.
const (
	// ApostropheCutFilterName cuts each token at its first apostrophe: Turkish
	// writes case endings after an apostrophe on proper nouns (Türkiye'nin,
	// ABD'ye), and the unicode tokenizer keeps them in one token.
	ApostropheCutFilterName = "kerko_apostrophe_cut"
	// ApostropheElisionFilterName is the cut, except that a single letter
	// before the apostrophe is an elided clitic (Albanian s'ka, t'i, m'u;
	// French l'état) and the word after it is kept instead.
	ApostropheElisionFilterName = "kerko_apostrophe_elision"
)

// ApostropheFilter cuts tokens at apostrophes (' ’ ʼ ＇); see the name constants.
type ApostropheFilter struct {
	// Elision keeps the part after a one-letter prefix.
	Elision bool
}

// Filter implements analysis.TokenFilter. Tokens that become empty are dropped.
func (f ApostropheFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		tok.Term = cutApostrophe(tok.Term, f.Elision)
		if len(tok.Term) > 0 {
			out = append(out, tok)
		}
	}
	return out
}

// apostropheAt returns the byte length of the apostrophe starting at b[i], or 0.
func apostropheAt(b []byte, i int) int {
	c := b[i]
	if c == '\'' {
		return 1
	}
	if c < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRune(b[i:])
	switch r {
	case '’', 'ʼ', '＇', '‘':
		return n
	}
	return 0
}

func cutApostrophe(term []byte, elision bool) []byte {
	// Leading apostrophes are quotes, not grammar.
	for len(term) > 0 {
		n := apostropheAt(term, 0)
		if n == 0 {
			break
		}
		term = term[n:]
	}
	for i := 0; i < len(term); i++ {
		n := apostropheAt(term, i)
		if n == 0 {
			continue
		}
		if elision && utf8.RuneCount(term[:i]) == 1 && i+n < len(term) {
			return cutApostrophe(term[i+n:], elision)
		}
		return term[:i]
	}
	return term
}

func init() {
	mustRegisterFilter(ApostropheCutFilterName, ApostropheFilter{})
	mustRegisterFilter(ApostropheElisionFilterName, ApostropheFilter{Elision: true})
}
