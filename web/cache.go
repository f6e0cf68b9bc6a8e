package web

import (
	"context"
	"strings"
	"sync"
	"time"
	"unsafe"

	"kerko/cache"
	"kerko/extract"
	"kerko/index"
	"kerko/search"
)

// DefaultCacheBytes bounds the result cache when Config.CacheBytes is 0
// (kerko serve gives it its share of the memory budget instead). It keeps
// the repeated part of the traffic (popular queries, paging back and forth,
// facet clicks) while the one-off long tail passes through; what an entry
// holds and the hit rates measured are in docs/performance.md.
const DefaultCacheBytes = 32 << 20

// generational is a Searcher that names the index generation it serves.
// Only such a Searcher has its answers cached, since the generation is
// what tells a cached answer from a stale one after a reindex.
type generational interface {
	Generation() string
}

// resultCache holds recent answers of searches, articles and related
// articles, keyed by what was asked and the generation that answered. A
// hit skips the search gate: under load the tail is the wait for a search
// slot, and a hit needs none.
type resultCache struct {
	gens generational
	c    *cache.Cache[cacheKey, any]

	mu   sync.Mutex
	last string // the generation last seen, to drop the previous one's entries
}

// cacheKey says everything that changes an answer. Filter lists keep their
// order: the search sums scores over them in that order, and two orders of
// the same filters are rare enough to cost only a second entry.
type cacheKey struct {
	gen       string
	kind      uint8  // kindSearch, kindArticle, kindRelated
	query     string // the query, or the article's id
	langs     string // filter values joined by \x00
	countries string
	orgs      string
	people    string
	from, to  int64 // Unix seconds; 0 for an open end
	undated   string
	sort      string
	page      int
	size      int
	noFacets  bool
	countOnly bool
	// countryMode is search.CountryAll or "" (any).
	countryMode string

	sources string
	// ui is the interface language of an API answer (its labels); "" for
	// the other kinds.
	ui string
}

const (
	kindSearch uint8 = iota
	kindArticle
	kindRelated
	kindTerms
	kindSearchAPI // a search's API answer, encoded (apiAnswer)
)

func newResultCache(s Searcher, maxBytes int64) *resultCache {
	g, ok := s.(generational)
	if !ok || maxBytes <= 0 {
		return nil
	}
	return &resultCache{gens: g, c: cache.New[cacheKey, any](maxBytes)}
}

// searchKey normalizes req the way index.Search reads it, so requests that
// get the same answer share an entry (no page and page 1, no sort and
// relevance).
func searchKey(req search.Request) cacheKey {
	k := cacheKey{kind: kindSearch, query: req.Query, undated: req.Undated, sort: req.Sort,
		page: req.Page, size: req.Size, noFacets: req.NoFacets, countOnly: req.CountOnly,
		langs:     strings.Join(req.Langs, "\x00"),
		countries: strings.Join(req.Countries, "\x00"),
		orgs:      strings.Join(req.Orgs, "\x00"),
		people:    strings.Join(req.People, "\x00"),
		sources:   strings.Join(req.Sources, "\x00")}
	if k.page <= 0 {
		k.page = 1
	}
	if k.size <= 0 {
		k.size = 10
	}
	if k.sort == "" {
		k.sort = search.SortRelevance
	}
	if req.CountryMode == search.CountryAll {
		k.countryMode = req.CountryMode
	}
	if k.countOnly {
		k.size = 0
	}
	if !req.From.IsZero() {
		k.from = req.From.Unix()
	}
	if !req.To.IsZero() {
		k.to = req.To.Unix()
	}
	return k
}

// do answers key from the cache or with fn. The generation is read before
// and after fn: an answer is kept only if it did not change meanwhile, so
// no entry of a generation holds an older generation's answer (the index
// names a generation only once it serves it, see index.Reload). With no
// generation (the index is closed) nothing is kept.
func (rc *resultCache) do(ctx context.Context, key cacheKey, size func(any) int64, fn func() (any, error)) (any, bool, error) {
	gen := rc.gens.Generation()
	rc.follow(gen)
	key.gen = gen
	return rc.c.Do(ctx, key, func() (any, int64, error) {
		v, err := fn()
		if err != nil || gen == "" || rc.gens.Generation() != gen {
			return v, 0, err
		}
		return v, size(v) + keySize(key), nil
	})
}

// follow drops every entry once a new generation is served: none of them
// can be asked for again, and they would hold memory until evicted.
func (rc *resultCache) follow(gen string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if gen != rc.last {
		if rc.last != "" {
			rc.c.Purge()
		}
		rc.last = gen
	}
}

func (rc *resultCache) stats() cache.Stats { return rc.c.Stats() }

// The sizes below are estimates of the heap a value holds: struct sizes
// plus the bytes of its strings, plus a map or list overhead per element.
// They bound the cache to within a small factor, which is all a bound
// needs.

const entryOverhead = 128 // list element, map slot, entry struct

func keySize(k cacheKey) int64 {
	return int64(unsafe.Sizeof(k)) + int64(len(k.gen)+len(k.query)+len(k.langs)+len(k.countries)+len(k.orgs)+len(k.people)+len(k.sources)+len(k.undated)+len(k.sort)+len(k.countryMode)+len(k.ui)) + entryOverhead
}

func stringsSize(ss []string) int64 {
	n := int64(len(ss)) * 16
	for _, s := range ss {
		n += int64(len(s))
	}
	return n
}

func hitSize(h *search.Hit) int64 {
	return int64(unsafe.Sizeof(*h)) + int64(len(h.ID)+len(h.Title)+len(h.Lang)+len(h.Source)+len(h.TitleHTML)+len(h.Snippet)) +
		stringsSize(h.Countries) + stringsSize(h.Orgs) + peopleSize(h.People)
}

func peopleSize(ps []extract.PersonMention) int64 {
	n := int64(len(ps)) * int64(unsafe.Sizeof(extract.PersonMention{}))
	for _, p := range ps {
		n += int64(len(p.ID) + len(p.Name))
	}
	return n
}

func resultSize(v any) int64 {
	r := v.(*search.Result)
	n := int64(unsafe.Sizeof(*r)) + int64(len(r.Interval)+len(r.DidYouMean))
	for i := range r.Hits {
		n += hitSize(&r.Hits[i])
	}
	for g, vals := range r.Facets {
		n += 64 + int64(len(g))
		for _, fv := range vals {
			n += int64(unsafe.Sizeof(fv)) + int64(len(fv.Value))
		}
	}
	n += int64(len(r.Timeline)) * int64(unsafe.Sizeof(search.Bucket{}))
	for id, name := range r.Names {
		n += 64 + int64(len(id)+len(name))
	}
	for _, x := range r.Expanded {
		n += int64(unsafe.Sizeof(x)) + int64(len(x.Kind)+len(x.ID)+len(x.Word))
	}
	if r.Query != nil {
		// The parsed query: a clause is a few terms, each a few strings.
		n += 256 + int64(len(r.Query.Must)+len(r.Query.Not))*512
	}
	return n
}

func articleSize(v any) int64 {
	a := v.(*index.Article)
	return int64(unsafe.Sizeof(*a)) + int64(len(a.ID)+len(a.Title)+len(a.Body)+len(a.Lang)+len(a.Source)+len(a.URL)+len(a.Hash)) +
		int64(len(a.Countries)+len(a.Orgs))*48 + peopleSize(a.People)
}

func relatedSize(v any) int64 {
	rs := v.([]search.Related)
	n := int64(24)
	for i := range rs {
		n += hitSize(&rs[i].Hit) + stringsSize(rs[i].SharedCountries) + stringsSize(rs[i].SharedOrgs) + peopleSize(rs[i].SharedPeople) + stringsSize(rs[i].SharedTerms)
	}
	return n
}

// cachedSearch answers req from the cache, or runs run and keeps its answer.
// A hit is a shallow copy with its own Took: the hits, facets and timeline
// are shared with every other hit of the entry, and no caller changes them.
func (rc *resultCache) search(ctx context.Context, req search.Request, run func() (*search.Result, error)) (*search.Result, bool, error) {
	start := time.Now()
	v, hit, err := rc.do(ctx, searchKey(req), resultSize, func() (any, error) { return run() })
	if err != nil {
		return nil, false, err
	}
	res := v.(*search.Result)
	if hit {
		cp := *res
		cp.Took = time.Since(start)
		res = &cp
	}
	return res, hit, nil
}

// apiAnswer is a search's API answer as the JSON it is sent as. The API
// keeps these rather than Results: a hit is written as it is, without
// building the answer and encoding it again (a tenth of the server's
// allocations under the bench mix), and bytes cost the collector nothing
// to mark, where a Result is thousands of strings.
type apiAnswer struct {
	json []byte
	// took is where the value of "took_ms" is in json, so that a hit can
	// say how long it took itself.
	tookFrom, tookTo int
}

func apiAnswerSize(v any) int64 {
	return int64(unsafe.Sizeof(apiAnswer{})) + int64(cap(v.(*apiAnswer).json))
}
