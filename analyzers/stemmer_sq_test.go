package analyzers

import "testing"

// TestStemmer_Albanian checks the Albanian analyzer's stems: the inflected
// forms of a word (definite, plural, case, verb person) and its irregular
// forms share one stem, and different words keep different stems.
func TestStemmer_Albanian(t *testing.T) {
	runStemGroups(t, "sq", []stemGroup{
		{"marredhen", []string{"marrëdhënie", "marrëdhëniet", "marrëdhënieve", "Marrëdhëniet", "marredheniet"}},
		{"qyt", []string{"qytetet", "qyteti", "qytetit", "qytetin"}},
		{"vajz", []string{"vajza", "vajzës", "vajzat"}},
		{"punoj", []string{"punoj", "punon", "punojmë", "punojnë"}},
		{"kazakistan", []string{"Kazakistan", "Kazakistani", "Kazakistanit"}},
		{"turq", []string{"Turqi", "Turqia", "Turqisë"}},
		{"shqipr", []string{"Shqipëri", "Shqipëria", "Shqipërisë"}},
		{"ministr", []string{"ministri", "ministrit", "ministrat"}},
		{"qevr", []string{"qeveria", "qeverisë", "qeverinë"}},
		{"shkroj", []string{"shkruaj", "shkruan"}},
		{"jap", []string{"jap", "japim", "dha"}}, // irregular: dha is a past of jap
	})
}

type stemGroup struct {
	stem  string
	forms []string
}

// runStemGroups checks that every form of a group stems to the group's stem
// in lang, and that no two groups share a stem.
func runStemGroups(t *testing.T, lang string, groups []stemGroup) {
	t.Helper()
	owner := map[string]string{}
	for _, g := range groups {
		if prev, ok := owner[g.stem]; ok {
			t.Errorf("%s: groups %q and %q share the stem %q", lang, prev, g.forms[0], g.stem)
		}
		owner[g.stem] = g.forms[0]
		for _, f := range g.forms {
			got, err := Stem(lang, f)
			if err != nil {
				t.Fatalf("Stem(%q, %q): %v", lang, f, err)
			}
			if got != g.stem {
				t.Errorf("Stem(%q, %q) = %q; want %q, the stem of %v", lang, f, got, g.stem, g.forms)
			}
		}
	}
}
