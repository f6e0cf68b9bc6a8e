package trstem

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/turkish"
)

// Rules are the choices of the stemmer. The zero value is Snowball Turkish
// alone (on words of any length).
type Rules struct {
	// MinWord: words of at most MinWord letters are left as they are;
	// Snowball over-stems short words (oda → o, ana → an).
	MinWord int
	// KeepNtI keeps the deverbal noun suffix -ntI (toplantı, sıkıntı) on
	// the stem; see keepNtI.
	KeepNtI bool
	// FixPossessive strips the buffer s of a 3rd person possessive after a
	// vowel (parçası → parça, not parças); see fixPossessive.
	FixPossessive bool
	// Verb is the set of verbal suffix groups stripped after Snowball (0:
	// no verb layer); see VerbGroups.
	Verb VerbSet
	// MinVerbRoot is the shortest root a verbal suffix may leave.
	MinVerbRoot int
	// ShortRoots lets a verbal suffix leave one of the frequent two-letter
	// verb roots (ol, et, al, de...) even when MinVerbRoot is 3.
	ShortRoots bool
	// VoiceT joins et and git (and compounds of et) with their voiced
	// forms before a vowel (ediyor, gidecek).
	VoiceT bool
	// DropFinalNM stems again a stem that still ends in vowel + n/m; see
	// dropFinalNM.
	DropFinalNM bool
	// FirstSyllable extends a stem without a vowel to the word's first
	// syllable (günde → g → gün).
	FirstSyllable bool
	// DropVowel, when > 0, drops the final vowel of a stem of at least
	// DropVowel letters: Snowball reads the final vowel of a bare noun as
	// a case ending (kafa → kaf) but keeps it under a suffix (kafası →
	// kafa), so only dropping it everywhere gives one stem.
	DropVowel int
	// ClusterVowel strips a final high vowel (accusative, 3rd person
	// possessive) after two consonants, which Snowball keeps: aklı → akl,
	// ismi → ism, şehri → şehr. Not after g, k, t (bilgi, etki, belirti
	// are nouns in -gI, -kI, -tI).
	ClusterVowel bool
	// RestoreVowel puts back the high vowel that nouns such as akıl, oğul,
	// isim, ağız lose before a vowel suffix (aklı, oğlu, ismi, ağzı): a
	// stem ending in a consonant and l, r, m or n (or ğz) that no Turkish
	// word ends in gets the vowel of its last syllable (akl → akıl).
	RestoreVowel bool
	// Geminate undoes the doubling of a root's last consonant before a
	// vowel (hak/hakkı, his/hissi, zam/zammı): hakk → hak.
	Geminate bool
	// MinStem: a stem of fewer than MinStem letters gives the word itself
	// (oda → o would make "o" a term of every word Snowball cuts to o).
	MinStem int
}

// Round2 are the rules kerko_tr had before the cross-validation (chosen on
// the pooled treebanks): the baseline every fit starts from.
var Round2 = Rules{
	MinWord:       3,
	KeepNtI:       true,
	FixPossessive: true,
	Verb: VerbSetOf("ıyor", "acak", "abil", "mış", "madan", "mak", "mas", "ma", "maz", "malı",
		"arak", "dık", "dı", "ınca", "ıp"),
	MinVerbRoot:   3,
	ShortRoots:    true,
	VoiceT:        true,
	DropFinalNM:   true,
	FirstSyllable: true,
}

// Stem stems one Turkish-lowercased word (İ → i, I → ı, apostrophe suffix
// already cut) with rules r.
func Stem(r *Rules, w string) string {
	if utf8.RuneCountInString(w) <= r.MinWord {
		return w
	}
	return r.after(w, Snowball(w))
}

// Snowball is Snowball Turkish alone.
func Snowball(w string) string {
	env := snowballstem.NewEnv(w)
	turkish.Stem(env)
	return env.Current()
}

// StemFrom is Stem for a word whose Snowball stem sb is already known: the
// harness stems every word once with Snowball and many times with rules.
func StemFrom(r *Rules, w, sb string) string {
	if utf8.RuneCountInString(w) <= r.MinWord {
		return w
	}
	return r.after(w, sb)
}

func (r *Rules) after(w, s string) string {
	if r.KeepNtI {
		s = keepNtI(w, s)
	}
	if r.FixPossessive {
		s = fixPossessive(w, s)
	}
	if r.Verb != 0 {
		s = r.stripVerb(s)
	}
	if r.ClusterVowel {
		s = clusterVowel(w, s)
	}
	if r.DropFinalNM {
		s = dropFinalNM(s)
	}
	if r.Geminate {
		s = geminate(s)
	}
	if r.RestoreVowel {
		s = restoreVowel(s)
	}
	if r.DropVowel > 0 && utf8.RuneCountInString(s) >= r.DropVowel && endsWithVowel(s) {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if r.FirstSyllable {
		s = firstSyllable(w, s)
	}
	if r.MinStem > 0 && utf8.RuneCountInString(s) < r.MinStem {
		return w
	}
	return s
}

func isConsonant(r rune) bool {
	return r >= 'a' && !strings.ContainsRune(vowels, r) && (r <= 'z' || strings.ContainsRune("çğşâîû", r))
}

// lastTwo returns the last two letters of s (0 when s is shorter).
func lastTwo(s string) (a, b rune) {
	b, n := utf8.DecodeLastRuneInString(s)
	if n == 0 || n == len(s) {
		return 0, b
	}
	a, _ = utf8.DecodeLastRuneInString(s[:len(s)-n])
	return a, b
}

// clusterVowel strips the final high vowel of a word Snowball left whole
// when two consonants come before it (aklı, ismi, şehri).
func clusterVowel(w, s string) string {
	if s != w || utf8.RuneCountInString(w) < 4 {
		return s
	}
	v, n := utf8.DecodeLastRuneInString(w)
	if !strings.ContainsRune("ıiuü", v) {
		return s
	}
	stem := w[:len(w)-n]
	if a, b := lastTwo(stem); !isConsonant(a) || !strings.ContainsRune("lrmnsşz", b) || !hasVowel(stem) {
		return s
	}
	return stem
}

// geminate undoes a doubled final consonant: hakk → hak, hiss → his.
func geminate(s string) string {
	a, b := lastTwo(s)
	if a != b || !isConsonant(b) || utf8.RuneCountInString(s) < 4 {
		return s
	}
	return s[:len(s)-utf8.RuneLen(b)]
}

// restoreVowel puts back a root's dropped high vowel (akl → akıl).
func restoreVowel(s string) string {
	a, b := lastTwo(s)
	if !isConsonant(a) || a == b || utf8.RuneCountInString(s) < 3 {
		return s
	}
	switch {
	case strings.ContainsRune("lrmn", b) && strings.ContainsRune("kğsşyhfçtpbdgcvz", a):
	case (b == 'l' || b == 'n') && strings.ContainsRune("nrl", a): // gönl, burn, aln
	case a == 'ğ' && b == 'z': // ağz
	default:
		return s
	}
	head := s[:len(s)-utf8.RuneLen(b)]
	var hv rune
	for i := len(head); i > 0 && hv == 0; {
		r, n := utf8.DecodeLastRuneInString(head[:i])
		i -= n
		switch r {
		case 'a', 'ı':
			hv = 'ı'
		case 'e', 'i':
			hv = 'i'
		case 'o', 'u':
			hv = 'u'
		case 'ö', 'ü':
			hv = 'ü'
		}
	}
	if hv == 0 {
		return s
	}
	return head + string(hv) + string(b)
}

const vowels = "aeıioöuü"

func hasVowel(s string) bool { return strings.ContainsAny(s, vowels) }

func endsWithVowel(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(vowels, r)
}

// keepNtI keeps the deverbal noun suffix -ntI (toplantı, sıkıntı, kırıntı)
// on the stem. Snowball cuts into it as if it were the past tense -DI
// (toplantı → topla, toplantılar → toplan), but after n that suffix is
// always -dI (kazandı): a t there belongs to the noun. Cutting at different
// places left each noun with two or three stems.
func keepNtI(w, s string) string {
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

// firstSyllable repairs a stem with no vowel, which is never a Turkish
// root: Snowball strips gün-de → gün → g (reading -ün as a possessive). The
// stem is extended along the word to its first syllable (g → gün), so the
// forms of short roots meet again (gün, günde, günü).
func firstSyllable(w, s string) string {
	if hasVowel(s) || !strings.HasPrefix(w, s) {
		return s
	}
	vowel := false
	for len(s) < len(w) {
		r, n := utf8.DecodeRuneInString(w[len(s):])
		isVowel := strings.ContainsRune(vowels, r)
		if vowel && !isVowel {
			return w[:len(s)+n]
		}
		vowel = vowel || isVowel
		s = w[:len(s)+n]
	}
	return s
}

// dropFinalNM makes Snowball's stems of nouns in -n and -m agree. Snowball
// reads the final -n/-m of a bare noun as a possessive (2nd/1st person) and
// strips it (zaman → zama, durum → dur, seçim → seç), but keeps it once a
// plural or possessive follows (zamanlar → zaman, seçimler → seçim), so a
// noun's bare form missed its inflected forms. A stem that still ends in a
// vowel and -n/-m is stemmed again as the bare word would be, so every form
// gets one stem. Derived nouns in -Im then join their verb (deneyim/deney,
// aktarım/aktar), and passives in -n their active verb (düzenlen/düzenle):
// more merges in the gold data's terms, related words for a searcher.
func dropFinalNM(s string) string {
	if utf8.RuneCountInString(s) < 4 {
		return s
	}
	r, n := utf8.DecodeLastRuneInString(s)
	if r != 'n' && r != 'm' {
		return s
	}
	if v, _ := utf8.DecodeLastRuneInString(s[:len(s)-n]); !strings.ContainsRune(vowels, v) {
		return s
	}
	if t := Snowball(s); len(t) < len(s) && strings.HasPrefix(s, t) {
		return t
	}
	return s
}

// fixPossessive completes Snowball's handling of the 3rd person possessive
// after vowel stems: parçası → parças, sayısı → sayıs; the buffer s must go
// too (parça, sayı). It only applies when the word continues with the
// possessive vowel after the s and a 3-letter stem remains.
func fixPossessive(word, stem string) string {
	if !strings.HasSuffix(stem, "s") || len(stem) >= len(word) {
		return stem
	}
	base := stem[:len(stem)-1]
	if utf8.RuneCountInString(base) < 3 || !endsWithVowel(base) {
		return stem
	}
	next, _ := utf8.DecodeRuneInString(word[len(stem):])
	switch next {
	case 'ı', 'i', 'u', 'ü':
		return base
	}
	return stem
}
