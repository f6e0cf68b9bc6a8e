package index

import (
	"fmt"
	"testing"

	"kerko/extract"
)

func TestAboutTerms(t *testing.T) {
	count := func(terms []string, term string) int {
		n := 0
		for _, x := range terms {
			if x == term {
				n++
			}
		}
		return n
	}
	got := aboutTerms([]extract.Mention{{ID: "KZ", Count: 20}, {ID: "TR", Count: 2}}, []extract.Mention{{ID: "AU", Count: 1}},
		[]extract.PersonMention{{ID: "kassym-jomart-tokayev", Name: "Tokayev", Mentions: 3}})
	if len(got) != aboutLen {
		t.Errorf("len = %d; want %d", len(got), aboutLen)
	}
	for term, want := range map[string]int{"country:KZ": maxAboutRepeats, "country:TR": 2, "org:AU": 1, "country:AU": 0, "person:kassym-jomart-tokayev": 3} {
		if n := count(got, term); n != want {
			t.Errorf("%s appears %d times; want %d", term, n, want)
		}
	}
	// An article naming more entities than aboutLen still lists each one.
	var many []extract.Mention
	for i := 0; i < aboutLen+10; i++ {
		many = append(many, extract.Mention{ID: fmt.Sprintf("X%d", i), Count: 3})
	}
	got = aboutTerms(many, nil, nil)
	if count(got, "country:X70") != 1 || count(got, aboutPad) != 0 {
		t.Errorf("with %d entities: X70 %d times, pad %d times; want 1, 0", len(many), count(got, "country:X70"), count(got, aboutPad))
	}
}
