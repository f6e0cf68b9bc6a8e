package analyzers

// FoldedIndexAnalyzer is the registry name of FoldedAnalyzer as the index
// fields with positions apply it: the same terms and positions, byte offsets
// cleared (PositionsOnlyFilter). Queries may use either; anything that marks
// text must use FoldedAnalyzer.
const FoldedIndexAnalyzer = "kerko_folded_index"

// Registry names of FoldedIndexAnalyzer for the body of an article in one
// language: it also drops that language's stop words, keeping the positions
// of the words around them. Stop words were 28% of the folded body's
// positions on the bench corpus (sq 47%, en 28%, tr 16%), and positions are
// the largest part of the index. A phrase still matches across a dropped
// word: a phrase query analyzed with the same analyzer leaves an empty slot
// there, which Bleve's phrase searcher lets any position fill ("bank of
// england" is bank, any, england in an English article). The stop filter
// runs before folding, on the words as the language writes them, so the
// Turkish şu ("that") is dropped but su ("water") is kept.
const (
	FoldedIndexAnalyzerSq = "kerko_folded_index_sq"
	FoldedIndexAnalyzerTr = "kerko_folded_index_tr"
	FoldedIndexAnalyzerEn = "kerko_folded_index_en"
)

// FoldedIndexForLang returns the folded index analyzer of a body in lang:
// FoldedIndexAnalyzer for a language without a stop list.
func FoldedIndexForLang(lang string) string {
	switch lang {
	case "sq":
		return FoldedIndexAnalyzerSq
	case "tr":
		return FoldedIndexAnalyzerTr
	case "en":
		return FoldedIndexAnalyzerEn
	}
	return FoldedIndexAnalyzer
}

func init() {
	mustRegisterAnalyzer(FoldedIndexAnalyzer,
		NormalizeFilterName, ApostropheElisionFilterName, LowerFilterName, FoldFilterName,
		PositionsOnlyFilterName)
	for name, stop := range map[string]string{
		FoldedIndexAnalyzerSq: AlbanianStopFilterName,
		FoldedIndexAnalyzerTr: TurkishStopFilterName,
		FoldedIndexAnalyzerEn: EnglishStopFilterName,
	} {
		mustRegisterAnalyzer(name,
			NormalizeFilterName, ApostropheElisionFilterName, LowerFilterName, stop, FoldFilterName,
			PositionsOnlyFilterName)
	}
}
