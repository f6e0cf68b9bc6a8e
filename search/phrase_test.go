package search

import (
	"testing"
	"testing/fstest"

	"kerko/index"
)

// TestSearch_PhraseWithNames checks that a quoted phrase is those words
// whatever names it holds, and that a phrase that is a name as a whole
// still finds the articles about the entity in every language
// (crosslang.go); and that a phrase with a stop word, exact or ~N, is
// checked against the stored text wherever it stands in the query.
func TestSearch_PhraseWithNames(t *testing.T) {
	jsonl := `{"id":"en-phrase","lang":"en","title":"Athens talks","body":"Greece wants better relations with Turkey before the summit in Brussels."}
{"id":"en-turkey","lang":"en","title":"Ankara budget","body":"Turkey raised spending on roads and schools in its new budget for Turkey."}
{"id":"tr-phrase","lang":"tr","title":"Ticaret","body":"Türkiye ile Kazakistan arasındaki ticaret geçen yıl arttı."}
{"id":"tr-turkiye","lang":"tr","title":"Bütçe","body":"Türkiye'nin yeni bütçesi okullara ve yollara daha fazla kaynak ayırıyor."}
{"id":"sq-phrase","lang":"sq","title":"Bisedimet","body":"Kosova dhe Serbia do të takohen në Bruksel javën e ardhshme."}
{"id":"sq-kosova","lang":"sq","title":"Buxheti","body":"Qeveria e Kosovës miratoi buxhetin e ri për shkollat dhe rrugët."}
{"id":"sq-kosova2","lang":"sq","title":"Futboll","body":"Kosova fitoi ndeshjen e parë, dhe tifozët festuan."}
{"id":"en-kyrgyz","lang":"en","title":"Bishkek vote","body":"The Kyrgyz Republic held a parliamentary vote on Sunday."}
{"id":"tr-kirgiz","lang":"tr","title":"Seçim","body":"Kırgızistan'da pazar günü parlamento seçimi yapıldı."}
{"id":"sq-near","lang":"sq","title":"Fqinjët","body":"Kosova e Serbia nuk u pajtuan për kufirin."}
`
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{"news.jsonl": {Data: []byte(jsonl)}}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		query    string
		want     []string
		expanded bool // the phrase stood for a country in every language
	}{
		{`"relations with Turkey"`, []string{"en-phrase"}, false},
		{`"Türkiye ile"`, []string{"tr-phrase"}, false},
		{`"Turkiye ile"`, []string{"tr-phrase"}, false},
		{`"Kosova dhe"`, []string{"sq-phrase"}, false},
		{`"kosova dhe serbia"`, []string{"sq-phrase"}, false},
		// Unquoted, the name still reaches the other languages.
		{`relations Turkey`, []string{"en-phrase"}, true},
		// A phrase that is a name is the entity, in every language.
		{`"Kyrgyz Republic"`, []string{"en-kyrgyz", "tr-kirgiz"}, true},
		{`"Türkiye"`, []string{"en-phrase", "en-turkey", "tr-phrase", "tr-turkiye"}, true},
		// Phrases are checked wherever they stand in the query's tree
		// (tree.go): in an OR, under NOT, beside a field.
		{`"Türkiye ile" OR budget`, []string{"tr-phrase", "en-turkey"}, false},
		{`"Kosova dhe" OR title:Buxheti`, []string{"sq-phrase", "sq-kosova"}, false},
		{`Türkiye -"Türkiye ile"`, []string{"en-phrase", "en-turkey", "tr-turkiye"}, true},
		// "…"~N with a stop word: its gap matches any word, so the
		// stored text must have the words, the stop word too, within N.
		{`"Kosova e Serbia"~1`, []string{"sq-near"}, false},
		{`"Kosova dhe Serbia"~1`, []string{"sq-phrase"}, false},
		{`"Kosova dhe Bruksel"~5`, []string{"sq-phrase"}, false},
		{`"Kosova dhe Bruksel"~4`, nil, false},
	}
	for _, tt := range tests {
		res := search(t, ix, Request{Query: tt.query})
		if got := hitIDs(res); !sameSet(got, tt.want) {
			t.Errorf("Search(%q) = %v; want %v", tt.query, got, tt.want)
		}
		if got := len(res.Expanded) > 0; got != tt.expanded {
			t.Errorf("Search(%q) expanded = %v (%v); want %v", tt.query, got, res.Expanded, tt.expanded)
		}
	}
}

func TestMayHavePhrase(t *testing.T) {
	for _, c := range []struct {
		folded string
		want   []string
		may    bool
	}{
		{"turkiye ile israil", []string{"turkiye", "ile"}, true},
		{"turkiye'nin ile", []string{"turkiye", "ile"}, true},
		{"\"turkiye\", ile", []string{"turkiye", "ile"}, true},
		{"turkiye'nin yeni ile", []string{"turkiye", "ile"}, false},
		{"yeniturkiye ile", []string{"turkiye", "ile"}, false},
		{"kosova fitoi, dhe", []string{"kosova", "dhe"}, false},
		{"per t'i dhene", []string{"per", "i", "dhene"}, true},
		{"a b c", []string{"a", "c"}, false},
		{"", []string{"a"}, false},
	} {
		if got := mayHavePhrase(c.folded, c.want); got != c.may {
			t.Errorf("mayHavePhrase(%q, %q) = %v; want %v", c.folded, c.want, got, c.may)
		}
	}
}

func TestHasNear(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
		slop int
		has  bool
	}{
		{"Kosova dhe Serbia", []string{"kosova", "dhe", "serbia"}, 1, true},
		{"Kosova e Serbia", []string{"kosova", "dhe", "serbia"}, 1, false},
		{"Kosova, Mali i Zi dhe Serbia", []string{"kosova", "dhe", "serbia"}, 3, true},
		{"Kosova, Mali i Zi dhe Serbia", []string{"kosova", "dhe", "serbia"}, 2, false},
		{"Serbia dhe Kosova", []string{"kosova", "dhe", "serbia"}, 4, true},
		{"Serbia dhe Kosova", []string{"kosova", "dhe", "serbia"}, 3, false},
	} {
		if got := hasNear(c.text, c.want, c.slop); got != c.has {
			t.Errorf("hasNear(%q, %q, %d) = %v; want %v", c.text, c.want, c.slop, got, c.has)
		}
	}
}
