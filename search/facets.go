package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/index"
	"kerko/internal/blevex"
)

// Facet counts are the largest part of a search after scoring: Bleve visits
// the doc values of every facet field of every hit, decoding them each time.
// A published generation never changes, so kerko reads every article's facet
// values once into a table of small integers and counts hits against it as
// the searcher delivers them: one array lookup per hit and group.

// facetTable is the facet values of every document of one index snapshot.
type facetTable struct {
	groups []string   // facet groups, in countedGroups order
	values [][]string // per group: value id -> value
	// per group, CSR layout: doc's value ids are ids[g][off[g][doc]:off[g][doc+1]].
	off [][]uint32
	ids [][]uint32
	// single is, for a group where no document has two values (and fewer
	// than 1<<16 values), each document's value id + 1 (0 for none): one
	// read per hit to count.
	single [][]uint16
	// idRank is the rank of each document's id among the ids of all
	// documents (byte order), for sorting; nil if the ids could not be read.
	idRank []uint32
	// dates holds each document's date in Unix nanoseconds, noDate for an
	// undated one; nil when the date doc values could not be read, and
	// then date filters run as Bleve queries.
	dates []int64
	// counts recycles the count arrays of groups of many values (persons:
	// tens of thousands), which every search would otherwise allocate.
	counts []sync.Pool
}

// bigGroup is the number of values from which a group's count arrays are
// recycled.
const bigGroup = 1024

// valueCounts is the number of documents holding each value of group gi.
func (t *facetTable) valueCounts(gi int) map[string]int {
	if gi < 0 || gi >= len(t.ids) {
		return nil
	}
	n := make([]int, len(t.values[gi]))
	for _, id := range t.ids[gi] {
		n[id]++
	}
	out := make(map[string]int, len(n))
	for id, c := range n {
		out[t.values[gi][id]] = c
	}
	return out
}

// newCounts returns a zeroed count array for group gi.
func (t *facetTable) newCounts(gi int) []int {
	n := len(t.values[gi])
	if n >= bigGroup {
		if c, ok := t.counts[gi].Get().(*[]int); ok {
			return *c
		}
	}
	return make([]int, n)
}

// recycle gives back a count array of group gi that nothing reads any more.
func (t *facetTable) recycle(gi int, c []int) {
	if len(c) >= bigGroup {
		clear(c)
		t.counts[gi].Put(&c)
	}
}

// noDate marks an undated document in facetTable.dates; Bleve cannot store
// a date that far out (see clampDate).
const noDate = math.MinInt64

// loadFacetTable reads the facet values of every live document of r.
func loadFacetTable(r bindex.IndexReader) (*facetTable, error) {
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count documents: %w", err)
	}
	fields := make([]string, len(countedGroups))
	group := map[string]int{}
	for i, g := range countedGroups {
		fields[i] = facetField[g]
		group[facetField[g]] = i
	}
	dvr, err := r.DocValueReader(append(fields[:len(fields):len(fields)], index.FieldDate))
	if err != nil {
		return nil, fmt.Errorf("doc values: %w", err)
	}
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("document ids: %w", err)
	}
	defer all.Close()

	// Documents come in internal id order; deleted ones are skipped and get
	// no values.
	type docVals struct {
		num  uint64
		vals [][]uint16
	}
	t := &facetTable{groups: countedGroups, values: make([][]string, len(fields)), counts: make([]sync.Pool, len(fields))}
	valueID := make([]map[string]uint32, len(fields))
	for i := range valueID {
		valueID[i] = map[string]uint32{}
	}
	type docID struct {
		num uint64
		id  string
	}
	var extIDs []docID
	idsOK := true
	perGroup := make([][]struct {
		num uint64
		id  uint32
	}, len(fields))
	type docDate struct {
		num uint64
		ns  int64
	}
	var dates []docDate
	datesOK := true
	maxNum := uint64(0)
	count := uint64(0)
	for {
		id, err := all.Next()
		if err != nil {
			return nil, fmt.Errorf("document ids: %w", err)
		}
		if id == nil {
			break
		}
		num, ok := blevex.DocNum(id)
		if !ok {
			return nil, fmt.Errorf("internal id %x is not a scorch document number", id)
		}
		maxNum = max(maxNum, num)
		count++
		if ext, err := r.ExternalID(id); err == nil {
			extIDs = append(extIDs, docID{num, ext})
		} else {
			idsOK = false
		}
		var failed error
		err = dvr.VisitDocValues(id, func(field string, term []byte) {
			if field == index.FieldDate {
				d, err := time.Parse(dayLayout, string(term))
				if err != nil {
					datesOK = false
					return
				}
				dates = append(dates, docDate{num, clampDate(d).UnixNano()})
				return
			}
			g, ok := group[field]
			if !ok {
				return
			}
			v, ok := valueID[g][string(term)]
			if !ok {
				// Persons are many: tens of thousands of values
				// in a large corpus.
				if len(t.values[g]) >= 1<<31 {
					failed = fmt.Errorf("more than %d values of %s", 1<<31, field)
					return
				}
				v = uint32(len(t.values[g]))
				valueID[g][string(term)] = v
				t.values[g] = append(t.values[g], string(term))
			}
			perGroup[g] = append(perGroup[g], struct {
				num uint64
				id  uint32
			}{num, v})
		})
		if err != nil {
			return nil, fmt.Errorf("doc values of document %d: %w", num, err)
		}
		if failed != nil {
			return nil, failed
		}
	}
	if count != n {
		return nil, fmt.Errorf("%d documents listed, %d counted", count, n)
	}
	if maxNum > 1<<31 {
		return nil, fmt.Errorf("document number %d too large for the table", maxNum)
	}
	size := int(maxNum) + 1
	if count == 0 {
		size = 0
	}
	if idsOK {
		sort.Slice(extIDs, func(i, j int) bool { return extIDs[i].id < extIDs[j].id })
		t.idRank = make([]uint32, size)
		for rank, d := range extIDs {
			t.idRank[d.num] = uint32(rank)
		}
	}
	if datesOK {
		t.dates = make([]int64, size)
		for i := range t.dates {
			t.dates[i] = noDate
		}
		for _, d := range dates {
			t.dates[d.num] = d.ns
		}
	}
	t.off = make([][]uint32, len(fields))
	t.ids = make([][]uint32, len(fields))
	for g, pairs := range perGroup {
		off := make([]uint32, size+1)
		for _, p := range pairs {
			off[p.num+1]++
		}
		for i := 1; i <= size; i++ {
			off[i] += off[i-1]
		}
		ids := make([]uint32, len(pairs))
		fill := append([]uint32(nil), off[:size]...)
		for _, p := range pairs {
			ids[fill[p.num]] = p.id
			fill[p.num]++
		}
		t.off[g], t.ids[g] = off, ids
	}
	t.single = make([][]uint16, len(fields))
	for g := range t.off {
		off, ids := t.off[g], t.ids[g]
		if len(t.values[g]) >= 1<<16-1 {
			continue
		}
		single := make([]uint16, size)
		for num := 0; num < size && single != nil; num++ {
			switch off[num+1] - off[num] {
			case 0:
			case 1:
				single[num] = uint16(ids[off[num]]) + 1
			default:
				single = nil
			}
		}
		t.single[g] = single
	}
	return t, nil
}

// facetCounter counts the facet values of the hits of one search.
type facetCounter struct {
	groups []string // groups to count
	mu     sync.Mutex
	t      *facetTable
	counts [][]int // per group index of t: per value id
	slow   map[string]map[string]int
	// With a table, the searcher only collects document numbers, and
	// results counts them group by group: a tight loop per group over an
	// array is several times cheaper than visiting every group per hit.
	gis     []int      // groups counted for the hits passed on
	hits    []uint32   // the hits passed on
	nearGis []int      // per table filter, the group it drives
	near    [][]uint32 // per table filter, the hits failing it alone
	tallied bool
	// missed are the groups of filters that could not be applied from the
	// table: the caller counts them with searches of their own.
	missed []string
	out    map[string][]FacetValue // results, once made
}

func newFacetCounter(groups []string) *facetCounter {
	return &facetCounter{groups: groups}
}

// results returns the counts of each counted group, most hits first, at
// most facetSize values.
// tally counts the collected hits into c.counts, once.
func (c *facetCounter) tally() {
	if c.tallied || c.t == nil {
		return
	}
	c.tallied = true
	for _, gi := range c.gis {
		c.t.count(gi, c.hits, c.counts[gi])
	}
	for i, gi := range c.nearGis {
		c.t.count(gi, c.near[i], c.counts[gi])
	}
}

// count adds the values of group gi of the documents nums to counts.
func (t *facetTable) count(gi int, nums []uint32, counts []int) {
	if single := t.single[gi]; single != nil {
		for _, num := range nums {
			if v := single[num]; v != 0 {
				counts[v-1]++
			}
		}
		return
	}
	off, ids := t.off[gi], t.ids[gi]
	for _, num := range nums {
		for _, id := range ids[off[num]:off[num+1]] {
			counts[id]++
		}
	}
}

func (c *facetCounter) results() map[string][]FacetValue {
	if c.out != nil {
		return c.out
	}
	c.tally()
	out := map[string][]FacetValue{}
	// Every value a group counted is weighed before the top few are kept:
	// for persons or sources of a broad search that is thousands, so the
	// slice they are weighed in is reused across groups and searches.
	scratch := facetScratch.Get().(*[]FacetValue)
	defer facetScratch.Put(scratch)
	for _, g := range c.groups {
		vals := (*scratch)[:0]
		if c.t != nil {
			gi := groupIndex(g)
			for id, n := range c.counts[gi] {
				if n > 0 {
					vals = append(vals, FacetValue{Value: c.t.values[gi][id], Count: n})
				}
			}
		} else {
			for v, n := range c.slow[g] {
				vals = append(vals, FacetValue{Value: v, Count: n})
			}
		}
		*scratch = vals[:0]
		out[g] = slices.Clone(topValues(vals, facetSize[g]))
		if out[g] == nil {
			out[g] = []FacetValue{}
		}
	}
	if c.t != nil {
		for gi, counts := range c.counts {
			if counts != nil {
				c.t.recycle(gi, counts)
				c.counts[gi] = nil
			}
		}
	}
	c.out = out
	return out
}

var facetScratch = sync.Pool{New: func() any { return new([]FacetValue) }}

func groupIndex(g string) int {
	for i, x := range countedGroups {
		if x == g {
			return i
		}
	}
	return -1
}

// countingQuery is q with its hits counted into c.
//
// It can also apply table filters (filter.keep) itself, so that a search
// filtered by language or date counts those groups' multi-select facets in
// the same pass instead of one more search each: a hit that fails exactly
// one filter is counted in that filter's group only (the group counts as
// if its own filter were off), and is not passed on.
type countingQuery struct {
	g *generation // whose facet table counts
	q bquery.Query
	c *facetCounter
	// filters are applied here; filters[i] drives facet group
	// filterGroups[i], which must be among c's groups.
	filters      []filter
	filterGroups []string
	// sort, if set, is bound to the reader's table, or the search fails
	// with errNoTableSort.
	sort *sortBinding
}

func (cq *countingQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	c := cq.c
	t, haveTable := cq.g.facetTable(r)
	if cq.sort != nil {
		if !haveTable || t.dates == nil || t.idRank == nil {
			return nil, errNoTableSort
		}
		cq.sort.t = t
	}
	var keeps []func(num uint64) bool
	for _, f := range cq.filters {
		var k func(uint64) bool
		if haveTable {
			k = f.keep(t)
		}
		if k == nil {
			keeps = nil
			break
		}
		keeps = append(keeps, k)
	}
	q := cq.q
	groups := c.groups
	if len(keeps) < len(cq.filters) {
		// The table cannot answer a filter: run the filters as queries,
		// and leave their groups' counts to searches of their own.
		qs := []bquery.Query{cq.q}
		for _, f := range cq.filters {
			qs = append(qs, f.q)
		}
		q = bleve.NewConjunctionQuery(qs...)
		groups = nil
		for _, g := range c.groups {
			if !slices.Contains(cq.filterGroups, g) {
				groups = append(groups, g)
			}
		}
	}
	s, err := q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(groups) < len(c.groups) {
		c.missed = append(c.missed, cq.filterGroups...)
		c.groups = groups
	}
	cs := &countingSearcher{hits: s, c: c}
	if haveTable {
		c.t = t
		c.counts = make([][]int, len(t.groups))
		for _, g := range c.groups {
			gi := groupIndex(g)
			c.counts[gi] = t.newCounts(gi)
			c.gis = append(c.gis, gi)
		}
		if len(keeps) > 0 {
			cs.keeps = keeps
			for _, g := range cq.filterGroups {
				c.nearGis = append(c.nearGis, groupIndex(g))
			}
			c.near = make([][]uint32, len(keeps))
		}
		cs.size = uint64(len(t.off[0])) - 1
		return cs.searcher(), nil
	}
	// No table (an index kerko did not build): count from doc values.
	fields := make([]string, len(c.groups))
	for i, g := range c.groups {
		fields[i] = facetField[g]
	}
	dvr, err := r.DocValueReader(fields)
	if err != nil {
		s.Close()
		return nil, err
	}
	c.slow = map[string]map[string]int{}
	for _, g := range c.groups {
		c.slow[g] = map[string]int{}
	}
	cs.dvr = dvr
	cs.fieldGroup = map[string]string{}
	for _, g := range c.groups {
		cs.fieldGroup[facetField[g]] = g
	}
	return cs.searcher(), nil
}

// searcher hands on the hits that pass, counting them.
func (s *countingSearcher) searcher() bsearch.Searcher {
	return &passingSearcher{Searcher: s.hits, pass: s.pass}
}

// countingSearcher counts the facets of its searcher's hits as a
// passingSearcher hands them on (searcher returns it).
type countingSearcher struct {
	hits bsearch.Searcher
	c    *facetCounter
	size uint64 // documents in the table

	keeps []func(num uint64) bool // table filters

	dvr        bindex.DocValueReader // without a table
	fieldGroup map[string]string
}

// pass counts dm's facets and reports whether it passes the table filters.
func (s *countingSearcher) pass(dm *bsearch.DocumentMatch) bool {
	if s.dvr != nil {
		_ = s.dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) {
			if g, ok := s.fieldGroup[field]; ok {
				s.c.slow[g][string(term)]++
			}
		})
		return true
	}
	num, _ := blevex.DocNum(dm.IndexInternalID)
	failed := -1
	for i, k := range s.keeps {
		if !k(num) {
			if failed >= 0 {
				return false
			}
			failed = i
		}
	}
	if num >= s.size {
		// Not in the table (it cannot happen in a read-only generation):
		// filtered as a document without values, and not counted.
		return failed < 0
	}
	if failed >= 0 {
		s.c.near[failed] = append(s.c.near[failed], uint32(num))
		return false
	}
	s.c.hits = append(s.c.hits, uint32(num))
	return true
}

// before orders facet values: most hits first, then by value.
func before(a, b FacetValue) bool {
	if a.Count != b.Count {
		return a.Count > b.Count
	}
	return a.Value < b.Value
}

// topValues returns the n first of vals in facet order, sorted. A group of
// many values (persons: tens of thousands on a broad search) keeps its n
// best in a heap instead of sorting them all.
func topValues(vals []FacetValue, n int) []FacetValue {
	if len(vals) <= 4*n {
		sort.Slice(vals, func(i, j int) bool { return before(vals[i], vals[j]) })
		return vals[:min(n, len(vals))]
	}
	// A min-heap (by facet order, the worst on top) of the best n so far.
	h := slices.Clone(vals[:n])
	down := func(i int) {
		for {
			worst, l, r := i, 2*i+1, 2*i+2
			if l < n && before(h[worst], h[l]) {
				worst = l
			}
			if r < n && before(h[worst], h[r]) {
				worst = r
			}
			if worst == i {
				return
			}
			h[i], h[worst] = h[worst], h[i]
			i = worst
		}
	}
	for i := n/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, v := range vals[n:] {
		if before(v, h[0]) {
			h[0] = v
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return before(h[i], h[j]) })
	return h
}
