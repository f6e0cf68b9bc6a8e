package utf8cut

import (
	"testing"
	"unicode/utf8"
)

func TestPrefix(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abc", 3, "abc"},
		{"abc", 2, "ab"},
		{"abc", 0, ""},
		{"abc", -1, ""},
		{"aë", 2, "a"},   // ë is two bytes: not split
		{"aëb", 3, "aë"}, // the cut falls on b's start
		{"ğğ", 3, "ğ"},
		{"€x", 2, ""}, // € is three bytes
	} {
		got := Prefix(tc.s, tc.n)
		if got != tc.want || !utf8.ValidString(got) {
			t.Errorf("Prefix(%q, %d) = %q; want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
