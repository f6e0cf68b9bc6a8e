package search

import (
	"testing"
	"testing/fstest"

	"kerko/index"
)

func TestSearch_Relaxed(t *testing.T) {
	jsonl := `{"id":"a","lang":"en","title":"Harbour","body":"The old harbour crane was painted blue by the workers on Monday."}
{"id":"b","lang":"en","title":"Crane","body":"A crane lifted the blue boat in the harbour."}
{"id":"c","lang":"en","title":"Boat","body":"The boat sailed from the harbour."}
{"id":"d","lang":"tr","title":"Liman","body":"Eski liman vinci pazartesi günü işçiler tarafından maviye boyandı."}
{"id":"e","lang":"en","title":"Paint","body":"Workers painted the crane on Monday and then the harbour office."}
`
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{"news.jsonl": {Data: []byte(jsonl)}}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		name    string
		req     Request
		want    []string
		relaxed *Relaxed
	}{
		{"all words found: not relaxed", Request{Query: "harbour crane blue"}, []string{"a", "b"}, nil},
		// No article has all four: "a" and "b" have three (harbour, crane, blue).
		{"most of the words", Request{Query: "harbour crane blue giraffe"}, []string{"a", "b"}, &Relaxed{3, 4}},
		// Ten remembered words, one wrong.
		{"ten words, one misremembered", Request{Query: "old harbour crane was painted green by the workers Monday"}, []string{"a"}, &Relaxed{6, 7}}, // was, by, the are stop words
		{"two words are not relaxed", Request{Query: "harbour giraffe"}, nil, nil},
		{"an exclusion still excludes", Request{Query: "harbour crane blue giraffe -boat"}, []string{"a"}, &Relaxed{3, 4}},
		{"under the filters", Request{Query: "crane monday workers giraffe", Langs: []string{"en"}}, []string{"a", "e"}, &Relaxed{3, 4}},
		{"fewer than half: nothing", Request{Query: "giraffe zebra lion crane"}, nil, nil},
		// The query's tree (tree.go): a word in any form counts as one, an
		// OR of words as one, a filter typed in the box still filters; a
		// query with more than words ANDed is not relaxed.
		{"title: is a word", Request{Query: "title:harbour crane blue giraffe"}, []string{"a"}, &Relaxed{3, 4}},
		{"an OR of words is one word", Request{Query: "harbour OR boat crane blue giraffe"}, []string{"a", "b"}, &Relaxed{3, 4}},
		{"a prefix is a word", Request{Query: "harb* crane blue giraffe"}, []string{"a", "b"}, &Relaxed{3, 4}},
		{"a phrase is a word", Request{Query: `"harbour crane" blue giraffe painted`}, []string{"a"}, &Relaxed{3, 4}},
		{"under a typed filter", Request{Query: "crane monday workers giraffe lang:en"}, []string{"a", "e"}, &Relaxed{3, 4}},
		{"a filter in the tree: not relaxed", Request{Query: "harbour crane giraffe (blue OR country:TR)"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, tt.req)
			if got := hitIDs(res); !sameSet(got, tt.want) || res.Total != uint64(len(tt.want)) {
				t.Errorf("hits = %v (total %d); want %v", got, res.Total, tt.want)
			}
			switch {
			case tt.relaxed == nil && res.Relaxed != nil:
				t.Errorf("relaxed = %+v; want nil", *res.Relaxed)
			case tt.relaxed != nil && (res.Relaxed == nil || *res.Relaxed != *tt.relaxed):
				t.Errorf("relaxed = %+v; want %+v", res.Relaxed, *tt.relaxed)
			}
			if tt.relaxed != nil {
				n := 0
				for _, v := range res.Facets[FacetLang] {
					n += v.Count
				}
				if n != len(tt.want) {
					t.Errorf("facets count %d hits; want the relaxed %d", n, len(tt.want))
				}
			}
		})
	}
}
