package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Lowercase filter names. Bleve's stock to_lower is never used: in v2.6.3 it
// turns "İstanbul" into invalid UTF-8 and maps I→i, which is wrong in Turkish.
const (
	// LowerFilterName lowercases language-neutrally; İ and I both become i.
	LowerFilterName = "kerko_lower"
	// TurkishLowerFilterName lowercases with Turkish rules: İ→i, I→ı.
	TurkishLowerFilterName = "kerko_lower_tr"
)

// LowerFilter lowercases each token's term.
type LowerFilter struct {
	Turkish bool
}

// Filter implements analysis.TokenFilter.
func (f LowerFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = lowerBytes(tok.Term, f.Turkish)
	}
	return input
}

// lowerBytes lowercases b, in place when it is ASCII (the common case).
func lowerBytes(b []byte, turkish bool) []byte {
	ascii := true
	for i, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			if turkish && c == 'I' {
				ascii = false
				break
			}
			b[i] = c + 'a' - 'A'
		}
	}
	if ascii {
		return b
	}
	out := make([]byte, 0, len(b)+2)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		out = utf8.AppendRune(out, lowerRune(r, turkish))
	}
	return out
}

func lowerRune(r rune, turkish bool) rune {
	switch r {
	case 'I':
		if turkish {
			return 'ı'
		}
		return 'i'
	case 'İ':
		return 'i'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

func init() {
	mustRegisterFilter(LowerFilterName, LowerFilter{})
	mustRegisterFilter(TurkishLowerFilterName, LowerFilter{Turkish: true})
}
