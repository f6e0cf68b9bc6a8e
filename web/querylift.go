package web

import (
	"slices"
	"strings"
	"time"

	"kerko/extract"
	"kerko/index"
	"kerko/query"
	"kerko/search"
)

// The query language's field filters (lang:tr, country:Kazakistan, org:NATO,
// from:2020-03, to:2020-06-15) are lifted here into the request's filters,
// where they AND with the URL's parameters; the index is given the text
// part alone. A filter is lifted when the whole search must pass it: typed
// beside the words, or as an OR of values of one field (lang:tr OR lang:sq).
// One inside a mixed OR or under NOT is not lifted, and a note says so.
//
// Phase 2 (the search planner walking query.Query.Expr) takes this over;
// until then, what today's index cannot run of the text forms (title:,
// prefix*, "…"~N) is said in a note too, so the page never pretends.

// liftedQuery is what the query box was read as.
type liftedQuery struct {
	Raw string // as typed
	// Lifted are the conjuncts that became filters, to write back beside
	// a respelled text (did-you-mean).
	Lifted []*query.Node
	// Understood says in a line how the whole search was read; Notes what
	// was not taken as typed. Both in the interface's language.
	Understood string
	Notes      []string
	// Syntax is set when the query used the language's forms (fields,
	// operators, groups, prefixes): then the page shows Understood.
	Syntax bool
}

// noLang stands for "no language at all": a lang: filter that excludes the
// URL's languages leaves none, and the search must find nothing.
const noLang = "none"

// liftQuery lifts req.Query's field filters into req and leaves its text
// part in req.Query.
func liftQuery(req *search.Request, ui string) liftedQuery {
	lq := liftedQuery{Raw: req.Query}
	q := query.Parse(req.Query)
	var kept []*query.Node
	langSets, countrySets, orgSets := [][]string{}, [][]string{}, [][]string{}
	if len(req.Langs) > 0 {
		langSets = append(langSets, req.Langs)
	}
	if len(req.Countries) > 0 {
		countrySets = append(countrySets, req.Countries)
	}
	if len(req.Orgs) > 0 {
		orgSets = append(orgSets, req.Orgs)
	}
	note := func(key string, args ...any) { lq.Notes = append(lq.Notes, Tf(ui, key, args...)) }
	for _, n := range q.Conjuncts() {
		field, filters := filterGroup(n)
		if field == "" {
			kept = append(kept, n)
			continue
		}
		lq.Syntax = true
		var values []string
		var days []time.Time
		for _, f := range filters {
			switch field {
			case query.FieldLang:
				if l, ok := resolveLang(f.Value); ok {
					values = append(values, l)
				} else {
					note("note_unknown_lang", f.Value)
				}
			case query.FieldCountry:
				if c, ok := resolveCountry(f.Value); ok {
					values = append(values, c)
				} else {
					note("note_unknown_country", f.Value)
				}
			case query.FieldOrg:
				if o, ok := resolveOrg(f.Value); ok {
					values = append(values, o)
				} else {
					note("note_unknown_org", f.Value)
				}
			case query.FieldSource:
				note("note_source", f.Value)
			case query.FieldFrom, query.FieldTo:
				days = append(days, f.Day)
			}
		}
		switch {
		case field == query.FieldFrom && len(days) > 0:
			// from:a OR from:b is the earlier; ANDed with others, the later.
			d := slices.MinFunc(days, time.Time.Compare)
			if req.From.IsZero() || d.After(req.From) {
				req.From = d
			}
		case field == query.FieldTo && len(days) > 0:
			d := slices.MaxFunc(days, time.Time.Compare)
			if req.To.IsZero() || d.Before(req.To) {
				req.To = d
			}
		case len(values) == 0:
			continue // nothing usable: the note says why
		case field == query.FieldLang:
			langSets = append(langSets, values)
		case field == query.FieldCountry:
			countrySets = append(countrySets, values)
		case field == query.FieldOrg:
			orgSets = append(orgSets, values)
		}
		lq.Lifted = append(lq.Lifted, n)
	}
	req.Langs = intersect(langSets)
	var extra []*query.Node
	if req.CountryMode == search.CountryAll {
		req.Countries, extra = everyOf(countrySets, len(req.Countries) > 0)
	} else {
		req.Countries, extra = narrowest(countrySets, search.FacetCountry)
	}
	kept = append(kept, extra...)
	req.Orgs, extra = narrowest(orgSets, search.FacetOrg)
	kept = append(kept, extra...)
	text := query.And(kept...)
	req.Query = query.Render(text)

	// What the text part says that today's index does not run as typed.
	tq := query.Parse(req.Query)
	for _, n := range q.Notes {
		note(noteKey[n.Kind], n.Field, n.Text)
	}
	for _, f := range nestedFilters(text) {
		note("note_nested_filter", f.Field+":"+f.Value)
	}
	walkTerms(text, func(t query.Term) {
		switch {
		case t.Field == query.FieldTitle:
			note("note_title_later", t.Text)
		case t.Prefix:
			note("note_prefix_later", t.Text+"*", t.Text)
		case t.Slop > 0:
			note("note_slop_later", t.Text)
		}
	})
	if tq.Approx && len(nestedFilters(text)) == 0 {
		note("note_approx")
	}
	lq.Syntax = lq.Syntax || len(lq.Notes) > 0 || usesOperators(q.Expr)
	lq.Understood = understand(*req, text, ui)
	return lq
}

var noteKey = map[query.NoteKind]string{
	query.NoteBadDate:     "note_bad_date",
	query.NoteShortPrefix: "note_short_prefix",
	query.NoteSlop:        "note_slop",
	query.NoteTruncated:   "note_truncated",
	query.NoteEmptyRange:  "note_empty_range",
}

// filterGroup returns the field and the filters of a conjunct that is a
// filter or an OR of filters of one field; "" for anything else.
func filterGroup(n *query.Node) (string, []query.Filter) {
	switch n.Op {
	case query.OpFilter:
		return n.Filter.Field, []query.Filter{n.Filter}
	case query.OpOr:
		var fs []query.Filter
		for _, k := range n.Kids {
			if k.Op != query.OpFilter || (len(fs) > 0 && k.Filter.Field != fs[0].Field) {
				return "", nil
			}
			fs = append(fs, k.Filter)
		}
		return fs[0].Field, fs
	}
	return "", nil
}

// nestedFilters are the filters left in the text part: inside an OR with
// words, or under NOT.
func nestedFilters(n *query.Node) []query.Filter {
	var out []query.Filter
	var walk func(n *query.Node)
	walk = func(n *query.Node) {
		if n == nil {
			return
		}
		if n.Op == query.OpFilter {
			out = append(out, n.Filter)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

func walkTerms(n *query.Node, fn func(query.Term)) {
	if n == nil {
		return
	}
	if n.Op == query.OpTerm {
		fn(n.Term)
	}
	for _, k := range n.Kids {
		walkTerms(k, fn)
	}
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

// langNames are the words lang: takes besides the codes.
var langNames = map[string]string{
	"albanian": "sq", "shqip": "sq", "arnavutça": "sq", "arnavutca": "sq",
	"turkish": "tr", "turqisht": "tr", "türkçe": "tr", "turkce": "tr",
	"english": "en", "anglisht": "en", "ingilizce": "en", "i̇ngilizce": "en",
}

func resolveLang(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "sq", "tr", "en", index.Und:
		return v, true
	}
	l, ok := langNames[v]
	return l, ok
}

// resolveCountry reads a country's ISO code or its name in any language
// and form, through extraction's gazetteer.
func resolveCountry(v string) (string, bool) {
	if c := strings.ToUpper(v); len(c) == 2 && extract.IsCountry(c) {
		return c, true
	}
	if c, ok := extract.LookupCountry(v); ok && !strings.ContainsFunc(strings.TrimSpace(v), isSpaceRune) {
		return c, true
	}
	// A name of several words ("United States", "Birleşik Krallık") is
	// read whole, as extraction reads articles.
	if cs, orgs := extract.Mentions(v, index.Und); len(cs) == 1 && len(orgs) == 0 {
		return cs[0].ID, true
	}
	return "", false
}

func resolveOrg(v string) (string, bool) {
	if o := strings.ToUpper(strings.TrimSpace(v)); extract.IsOrganization(o) {
		return o, true
	}
	if o, ok := extract.LookupOrganization(v); ok && !strings.ContainsFunc(strings.TrimSpace(v), isSpaceRune) {
		return o, true
	}
	if cs, orgs := extract.Mentions(v, index.Und); len(orgs) == 1 && len(cs) == 0 {
		return orgs[0].ID, true
	}
	return "", false
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' }

// intersect ANDs sets of languages: an article has one, so the result is
// the values in every set; noLang when there are none.
func intersect(sets [][]string) []string {
	if len(sets) == 0 {
		return nil
	}
	out := slices.Clone(sets[0])
	for _, s := range sets[1:] {
		out = slices.DeleteFunc(out, func(v string) bool { return !slices.Contains(s, v) })
	}
	if len(out) == 0 {
		return []string{noLang}
	}
	return out
}

// narrowest ANDs sets of countries (or organizations). An article names
// several, so AND is not an intersection: when one set lies within all the
// others, it is the answer exactly; otherwise the first set filters and
// each other one is searched by its names, which matches the articles about
// them in every language (the index's cross-language names).
func narrowest(sets [][]string, kind string) ([]string, []*query.Node) {
	if len(sets) == 0 {
		return nil, nil
	}
	for _, s := range sets {
		within := true
		for _, o := range sets {
			for _, v := range s {
				within = within && slices.Contains(o, v)
			}
		}
		if within {
			return s, nil
		}
	}
	var extra []*query.Node
	for _, s := range sets[1:] {
		var alts []*query.Node
		for _, v := range s {
			name := extract.CountryName(v, "en")
			if kind == search.FacetOrg {
				name = extract.OrgName(v, "en")
			}
			alts = append(alts, &query.Node{Op: query.OpTerm, Term: query.Term{Text: name, Phrase: strings.Contains(name, " ")}})
		}
		extra = append(extra, query.Or(alts...))
	}
	return sets[0], extra
}

// everyOf is narrowest for country_mode=all, where each chosen country is
// required: the URL's countries (the first set, when urlFirst) and each
// typed country:X are all kept as filters; a typed OR of several
// (country:KZ OR country:TR) cannot be one of them and stays in the text.
func everyOf(sets [][]string, urlFirst bool) ([]string, []*query.Node) {
	var out []string
	var extra []*query.Node
	for i, s := range sets {
		if i == 0 && urlFirst || len(s) == 1 {
			for _, v := range s {
				if !slices.Contains(out, v) {
					out = append(out, v)
				}
			}
			continue
		}
		var alts []*query.Node
		for _, v := range s {
			name := extract.CountryName(v, "en")
			alts = append(alts, &query.Node{Op: query.OpTerm, Term: query.Term{Text: name, Phrase: strings.Contains(name, " ")}})
		}
		extra = append(extra, query.Or(alts...))
	}
	return out, extra
}

// withText writes a respelled text part back with the lifted filters, so
// that a did-you-mean link keeps them.
func (lq liftedQuery) withText(text string) string {
	if len(lq.Lifted) == 0 {
		return text
	}
	return query.Render(query.And(append([]*query.Node{query.Parse(text).Expr}, lq.Lifted...)...))
}
