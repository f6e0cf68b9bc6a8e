package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTitleRunes bounds every title, from any format, given or derived: a
// title is repeated in every list, suggestion and answer that shows its
// article, so one hostile title would make them all as large as itself.
// Real headlines stay below it.
const MaxTitleRunes = 200

// Title rules: a first line counts as a headline when it is short and does
// not end like a sentence; otherwise the title is the first sentence, cut at
// a word boundary. A dateline or byline before the text is never the title.
const (
	maxHeadlineRunes = MaxTitleRunes
	maxSentenceRunes = 120
)

// ClipTitle makes s fit as a title: one line (see oneLine) of at most
// MaxTitleRunes runes, cut at a word boundary with "…". Every title kerko
// indexes has been through it.
func ClipTitle(s string) string {
	return cutWords(oneLine(s), MaxTitleRunes)
}

// oneLine turns every run of ASCII white space that holds a line end or a
// tab into one space, and trims the ends. Other characters are kept as
// written: a title may hold non-breaking or ideographic spaces, and the
// pages and the API show what the source wrote.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\t\n\r\v\f") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isASCIISpace(s[j]) {
			j++
		}
		switch {
		case j == i:
			b.WriteByte(s[i])
			j++
		case strings.ContainsAny(s[i:j], "\t\n\r\v\f"):
			b.WriteByte(' ')
		default:
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// splitTitle derives the title from a .txt article's text and returns the
// body that remains: a headline line is removed from the body, a first
// sentence is not (it is part of the article).
func splitTitle(text string) (title, body string) {
	text = strings.TrimSpace(text)
	title, headline, rest := deriveTitle(text)
	if headline {
		return title, rest
	}
	return title, text
}

// deriveTitle makes a title from an article's text. When the first line is
// a headline, headline is true and rest is the text after it.
func deriveTitle(text string) (title string, headline bool, rest string) {
	text = strings.TrimSpace(text)
	after, dated := stripDatelines(text)
	if !dated {
		first, more, _ := strings.Cut(text, "\n")
		more = strings.TrimSpace(more)
		if more != "" && isHeadline(strings.TrimSpace(first), more) {
			return ClipTitle(first), true, more
		}
	}
	// A dateline is followed by the article's first sentence, never by a
	// headline: whatever line breaks come next are inside that sentence.
	return firstSentence(after), false, ""
}

// isHeadline reports whether line, followed by next, is a headline.
func isHeadline(line, next string) bool {
	if line == "" || utf8.RuneCountInString(line) > maxHeadlineRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if last == '.' || last == ',' || last == ';' || last == ':' {
		return false
	}
	words := strings.Fields(line)
	if len(words) == 1 && !hasLower(line) {
		// An acronym or a number alone ("CHP", "UEFA", "1881") begins a
		// sentence whose words a scraper split over lines.
		return false
	}
	return !continuesSentence(next)
}

// continuesSentence reports whether text, the line after another, goes on
// with that line's sentence rather than starting anew: it starts
// mid-sentence, or it is a lone word again followed by more, as a scraper
// leaves the words it took from links ("Türkiye\nİhracatçılar Meclisi…").
func continuesSentence(text string) bool {
	if startsMidSentence(text) {
		return true
	}
	line, more, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if strings.TrimSpace(more) == "" || strings.ContainsAny(line, " \t") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return unicode.IsLetter(last)
}

// startsMidSentence reports whether text begins with a lower-case letter,
// an apostrophe suffix ("ABD\n'deki") or punctuation ("BBC\n,\nteknoloji").
func startsMidSentence(text string) bool {
	r, size := utf8.DecodeRuneInString(text)
	if unicode.IsLower(r) {
		// Unless it is a name like "iOS" or "eBay".
		next, _ := utf8.DecodeRuneInString(text[size:])
		return !unicode.IsUpper(next)
	}
	return attaches(r, text[size:])
}

// attaches reports whether r, followed by after, belongs to the word before
// it: punctuation, or an apostrophe before a suffix (an apostrophe before a
// capital opens a quotation).
func attaches(r rune, after string) bool {
	switch r {
	case ',', '.', ';', ':', ')':
		return true
	case '\'', '’':
		next, _ := utf8.DecodeRuneInString(after)
		return unicode.IsLower(next)
	}
	return false
}

// firstSentence returns the first sentence of text with its line breaks
// joined, or its first maxSentenceRunes runes cut at a word boundary with
// an ellipsis. A period after an abbreviation ("Dr.", "Doç.", "St."), an
// initial, an ordinal ("5.", "1.") or inside a dotted word ("U.S.",
// "10.11.2012") does not end it, and neither does one that would leave a
// single word.
func firstSentence(text string) string {
	s := joinLines(text)
	for i, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		next := i + utf8.RuneLen(r)
		closed := next
		for closed < len(s) {
			c, size := utf8.DecodeRuneInString(s[closed:])
			if !strings.ContainsRune(closingQuotes, c) {
				break
			}
			closed += size
		}
		if closed < len(s) && s[closed] != ' ' {
			continue
		}
		if utf8.RuneCountInString(s[:next]) > maxSentenceRunes {
			break
		}
		head := s[:i]
		if r == '.' && !endsSentence(head) {
			continue
		}
		if len(strings.Fields(head)) < 2 {
			continue
		}
		if r == '.' && closed == next {
			return head
		}
		return s[:closed]
	}
	return cutWords(s, maxSentenceRunes)
}

// closingQuotes may follow the end of a sentence: «"Geldik." Sonra…».
const closingQuotes = "\"'”’»)]"

// endsSentence reports whether a period after head ends a sentence, by the
// word it follows.
func endsSentence(head string) bool {
	word := head[strings.LastIndexByte(head, ' ')+1:]
	word = strings.TrimLeft(word, "\"'“‘„«([")
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") {
		return false // an initial, "U.S", "A.Ş", "p.sh", a date
	}
	if strings.IndexFunc(word, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return false // an ordinal: "5. madde", "PTT 1. Lig"
	}
	return !abbreviations[foldAbbrev(word)]
}

// foldAbbrev lower-cases an abbreviation for lookup, Turkish dotted İ
// included (strings.ToLower would give "i̇").
func foldAbbrev(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "İ", "i"))
}

// abbreviations are the words that a period follows without ending a
// sentence, lower-cased: titles, ranks and the common short forms of
// Turkish, Albanian and English news.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range []string{
		// Turkish: titles, ranks, addresses, companies, "ve benzeri"...
		"dr prof doç doc yrd yard op opr uzm av hz vb vs vd bkz alb gen org korg tuğg tümg tuğa koram yzb bnb binb ütğm tğm " +
			"sn sy cad sok mah bul apt blk no tel müh öğr gör arş sf yy örn ltd şti san tic bşk gn md mad kur hv dz ort yak hk üniv ünv " +
			"psk dyt fzt ecz dt",
		// Albanian: zoti, zonja, "e të tjera", numri, shekulli, faqe, milion...
		"z znj zj etj nr shek fq mln mld mlrd gjen kol ing rr",
		// English.
		"mr mrs ms messrs st jr sr gen col lt sgt capt cmdr adm gov sen rep rev hon pres inc co corp plc bros etc nos vol fig " +
			"jan feb apr jun jul aug sep sept oct nov dec mt ft ave blvd dept est approx univ assn",
	} {
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
	}
	return m
}()

// joinLines turns text into one line: a line break before an apostrophe
// suffix or punctuation is dropped ("ABD\n'deki" → "ABD'deki"), every other
// run of white space becomes one space.
func joinLines(text string) string {
	var b strings.Builder
	b.Grow(min(len(text), 4*maxSentenceRunes))
	space, lineEnd := false, false
	for i, r := range text {
		if unicode.IsSpace(r) {
			space = true
			lineEnd = lineEnd || r == '\n'
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		if space && b.Len() > 0 && !(lineEnd && attaches(r, text[i+size:])) {
			b.WriteByte(' ')
		}
		space, lineEnd = false, false
		b.WriteRune(r)
		if b.Len() > 8*maxSentenceRunes {
			break // far more than a title can use
		}
	}
	return b.String()
}

// cutWords shortens s to at most n runes, at a word boundary, adding "…".
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i, r := range s {
		if count == n-1 { // room for the ellipsis
			break
		}
		if unicode.IsSpace(r) {
			cut = i
		}
		count++
	}
	if cut == 0 {
		// One long word: cut it at a rune boundary.
		i := 0
		for k := 0; k < n-1; k++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:.-–—") + "…"
}

// Datelines and bylines: "İSTANBUL -", "RADİKAL-", "ANKARA (AA) -",
// "WASHINGTON, March 3 -", "LONDON, Feb 26 -", on a line of their own or
// before the first sentence, and source lines such as "HT GAZETE" or
// "VOLKAN YANARDAĞ/HT GAZETE".
var (
	datelinePrefix = regexp.MustCompile(`^` +
		`(` + capsWord + `(?:[ \t-]+` + capsWord + `){0,3})` + // place
		`(\s*\([^()\n]{1,24}\))?` + // agency
		`(,\s*(?:` + monthName + `\.?\s+\d{1,2}|\d{1,2}\s+` + monthName + `)(?:,?\s+\d{4})?)?` + // date
		`(\s*\([^()\n]{1,24}\))?` + // agency after the date
		`(\s*)[-–—]{1,2}`)
	capsWord  = `\p{Lu}[\p{Lu}\p{M}'’.&]*`
	monthName = `\p{L}{3,9}`
)

// sourceWords name news agencies and papers; a line of capitals holding one
// is a byline or a source line, not a headline.
var sourceWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("aa dha iha anka anadolu reuters afp ap dpa xinhua bloomberg ata atsh " +
		"radikal habertürk haberturk ht gazete magazin posta hürriyet milliyet sabah cumhuriyet sözcü " +
		"zaman ntv cnntürk trt haber") {
		m[foldAbbrev(w)] = true
	}
	return m
}()

// stripDatelines removes up to two datelines or bylines from the start of
// text ("SALİHA ÇOLAK - HABERTÜRK\n…", "RADİKAL -\nİSTANBUL -…") and reports
// whether it removed any. It never removes all of the text.
func stripDatelines(text string) (string, bool) {
	stripped := false
	for range 2 {
		rest, ok := stripDateline(text)
		if !ok || strings.TrimSpace(rest) == "" {
			break
		}
		text, stripped = strings.TrimSpace(rest), true
	}
	return text, stripped
}

func stripDateline(text string) (string, bool) {
	if m := datelinePrefix.FindStringSubmatchIndex(text); m != nil {
		place := text[m[2]:m[3]]
		after := text[m[1]:]
		agency := m[4] >= 0 || m[8] >= 0
		dated := m[6] >= 0
		lineBreak := strings.ContainsRune(text[m[3]:m[1]], '\n') || startsLine(after)
		attached := m[1] < len(text) && !unicode.IsSpace(rune(text[m[1]])) && text[m[10]:m[11]] == ""
		if acceptDateline(place, after, agency, dated, lineBreak, attached) {
			return after, true
		}
	}
	// A line of capitals alone: "İSTANBUL\n- …", "HT GAZETE\n…".
	line, rest, ok := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if !ok || hasLower(line) || letters(line) < 2 || startsMidSentence(strings.TrimSpace(rest)) {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if d, _ := utf8.DecodeRuneInString(rest); isDash(d) && letters(line) >= 4 {
		// The dash of the dateline on the next line.
		return strings.TrimLeft(rest, "-–— \t\n"), true
	}
	words := capsWords(line)
	switch {
	case len(words) == 1 && letters(line) >= 5:
		return rest, true // a place or a paper
	case len(words) <= 3 && strings.ContainsAny(line, "/-–"), len(words) <= 5 && hasSourceWord(words):
		return rest, true // a byline or a source
	}
	return "", false
}

// acceptDateline decides whether a dateline-shaped prefix is one: a place
// of four letters or more, and something that only a dateline has: an
// agency, a date, a line break around the dash, a one-word place or a
// source's name, or a sentence starting after it. "AKP - CHP görüşmesi"
// and "E-ticaret" are no datelines.
func acceptDateline(place, after string, agency, dated, lineBreak, attached bool) bool {
	words := capsWords(place)
	if letters(place) < 4 {
		return false
	}
	if attached {
		// "RADİKAL-Merkez Bankası" but not "AR-GE", "TKM-Ebola", "X-ray".
		return len(words) == 1 && hasSourceWord(words)
	}
	// "MONCTON-MONTREAL-VANCOUVER -" is one place.
	onePlace := len(strings.Fields(place)) == 1
	if agency || dated || lineBreak || onePlace || hasSourceWord(words) {
		return true
	}
	// "NEW YORK - Apple shares…": a capitalised word starts the sentence.
	w, _, _ := strings.Cut(strings.TrimSpace(after), " ")
	return hasLower(w) && unicode.IsUpper(firstRune(w))
}

func startsLine(s string) bool {
	s = strings.TrimLeft(s, " \t")
	return s == "" || s[0] == '\n'
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// capsWords splits a line of capitals into its words, without the dashes
// and slashes between them.
func capsWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '/' || isDash(r) })
}

func hasSourceWord(words []string) bool {
	for _, w := range words {
		for _, part := range strings.Split(w, ".") {
			if sourceWords[foldAbbrev(part)] {
				return true
			}
		}
	}
	return false
}

func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
