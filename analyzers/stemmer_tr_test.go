package analyzers

import "testing"

// TestStemmer_Turkish checks the Turkish analyzer's stems: case, plural and
// possessive suffixes (after an apostrophe on proper nouns), consonant
// softening (kitabı, ocağı) and verb tenses share one stem, and different
// words keep different stems.
func TestStemmer_Turkish(t *testing.T) {
	runStemGroups(t, "tr", []stemGroup{
		{"kazakis", []string{"Kazakistan", "Kazakistan'ın", "Kazakistan’da"}},
		{"ankar", []string{"Ankara", "Ankara'da", "Ankara'nın"}},
		{"ülke", []string{"ülke", "ülkeler", "ülkelerin", "ülkesi"}},
		{"görüş", []string{"görüşme", "görüşmeler", "görüşmelerde"}},
		{"kitap", []string{"kitap", "kitabı", "kitaplarımızdan"}},
		{"gel", []string{"geldi", "gelecek", "geliyorlar"}},
		{"işbirlik", []string{"işbirliği", "işbirliğini"}},
		{"anlaş", []string{"anlaşma", "anlaşmaları", "anlaşmanın"}},
		{"oda", []string{"oda", "odalar", "odada"}},
		{"ocak", []string{"ocak", "ocağı"}},
	})
}
