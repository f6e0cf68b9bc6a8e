package highlight

import (
	"strings"
	"testing"
	"unicode/utf8"

	"kerko/query"
)

// TestSnippet_LongBody: a snippet of a body of megabytes is found within
// its first MaxSnippetScan bytes (a match past them is not looked for), valid UTF-8, with "…" where the
// body goes on; a match beyond the scan is not looked for.
func TestSnippet_LongBody(t *testing.T) {
	h := New(query.Parse("tërmet"))
	filler := strings.Repeat("ë", MaxSnippetScan) // two bytes a rune: the cut falls inside one
	for _, tc := range []struct {
		name, body string
		marked     bool
		ellipsis   bool
	}{
		{"short", "Një tërmet goditi Tiranën.", true, false},
		{"match early, 8 MiB after", "Një tërmet goditi Tiranën. " + strings.Repeat("fjalë tjetër ", 8<<20/13), true, true},
		{"match past the scan", "x" + filler + " tërmet", false, true},
		{"cut inside a rune", "x" + filler, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := h.Snippet(tc.body, "sq")
			if got := strings.Contains(s, "<mark>"); got != tc.marked {
				t.Errorf("marked=%v; want %v: %.200q", got, tc.marked, s)
			}
			if got := strings.HasSuffix(s, "…"); got != tc.ellipsis {
				t.Errorf("ends with …=%v; want %v", got, tc.ellipsis)
			}
			if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 2*snippetRunes {
				t.Errorf("snippet of %d runes, valid UTF-8 %v", utf8.RuneCountInString(s), utf8.ValidString(s))
			}
		})
	}
}
