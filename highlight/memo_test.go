package highlight

import (
	"context"
	"reflect"
	"testing"

	"kerko/analyzers"
	"kerko/corpus"
	"kerko/internal/benchcorpus"
	"kerko/query"
)

// TestFastMarks checks that memoized marking marks exactly what analyzing
// the whole text marks, for every language, on the seed articles and on text
// with the hard cases of each analyzer.
func TestFastMarks(t *testing.T) {
	texts := []string{
		"İstanbul'da IŞIK Türkiye'nin Kazakistan'ın işbirliği anlaşmaları ülkelerin görüşmeler yapıldı",
		"Marrëdhëniet Turqisë Kazakistanit Shqipërisë vajzës punojmë shkruan qytetet të së i e një s'ka t'i",
		"The President's relations countries running cooperated U.S. 3.5% e-mail dying skies Erdoğan ÇÖZÜM",
		"Decomposed: Tirane\u0308 and cafe\u0301, quotes ‘Ankara’ and 'Kosova'",
	}
	r := &corpus.Reader{Emit: func(a *corpus.Article) error {
		texts = append(texts, a.Title, a.Body)
		return nil
	}}
	if err := r.ReadFS(context.Background(), corpus.Seeds(), "seeds"); err != nil {
		t.Fatal(err)
	}
	queries := []string{
		"istanbul", "ışık türkiye", "marrëdhënie turqi", "kazakistan", "president relations",
		"running dying sky", "erdogan çözüm", "tirane cafe", `"joint declaration"`, "kosova ankara", "ka",
	}
	compared := 0
	for _, qs := range queries {
		h := New(query.Parse(qs))
		for _, lang := range []string{"und", "sq", "tr", "en"} {
			m := tokenMarker(analyzers.ForLang(lang))
			if m == nil {
				t.Fatalf("no memoizing marker for %q: marks would analyze every body", lang)
			}
			for _, text := range texts {
				got := h.fastMarks(m, text, lang)
				want := h.analyzedMarks(text, lang)
				if kg := h.Spans(text, lang); (len(kg) > 0 || len(want) > 0) && !reflect.DeepEqual(kg, want) {
					t.Errorf("query %q lang %s text %q: Spans = %v; want %v", qs, lang, text, kg, want)
				}
				if len(got) == 0 && len(want) == 0 {
					continue
				}
				compared++
				if !reflect.DeepEqual(got, want) {
					t.Errorf("query %q lang %s text %q: fastMarks = %v; want %v", qs, lang, text, got, want)
				}
			}
		}
	}
	if compared < 50 {
		t.Errorf("only %d texts had marks; the test checks too little", compared)
	}
}

// TestFastMarks_Corpus compares both ways of marking on a sample of the
// shared news corpus (skipped when it is absent): real text has the
// punctuation, numbers and quotes that hand-written cases miss.
func TestFastMarks_Corpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	docs := benchcorpus.Sample(t, 150)
	for _, qs := range []string{"oil prices", "qeveria kosova", "türkiye'nin ekonomisi", "said u.s. 1987"} {
		h := New(query.Parse(qs))
		for _, d := range docs {
			m := tokenMarker(analyzers.ForLang(d.Lang))
			for _, text := range []string{d.Title, d.Body} {
				got, want := h.fastMarks(m, text, d.Lang), h.analyzedMarks(text, d.Lang)
				if len(got) == 0 && len(want) == 0 {
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("query %q article %s: fastMarks = %v; want %v", qs, d.ID, got, want)
				}
			}
		}
	}
}

// TestTokenMarker_EveryAnalyzer: snippets mark by memoized chunks only for
// analyzers whose char filters keep lengths and look no further than a
// character's neighbours; a new char filter the marker does not know would
// silently send every snippet down the slow path.
func TestTokenMarker_EveryAnalyzer(t *testing.T) {
	for _, lang := range []string{"", "sq", "tr", "en"} {
		if tokenMarker(analyzers.ForLang(lang)) == nil {
			t.Errorf("tokenMarker(%q) = nil: snippets of %q articles analyze every word", analyzers.ForLang(lang), lang)
		}
	}
}
