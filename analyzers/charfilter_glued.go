package analyzers

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// GluedSentenceCharFilterName is the registry name of the char filter that
// separates sentences glued without a space ("verës.Barcelona",
// "fund.Kjo"). Most Albanian portal text in kerko's corpora has such joins,
// and Unicode word breaking keeps "verës.Barcelona" as one token, so neither
// word could be found there.
//
// The period (or ! ? , ; :) is replaced by a space only between a lowercase
// letter and an uppercase one, which is how a glued sentence looks;
// abbreviations (U.S.), decimals (3.5) and host names (gazeta.com) stay as
// they are. The replacement has the same length in bytes, so token offsets
// still point into the original text and highlights stay in place.
const GluedSentenceCharFilterName = "kerko_glued_sentence"

// GluedSentenceCharFilter separates glued sentences; see
// GluedSentenceCharFilterName.
type GluedSentenceCharFilter struct{}

// Filter returns input with glued sentence punctuation replaced by spaces.
func (GluedSentenceCharFilter) Filter(input []byte) []byte {
	var out []byte // copied on the first change only
	for i := 1; i < len(input)-1; i++ {
		switch input[i] {
		case '.', '!', '?', ',', ';', ':':
		default:
			continue
		}
		prev, _ := utf8.DecodeLastRune(input[:i])
		next, _ := utf8.DecodeRune(input[i+1:])
		if !unicode.IsLower(prev) || !unicode.IsUpper(next) {
			continue
		}
		if out == nil {
			out = append([]byte(nil), input...)
		}
		out[i] = ' '
	}
	if out == nil {
		return input
	}
	return out
}

func init() {
	err := registry.RegisterCharFilter(GluedSentenceCharFilterName, func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) {
		return GluedSentenceCharFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
