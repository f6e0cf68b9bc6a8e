// Package analyzers owns kerko's text analysis: the Bleve analyzers for
// Albanian (sq), Turkish (tr), English (en) and a language-neutral folded
// field, plus the helpers the rest of kerko needs to treat query terms the way
// the index treated document terms (Fold, Stem, Analyze).
//
// Every component follows Bleve's registry shape: one component per file, an
// exported name constant, and an init() that registers it. The index mapping
// stores only names, so every binary that opens a kerko index must import this
// package (a blank import is enough) or bleve.Open fails with "no analyzer with
// name or type ... registered".
//
// Why not Bleve's stock components:
//   - Bleve v2.6.3's to_lower corrupts "İstanbul" (invalid UTF-8) and maps
//     I→i, which is wrong in Turkish; we ship our own lowercase filters.
//   - Bleve's asciifolding is a char filter and shifts offsets, so highlights
//     land in the wrong place; we fold per token instead.
//   - NFC normalisation is also done per token, so Start/End always point into
//     the original text.
//   - Nothing exists for Albanian; stemmer_sq.go is our own Snowball-style
//     suffix stripper, with an irregular-verb table (stemmer_sq_irregular.go).
//     kerko_sq folds diacritics before stemming, because Albanian is often
//     written and searched without ë and ç; kerko_tr does not fold, because
//     ı/i, ö/o, ü/u carry Turkish vowel harmony.
//
// SCORES.md has the figures on shared gold data, and TestStemScores guards
// them.
//
// Stop lists are generated from kerko's shared reference data by
// internal/gen (see go:generate in stop_filter.go).
package analyzers
