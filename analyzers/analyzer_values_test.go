package analyzers

import (
	"reflect"
	"testing"
)

func TestValueTokenizer_Tokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"recep-tayyip-erdogan", []string{"recep-tayyip-erdogan"}},
		{"a\x1fRecep Tayyip Erdoğan\x1eb\x1fKurti", []string{"a\x1fRecep Tayyip Erdoğan", "b\x1fKurti"}},
		{"\x1ex\x1e\x1ey\x1e", []string{"x", "y"}},   // no empty terms
		{"X \xff Y\x1ez", []string{"X \xff Y", "z"}}, // bytes kept, as a keyword value keeps them
	} {
		var got []string
		for i, tok := range (valueTokenizer{}).Tokenize([]byte(tc.in)) {
			got = append(got, string(tok.Term))
			if tok.Position != i+1 || tc.in[tok.Start:tok.End] != string(tok.Term) {
				t.Errorf("Tokenize(%q): token %d at position %d, bytes %d:%d", tc.in, i, tok.Position, tok.Start, tok.End)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
