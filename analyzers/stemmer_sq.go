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
		if s := sqStemCache.get(tok.Term); s != string(tok.Term) {
			tok.Term = []byte(s)
		}
	}
	return input
}

// minStemSq is the shortest stem (in letters) a suffix may leave behind.
const minStemSq = 3

// sqCond restricts where an ending may be stripped.
type sqCond uint8

const (
	sqAny        sqCond = iota
	sqAfterVowel        // only after a vowel: -së, -në, -të, -ve, -sh of vowel stems (Turqisë)
	sqAfterKGH          // -u, -ut, -un: masculine definite only after k, g, h (Iraku)
	sqNotAfterI
	sqStemHasVowel   // the stem left must contain a vowel
	sqAfterConsonant // only after a consonant letter
)

type sqEnding struct {
	suffix string
	repl   string // what replaces the suffix: verb theme vowels are kept
	cond   sqCond
}

// sqEndings holds every ending stemSq strips, sorted longest first and
// indexed by last byte at init, so a word meets only the endings it can have.
var sqEndings [256][]sqEnding

func buildSqEndings() []sqEnding {
	var es []sqEnding
	var addRepl func(cond sqCond, repl, list string)
	add := func(cond sqCond, list string) { addRepl(cond, "", list) }
	addRepl = func(cond sqCond, repl, list string) {
		for _, s := range strings.Fields(list) {
			es = append(es, sqEnding{s, repl, cond})
		}
	}
	// The endings are written folded (ë as e, ç as c), because the stemmer
	// sees folded words: -ë and -e, -së and -se, -ët and -et are one ending.
	//
	// Verbs of the -oj class alternate their theme vowel (punoj, punova,
	// punuam, punuar): every form ends up as stem+oj, which also keeps them
	// apart from the noun they derive from (jetë → jet, jetoj → jetoj), and
	// joins the forms of nouns in -ojë (nevojë → nevoje, nevojat), which
	// folding makes look like the subjunctive (punojë → punoje).
	addRepl(sqAny, "oj", `ojme ojne onte onim ova ove oja oje oi oj o
		ofshim ofshin ofshit ofsha ofsh ofte
		ohem ohesh ohet ohemi oheni ohen ohesha oheshe ohej oheshim oheshit oheshin ohu ohuni
		uam uat uan uar uara uarit ua uaj
		uakeshim uakeshin uakeshit uakesha uakeshe uakesh uakemi uakeni uakam uakan uaka uake`)
	// -on is also the end of -ion nouns (institucion, funksion), and their
	// definite forms end like these verb forms.
	addRepl(sqNotAfterI, "oj", "on oni onit onin")
	// Nouns in -ovë/-evë (Kosovë, Moldovë, and the -ova/-eva surnames of the
	// region: Otunbajeva) look like aorists (punova, gënjeva) in their
	// indefinite and definite forms; their case forms go the same way.
	addRepl(sqAny, "oj", "oves oven ovet oveve")
	add(sqAny, "eves even evet eveve")
	// -ej class (genjej, genjyer) and -ij class (fshij, fshiu). Not the
	// imperfect -ente: folded, it is the plural of nouns in -ent (presidentë,
	// dokumente, studentë). Not the
	// imperfect -ija/-ije, nor the consonant-stem -esha/-eshe: folded, they
	// are the forms of nouns in -ijë and -eshë (mbretëreshë, mbretëresha).
	add(sqAny, `ejme ejne enim enit enin eva eja eje eni eu ej
		efshim efshin efshit efsha efsh efte
		yem yet yen yer yeka yekam yekan yeke yekemi yekeni yekesh yekesha yekeshe yekeshim yekeshin yekeshit
		ikemi ikeni ikesh ikesha ikeshe ikeshim ikeshin ikeshit
		ijme ijne inte inim init inin iva iu ij ire
		ifshim ifshin ifshit ifsha ifsh ifte`)
	// Consonant stems (hap): imperfect, optative, aorist, participle,
	// admirative and mediopassive endings long enough not to be nouns.
	// Not -nim/-shim: they are also the ends of -im nouns (ndryshim, sinonim).
	add(sqAny, `shin shit sha em ur
		keshim keshin keshit kesha keshe kesh kemi keni
		eshim eshit eshin emi hemi heni hesha heshe heshim heshit heshin`)
	// Nouns: plural oblique, ablative plural, definite and case endings.
	// -et is both the plural definite (vendet) and the end of many stems
	// (shtet, mbret): only strip it when the stem left has a vowel.
	add(sqStemHasVowel, "et")
	add(sqAny, `eve ave ive esh ash ish eje
		at it en in es
		ia ie ise ine ite ies ien iet ieve iesh
		a e i`)
	add(sqAfterVowel, `ve`)
	// Feminine nouns in stressed -a (Kanada, Ankara, kala) take -ja and -së
	// after the a: Kanadaja, Kanadasë meet Kanada (stemmed kanad).
	add(sqAny, `aja ase`)
	// Verbal nouns in -je (mbrojtje, pritje) keep their j, so they stay
	// apart from the verb (mbrojtur, pres); all their forms end in j+vowel.
	addRepl(sqAny, "j", `ja je jes jen jet jeve jesh jeje`)
	add(sqAfterKGH, `u ut un`)
	// 2nd person plural of consonant-stem verbs (vendosni, lidhni); after a
	// vowel -ni ends nouns (kompani, harmoni).
	// Imperfect -nin/-nit of consonant stems (hapnin); after a vowel these
	// are the definite -in/-it of nouns in -n (Kazakistanin, filxhanit).
	add(sqAfterConsonant, `ni nin nit`)
	// Folding made some endings equal (ët/et, ës/es): keep the first, which
	// carries the stricter condition.
	seen := map[string]bool{}
	uniq := es[:0]
	for _, e := range es {
		if !seen[e.suffix] {
			seen[e.suffix] = true
			uniq = append(uniq, e)
		}
	}
	es = uniq
	// Longest first; stable so equal lengths keep the order above.
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && len(es[j].suffix) > len(es[j-1].suffix); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	return es
}

func isVowelSq(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// stemSq strips Albanian inflection from a lowercase, folded word (ë→e,
// ç→c): the Albanian analyzer folds before stemming, so a word typed with
// and without diacritics gets one term.
func stemSq(w string) string {
	s, ok := stripSq(w)
	if ok && (strings.HasSuffix(s, "em") || strings.HasSuffix(s, "in") || strings.HasSuffix(s, "et")) {
		// A bare masculine noun ending in -em, -in or -et (sistem, Berlin,
		// qytet) loses those letters as if they were an ending, while its
		// inflected forms (sistemi, Berlinit, qytetin) keep them after one
		// strip; a second strip gives every form one stem.
		s, _ = stripSq(s)
	}
	return s
}

func stripSq(w string) (string, bool) {
	if s, ok := sqIrregular[w]; ok {
		return s, true
	}
	n := utf8.RuneCountInString(w)
	if n <= minStemSq {
		return w, false
	}
	for _, e := range sqEndings[w[len(w)-1]] {
		if !strings.HasSuffix(w, e.suffix) {
			continue
		}
		stem := w[:len(w)-len(e.suffix)]
		if utf8.RuneCountInString(stem) < minStemSq {
			continue
		}
		last := stem[len(stem)-1]
		switch e.cond {
		case sqAfterVowel:
			if !isVowelSq(last) {
				continue
			}
		case sqStemHasVowel:
			if !strings.ContainsAny(stem, "aeiouy") {
				continue
			}
		case sqAfterConsonant:
			if isVowelSq(last) {
				continue
			}
		case sqNotAfterI:
			if last == 'i' {
				continue
			}
		case sqAfterKGH:
			if last != 'k' && last != 'g' && last != 'h' {
				continue
			}
		}
		return sqSchwa(stem + e.repl), true
	}
	return sqSchwa(w), false
}

const sqSchwaLetters = "rl"

// sqSchwa drops the ë of a final -ër, -ël, -ëm (folded: -er, -el, -em)
// after a consonant: it falls out when the noun is inflected (motër,
// motra; numër, numri; organizëm, organizmi), so both shapes get one stem.
func sqSchwa(s string) string {
	n := len(s)
	if n < 5 {
		return s
	}
	if s[n-2] != 'e' || strings.IndexByte(sqSchwaLetters, s[n-1]) < 0 || isVowelSq(s[n-3]) {
		return s
	}
	return s[:n-2] + s[n-1:]
}

var sqStemCache = newStemCache(stemCacheSize, stemSq)

func init() {
	for _, e := range buildSqEndings() {
		last := e.suffix[len(e.suffix)-1]
		sqEndings[last] = append(sqEndings[last], e)
	}
	mustRegisterFilter(AlbanianStemmerFilterName, AlbanianStemmerFilter{})
}
