package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
)

// Suggestions complete what a user is typing from what the index holds:
// the countries and organizations its articles are about (by their names in
// every language), the persons they name (by every name the articles write:
// "erdo" finds Recep Tayyip Erdoğan, "tokae" Kassym-Jomart Tokayev), the
// words its articles use most, and its titles.
// Matching is on folded text, so "kirg" finds Kırgızistan and "turqi"
// Turqia.

// Suggestion kinds.
const (
	SuggestCountry = "country"
	SuggestOrg     = "org"
	SuggestPerson  = "person"
	SuggestTerm    = "term"
	SuggestTitle   = "title"
)

// Suggestion is one completion. Text is what it shows and, except for a
// title or a person, what it searches for; Value is the country code,
// organization id, person id or article id.
type Suggestion struct {
	Kind  string
	Text  string
	Value string
	Count int
}

const (
	minSuggestRunes = 2
	// maxPrefixTerms bounds the dictionary entries read for one prefix.
	maxPrefixTerms = 20000
	suggestTerms   = 4
	suggestTitles  = 3
	suggestPersons = 3
)

// entityCounts are how many articles name each country and organization,
// counted once per generation: the counts of a match-all facet cost too much
// to compute on every keystroke.
type entityCounts struct {
	countries []FacetValue
	orgs      []FacetValue
}

// entityCounts returns g's entity counts, counting them on first use. A
// failed count (a cancelled request) is not kept: the next caller counts.
func (g *generation) entityCounts(ctx context.Context) (countries, orgs []FacetValue, err error) {
	g.entityMu.Lock()
	defer g.entityMu.Unlock()
	if g.entities != nil {
		return g.entities.countries, g.entities.orgs, nil
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	sr.AddFacet(FacetCountry, bleve.NewFacetRequest(index.FieldCountry, facetSize[FacetCountry]))
	sr.AddFacet(FacetOrg, bleve.NewFacetRequest(index.FieldOrg, facetSize[FacetOrg]))
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, nil, fmt.Errorf("count entities: %w", err)
	}
	g.entities = &entityCounts{facetValues(res.Facets[FacetCountry]), facetValues(res.Facets[FacetOrg])}
	return g.entities.countries, g.entities.orgs, nil
}

// suggest is Index.Suggest on g.
func (g *generation) suggest(ctx context.Context, prefix, ui string, n int) ([]Suggestion, error) {
	out := []Suggestion{}
	folded := analyzers.Fold(strings.TrimSpace(prefix))
	if len([]rune(folded)) < minSuggestRunes || n <= 0 {
		return out, nil
	}
	words := strings.Fields(folded)
	last := words[len(words)-1]
	head := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(prefix), lastField(prefix)))

	countries, orgs, err := g.entityCounts(ctx)
	if err != nil {
		return nil, err
	}
	if len(words) == 1 {
		// A name typed whole, in any form (Kazakistan'ın, BM), first.
		if s, ok := typedEntity(strings.TrimSpace(prefix), ui); ok {
			s.Count = countOf(countries, s.Value)
			if s.Kind == SuggestOrg {
				s.Count = countOf(orgs, s.Value)
			}
			if s.Count > 0 {
				out = append(out, s)
			}
		}
		for _, s := range matchNames(countries, SuggestCountry, folded, ui, func(code, l string) []string {
			return []string{extract.CountryName(code, l)}
		}) {
			out = appendNew(out, s)
		}
		for _, s := range matchNames(orgs, SuggestOrg, folded, ui, func(id, l string) []string {
			return []string{extract.OrgName(id, l), id}
		}) {
			out = appendNew(out, s)
		}
	}

	if len([]rune(last)) >= minSuggestRunes {
		people, err := g.persons()
		if err != nil {
			return nil, err
		}
		ps, err := people.complete(ctx, words, suggestPersons)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out = appendNew(out, Suggestion{Kind: SuggestPerson, Text: p.Name, Value: p.ID, Count: p.Count})
		}
	}

	lw := lastWord{term: last}
	if len([]rune(last)) >= minSuggestRunes {
		ws, read, err := g.suggestWords(ctx, lastField(prefix), ui, suggestTerms)
		if err != nil {
			return nil, err
		}
		if read.term != "" {
			lw = read
		}
		for _, w := range ws {
			text := w.written
			if head != "" {
				text = head + " " + w.written
			}
			if !hasText(out, text) {
				out = append(out, Suggestion{Kind: SuggestTerm, Text: text, Count: w.count})
			}
		}
	}

	// Titles with the words, the last one as typed when it is a word of
	// its own (BM: not the titles of BMW), else as a beginning.
	words[len(words)-1] = lw.term
	titles, err := g.titlesWith(ctx, words, lw.whole, suggestTitles)
	if err != nil {
		return nil, err
	}
	out = append(out, titles...)
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// lastField is the last whitespace-separated word of s as typed.
func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// appendNew appends s unless ss has the same entity already.
func appendNew(ss []Suggestion, s Suggestion) []Suggestion {
	for _, x := range ss {
		if x.Kind == s.Kind && x.Value == s.Value {
			return ss
		}
	}
	return append(ss, s)
}

func hasText(ss []Suggestion, text string) bool {
	for _, s := range ss {
		if analyzers.Fold(s.Text) == analyzers.Fold(text) {
			return true
		}
	}
	return false
}

// matchNames suggests each entity with a name in any UI language of which a
// word starts with prefix, showing the name in ui when that one matches.
func matchNames(vals []FacetValue, kind, prefix, ui string, names func(id, ui string) []string) []Suggestion {
	var out []Suggestion
	for _, v := range vals {
		var shown string
		// After the reader's own language, Turkish before Albanian: its
		// names are the ones with letters (ı, ğ, ş) users type without.
		for _, l := range append([]string{ui}, "en", "tr", "sq") {
			for _, name := range names(v.Value, l) {
				if shown == "" && namePrefix(name, prefix) {
					shown = name
				}
			}
		}
		if shown != "" {
			out = append(out, Suggestion{Kind: kind, Text: shown, Value: v.Value, Count: v.Count})
		}
	}
	return out // vals are most frequent first
}

func namePrefix(name, prefix string) bool {
	for _, w := range strings.FieldsFunc(analyzers.Fold(name), func(r rune) bool { return r == ' ' || r == '-' || r == '(' }) {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// titlesWith returns titles that hold every folded word, the last one as a
// prefix unless whole.
func (g *generation) titlesWith(ctx context.Context, words []string, whole bool, n int) ([]Suggestion, error) {
	var qs []bquery.Query
	for i, w := range words {
		var q bquery.FieldableQuery
		if i == len(words)-1 && !whole {
			q = bleve.NewPrefixQuery(w)
		} else {
			q = bleve.NewTermQuery(w)
		}
		q.SetField(index.TitleField(index.Folded))
		qs = append(qs, q)
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(qs...), n, 0, false)
	sr.Fields = []string{index.FieldRecord}
	sr.SortByCustom(dateSort(true))
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("titles starting %q: %w", strings.Join(words, " "), err)
	}
	var out []Suggestion
	for _, h := range res.Hits {
		rec, _ := h.Fields[index.FieldRecord].(string)
		a, err := index.ReadRecord(h.ID, rec)
		if err != nil {
			return nil, fmt.Errorf("titles starting %q: %w", strings.Join(words, " "), err)
		}
		if t := a.Title; t != "" {
			out = append(out, Suggestion{Kind: SuggestTitle, Text: t, Value: h.ID})
		}
	}
	return out, nil
}
