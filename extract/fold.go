package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTab maps each Latin rune below U+0250 to its lowercase base letter, so
// that Turqisë, TURQISE and turqise share a key and İ, I and ı all become i:
// users type without diacritics and Turkish casing must not split keys.
// It is a package-level value (not filled by init) so that the gazetteers,
// built from it, are initialised after it.
var foldTab = buildFoldTab()

func buildFoldTab() (foldTab [0x250]rune) {
	for r := rune(0); r < 0x250; r++ {
		d := []rune(norm.NFD.String(string(r)))
		base := r
		if len(d) > 0 {
			base = d[0]
		}
		foldTab[r] = unicode.ToLower(base)
	}
	foldTab['ı'] = 'i'
	foldTab['I'] = 'i'
	foldTab['İ'] = 'i'
	foldTab['ł'] = 'l'
	foldTab['Ł'] = 'l'
	foldTab['ø'] = 'o'
	foldTab['Ø'] = 'o'
	foldTab['đ'] = 'd'
	foldTab['Đ'] = 'd'
	foldTab['ß'] = 's'
	return foldTab
}

// fold returns the search key of a word: lowercase, without diacritics.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x250:
			b.WriteRune(foldTab[r])
		case unicode.Is(unicode.Mn, r):
			// NFD combining marks: dropped like precomposed diacritics.
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
