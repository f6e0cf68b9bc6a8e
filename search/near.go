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
)

// "a b c"~N finds the words at most N positions further apart than typed.
// Bleve's phrase searcher has the position walk but no way to ask it for
// slop, so kerko runs the words' conjunction with their positions (term
// vectors, which the folded fields keep) and keeps the articles where one
// occurrence of each word lies in place: shifting each word's positions
// back by its place in the phrase, an article matches when some choice of
// one shifted position per word spans at most N (Lucene's sloppy phrase:
// the exact phrase spans 0, one word out of place by one spans 1, two
// words swapped span 2). The smallest span over the words' position lists
// is found in one pass (the smallest range covering k sorted lists).
// Positions a stop word held in the folded body are gaps in the phrase, as
// for exact phrases (foldedBodyPhrase), and as for them each article the
// gapped phrase finds is checked against its stored text (phrasecheck.go).

// nearQuery matches slots (the phrase's terms by position, an empty slot
// for any term) in field with at most slop positions of play.
type nearQuery struct {
	field string
	slots [][]string
	slop  int
	boost float64
}

func (nq *nearQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	opts.IncludeTermVectors = true
	var subs []bsearch.Searcher
	fail := func(err error) (bsearch.Searcher, error) {
		for _, s := range subs {
			s.Close()
		}
		return nil, err
	}
	for _, slot := range nq.slots {
		var s bsearch.Searcher
		var err error
		switch len(slot) {
		case 0:
			continue
		case 1:
			s, err = searcher.NewTermSearcher(ctx, r, slot[0], nq.field, nq.boost, opts)
		default:
			s, err = searcher.NewMultiTermSearcher(ctx, r, slot, nq.field, nq.boost, opts, false)
		}
		if err != nil {
			return fail(err)
		}
		subs = append(subs, s)
	}
	if len(subs) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, subs, opts)
	if err != nil {
		return fail(err)
	}
	return &passingSearcher{Searcher: conj, pass: nq.match}, nil
}

// match reports whether dm, which has every word, has them near enough.
func (nq *nearQuery) match(dm *bsearch.DocumentMatch) bool {
	defer func() { dm.FieldTermLocations = dm.FieldTermLocations[:0] }()
	var lists [][]int // per word slot: its positions shifted back by its place
	var places []int
	for place, slot := range nq.slots {
		if len(slot) == 0 {
			continue
		}
		var rel []int
		for _, ftl := range dm.FieldTermLocations {
			if ftl.Field == nq.field && slices.Contains(slot, ftl.Term) {
				rel = append(rel, int(ftl.Location.Pos)-place)
			}
		}
		if len(rel) == 0 {
			return false
		}
		slices.Sort(rel)
		lists = append(lists, slices.Compact(rel))
		places = append(places, place)
	}
	return spansWithin(lists, places, nq.slop)
}

// spansWithin reports whether one value of each sorted list can be picked
// so that they span at most slop, picking distinct positions (value +
// place) where the phrase repeats a word.
func spansWithin(lists [][]int, places []int, slop int) bool {
	at := make([]int, len(lists))
	for {
		lo, hi, low := 0, 0, 0
		for i, l := range lists {
			v := l[at[i]]
			if i == 0 || v < lo {
				lo, low = v, i
			}
			if i == 0 || v > hi {
				hi = v
			}
		}
		if hi-lo <= slop && distinctPositions(lists, at, places) {
			return true
		}
		// The lowest can only be part of a narrower span with a larger
		// value of its own list.
		at[low]++
		if at[low] == len(lists[low]) {
			return false
		}
	}
}

func distinctPositions(lists [][]int, at, places []int) bool {
	for i := range lists {
		for j := i + 1; j < len(lists); j++ {
			if lists[i][at[i]]+places[i] == lists[j][at[j]]+places[j] {
				return false
			}
		}
	}
	return true
}

// foldedBodyNear is "text"~slop in the folded body: like foldedBodyPhrase,
// a variant per language whose stop words the phrase holds (with gaps
// where they were), and the phrase as written for the other articles.
func foldedBodyNear(text string, slop int, boost float64) bquery.Query {
	field := index.BodyField(index.Folded)
	plain := analyze(analyzers.FoldedIndexAnalyzer, text)
	if len(plain) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	var variants, gapped []bquery.Query
	for _, lang := range index.Langs {
		toks := analyze(analyzers.FoldedIndexForLang(lang), text)
		if len(toks) == len(plain) {
			continue
		}
		lt := bleve.NewTermQuery(lang)
		lt.SetField(index.FieldLang)
		gapped = append(gapped, lt)
		if len(toks) == 0 {
			continue
		}
		b := bleve.NewBooleanQuery()
		// A gap matches any word: the body is read to see the stop words
		// stand where the phrase has them (phrasecheck.go).
		b.AddMust(&checkedPhrase{q: &nearQuery{field: field, slots: phraseSlots(toks), slop: slop, boost: boost}, text: text, slop: slop})
		b.AddFilter(lt)
		variants = append(variants, b)
	}
	nq := &nearQuery{field: field, slots: phraseSlots(plain), slop: slop, boost: boost}
	if len(gapped) == 0 {
		return nq
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(nq)
	b.AddMustNot(gapped...)
	return bleve.NewDisjunctionQuery(append(variants, b)...)
}
