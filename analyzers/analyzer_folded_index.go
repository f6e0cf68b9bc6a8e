package analyzers

// FoldedIndexAnalyzer is the registry name of FoldedAnalyzer as the index
// fields with positions apply it: the same terms and positions, byte offsets
// cleared (PositionsOnlyFilter). Queries may use either; anything that marks
// text must use FoldedAnalyzer.
const FoldedIndexAnalyzer = "kerko_folded_index"

func init() {
	mustRegisterAnalyzer(FoldedIndexAnalyzer,
		NFCFilterName, ApostropheElisionFilterName, LowerFilterName, FoldFilterName,
		PositionsOnlyFilterName)
}
