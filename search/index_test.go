package search

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"kerko/corpus"
	"kerko/index"
	"kerko/internal/fixture"
)

// buildFS builds an index in a temp dir from fsys and opens it.
func buildFS(t *testing.T, dir string, fsys fs.FS, opts index.BuildOptions) *index.Stats {
	t.Helper()
	st, err := index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		return r.ReadFS(ctx, fsys, "test")
	}, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return st
}

// article is a .txt article of a test corpus: a title line, then the body.
func article(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }

func openSeeds(t *testing.T) *Index {
	t.Helper()
	dir := t.TempDir()
	buildFS(t, dir, corpus.Seeds(), index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// serving is ix's serving generation, for tests that reach inside it.
func serving(ix *Index) *generation { return ix.cur.Load() }

func search(t *testing.T, ix *Index, req Request) *Result {
	t.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%+v): %v", req, err)
	}
	return res
}

func hitIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearch_Seeds(t *testing.T) {
	ix := openSeeds(t)
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tests := []struct {
		name    string
		req     Request
		want    []string // exactly these ids, in any order
		wantTop string   // first hit, when set
	}{
		// The English articles come through the country (crosslang.go).
		{"turkish base form", Request{Query: "Kazakistan"}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, ""},
		{"turkish apostrophe and capital İ", Request{Query: "istanbul"}, []string{fixture.SeedTrKZTR}, ""},
		{"capitals fold", Request{Query: "İSTANBUL'DA"}, []string{fixture.SeedTrKZTR}, ""},
		{"diacritics folded: Erdogan meets Erdoğan", Request{Query: "Erdogan"}, []string{fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, ""},
		{"diacritics folded: Turkish", Request{Query: "isbirligi"}, []string{fixture.SeedTrKGKZ, fixture.SeedTrKZTR}, ""},
		{"albanian without diacritics", Request{Query: "marredhenie"}, []string{fixture.SeedSqTurqiKZ}, ""},
		{"albanian definite form finds oblique ones", Request{Query: "bashkepunimi"}, []string{fixture.SeedSqTurqiKZ}, ""},
		{"english stemming", Request{Query: "declarations"}, []string{fixture.SeedEnErdogan2}, ""},
		{"phrase", Request{Query: `"joint declaration"`}, []string{fixture.SeedEnErdogan2}, ""},
		{"exclusion", Request{Query: "Tokayev -Kırgızistan"}, []string{fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, ""},
		{"OR", Request{Query: "Bişkek OR Tleuberdi"}, []string{fixture.SeedTrKGKZ, fixture.SeedEnUndated}, ""},
		{"all words must match", Request{Query: "Tokayev Tleuberdi"}, []string{fixture.SeedEnUndated}, ""},
		{"lang filter", Request{Query: "Tokayev", Langs: []string{"en"}}, []string{fixture.SeedEnUndated, fixture.SeedEnErdogan2}, ""},
		{"two langs OR", Request{Langs: []string{"en", "sq"}}, []string{fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, ""},
		{"country filter", Request{Countries: []string{"KG"}}, []string{fixture.SeedTrKGKZ}, ""},
		{"date range inclusive", Request{From: d("2025-08-22"), To: d("2026-02-02")}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR}, ""},
		{"date range excludes undated", Request{From: d("2022-01-01"), To: d("2022-12-31")}, []string{fixture.SeedEnErdogan2}, ""},
		{"groups AND", Request{Langs: []string{"tr"}, From: d("2026-01-01")}, []string{fixture.SeedTrKZTR}, ""},
		{"no match", Request{Query: "zzzqqq"}, nil, ""},
		{"browse newest first, undated last", Request{Sort: SortNewest}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, ""},
		{"oldest first", Request{Sort: SortOldest, Size: 1}, []string{fixture.SeedEnErdogan2}, fixture.SeedEnErdogan2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, tt.req)
			got := hitIDs(res)
			if !sameSet(got, tt.want) {
				t.Errorf("Search(%+v) = %v; want %v", tt.req, got, tt.want)
			}
			if tt.wantTop != "" && (len(got) == 0 || got[0] != tt.wantTop) {
				t.Errorf("Search(%+v) top = %v; want %s", tt.req, got, tt.wantTop)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func facetCount(res *Result, group, value string) int {
	for _, v := range res.Facets[group] {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

func TestSearch_Facets(t *testing.T) {
	ix := openSeeds(t)
	res := search(t, ix, Request{})
	if res.Total != 5 {
		t.Fatalf("total = %d; want 5", res.Total)
	}
	for _, c := range []struct {
		group, value string
		want         int
	}{
		{FacetLang, "tr", 2}, {FacetLang, "en", 2}, {FacetLang, "sq", 1},
		{FacetYear, "2026", 2}, {FacetYear, "2025", 1}, {FacetYear, "2022", 1},
		{FacetCountry, "KZ", 5}, {FacetCountry, "TR", 4}, {FacetCountry, "KG", 1},
	} {
		if got := facetCount(res, c.group, c.value); got != c.want {
			t.Errorf("facet %s=%s count = %d; want %d", c.group, c.value, got, c.want)
		}
	}
	// Years come newest first.
	if ys := res.Facets[FacetYear]; len(ys) < 2 || ys[0].Value < ys[1].Value {
		t.Errorf("year facet order = %v; want newest first", ys)
	}

	// Multi-select: with lang=en selected, the lang group still counts the
	// other languages (what selecting them would add), while other groups
	// count only the English hits.
	res = search(t, ix, Request{Langs: []string{"en"}})
	if res.Total != 2 {
		t.Errorf("lang=en total = %d; want 2", res.Total)
	}
	if got := facetCount(res, FacetLang, "tr"); got != 2 {
		t.Errorf("lang=en: facet lang=tr = %d; want 2 (disjunctive)", got)
	}
	if got := facetCount(res, FacetYear, "2026"); got != 0 {
		t.Errorf("lang=en: facet year=2026 = %d; want 0", got)
	}
}

func TestSearch_Snippets(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{
		"x.txt": {Data: []byte("Headline <script>alert(1)</script> İstanbul\nThe <b>summit</b> in İstanbul'da & Ankara ended. " + strings.Repeat("filler words here ", 60) + "Final İstanbul mention.")},
	}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res := search(t, ix, Request{Query: "istanbul"})
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d; want 1", len(res.Hits))
	}
	h := res.Hits[0]
	for _, want := range []string{"<mark>İstanbul&#39;da</mark>", "&lt;b&gt;summit&lt;/b&gt;", "&amp; Ankara"} {
		if !strings.Contains(h.Snippet, want) {
			t.Errorf("snippet = %q; want it to contain %q", h.Snippet, want)
		}
	}
	if want := "Headline &lt;script&gt;alert(1)&lt;/script&gt; <mark>İstanbul</mark>"; h.TitleHTML != want {
		t.Errorf("TitleHTML = %q; want %q", h.TitleHTML, want)
	}
	if strings.Contains(h.Snippet, "<script") || strings.Contains(h.Snippet, "<b>") {
		t.Errorf("snippet has unescaped HTML: %q", h.Snippet)
	}
}

func TestIndex_Article(t *testing.T) {
	ix := openSeeds(t)
	a, err := ix.Article(context.Background(), fixture.SeedTrKGKZ)
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "tr" || a.Date.Format(time.DateOnly) != "2025-08-22" || !strings.Contains(a.Body, "Bişkek") {
		t.Errorf("Article = lang %q date %v body %q…", a.Lang, a.Date, a.Body[:40])
	}
	if got := a.CountryCodes(); !sameSet(got, []string{"KG", "KZ"}) {
		t.Errorf("countries = %v; want KG, KZ", got)
	}
	for _, m := range a.Countries {
		if m.Count < 1 {
			t.Errorf("mention %v has no count", m)
		}
	}
	if _, err := ix.Article(context.Background(), "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(unknown) err = %v; want ErrNotFound", err)
	}
}

func TestSearch_ArticlesAboutACountryRankFirst(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{
		"once.txt":  {Data: []byte("Grain report\nThe grain harvest was good this year in many places, and Kazakhstan sold some of it abroad while prices held.")},
		"about.txt": {Data: []byte("Kazakhstan grain\nKazakhstan expects a grain harvest; Kazakhstan exports rise, Kazakh farmers say, and Kazakhstan ports are busy.")},
	}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, req := range []Request{
		{Countries: []string{"KZ"}},
		{Query: "harvest", Countries: []string{"KZ"}},
	} {
		got := hitIDs(search(t, ix, req))
		if len(got) != 2 || got[0] != "about" {
			t.Errorf("Search(%q, country=KZ) = %v; want [about once]", req.Query, got)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
