package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/index"
	"kerko/query"
)

// The text of a reading (what was left after lifting its filters) becomes
// one Bleve query, node for node: an AND is a boolean query (its negated
// parts must-not, a lone stop word only scoring), an OR a disjunction, a
// NOT a must-not beside everything, a term a disjunction over the text
// fields it may match in, a filter left in the tree (-lang:tr, a OR
// country:KZ) a query on its field. A query of today's forms (words,
// phrases, -x, OR between words) is built exactly as it always was, so it
// ranks as before.

// textQuery is a reading's text as one Bleve query, with what building
// and running it learns: the entities its words name and the words its
// prefixes stand for.
type textQuery struct {
	q        bquery.Query
	expanded []Expansion
	prefixes []*prefixQuery
}

// matchQuery is what req matches, its text and every filter, with the
// reading and the text query made on the way.
func (g *generation) matchQuery(req Request) (bquery.Query, *Reading, *textQuery) {
	rd := Read(req)
	tq := buildText(rd.Text)
	return g.withFilters(tq.q, filterQueries(req, rd), ""), rd, tq
}

// marked is q with what its hits are marked with besides its words: the
// names of the entities they were expanded to in every language, and the
// words its prefixes stood for (known once the search ran).
func (tq *textQuery) marked(q *query.Query) *query.Query {
	out := withEntityNames(q, tq.expanded)
	if len(tq.prefixes) == 0 {
		return out
	}
	if out == q {
		out = &query.Query{Must: slices.Clone(q.Must), Not: q.Not}
	}
	for _, pq := range tq.prefixes {
		for _, t := range pq.terms {
			out.Must = append(out.Must, query.Clause{Alts: []query.Term{{Text: t}}})
		}
	}
	return out
}

// notes are the notes of running the text query (after it ran).
func (tq *textQuery) notes() []Note {
	var out []Note
	for _, pq := range tq.prefixes {
		if n, ok := pq.note(); ok {
			out = append(out, n)
		}
	}
	return out
}

// buildText builds the Bleve query of text (match-all when nil).
func buildText(text *query.Node) *textQuery {
	tq := &textQuery{}
	if text == nil {
		tq.q = bleve.NewMatchAllQuery()
		return tq
	}
	kids := []*query.Node{text}
	if text.Op == query.OpAnd {
		kids = text.Kids
	}
	// The top is always a boolean query, as it was when queries were
	// clauses: a one-word query scores as it did.
	tq.q = tq.and(kids, false)
	return tq
}

// node builds n; neg says whether n stands under a negation (its words
// are then not expanded to the entities they name).
func (tq *textQuery) node(n *query.Node, neg bool) bquery.Query {
	switch n.Op {
	case query.OpTerm:
		return tq.alternatives([]query.Term{n.Term}, nil, neg)
	case query.OpFilter:
		return filterNodeQuery(n.Filter)
	case query.OpNot:
		return notQuery(tq.node(n.Kids[0], !neg))
	case query.OpOr:
		var terms []query.Term
		var others []bquery.Query
		for _, k := range n.Kids {
			if k.Op == query.OpTerm {
				terms = append(terms, k.Term)
			} else {
				others = append(others, tq.node(k, neg))
			}
		}
		return tq.alternatives(terms, others, neg)
	}
	return tq.and(n.Kids, neg)
}

// and builds the conjunction of kids. A word some language drops as a
// stop word only adds to the score, unless the words are all such.
func (tq *textQuery) and(kids []*query.Node, neg bool) bquery.Query {
	var must, should, not []bquery.Query
	for _, k := range kids {
		switch {
		case k.Op == query.OpNot:
			not = append(not, tq.node(k.Kids[0], !neg))
		case k.Op == query.OpTerm && plainWord(k.Term) && isStopWord(k.Term.Text):
			should = append(should, tq.node(k, neg))
		default:
			must = append(must, tq.node(k, neg))
		}
	}
	if len(must) == 0 {
		// Only stop words: then they are what the user is looking for.
		// They match in titles, and in the bodies of articles whose
		// language does not drop them (the folded body has no stop words
		// of the article's language: mapping.go).
		must, should = should, nil
	}
	if len(must) == 0 {
		// Only negations: everything else.
		must = []bquery.Query{bleve.NewMatchAllQuery()}
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(must...)
	b.AddShould(should...)
	b.AddMustNot(not...)
	return b
}

// alternatives matches any of terms in the fields each may match in, or
// any of others; a term naming a country or an organization also matches
// the articles about it (crosslang.go).
func (tq *textQuery) alternatives(terms []query.Term, others []bquery.Query, neg bool) bquery.Query {
	var ds, plain []bquery.Query
	var words []query.Term
	for _, t := range terms {
		ds = append(ds, tq.termQueries(t)...)
		if plainTerm(t) {
			words = append(words, t)
		}
	}
	var q bquery.Query
	if len(ds) > 0 {
		q = bleve.NewDisjunctionQuery(ds...)
		if !neg && len(words) > 0 && !(len(words) == 1 && !words[0].Phrase && isStopWord(words[0].Text)) {
			if eqs, exps := entityQueries(query.Clause{Alts: words}); len(eqs) > 0 {
				q = bleve.NewDisjunctionQuery(append([]bquery.Query{q}, eqs...)...)
				tq.expanded = append(tq.expanded, exps...)
			}
		}
		plain = append(plain, q)
	}
	if len(others) == 0 {
		return q
	}
	return bleve.NewDisjunctionQuery(append(plain, others...)...)
}

// plainTerm is a word or phrase of every text field, as typed: the forms
// that name entities.
func plainTerm(t query.Term) bool { return t.Field == "" && !t.Prefix && t.Slop == 0 }

// plainWord is a plainTerm of one word.
func plainWord(t query.Term) bool { return plainTerm(t) && !t.Phrase }

// termQueries are the queries of t, one per text field it may match in:
// every field, or the titles only (title:); a phrase in the folded fields
// only, which have positions; a prefix or a proximity there too.
func (tq *textQuery) termQueries(t query.Term) []bquery.Query {
	titleOnly := t.Field == query.FieldTitle
	switch {
	case t.Prefix:
		pq := newPrefixQuery(t.Text, titleOnly)
		tq.prefixes = append(tq.prefixes, pq)
		return []bquery.Query{pq}
	case t.Phrase && t.Slop > 0:
		qs := []bquery.Query{titleNear(t.Text, t.Slop, boostTitle)}
		if !titleOnly {
			qs = append(qs, foldedBodyNear(t.Text, t.Slop, 1))
		}
		return qs
	}
	var ds []bquery.Query
	for _, f := range textFields {
		if titleOnly && !isTitleField(f.name) {
			continue
		}
		if t.Phrase && !f.positions {
			continue
		}
		var fq bquery.Query
		switch {
		case t.Phrase && f.name == index.BodyField(index.Folded):
			fq = foldedBodyPhrase(t.Text, f.boost)
		case t.Phrase:
			pq := bleve.NewMatchPhraseQuery(t.Text)
			pq.SetField(f.name)
			pq.SetBoost(f.boost)
			pq.Analyzer = f.analyzer
			fq = pq
		default:
			mq := bleve.NewMatchQuery(t.Text)
			mq.SetField(f.name)
			mq.SetBoost(f.boost)
			mq.Analyzer = f.analyzer
			// "Turqi-Kazakistan" is two tokens: both must match.
			mq.SetOperator(bquery.MatchQueryOperatorAnd)
			fq = mq
		}
		ds = append(ds, fq)
	}
	return ds
}

func isTitleField(name string) bool {
	if name == index.TitleField(index.Folded) {
		return true
	}
	for _, l := range index.Langs {
		if name == index.TitleField(l) {
			return true
		}
	}
	return false
}

// notQuery matches every article q does not.
func notQuery(q bquery.Query) bquery.Query {
	b := bleve.NewBooleanQuery()
	b.AddMust(bleve.NewMatchAllQuery())
	b.AddMustNot(q)
	return b
}

// filterNodeQuery is a field filter as a query, for one that stays in the
// tree (under NOT, or in an OR with words). Its value is resolved
// (Reading.resolveTree).
func filterNodeQuery(f query.Filter) bquery.Query {
	switch f.Field {
	case query.FieldLang:
		tq := bleve.NewTermQuery(f.Value)
		tq.SetField(index.FieldLang)
		return tq
	case query.FieldCountry, query.FieldOrg, query.FieldPerson:
		tq := bleve.NewTermQuery(index.AboutTerm(facetOfField[f.Field], f.Value))
		tq.SetField(index.FieldAbout)
		return tq
	case query.FieldSource:
		return &sourceQuery{values: []string{f.Value}}
	case query.FieldFrom, query.FieldTo:
		var from, to string
		if f.Field == query.FieldFrom {
			from = clampDate(f.Day).Format(index.DayLayout)
		} else {
			to = clampDate(f.Day).Format(index.DayLayout)
		}
		incl := true
		dq := bleve.NewTermRangeInclusiveQuery(from, to, &incl, &incl)
		dq.SetField(index.FieldDate)
		return dq
	}
	return bleve.NewMatchNoneQuery()
}

// sourceQuery matches the articles whose source is one of values, letter
// case and diacritics aside: the source field's dictionary (a few hundred
// terms) is read for the terms with the same sourceKey.
type sourceQuery struct {
	values []string
}

func (sq *sourceQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	want := map[string]bool{}
	for _, v := range sq.values {
		want[sourceKey(v)] = true
	}
	d, err := r.FieldDict(index.FieldSource)
	if err != nil {
		return nil, err
	}
	var terms []string
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return nil, err
		}
		if e == nil {
			break
		}
		if want[sourceKey(e.Term)] {
			terms = append(terms, e.Term)
		}
	}
	if err := d.Close(); err != nil {
		return nil, err
	}
	if len(terms) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	return searcher.NewMultiTermSearcher(ctx, r, terms, index.FieldSource, 1, opts, false)
}

// titleNear is "text"~slop in the folded title, which keeps every word.
func titleNear(text string, slop int, boost float64) bquery.Query {
	toks := analyze(analyzers.FoldedIndexAnalyzer, text)
	if len(toks) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return &nearQuery{field: index.TitleField(index.Folded), slots: phraseSlots(toks), slop: slop, boost: boost}
}
