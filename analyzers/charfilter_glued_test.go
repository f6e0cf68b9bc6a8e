package analyzers

import (
	"strings"
	"testing"
)

func TestGluedSentenceCharFilter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"verës.Barcelona", "verës Barcelona"},
		{"fund.Kjo është", "fund Kjo është"},
		{"yıl.Türkiye'nin", "yıl Türkiye'nin"},
		{"said,The", "said The"},
		{"U.S. and U.K.", "U.S. and U.K."},
		{"3.5 percent", "3.5 percent"},
		{"gazeta.com", "gazeta.com"},
		{"e.g. this", "e.g. this"},
		{"SHBA.Kjo", "SHBA.Kjo"},
		{".Start", ".Start"},
		{"end.", "end."},
	}
	for _, tt := range tests {
		if got := string(GluedSentenceCharFilter{}.Filter([]byte(tt.in))); got != tt.want {
			t.Errorf("Filter(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnalyze_GluedSentences(t *testing.T) {
	text := "Në fund të verës.Barcelona fitoi."
	for _, name := range []string{AlbanianAnalyzer, FoldedAnalyzer} {
		toks, err := Analyze(name, text)
		if err != nil {
			t.Fatal(err)
		}
		var terms []string
		for _, tok := range toks {
			terms = append(terms, tok.Term)
			if tok.Term == "barcelona" || strings.HasPrefix(tok.Term, "barcelon") {
				if got := text[tok.Start:tok.End]; got != "Barcelona" {
					t.Errorf("%s: token %q covers %q; want Barcelona", name, tok.Term, got)
				}
			}
		}
		joined := strings.Join(terms, " ")
		if strings.Contains(joined, ".") || !strings.Contains(joined, "barcelon") {
			t.Errorf("%s(%q) = %v; want verës and Barcelona apart", name, text, terms)
		}
	}
}
