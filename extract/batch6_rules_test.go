package extract

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestBatch6Rules pins the general rules added after the first run on batch
// 6 (extract/SCORES.md, round 5), each with a case that must not match.
func TestBatch6Rules(t *testing.T) {
	ids := func(ms []Mention) string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		lang, text, countries, orgs string
	}{
		// Albanian abbreviations write digraph letters as Zh, Sh, Gj.
		{"sq", "14 milionë euro nga BERZh dhe FMN-ja", "", "EBRD IMF"},
		{"sq", "sipas rekomandimeve të OBSh-së", "", "WHO"},
		{"sq", "vendimin e GjND-së për Kosovën", "XK", "ICJ"},
		{"sq", "vendimin e GJND-së", "", "ICJ"},
		// A case ending glued to an abbreviation.
		{"sq", "intervenimin e NATOS", "", "NATO"},
		{"sq", "negociojmë me BEnë dhe BEsë", "", "EU"},
		// NATOs stays split as a glued paragraph (NAT|Os, like VIDEO|Nuk).
		{"sq", "BES dhe BEN", "", ""},
		{"sq", "Këshillit të Sigurimit të KB", "", "UN"},
		{"sq", "Asociacionit Ndërkombëtar për Zhvillim", "", "WB"},
		{"sq", "do të vizitoj Komision Ndërkombëtar për personat e pagjetur", "", "ICMP"},
		// Mixed-case abbreviations need two capitals.
		{"sq", "Këshillit të Ministrave të BeH, dhe BiH", "BA", ""},
		{"sq", "Bih bih", "", ""},
		{"sq", "presidenti maqedon Pendarovski", "MK", ""},
		{"sq", "marrëdhëniet midis dy Gjermanive", "DE", ""},
		{"en", "Tevfik Aksoy, chief Turkish economist for Deutsche Bank", "DE TR", ""},
		{"en", "Britain takes up its presidency of the G8 group", "GB", "G8"},
		{"en", "Nordic Investment Bank (NIB)", "", "NIB"},
		{"en", "Bosnia (BiH)", "BA", ""},
		{"tr", "Avusturalya Savunma Sinyalleri Müdürlüğü", "AU", ""},
		{"tr", "en merak edilen gündem maddesi Eurogroup toplantısı", "", "EU"},
		{"tr", "Birleşmiş Milletler Ticaret ve Kalkınma Örgütü (UNCTAD)", "", "UNCTAD"},
		// Suffixed forms that are Turkish words.
		{"tr", "Alanda da çok iyiydi gençlerimiz.", "", ""},
		{"tr", "Yemenin yapımı oldukça zahmetlidir.", "", ""},
		{"tr", "Finlandiya'daki Turku Üniversitesi", "FI", ""},
		{"tr", "Yemen'in başkenti", "YE", ""},
	} {
		cs, os := Mentions(c.text, c.lang)
		if got := ids(cs); got != c.countries {
			t.Errorf("%s %q: countries %q, want %q", c.lang, c.text, got, c.countries)
		}
		if got := ids(os); got != c.orgs {
			t.Errorf("%s %q: orgs %q, want %q", c.lang, c.text, got, c.orgs)
		}
	}
}

// TestTokenize_AlbanianDigraphs: an abbreviation ending in a digraph letter
// stays one word; glued paragraphs are still split.
func TestTokenize_AlbanianDigraphs(t *testing.T) {
	var got []string
	tokenize("BERZh IKShPK OBSh-ja koronavirusitBrazili SHBAAbrashi", func(w string) { got = append(got, w) })
	want := []string{"BERZh", "IKShPK", "OBSh", "ja", "koronavirusit", "Brazili", "SHBA", "Abrashi"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
