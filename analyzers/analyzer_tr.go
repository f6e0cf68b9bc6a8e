package analyzers

// TurkishAnalyzer is the registry name of the Turkish analyzer: unicode
// tokenizer, NFC, apostrophe cut (Türkiye'nin → Türkiye, 1940'larda →
// 1940), number ending cut (1940larda → 1940), Turkish lowercase (İ→i,
// I→ı), Turkish stop words, Turkish stemmer.
const TurkishAnalyzer = "kerko_tr"

func init() {
	mustRegisterAnalyzer(TurkishAnalyzer,
		NFCFilterName, ApostropheCutFilterName, NumberSuffixFilterName, TurkishLowerFilterName,
		TurkishStopFilterName, TurkishStemmerFilterName)
}
