package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// NumberSuffixFilterName is the registry name of the filter that cuts the
// case ending off a number written without its apostrophe: "1940larda",
// "2015te", "5inci" become "1940", "2015", "5", as "1940'larda" does
// through the apostrophe cut. Only lower-case endings are cut: "5G" and
// "3D" are names.
const NumberSuffixFilterName = "kerko_number_suffix"

// NumberSuffixFilter cuts lower-case letters after a leading number; see
// NumberSuffixFilterName.
type NumberSuffixFilter struct{}

// Filter implements analysis.TokenFilter.
func (NumberSuffixFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		digits := numberLen(tok.Term)
		if digits == 0 || digits == len(tok.Term) || !lowerLetters(tok.Term[digits:]) {
			continue
		}
		tok.Term = tok.Term[:digits]
	}
	return input
}

func lowerLetters(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if !unicode.IsLower(r) {
			return false
		}
		b = b[size:]
	}
	return true
}

func init() {
	mustRegisterFilter(NumberSuffixFilterName, NumberSuffixFilter{})
}
