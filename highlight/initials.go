package highlight

import (
	"unicode"
	"unicode/utf8"

	"kerko/analyzers"
)

// A hit's body has hundreds of words and a query a handful of terms, so
// marking spends most of its time on words that cannot match: each costs a
// memo lookup by its string. But every kerko analyzer maps a word to terms
// that begin with the word's own first letter, case and diacritics aside
// (Türkiye'nin → türkiye, Relations → relat), the only exceptions being
// Albanian irregular verbs (dha → jap), which analyzers.StemInitials lists.
// So a run of text none of whose words begins with a query term's first
// letter is passed over without being tokenized or looked up. TestInitials_Corpus
// checks on the shared corpus that this marks exactly what marking every
// word does.

// latinInitial folds the letters and digits below U+0300 (Latin, IPA) the
// way analyzers.Fold folds them, as a word's first letter; 0 for every other
// character.
var latinInitial = func() [0x300]rune {
	var t [0x300]rune
	for r := rune(0); r < 0x300; r++ {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		f, _ := utf8.DecodeRuneInString(analyzers.Fold(string(r)))
		if f == utf8.RuneError || f == 0 {
			f = r
		}
		t[r] = f
	}
	return t
}()

// initials is the set of folded first letters of a query's terms in one
// language (its folded terms and its stems).
type initials struct {
	ascii [utf8.RuneSelf]bool
	other map[rune]bool // folded initials outside ASCII (rare: þ, ŋ)
	all   bool          // a term begins outside the Latin table: check every word
}

func (s *initials) add(r rune) {
	switch {
	case r < utf8.RuneSelf:
		s.ascii[r] = true
	case r < 0x300:
		if f := latinInitial[r]; f < utf8.RuneSelf {
			s.ascii[f] = true
		} else {
			if s.other == nil {
				s.other = map[rune]bool{}
			}
			s.other[f] = true
		}
	default:
		s.all = true
	}
}

// newInitials collects the first letters of the terms of folded and stems
// (the stems of lang), and of the words lang's analyzer stems irregularly.
func newInitials(lang string, folded, stems map[string]bool) *initials {
	s := &initials{}
	addTerm := func(t string) {
		r, _ := utf8.DecodeRuneInString(t)
		if r < 0x300 && latinInitial[r] != 0 {
			r = latinInitial[r]
		}
		s.add(r)
	}
	for t := range folded {
		addTerm(t)
	}
	for t := range stems {
		addTerm(t)
		for _, r := range analyzers.StemInitials(lang, t) {
			s.add(r)
		}
	}
	return s
}

// mayMatch reports whether a word of chunk (a run without ASCII white
// space) begins with one of the letters: a letter or digit that follows
// the chunk's start or a character that is neither (an apostrophe, a hyphen,
// a slash, a period) is where a token can begin. It errs towards true:
// letters beyond the Latin table always answer true.
func (s *initials) mayMatch(chunk string) bool {
	if s.all {
		return true
	}
	inWord := false
	for i := 0; i < len(chunk); {
		c := chunk[i]
		if c < utf8.RuneSelf {
			i++
			lc := c | 0x20 // ASCII letters to lower case; digits are unchanged
			word := ('a' <= lc && lc <= 'z') || ('0' <= c && c <= '9')
			if word && !inWord && s.ascii[lowerASCII(c)] {
				return true
			}
			inWord = word
			continue
		}
		r, n := utf8.DecodeRuneInString(chunk[i:])
		i += n
		switch {
		case r < 0x300 && latinInitial[r] != 0:
			if !inWord {
				f := latinInitial[r]
				if (f < utf8.RuneSelf && s.ascii[f]) || s.other[f] {
					return true
				}
			}
			inWord = true
		case unicode.IsMark(r):
			// a combining diacritic continues its letter's word
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return true // beyond the table: tokenize to be sure
		default:
			inWord = false
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
