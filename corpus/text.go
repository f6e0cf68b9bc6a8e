package corpus

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// cleanText turns raw file bytes into NFC text with "\n" line ends and no BOM.
// It returns a non-empty skip reason when the bytes are not text at all, and a
// repair note when invalid UTF-8 had to be replaced.
func cleanText(raw []byte) (text, repaired, skip string) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if looksBinary(raw) {
		return "", "", "binary file (not text)"
	}
	if !utf8.Valid(raw) {
		raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		repaired = "invalid UTF-8 replaced with U+FFFD"
	}
	s := string(raw)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return Normalize(s), repaired, ""
}

// Normalize is what every article text goes through, from any format: HTML
// character references decoded (scraped and wire text carries them:
// "T&uuml;rkiye", "BP &lt;BP>", Reuters' "&#3;" end marks), control
// characters other than newline and tab dropped, and NFC composition. Without
// the decoding "Türkiye" written as T&uuml;rkiye is neither found by a search
// for Türkiye nor counted as a country, and snippets show the entity.
func Normalize(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	if strings.IndexFunc(s, isDroppedControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if r >= 0x80 && r <= 0x9f {
				// C1 "controls" in news text are Windows-1252 bytes read
				// as Latin-1: U+0092 is the apostrophe of ABD\u0092li.
				if c := charmap.Windows1252.DecodeByte(byte(r)); c != utf8.RuneError && !unicode.IsControl(c) {
					return c
				}
			}
			if isDroppedControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFC.String(s)
}

// isDroppedControl reports the control characters Normalize removes: all but
// newline and tab (carriage returns are turned into newlines before).
func isDroppedControl(r rune) bool {
	return r != '\n' && r != '\t' && unicode.IsControl(r)
}

// looksBinary reports whether b is binary data rather than (possibly damaged)
// text: a NUL byte, or many bytes that are neither valid UTF-8 nor printable.
func looksBinary(b []byte) bool {
	sample := b
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(sample); {
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			// A multi-byte rune cut by the sample boundary is not damage.
			if len(sample)-i >= utf8.UTFMax || len(sample) == len(b) {
				bad++
			}
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
		i += size
	}
	return bad*10 > len(sample)
}

// Title rules: a first line counts as a headline when it is short and does
// not end like a sentence; otherwise the title is the first sentence, cut at
// a word boundary.
const (
	maxHeadlineRunes = 200
	maxTitleRunes    = 120
)

// splitTitle derives the title from an article's text and returns the body
// that remains: the headline line is removed from the body, a first sentence
// is not (it is part of the article).
func splitTitle(text string) (title, body string) {
	text = strings.TrimSpace(text)
	first, rest, hasRest := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	rest = strings.TrimSpace(rest)
	if hasRest && rest != "" && isHeadline(first) {
		return first, rest
	}
	return firstSentence(text), text
}

func isHeadline(line string) bool {
	if line == "" || utf8.RuneCountInString(line) > maxHeadlineRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return last != '.' && last != ',' && last != ';'
}

// firstSentence returns the first sentence of text, or its first
// maxTitleRunes runes cut at a word boundary with an ellipsis.
func firstSentence(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	for i, r := range line {
		if (r == '.' || r == '!' || r == '?') && i > 0 {
			next := i + 1
			if next >= len(line) || line[next] == ' ' {
				s := line[:next]
				if utf8.RuneCountInString(s) <= maxTitleRunes {
					return strings.TrimSuffix(s, ".")
				}
				break
			}
		}
	}
	return cutWords(line, maxTitleRunes)
}

// cutWords shortens s to at most n runes, at a word boundary, adding "…".
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i, r := range s {
		if count == n {
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
		for k := 0; k < n; k++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		cut = i
	}
	return strings.TrimRight(s[:cut], " ,;:-–—") + "…"
}

// validID reports why id cannot name an article, or "" when it can.
func validID(id string) string {
	switch {
	case id == "":
		return "missing id"
	case len(id) > 512:
		return fmt.Sprintf("id longer than 512 bytes (%d)", len(id))
	case !utf8.ValidString(id):
		return "id is not valid UTF-8"
	}
	for _, r := range id {
		if unicode.IsControl(r) {
			return fmt.Sprintf("id %q contains a control character", clip(id, 40))
		}
	}
	for _, seg := range strings.Split(id, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return fmt.Sprintf("id %q has an empty, '.' or '..' path segment", clip(id, 40))
		}
	}
	return ""
}
