package search

import (
	"slices"
	"strings"
	"time"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
	"kerko/query"
)

// Reading a request is the first step of every plan (search, export,
// trends, telling words, the command line): the query is parsed, the field
// filters typed beside the words (lang:tr, country:Kazakistan, org:NATO,
// person:Tokayev, source:Anadolu, from:2020-03) are lifted into the request's filters, where
// they AND with its own, and the rest is the text tree the plan turns into
// one Bleve query (tree.go). A filter is lifted when the whole search must
// pass it: typed beside the words, or as an OR of values of one field
// (lang:tr OR lang:sq). One inside an OR with words or under NOT stays in the
// tree, where it runs as a query (-lang:tr, a OR country:KZ). Reading needs
// no index: the web reads a request for its "understood" line before
// searching.

// NoLang stands for "no language at all": a lang: filter that excludes the
// request's languages leaves none, and the search finds nothing.
const NoLang = "none"

// Reading is how a request was read.
type Reading struct {
	Query *query.Query
	// Text is the query without its lifted parts, its nested filters'
	// values resolved (country:Kazakistan is country:KZ); nil when nothing
	// is left to match on.
	Text *query.Node
	// Lifted are the conjuncts that became filters, in the order typed.
	Lifted []Lift
	// The filters in force: the request's own ANDed with the lifted ones.
	// Langs and Sources are ORed values (an article has one of each);
	// nil is no filter, []string{NoLang} none at all. Countries, Orgs and
	// People are sets that must all match, each an OR of its values (an
	// article names several): country:KZ country:KG is about both. The
	// request's countries are one set, or with CountryAll one set each.
	Langs     []string
	Countries [][]string
	Orgs      [][]string
	People    [][]string
	Sources   []string
	From, To  time.Time
	// Notes say what was typed but not taken as typed.
	Notes []Note
}

// Lift is one conjunct of the query that became a filter.
type Lift struct {
	// Conjunct is its index among the query's conjuncts
	// (query.Query.Conjuncts), so that a page can take it out again.
	Conjunct int
	Node     *query.Node
	Field    string // query.FieldLang … query.FieldTo
	// Values are its values as the facet groups name them (a language or
	// country code, an organization id, a source as typed), one per
	// filter of Node that was understood; empty for from: and to:.
	Values []string
}

// NoteKind says what a Note is about.
type NoteKind string

// Note kinds. The first five are query.NoteKind's.
const (
	NoteBadDate        NoteKind = "bad_date"        // Field, Text: a from:/to: value that is no date
	NoteShortPrefix    NoteKind = "short_prefix"    // Text: a prefix* of one letter, searched as the word
	NoteSlop           NoteKind = "slop"            // Text: a ~N above query.MaxSlop, lowered to it
	NoteTruncated      NoteKind = "truncated"       // words past query.MaxTerms dropped
	NoteEmptyRange     NoteKind = "empty_range"     // Text: from: after to:, both ignored
	NoteUnknownLang    NoteKind = "unknown_lang"    // Text: a lang: value that is none of the languages
	NoteUnknownCountry NoteKind = "unknown_country" // Text: a country: value that names no country
	NoteUnknownOrg     NoteKind = "unknown_org"     // Text: an org: value that names no organization
	NoteUnknownPerson  NoteKind = "unknown_person"  // Text: a person: value that names no person kerko can tell
	// NotePrefixCut: Text is the prefix (without its *); it begins Of
	// words, and the N most frequent were searched (prefix.go).
	NotePrefixCut NoteKind = "prefix_cut"
)

// Note is something typed that was not taken as typed. The caller words it
// in its user's language.
type Note struct {
	Kind  NoteKind
	Field string
	Text  string
	N, Of int
}

var queryNotes = map[query.NoteKind]NoteKind{
	query.NoteBadDate:     NoteBadDate,
	query.NoteShortPrefix: NoteShortPrefix,
	query.NoteSlop:        NoteSlop,
	query.NoteTruncated:   NoteTruncated,
	query.NoteEmptyRange:  NoteEmptyRange,
}

// Read reads req's query and combines its field filters with req's.
func Read(req Request) *Reading {
	q := query.Parse(req.Query)
	rd := &Reading{Query: q, From: req.From, To: req.To}
	for _, n := range q.Notes {
		rd.Notes = append(rd.Notes, Note{Kind: queryNotes[n.Kind], Field: n.Field, Text: n.Text})
	}
	var langSets, countrySets, orgSets, personSets, sourceSets [][]string
	if len(req.Langs) > 0 {
		langSets = append(langSets, req.Langs)
	}
	switch {
	case len(req.Countries) > 0 && req.CountryMode == CountryAll:
		// Every chosen country is one more set that must match, as each
		// country: typed in the box is.
		for _, c := range req.Countries {
			countrySets = append(countrySets, []string{c})
		}
	case len(req.Countries) > 0:
		countrySets = append(countrySets, req.Countries)
	}
	if len(req.Orgs) > 0 {
		orgSets = append(orgSets, req.Orgs)
	}
	if len(req.People) > 0 {
		personSets = append(personSets, req.People)
	}
	if len(req.Sources) > 0 {
		sourceSets = append(sourceSets, req.Sources)
	}
	var kept []*query.Node
	for i, n := range q.Conjuncts() {
		field, filters := filterGroup(n)
		if field == "" {
			kept = append(kept, n)
			continue
		}
		lift := Lift{Conjunct: i, Node: n, Field: field}
		var days []time.Time
		for _, f := range filters {
			if f.Field == query.FieldFrom || f.Field == query.FieldTo {
				days = append(days, f.Day)
			} else if v, ok := rd.resolve(f); ok {
				lift.Values = append(lift.Values, v)
			}
		}
		switch {
		case field == query.FieldFrom:
			// from:a OR from:b is the earlier; ANDed with others, the later.
			if d := slices.MinFunc(days, time.Time.Compare); rd.From.IsZero() || d.After(rd.From) {
				rd.From = d
			}
		case field == query.FieldTo:
			if d := slices.MaxFunc(days, time.Time.Compare); rd.To.IsZero() || d.Before(rd.To) {
				rd.To = d
			}
		case len(lift.Values) == 0:
			continue // nothing understood: the notes say why
		case field == query.FieldLang:
			langSets = append(langSets, lift.Values)
		case field == query.FieldCountry:
			countrySets = append(countrySets, lift.Values)
		case field == query.FieldOrg:
			orgSets = append(orgSets, lift.Values)
		case field == query.FieldPerson:
			personSets = append(personSets, lift.Values)
		case field == query.FieldSource:
			sourceSets = append(sourceSets, lift.Values)
		}
		rd.Lifted = append(rd.Lifted, lift)
	}
	rd.Langs = intersectSets(langSets, func(s string) string { return s })
	rd.Sources = intersectSets(sourceSets, sourceKey)
	rd.Countries = narrowest(countrySets)
	rd.Orgs = narrowest(orgSets)
	rd.People = narrowest(personSets)
	rd.Text = rd.resolveTree(query.And(kept...))
	return rd
}

// Ranked reports whether the text has a word to rank by: a query of
// negations and filters alone lists articles, as browsing does.
func (rd *Reading) Ranked() bool { return positiveTerm(rd.Text, false) }

// Rankable reports whether relevance means something: words to rank by,
// or countries, organizations or persons whose articles rank by how much
// they are about them (index.FieldAbout).
func (rd *Reading) Rankable() bool {
	return rd.Ranked() || len(rd.Countries)+len(rd.Orgs)+len(rd.People) > 0
}

func positiveTerm(n *query.Node, neg bool) bool {
	if n == nil {
		return false
	}
	switch n.Op {
	case query.OpTerm:
		return !neg
	case query.OpNot:
		return positiveTerm(n.Kids[0], !neg)
	}
	for _, k := range n.Kids {
		if positiveTerm(k, neg) {
			return true
		}
	}
	return false
}

// Selected reports whether value of facet group is among the filters in
// force, and whether a lifted filter put it there.
func (rd *Reading) Selected(group, value string) (selected, lifted bool) {
	for _, l := range rd.Lifted {
		if facetOfField[l.Field] == group && slices.ContainsFunc(l.Values, func(v string) bool { return sameValue(group, v, value) }) {
			return true, true
		}
	}
	var in []string
	switch group {
	case FacetLang:
		in = rd.Langs
	case FacetSource:
		in = rd.Sources
	case FacetCountry:
		in = slices.Concat(rd.Countries...)
	case FacetOrg:
		in = slices.Concat(rd.Orgs...)
	case FacetPerson:
		in = slices.Concat(rd.People...)
	}
	return slices.ContainsFunc(in, func(v string) bool { return sameValue(group, v, value) }), false
}

func sameValue(group, a, b string) bool {
	if group == FacetSource {
		return sourceKey(a) == sourceKey(b)
	}
	return strings.EqualFold(a, b)
}

// facetOfField is the facet group each filter field drives.
var facetOfField = map[string]string{
	query.FieldLang: FacetLang, query.FieldCountry: FacetCountry, query.FieldOrg: FacetOrg, query.FieldPerson: FacetPerson,
	query.FieldSource: FacetSource,
}

// Resolve reads a filter's value as its facet group names it: a language
// or country code, an organization or person id, a source as typed
// (spaces normalised); false when it names nothing, and for from: and to:.
func Resolve(f query.Filter) (string, bool) {
	rd := &Reading{}
	return rd.resolve(f)
}

// resolve is Resolve, with a note when the value names nothing.
func (rd *Reading) resolve(f query.Filter) (string, bool) {
	var v string
	var kind NoteKind
	switch f.Field {
	case query.FieldLang:
		v, kind = resolveLang(f.Value), NoteUnknownLang
	case query.FieldCountry:
		v, kind = resolveCountry(f.Value), NoteUnknownCountry
	case query.FieldOrg:
		v, kind = resolveOrg(f.Value), NoteUnknownOrg
	case query.FieldPerson:
		v, kind = resolvePerson(f.Value), NoteUnknownPerson
	case query.FieldSource:
		// As written; letter case and diacritics aside (sourceKey).
		return strings.Join(strings.Fields(f.Value), " "), true
	default:
		return "", false
	}
	if v == "" {
		rd.Notes = append(rd.Notes, Note{Kind: kind, Field: f.Field, Text: f.Value})
		return "", false
	}
	return v, true
}

// resolveTree copies n with every filter's value resolved, dropping the
// filters that name nothing (with a note): in an AND or an OR they are left
// out, and a NOT of nothing is nothing.
func (rd *Reading) resolveTree(n *query.Node) *query.Node {
	if n == nil {
		return nil
	}
	switch n.Op {
	case query.OpTerm:
		return n
	case query.OpFilter:
		if n.Filter.Field == query.FieldFrom || n.Filter.Field == query.FieldTo {
			return n
		}
		v, ok := rd.resolve(n.Filter)
		if !ok {
			return nil
		}
		f := n.Filter
		f.Value = v
		return &query.Node{Op: query.OpFilter, Filter: f}
	case query.OpNot:
		return query.Not(rd.resolveTree(n.Kids[0]))
	}
	var kids []*query.Node
	for _, k := range n.Kids {
		if r := rd.resolveTree(k); r != nil {
			kids = append(kids, r)
		}
	}
	if n.Op == query.OpOr {
		return query.Or(kids...)
	}
	return query.And(kids...)
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

// intersectSets ANDs sets of values of a field an article has one of: the
// values of the first set whose key is in every other set; NoLang when
// none is (for sources too: no source is named "none" in every form, and
// the filter then keeps nothing).
func intersectSets(sets [][]string, key func(string) string) []string {
	if len(sets) == 0 {
		return nil
	}
	out := slices.Clone(sets[0])
	for _, s := range sets[1:] {
		out = slices.DeleteFunc(out, func(v string) bool {
			return !slices.ContainsFunc(s, func(w string) bool { return key(w) == key(v) })
		})
	}
	if len(out) == 0 {
		return []string{NoLang}
	}
	return out
}

// narrowest ANDs sets of countries (or organizations, or persons): each set is an OR,
// and all must match. A set that holds another is implied by it and left
// out; the rest keep their order.
func narrowest(sets [][]string) [][]string {
	var out [][]string
	for i, s := range sets {
		implied := false
		for j, o := range sets {
			if i == j {
				continue
			}
			// o within s: o implies s. Of two equal sets the first stays.
			within := !slices.ContainsFunc(o, func(v string) bool { return !slices.Contains(s, v) })
			if within && (len(o) < len(s) || j < i) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, s)
		}
	}
	return out
}

// sourceKey is what source filters compare: the source without letter case,
// diacritics or doubled spaces (source:anadolu finds "Anadolu").
func sourceKey(s string) string {
	return analyzers.Fold(strings.Join(strings.Fields(s), " "))
}

// langNames are the words lang: takes besides the codes.
var langNames = map[string]string{
	"albanian": "sq", "shqip": "sq", "arnavutça": "sq", "arnavutca": "sq",
	"turkish": "tr", "turqisht": "tr", "türkçe": "tr", "turkce": "tr",
	"english": "en", "anglisht": "en", "ingilizce": "en", "i̇ngilizce": "en",
}

// resolveLang reads a language's code or name; "" for none.
func resolveLang(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "sq", "tr", "en", index.Und:
		return v
	}
	return langNames[v]
}

// resolveCountry reads a country's ISO code or its name in any language
// and form, through extraction's gazetteer; "" for none.
func resolveCountry(v string) string {
	if c := strings.ToUpper(strings.TrimSpace(v)); len(c) == 2 && extract.IsCountry(c) {
		return c
	}
	if c, ok := extract.LookupCountry(v); ok && !strings.ContainsAny(strings.TrimSpace(v), " \t") {
		return c
	}
	// A name of several words ("United States", "Birleşik Krallık") is
	// read whole, as extraction reads articles.
	if cs, orgs := extract.Mentions(v, index.Und); len(cs) == 1 && len(orgs) == 0 {
		return cs[0].ID
	}
	return ""
}

// resolveOrg reads an organization's id or any of its names; "" for none.
func resolveOrg(v string) string {
	if o := strings.ToUpper(strings.TrimSpace(v)); extract.IsOrganization(o) {
		return o
	}
	if o, ok := extract.LookupOrganization(v); ok && !strings.ContainsAny(strings.TrimSpace(v), " \t") {
		return o
	}
	if cs, orgs := extract.Mentions(v, index.Und); len(orgs) == 1 && len(cs) == 0 {
		return orgs[0].ID
	}
	return ""
}

// resolvePerson reads a person's name in any language and form (Tokayev,
// Tokaev, Erdoğan'ın, Erdoganit, "Recep Tayyip Erdoğan", "Arban Abrashi")
// or their id (recep-tayyip-erdogan); "" for none. A surname alone names a
// person only when kerko knows them under every spelling: of anyone else
// it may be many people.
func resolvePerson(v string) string {
	v = strings.TrimSpace(v)
	if _, known := extract.PersonName(v); known {
		return v
	}
	if !strings.ContainsAny(v, " \t") {
		if id, ok := extract.LookupPerson(v); ok {
			return id
		}
		if strings.Contains(v, "-") && v == strings.ToLower(v) {
			return v // an id as the API gives it
		}
		return ""
	}
	if ps := extract.People(v, index.Und); len(ps) == 1 {
		return ps[0].ID
	}
	return ""
}

// SameSource reports whether two sources are one for the source filter.
func SameSource(a, b string) bool { return sourceKey(a) == sourceKey(b) }
