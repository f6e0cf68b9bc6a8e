package analyzers

import "github.com/blevesearch/bleve/v2/analysis/lang/en"

// EnglishAnalyzer is the registry name of the English analyzer: unicode
// tokenizer, NFKC without ignorables, possessive 's removal, neutral lowercase, Lucene's classic
// English stop words, Porter2.
const EnglishAnalyzer = "kerko_en"

func init() {
	mustRegisterAnalyzer(EnglishAnalyzer,
		NormalizeFilterName, en.PossessiveName, LowerFilterName,
		EnglishStopFilterName, EnglishStemmerFilterName)
}
