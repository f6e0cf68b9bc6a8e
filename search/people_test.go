package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"kerko/analyzers"
	"kerko/corpus"
	"kerko/extract"
	"kerko/index"
	"kerko/internal/fixture"
)

// openPeople builds and opens an index of the seeds and the people
// articles (fixture.People).
func openPeople(t *testing.T) *Index {
	t.Helper()
	dir := t.TempDir()
	_, err := index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		if err := r.ReadFS(ctx, corpus.Seeds(), "seeds"); err != nil {
			return err
		}
		return r.ReadFS(ctx, fixture.People(), "people")
	}, index.BuildOptions{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestPeople_FacetAndHits checks every hit's people against what
// extraction makes of the stored article, and the person facet's counts
// against the hits.
func TestPeople_FacetAndHits(t *testing.T) {
	ix := openPeople(t)
	res := search(t, ix, Request{Size: 100})
	if int(res.Total) != len(res.Hits) {
		t.Fatalf("%d hits of %d", len(res.Hits), res.Total)
	}
	want := map[string]int{}
	for _, h := range res.Hits {
		a, err := ix.Article(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		ps := extract.People(a.Title+"\n"+a.Body, a.Lang)
		if !reflect.DeepEqual(h.People, orEmpty(ps)) {
			t.Errorf("hit %s: People = %+v; want %+v", h.ID, h.People, ps)
		}
		for _, p := range ps {
			want[p.ID]++
		}
	}
	got := map[string]int{}
	for _, v := range res.Facets[FacetPerson] {
		got[v.Value] = v.Count
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("person facet = %v; want %v", got, want)
	}
	// The fixture names Tokayev in four seeds and two articles, Erdoğan in
	// three seeds and two, Abrashi in two.
	for id, least := range map[string]int{fixture.PersonTokayev: 6, fixture.PersonErdogan: 5, fixture.PersonAbrashi: 2} {
		if got[id] < least {
			t.Errorf("person facet: %s in %d articles; want at least %d", id, got[id], least)
		}
	}
	for id, name := range map[string]string{
		fixture.PersonTokayev: "Kassym-Jomart Tokayev", // over the Turkish Cömert Tokayev: fuller
		fixture.PersonErdogan: "Recep Tayyip Erdoğan",  // over Erdogan: with diacritics
		fixture.PersonAbrashi: "Arban Abrashi",
	} {
		if res.Names[id] != name {
			t.Errorf("Names[%s] = %q; want %q", id, res.Names[id], name)
		}
	}
}

func TestPeople_Filter(t *testing.T) {
	ix := openPeople(t)
	all := search(t, ix, Request{Size: 100})
	about := func(ids ...string) map[string]bool {
		out := map[string]bool{}
		for _, h := range all.Hits {
			for _, p := range h.People {
				if slices.Contains(ids, p.ID) {
					out[h.ID] = true
				}
			}
		}
		return out
	}
	for _, ids := range [][]string{{fixture.PersonTokayev}, {fixture.PersonAbrashi}, {fixture.PersonTokayev, fixture.PersonAbrashi}} {
		res := search(t, ix, Request{People: ids, Size: 100})
		want := about(ids...)
		got := map[string]bool{}
		for _, h := range res.Hits {
			got[h.ID] = true
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("People %v: hits %v; want %v", ids, slices.Sorted(mapKeys(got)), slices.Sorted(mapKeys(want)))
		}
		// Multi-select: the person group counts as if its own filter
		// were off, so other persons can be added.
		if !reflect.DeepEqual(res.Facets[FacetPerson], all.Facets[FacetPerson]) {
			t.Errorf("People %v: person facet %v; want the unfiltered %v", ids, res.Facets[FacetPerson], all.Facets[FacetPerson])
		}
		for _, id := range ids {
			if res.Names[id] == "" {
				t.Errorf("People %v: no name for %s", ids, id)
			}
		}
	}
	// A person no article names finds nothing and still has a name.
	res := search(t, ix, Request{People: []string{"nobody-here"}})
	if res.Total != 0 || res.Names["nobody-here"] != "Nobody Here" {
		t.Errorf("People [nobody-here]: %d hits, name %q; want 0, %q", res.Total, res.Names["nobody-here"], "Nobody Here")
	}
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestPeople_CrossLanguage: a word that names a known person in any form
// also finds the articles about them in every language, after the ones
// that use the word, and the person facet shows them once.
func TestPeople_CrossLanguage(t *testing.T) {
	ix := openPeople(t)
	tests := []struct {
		query string
		id    string
		want  []string // articles that must be found
		after string   // found only through the person: ranked after the rest
		first string   // the one article that uses the word: ranked first
	}{
		{"Tokayev", fixture.PersonTokayev, []string{fixture.PeopleSqTokaev, fixture.PeopleTrTokayev, fixture.SeedTrKGKZ, fixture.SeedSqTurqiKZ}, fixture.PeopleSqTokaev, ""},
		{"Tokaev", fixture.PersonTokayev, []string{fixture.PeopleSqTokaev, fixture.PeopleTrTokayev, fixture.SeedEnErdogan2}, "", fixture.PeopleSqTokaev},
		{"Erdogan", fixture.PersonErdogan, []string{fixture.PeopleSqErdogan, fixture.PeopleTrErdogan, fixture.SeedEnErdogan2}, "", ""},
		{"Erdoğan'ın", fixture.PersonErdogan, []string{fixture.PeopleSqErdogan, fixture.PeopleTrErdogan}, "", ""},
		{"Erdoganit", fixture.PersonErdogan, []string{fixture.PeopleSqErdogan, fixture.PeopleTrErdogan}, "", ""},
		{`"Recep Tayyip Erdoğan"`, fixture.PersonErdogan, []string{fixture.PeopleSqErdogan, fixture.PeopleTrErdogan}, fixture.PeopleSqErdogan, ""},
	}
	for _, tt := range tests {
		res := search(t, ix, Request{Query: tt.query, Size: 100})
		ids := hitIDs(res)
		for _, w := range tt.want {
			if !slices.Contains(ids, w) {
				t.Errorf("%s: hits %v; want %s among them", tt.query, ids, w)
			}
		}
		if !slices.Contains(res.Expanded, Expansion{Kind: FacetPerson, ID: tt.id, Word: strings.Trim(tt.query, `"`)}) {
			t.Errorf("%s: Expanded = %+v; want person %s", tt.query, res.Expanded, tt.id)
		}
		if res.Names[tt.id] == "" {
			t.Errorf("%s: no name for the expanded %s", tt.query, tt.id)
		}
		if tt.after != "" && ids[len(ids)-1] != tt.after {
			t.Errorf("%s: hits %v; want %s last (found through the person only)", tt.query, ids, tt.after)
		}
		if tt.first != "" && ids[0] != tt.first {
			t.Errorf("%s: hits %v; want %s first (the one that writes it so)", tt.query, ids, tt.first)
		}
		// One person, one facet value, whatever the spelling.
		n := 0
		for _, v := range res.Facets[FacetPerson] {
			if strings.Contains(analyzers.Fold(res.Names[v.Value]+" "+v.Value), "toka") && tt.id == fixture.PersonTokayev {
				n++
			}
		}
		if tt.id == fixture.PersonTokayev && n != 1 {
			t.Errorf("%s: %d person facet values for Tokayev; want 1: %v", tt.query, n, res.Facets[FacetPerson])
		}
	}
	// A word that names no known person is not expanded to one, nor is a
	// quoted phrase with a known person's name in it: a phrase stands for
	// a person only when it is their full name as a whole (as for
	// countries, extract.IsName).
	for _, q := range []string{"Abrashi", `"Cumhurbaşkanı Recep Tayyip Erdoğan"`, `"Recep Tayyip Erdoğan iki"`} {
		res := search(t, ix, Request{Query: q, Size: 100})
		for _, x := range res.Expanded {
			if x.Kind == FacetPerson {
				t.Errorf("%s: expanded to %+v; want no person", q, x)
			}
		}
		if slices.Contains(hitIDs(res), fixture.PeopleSqErdogan) {
			t.Errorf("%s: hits %v; want no %s (it writes no such words)", q, hitIDs(res), fixture.PeopleSqErdogan)
		}
	}
}

func TestPeople_Suggest(t *testing.T) {
	ix := openPeople(t)
	tests := []struct{ prefix, id, text string }{
		{"erdo", fixture.PersonErdogan, "Recep Tayyip Erdoğan"},
		{"ERDOĞ", fixture.PersonErdogan, "Recep Tayyip Erdoğan"},
		{"tokae", fixture.PersonTokayev, "Kassym-Jomart Tokayev"}, // a spelling the shown name lacks
		{"kassym", fixture.PersonTokayev, "Kassym-Jomart Tokayev"},
		{"arban ab", fixture.PersonAbrashi, "Arban Abrashi"},
	}
	for _, tt := range tests {
		sugs, err := ix.Suggest(context.Background(), tt.prefix, "en", 10)
		if err != nil {
			t.Fatal(err)
		}
		var got *Suggestion
		for i := range sugs {
			if sugs[i].Kind == SuggestPerson {
				got = &sugs[i]
				break
			}
		}
		if got == nil || got.Value != tt.id || got.Text != tt.text || got.Count < 2 {
			t.Errorf("Suggest(%q): first person %+v; want %s %q with its article count (all: %+v)", tt.prefix, got, tt.id, tt.text, sugs)
		}
	}
	sugs, err := ix.Suggest(context.Background(), "arban zz", "en", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sugs {
		if s.Kind == SuggestPerson {
			t.Errorf("Suggest(arban zz) = %+v; want no person (no name has a word starting zz)", s)
		}
	}
	// Persons come beside the words as the articles write them (the
	// written-form suggestions, suggestwords.go): erdo gives the person
	// and the word Erdoğan, with its diacritics, both.
	sugs, err = ix.Suggest(context.Background(), "erdo", "en", 10)
	if err != nil {
		t.Fatal(err)
	}
	var person, word bool
	for _, s := range sugs {
		person = person || s.Kind == SuggestPerson && s.Value == fixture.PersonErdogan
		word = word || s.Kind == SuggestTerm && s.Text == "Erdoğan"
	}
	if !person || !word {
		t.Errorf("Suggest(erdo) = %+v; want the person %s and the word Erdoğan", sugs, fixture.PersonErdogan)
	}
}

func TestPeople_Related(t *testing.T) {
	ix := openPeople(t)
	rel, err := ix.Related(context.Background(), fixture.PeopleTrErdogan, 10)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rel {
		if r.ID != fixture.PeopleSqErdogan {
			continue
		}
		found = true
		if len(r.SharedPeople) != 1 || r.SharedPeople[0].ID != fixture.PersonErdogan || r.SharedPeople[0].Name != "Recep Tayyip Erdoğan" {
			t.Errorf("related %s: SharedPeople = %+v; want Erdoğan as %s writes him", r.ID, r.SharedPeople, fixture.PeopleTrErdogan)
		}
	}
	if !found {
		t.Errorf("related to %s: %v; want %s, which names the same person in Albanian", fixture.PeopleTrErdogan, rel, fixture.PeopleSqErdogan)
	}
}

func TestPickName(t *testing.T) {
	tests := []struct {
		forms []nameForm
		want  string
	}{
		{nil, ""},
		{[]nameForm{{"Erdoğan", 40}, {"Recep Tayyip Erdoğan", 3}, {"Recep Tayyip Erdogan", 5}}, "Recep Tayyip Erdoğan"},
		// A fuller form written once does not outweigh what two write.
		{[]nameForm{{"Recep Tayyip Erdoğan Bey", 1}, {"Recep Tayyip Erdoğan", 2}}, "Recep Tayyip Erdoğan"},
		{[]nameForm{{"Abrashi", 1}, {"Arban Abrashi", 1}}, "Arban Abrashi"},
		{[]nameForm{{"Kasım Cömert Tokayev", 2}, {"Kassym-Jomart Tokayev", 3}}, "Kassym-Jomart Tokayev"},
	}
	for _, tt := range tests {
		if got := pickName(tt.forms); got != tt.want {
			t.Errorf("pickName(%v) = %q; want %q", tt.forms, got, tt.want)
		}
	}
}

// TestShownName: a known person shows under their own name whatever the
// articles write most; others under what the articles write, or their id's
// words.
func TestShownName(t *testing.T) {
	tests := []struct {
		id    string
		forms []nameForm
		want  string
	}{
		{"recep-tayyip-erdogan", []nameForm{{"Recep Tayyip Erdogan", 2}, {"Recep Tayyip Erdoğan", 1}}, "Recep Tayyip Erdoğan"},
		{"recep-tayyip-erdogan", nil, "Recep Tayyip Erdoğan"},
		{"arban-abrashi", []nameForm{{"Abrashi", 1}, {"Arban Abrashi", 1}}, "Arban Abrashi"},
		{"arban-abrashi", nil, "Arban Abrashi"},
	}
	for _, tt := range tests {
		if got := shownName(tt.id, tt.forms); got != tt.want {
			t.Errorf("shownName(%s, %v) = %q; want %q", tt.id, tt.forms, got, tt.want)
		}
	}
}

// TestTopValues checks the heap against a full sort.
func TestTopValues(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 5, 100, 401, 5000} {
		vals := make([]FacetValue, size)
		for i := range vals {
			vals[i] = FacetValue{Value: fmt.Sprintf("v%05d", r.IntN(100000)), Count: r.IntN(50)}
		}
		want := slices.Clone(vals)
		sort.Slice(want, func(i, j int) bool { return before(want[i], want[j]) })
		want = want[:min(100, len(want))]
		if got := topValues(slices.Clone(vals), 100); !reflect.DeepEqual(got, want) && len(want) > 0 {
			t.Errorf("topValues of %d values differs from sorting them", size)
		}
	}
}

// TestPeople_Read: person: in the query language, lifted beside the
// request's filters, under NOT, and a surname kerko cannot tell.
func TestPeople_Read(t *testing.T) {
	ix := openPeople(t)
	filtered := hitIDs(search(t, ix, Request{People: []string{fixture.PersonTokayev}, Size: 100}))
	slices.Sort(filtered)
	for _, q := range []string{"person:Tokayev", "person:Tokaev", `person:"Kasım Cömert Tokayev"`, "person:" + fixture.PersonTokayev} {
		got := hitIDs(search(t, ix, Request{Query: q, Size: 100}))
		slices.Sort(got)
		if !slices.Equal(got, filtered) {
			t.Errorf("%s: hits %v; want the person filter's %v", q, got, filtered)
		}
	}
	// Under NOT: every article about Erdoğan that is not about Tokayev.
	res := search(t, ix, Request{Query: "person:Erdogan -person:Tokayev", Size: 100})
	for _, h := range res.Hits {
		if slices.ContainsFunc(h.People, func(p extract.PersonMention) bool { return p.ID == fixture.PersonTokayev }) {
			t.Errorf("person:Erdogan -person:Tokayev: hit %s names Tokayev", h.ID)
		}
	}
	if !slices.Contains(hitIDs(res), fixture.PeopleTrErdogan) {
		t.Errorf("person:Erdogan -person:Tokayev: hits %v; want %s", hitIDs(res), fixture.PeopleTrErdogan)
	}
	rd := Read(Request{Query: "person:Abrashi kazakistan"})
	if len(rd.People) != 0 || !slices.ContainsFunc(rd.Notes, func(n Note) bool { return n.Kind == NoteUnknownPerson && n.Text == "Abrashi" }) {
		t.Errorf("Read(person:Abrashi): People %v, notes %+v; want none and a note (a surname kerko does not know)", rd.People, rd.Notes)
	}
	if rd := Read(Request{Query: `person:"Arban Abrashi"`}); !slices.Equal(slices.Concat(rd.People...), []string{fixture.PersonAbrashi}) {
		t.Errorf(`Read(person:"Arban Abrashi"): People %v; want [%s]`, rd.People, fixture.PersonAbrashi)
	}
}

// TestPeople_Relaxed: the most-words fallback is the same with person
// filters (relax.go), and the filters still filter: a query none of whose
// articles has every word shows, under a person filter, the articles of
// that person with the most of its words, and no other.
func TestPeople_Relaxed(t *testing.T) {
	ix := openPeople(t)
	const q = "Tokaev Tiranë spitalit pajisjet" // no article has all four
	all := search(t, ix, Request{Query: q, Size: 100})
	if all.Relaxed == nil || all.Relaxed.Of != 4 {
		t.Fatalf("%s: Relaxed = %+v; want most of 4 words", q, all.Relaxed)
	}
	for _, want := range []string{fixture.PeopleSqTokaev, fixture.PeopleSqAbrashi1, fixture.PeopleSqAbrashi2} {
		if !slices.Contains(hitIDs(all), want) {
			t.Errorf("%s: hits %v; want %s among them", q, hitIDs(all), want)
		}
	}
	for _, tt := range []struct {
		person string
		want   []string
	}{
		{fixture.PersonTokayev, []string{fixture.PeopleSqTokaev}},
		{"arban-abrashi", []string{fixture.PeopleSqAbrashi1, fixture.PeopleSqAbrashi2}},
	} {
		for _, req := range []Request{
			{Query: q, People: []string{tt.person}, Size: 100},
			{Query: q + " person:" + tt.person, Size: 100},
		} {
			res := search(t, ix, req)
			if res.Relaxed == nil || res.Relaxed.Of != 4 || res.Relaxed.Matched < 2 {
				t.Errorf("%+v: Relaxed = %+v; want most of 4 words", req, res.Relaxed)
			}
			got := hitIDs(res)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%+v: hits %v; want %v (the person's articles with the most words)", req, got, tt.want)
			}
		}
	}
}
