package search

import (
	"kerko/highlight"
	"kerko/query"
)

// Marker returns the highlighter of what req matches in an article's text:
// the query's words, and the names (in every interface language) of the
// countries and organizations it matched, whether named in the query
// (crosslang.go) or chosen as filters. The article page marks its text
// with it, as hits' titles and snippets are marked.
func Marker(req Request) *highlight.Highlighter {
	q := query.Parse(req.Query)
	_, exps := textQuery(q)
	for _, c := range req.Countries {
		exps = append(exps, Expansion{Kind: FacetCountry, ID: c})
	}
	for _, o := range req.Orgs {
		exps = append(exps, Expansion{Kind: FacetOrg, ID: o})
	}
	return highlight.New(withEntityNames(q, exps), nil)
}
