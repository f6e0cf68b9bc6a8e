package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// numberSuffixTokenizer keeps a number (or a name ending in one, G20) and
// the case ending written after it with an apostrophe in one token, as the unicode tokenizer keeps a name
// and its ending: Unicode word breaking splits "1940’larda" into "1940" and
// "larda" (it joins digits across an apostrophe only to digits), so the
// apostrophe cut never saw the ending, and the reader who typed
// "1940larda" or "1940'larda" did not find the article. With the two kept
// together, the cut makes "1940" of them, and NumberSuffixFilterName makes
// "1940" of "1940larda". Turkish writes every number's case ending so
// (2015'te, 5'inci, 90'lı yıllar). Every analyzer tokenizes so, so that
// all fields see the same words: the apostrophe filters of the others cut
// the ending too.
type numberSuffixTokenizer struct {
	inner analysis.Tokenizer
}

// Tokenize implements analysis.Tokenizer.
func (t numberSuffixTokenizer) Tokenize(input []byte) analysis.TokenStream {
	ts := t.inner.Tokenize(input)
	out := ts[:0]
	merged := 0
	for i := 0; i < len(ts); i++ {
		tok := ts[i]
		tok.Position -= merged
		if i+1 < len(ts) && tok.End < len(input) && endsInDigit(input[tok.Start:tok.End]) {
			next := ts[i+1]
			n := apostropheAt(input, tok.End)
			if r, _ := utf8.DecodeRune(input[next.Start:next.End]); n > 0 && tok.End+n == next.Start && unicode.IsLetter(r) {
				tok.End = next.End
				tok.Term = input[tok.Start:tok.End]
				tok.Type = analysis.AlphaNumeric
				i++
				merged++
			}
		}
		out = append(out, tok)
	}
	return out
}

// endsInDigit reports whether a token ends in a digit: a number, or a name
// such as G20 or F-16, whose ending Turkish also writes after an apostrophe.
func endsInDigit(b []byte) bool {
	return len(b) > 0 && b[len(b)-1] >= '0' && b[len(b)-1] <= '9'
}

// numberLen is the length of the number that b starts with: digits, with
// "." and "," between them (10.000, 2,5), or 0.
func numberLen(b []byte) int {
	n := 0
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			n = i + 1
		case (c == '.' || c == ',') && n == i && i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '9':
		default:
			return n
		}
	}
	return n
}
