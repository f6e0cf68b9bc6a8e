package analyzers

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/turkish"
)

// TurkishStemmerFilterName is the registry name of kerko's Turkish stemmer.
const TurkishStemmerFilterName = "kerko_stemmer_tr"

// TurkishStemmerFilter stems Turkish-lowercased terms; see stemTr.
type TurkishStemmerFilter struct{}

// Filter implements analysis.TokenFilter.
func (TurkishStemmerFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.KeyWord {
			continue
		}
		if s := trStemCache.get(tok.Term); s != string(tok.Term) {
			tok.Term = []byte(s)
		}
	}
	return input
}

// stemTr stems one lowercase Turkish word: Snowball Turkish strips the
// nominal suffixes (case, possessive, plural, copula), then stripTrVerb
// removes the verbal ones Snowball does not know (tense, negation, ability,
// participles, verbal nouns).
func stemTr(w string) string {
	if utf8.RuneCountInString(w) <= 3 {
		// Snowball over-stems short words (oda → o, ana → an).
		return w
	}
	env := snowballstem.NewEnv(w)
	turkish.Stem(env)
	return trFirstSyllable(w, trDropFinalNM(stripTrVerb(fixTrPossessive(w, trKeepNtI(w, env.Current())))))
}

// trKeepNtI keeps the deverbal noun suffix -ntI (toplantı, sıkıntı, kırıntı)
// on the stem. Snowball cuts into it as if it were the past tense -DI
// (toplantı → topla, toplantılar → toplan), but after n that suffix is
// always -dI (kazandı): a t there belongs to the noun. Cutting at different
// places left each noun with two or three stems.
func trKeepNtI(w, s string) string {
	if len(s) < 2 || len(s) >= len(w) || !strings.HasPrefix(w, s) {
		return s
	}
	from := len(s) - 1 // the n may be the last letter Snowball kept
	best := -1
	for _, suf := range []string{"ntı", "nti", "ntu", "ntü"} {
		if i := strings.Index(w[from:], suf); i >= 0 && (best < 0 || from+i+len(suf) < best) {
			best = from + i + len(suf)
		}
	}
	if best < 0 {
		return s
	}
	return w[:best]
}

// trFirstSyllable repairs a stem with no vowel, which is never a Turkish
// root: Snowball strips gün-de → gün → g (reading -ün as a possessive). The
// stem is extended along the word to its first syllable (g → gün), so the
// forms of short roots meet again (gün, günde, günü).
func trFirstSyllable(w, s string) string {
	if hasTrVowel(s) || !strings.HasPrefix(w, s) {
		return s
	}
	vowel := false
	for len(s) < len(w) {
		r, n := utf8.DecodeRuneInString(w[len(s):])
		isVowel := strings.ContainsRune("aeıioöuü", r)
		if vowel && !isVowel {
			return w[:len(s)+n]
		}
		vowel = vowel || isVowel
		s = w[:len(s)+n]
	}
	return s
}

// trDropFinalNM makes Snowball's stems of nouns in -n and -m agree. Snowball
// reads the final -n/-m of a bare noun as a possessive (2nd/1st person) and
// strips it (zaman → zama, durum → dur, seçim → seç), but keeps it once a
// plural or possessive follows (zamanlar → zaman, seçimler → seçim), so a
// noun's bare form missed its inflected forms. A stem that still ends in a
// vowel and -n/-m is stemmed again as the bare word would be, so every form
// gets one stem. Derived nouns in -Im then join their verb (deneyim/deney,
// aktarım/aktar), and passives in -n their active verb (düzenlen/düzenle):
// more merges in the gold data's terms, related words for a searcher.
func trDropFinalNM(s string) string {
	if utf8.RuneCountInString(s) < 4 {
		return s
	}
	r, n := utf8.DecodeLastRuneInString(s)
	if r != 'n' && r != 'm' {
		return s
	}
	if v, _ := utf8.DecodeLastRuneInString(s[:len(s)-n]); !strings.ContainsRune("aeıioöuü", v) {
		return s
	}
	env := snowballstem.NewEnv(s)
	turkish.Stem(env)
	if t := env.Current(); len(t) < len(s) && strings.HasPrefix(s, t) {
		return t
	}
	return s
}

// fixTrPossessive completes Snowball's handling of the 3rd person
// possessive after vowel stems: parçası → parças, sayısı → sayıs; the buffer
// s must go too (parça, sayı). It only applies when the word continues with
// the possessive vowel after the s and a 3-letter stem remains.
func fixTrPossessive(word, stem string) string {
	if !strings.HasSuffix(stem, "s") || len(stem) >= len(word) {
		return stem
	}
	base := stem[:len(stem)-1]
	if utf8.RuneCountInString(base) < 3 || !endsWithTrVowel(base) {
		return stem
	}
	next, _ := utf8.DecodeRuneInString(word[len(stem):])
	switch next {
	case 'ı', 'i', 'u', 'ü':
		return base
	}
	return stem
}

func endsWithTrVowel(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("aeıioöuü", r)
}

// trVoiceless are the consonants after which suffix-initial d becomes t
// (yaptı, gitti); after anything else it stays d (kazandı). A t-suffix after
// a voiced letter is not a suffix at all (sıkıntı, toplantı: -ntI nouns).
const trVoiceless = "çfhkpsşt"

// trVerbSuffixes are verbal suffixes in their vowel-harmony variants, tried
// longest first, repeatedly (olmayacak → olmay → olma → ol).
// They are indexed by their last byte so a word is only compared with the
// few suffixes it can end in.
var trVerbSuffixes = buildTrVerbSuffixes()

func buildTrVerbSuffixes() (index [256][]string) {
	var out []string
	for _, s := range strings.Fields(trVerbSuffixList) {
		if trSuffixFilter != nil && !trSuffixFilter(s) {
			continue
		}
		out = append(out, s)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(out[j]) > utf8.RuneCountInString(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	for _, suf := range out {
		last := suf[len(suf)-1]
		index[last] = append(index[last], suf)
	}
	return index
}

var trSuffixFilter func(string) bool

const trVerbSuffixList = `
ıyor iyor uyor üyor
acak ecek acağ eceğ
abil ebil
mış miş muş müş
madan meden mak mek mas mes ma me
maz mez
malı meli mal mel
arak erek
dık dik duk dük tık tik tuk tük
dı di du dü tı ti tu tü
ınca ince unca ünce
ıp ip up üp
`

// minTrRoot is the shortest root a verbal suffix may leave, except for the
// frequent two-letter verb roots in trShortRoots: stripping down to any two
// letters merges unrelated words (kadın → kadı → ka, kan → ka).
const minTrRoot = 3

// trShortRoots are the common two-letter verb roots (ed is et before a vowel).
var trShortRoots = map[string]bool{
	"ol": true, "et": true, "ed": true, "al": true, "at": true, "aç": true, "iç": true,
	"öl": true, "de": true, "di": true, "ye": true, "uç": true, "er": true, "ez": true,
}

func stripTrVerb(s string) string {
	for round := 0; round < 4; round++ {
		stripped := false
		if len(s) == 0 {
			break
		}
		for _, suf := range trVerbSuffixes[s[len(s)-1]] {
			if !strings.HasSuffix(s, suf) {
				continue
			}
			rest := s[:len(s)-len(suf)]
			if !trHarmonyOK(rest, suf) {
				continue
			}
			if n := utf8.RuneCountInString(rest); n < minTrRoot && !(n == 2 && trShortRoots[rest]) || !hasTrVowel(rest) {
				continue
			}
			s = rest
			// The y buffer between a vowel-final stem and a vowel-initial suffix.
			if strings.HasSuffix(s, "y") && utf8.RuneCountInString(s) > minTrRoot {
				s = s[:len(s)-1]
			}
			stripped = true
			break
		}
		if !stripped {
			break
		}
	}
	// et and git (and the many compounds of et: kaybet, hisset) voice their
	// final t before a vowel (ediyor, gidecek); join those forms to the root.
	if s == "ed" || s == "gid" || (strings.HasSuffix(s, "ed") && utf8.RuneCountInString(s) >= 5) {
		s = s[:len(s)-1] + "t"
	}
	return s
}

// trHarmonyOK reports whether a d/t-initial suffix agrees with the consonant
// before it.
func trHarmonyOK(rest, suf string) bool {
	if rest == "" || (suf[0] != 'd' && suf[0] != 't') {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(rest)
	voiceless := strings.ContainsRune(trVoiceless, last)
	return (suf[0] == 't') == voiceless
}

func hasTrVowel(s string) bool {
	return strings.ContainsAny(s, "aeıioöuü")
}

var trStemCache = newStemCache(stemCacheSize, stemTr)

func init() {
	mustRegisterFilter(TurkishStemmerFilterName, TurkishStemmerFilter{})
}
