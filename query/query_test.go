package query

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"Kazakistan", "Kazakistan"},
		{"Kazakistan Türkiye", "Kazakistan Türkiye"},
		{`"stratejik ortaklık" Ankara`, `"stratejik ortaklık" Ankara`},
		{`Ankara -Astana`, `Ankara -Astana`},
		{`Ankara -"joint declaration"`, `Ankara -"joint declaration"`},
		{`Kazakhstan OR Kyrgyzstan`, `Kazakhstan OR Kyrgyzstan`},
		{`a OR b OR c d`, `a OR b OR c d`},
		{`"unbalanced quote`, `"unbalanced quote"`},
		{`"one"`, `one`},
		{`""`, ``},
		{`OR Ankara OR`, `Ankara`},
		{`Ankara OR OR Astana`, `Ankara OR Astana`},
		{`- -- + Ankara`, `Ankara`},
		{`+Ankara`, `Ankara`},
		{`*** &&& Ankara`, `Ankara`},
		{`or lowercase is a word`, `or lowercase is a word`},
		{`-Ankara OR Astana`, `Astana -Ankara`},
		{"Ankara\x00Astana", `Ankara Astana`},
		{"bad\xffutf8", `badutf8`},
		{`"a "b" c"`, `a b c`},
		{`İstanbul'da`, `İstanbul'da`},
	}
	for _, tt := range tests {
		if got := Parse(tt.in).String(); got != tt.want {
			t.Errorf("Parse(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse_Bounded(t *testing.T) {
	q := Parse(strings.Repeat("word ", 500))
	if len(q.Must) != MaxTerms || !q.Truncated {
		t.Errorf("Parse(500 words) kept %d clauses, truncated=%v; want %d, true", len(q.Must), q.Truncated, MaxTerms)
	}
	q = Parse(`"` + strings.Repeat("w ", 100) + `"`)
	if got := len(strings.Fields(q.Must[0].Alts[0].Text)); got != MaxPhraseWords {
		t.Errorf("phrase of 100 words kept %d; want %d", got, MaxPhraseWords)
	}
}
