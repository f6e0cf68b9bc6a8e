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

// minRelaxWords is the fewest words a query needs to be relaxed: with two,
// one of them is not "most of the words".
const minRelaxWords = 3

// Relaxed says that no article had every word of the query, and how many
// of its words the results have.
type Relaxed struct {
	Matched int // words each result has
	Of      int // words of the query
}

// relaxedText is the text query that "at least k of the words" of q runs,
// with the parts of q that are not words to count (exclusions, stop words)
// as textQuery runs them; nil when q has fewer than minRelaxWords words.
func relaxedText(q *query.Query, k int) (bquery.Query, int) {
	var words, should []bquery.Query
	for _, c := range q.Must {
		cq := clauseQuery(c)
		if len(c.Alts) == 1 && !c.Alts[0].Phrase && isStopWord(c.Alts[0].Text) {
			should = append(should, cq)
			continue
		}
		if eqs, _ := entityQueries(c); len(eqs) > 0 {
			cq = bleve.NewDisjunctionQuery(append([]bquery.Query{cq}, eqs...)...)
		}
		words = append(words, cq)
	}
	n := len(words)
	if n < minRelaxWords {
		return nil, n
	}
	some := bleve.NewDisjunctionQuery(words...)
	some.SetMin(float64(k))
	b := bleve.NewBooleanQuery()
	b.AddMust(some)
	b.AddShould(should...)
	for _, c := range q.Not {
		b.AddMustNot(clauseQuery(c))
	}
	return b, n
}

// relax returns p with its text relaxed to the most words of its query
// that some article under p's filters has, and how many; nil when p's
// query has too few words or no article has even half of them.
func (g *generation) relax(ctx context.Context, p *plan) (*plan, *Relaxed, error) {
	if p.q.Approx {
		// Its words only approximate what was typed (a formula): counting
		// them would count something the user did not write.
		return nil, nil, nil
	}
	_, n := relaxedText(p.q, 1)
	if n < minRelaxWords {
		return nil, nil, nil
	}
	// The count of articles with at least k words falls as k grows: the
	// largest k with any is found by bisection, from half the words up to
	// all but one.
	lo, hi := (n+1)/2, n-1 // the answer, if any, is in [lo, hi]
	best := 0
	for lo <= hi {
		k := (lo + hi) / 2
		total, err := g.countText(ctx, p, k)
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
	rp.text, _ = relaxedText(p.q, best)
	return &rp, &Relaxed{Matched: best, Of: n}, nil
}

// countText counts the articles with at least k of p's words under p's
// filters.
func (g *generation) countText(ctx context.Context, p *plan, k int) (uint64, error) {
	text, _ := relaxedText(p.q, k)
	sr := bleve.NewSearchRequestOptions(g.withFilters(text, p.filters, ""), 0, 0, false)
	sr.Score = bleve.ScoreNone
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return 0, fmt.Errorf("articles with %d of the words: %w", k, err)
	}
	return res.Total, nil
}
