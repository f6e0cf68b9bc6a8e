package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"kerko/extract"
	"kerko/index"
	"kerko/query"
)

// A country, organization or person named in the query, in any language and
// form (Kazakhstan, Kazakistan'ın, Kazakistanit; Erdogan, Erdoğan'ın,
// Erdoganit, Tokaev), also matches the articles that extraction found to be
// about it, whatever their language: the query word alone cannot find
// Kazakistan in an English article, but the country facet field holds KZ
// for both. Persons are matched when kerko knows them under every spelling
// (extract.LookupPerson): a surname alone of anyone else may be many people.

// Expansion is a query word that was recognised as a country or an
// organization and also matched its facet field.
type Expansion struct {
	Kind string // FacetCountry, FacetOrg or FacetPerson
	ID   string // country code, organization or person id
	Word string // the word as typed
}

// boostEntity keeps an article that matches only through its facet field
// below every article that matches the words themselves: text scores of a
// match are in the tenths and above, this stays in the thousandths.
const boostEntity = 0.001

// entityQueries returns a facet-field query for every single-word
// alternative of c that names a country or an organization.
func entityQueries(c query.Clause) ([]bquery.Query, []Expansion) {
	var qs []bquery.Query
	var exps []Expansion
	seen := map[string]bool{}
	add := func(kind, id, word string) {
		if seen[kind+id] {
			return
		}
		seen[kind+id] = true
		// The mention-weighted field, as filters use: among the articles
		// found only through the entity, those about it rank first. The
		// facet field holds each entity once, so its length norm would
		// rank an article naming the country once above one about it and
		// two others.
		tq := bleve.NewTermQuery(index.AboutTerm(kind, id))
		tq.SetField(index.FieldAbout)
		tq.SetBoost(boostEntity)
		qs = append(qs, tq)
		exps = append(exps, Expansion{Kind: kind, ID: id, Word: word})
	}
	for _, t := range c.Alts {
		if t.Phrase {
			// A quoted multi-word name ("United Nations", "Birleşmiş
			// Milletler", "Recep Tayyip Erdoğan") is matched whole, as
			// extraction reads articles. A phrase with a name in it
			// ("relations with Turkey", "talks with Recep Tayyip
			// Erdoğan") is a promise of those words: it stands for the
			// entity only when the name is all of it.
			if extract.IsName(t.Text) {
				countries, orgs := extract.Mentions(t.Text, index.Und)
				if len(countries)+len(orgs) == 1 {
					for _, m := range countries {
						add(FacetCountry, m.ID, t.Text)
					}
					for _, m := range orgs {
						add(FacetOrg, m.ID, t.Text)
					}
				}
			} else if id, ok := extract.KnownPersonName(t.Text); ok {
				add(FacetPerson, id, t.Text)
			}
			continue
		}
		if code, ok := extract.LookupCountry(t.Text); ok {
			add(FacetCountry, code, t.Text)
		} else if id, ok := extract.LookupOrganization(t.Text); ok {
			add(FacetOrg, id, t.Text)
		} else if id, ok := extract.LookupPerson(t.Text); ok {
			add(FacetPerson, id, t.Text)
		}
	}
	return qs, exps
}

// withEntityNames adds the names of the expanded countries and
// organizations in every UI language, and the surnames of the persons, to q, for highlighting only: an
// article found through its country shows the country's name as it writes
// it (Kazakistan, Kazakistanit) marked in its snippet.
func withEntityNames(q *query.Query, exps []Expansion) *query.Query {
	if len(exps) == 0 {
		return q
	}
	out := &query.Query{Must: append([]query.Clause(nil), q.Must...), Not: q.Not}
	for _, x := range exps {
		if x.Kind == FacetPerson {
			// Persons are marked by their surname as each language
			// spells it (Tokayev, Tokaev, Toqaev): their given names
			// would mark namesakes.
			for _, w := range personMarkWords(x.ID) {
				out.Must = append(out.Must, query.Clause{Alts: []query.Term{{Text: w}}})
			}
			continue
		}
		for _, ui := range index.Langs {
			name := extract.CountryName(x.ID, ui)
			if x.Kind == FacetOrg {
				name = extract.OrgName(x.ID, ui)
			}
			// Word by word, without stop words: "të" of "Kombet të
			// Bashkuara" must not mark every "të" (or "2025'te").
			for _, w := range strings.Fields(name) {
				if !isStopWord(w) {
					out.Must = append(out.Must, query.Clause{Alts: []query.Term{{Text: w}}})
				}
			}
		}
	}
	return out
}

// personMarkWords are the words that mark a person in a text: a known
// person's surname as each language spells it, or the last word of
// another's id, which is the folded name an article wrote
// (arban-abrashi: abrashi).
func personMarkWords(id string) []string {
	if ws := extract.PersonSurnames(id); ws != nil {
		return ws
	}
	if i := strings.LastIndexByte(id, '-'); i >= 0 && i+1 < len(id) {
		return []string{id[i+1:]}
	}
	if id == "" {
		return nil
	}
	return []string{id}
}
