package web

import (
	"net/url"
	"slices"

	"kerko/query"
	"kerko/search"
)

// The index reads the query box (search.Read): it lifts the field filters
// typed beside the words into the search's filters and runs the rest as a
// boolean tree. A handler passes the query on as typed; this is what a page
// or an answer says about it, in the interface's language: how the search
// was understood, and the notes on what was not taken as typed.

// queryReading is how the query box was read, worded for people.
type queryReading struct {
	Raw string // as typed
	rd  *search.Reading
	// Understood says in a line how the whole search was read; Notes what
	// was not taken as typed. Both in the interface's language.
	Understood string
	Notes      []string
	// Syntax is set when the query used the language's forms (fields,
	// operators, groups, prefixes): then the page shows Understood.
	Syntax bool
}

// readQuery reads req's query as the index will.
func readQuery(req search.Request, ui string) queryReading {
	rd := search.Read(req)
	qr := queryReading{Raw: req.Query, rd: rd}
	qr.setNotes(rd.Notes, ui)
	qr.Understood = understand(rd, ui)
	qr.Syntax = len(rd.Lifted) > 0 || len(qr.Notes) > 0 || usesOperators(rd.Query.Expr)
	return qr
}

// withResult takes the notes of the search that ran (they add what running
// it found, such as a prefix standing for more words than were searched).
func (qr *queryReading) withResult(res *search.Result, ui string) {
	if res == nil || res.Notes == nil {
		return
	}
	qr.setNotes(res.Notes, ui)
	qr.Syntax = qr.Syntax || len(qr.Notes) > 0
}

func (qr *queryReading) setNotes(notes []search.Note, ui string) {
	qr.Notes = nil
	for _, n := range notes {
		qr.Notes = append(qr.Notes, noteText(n, ui))
	}
}

// noteText words a note in the interface's language.
func noteText(n search.Note, ui string) string {
	switch n.Kind {
	case search.NoteUnknownLang, search.NoteUnknownCountry, search.NoteUnknownOrg, search.NoteUnknownPerson:
		return Tf(ui, "note_"+string(n.Kind), n.Text)
	case search.NotePrefixCut:
		return Tf(ui, "note_prefix_cut", n.Text+"*", n.Of, n.N)
	}
	return Tf(ui, "note_"+string(n.Kind), n.Field, n.Text)
}

// usesOperators reports whether the query has more than words and phrases
// ANDed: an OR, a NOT, a field, a prefix or a proximity.
func usesOperators(n *query.Node) bool {
	if n == nil {
		return false
	}
	switch n.Op {
	case query.OpOr, query.OpNot, query.OpFilter:
		return true
	case query.OpTerm:
		return n.Term.Field != "" || n.Term.Prefix || n.Term.Slop > 0
	}
	for _, k := range n.Kids {
		if usesOperators(k) {
			return true
		}
	}
	return false
}

// Taking a lifted filter out again: a facet value selected by the query
// box unselects by leaving the box without it, and the understood line
// lists each lifted filter with a link that removes it.

// groupOfField is the facet group (or "date") a filter field drives.
var groupOfField = map[string]string{
	query.FieldLang: search.FacetLang, query.FieldCountry: search.FacetCountry, query.FieldOrg: search.FacetOrg,
	query.FieldPerson: search.FacetPerson, query.FieldSource: search.FacetSource, query.FieldFrom: "date", query.FieldTo: "date",
}

// without returns the query with the lifted filters that keep returns
// false for left out; keep sees each filter of a lifted conjunct and the
// value it resolves to.
func (qr queryReading) without(drop func(l search.Lift, f query.Filter, value string) bool) string {
	conj := qr.rd.Query.Conjuncts()
	out := slices.Clone(conj)
	for _, l := range qr.rd.Lifted {
		var kept []*query.Node
		for _, k := range filterNodes(l.Node) {
			v, _ := search.Resolve(k.Filter)
			if !drop(l, k.Filter, v) {
				kept = append(kept, k)
			}
		}
		out[l.Conjunct] = query.Or(kept...)
	}
	return query.Render(query.And(out...))
}

// filterNodes are the filters of a lifted conjunct (one, or an OR of them).
func filterNodes(n *query.Node) []*query.Node {
	if n.Op == query.OpFilter {
		return []*query.Node{n}
	}
	return n.Kids
}

// withoutValue is the query without the lifted filters of group that name
// value ("" for all of the group's).
func (qr queryReading) withoutValue(group, value string) string {
	return qr.without(func(l search.Lift, f query.Filter, v string) bool {
		return groupOfField[l.Field] == group && (value == "" || v == value || group == search.FacetSource && search.SameSource(v, value))
	})
}

// textOnly is the query without any lifted filter.
func (qr queryReading) textOnly() string {
	return qr.without(func(search.Lift, query.Filter, string) bool { return true })
}

// liftedLinks are the lifted filters, each with the search without it.
func (qr queryReading) liftedLinks(v url.Values) []link {
	var out []link
	for i, l := range qr.rd.Lifted {
		q := qr.without(func(o search.Lift, _ query.Filter, _ string) bool { return o.Conjunct == qr.rd.Lifted[i].Conjunct })
		out = append(out, link{Label: query.Render(l.Node), URL: withQuery(v, q)})
	}
	return out
}

// withQuery is the search of v with the query q, from its first page.
func withQuery(v url.Values, q string) string {
	out := without(v, "page")
	if q == "" {
		out.Del("q")
	} else {
		out.Set("q", q)
	}
	return "/?" + out.Encode()
}
