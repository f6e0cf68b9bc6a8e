package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
)

// Persons are tens of thousands of values, each written in several ways
// (Erdoğan, Recep Tayyip Erdoğan, Erdogan, Rexhep Tajip Erdogan). What a
// generation shows for a person id, and how suggestions find one, is read
// once per generation from two term dictionaries: the person facet field
// (articles per id) and index.FieldPersonName (articles per id and written
// name). No stored record is read.

// person is one person of a generation.
type person struct {
	ID    string
	Name  string // the name shown (pickName)
	Count int    // articles that name them
	words []string
}

// personTable is what a generation knows of the persons its articles name.
type personTable struct {
	people []person // most articles first
	byID   map[string]int32
	// words are the folded words of every written name, sorted, for
	// completing a prefix (suggestions).
	words []personWord
}

type personWord struct {
	word string
	p    int32
}

// persons returns g's person table, reading it on first use. A failed read
// is not kept: the next caller reads again.
func (g *generation) persons() (*personTable, error) {
	g.peopleMu.Lock()
	defer g.peopleMu.Unlock()
	if g.people != nil {
		return g.people, nil
	}
	var counts map[string]int
	g.withReader(func(r bindex.IndexReader) error {
		if t, ok := g.facetTable(r); ok {
			counts = t.valueCounts(groupIndex(FacetPerson))
		}
		return nil
	})
	t, err := loadPersonTable(g.idx, counts)
	if err != nil {
		return nil, err
	}
	g.people = t
	return t, nil
}

// loadPersonTable reads the persons of idx; counts are the articles per
// person id when the caller has them (from the facet table), else nil.
func loadPersonTable(idx bleve.Index, counts map[string]int) (*personTable, error) {
	r, err := readerOf(idx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if counts == nil {
		counts = map[string]int{}
		if err := eachTerm(idx, index.FieldPerson, func(term string, n int) error {
			if n == 1 {
				// blevex.DictCountAfterOneHit: a count of 1 may be wrong.
				c, err := termCount(context.Background(), r, index.FieldPerson, term)
				if err != nil {
					return err
				}
				n = int(c)
			}
			counts[term] = n
			return nil
		}); err != nil {
			return nil, err
		}
	}
	forms := map[string][]nameForm{}
	if err := eachTerm(idx, index.FieldPersonName, func(term string, n int) error {
		if id, name, ok := index.SplitPersonNameTerm(term); ok && name != "" {
			forms[id] = append(forms[id], nameForm{name, n})
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// How many articles write each form decides the name shown, so a
	// count of 1 is checked (blevex.DictCountAfterOneHit), except where it
	// cannot matter: a person of one article, or of one written form.
	for id, fs := range forms {
		if counts[id] < 2 || len(fs) < 2 {
			continue
		}
		for i, f := range fs {
			if f.n == 1 {
				c, err := termCount(context.Background(), r, index.FieldPersonName, index.PersonNameTerm(id, f.name))
				if err != nil {
					return nil, err
				}
				fs[i].n = int(c)
			}
		}
	}
	t := &personTable{byID: make(map[string]int32, len(counts))}
	for id, n := range counts {
		p := person{ID: id, Count: n, Name: shownName(id, forms[id])}
		seen := map[string]bool{}
		for _, f := range append(forms[id], nameForm{name: p.Name}) {
			for _, w := range nameWords(f.name) {
				if !seen[w] {
					seen[w] = true
					p.words = append(p.words, w)
				}
			}
		}
		t.people = append(t.people, p)
	}
	sort.Slice(t.people, func(i, j int) bool {
		if t.people[i].Count != t.people[j].Count {
			return t.people[i].Count > t.people[j].Count
		}
		return t.people[i].ID < t.people[j].ID
	})
	for i, p := range t.people {
		t.byID[p.ID] = int32(i)
		for _, w := range p.words {
			t.words = append(t.words, personWord{w, int32(i)})
		}
	}
	sort.Slice(t.words, func(i, j int) bool {
		if t.words[i].word != t.words[j].word {
			return t.words[i].word < t.words[j].word
		}
		return t.words[i].p < t.words[j].p
	})
	return t, nil
}

// eachTerm calls fn with every term of field and the count its
// dictionary gives (see blevex.DictCountAfterOneHit before trusting a 1).
func eachTerm(idx bleve.Index, field string, fn func(term string, n int) error) error {
	d, err := idx.FieldDict(field)
	if err != nil {
		return fmt.Errorf("terms of %s: %w", field, err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("terms of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		if err := fn(e.Term, int(e.Count)); err != nil {
			return err
		}
	}
}

func readerOf(idx bleve.Index) (bindex.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index internals: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index reader: %w", err)
	}
	return r, nil
}

// nameForm is one way the articles write a person, with how many do.
type nameForm struct {
	name string
	n    int
}

// shownName is the name a generation shows for a person: a known person's
// own (Recep Tayyip Erdoğan, however many wires write Erdogan: the seed
// articles in Albanian and English outnumber the Turkish one), else the
// one the articles write (pickName), else one made from the id.
func shownName(id string, forms []nameForm) string {
	if name, ok := extract.PersonName(id); ok {
		return name
	}
	if name := pickName(forms); name != "" {
		return name
	}
	return fallbackName(id)
}

// pickName chooses the name shown for a person from the ways the articles
// write them: the fullest form (most words) that at least two articles
// write, the most written spelling of it, and of the spellings that differ
// only in diacritics the one with them (Erdoğan over Erdogan, which English
// wires write). Articles that write only a surname (Erdoğan'ın, Kurtit)
// still leave the full name shown when two others write it.
func pickName(forms []nameForm) string {
	switch len(forms) {
	case 0:
		return ""
	case 1:
		return forms[0].name // most persons: one article, one form
	}
	eligible := forms[:0:0]
	for _, f := range forms {
		if f.n >= 2 {
			eligible = append(eligible, f)
		}
	}
	if len(eligible) == 0 {
		eligible = forms
	}
	// Hyphenated given names are words too: Kassym-Jomart Tokayev is as
	// full as Kasım Cömert Tokayev.
	words := func(name string) int { return len(nameWords(name)) }
	most := 0
	for _, f := range eligible {
		most = max(most, words(f.name))
	}
	spelled := map[string]int{} // folded spelling -> articles
	for _, f := range eligible {
		if words(f.name) == most {
			spelled[analyzers.Fold(f.name)] += f.n
		}
	}
	best := ""
	for k, n := range spelled {
		if best == "" || n > spelled[best] || n == spelled[best] && k < best {
			best = k
		}
	}
	var name string
	marks, count := -1, 0
	for _, f := range eligible {
		if words(f.name) != most || analyzers.Fold(f.name) != best {
			continue
		}
		m := nonASCII(f.name)
		if m > marks || m == marks && (f.n > count || f.n == count && f.name < name) {
			name, marks, count = f.name, m, f.n
		}
	}
	return name
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// fallbackName is what shows for a person id the generation has no name
// for (a filter on a person no article names): the known person's name, or
// the id's words capitalized.
func fallbackName(id string) string {
	if name, ok := extract.PersonName(id); ok {
		return name
	}
	words := strings.Split(id, "-")
	for i, w := range words {
		if r, size := utf8.DecodeRuneInString(w); size > 0 {
			words[i] = strings.ToUpper(string(r)) + w[size:]
		}
	}
	return strings.Join(words, " ")
}

// nameWords are the folded words of a name, hyphenated parts apart
// (Kassym-Jomart: kassym, jomart).
func nameWords(name string) []string {
	return strings.FieldsFunc(analyzers.Fold(name), func(r rune) bool { return r == ' ' || r == '-' || r == '.' })
}

// name returns the name shown for id.
func (t *personTable) name(id string) string {
	if i, ok := t.byID[id]; ok {
		return t.people[i].Name
	}
	return fallbackName(id)
}

// complete returns up to n persons with a name in which every word of
// words starts a word (the last one a prefix, as it is being typed), most
// named first.
func (t *personTable) complete(ctx context.Context, words []string, n int) ([]person, error) {
	if len(words) == 0 || n <= 0 {
		return nil, nil
	}
	last := words[len(words)-1]
	lo := sort.Search(len(t.words), func(i int) bool { return t.words[i].word >= last })
	var cands []int32
	seen := map[int32]bool{}
	for i := lo; i < len(t.words) && strings.HasPrefix(t.words[i].word, last); i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		p := t.words[i].p
		if !seen[p] && t.hasWords(p, words[:len(words)-1]) {
			seen[p] = true
			cands = append(cands, p)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i] < cands[j] }) // most named first
	var out []person
	for _, p := range cands[:min(n, len(cands))] {
		out = append(out, t.people[p])
	}
	return out, nil
}

// hasWords tells whether each of words starts a word of person p's names.
func (t *personTable) hasWords(p int32, words []string) bool {
	for _, w := range words {
		found := false
		for _, pw := range t.people[p].words {
			if strings.HasPrefix(pw, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// names fills res.Names with the name shown for every person id of the
// result: facet values, the request's filter and the query's expansions.
func (g *generation) names(req Request, res *Result) error {
	var ids []string
	for _, v := range res.Facets[FacetPerson] {
		ids = append(ids, v.Value)
	}
	ids = append(ids, req.People...)
	for _, x := range res.Expanded {
		if x.Kind == FacetPerson {
			ids = append(ids, x.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	t, err := g.persons()
	if err != nil {
		return err
	}
	res.Names = make(map[string]string, len(ids))
	for _, id := range ids {
		res.Names[id] = t.name(id)
	}
	return nil
}

// PersonLabel is the name shown for a person id without a generation's
// names (Result.Names): the known person's name, or the id's words
// capitalized.
func PersonLabel(id string) string { return fallbackName(id) }
