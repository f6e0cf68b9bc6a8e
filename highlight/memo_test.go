package highlight

import (
	"context"
	"fmt"
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
		h := New(query.Parse(qs), testMemo)
		for _, lang := range []string{"und", "sq", "tr", "en"} {
			m := tokenMarker(analyzers.ForLang(lang))
			if m == nil {
				t.Fatalf("no memoizing marker for %q: marks would analyze every body", lang)
			}
			for _, text := range texts {
				got := h.fastMarks(m, text, lang)
				want := h.analyzedMarks(text, lang)
				// Three times under one key (marked once, kept, then from
				// the memo), and another text under the same key (a
				// changed article).
				h.keeps.Store(0) // a search's keeps, for each text
				for i, k := range []string{"k", "k", "k", "k"} {
					tx := text
					if i == 3 {
						tx = text + " x"
					}
					kw := h.analyzedMarks(tx, lang)
					if kg := h.Spans(k+lang, tx, lang); (len(kg) > 0 || len(kw) > 0) && !reflect.DeepEqual(kg, kw) {
						t.Errorf("query %q lang %s text %q: keyedMarks = %v; want %v", qs, lang, tx, kg, kw)
					}
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
		h := New(query.Parse(qs), testMemo)
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

// testMemo is the marked-text memo of the highlighters in tests, as a
// generation's is for its searches.
var testMemo = NewMemo(0)

// TestTextMemo_Admission checks which texts the memo keeps: none marked
// once, one marked twice, and no more than maxKeepsPerSearch per search;
// the marks are the same whichever way they were made.
func TestTextMemo_Admission(t *testing.T) {
	text := "Türkiye ile Kazakistan'ın işbirliği anlaşmaları, Kazakistan'da imzalandı."
	kept := func(key string) bool {
		testMemo.mu.RLock()
		defer testMemo.mu.RUnlock()
		return testMemo.texts[textKey{key, "tr"}] != nil
	}
	q := query.Parse("kazakistan işbirliği")
	want := New(q, testMemo).analyzedMarks(text, "tr")
	key := func(i int) string { return fmt.Sprintf("admission-%d", i) }
	mark := func(h *Highlighter, k string) {
		t.Helper()
		if got := h.Spans(k, text, "tr"); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: marks %v; want %v", k, got, want)
		}
	}
	first := New(q, testMemo)
	for i := 0; i <= maxKeepsPerSearch; i++ {
		mark(first, key(i))
		if kept(key(i)) {
			t.Fatalf("%s kept after one marking", key(i))
		}
	}
	second := New(q, testMemo)
	for i := 0; i <= maxKeepsPerSearch; i++ {
		mark(second, key(i))
		if got, want := kept(key(i)), i < maxKeepsPerSearch; got != want {
			t.Fatalf("%s kept = %v after a second marking; want %v (one search keeps %d)", key(i), got, want, maxKeepsPerSearch)
		}
	}
	third := New(q, testMemo)
	mark(third, key(maxKeepsPerSearch))
	if !kept(key(maxKeepsPerSearch)) {
		t.Fatalf("%s not kept by the next search", key(maxKeepsPerSearch))
	}
	mark(third, key(0)) // from the memo
}

// TestMemo_Bytes checks that a memo of marked texts stays within its bytes
// however many texts are marked, and keeps marking right across resets.
func TestMemo_Bytes(t *testing.T) {
	memo := NewMemo(64 << 10)
	q := query.Parse("kazakistan ankara")
	for i := range 400 {
		text := fmt.Sprintf("Kazakistan ve Ankara %d arasında anlaşma %d imzalandı, sözcük%d ve kelime%d.", i, i*7, i, i*3)
		want := New(q, nil).analyzedMarks(text, "tr")
		for range 2 {
			if got := New(q, memo).Spans(fmt.Sprintf("t%d", i), text, "tr"); !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d: marks %v; want %v", i, got, want)
			}
		}
		if u := memo.MemoryUse(); u.Bytes > u.MaxBytes {
			t.Fatalf("after %d texts the memo holds %d bytes, over its %d", i+1, u.Bytes, u.MaxBytes)
		}
	}
	if u := memo.MemoryUse(); u.Resets == 0 || u.Entries == 0 {
		t.Errorf("memo use %+v after 400 texts in 64 kB: want resets, and texts kept since the last", u)
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
