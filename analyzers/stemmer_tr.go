package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/turkish"
)

// TurkishStemmerFilterName is the registry name of kerko's Turkish stemmer.
const TurkishStemmerFilterName = "kerko_stemmer_tr"

// TurkishStemmerFilter stems Turkish-lowercased terms; see stemTr.
type TurkishStemmerFilter struct{}

// Filter implements analysis.TokenFilter.
func (TurkishStemmerFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			continue
		}
		tok.Term = []byte(stemTr(string(tok.Term)))
	}
	return input
}

// stemTr stems one lowercase Turkish word.
func stemTr(w string) string {
	env := snowballstem.NewEnv(w)
	turkish.Stem(env)
	return env.Current()
}

func init() {
	mustRegisterFilter(TurkishStemmerFilterName, TurkishStemmerFilter{})
}
