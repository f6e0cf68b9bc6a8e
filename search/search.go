package search

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/sync/errgroup"

	"kerko/analyzers"
	"kerko/cache"
	"kerko/extract"
	"kerko/highlight"
	"kerko/index"
	"kerko/query"
)

// Sort orders.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Facet group names, as the API names them.
const (
	FacetLang    = "lang"
	FacetCountry = "country"
	FacetOrg     = "org"
	FacetPerson  = "person"
	FacetYear    = "year"
	FacetSource  = "source"
)

// FacetGroups lists the facet groups in display order.
var FacetGroups = []string{FacetLang, FacetCountry, FacetOrg, FacetPerson, FacetYear,
	FacetSource,
}

// facetField maps a facet group to its keyword field.
var facetField = map[string]string{
	FacetLang:     index.FieldLang,
	FacetCountry:  index.FieldCountry,
	FacetOrg:      index.FieldOrg,
	FacetPerson:   index.FieldPerson,
	FacetYear:     index.FieldYear,
	timelineFacet: index.FieldMonth,
	FacetSource:   index.FieldSource,
}

// countedGroups are the groups the facet table holds: the facet groups plus
// the timeline's months.
var countedGroups = append(FacetGroups[:len(FacetGroups):len(FacetGroups)], timelineFacet)

// groupOf names the facet group that filter f drives.
func groupOf(f string) string {
	if f == dateGroup {
		return timelineFacet
	}
	return f
}

// filterOf names the filter that narrows group g ("" for none).
func filterOf(g string) string {
	if g == timelineFacet {
		return dateGroup
	}
	return g
}

// facetSize is how many values each group returns; large enough to hold every
// value a group can have, so counts are exact and "more" can show them all.
// Persons are the exception: a corpus names tens of thousands, and a
// group shows the most named.
var facetSize = map[string]int{FacetLang: 8, FacetCountry: 300, FacetOrg: 100, FacetPerson: 100, FacetYear: 300, timelineFacet: monthFacetSize,
	FacetSource: 200,
}

// Request is one search. Zero values mean "no filter"; filters in one group
// are ORed, groups are ANDed.
type Request struct {
	Query     string
	Langs     []string
	Countries []string
	Orgs      []string
	People    []string  // person ids (extract.PersonMention.ID)
	From, To  time.Time // inclusive days; zero = open
	Undated   string    // UndatedDefault, UndatedInclude, UndatedExclude or UndatedOnly
	Sort      string    // SortRelevance (default), SortNewest, SortOldest
	Page      int       // from 1 (default 1)
	Size      int       // hits per page (default 10)
	NoFacets  bool
	// CountOnly asks for the total, the facets and the timeline without
	// any hit (Size is then ignored): what a count or a chart needs.
	CountOnly bool
	// CountryMode is CountryAny (the default: an article about any of
	// Countries) or CountryAll (about every one of them).
	CountryMode string

	// Sources are matched as written, letter case and diacritics aside.
	Sources []string
}

// Country modes of a Request.
const (
	CountryAny = "any"
	CountryAll = "all"
)

// Hit is one result.
type Hit struct {
	ID        string
	Title     string
	Lang      string
	Date      time.Time // zero when undated
	Countries []string
	Orgs      []string
	// People are the persons the article names, most named first, with
	// the name the article writes.
	People []extract.PersonMention
	Source string
	Score  float64
	// TitleHTML and Snippet are HTML: the article text escaped, with the
	// matched words in <mark>.
	TitleHTML string
	Snippet   string
}

// Filter returns the values of the filter on facet group g.
func (r *Request) Filter(g string) []string {
	switch g {
	case FacetLang:
		return r.Langs
	case FacetCountry:
		return r.Countries
	case FacetOrg:
		return r.Orgs
	case FacetPerson:
		return r.People
	case FacetSource:
		return r.Sources
	}
	return nil
}

// SetFilter sets the values of the filter on facet group g.
func (r *Request) SetFilter(g string, vals []string) {
	switch g {
	case FacetLang:
		r.Langs = vals
	case FacetCountry:
		r.Countries = vals
	case FacetOrg:
		r.Orgs = vals
	case FacetPerson:
		r.People = vals
	case FacetSource:
		r.Sources = vals
	}
}

// FacetValue is one value of a facet group with the number of hits it has.
type FacetValue struct {
	Value string
	Count int
}

// Result is a page of hits with the facet counts of all hits.
type Result struct {
	Query  *query.Query
	Total  uint64
	Took   time.Duration
	Hits   []Hit
	Facets map[string][]FacetValue
	// Timeline counts the dated hits per Interval ("month" or "year"), and
	// Undated the hits without a date, both ignoring the date range and
	// the undated option (see histogram.go). Empty with NoFacets.
	Timeline []Bucket
	Interval string
	Undated  int
	// Zoomed is set when the timeline shows the months of the chosen
	// years only, because all of them would be too many.
	Zoomed bool
	// Expanded lists the countries, organizations and persons named in
	// the query that also matched articles about them in every language.
	Expanded []Expansion
	// Names are the names shown for the person ids of the result: those
	// in Facets, in the request's filter and in Expanded (the name the
	// generation's articles write most, Index.PersonName).
	Names map[string]string
	// DidYouMean is a respelled query with more hits, or "".
	DidYouMean string
	// Relaxed is set when no article had every word of the query and the
	// hits are those with the most of them (relax.go).
	Relaxed *Relaxed
	// Reading is how the query was read (reading.go); Notes are its
	// notes and what running it added (a prefix cut short).
	Reading *Reading
	Notes   []Note
}

// ErrBadRequest wraps errors in a Request (an unknown sort order...).
var ErrBadRequest = errors.New("bad request")

// Field boosts: a match in the article's own language field (exact or
// stemmed) adds to the folded match, so it ranks above a folded-only one;
// titles weigh more than bodies.
const (
	boostLang  = 1.5
	boostTitle = 2.0
)

// A search is a short pipeline: the request is walked once into a plan
// (parse, text query and expansions, filters, how facets are counted and hits
// sorted), the plan is executed (the main search and the facet counts beside
// it), and the result is assembled: facets and timeline, hits with their
// marked titles and snippets, and a respelling when it finds little.

// search runs req on g.
func (g *generation) search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	ctx = withGeneration(ctx, g)
	p, err := newPlan(req)
	if err != nil {
		return nil, err
	}
	ex, err := g.execute(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	asked := p // did-you-mean respells what was asked
	var relaxed *Relaxed
	if ex.res.Total == 0 {
		// No article has every word: those with the most of them (relax.go).
		rp, r, err := g.relax(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
		if rp != nil {
			if ex, err = g.execute(ctx, rp); err != nil {
				return nil, fmt.Errorf("search %q: %w", req.Query, err)
			}
			p, relaxed = rp, r
		}
	}
	out := &Result{Query: p.q, Total: ex.res.Total, Facets: map[string][]FacetValue{}, Expanded: p.text.expanded, Timeline: []Bucket{},
		Reading: p.rd, Notes: p.notes(), Relaxed: relaxed}
	if !req.NoFacets {
		p.facets(out, ex)
	}
	if err := g.names(req, out); err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	if err := g.hits(ctx, p, ex.res, out); err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	total := ex.res.Total
	if relaxed != nil {
		total = 0
	}
	if out.DidYouMean, err = g.didYouMean(ctx, asked, total); err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	out.Took = time.Since(start)
	return out, nil
}

// plan is a search decided before anything runs.
type plan struct {
	req     Request
	rd      *Reading
	q       *query.Query
	text    *textQuery // the text tree as one Bleve query (tree.go)
	filters map[string]filter
	byDate  bool // sorted by date (desc: newest first) rather than score
	desc    bool

	// How facets are counted (none with NoFacets): the main search counts
	// groups while the table filters (tableFilters, driving tableGroups)
	// are applied in the same pass; each query filter's group is counted
	// by a search of its own (separate), since its multi-select counts
	// ignore that filter.
	tableFilters []filter
	tableGroups  []string
	queryFilters map[string]filter
	separate     []string
	groups       []string
}

func newPlan(req Request) (*plan, error) {
	if req.Page <= 0 {
		req.Page = 1
	}
	switch {
	case req.CountOnly:
		req.Size = 0
	case req.Size <= 0:
		req.Size = 10
	}
	if err := validUndated(req.Undated); err != nil {
		return nil, err
	}
	if err := validCountryMode(req.CountryMode); err != nil {
		return nil, err
	}
	rd := Read(req)
	p := &plan{req: req, rd: rd, q: rd.Query, filters: filterQueries(req, rd), text: buildText(rd.Text), desc: true}
	switch req.Sort {
	case "", SortRelevance:
		// Browsing without words or entity filters has no relevance to rank
		// by: newest first. With a country or organization filter, relevance
		// is how much each article is about it (index.FieldAbout).
		p.byDate = !rd.Rankable()
	case SortNewest:
		p.byDate = true
	case SortOldest:
		p.byDate, p.desc = true, false
	default:
		return nil, fmt.Errorf("%w: unknown sort %q (want relevance, newest or oldest)", ErrBadRequest, req.Sort)
	}
	if req.NoFacets {
		return p, nil
	}
	p.queryFilters = map[string]filter{}
	for _, f := range slices.Sorted(maps.Keys(p.filters)) {
		switch {
		case p.filters[f].keep != nil:
			p.tableFilters = append(p.tableFilters, p.filters[f])
			p.tableGroups = append(p.tableGroups, groupOf(f))
		case narrowing(req, f):
			p.queryFilters[f] = p.filters[f]
		default:
			p.queryFilters[f] = p.filters[f]
			p.separate = append(p.separate, f)
		}
	}
	for _, grp := range countedGroups {
		if _, active := p.queryFilters[filterOf(grp)]; !active || narrowing(req, filterOf(grp)) {
			p.groups = append(p.groups, grp)
		}
	}
	return p, nil
}

// notes are the reading's notes and those of running the plan.
func (p *plan) notes() []Note {
	return append(slices.Clone(p.rd.Notes), p.text.notes()...)
}

// executed is what running a plan gave.
type executed struct {
	res     *bleve.SearchResult
	counter *facetCounter // nil with NoFacets
	// disjoints are the counts of the groups counted by searches of
	// their own.
	disjoints map[string][]FacetValue
}

// execute runs the plan's main search and, beside it, the facet counts that
// need searches of their own; the first to fail cancels the others.
func (g *generation) execute(ctx context.Context, p *plan) (*executed, error) {
	ex := &executed{disjoints: map[string][]FacetValue{}}
	// Facets are counted as the hits stream by (facets.go), not by Bleve.
	top := g.withFilters(p.text.q, p.filters, "")
	var cq *countingQuery
	if !p.req.NoFacets {
		ex.counter = newFacetCounter(p.groups)
		cq = &countingQuery{g: g, q: g.withFilters(p.text.q, p.queryFilters, ""), c: ex.counter, filters: p.tableFilters, filterGroups: p.tableGroups}
		top = cq
	}
	sr := bleve.NewSearchRequestOptions(top, p.req.Size, (p.req.Page-1)*p.req.Size, false)
	sr.Fields = []string{index.FieldRecord, index.FieldBody}
	switch {
	case p.req.CountOnly:
		// Counted, not ranked: no hit is returned.
		sr.Score = bleve.ScoreNone
	case p.byDate && cq != nil:
		// Sorted from the facet table (sort.go) when it can.
		cq.sort = &sortBinding{}
		sr.SortByCustom(tableDateSort(p.desc, cq.sort))
	case p.byDate:
		sr.SortByCustom(dateSort(p.desc))
	}

	var mu sync.Mutex
	eg, ectx := errgroup.WithContext(ctx)
	countApart := func(f string) {
		eg.Go(func() error {
			return safely("count facets apart", func() error {
				grp := groupOf(f)
				c := newFacetCounter([]string{grp})
				fr := bleve.NewSearchRequestOptions(&countingQuery{g: g, q: g.withFilters(p.text.q, p.filters, f), c: c}, 0, 0, false)
				// Only counted: scoring every hit would be wasted.
				fr.Score = bleve.ScoreNone
				if _, err := g.idx.SearchInContext(ectx, fr); err != nil {
					return fmt.Errorf("facets: %w", err)
				}
				counts := c.results()[grp]
				mu.Lock()
				ex.disjoints[grp] = counts
				mu.Unlock()
				return nil
			})
		})
	}
	for _, f := range p.separate {
		countApart(f)
	}
	res, err := g.idx.SearchInContext(ectx, sr)
	if errors.Is(err, errNoTableSort) {
		// Failed before counting anything: sort with Bleve instead.
		cq.sort = nil
		sr.SortByCustom(dateSort(p.desc))
		res, err = g.idx.SearchInContext(ectx, sr)
	}
	if err == nil && ex.counter != nil {
		// Filters the facet table could not answer (no table, or no
		// dates in it) were run as queries: count their groups apart.
		for _, grp := range ex.counter.missed {
			countApart(filterOf(grp))
		}
	}
	// A sibling's failure is why the main search was cancelled, if it was.
	if werr := eg.Wait(); werr != nil && (err == nil || ctx.Err() == nil && errors.Is(err, context.Canceled)) {
		err = werr
	}
	if err != nil {
		return nil, err
	}
	ex.res = res
	return ex, nil
}

// facets fills in out's facet groups and timeline from what ex counted.
func (p *plan) facets(out *Result, ex *executed) {
	counted := ex.counter.results()
	months, ok := ex.disjoints[timelineFacet]
	if !ok {
		months = counted[timelineFacet]
	}
	out.Timeline, out.Interval, out.Undated, out.Zoomed = timeline(months, p.req.From, p.req.To)
	for _, grp := range FacetGroups {
		if v, ok := ex.disjoints[grp]; ok {
			out.Facets[grp] = v
		} else {
			out.Facets[grp] = counted[grp]
		}
	}
	sort.SliceStable(out.Facets[FacetYear], func(i, j int) bool {
		return out.Facets[FacetYear][i].Value > out.Facets[FacetYear][j].Value
	})
}

// hits reads the page's hits into out, their titles and snippets marked
// with the query's words and the names of the entities it was expanded to.
func (g *generation) hits(ctx context.Context, p *plan, res *bleve.SearchResult, out *Result) error {
	hl := highlight.New(p.text.marked(p.q))
	for _, h := range res.Hits {
		hit, err := hitFromFields(h.ID, h.Fields)
		if err != nil {
			return err
		}
		hit.Score = h.Score
		stored, _ := h.Fields[index.FieldBody].(string)
		body, err := g.body(ctx, h.ID, stored)
		if err != nil {
			return fmt.Errorf("hit %q: %w", h.ID, err)
		}
		hit.TitleHTML = hl.Title(hit.Title, hit.Lang)
		hit.Snippet = hl.Snippet(body, hit.Lang)
		out.Hits = append(out.Hits, hit)
	}
	return nil
}

func dateSort(desc bool) bsearch.SortOrder {
	return bsearch.SortOrder{
		&bsearch.SortField{Field: index.FieldDate, Desc: desc, Type: bsearch.SortFieldAsString, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortScore{Desc: true},
		&bsearch.SortDocID{},
	}
}

type textField struct {
	name      string
	boost     float64
	positions bool   // indexed with term vectors, so phrases can match
	analyzer  string // of the query's words; "" for the field's own
}

// textFields are the analyzed fields a clause is searched in. Phrases match
// only in the folded fields: an exact phrase means the words as written
// (diacritics and case aside), and positions in the stemmed language fields
// too would make the index a fifth larger (see mapping.go).
var textFields = func() []textField {
	var fs []textField
	for _, l := range index.Langs {
		fs = append(fs, textField{index.TitleField(l), boostLang * boostTitle, false, ""}, textField{index.BodyField(l), boostLang, false, ""})
	}
	// The folded body has an analyzer per language (mapping.go): words
	// are looked up as FoldedAnalyzer makes them, so a stop word of one
	// language still finds the articles of another that use it.
	return append(fs, textField{index.TitleField(index.Folded), boostTitle, true, analyzers.FoldedAnalyzer},
		textField{index.BodyField(index.Folded), 1, true, analyzers.FoldedAnalyzer})
}()

// foldedBodyPhrase matches a phrase in the folded body, where each article
// lacks its own language's stop words (mapping.go). Analyzed for a language
// whose stop words it contains, the phrase has gaps where they were, and
// matches that language's articles only; the phrase as written matches the
// others; each article the gapped phrase finds is checked against its
// stored text (phrasecheck.go), since a gap would match any word. A phrase
// with no stop word of any language is one query, as it was before stop
// words were dropped.
func foldedBodyPhrase(text string, boost float64) bquery.Query {
	field := index.BodyField(index.Folded)
	plain := analyze(analyzers.FoldedIndexAnalyzer, text)
	var variants []bquery.Query
	var gapped []bquery.Query // the languages whose phrase has gaps
	for _, lang := range index.Langs {
		toks := analyze(analyzers.FoldedIndexForLang(lang), text)
		if len(toks) == len(plain) {
			continue // a stop filter only drops tokens
		}
		lt := bleve.NewTermQuery(lang)
		lt.SetField(index.FieldLang)
		gapped = append(gapped, lt)
		if len(toks) == 0 {
			continue // only stop words: no body of lang can match
		}
		pq := bquery.NewMultiPhraseQuery(phraseSlots(toks), field)
		pq.SetBoost(boost)
		b := bleve.NewBooleanQuery()
		b.AddMust(&checkedPhrase{q: pq, text: text}) // phrasecheck.go
		b.AddFilter(lt)
		variants = append(variants, b)
	}
	pq := bleve.NewMatchPhraseQuery(text)
	pq.SetField(field)
	pq.SetBoost(boost)
	pq.Analyzer = analyzers.FoldedIndexAnalyzer
	if len(gapped) == 0 {
		return pq
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(pq)
	b.AddMustNot(gapped...)
	return bleve.NewDisjunctionQuery(append(variants, b)...)
}

// phraseSlots is a phrase's terms by position, with an empty slot (any term)
// for each position a stop word held, as Bleve's match phrase query makes it.
func phraseSlots(toks analysis.TokenStream) [][]string {
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	slots := make([][]string, last-first+1)
	for _, t := range toks {
		slots[t.Position-first] = append(slots[t.Position-first], string(t.Term))
	}
	return slots
}

// stopWords remembers isStopWord's answers, a pure function of the word. It
// runs four analyzers per word, and related articles ask it for every
// distinct word of an article (hundreds per page view) out of a vocabulary
// that repeats from article to article.
var stopWords = cache.NewMemo(4<<20, func(w string, _ bool) int64 { return int64(len(w)) })

// SetStopWordBytes bounds the process-wide memo of stop words.
func SetStopWordBytes(n int64) { stopWords.SetMax(n) }

// isStopWord reports whether any language's analyzer drops word entirely.
func isStopWord(word string) bool {
	if stop, ok := stopWords.Get(word); ok {
		return stop
	}
	stop := analyzedStopWord(word)
	stopWords.Put(strings.Clone(word), stop)
	return stop
}

func analyzedStopWord(word string) bool {
	if len(analyze(analyzers.FoldedAnalyzer, word)) == 0 {
		return false
	}
	for _, l := range index.Langs {
		if len(analyze(analyzers.ForLang(l), word)) == 0 {
			return true
		}
	}
	return false
}

// filterQueries builds one filter per active filter group of req as rd
// read it (dateGroup for the date range and the undated option).
func filterQueries(req Request, rd *Reading) map[string]filter {
	fs := map[string]filter{}
	terms := func(group, field string, values []string) bquery.Query {
		if len(values) == 0 {
			return nil
		}
		var ds []bquery.Query
		for _, v := range values {
			if field == index.FieldAbout {
				v = index.AboutTerm(group, v)
			}
			tq := bleve.NewTermQuery(v)
			tq.SetField(field)
			ds = append(ds, tq)
		}
		return bleve.NewDisjunctionQuery(ds...)
	}
	if q := terms(FacetLang, index.FieldLang, rd.Langs); q != nil {
		fs[FacetLang] = filter{q: q, keep: langKeep(rd.Langs)}
	}
	// Entity filters match the mention-weighted field: same articles as the
	// facet field, but those about the entity score higher. Every set must
	// match (country:KZ country:KG is about both).
	allSets := func(group string, sets [][]string) bquery.Query {
		var qs []bquery.Query
		for _, s := range sets {
			qs = append(qs, terms(group, index.FieldAbout, s))
		}
		switch len(qs) {
		case 0:
			return nil
		case 1:
			return qs[0]
		}
		return bleve.NewConjunctionQuery(qs...)
	}
	if q := allSets(FacetCountry, rd.Countries); q != nil {
		fs[FacetCountry] = filter{q: q}
	}
	if q := allSets(FacetOrg, rd.Orgs); q != nil {
		fs[FacetOrg] = filter{q: q}
	}
	if q := allSets(FacetPerson, rd.People); q != nil {
		fs[FacetPerson] = filter{q: q}
	}
	if len(rd.Sources) > 0 {
		fs[FacetSource] = filter{q: &sourceQuery{values: rd.Sources}, keep: sourceKeep(rd.Sources)}
	}
	dated := req
	dated.From, dated.To = rd.From, rd.To
	if dq := dateFilter(dated); dq != nil {
		fs[dateGroup] = filter{q: dq, keep: dateKeep(dated)}
	}
	return fs
}

// narrowing reports whether filter f of req narrows its own facet group:
// with CountryAll each country chosen is one more condition, so the
// country group is counted over the hits as they are (a value's count is
// what the hits would be with it chosen too), not as a multi-select group
// that ignores its own filter.
func narrowing(req Request, f string) bool {
	return f == FacetCountry && req.CountryMode == CountryAll
}

// validCountryMode checks a Request's CountryMode.
func validCountryMode(m string) error {
	switch m {
	case "", CountryAny, CountryAll:
		return nil
	}
	return fmt.Errorf("%w: unknown country mode %q (want any or all)", ErrBadRequest, m)
}

// Bleve keeps dates as int64 nanoseconds and fails a search whose range
// ends outside 1677-09-21..2262-04-11 ("invalid/unsupported date range"),
// which made to=0001-10-01 a 500. No article can be dated out there, so a
// bound beyond is moved to the edge: it excludes what it would have.
var (
	minDate = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

func clampDate(t time.Time) time.Time {
	switch {
	case t.IsZero():
		return t
	case t.Before(minDate):
		return minDate
	case t.After(maxDate):
		return maxDate
	}
	return t
}

func facetValues(fr *bsearch.FacetResult) []FacetValue {
	if fr == nil || fr.Terms == nil {
		return []FacetValue{}
	}
	var out []FacetValue
	for _, t := range fr.Terms.Terms() {
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

func hitFromFields(id string, f map[string]any) (Hit, error) {
	rec, _ := f[index.FieldRecord].(string)
	a, err := index.ReadRecord(id, rec)
	if err != nil {
		return Hit{}, fmt.Errorf("article %q: %w", id, err)
	}
	return hitOf(a), nil
}

// hitOf is the hit of an article read from its record.
func hitOf(a *index.Article) Hit {
	// The facet fields are not stored: the mention counts list the same
	// ids, most named first.
	return Hit{ID: a.ID, Title: a.Title, Lang: a.Lang, Source: a.Source, Date: a.Date,
		Countries: a.CountryCodes(), Orgs: a.OrgIDs(), People: orEmpty(a.People)} // never nil: results show []
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ErrNotFound is returned for an unknown article id.
var ErrNotFound = errors.New("article not found")

// article returns the stored article with id.
func (g *generation) article(ctx context.Context, id string) (*index.Article, error) {
	sr := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{id}))
	sr.Fields = []string{index.FieldRecord, index.FieldBody}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("load article %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	f := res.Hits[0].Fields
	rec, _ := f[index.FieldRecord].(string)
	a, err := index.ReadRecord(id, rec)
	if err != nil {
		return nil, fmt.Errorf("load article %q: %w", id, err)
	}
	stored, _ := f[index.FieldBody].(string)
	if a.Body, err = g.dec.Decode(stored); err != nil {
		return nil, fmt.Errorf("load article %q: %w", id, err)
	}
	return a, nil
}
