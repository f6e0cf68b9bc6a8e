package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/kljensen/snowball/english"
)

// EnglishStemmerFilterName is the registry name of the Porter2 stemmer filter.
const EnglishStemmerFilterName = "kerko_stemmer_en"

// EnglishStemmerFilter stems with Porter2 (Snowball English), which conflates
// more verb forms than Bleve's Porter v1 filter at the same merge rate.
type EnglishStemmerFilter struct{}

// Filter implements analysis.TokenFilter.
func (EnglishStemmerFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			continue
		}
		if s := enStemCache.get(tok.Term); s != string(tok.Term) {
			tok.Term = []byte(s)
		}
	}
	return input
}

var enStemCache = newStemCache(stemCacheSize, func(w string) string { return english.Stem(w, false) })

func init() {
	mustRegisterFilter(EnglishStemmerFilterName, EnglishStemmerFilter{})
}
