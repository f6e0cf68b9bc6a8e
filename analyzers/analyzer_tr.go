package analyzers

// TurkishAnalyzer is the registry name of the Turkish analyzer: unicode
// tokenizer, NFC, apostrophe cut (Türkiye'nin → Türkiye), Turkish lowercase
// (İ→i, I→ı), Turkish stop words, Turkish stemmer.
const TurkishAnalyzer = "kerko_tr"

func init() {
	mustRegisterAnalyzer(TurkishAnalyzer,
		NFCFilterName, ApostropheCutFilterName, TurkishLowerFilterName,
		TurkishStopFilterName, TurkishStemmerFilterName)
}
