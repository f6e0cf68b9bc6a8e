package analyzers

import (
	"reflect"
	"testing"
)

func TestLowerFilter(t *testing.T) {
	for _, tt := range []struct {
		in      string
		turkish bool
		want    string
	}{
		{"ANKARA", false, "ankara"},
		{"İstanbul", false, "istanbul"}, // language-neutral: İ is i
		{"IŞIK", false, "işik"},
		{"IŞIK", true, "ışık"}, // Turkish: I is ı
		{"İSTANBUL", true, "istanbul"},
		{"ÇËSHTJE", false, "çështje"},
		{"already lower", false, "already lower"},
	} {
		if got := filterTerms(t, LowerFilter{Turkish: tt.turkish}, tt.in); !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("LowerFilter{Turkish: %v}(%q) = %q; want %q", tt.turkish, tt.in, got, tt.want)
		}
	}
}
