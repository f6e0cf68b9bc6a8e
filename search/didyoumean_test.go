package search

import (
	"context"
	"testing"
	"testing/fstest"

	"kerko/index"
)

// openWritten builds an index of a few articles that write the same words
// in different casings, with and without diacritics and case endings.
func openWritten(t *testing.T) *Index {
	t.Helper()
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{
		"tr1.txt": article("Kırgızistan ile Kazakistan ticaret anlaşması\n" +
			"Kırgızistan ve Kazakistan liderleri Bişkek'te görüştü. Kırgızistan'ın ekonomisi büyüyor, " +
			"KIRGIZISTAN ile ticaret artıyor."),
		"tr2.txt": article("İzmir'de zirve\n" +
			"İzmir'de toplanan liderler Kırgızistan ve Kazakistan hakkında konuştu. İzmir limanı büyüyor."),
		"tr3.txt": article("Kazakistan'dan heyet\nKazakistan heyeti İzmir'e geldi."),
		"sq1.txt": article("Ndihmë për Shqipërisë\n" +
			"Qeveria e Shqipërisë njoftoi se Shqipërisë do t'i jepen fonde. Ekonomia e Shqipërisë rritet."),
		"sq2.txt": article("Shqipërisë i vjen investim\nInvestimi në Shqipërisë u miratua nga Kuvendi."),
		"en1.txt": article("Government report\n" +
			"The government said the economy grew. Economy ministers met; the economy is strong and the economy will grow."),
		"en2.txt": article("Heritage list\nUNESCO listed the old town. UNESCO experts visited."),
	}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestSearch_DidYouMeanWritten(t *testing.T) {
	ix := openWritten(t)
	tests := []struct {
		name  string
		query string
		want  string
	}{
		{"turkish dotless ı", "Kırgızstn", "Kırgızistan"},
		{"typed folded and lowercase", "kirgizstn", "Kırgızistan"},
		{"turkish dotted İ behind a case ending", "Izmr", "İzmir"},
		{"albanian ë", "Shqipersie", "Shqipërisë"}, // not Shqiperis: without its final ë it now names Albania itself
		{"english common noun stays lowercase", "econmy", "economy"},
		{"acronym written only in capitals", "UNESKO", "UNESCO"},
		{"only the respelled word changes", "kazakistn TİCARET", "Kazakistan TİCARET"},
		{"phrase and exclusion kept", `Kazakistn "ticaret anlaşması" -İzmir`, `Kazakistan "ticaret anlaşması" -İzmir`},
		{"OR kept", "Shqipersie OR Ankara", "Shqipërisë OR Ankara"},
		{"the box's filters kept", "lang:tr Kirgizstn", "Kırgızistan lang:tr"},
		{"a group kept", "(Kirgizstn OR Ankara) -title:zirve", "Kırgızistan OR Ankara -title:zirve"},
		{"meant as typed", "Kazakistan", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, Request{Query: tt.query})
			if res.DidYouMean != tt.want {
				t.Fatalf("Search(%q).DidYouMean = %q (total %d); want %q", tt.query, res.DidYouMean, res.Total, tt.want)
			}
			if tt.want == "" {
				return
			}
			// The link searches for the written form: it must find what the
			// respelling was verified to find.
			if got := search(t, ix, Request{Query: tt.want}); got.Total <= res.Total {
				t.Errorf("Search(%q).Total = %d; want more than the %d of %q", tt.want, got.Total, res.Total, tt.query)
			}
		})
	}
}

func TestIndex_WrittenForm(t *testing.T) {
	ix := openWritten(t)
	tests := []struct {
		term, want string
	}{
		{"kirgizistan", "Kırgızistan"}, // capitalized 4 times, in capitals once
		{"kazakistan", "Kazakistan"},   // Kazakistan'dan cut at the apostrophe
		{"izmir", "İzmir"},
		{"shqiperise", "Shqipërisë"},
		{"economy", "economy"}, // lowercase 3 times, capitalized once
		{"unesco", "UNESCO"},
		{"fonde", "fonde"},
		{"zzzzqqq", "zzzzqqq"}, // in no article: the folded term itself
	}
	for _, tt := range tests {
		got, err := serving(ix).writtenForm(context.Background(), tt.term)
		if err != nil {
			t.Fatalf("writtenForm(%q): %v", tt.term, err)
		}
		if got != tt.want {
			t.Errorf("writtenForm(%q) = %q; want %q", tt.term, got, tt.want)
		}
	}
}

func TestWrittenForms_Best(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		term  string
		want  string
	}{
		{"most capitalized", []string{"Tiranë tiranë Tiranë"}, "tirane", "Tiranë"},
		{"tie goes lowercase", []string{"Ekonomia rritet. ekonomia"}, "ekonomia", "ekonomia"},
		{"commonest spelling of the casing", []string{"Tirane Tiranë Tiranë"}, "tirane", "Tiranë"},
		{"capitals outvoted by any running text", []string{"TIRANË TIRANË Tiranë"}, "tirane", "Tiranë"},
		{"capitals alone kept", []string{"NATO", "NATO's"}, "nato", "NATO"},
		{"nothing found", []string{"other words"}, "tirane", ""},
		{"no text", nil, "tirane", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w writtenForms
			for _, text := range tt.texts {
				if err := w.add(text, tt.term); err != nil {
					t.Fatal(err)
				}
			}
			if got := w.best(); got != tt.want {
				t.Errorf("best of %q in %q = %q; want %q", tt.term, tt.texts, got, tt.want)
			}
		})
	}
}

// TestSortRespellings checks the order of respellings on the kinds of
// candidates the bench corpus gives.
func TestSortRespellings(t *testing.T) {
	type cand struct {
		term  string
		dist  uint8
		count uint64
	}
	tests := []struct {
		name, term string
		cands      []cand
		want       string
	}{
		{"far more common beats a longer shared beginning", "governmnt",
			[]cand{{"governmnet", 1, 2}, {"government", 1, 3081}}, "government"},
		{"a longer shared beginning among words of like counts", "governmnt",
			[]cand{{"government", 1, 100}, {"governmnet", 1, 40}}, "governmnet"},
		{"a longer shared beginning beats a more common word", "tirans",
			[]cand{{"trans", 1, 60}, {"tirane", 1, 900}}, "tirane"},
		{"a changed first letter counts as one more edit", "kazistan",
			[]cand{{"pakistan", 2, 5000}, {"kazakistan", 2, 400}}, "kazakistan"},
		{"nearer first", "erdgan",
			[]cand{{"erdogan", 1, 10}, {"ergan", 2, 20000}}, "erdogan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := append([]cand(nil), tt.cands...)
			sortRespellings(tt.term, cs, func(c cand) (string, uint8, uint64) { return c.term, c.dist, c.count })
			if cs[0].term != tt.want {
				t.Errorf("first respelling of %q = %q; want %q (order %v)", tt.term, cs[0].term, tt.want, cs)
			}
		})
	}
}
