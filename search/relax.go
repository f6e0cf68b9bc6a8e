package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"kerko/query"
)

// A query of several remembered words with one the article does not have
// finds nothing. When no article has every word of a query of minRelaxWords
// or more, the search shows the articles that have the most of them
// instead, and says so (Result.Relaxed): the largest k for which some
// article has k of the n words is found by counting, and the results are
// the articles with k of them. Since none has more, they are ranked by how
// many words they have, and among those by relevance.
//
// Relaxing is defined for plain word queries: the text a search matches
// (the reading's tree, its field filters lifted: reading.go) is an AND of
// words, each a word or phrase in any of its forms (title:, prefix*,
// "…"~N) or an OR of such (a OR b counts as one word), beside negations,
// which still exclude, and words some language drops as stop words, which
// still only score. A query with a group (a (b OR c)), an OR that is more
// than words, or a filter left in the tree (a OR country:KZ) is not
// relaxed: which of its parts would count as a word is no longer plain.

// minRelaxWords is the fewest words a query needs to be relaxed: with two,
// one of them is not "most of the words".
const minRelaxWords = 3

// Relaxed says that no article had every word of the query, and how many
// of its words the results have.
type Relaxed struct {
	Matched int // words each result has
	Of      int // words of the query
}

// relaxParts are the parts of a plain word query that relaxing treats
// apart: the words it counts, the stop words that only score, and the
// negations.
type relaxParts struct {
	words, stops, nots []*query.Node
}

// relaxable splits text into its relaxParts; false when text is not a
// plain word query.
func relaxable(text *query.Node) (relaxParts, bool) {
	var rp relaxParts
	if text == nil {
		return rp, false
	}
	kids := []*query.Node{text}
	if text.Op == query.OpAnd {
		kids = text.Kids
	}
	for _, k := range kids {
		switch {
		case k.Op == query.OpNot:
			rp.nots = append(rp.nots, k)
		case k.Op == query.OpTerm && plainWord(k.Term) && isStopWord(k.Term.Text):
			rp.stops = append(rp.stops, k)
		case k.Op == query.OpTerm:
			rp.words = append(rp.words, k)
		case k.Op == query.OpOr && allTerms(k.Kids):
			rp.words = append(rp.words, k)
		default:
			return rp, false
		}
	}
	return rp, true
}

func allTerms(ns []*query.Node) bool {
	for _, n := range ns {
		if n.Op != query.OpTerm {
			return false
		}
	}
	return true
}

// text is the text query of "at least k of the words", with the negations
// and stop words as the whole query runs them (tree.go); each word is
// built as it is there, a name among them also matching the articles about
// what it names.
func (rp relaxParts) text(k int) *textQuery {
	tq := &textQuery{}
	var words, should, not []bquery.Query
	for _, w := range rp.words {
		words = append(words, tq.node(w, false))
	}
	for _, s := range rp.stops {
		should = append(should, tq.node(s, false))
	}
	for _, n := range rp.nots {
		not = append(not, tq.node(n.Kids[0], true))
	}
	some := bleve.NewDisjunctionQuery(words...)
	some.SetMin(float64(k))
	b := bleve.NewBooleanQuery()
	b.AddMust(some)
	b.AddShould(should...)
	b.AddMustNot(not...)
	tq.q = b
	return tq
}

// relax returns p with its text relaxed to the most words of its query
// that some article under p's filters has, and how many; nil when p's
// query is no plain word query, has too few words, or no article has even
// half of them.
func (g *generation) relax(ctx context.Context, p *plan) (*plan, *Relaxed, error) {
	parts, ok := relaxable(p.rd.Text)
	n := len(parts.words)
	if !ok || n < minRelaxWords {
		return nil, nil, nil
	}
	// The count of articles with at least k words falls as k grows: the
	// largest k with any is found by bisection, from half the words up to
	// all but one.
	lo, hi := (n+1)/2, n-1 // the answer, if any, is in [lo, hi]
	best := 0
	for lo <= hi {
		k := (lo + hi) / 2
		total, err := g.countText(ctx, p, parts, k)
		if err != nil {
			return nil, nil, err
		}
		if total > 0 {
			best, lo = k, k+1
		} else {
			hi = k - 1
		}
	}
	if best == 0 {
		return nil, nil, nil
	}
	rp := *p
	rp.text = parts.text(best)
	return &rp, &Relaxed{Matched: best, Of: n}, nil
}

// countText counts the articles with at least k of the words under p's
// filters.
func (g *generation) countText(ctx context.Context, p *plan, parts relaxParts, k int) (uint64, error) {
	sr := bleve.NewSearchRequestOptions(g.withFilters(parts.text(k).q, p.filters, ""), 0, 0, false)
	sr.Score = bleve.ScoreNone
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return 0, fmt.Errorf("articles with %d of the words: %w", k, err)
	}
	return res.Total, nil
}
