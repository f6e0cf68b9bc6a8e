package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"

	"kerko/analyzers/internal/trstem"
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
		if s := trStemCache.get(tok.Term); s != string(tok.Term) {
			tok.Term = []byte(s)
		}
	}
	return input
}

// stemTr stems one lowercase Turkish word with the rules fitted on the
// Turkish treebanks: Snowball Turkish strips the nominal suffixes (case,
// possessive, plural, copula), then repairs of its known faults and a verbal
// suffix layer (tense, negation, ability, participles, verbal nouns) run as
// trstem.Fitted says.
func stemTr(w string) string {
	return trstem.Stem(&trstem.Fitted, w)
}

var trStemCache = newStemCache(stemCacheSize, stemTr)

func init() {
	mustRegisterFilter(TurkishStemmerFilterName, TurkishStemmerFilter{})
}
