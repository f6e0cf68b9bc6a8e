package extract

import (
	"sort"
	"strings"
	"testing"
)

// idCase is a text and the ids of the persons People must find in it,
// sorted and space-separated ("" for nobody): the tables of the rounds'
// rule tests (persons_round*_test.go).
type idCase struct {
	name, lang, text string
	want             string
}

// checkIDs runs each case as a subtest.
func checkIDs(t *testing.T, tests []idCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			for _, p := range People(tt.text, tt.lang) {
				ids = append(ids, p.ID)
			}
			sort.Strings(ids)
			if got := strings.Join(ids, " "); got != tt.want {
				t.Errorf("People(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
