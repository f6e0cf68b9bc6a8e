package analyzers

// AlbanianAnalyzer is the registry name of the Albanian analyzer: unicode
// tokenizer, NFC, apostrophe elision (s'ka → ka), neutral lowercase, Albanian
// stop words (articles i/e/të/së included), Albanian stemmer.
const AlbanianAnalyzer = "kerko_sq"

func init() {
	mustRegisterAnalyzer(AlbanianAnalyzer,
		NFCFilterName, ApostropheElisionFilterName, LowerFilterName,
		AlbanianStopFilterName, AlbanianStemmerFilterName)
}
