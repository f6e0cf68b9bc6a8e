package analyzers

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/registry"
)

// ForLang returns the analyzer name for "sq", "tr" or "en", and "" for
// anything else.
func ForLang(lang string) string {
	switch lang {
	case "sq":
		return AlbanianAnalyzer
	case "tr":
		return TurkishAnalyzer
	case "en":
		return EnglishAnalyzer
	}
	return ""
}

// Fold normalizes s as NormalizeFilter does (NFKC, no default-ignorable
// code points), lowercases it language-neutrally (İ and I → i) and folds
// diacritics exactly as FoldedAnalyzer does per token. Bleve does not
// analyze prefix, wildcard and fuzzy terms, so kerko folds them (and
// suggestions) with this. It does not tokenize or cut apostrophes.
func Fold(s string) string {
	b := normalizeTerm([]byte(s))
	return string(foldBytes(lowerBytes(b, false)))
}

// Normalize returns s as NormalizeFilter makes terms: NFKC, without
// default-ignorable code points (ＫＡＺＡＫＨＳＴＡＮ → KAZAKHSTAN, ﬁnance →
// finance), for code that compares words outside an analyzer.
func Normalize(s string) string {
	return normalizeString(s)
}

// Token is one analyzed token with byte offsets into the input text.
type Token struct {
	Term       string
	Start, End int // byte offsets of the token in the original text
	Position   int // 1-based position of the token in the text
}

// Written returns the word that tok's term was made from as text writes it,
// normalized as terms are (NFKC, no zero-width characters): the token's
// text without what the apostrophe filters cut (Kazakistan'ın →
// Kazakistan, t'i → i), before lowercasing and folding.
// tok must come from Analyze(FoldedAnalyzer, text) or another analyzer with
// ApostropheElisionFilterName; suggestions show it instead of the folded
// term.
func Written(text string, tok Token) string {
	if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
		return ""
	}
	// The filters normalize before they cut apostrophes; NFKC turns a
	// fullwidth apostrophe into ', which cutApostrophe knows either way.
	w := cutApostrophe(normalizeTerm([]byte(text[tok.Start:tok.End])), true)
	return string(w)
}

// cache holds the analyzers built from the registry; registry caches are safe
// for concurrent use.
var cache = registry.NewCache()

// Analyze runs the named registered analyzer (one of the constants) over text.
func Analyze(analyzer, text string) ([]Token, error) {
	a, err := cache.AnalyzerNamed(analyzer)
	if err != nil {
		return nil, fmt.Errorf("analyze with %q: %w", analyzer, err)
	}
	stream := a.Analyze([]byte(text))
	out := make([]Token, len(stream))
	for i, t := range stream {
		out[i] = Token{Term: string(t.Term), Start: t.Start, End: t.End, Position: t.Position}
	}
	return out, nil
}

// Stem returns the term a single word gets in language lang's index field
// ("sq", "tr", "en" or "folded"), or the word itself when the analyzer drops
// it (stop word, punctuation). When the tokenizer splits the word (e-mail,
// SHBA-ve), the terms it gets are joined by single spaces, so that different
// compounds keep different lines. This is the contract of
// `kerko analyze --stem-only`: one line out per line in.
func Stem(lang, word string) (string, error) {
	name := ForLang(lang)
	if lang == "folded" {
		name = FoldedAnalyzer
	}
	if name == "" {
		return "", fmt.Errorf("stem: unknown language %q (want sq, tr, en or folded)", lang)
	}
	toks, err := Analyze(name, strings.TrimSpace(word))
	if err != nil {
		return "", fmt.Errorf("stem %q: %w", word, err)
	}
	switch len(toks) {
	case 0:
		return word, nil
	case 1:
		return toks[0].Term, nil
	}
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = t.Term
	}
	return strings.Join(terms, " "), nil
}
