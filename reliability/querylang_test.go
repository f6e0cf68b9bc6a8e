package reliability

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// cliSearch is what `kerko search --json` prints.
type cliSearch struct {
	Total uint64   `json:"total"`
	Notes []string `json:"notes"`
	Hits  []struct {
		ID string `json:"id"`
	} `json:"hits"`
}

func searchCLI(t *testing.T, dir string, args ...string) cliSearch {
	t.Helper()
	out := mustKerko(t, append([]string{"search", "--index", dir, "--json", "--size", "50"}, args...)...)
	var s cliSearch
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("kerko search %v: %v: %.300s", args, err, out)
	}
	return s
}

// TestCLI_QueryLanguage: `kerko search` reads the query language as the
// server does: a field filter in the query finds what the same flag finds,
// and what is not taken as typed is said in a note.
func TestCLI_QueryLanguage(t *testing.T) {
	dir := t.TempDir()
	indexSeeds(t, dir)
	ids := func(s cliSearch) []string {
		var out []string
		for _, h := range s.Hits {
			out = append(out, h.ID)
		}
		slices.Sort(out)
		return out
	}
	tests := []struct{ box, flags []string }{
		{[]string{"lang:tr", "Kazakistan"}, []string{"--lang", "tr", "Kazakistan"}},
		{[]string{"country:Kazakistan"}, []string{"--country", "KZ"}},
		{[]string{"country:KZ", "OR", "country:KG"}, []string{"--country", "KZ", "--country", "KG"}},
		{[]string{"from:2026-02", "to:2026-02"}, []string{"--from", "2026-02-01", "--to", "2026-02-28"}},
	}
	for _, tt := range tests {
		a, b := searchCLI(t, dir, tt.box...), searchCLI(t, dir, tt.flags...)
		if a.Total != b.Total || !slices.Equal(ids(a), ids(b)) || a.Total == 0 {
			t.Errorf("kerko search %q: %d %v; with flags %q: %d %v", tt.box, a.Total, ids(a), tt.flags, b.Total, ids(b))
		}
	}
	// Two countries ANDed: the articles about both.
	kz, kg, both := searchCLI(t, dir, "--country", "KZ"), searchCLI(t, dir, "--country", "KG"), searchCLI(t, dir, "country:KZ", "country:KG")
	want := slices.DeleteFunc(ids(kz), func(id string) bool { return !slices.Contains(ids(kg), id) })
	if !slices.Equal(ids(both), want) || len(want) == 0 || len(want) == len(ids(kz)) && len(want) == len(ids(kg)) {
		t.Errorf("country:KZ country:KG finds %v; KZ %v, KG %v", ids(both), ids(kz), ids(kg))
	}
	s := searchCLI(t, dir, "Kazakistan", "country:Atlantis")
	if !strings.Contains(strings.Join(s.Notes, "\n"), `no country "Atlantis": ignored`) {
		t.Errorf("notes %q; want one about Atlantis", s.Notes)
	}
	out := mustKerko(t, "search", "--index", dir, "Kazakistan", "lang:klingon")
	if !strings.Contains(out, `note: no language "klingon": ignored`) {
		t.Errorf("kerko search prints no note for lang:klingon:\n%s", out)
	}
}
