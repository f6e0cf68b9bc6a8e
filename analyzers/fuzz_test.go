package analyzers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze runs every kerko analyzer over the same text: a token's term
// must be valid UTF-8 when the text is (Bleve's stock lowercase filter once
// broke that for "İstanbul"), its offsets must lie inside the text on rune
// boundaries with Start <= End, and positions must not go backwards.
// Highlighting slices the text on these offsets. Terms are never empty for
// valid text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"İstanbul'da İZMİR IŞIK Türkiye'nin", "Në Tiranë, OSBE-ja dhe SHBA-ve", "The UN's Secretary-General",
		"e\u0308 n\u0303 I\u0307", "ǅ ﬁ ß ẞ Σ ς", "\xff\xfe abc \xc3", "a\x00b", "’’'' 'x' x'", strings.Repeat("İ", 50),
		"Қазақстан Кыргызстан", "日本語のテキスト", "🇹🇷 🇦🇱 👍🏽",
	} {
		f.Add(s)
	}
	names := []string{AlbanianAnalyzer, TurkishAnalyzer, EnglishAnalyzer, FoldedAnalyzer}
	f.Fuzz(func(t *testing.T, text string) {
		valid := utf8.ValidString(text)
		for _, name := range names {
			toks, err := Analyze(name, text)
			if err != nil {
				t.Fatalf("Analyze(%s): %v", name, err)
			}
			pos := 0
			for _, tok := range toks {
				if tok.Start < 0 || tok.Start > tok.End || tok.End > len(text) {
					t.Fatalf("Analyze(%s, %q): token %q at %d-%d outside the text (%d bytes)", name, text, tok.Term, tok.Start, tok.End, len(text))
				}
				if valid && !utf8.ValidString(tok.Term) {
					t.Errorf("Analyze(%s, %q): term %q is not valid UTF-8", name, text, tok.Term)
				}
				if valid && (!utf8.RuneStart(byteAt(text, tok.Start)) || !utf8.RuneStart(byteAt(text, tok.End))) {
					t.Errorf("Analyze(%s, %q): token %q at %d-%d cuts a character", name, text, tok.Term, tok.Start, tok.End)
				}
				// Invalid UTF-8 never reaches an analyzer in kerko (corpus
				// repairs it, web rejects it); the tokenizer then keeps a
				// stray byte whose term may fold away to nothing.
				if valid && tok.Term == "" {
					t.Errorf("Analyze(%s, %q): empty term at %d-%d", name, text, tok.Start, tok.End)
				}
				if tok.Position < pos {
					t.Errorf("Analyze(%s, %q): position %d after %d", name, text, tok.Position, pos)
				}
				pos = tok.Position
			}
		}
		if valid {
			if s := Fold(text); !utf8.ValidString(s) {
				t.Errorf("Fold(%q) = %q, not valid UTF-8", text, s)
			}
		}
	})
}

// byteAt is text[i], or a rune start at the end of the text.
func byteAt(text string, i int) byte {
	if i >= len(text) {
		return 0
	}
	return text[i]
}
