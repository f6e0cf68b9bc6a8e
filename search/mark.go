package search

import (
	"kerko/highlight"
)

// Marker returns the highlighter of what req matches in an article's text:
// the query's words, and the names (in every interface language) of the
// countries and organizations it matched and the surnames of its persons
// (as each language spells a known person's; personMarkWords), whether
// named in the query's words (crosslang.go) or chosen as filters, in the
// request or typed in the box (country:KZ, person:Tokayev, read as a
// search reads it: reading.go). The article page marks its text with it,
// as hits' titles and snippets are marked.
// A prefix* marks nothing here: the words it stands for are known only
// once a search ran on an index (prefix.go), which the page does not run.
func Marker(req Request) *highlight.Highlighter {
	rd := Read(req)
	tq := buildText(rd.Text)
	for _, set := range rd.Countries {
		for _, c := range set {
			tq.expanded = append(tq.expanded, Expansion{Kind: FacetCountry, ID: c})
		}
	}
	for _, set := range rd.Orgs {
		for _, o := range set {
			tq.expanded = append(tq.expanded, Expansion{Kind: FacetOrg, ID: o})
		}
	}
	for _, set := range rd.People {
		for _, id := range set {
			tq.expanded = append(tq.expanded, Expansion{Kind: FacetPerson, ID: id})
		}
	}
	return highlight.New(tq.marked(rd.Query))
}
