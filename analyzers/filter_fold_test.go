package analyzers

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// filterTerms runs filter over one token per term and returns the terms
// that come out, checking that offsets are left as they were.
func filterTerms(t *testing.T, f analysis.TokenFilter, terms ...string) []string {
	t.Helper()
	var in analysis.TokenStream
	for i, term := range terms {
		in = append(in, &analysis.Token{Term: []byte(term), Start: 10 * i, End: 10*i + len(term), Position: i + 1})
	}
	starts := map[int]bool{}
	for _, tok := range in {
		starts[tok.Start] = true
	}
	var out []string
	for _, tok := range f.Filter(in) {
		if !starts[tok.Start] {
			t.Errorf("%T moved a token to offset %d", f, tok.Start)
		}
		out = append(out, string(tok.Term))
	}
	return out
}

func TestFoldFilter(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"tiranë", "tirane"},
		{"çështje", "ceshtje"},
		{"erdoğan", "erdogan"},
		{"ışık", "isik"},
		{"şöför", "sofor"},
		{"üç", "uc"},
		{"kâğıt", "kagit"},
		{"éñő", "eno"},
		{"ascii", "ascii"},
		{"e\u0308", "e"}, // a combining mark goes
		{"ß", "ß"},       // no single base letter: kept
	} {
		if got := filterTerms(t, FoldFilter{}, tt.in); !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("FoldFilter(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if got := filterTerms(t, FoldFilter{}, "\u0301"); len(got) != 0 {
		t.Errorf("FoldFilter(a lone combining mark) = %q; want the token dropped", got)
	}
}
