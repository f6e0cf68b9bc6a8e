package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// NormalizeFilterName is the registry name of the per-token Unicode
// normalization filter, the first filter of every kerko analyzer.
const NormalizeFilterName = "kerko_normalize"

// NormalizeFilter puts each token's term into Unicode NFKC and removes the
// default-ignorable code points (soft hyphen, zero-width space and joiners,
// word joiner, byte order mark, bidi marks, variation selectors), and
// replaces invalid UTF-8. Text pasted from PDFs and typeset pages writes
// ligatures (ﬁnance), East Asian layouts write fullwidth letters
// (ＫＡＺＡＫＨＳＴＡＮ) and CMSs hide soft hyphens and zero-width spaces
// inside words; readers type none of them, so without this none of those
// words could be found. NFKC rather than NFKC_Casefold, because casing is
// language-specific here (Turkish I/İ) and done by the lowercase filters.
//
// It works per token, not as a char filter, so Start/End keep pointing
// into the original text when a term gets shorter (ﬁ → fi is longer,
// "e" + U+0308 → ë shorter): highlights stay on the words as written.
// Casing and folding tables only know precomposed letters, so it runs
// first.
type NormalizeFilter struct{}

// Filter implements analysis.TokenFilter. Tokens left empty are dropped.
func (NormalizeFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		tok.Term = normalizeTerm(tok.Term)
		if len(tok.Term) > 0 {
			out = append(out, tok)
		}
	}
	return out
}

func normalizeTerm(term []byte) []byte {
	if isASCII(term) {
		return term
	}
	if !utf8.Valid(term) {
		term = []byte(toValidUTF8(term))
	}
	if !hasIgnorable(term) && norm.NFKC.IsNormal(term) {
		return term
	}
	return norm.NFKC.Bytes(dropIgnorable(term))
}

// normalizeString is normalizeTerm for strings (queries, prefixes).
func normalizeString(s string) string {
	return string(normalizeTerm([]byte(s)))
}

// IsDefaultIgnorable reports whether r is a Default_Ignorable_Code_Point:
// drawn as nothing, so a word that holds one must match the word without
// it. NormalizeFilter drops them; extract drops the same ones.
// The derived property is Other_Default_Ignorable_Code_Point, variation
// selectors and format characters (Cf) except the prepended concatenation
// marks, U+FFF9–FFFB and the Egyptian hieroglyph format controls.
func IsDefaultIgnorable(r rune) bool {
	if r < 0xAD {
		return false
	}
	switch {
	case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r), unicode.Is(unicode.Variation_Selector, r):
		return true
	case unicode.Is(unicode.Prepended_Concatenation_Mark, r),
		r >= 0xFFF9 && r <= 0xFFFB, r >= 0x13430 && r <= 0x1343F:
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

func hasIgnorable(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if IsDefaultIgnorable(r) {
			return true
		}
		i += n
	}
	return false
}

func dropIgnorable(b []byte) []byte {
	if !hasIgnorable(b) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !IsDefaultIgnorable(r) {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func toValidUTF8(b []byte) string {
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r != utf8.RuneError || n > 1 {
			out = append(out, r)
		}
		b = b[n:]
	}
	return string(out)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func init() {
	mustRegisterFilter(NormalizeFilterName, NormalizeFilter{})
}

// mustRegisterFilter registers a stateless filter; a duplicate name is a
// programming error, so it panics like Bleve's own init functions.
func mustRegisterFilter(name string, f analysis.TokenFilter) {
	err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return f, nil
	})
	if err != nil {
		panic(err)
	}
}
