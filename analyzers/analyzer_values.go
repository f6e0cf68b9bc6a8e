package analyzers

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// ValueListAnalyzer is the registry name of the analyzer for a field given
// as exact values, which may hold spaces ("Recep Tayyip Erdoğan"), joined
// by ValueSep: each value between separators is one term, byte for byte.
// Like TermListAnalyzer, one string of n values indexes as n keyword
// values would (same terms, frequencies and field length, so the same
// scores and doc values), but Bleve maps, analyzes and merges one field
// instead of n.
const ValueListAnalyzer = "kerko_values"

// ValueSep separates the values of a ValueListAnalyzer field; no value may
// hold it.
const ValueSep = "\x1e"

// valueTokenizer splits at ValueSep. Bleve's character tokenizer would
// too, but it allocates room for 1,024 tokens on every call and stops at
// the first invalid UTF-8 byte, where a keyword value would not.
type valueTokenizer struct{}

func (valueTokenizer) Tokenize(input []byte) analysis.TokenStream {
	sep := ValueSep[0]
	n := bytes.Count(input, []byte(ValueSep)) + 1
	out := make(analysis.TokenStream, 0, n)
	toks := make([]analysis.Token, n) // one allocation for all
	for start := 0; start <= len(input); {
		end := bytes.IndexByte(input[start:], sep)
		if end < 0 {
			end = len(input)
		} else {
			end += start
		}
		if end > start {
			t := &toks[len(out)]
			*t = analysis.Token{
				Term: input[start:end], Start: start, End: end,
				Position: len(out) + 1, Type: analysis.AlphaNumeric,
			}
			out = append(out, t)
		}
		start = end + 1
	}
	return out
}

func init() {
	err := registry.RegisterAnalyzer(ValueListAnalyzer, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: valueTokenizer{}}, nil
	})
	if err != nil {
		panic(err)
	}
}
