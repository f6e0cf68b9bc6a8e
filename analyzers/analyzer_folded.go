package analyzers

// FoldedAnalyzer is the registry name of the language-neutral analyzer every
// document gets besides its language's: unicode tokenizer, NFKC without ignorables, apostrophe
// elision/cut, neutral lowercase (İ and I → i), diacritic folding. No stemming
// and no stop words, so exact and diacritic-less spellings both match.
const FoldedAnalyzer = "kerko_folded"

func init() {
	mustRegisterAnalyzer(FoldedAnalyzer,
		NormalizeFilterName, ApostropheElisionFilterName, LowerFilterName, FoldFilterName)
}
