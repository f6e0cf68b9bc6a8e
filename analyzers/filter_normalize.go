package analyzers

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// NFCFilterName is the registry name of the per-token NFC filter.
const NFCFilterName = "kerko_nfc"

// NFCFilter puts each token's term into Unicode NFC and replaces invalid UTF-8.
// It works per token, not as a char filter, so Start/End keep pointing into the
// original text even when decomposed input ("e" + U+0308) gets shorter.
// It is the first filter of every kerko analyzer: casing and folding tables
// only know precomposed letters.
type NFCFilter struct{}

// Filter implements analysis.TokenFilter.
func (NFCFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = nfcTerm(tok.Term)
	}
	return input
}

func nfcTerm(term []byte) []byte {
	if isASCII(term) {
		return term
	}
	if !utf8.Valid(term) {
		term = []byte(toValidUTF8(term))
	}
	if norm.NFC.IsNormal(term) {
		return term
	}
	return norm.NFC.Bytes(term)
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
	mustRegisterFilter(NFCFilterName, NFCFilter{})
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
