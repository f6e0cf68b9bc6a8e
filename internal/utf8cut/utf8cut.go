// Package utf8cut cuts text at a byte bound without splitting a character:
// the one rule every bound on a body or a message in kerko follows (the
// corpus reader's clips, the analysis of a body's first bytes, snippets,
// the positions indexed for phrases).
package utf8cut

import "unicode/utf8"

// Prefix is the longest prefix of s of at most n bytes that ends where a
// character starts; s itself when it is no longer than n.
func Prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n < 0 {
		return ""
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
