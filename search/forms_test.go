package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"kerko/index"
)

// formsCorpus is a corpus for the query language's forms: formsSize
// articles whose words, titles, word distances, countries and sources
// follow the number i of each (formsArticle), so that what each form must
// find is known without the index.
const formsSize = 120

// formsArticle says what article i holds.
type formsArticle struct {
	id, lang, source string
	date             time.Time
	title, body      string
}

var formsSources = []string{"Anadolu Ajansı", "Radio Azattyk", "Telegrafi", ""}

// Word patterns of article i, used by both the corpus and the tests.
func hasZorblat(i int) bool         { return i%2 == 0 }
func hasQuixen(i int) bool          { return i%3 == 0 }
func hasMervok(i int) bool          { return i%5 == 0 }
func titleZorblat(i int) bool       { return i%4 == 1 }
func titlePhrase(i int) bool        { return i%8 == 1 } // "zorblat quixen" in the title; i%8 == 5 has it reversed
func nearGap(i int) (int, bool)     { return i % 6, i%12 >= 6 }
func plimWord(i, j int) bool        { return i%(j+2) == 0 }
func bankPhrase(i int) (bool, bool) { return i%9 == 0, i%9 == 3 || i%9 == 2 } // "bank of england", "bank of new england"

func formsArticles() []formsArticle {
	var out []formsArticle
	for i := range formsSize {
		a := formsArticle{id: fmt.Sprintf("f%03d", i), lang: []string{"en", "tr", "sq"}[i%3], source: formsSources[i%4],
			date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)}
		title := []string{fmt.Sprintf("Item %d", i)}
		switch {
		case titlePhrase(i):
			title = append(title, "zorblat quixen")
		case i%8 == 5:
			title = append(title, "quixen zorblat")
		}
		if i%10 == 3 {
			title = append(title, "vektumi")
		}
		a.title = strings.Join(title, " ")
		body := []string{fmt.Sprintf("Number %d", i)}
		add := func(ok bool, s string) {
			if ok {
				body = append(body, s)
			}
		}
		add(hasZorblat(i), "zorblat")
		add(hasQuixen(i), "quixen")
		add(hasMervok(i), "mervok")
		add(i%3 == 1, "vektor")
		add(i%7 == 0, "vektaz")
		add(i%5 == 1 || i%5 == 2, "Kazakhstan")
		add(i%5 == 2 || i%5 == 3, "Kyrgyzstan")
		for j := range 100 {
			add(plimWord(i, j), fmt.Sprintf("plim%03d", j))
		}
		gap, rev := nearGap(i)
		first, second := "ferblat", "tonquor"
		if rev {
			first, second = second, first
		}
		body = append(body, strings.TrimSpace(first+" "+strings.Repeat("lorem ", gap)+second))
		exact, loose := bankPhrase(i)
		add(exact && a.lang == "en", "bank of england")
		add(loose && a.lang != "tr", "bank of new england")
		// Full stops and a word between the parts keep each part's words
		// apart from the next part's.
		a.body = strings.Join(body, ". Glim. ") + "."
		out = append(out, a)
	}
	return out
}

func formsFS() fstest.MapFS {
	var b strings.Builder
	for _, a := range formsArticles() {
		line, _ := json.Marshal(map[string]string{"id": a.id, "lang": a.lang, "title": a.title, "body": a.body,
			"date": a.date.Format(time.DateOnly), "source": a.source})
		b.Write(line)
		b.WriteByte('\n')
	}
	return fstest.MapFS{"forms.jsonl": {Data: []byte(b.String())}}
}

func openForms(t *testing.T) *Index {
	t.Helper()
	dir := t.TempDir()
	buildFS(t, dir, formsFS(), index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// ids is every hit of req, sorted.
func ids(t *testing.T, ix *Index, req Request) []string {
	t.Helper()
	req.Size = formsSize + 1
	got := hitIDs(search(t, ix, req))
	slices.Sort(got)
	return got
}

// where lists the articles i for which keep holds.
func where(keep func(i int) bool) []string {
	var out []string
	for i := range formsSize {
		if keep(i) {
			out = append(out, fmt.Sprintf("f%03d", i))
		}
	}
	return out
}

func union(a, b []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(a), b...))))
}

func inter(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(s string) bool { return !slices.Contains(b, s) })
}

func minus(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(s string) bool { return slices.Contains(b, s) })
}

// TestPlan_TextForms: each text form of the query language finds what
// its definition says, on a real index.
func TestPlan_TextForms(t *testing.T) {
	ix := openForms(t)
	all := where(func(int) bool { return true })
	gapOK := func(n int) func(i int) bool {
		return func(i int) bool {
			g, rev := nearGap(i)
			if rev {
				return g+2 <= n
			}
			return g <= n
		}
	}
	tests := []struct {
		q    string
		want []string
	}{
		// Groups, NOT and OR as a boolean tree.
		{"(zorblat OR quixen) mervok", where(func(i int) bool { return (zorblatIn(i) || quixenIn(i)) && hasMervok(i) })},
		{"zorblat NOT (quixen mervok)", where(func(i int) bool { return zorblatIn(i) && !(quixenIn(i) && hasMervok(i)) })},
		{"zorblat OR (NOT quixen)", where(func(i int) bool { return hasZorblat(i) || titleZorblat(i) || !hasQuixen(i) && !titlePhraseAny(i) })},
		{"NOT (zorblat OR quixen)", where(func(i int) bool { return !hasZorblat(i) && !titleZorblat(i) && !hasQuixen(i) && !titlePhraseAny(i) })},
		{"-mervok", where(func(i int) bool { return !hasMervok(i) })},
		{"(zorblat mervok) OR (quixen -mervok)", where(func(i int) bool {
			z := hasZorblat(i) || titleZorblat(i)
			q := hasQuixen(i) || titlePhraseAny(i)
			return z && hasMervok(i) || q && !hasMervok(i)
		})},
		// title: matches the title only.
		{"title:zorblat", where(titleZorblat)},
		{`title:"zorblat quixen"`, where(titlePhrase)},
		{`title:quixen -title:"zorblat quixen"`, where(func(i int) bool { return i%8 == 5 })},
		// Prefixes: the words that begin so.
		{"vekt*", where(func(i int) bool { return i%3 == 1 || i%7 == 0 || i%10 == 3 })},
		{"title:vekt*", where(func(i int) bool { return i%10 == 3 })},
		{"Vektö*", where(func(i int) bool { return i%3 == 1 })}, // folded as the fields are
		// More than maxPrefixWords words: the most frequent ones.
		{"plim*", where(func(i int) bool {
			for j := range maxPrefixWords {
				if plimWord(i, j) {
					return true
				}
			}
			return false
		})},
		// Proximity.
		{`"ferblat tonquor"`, where(gapOK(0))},
		{`"ferblat tonquor"~1`, where(gapOK(1))},
		{`"ferblat tonquor"~2`, where(gapOK(2))},
		{`"ferblat tonquor"~5`, where(gapOK(5))},
		{`"ferblat tonquor"~6`, where(gapOK(6))},
		{`"ferblat lorem tonquor"~1`, where(func(i int) bool { g, rev := nearGap(i); return !rev && g >= 1 && g <= 2 })},
		// The stop-word gaps of the folded body: "of" is not indexed in
		// English bodies, and is in Albanian ones.
		{`"bank of england"`, where(func(i int) bool { e, _ := bankPhrase(i); return e && i%3 == 0 })},
		{`"bank of england"~1`, where(func(i int) bool { e, l := bankPhrase(i); return e && i%3 == 0 || l && i%3 != 1 })},
	}
	for _, tt := range tests {
		got := ids(t, ix, Request{Query: tt.q})
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %d hits, want %d\n got  %v\n want %v\n missing %v\n extra %v", tt.q, len(got), len(tt.want), first(got), first(tt.want), minus(tt.want, got), minus(got, tt.want))
		}
		if len(got) == 0 || len(got) == len(all) {
			t.Errorf("%s: %d hits: the test checks nothing", tt.q, len(got))
		}
	}
}

// zorblatIn and quixenIn: article i has the word, in its title or body.
func zorblatIn(i int) bool { return hasZorblat(i) || titleZorblat(i) }
func quixenIn(i int) bool  { return hasQuixen(i) || titlePhraseAny(i) }

// titlePhraseAny: article i has quixen in its title.
func titlePhraseAny(i int) bool { return i%8 == 1 || i%8 == 5 }

func first(ids []string) []string { return ids[:min(len(ids), 12)] }

// TestPlan_PrefixBound: a prefix of more words than the bound searches the
// most frequent, says so in a note, and marks them in the hits.
func TestPlan_PrefixBound(t *testing.T) {
	ix := openForms(t)
	res := search(t, ix, Request{Query: "plim*", Size: 3})
	want := Note{Kind: NotePrefixCut, Text: "plim", N: maxPrefixWords, Of: 100}
	if !slices.Contains(res.Notes, want) {
		t.Errorf("notes %+v; want %+v", res.Notes, want)
	}
	if !strings.Contains(res.Hits[0].Snippet, "<mark>plim0") {
		t.Errorf("snippet %q: the expansion is not marked", res.Hits[0].Snippet)
	}
	if res := search(t, ix, Request{Query: "vekt*"}); len(res.Notes) != 0 {
		t.Errorf("vekt*: notes %+v; want none", res.Notes)
	}
}

// TestPlan_FiltersSameAsParameters: a field filter in the box finds what
// the same filter as a parameter finds; one under NOT or in an OR with
// words finds what the same parameters' searches combined find; two
// countries ANDed are about both.
func TestPlan_FiltersSameAsParameters(t *testing.T) {
	ix := openForms(t)
	all := ids(t, ix, Request{})
	p := func(req Request) []string { return ids(t, ix, req) }
	tr := p(Request{Langs: []string{"tr"}})
	kz := p(Request{Countries: []string{"KZ"}})
	kg := p(Request{Countries: []string{"KG"}})
	zorblat := p(Request{Query: "zorblat"})
	from2021 := p(Request{From: day("2021-01-01")})
	anadolu := p(Request{Sources: []string{"Anadolu Ajansı"}})
	tests := []struct {
		req  Request
		want []string
	}{
		{Request{Query: "lang:tr"}, tr},
		{Request{Query: "lang:Turkish zorblat"}, p(Request{Query: "zorblat", Langs: []string{"tr"}})},
		{Request{Query: "country:Kazakistan"}, kz},
		{Request{Query: "country:KZ OR country:KG"}, p(Request{Countries: []string{"KZ", "KG"}})},
		{Request{Query: "from:2021"}, from2021},
		{Request{Query: `source:"anadolu ajansi"`}, anadolu},
		{Request{Query: `source:Telegrafi OR source:"Anadolu Ajansı"`}, p(Request{Sources: []string{"Telegrafi", "Anadolu Ajansı"}})},
		{Request{Query: "source:Telegrafi", Sources: []string{"Radio Azattyk"}}, nil},
		// ANDed: both.
		{Request{Query: "country:KZ country:KG"}, inter(kz, kg)},
		{Request{Query: "country:KZ", Countries: []string{"KG"}}, inter(kz, kg)},
		{Request{Query: "country:KZ", Countries: []string{"KZ", "KG"}}, kz},
		// Under NOT, and in an OR with words.
		{Request{Query: "-lang:tr"}, minus(all, tr)},
		{Request{Query: "-lang:tr"}, p(Request{Langs: []string{"sq", "en", "und"}})},
		{Request{Query: "zorblat OR lang:tr"}, union(zorblat, tr)},
		{Request{Query: "zorblat -country:KZ"}, minus(zorblat, kz)},
		{Request{Query: "(zorblat OR country:KG) from:2021"}, inter(union(zorblat, kg), from2021)},
		{Request{Query: "zorblat OR from:2021"}, union(zorblat, from2021)},
		{Request{Query: `NOT source:"anadolu  ajansı"`}, minus(all, anadolu)},
		{Request{Query: "-(lang:tr OR country:KZ)"}, minus(minus(all, tr), kz)},
		// A filter naming nothing is left out, with a note.
		{Request{Query: "zorblat -country:Atlantis"}, zorblat},
	}
	for _, tt := range tests {
		if got := ids(t, ix, tt.req); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: %d hits, want %d\n missing %v\n extra %v", tt.req, len(got), len(tt.want), minus(tt.want, got), minus(got, tt.want))
		}
	}
	for _, set := range [][]string{tr, kz, kg, inter(kz, kg), zorblat, from2021, anadolu} {
		if len(set) == 0 || len(set) == len(all) {
			t.Fatalf("a comparison set has %d of %d articles: the test checks nothing", len(set), len(all))
		}
	}
}

// TestPlan_Facets: a filter lifted from the box counts its facet group as
// a selected value does.
func TestPlan_Facets(t *testing.T) {
	ix := openForms(t)
	for _, pair := range [][2]Request{
		{{Query: "lang:tr zorblat"}, {Query: "zorblat", Langs: []string{"tr"}}},
		{{Query: "source:Telegrafi"}, {Sources: []string{"Telegrafi"}}},
		{{Query: "country:KZ"}, {Countries: []string{"KZ"}}},
	} {
		a, b := search(t, ix, pair[0]), search(t, ix, pair[1])
		for _, g := range FacetGroups {
			if !slices.Equal(a.Facets[g], b.Facets[g]) {
				t.Errorf("%+v: facet %s %v; %+v: %v", pair[0], g, a.Facets[g], pair[1], b.Facets[g])
			}
		}
	}
	res := search(t, ix, Request{})
	var sources []string
	for _, v := range res.Facets[FacetSource] {
		sources = append(sources, v.Value)
	}
	slices.Sort(sources)
	if want := slices.Sorted(slices.Values(formsSources[:3])); !slices.Equal(sources, want) {
		t.Errorf("source facet %v; want %v", res.Facets[FacetSource], want)
	}
}
