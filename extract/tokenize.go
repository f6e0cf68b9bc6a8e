package extract

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text as the matchers see it.
type token struct {
	key   string // fold(word)
	cap   bool   // first letter is uppercase
	upper bool   // every letter is uppercase, and there is one: NATO, G7, the G of G-7; Albanian digraphs may be Xx (BERZh, GjND)
	multi bool   // two or more uppercase letters: BiH, NATOs
	// lead is the length in key bytes of the leading run of uppercase
	// letters when there are at least two (NATO of NATOs), else 0.
	lead uint8
	// spaced: only spaces stand between it and the word before, on one
	// line, as between the words of a person's name.
	spaced bool
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into words, after normalizing it as the analyzers
// do (normalizeText). Hyphens separate words (Turqi-Kazakistan,
// SHBA-ve); an apostrophe inside a word ends it and drops the suffix, which is
// how Turkish attaches case endings to proper nouns (Kazakistan'ın) and how
// English forms possessives (Turkey's); single capitals joined by dots
// (U.S., A.B.D.) become one word.
func tokenize(text string, f func(word string)) {
	tokenizeSpaced(text, func(w string, _ bool) { f(w) })
}

// tokenizeSpaced is tokenize that also tells, for each word, whether only
// spaces separate it from the word before (see token.spaced).
func tokenizeSpaced(text string, f func(word string, spaced bool)) {
	// NFKC also composes NFD text; fold would drop its combining marks and
	// the case flags look at base letters anyway (tested).
	text = normalizeText(text)
	start := -1    // byte offset of the current word, -1 outside a word
	skip := false  // inside the suffix after an apostrophe
	var buf []byte // only used for dotted abbreviations
	dotted := false
	first := -1   // where the current (dotted) word began
	lastEnd := -1 // where the word before ended, -1 before the first
	emit := func(end int) {
		if start >= 0 {
			if first < 0 {
				first = start
			}
			spaced := lastEnd >= 0 && onlySpace(text[lastEnd:first])
			if dotted {
				buf = append(buf, text[start:end]...)
				f(string(buf), spaced)
				buf = buf[:0]
				dotted = false
			} else {
				f(text[start:end], spaced)
			}
			lastEnd = end
		}
		start = -1
		first = -1
	}
	var prev, prev2 rune // the two runes before r
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			if !skip && start < 0 {
				start = i
			} else if !skip && !dotted && start < i && gluedAt(prev2, prev, r, text[i+size:]) {
				emit(i)
				lastEnd = -1 // a lost paragraph break, not a space
				start = i
			}
		case r == '.' && start >= 0 && i-start == 1 && unicode.IsUpper(rune(text[start])) && i+2 <= len(text) &&
			text[i+1] >= 'A' && text[i+1] <= 'Z' && (i+2 == len(text) || !isWordRune(rune(text[i+2]))):
			// U.S / A.B.D: keep the letter, drop the dot, go on with the next one.
			if first < 0 {
				first = start
			}
			buf = append(buf, text[start:i]...)
			dotted = true
			start = i + 1
			i += size
			continue
		case isApostrophe(r) && start >= 0 && i+size < len(text) && isWordStart(text[i+size:]):
			emit(i)
			lastEnd = -1 // the suffix stands between this word and the next
			skip = true
		default:
			emit(i)
			skip = false
		}
		prev2, prev = prev, r
		i += size
	}
	emit(len(text))
}

// gluedAt reports whether a word boundary was lost before r: a lowercase
// letter followed by a capitalized word (koronavirusitBrazili, where a
// scraper dropped the space between a paragraph and the next), or a run of
// capitals followed by one (SHBAAbrashi). News text glues paragraphs so in
// 1,100 of 4,000 Albanian bench articles; splitting brand names (YouTube,
// KosovaPress) costs nothing here, as a country named inside one counts.
func gluedAt(prev2, prev, r rune, rest string) bool {
	if !unicode.IsUpper(r) {
		return false
	}
	next, size := utf8.DecodeRuneInString(rest)
	if !unicode.IsLower(next) {
		return false
	}
	if unicode.IsUpper(prev) && unicode.IsUpper(prev2) {
		// Albanian abbreviations write a digraph letter as Zh, Sh, Gj
		// (BERZh, OBSh, IKShPK): no boundary when the digraph ends the
		// word or capitals follow it.
		after, _ := utf8.DecodeRuneInString(rest[size:])
		return !sqDigraph(r, next) || unicode.IsLower(after)
	}
	return unicode.IsLower(prev)
}

// sqDigraph reports whether upper and lower make one of the Albanian
// digraph letters (dh, gj, ll, nj, rr, sh, th, xh, zh) written with its
// second letter in lowercase, as abbreviations do: BERZh, GjND, OBSh.
func sqDigraph(upper, lower rune) bool {
	switch lower {
	case 'h':
		return upper == 'D' || upper == 'S' || upper == 'T' || upper == 'X' || upper == 'Z'
	case 'j':
		return upper == 'G' || upper == 'N'
	case 'l':
		return upper == 'L'
	case 'r':
		return upper == 'R'
	}
	return false
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// onlySpace reports whether gap is spaces and tabs only.
func onlySpace(gap string) bool {
	for i := 0; i < len(gap); i++ {
		if gap[i] != ' ' && gap[i] != '\t' {
			return false
		}
	}
	return true
}

// tokens returns the words of text with their keys and case flags.
func tokens(text string) []token {
	out := make([]token, 0, len(text)/6)
	tokenizeSpaced(text, func(w string, spaced bool) {
		t := makeToken(w)
		t.spaced = spaced
		out = append(out, t)
	})
	return out
}

func makeToken(w string) token {
	t := token{key: fold(w)}
	// letters, uppercase letters, lowercase letters that are the second
	// letter of an Albanian digraph after a capital (the h of BERZh), and
	// the byte length of the leading run of capitals.
	letters, uppers, digraphs, leadEnd := 0, 0, 0, -1
	var prev rune
	for i, r := range w {
		isUpper, isLetter := false, false
		if r < utf8.RuneSelf {
			isUpper = 'A' <= r && r <= 'Z'
			isLetter = isUpper || 'a' <= r && r <= 'z'
		} else if unicode.IsLetter(r) {
			isLetter, isUpper = true, unicode.IsUpper(r)
		}
		if isLetter {
			letters++
			if isUpper {
				uppers++
				if i == 0 {
					t.cap = true
				}
			} else if sqDigraph(prev, r) {
				digraphs++
			}
		}
		if leadEnd < 0 && (isLetter && !isUpper) {
			leadEnd = i
		}
		prev = r
	}
	if leadEnd < 0 {
		leadEnd = len(w)
	}
	t.upper = letters >= 1 && uppers == letters ||
		uppers >= 2 && digraphs >= 1 && uppers+digraphs == letters
	t.multi = uppers >= 2
	if t.cap && uppers >= 2 && leadEnd >= 2 {
		n := leadEnd
		if !isASCII(w[:leadEnd]) {
			n = len(fold(w[:leadEnd]))
		}
		if n < 256 {
			t.lead = uint8(n)
		}
	}
	return t
}
