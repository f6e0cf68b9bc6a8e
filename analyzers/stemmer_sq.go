package analyzers

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// AlbanianStemmerFilterName is the registry name of kerko's Albanian stemmer.
const AlbanianStemmerFilterName = "kerko_stemmer_sq"

// AlbanianStemmerFilter stems lowercase Albanian terms; see stemSq.
type AlbanianStemmerFilter struct{}

// Filter implements analysis.TokenFilter.
func (AlbanianStemmerFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			continue
		}
		if s := stemSq(string(tok.Term)); len(s) != len(tok.Term) {
			tok.Term = []byte(s)
		}
	}
	return input
}

// minStemSq is the shortest stem (in letters) a suffix may leave behind.
const minStemSq = 3

// albanianVerbEndings are long verb endings, stripped unconditionally because
// nouns rarely end in them (short verb endings clash with noun endings).
var albanianVerbEndings = []string{
	"ojmë", "ojnë", "onte", "onim", "onit", "onin", "ofsha", "ova", "uam", "uat", "uan", "uar",
	"hemi", "hesha", "hej", "hem", "het", "hen",
}

// albanianNounEndings are definite/case endings, tried longest first.
var albanianNounEndings = []string{
	"ëve", "eve", "ave", "ve",
	"ët", "et", "at", "të", "it", "in", "ut", "un", "ja", "je", "së", "ës", "në", "ën",
	"t", "i", "u", "a", "s", "n", "e", "ë",
}

// stemSq strips Albanian inflection from a lowercase word: first a long verb
// ending or a definite/case ending (longest match first), then a plural
// marker or stem vowel, always leaving at least minStemSq letters.
func stemSq(w string) string {
	n := utf8.RuneCountInString(w)
	if n <= minStemSq {
		return w
	}
	if s, ok := stripLongest(w, n, albanianVerbEndings); ok {
		return s
	}
	if s, ok := stripLongest(w, n, albanianNounEndings); ok {
		w = s
		n = utf8.RuneCountInString(w)
	}
	if s, ok := stripLongest(w, n, []string{"ër", "ë", "e", "a"}); ok {
		w = s
	}
	return w
}

// stripLongest removes the first (longest) ending of endings that w has and
// that leaves at least minStemSq letters.
func stripLongest(w string, n int, endings []string) (string, bool) {
	for _, e := range endings {
		if !strings.HasSuffix(w, e) {
			continue
		}
		if n-utf8.RuneCountInString(e) < minStemSq {
			continue
		}
		if e == "u" || e == "ut" || e == "un" {
			// -u is the masculine definite only after k, g, h (Iraku).
			prev := w[len(w)-len(e)-1]
			if prev != 'k' && prev != 'g' && prev != 'h' {
				continue
			}
		}
		return w[:len(w)-len(e)], true
	}
	return w, false
}

func init() {
	mustRegisterFilter(AlbanianStemmerFilterName, AlbanianStemmerFilter{})
}
