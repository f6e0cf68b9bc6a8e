package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// FoldFilterName is the registry name of the per-token diacritic folding filter.
const FoldFilterName = "kerko_fold"

// FoldFilter removes diacritics from lowercase terms (ë→e, ç→c, ş→s, ğ→g,
// ı→i, ö→o, ü→u, â→a ...). Readers often type Albanian and Turkish without
// them; it is a token filter, unlike Bleve's asciifolding char filter, so
// offsets stay right for highlighting.
type FoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		tok.Term = foldBytes(tok.Term)
		if len(tok.Term) > 0 {
			out = append(out, tok)
		}
	}
	return out
}

// foldTable maps the letters of Latin-1 Supplement and Latin Extended-A/B to
// their base letter; built once from Unicode decompositions so it covers more
// than the letters we know about (é, ñ, ő ...).
var foldTable = buildFoldTable()

const foldTableEnd = 0x250

func buildFoldTable() [foldTableEnd]rune {
	var t [foldTableEnd]rune
	for r := rune(0); r < foldTableEnd; r++ {
		t[r] = r
		if r < 0xC0 {
			continue
		}
		d := norm.NFD.String(string(r))
		base, n := utf8.DecodeRuneInString(d)
		if n < len(d) && base < utf8.RuneSelf {
			t[r] = base
		}
	}
	// Letters with no decomposition that readers still type as ASCII.
	for r, base := range map[rune]rune{'ı': 'i', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ħ': 'h'} {
		t[r] = base
	}
	return t
}

func foldRune(r rune) rune {
	if r < foldTableEnd {
		return foldTable[r]
	}
	return r
}

// foldBytes folds b in place and returns the folded prefix: a folded letter
// is never longer than the letter it replaces, so the write position never
// passes the read position. Bleve hands each analyzer its own copy of a
// stored field's text, and its own filters rewrite terms in place too.
func foldBytes(b []byte) []byte {
	if isASCII(b) {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			// Invalid UTF-8 stays as it is (U+FFFD would be longer).
			out = append(out, b[i])
			i++
			continue
		}
		i += n
		if r >= foldTableEnd && unicode.Is(unicode.Mn, r) {
			// A combining mark that NFC could not compose (e.g. "i̇" from
			// lowercasing İ elsewhere): drop it.
			continue
		}
		out = utf8.AppendRune(out, foldRune(r))
	}
	return out
}

func init() {
	mustRegisterFilter(FoldFilterName, FoldFilter{})
}
