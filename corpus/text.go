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
func cleanText(raw []byte) (text, repaired, skip string, c1 int) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if looksBinary(raw) {
		return "", "", "binary file (not text)", 0
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
	text, c1 = normalize(s)
	return text, repaired, "", c1
}

// Normalize is what every article text goes through, from any format: HTML
// character references decoded (scraped and wire text carries them:
// "T&uuml;rkiye", "BP &lt;BP>", Reuters' "&#3;" end marks), C1 control
// characters read as the Windows-1252 punctuation they were meant to be,
// other control characters than newline and tab dropped, and NFC
// composition. Without the decoding "Türkiye" written as T&uuml;rkiye is
// neither found by a search for Türkiye nor counted as a country, and
// snippets show the entity.
func Normalize(s string) string {
	s, _ = normalize(s)
	return s
}

// normalize is Normalize, and also counts the C1 characters it turned into
// the Windows-1252 characters they stand for.
func normalize(s string) (string, int) {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	c1 := 0
	if strings.IndexFunc(s, isDroppedControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if c, ok := windows1252(r); ok {
				c1++
				return c
			}
			if isDroppedControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFC.String(s), c1
}

// windows1252 maps a C1 control to the character its byte is in
// Windows-1252, or reports false. News text holds C1 "controls" where a
// Windows-1252 file was read as Latin-1: U+0092 is the apostrophe of
// Picasso\u0092nun, and dropping it glues the Turkish case ending to the
// name. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
// 0x90, 0x9D) stand for nothing and are dropped with the other controls.
func windows1252(r rune) (rune, bool) {
	if r < 0x80 || r > 0x9f {
		return 0, false
	}
	c := charmap.Windows1252.DecodeByte(byte(r))
	if c == utf8.RuneError || unicode.IsControl(c) {
		return 0, false
	}
	return c, true
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

// validID reports why id cannot name an article, or "" when it can. An
// article must be reachable at /articles/{id}: each "/"-separated segment
// is escaped into the URL, and a backslash is refused there (a path that
// holds one is how ..\ traversal is tried), so an id with one is refused
// here rather than indexed and never served.
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
			return fmt.Sprintf("id contains a control character: %q", clip(id, 40))
		}
	}
	if strings.IndexByte(id, '\\') >= 0 {
		return fmt.Sprintf("id contains a backslash, which no article URL can carry (write / between parts): %q", clip(id, 40))
	}
	for _, seg := range strings.Split(id, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return fmt.Sprintf("id has an empty, '.' or '..' path segment: %q", clip(id, 40))
		}
	}
	return ""
}
