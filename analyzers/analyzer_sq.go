package analyzers

// AlbanianAnalyzer is the registry name of the Albanian analyzer: unicode
// tokenizer, NFKC without ignorables, apostrophe elision (s'ka → ka), neutral lowercase,
// diacritic folding, Albanian stop words (articles i/e/të/së included),
// Albanian stemmer. Folding comes before stemming because Albanian is often
// written and searched without ë and ç (marredhenie for marrëdhënie): both
// spellings must get one term, and the stemmer's rules are written for
// folded text. Turkish is different: there, folding would confuse suffixes
// (ı/i, ö/o, ü/u carry vowel harmony), so kerko_tr does not fold.
const AlbanianAnalyzer = "kerko_sq"

func init() {
	mustRegisterAnalyzer(AlbanianAnalyzer,
		NormalizeFilterName, ApostropheElisionFilterName, LowerFilterName, FoldFilterName,
		AlbanianStopFilterName, AlbanianStemmerFilterName)
}
