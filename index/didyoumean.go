package index

import (
	"context"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/query"
)

// Did-you-mean respells the words of a query that finds little into the
// closest words the index holds more often, by edit distance over the
// folded fields' dictionaries. The folded fields hold every article's words
// unstemmed in every language, so a respelling is a word someone wrote
// (kazakistan, not the stem kazakist), and one lookup covers sq, tr and en.

const (
	// didYouMeanBelow: a query with at least this many hits is taken as
	// meant.
	didYouMeanBelow = 5
	// minRespellRunes: shorter words have too many neighbours to guess from.
	minRespellRunes = 4
	// maxFuzzyCandidates bounds the dictionary terms weighed per word.
	maxFuzzyCandidates = 200
)

// didYouMeanFields are the dictionaries respellings come from.
var didYouMeanFields = []string{bodyField(foldedSuffix), titleField(foldedSuffix)}

// didYouMean returns q respelled when that finds clearly more than total
// hits under the same filters, or "".
func (ix *Index) didYouMean(ctx context.Context, req Request, q *query.Query, total uint64) (string, error) {
	if q.Empty() || total >= didYouMeanBelow {
		return "", nil
	}
	nq := &query.Query{Not: q.Not}
	changed := false
	err := ix.withReader(func(r bindex.IndexReader) error {
		for _, c := range q.Must {
			nc := query.Clause{Alts: append([]query.Term(nil), c.Alts...)}
			for i, t := range nc.Alts {
				if t.Phrase {
					continue
				}
				better, err := respell(r, t.Text)
				if err != nil {
					return err
				}
				if better != "" {
					nc.Alts[i].Text = better
					changed = true
				}
			}
			nq.Must = append(nq.Must, nc)
		}
		return nil
	})
	if err != nil || !changed {
		return "", err
	}
	main, _ := textQuery(nq)
	sr := bleve.NewSearchRequestOptions(withFilters(main, filterQueries(req), ""), 0, 0, false)
	sr.Score = bleve.ScoreNone // only the total is read
	res, err := ix.alias.SearchInContext(ctx, sr)
	if err != nil {
		return "", fmt.Errorf("did you mean %q: %w", nq.String(), err)
	}
	if res.Total <= 2*total {
		return "", nil
	}
	return nq.String(), nil
}

// respell returns the closest term to word that more articles hold than
// hold word itself, or "" when word is as good as any.
func respell(r bindex.IndexReader, word string) (string, error) {
	toks := analyze(analyzers.FoldedAnalyzer, word)
	if len(toks) != 1 {
		return "", nil
	}
	term := string(toks[0].Term)
	n := utf8.RuneCountInString(term)
	if n < minRespellRunes {
		return "", nil
	}
	fuzziness := 1
	if n > 5 {
		fuzziness = 2
	}
	type cand struct {
		term  string
		dist  uint8
		count uint64
	}
	var own uint64
	for _, f := range didYouMeanFields {
		c, err := termCount(r, f, term)
		if err != nil {
			return "", err
		}
		own = max(own, c)
	}
	if own >= didYouMeanBelow {
		// The word alone finds as many articles as a query taken as meant:
		// it is spelled as intended, and the query finds little because of
		// its filters or other words. Only then is the fuzzy walk of the
		// dictionary (most of did-you-mean's cost) skipped.
		return "", nil
	}
	best := map[string]*cand{}
	for _, f := range didYouMeanFields {
		fr, ok := r.(bindex.IndexReaderFuzzy)
		if !ok {
			return "", nil
		}
		d, auto, err := fr.FieldDictFuzzyAutomaton(f, term, fuzziness, "")
		if err != nil {
			return "", fmt.Errorf("fuzzy terms of %q: %w", term, err)
		}
		var terms []string
		for len(terms) < maxFuzzyCandidates {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return "", err
			}
			if e == nil {
				break
			}
			if e.Term != term {
				terms = append(terms, e.Term)
			}
		}
		d.Close()
		for _, t := range terms {
			count, err := termCount(r, f, t)
			if err != nil {
				return "", err
			}
			_, dist := auto.MatchAndDistance(t)
			if b, ok := best[t]; ok {
				b.count = max(b.count, count)
			} else {
				best[t] = &cand{term: t, dist: dist, count: count}
			}
		}
	}
	var cs []*cand
	for _, c := range best {
		// Clearly more common than the word itself, or it is no better.
		if c.count > 2*own {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return "", nil
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		if cs[i].count != cs[j].count {
			return cs[i].count > cs[j].count
		}
		return cs[i].term < cs[j].term
	})
	return cs[0].term, nil
}
