package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ptoken is one word of a text as the person extractor sees it. It needs
// more than the country matcher's token: the word as written (for display
// names), and what stood between it and the word before, since a name never
// spans a comma or a sentence end but may span a hyphen (Hans-Olaf) or an
// initial's dot (F. Wilhelm Christians).
type ptoken struct {
	text   string // as written, without an apostrophe suffix (Erdoğan'ın gives Erdoğan)
	key    string // fold(text); "" for a lowercase word with non-ASCII letters (see keyOf)
	start  int    // byte offset in the text
	cls    uint32 // word classes of a capitalized word (cGiven...), or of a lowercase one when lc
	h      uint32 // fnv(key) of a capitalized word or of a lowercase one when lc, for the bloom filters
	cap    bool   // first letter uppercase
	upper  bool   // every letter uppercase (two letters at least)
	suffix bool   // a suffix followed after an apostrophe: the name ends here
	poss   bool   // ... and it was a Turkish possessive (CEO'su), not a case ending
	gap    uint8  // what separates it from the word before
	lc     bool   // a lowercase word whose cls was looked up (next to a capitalized word)
	nl     bool   // a line break stands between it and the word before (newlineBefore)
}

// Gaps between two words.
const (
	gapSpace   uint8 = iota // spaces only (one line break included: wires break lines inside names)
	gapHyphen               // Hans-Olaf, Mullhaxha-Kollçaku
	gapInitial              // after "F." or "Dr.": the dot of an abbreviation, not a sentence end
	gapPunct                // a comma, a quote, a bracket...: names do not cross it
	gapStop                 // a sentence end, a paragraph break, the start of the text
)

// ptokens splits text into words the way tokenize does for countries
// (same letters, same apostrophe rule, same glued-paragraph split), keeping
// what person names need: written forms, case and gaps. Two differences: an
// apostrophe after a single capital joins (O'Neill, D'Alema are one word),
// and dotted abbreviations are not joined (names have initials, not U.S.).
func ptokens(text string) []ptoken {
	return ptokensInto(tables(), make([]ptoken, 0, len(text)/6), text)
}

// ptokensInto is ptokens appending to out.
func ptokensInto(pt *personTables, out []ptoken, text string) []ptoken {
	start := -1
	skip := false
	gap := gapStop
	nl := false // the word starting at start has a line break before it
	var prev, prev2 rune
	emit := func(end int, suffix bool) {
		if start < 0 {
			return
		}
		w := text[start:end]
		t := ptoken{text: w, suffix: suffix, gap: gap, start: start, nl: nl}
		// Only capitalized words need their key now: lowercase ones are
		// looked up only beside a name (keyOf folds them then).
		if c := w[0]; c >= 'a' && c <= 'z' {
			if isASCII(w) {
				t.key = w
			}
		} else if c < utf8.RuneSelf && (c < 'A' || c > 'Z') {
			t.key = w // digits
		} else {
			letters, uppers := 0, 0
			for i, r := range w {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						uppers++
						if i == 0 {
							t.cap = true
						}
					}
				}
			}
			t.upper = letters >= 2 && uppers == letters
			if t.cap {
				t.key, t.cls, t.h = capKey(pt, w)
			}
		}
		// The lowercase words beside a capitalized one are the titles,
		// particles and institution words the rules ask about, often
		// several times: their classes are looked up once, here.
		if n := len(out); n > 0 {
			if p := &out[n-1]; t.cap && !p.cap && !p.lc {
				p.key = keyOf(*p)
				p.h = fnv(p.key)
				p.cls, p.lc = lowerClass(pt, p.key, p.h), true
			} else if !t.cap && p.cap {
				t.key = keyOf(t)
				t.h = fnv(t.key)
				t.cls, t.lc = lowerClass(pt, t.key, t.h), true
			}
		}
		out = append(out, t)
		start = -1
		gap = gapSpace
	}
	newlines := 0
	wrapped := isWrapped(text)
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r):
			if skip {
				break
			}
			if start < 0 {
				start = i
				if newlines >= 2 && gap < gapStop {
					gap = gapStop
				}
				// Every line break of the text reaches the default case
				// below, and newlines restarts only here: it counts the
				// breaks since the word before.
				nl = newlines > 0
				newlines = 0
			} else if i-start > 3 && (r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf) && gluedAt(prev2, prev, r, text[i+size:]) {
				// Not after a short prefix: McQueen, MacDonald, DeLorean are
				// one name.
				emit(i, false)
				gap = gapStop // a scraper dropped a paragraph break here
				start, nl = i, false
			}
		case isApostrophe(r) && start >= 0 && i+size < len(text) && isWordStart(text[i+size:]):
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if i-start == 1 && unicode.IsUpper(rune(text[start])) && unicode.IsUpper(next) {
				break // O'Neill, D'Alema: one word
			}
			emit(i, true)
			out[len(out)-1].poss = trPossessive(text[i+size:])
			skip = true
		default:
			wasWord := start >= 0
			emit(i, false)
			skip = false
			switch {
			case r == '-' && wasWord:
				gap = gapHyphen
			case r == ' ' || r == '\t' || r == '\u00a0':
			case r == '\n' || r == '\r':
				if r == '\n' {
					newlines++
					if !wrapped && !oneWordLine(text, i) {
						gap = gapStop // a title, a heading, a byline ends at its line
					}
				}
			case r == '.':
				if n := len(out); n > 0 && out[n-1].start+len(out[n-1].text) == i && isAbbrevWord(out[n-1]) {
					gap = max(gap, gapInitial)
				} else {
					gap = gapStop
				}
			case r == '!' || r == '?' || r == ':' || r == ';' || r == '•' || r == '|' || r == '/':
				gap = gapStop
			default:
				gap = max(gap, gapPunct)
			}
		}
		prev2, prev = prev, r
		i += size
		// The lowercase letters and digits that go on a word (or a
		// skipped suffix) meet none of the checks above (gluedAt wants an
		// uppercase letter): most of a text is such, and this loop is the
		// tokenizer's cost.
		if start >= 0 || skip {
			for i < len(text) {
				c := text[i]
				if asciiLowerWord[c] {
					prev2, prev = prev, rune(c)
					i++
					continue
				}
				if c < utf8.RuneSelf {
					break
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLower(r) { // a lowercase letter is a word rune
					break
				}
				prev2, prev = prev, r
				i += n
			}
		}
	}
	emit(len(text), false)
	return out
}

// trPossessive tells whether the word at the start of s is a Turkish
// third-person possessive ending (CEO'su, AKP'li is not): a title with it
// stands before a name in apposition (Apple'ın CEO'su Cook), one with a
// case ending does not (Genel Sekreteri'yle Kahire'de).
func trPossessive(s string) bool {
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	switch s[:end] {
	case "sı", "si", "su", "sü", "ı", "i", "u", "ü", "ları", "leri":
		return true
	}
	return false
}

// isWrapped tells whether text is hard-wrapped, as the news wires are: no
// line longer than 90 bytes and at least three of 40 or more. There a line
// break is a space and may fall inside a name (Ramon del / Rosario);
// elsewhere it ends a title, a heading or a byline.
func isWrapped(text string) bool {
	long := 0
	for len(text) > 0 {
		line := text
		if k := strings.IndexByte(text, '\n'); k >= 0 {
			line, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		switch n := len(strings.TrimSpace(line)); {
		case n > 90:
			return false
		case n >= 40:
			long++
		}
	}
	return long >= 3
}

// oneWordLine tells whether the line break at text[nl] stands between two
// lines of one word each: scraped texts break names into a word a line
// (Dr. / Güncel / Öztürk), so such a break is a space.
func oneWordLine(text string, nl int) bool {
	start := strings.LastIndexByte(text[:nl], '\n') + 1
	before := strings.TrimSpace(text[start:nl])
	if before == "" || strings.ContainsAny(before, " \t") {
		return false // most lines: the next one need not be read
	}
	after := text[nl+1:]
	if k := strings.IndexByte(after, '\n'); k >= 0 {
		after = after[:k]
	}
	after = strings.TrimSpace(after)
	return after != "" && !strings.ContainsAny(after, " \t")
}

// isAbbrevWord tells whether a word followed by a dot is an initial (F.) or
// an abbreviated title (Dr., Prof., Mr., z.), so that the dot ends no
// sentence.
func isAbbrevWord(t ptoken) bool {
	if utf8.RuneCountInString(t.text) == 1 && t.cap {
		return true
	}
	if len(t.key) > abbrevMaxLen {
		return false // asked at every full stop: most words are longer than any abbreviation
	}
	k := keyOf(t)
	return abbrevTitles[k] || abbrevOther[k]
}

// abbrevMaxLen is the length of the longest key of abbrevTitles and
// abbrevOther.
var abbrevMaxLen = func() int {
	n := 0
	for _, m := range []map[string]bool{abbrevTitles, abbrevOther} {
		for k := range m {
			n = max(n, len(k))
		}
	}
	return n
}()

// keyOf is the key of a token, folding lowercase non-ASCII words on demand.
func keyOf(t ptoken) string {
	if t.key != "" {
		return t.key
	}
	return fold(t.text)
}

// capKey folds a capitalized word and looks up its classes. An ASCII word is
// lowered on the stack and, when it is a listed word, takes the list's key
// string: most capitalized words of news are names, titles and places of
// the lists, and this spares an allocation each.
func capKey(pt *personTables, w string) (key string, cls, h uint32) {
	var buf [48]byte
	if len(w) > len(buf) {
		k := fold(w)
		return k, pt.class[k], fnv(k)
	}
	h = fnvOffset
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			k := fold(w)
			return k, pt.class[k], fnv(k)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = (h ^ uint32(c)) * fnvPrime
	}
	if !pt.capBloom.has(h) {
		return string(buf[:len(w)]), 0, h // no listed word: spare the table's probe
	}
	if k, cls, ok := pt.words.find(h, buf[:len(w)]); ok {
		return k, cls, h
	}
	return string(buf[:len(w)]), 0, h
}

// wordTable holds the keys of the lists with their classes, found by the
// FNV hash capKey computes anyway while it lowers a word: Go's map hashed
// the key again and probed a larger table, and that was capKey's largest
// cost. Open addressing with linear probing, at most half full; built once.
type wordTable struct {
	slots []wordSlot // a power of two of them
}

type wordSlot struct {
	hash uint32 // fnv(key)
	cls  uint32
	key  string // "" for an empty slot
}

func newWordTable(n int) *wordTable {
	size := 1
	for size < 2*n {
		size *= 2
	}
	return &wordTable{slots: make([]wordSlot, size)}
}

// add puts key with its classes in the table; key is not there yet. The
// empty key marks an empty slot, and capKey never asks for it.
func (t *wordTable) add(key string, cls uint32) {
	if key == "" {
		return
	}
	h := fnv(key)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if t.slots[i].key == "" {
			t.slots[i] = wordSlot{hash: h, cls: cls, key: key}
			return
		}
	}
}

// findString is find for a key held as a string.
func (t *wordTable) findString(h uint32, k string) (string, uint32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			return "", 0, false
		}
		if s.hash == h && s.key == k {
			return s.key, s.cls, true
		}
	}
}

// find returns the table's key string equal to k (whose fnv is h) and its
// classes.
func (t *wordTable) find(h uint32, k []byte) (string, uint32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			return "", 0, false
		}
		if s.hash == h && s.key == string(k) {
			return s.key, s.cls, true
		}
	}
}

// lowerClass is the classes of a lowercase word's key k (whose fnv is h):
// only those the rules ask of a lowercase word (titles, particles,
// institution and place words).
func lowerClass(pt *personTables, k string, h uint32) uint32 {
	if !pt.lowerBloom.has(h) {
		return 0
	}
	_, cls, _ := pt.lower.findString(h, k)
	return cls
}

// bloom is a set of 32-bit hashes with false positives, 8 KiB: most words
// of a text are in no list, and a bit test is cheaper than a probe of a
// large map.
type bloom [1 << 16 / 64]uint64

func (b *bloom) add(h uint32) {
	for _, x := range [2]uint32{h & 0xffff, h >> 16} {
		b[x/64] |= 1 << (x % 64)
	}
}

func (b *bloom) has(h uint32) bool {
	x, y := h&0xffff, h>>16
	return b[x/64]&(1<<(x%64)) != 0 && b[y/64]&(1<<(y%64)) != 0
}

// bigBloom is a bloom filter of 64 KiB for the 37,000 keys of all the
// lists: in 8 KiB they set two bits in three and half the words that are
// in no list passed; here one in fifty does.
type bigBloom [1 << 19 / 64]uint64

// bigBloomBits are the two bits of h: its low 19 bits, and the top 19 of a
// multiplicative rehash (independent of the low bits of h).
func bigBloomBits(h uint32) (uint32, uint32) {
	return h & (1<<19 - 1), (h * 0x9e3779b1) >> 13
}

func (b *bigBloom) add(h uint32) {
	x, y := bigBloomBits(h)
	b[x/64] |= 1 << (x % 64)
	b[y/64] |= 1 << (y % 64)
}

func (b *bigBloom) has(h uint32) bool {
	x, y := bigBloomBits(h)
	return b[x/64]&(1<<(x%64)) != 0 && b[y/64]&(1<<(y%64)) != 0
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fnv is the 32-bit FNV-1a hash of s.
func fnv(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// asciiLowerWord marks the bytes of lowercase ASCII letters and digits.
var asciiLowerWord = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// asciiWord marks the ASCII letters and digits (isWordRune below U+0080,
// without a call per byte).
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		t[r] = isWordRune(r)
	}
	return t
}()
