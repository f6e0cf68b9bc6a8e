package analyzers

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

func tokenValues(ts analysis.TokenStream) []analysis.Token {
	out := make([]analysis.Token, len(ts))
	for i, t := range ts {
		out[i] = *t
		out[i].Term = append([]byte(nil), t.Term...)
	}
	return out
}

func TestMemoTokenizer_SameAsUnicode(t *testing.T) {
	inner := unicode.NewUnicodeTokenizer()
	memo := memoTokenizer{inner}
	for _, text := range []string{
		"",
		"İstanbul'da IŞIK 3.5 U.S. gazeta.com e-mail 東京 verës Barcelona",
		"The President's relations countries running cooperated strategic partnership",
	} {
		want := tokenValues(inner.Tokenize([]byte(text)))
		// The first call fills the memo, the second reads it; a filter
		// rewriting the first call's terms in place must not reach the second.
		first := memo.Tokenize([]byte(text))
		if got := tokenValues(first); !reflect.DeepEqual(got, want) {
			t.Errorf("first Tokenize(%q) = %v; want %v", text, got, want)
		}
		for _, tok := range first {
			for i := range tok.Term {
				tok.Term[i] = 'x'
			}
		}
		if got := tokenValues(memo.Tokenize([]byte(text))); !reflect.DeepEqual(got, want) {
			t.Errorf("memoized Tokenize(%q) = %v; want %v", text, got, want)
		}
	}
}

func TestAnalyze_SameTwice(t *testing.T) {
	text := "Marrëdhëniet Turqisë verës.Barcelona İstanbul'da görüşmeler The President's meetings"
	for _, name := range []string{AlbanianAnalyzer, TurkishAnalyzer, EnglishAnalyzer, FoldedAnalyzer, FoldedIndexAnalyzer} {
		first, err := Analyze(name, text)
		if err != nil {
			t.Fatal(err)
		}
		second, err := Analyze(name, text)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, second) {
			t.Errorf("Analyze(%s, %q) changed on the second call: %v, then %v", name, text, first, second)
		}
	}
}
