package analyzers

import (
	"reflect"
	"testing"
)

func TestApostropheFilter(t *testing.T) {
	for _, tt := range []struct {
		in      string
		elision bool
		want    []string
	}{
		{"türkiye'nin", false, []string{"türkiye"}},
		{"türkiye’nin", false, []string{"türkiye"}}, // U+2019
		{"türkiyeʼnin", false, []string{"türkiye"}}, // U+02BC
		{"türkiye＇nin", false, []string{"türkiye"}}, // U+FF07
		{"ankara", false, []string{"ankara"}},
		{"'tek", false, []string{"tek"}}, // a leading quote is not a suffix cut
		{"s'ka", false, []string{"s"}},
		{"s'ka", true, []string{"ka"}}, // a one-letter clitic is elided
		{"t'i", true, []string{"i"}},
		{"l'europe", true, []string{"europe"}},
		{"president's", true, []string{"president"}}, // not a one-letter prefix
	} {
		if got := filterTerms(t, ApostropheFilter{Elision: tt.elision}, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ApostropheFilter{Elision: %v}(%q) = %q; want %q", tt.elision, tt.in, got, tt.want)
		}
	}
}
