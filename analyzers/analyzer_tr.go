package analyzers

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TurkishAnalyzer is the registry name of the Turkish analyzer: unicode
// tokenizer, NFKC without ignorables, apostrophe cut (Türkiye'nin → Türkiye, 1940'larda →
// 1940), number ending cut (1940larda → 1940), Turkish lowercase (İ→i,
// I→ı), Turkish stop words, Turkish stemmer.
const TurkishAnalyzer = "kerko_tr"

// turkishBeforeStem are the filters of kerko_tr before its stemmer.
var turkishBeforeStem = []string{NormalizeFilterName, ApostropheCutFilterName, NumberSuffixFilterName, TurkishLowerFilterName, TurkishStopFilterName}

func init() {
	mustRegisterAnalyzer(TurkishAnalyzer, append(turkishBeforeStem[:len(turkishBeforeStem):len(turkishBeforeStem)], TurkishStemmerFilterName)...)
}

var turkishUnstemmed struct {
	once sync.Once
	a    analysis.Analyzer
	err  error
}

// TurkishUnstemmed returns the terms kerko_tr makes of word up to its
// stemmer: what the stemmer is given. The Turkish stemmer's
// cross-validation harness tries other stemming rules on exactly these
// terms; nil means the analyzer drops the word (a stop word).
func TurkishUnstemmed(word string) ([]string, error) {
	u := &turkishUnstemmed
	u.once.Do(func() { u.a, u.err = newAnalyzer(registry.NewCache(), turkishBeforeStem...) })
	if u.err != nil {
		return nil, u.err
	}
	var out []string
	for _, t := range u.a.Analyze([]byte(strings.TrimSpace(word))) {
		out = append(out, string(t.Term))
	}
	return out, nil
}
