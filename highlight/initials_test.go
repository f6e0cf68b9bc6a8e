package highlight

import (
	"reflect"
	"testing"

	"kerko/analyzers"
	"kerko/internal/benchcorpus"
	"kerko/query"
)

func TestInitials_MayMatch(t *testing.T) {
	tests := []struct {
		lang, query, chunk string
		want               bool
	}{
		{"tr", "kazakistan", "(Kazakistan'ın,", true},
		{"tr", "kazakistan", "(Almatı'da,", false},
		{"sq", "ka", "s'ka", true},                 // elision: the word after the apostrophe
		{"sq", "jap", "dhanë", true},               // irregular: dhanë stems to jap
		{"sq", "dha", "jepte", true},               // and the other way
		{"sq", "vij", "erdhën", true},              // vij: erdh-
		{"sq", "kosova", "Shqipëri", false},        // no word starts with k
		{"en", "state", "U.S.", true},              // a word after a period
		{"en", "rate", "1987-rate", true},          // after a hyphen
		{"en", "rate", "1987", false},              //
		{"en", "1987", "(1987)", true},             // digits
		{"tr", "ışık", "IŞIK", true},               // I folds like ı
		{"tr", "istanbul", "İstanbul'da", true},    // İ folds to i
		{"sq", "eshte", "e\u0308shte\u0308", true}, // decomposed diacritic: still one word
		{"sq", "shte", "e\u0308shte", false},       // the mark continues the word
		{"en", "economy", "‘Economy’", true},       // typographic quotes
		{"en", "economy", "reconomy", false},       // inside a word
		{"en", "economy", "Ёconomy", true},         // Cyrillic: checked to be sure
		{"en", "economy", "—", false},
	}
	for _, tt := range tests {
		h := New(query.Parse(tt.query))
		if got := h.initialsOf(tt.lang).mayMatch(tt.chunk); got != tt.want {
			t.Errorf("query %q lang %s: mayMatch(%q) = %v; want %v", tt.query, tt.lang, tt.chunk, got, tt.want)
		}
	}
}

// TestInitials_Corpus checks on the shared corpus (skipped when absent)
// that passing over chunks by their words' first letters marks exactly
// what analyzing every word marks, for queries of each language's hard
// cases: irregular Albanian verbs, apostrophes, Turkish dotted and dotless
// i, stems that end unlike their words, digits.
func TestInitials_Corpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	docs := benchcorpus.Sample(t, 12)
	queries := []string{
		"dha jap", "është qenë", "erdhi", "ka pasur", "s'ka", "Shqipëria kosova",
		"İstanbul ışık", "Türkiye'nin ekonomisi", "IRAK", "çözüm görüşmeler",
		"countries relations", "dying", "U.S. 1987", "G7 summit", "oil prices",
	}
	marked := 0
	for _, qs := range queries {
		h := New(query.Parse(qs))
		for _, d := range docs {
			m := tokenMarker(analyzers.ForLang(d.Lang))
			for _, text := range []string{d.Title, d.Body} {
				got, want := h.fastMarks(m, text, d.Lang), h.analyzedMarks(text, d.Lang)
				if len(want) > 0 {
					marked++
				}
				if (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
					t.Errorf("query %q article %s (%s): marks = %v; want %v", qs, d.ID, d.Lang, got, want)
				}
			}
		}
	}
	if marked < 1000 {
		t.Errorf("only %d texts had marks; the test checks too little", marked)
	}
}
