package analyzers

import (
	"reflect"
	"testing"
)

// TestAnalyzer_TurkishNumberEndings checks that a number with its case
// ending, written with any apostrophe or none, gives the number alone, as
// a name with its ending gives the name, and that the words around it keep
// their positions.
func TestAnalyzer_TurkishNumberEndings(t *testing.T) {
	runAnalyzerCases(t, TurkishAnalyzer, []analyzerCase{
		{"1940’larda", []string{"1940"}},
		{"1940'larda", []string{"1940"}},
		{"1940larda", []string{"1940"}},
		{"2015'te", []string{"2015"}},
		{"5inci", []string{"5"}},
		{"10.000'den", []string{"10.000"}},
		{"2,5'lik", []string{"2,5"}},
		{"5G 3D", []string{"5g", "3d"}},         // capitals after a number make a name
		{"1940 larda", []string{"1940", "lar"}}, // a space is no apostrophe
		{"G20'den", []string{"g20"}},
	})
	a, err := cache.AnalyzerNamed(TurkishAnalyzer)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, tok := range a.Analyze([]byte("Picasso’nun 1940’larda resimleri Ankara'da")) {
		got = append(got, tok.Position)
	}
	if want := []int{1, 2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Errorf("positions %v; want %v (the merged token takes one)", got, want)
	}
}
