package analyzers

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/registry"
)

// TestTermTokenizer_Tokenize checks that fieldAbout's tokenizer makes what
// Bleve's whitespace tokenizer, which it replaces, made: the same terms at
// the same bytes and positions, so indexes and scores stay as they were.
func TestTermTokenizer_Tokenize(t *testing.T) {
	ws, err := registry.NewCache().TokenizerNamed(whitespace.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		"", " ", "country:TR", "country:TR country:TR org:NATO person:recep-tayyip-erdogan _ _",
		"  lead and trail  ", "tab\tnew\nline\u00a0nbsp\u2003em", "x \xff y", "before \ufffd after", "ä ö",
	} {
		got, want := (termTokenizer{}).Tokenize([]byte(in)), ws.Tokenize([]byte(in))
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokenize(%q) = %v; whitespace tokenizer %v", in, got, want)
		}
	}
}
