package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TermListAnalyzer is the registry name of the analyzer for a field given as
// a space-separated list of exact terms ("c:TR c:TR c:KZ _"): whitespace
// tokenizer, no filters. One string of n terms indexes as n keyword values
// would (same terms, frequencies and field length, so the same scores), but
// Bleve maps, analyzes and merges one field instead of n.
const TermListAnalyzer = "kerko_terms"

// termTokenizer makes the tokens Bleve's whitespace tokenizer makes (runs of
// non-space runes, up to the first rune that does not decode), but
// allocates them to size: Bleve's allocates room for 1,024 tokens and each
// token apart, for every article's fieldAbout.
type termTokenizer struct{}

func (termTokenizer) Tokenize(input []byte) analysis.TokenStream {
	type span struct{ start, end int }
	var buf [80]span // fieldAbout's terms fit (index.aboutLen)
	spans := buf[:0]
	start, end := 0, 0
	for offset := 0; ; {
		r, size := utf8.DecodeRune(input[offset:])
		if r == utf8.RuneError {
			break
		}
		if !unicode.IsSpace(r) {
			end = offset + size
		} else {
			if end > start {
				spans = append(spans, span{start, end})
			}
			start = offset + size
			end = start
		}
		offset += size
	}
	if end > start {
		spans = append(spans, span{start, end})
	}
	out := make(analysis.TokenStream, len(spans))
	toks := make([]analysis.Token, len(spans))
	for i, s := range spans {
		toks[i] = analysis.Token{Term: input[s.start:s.end], Start: s.start, End: s.end, Position: i + 1, Type: analysis.AlphaNumeric}
		out[i] = &toks[i]
	}
	return out
}

func init() {
	err := registry.RegisterAnalyzer(TermListAnalyzer, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: termTokenizer{}}, nil
	})
	if err != nil {
		panic(err)
	}
}
