package index

import (
	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"kerko/extract"
	"kerko/query"
)

// A country or organization named in the query, in any language and form
// (Kazakhstan, Kazakistan'ın, Kazakistanit), also matches the articles that
// extraction found to be about it, whatever their language: the query word
// alone cannot find Kazakistan in an English article, but the country facet
// field holds KZ for both.

// Expansion is a query word that was recognised as a country or an
// organization and also matched its facet field.
type Expansion struct {
	Kind string // FacetCountry or FacetOrg
	ID   string // country code or organization id
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
		tq := bleve.NewTermQuery(id)
		tq.SetField(facetField[kind])
		tq.SetBoost(boostEntity)
		qs = append(qs, tq)
		exps = append(exps, Expansion{Kind: kind, ID: id, Word: word})
	}
	for _, t := range c.Alts {
		if t.Phrase {
			continue
		}
		if code, ok := extract.LookupCountry(t.Text); ok {
			add(FacetCountry, code, t.Text)
		} else if id, ok := extract.LookupOrganization(t.Text); ok {
			add(FacetOrg, id, t.Text)
		}
	}
	return qs, exps
}
