package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kerko/analyzers"
)

// normalizeText returns text as kerko's analyzers normalize words: NFKC,
// without default-ignorable code points. Fullwidth letters
// (ＫＡＺＡＫＨＳＴＡＮ), ligatures (ﬁ) and invisible characters inside words
// (Kazakh + U+200B + stan, soft hyphens) then name what the plain spelling
// names, as the search fields find them. Extraction counts words and keeps
// no offsets, so the whole text can be rewritten; text that is already
// normal (nearly all of it) is returned as it is.
func normalizeText(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	ignorable := false
	for _, r := range s[i:] {
		if r >= 0xAD && analyzers.IsDefaultIgnorable(r) {
			ignorable = true
			break
		}
	}
	if !ignorable && norm.NFKC.IsNormalString(s) {
		return s
	}
	if ignorable {
		s = strings.Map(func(r rune) rune {
			if r >= 0xAD && analyzers.IsDefaultIgnorable(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFKC.String(s)
}
