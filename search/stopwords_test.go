package search

import (
	"testing"
	"testing/fstest"

	"kerko/index"
)

// TestSearch_PhraseAcrossStopWords checks phrases over the folded body, which
// lacks each article's own stop words (mapping.go): a phrase still matches
// across a dropped word, in the right order only, and a word that is a stop
// word in another language only is still there.
func TestSearch_PhraseAcrossStopWords(t *testing.T) {
	const (
		en = "en1"
		sq = "sq1"
		tr = "tr1"
	)
	jsonl := `{"id":"en1","lang":"en","title":"Rates","body":"The Bank of England raised its rate by half a point, to five per cent, on Thursday."}
{"id":"sq1","lang":"sq","title":"Takim","body":"Ministri foli për marrëdhëniet e Shqipërisë me Kosovën dhe për bashkëpunimin."}
{"id":"tr1","lang":"tr","title":"Baraj","body":"Barajda su ve enerji sorunu, şu anda çözülmedi."}
`
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{"news.jsonl": {Data: []byte(jsonl)}}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		query string
		want  []string
	}{
		{`"bank of england"`, []string{en}},
		{`"Bank of England raised"`, []string{en}},
		{`"england of bank"`, nil},
		{`"five per cent"`, []string{en}}, // "per" is an Albanian stop word, not an English one
		{`"marrëdhëniet e Shqipërisë"`, []string{sq}},
		{`"marredhenie e shqiperise"`, nil}, // a phrase is the words as written, diacritics aside
		{`"marredheniet e shqiperise me kosoven"`, []string{sq}},
		{`"su ve enerji"`, []string{tr}}, // su (water) is kept, ve (and) is not
		{`"şu anda"`, []string{tr}},
		// Alone, "per" finds the English article; in the Albanian one it is
		// the stop word për, indexed in neither body field.
		{"per", []string{en}},
	}
	for _, tt := range tests {
		res := search(t, ix, Request{Query: tt.query})
		if got := hitIDs(res); !sameSet(got, tt.want) {
			t.Errorf("Search(%q) = %v; want %v", tt.query, got, tt.want)
		}
	}
}
