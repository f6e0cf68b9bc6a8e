package search

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/corpus"
	"kerko/index"
)

// seedsWith is the seed corpus plus the given articles (name → text).
func seedsWith(t *testing.T, extra map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(corpus.Seeds(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(corpus.Seeds(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range extra {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// TestSearch_CompatibilityText: text with ligatures, fullwidth letters and
// invisible characters inside words is found by the plain query, a query
// typed in fullwidth finds the plain text, extraction tags such text, and
// snippets mark the words as written.
func TestSearch_CompatibilityText(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, seedsWith(t, map[string]string{
		"ligature.txt":  "Energy talks in Almaty\nThe ﬁnance ministers of the region met in Almaty to talk about gas prices and ofﬁcial loans.",
		"zwsp.txt":      "Grain exports grow\nKazakh\u200bstan sold more gra\u200bin abroad this year, the ministry of agri\u00adculture said on Monday.",
		"fullwidth.txt": "ＴＵＲＫＭＥＮＩＳＴＡＮ gas\nＴＵＲＫＭＥＮＩＳＴＡＮ signed a pipeline deal with its neighbours on Tuesday, officials said.",
	}), index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	const (
		ligature  = "ligature"
		zwsp      = "zwsp"
		fullwidth = "fullwidth"
	)
	has := func(ids []string, id string) bool {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		query string
		want  string
	}{
		{"finance", ligature},
		{"official", ligature},
		{"ﬁnance", ligature}, // the ligature typed (pasted) in the query
		{"grain", zwsp},
		{"agriculture", zwsp},
		{"Kazakhstan", zwsp},
		{"Turkmenistan", fullwidth},
		{"pipeline", fullwidth},
		{"ｐｉｐｅｌｉｎｅ", fullwidth}, // a fullwidth query
	} {
		res := search(t, ix, Request{Query: c.query})
		if ids := hitIDs(res); !has(ids, c.want) {
			t.Errorf("Search(%q) = %v; want %s among them", c.query, ids, c.want)
		}
	}
	// A query in fullwidth finds what the plain one finds, in every language.
	plain := hitIDs(search(t, ix, Request{Query: "Kazakhstan", Size: 50}))
	wide := hitIDs(search(t, ix, Request{Query: "ＫＡＺＡＫＨＳＴＡＮ", Size: 50}))
	if len(plain) < 4 || !sameSet(plain, wide) {
		t.Errorf("ＫＡＺＡＫＨＳＴＡＮ finds %v; Kazakhstan finds %v", wide, plain)
	}
	// Extraction sees through the characters too.
	for _, c := range []struct{ id, country string }{{zwsp, "KZ"}, {fullwidth, "TM"}} {
		res := search(t, ix, Request{Countries: []string{c.country}, Size: 50})
		if !has(hitIDs(res), c.id) {
			t.Errorf("country %s: %v; want %s tagged", c.country, hitIDs(res), c.id)
		}
	}
	// Snippets mark the words as the article writes them.
	for _, c := range []struct{ query, id, mark string }{
		{"finance", ligature, "<mark>ﬁnance</mark>"},
		{"grain", zwsp, "<mark>gra\u200bin</mark>"},
		{"pipeline", fullwidth, "<mark>pipeline</mark>"},
		{"turkmenistan", fullwidth, "<mark>ＴＵＲＫＭＥＮＩＳＴＡＮ</mark>"},
	} {
		for _, h := range search(t, ix, Request{Query: c.query}).Hits {
			if h.ID == c.id && !strings.Contains(h.Snippet+h.TitleHTML, c.mark) {
				t.Errorf("Search(%q): %s snippet %q, title %q; want %s", c.query, c.id, h.Snippet, h.TitleHTML, c.mark)
			}
		}
	}
}

// TestSearch_CountryNamesAndSurnames: a demonym that is a person's family
// name tags no country, and the spellings sources use for a country's name
// find what its usual name finds, across languages (issue 14).
func TestSearch_CountryNamesAndSurnames(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, seedsWith(t, map[string]string{
		"ozbek.txt":    "Galatasaray'da yeni dönem\nGalatasaray Başkanı Dursun Özbek, yeni sezon için transfer müjdesi verdi. Özbek, takımın hedefinin şampiyonluk olduğunu söyledi.",
		"tashkent.txt": "Taşkent'te ticaret forumu\nÖzbekistan'ın başkenti Taşkent'te düzenlenen forumda Özbek ve Türk iş insanları bir araya geldi.",
		"ap.txt":       "Grain deal\nKazakstan and its neighbours agreed on grain transit through the Caspian ports, officials said.",
	}), index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	uz := hitIDs(search(t, ix, Request{Countries: []string{"UZ"}, Size: 50}))
	if !sameSet(uz, []string{"tashkent"}) {
		t.Errorf("country UZ = %v; want only tashkent (Dursun Özbek is a person)", uz)
	}
	kz := hitIDs(search(t, ix, Request{Query: "Kazakhstan", Size: 50}))
	for _, q := range []string{"Kazakstan", "Qazaqstan", "Kazakstani", "ＫＡＺＡＫＳＴＡＮ"} {
		got := hitIDs(search(t, ix, Request{Query: q, Size: 50}))
		if !sameSet(got, kz) {
			t.Errorf("Search(%q) = %v; want what Kazakhstan finds: %v", q, got, kz)
		}
	}
	has := false
	for _, id := range kz {
		has = has || id == "ap"
	}
	if len(kz) < 6 || !has {
		t.Errorf("Kazakhstan finds %v; want the five seeds and ap (tagged KZ through Kazakstan)", kz)
	}
}
