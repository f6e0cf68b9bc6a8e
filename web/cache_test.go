package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"kerko/index"
	"kerko/internal/fixture/seedindex"
	"kerko/search"
)

// cacheCorpus is a few articles with words to search and filter on.
var cacheCorpus = fstest.MapFS{
	"tr1.txt": {Data: []byte("Ankara zirvesi\nAnkara'da Türkiye ve Almanya dışişleri bakanları bir araya geldi. Görüşmede ticaret ele alındı.")},
	"tr2.txt": {Data: []byte("İstanbul ekonomisi\nİstanbul'da ticaret hacmi arttı; Türkiye ihracatı yükseldi.")},
	"en1.txt": {Data: []byte("Summit in Ankara\nThe foreign ministers of Turkey and Germany met in Ankara to talk about trade.")},
	"en2.txt": {Data: []byte("Trade in Berlin\nGermany and France agreed on trade rules in Berlin on Monday.")},
	"sq1.txt": {Data: []byte("Tregtia në Tiranë\nShqipëria dhe Kosova nënshkruan një marrëveshje tregtie në Tiranë.")},
}

// buildGeneration builds (or rebuilds) dir from fsys: a new generation.
func buildGeneration(t *testing.T, dir string, fsys fstest.MapFS) {
	t.Helper()
	seedindex.Build(t, dir, fsys)
}

// spySearcher counts the searches that reach the index, and fails
// them with err while err is set.
type spySearcher struct {
	*search.Index
	searches, articles, related atomic.Int32
	mu                          sync.Mutex
	err                         error
}

func (s *spySearcher) fail(err error) { s.mu.Lock(); s.err = err; s.mu.Unlock() }

func (s *spySearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	s.searches.Add(1)
	s.mu.Lock()
	err := s.err
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return s.Index.Search(ctx, req)
}

func (s *spySearcher) Article(ctx context.Context, id string) (*index.Article, error) {
	s.articles.Add(1)
	return s.Index.Article(ctx, id)
}

func (s *spySearcher) Related(ctx context.Context, id string, n int) ([]search.Related, error) {
	s.related.Add(1)
	return s.Index.Related(ctx, id, n)
}

// cacheServer serves an index of fsys built in a temp dir, through a
// spySearcher, with a cache of cacheBytes.
func cacheServer(t *testing.T, fsys fstest.MapFS, cacheBytes int64) (*realServer, *spySearcher, string) {
	t.Helper()
	dir := t.TempDir()
	buildGeneration(t, dir, fsys)
	cs := &spySearcher{Index: seedindex.Open(t, dir)}
	return startRealServer(t, Config{Searcher: cs, CacheBytes: cacheBytes}, nil), cs, dir
}

var (
	tookJSON = regexp.MustCompile(`"took_ms":[0-9.e+-]+`)
	tookHTML = regexp.MustCompile(`<span class="took">\([^)]*\)</span>`)
)

// withoutTook removes the time taken from a JSON answer or a page.
func withoutTook(body string) string {
	return tookHTML.ReplaceAllString(tookJSON.ReplaceAllString(body, `"took_ms":0`), "")
}

// fetch GETs path and returns the status, the X-Kerko-Cache header and the
// body without its time taken, which a hit answers with its own.
func fetch(t *testing.T, rs *realServer, path string) (int, string, string) {
	t.Helper()
	resp, body, _ := getTimed(t, rs.URL+path)
	return resp.StatusCode, resp.Header.Get(cacheHeader), withoutTook(body)
}

func TestServer_SearchCache(t *testing.T) {
	rs, cs, _ := cacheServer(t, cacheCorpus, 0)
	// Each row is asked twice in turn: a miss that searches, then a hit
	// with the same answer. Rows differ in one thing each, so a key that
	// missed a field would make a row a hit the first time.
	tests := []struct{ name, path string }{
		{"query", "/api/search?q=trade"},
		{"other query", "/api/search?q=ankara"},
		{"language filter", "/api/search?q=trade&lang=en"},
		{"other language", "/api/search?q=trade&lang=tr"},
		{"two languages", "/api/search?q=trade&lang=en&lang=tr"},
		{"country filter", "/api/search?q=trade&country=DE"},
		{"date range", "/api/search?q=trade&from=2000-01-01&to=2030-12-31"},
		{"undated only", "/api/search?q=trade&undated=only"},
		{"page 2", "/api/search?q=trade&size=1&page=2"},
		{"page 3", "/api/search?q=trade&size=1&page=3"},
		{"size 1", "/api/search?q=trade&size=1"},
		{"newest", "/api/search?q=trade&sort=newest"},
		{"oldest", "/api/search?q=trade&sort=oldest"},
		{"browse", "/api/search"},
		{"search page", "/?q=berlin&lang=en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := cs.searches.Load()
			code1, h1, body1 := fetch(t, rs, tt.path)
			code2, h2, body2 := fetch(t, rs, tt.path)
			if code1 != http.StatusOK || code2 != http.StatusOK {
				t.Fatalf("GET %s = %d, %d; want 200 twice", tt.path, code1, code2)
			}
			if h1 != "miss" || h2 != "hit" {
				t.Errorf("GET %s twice: %s = %q, %q; want miss, hit", tt.path, cacheHeader, h1, h2)
			}
			if got := cs.searches.Load() - before; got != 1 {
				t.Errorf("GET %s twice searched %d times; want 1", tt.path, got)
			}
			if body1 != body2 {
				t.Errorf("GET %s: the cached answer differs:\n%s\nwant\n%s", tt.path, body2, body1)
			}
		})
	}
	// Spellings of the same request share an entry. The page and the API
	// do not: the API keeps its answers encoded (apiAnswer).
	for _, path := range []string{"/api/search?q=trade&page=1", "/api/search?q=trade&sort=relevance", "/api/search?q=trade&size=10"} {
		if _, h, _ := fetch(t, rs, path); h != "hit" {
			t.Errorf("GET %s: %s = %q; want hit (same request as /api/search?q=trade)", path, cacheHeader, h)
		}
	}
}

func TestServer_ArticleCache(t *testing.T) {
	rs, cs, _ := cacheServer(t, cacheCorpus, 0)
	for _, path := range []string{"/api/articles/en1", "/articles/en1"} {
		before, beforeRel := cs.articles.Load(), cs.related.Load()
		code1, h1, body1 := fetch(t, rs, path)
		code2, h2, body2 := fetch(t, rs, path)
		if code1 != http.StatusOK || code2 != http.StatusOK || body1 != body2 {
			t.Errorf("GET %s twice = %d, %d; want 200 and the same answer", path, code1, code2)
		}
		if path == "/api/articles/en1" && (h1 != "miss" || h2 != "hit") {
			t.Errorf("GET %s twice: %s = %q, %q; want miss, hit", path, cacheHeader, h1, h2)
		}
		if a, r := cs.articles.Load()-before, cs.related.Load()-beforeRel; path == "/api/articles/en1" && (a != 1 || r != 1) {
			t.Errorf("GET %s twice read the article %d times and related %d times; want 1 and 1", path, a, r)
		}
		if a := cs.articles.Load() - before; path == "/articles/en1" && a != 0 {
			t.Errorf("GET %s read the article %d times; want 0 (cached by the API request)", path, a)
		}
	}
	// An unknown article is an error: not cached, looked up every time.
	before := cs.articles.Load()
	for range 2 {
		if code, _, _ := fetch(t, rs, "/api/articles/nope"); code != http.StatusNotFound {
			t.Errorf("GET /api/articles/nope = %d; want 404", code)
		}
	}
	if got := cs.articles.Load() - before; got != 2 {
		t.Errorf("two GETs of an unknown article looked it up %d times; want 2", got)
	}
}

// TestServer_CacheReindex checks that a new generation is searched, not
// the answers cached from the previous one.
func TestServer_CacheReindex(t *testing.T) {
	rs, cs, dir := cacheServer(t, cacheCorpus, 0)
	const path = "/api/search?q=zeppelin"
	for range 2 {
		if _, _, body := fetch(t, rs, path); !regexpTotal(body, 0) {
			t.Fatalf("GET %s before the reindex = %s; want no hits", path, body)
		}
	}
	_, h, _ := fetch(t, rs, "/api/articles/en1")
	if h != "hit" && h != "miss" {
		t.Fatalf("article answer has no %s header", cacheHeader)
	}

	more := fstest.MapFS{"en3.txt": {Data: []byte("Zeppelin over Berlin\nA zeppelin flew over Berlin on Sunday.")}}
	for name, f := range cacheCorpus {
		if name != "en1.txt" {
			more[name] = f
		}
	}
	gen := cs.Generation()
	buildGeneration(t, dir, more)
	if changed, err := cs.Reload(); err != nil || !changed {
		t.Fatalf("Reload = %v, %v; want a new generation", changed, err)
	}
	if cs.Generation() == gen {
		t.Fatalf("generation is still %s after a reindex", gen)
	}
	code, h, body := fetch(t, rs, path)
	// The entries of the previous generation are dropped, not left to age.
	if st := cacheStats(t, rs); st.Entries != 1 {
		t.Errorf("cache holds %d entries after the first search of a new generation; want 1", st.Entries)
	}
	if code != http.StatusOK || h != "miss" || !regexpTotal(body, 1) {
		t.Errorf("GET %s after the reindex = %d, %s = %q, %s; want a miss finding the new article", path, code, cacheHeader, h, body)
	}
	if code, _, _ := fetch(t, rs, "/api/articles/en1"); code != http.StatusNotFound {
		t.Errorf("GET /api/articles/en1 after it was removed = %d; want 404, not the cached article", code)
	}
}

func regexpTotal(body string, n int) bool {
	var r struct{ Total *int }
	return json.Unmarshal([]byte(body), &r) == nil && r.Total != nil && *r.Total == n
}

type healthCache struct {
	Hits, Misses uint64
	Entries      int
	Bytes        int64
	MaxBytes     int64 `json:"max_bytes"`
}

func cacheStats(t *testing.T, rs *realServer) *healthCache {
	t.Helper()
	_, body, _ := getTimed(t, rs.URL+"/healthz")
	var h struct{ Cache *healthCache }
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatalf("GET /healthz = %s: %v", body, err)
	}
	return h.Cache
}

func TestServer_CacheBound(t *testing.T) {
	const max = 64 << 10
	rs, _, _ := cacheServer(t, cacheCorpus, max)
	words := []string{"trade", "ankara", "berlin", "germany", "türkiye", "ticaret", "tiranë", "summit", "istanbul", "kosova"}
	n := 0
	for _, w := range words {
		for page := 1; page <= 5; page++ {
			for _, lang := range []string{"", "en", "tr", "sq"} {
				if code, _, _ := fetch(t, rs, fmt.Sprintf("/api/search?q=%s&page=%d&size=1&lang=%s", url.QueryEscape(w), page, lang)); code != http.StatusOK {
					t.Fatalf("search %s: status %d", w, code)
				}
				n++
				if st := cacheStats(t, rs); st.Bytes > max {
					t.Fatalf("after %d searches the cache holds %d bytes; want at most %d", n, st.Bytes, max)
				}
			}
		}
	}
	st := cacheStats(t, rs)
	if st.Entries == 0 || st.Entries >= n || st.Misses != uint64(n) {
		t.Errorf("after %d distinct searches: %+v; want every one a miss, and fewer entries kept than searches", n, *st)
	}
}

func TestServer_CacheErrors(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		wantCode int
	}{
		{"internal error", errors.New("disk on fire"), http.StatusInternalServerError},
		{"timeout", fmt.Errorf("search: %w", context.DeadlineExceeded), http.StatusServiceUnavailable},
		{"bad request", fmt.Errorf("%w: nope", search.ErrBadRequest), http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, cs, _ := cacheServer(t, cacheCorpus, 0)
			const path = "/api/search?q=trade"
			cs.fail(tt.err)
			for range 2 {
				if code, _, _ := fetch(t, rs, path); code != tt.wantCode {
					t.Errorf("GET %s failing = %d; want %d", path, code, tt.wantCode)
				}
			}
			cs.fail(nil)
			code, h, _ := fetch(t, rs, path)
			if code != http.StatusOK || h != "miss" {
				t.Errorf("GET %s after the failures = %d, %s = %q; want 200 from a search", path, code, cacheHeader, h)
			}
			if got := cs.searches.Load(); got != 3 {
				t.Errorf("searched %d times; want 3 (failures are not cached)", got)
			}
			if st := cacheStats(t, rs); st.Entries != 1 {
				t.Errorf("cache holds %d entries; want 1, the answer", st.Entries)
			}
		})
	}
}

func TestServer_CacheOff(t *testing.T) {
	rs, cs, _ := cacheServer(t, cacheCorpus, -1)
	for range 3 {
		if _, h, _ := fetch(t, rs, "/api/search?q=trade"); h != "" {
			t.Errorf("%s = %q with the cache off; want none", cacheHeader, h)
		}
	}
	if got := cs.searches.Load(); got != 3 {
		t.Errorf("3 GETs searched %d times with the cache off; want 3", got)
	}
	if st := cacheStats(t, rs); st != nil {
		t.Errorf("/healthz reports a cache %+v with the cache off", *st)
	}
}

// TestServer_CacheConcurrent sends the same searches from many clients at
// once (run it with -race): all get the same answer, and the index sees
// each distinct search about once.
func TestServer_CacheConcurrent(t *testing.T) {
	rs, cs, _ := cacheServer(t, cacheCorpus, 0)
	paths := []string{"/api/search?q=trade", "/api/search?q=ankara&lang=tr", "/api/search?q=berlin&page=2&size=1", "/?q=trade"}
	want := map[string]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for c := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				p := paths[(c+i)%len(paths)]
				resp, err := timedClient.Get(rs.URL + p)
				if err != nil {
					t.Errorf("GET %s: %v", p, err)
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				body := withoutTook(string(b))
				mu.Lock()
				if w, ok := want[p]; !ok {
					want[p] = body
				} else if w != body {
					t.Errorf("GET %s: answers differ between clients", p)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	// Identical misses at the same moment share one search; a few more
	// can slip in between a search's end and its answer being kept.
	if got := cs.searches.Load(); got > int32(2*len(paths)) {
		t.Errorf("%d requests for %d distinct searches searched %d times; want about %d", 32*20, len(paths), got, len(paths))
	}
}

// TestSearchKey_EveryRequestField guards the cache key against a field
// added to search.Request later: every field must change the key, or a
// cached answer would be served for a request that asks something else.
func TestSearchKey_EveryRequestField(t *testing.T) {
	base := search.Request{Query: "trade"}
	change := map[string]func(*search.Request){
		"Query":     func(r *search.Request) { r.Query = "oil" },
		"Langs":     func(r *search.Request) { r.Langs = []string{"en"} },
		"Countries": func(r *search.Request) { r.Countries = []string{"TR"} },
		"Orgs":      func(r *search.Request) { r.Orgs = []string{"NATO"} },
		"People":    func(r *search.Request) { r.People = []string{"recep-tayyip-erdogan"} },
		"From":      func(r *search.Request) { r.From = time.Date(1987, 1, 1, 0, 0, 0, 0, time.UTC) },
		"To":        func(r *search.Request) { r.To = time.Date(1987, 12, 31, 0, 0, 0, 0, time.UTC) },
		"Undated":   func(r *search.Request) { r.Undated = search.UndatedExclude },
		"Sort":      func(r *search.Request) { r.Sort = search.SortNewest },
		"Page":      func(r *search.Request) { r.Page = 2 },
		"Size":      func(r *search.Request) { r.Size = 20 },
		"NoFacets":  func(r *search.Request) { r.NoFacets = true },
		"CountOnly": func(r *search.Request) { r.CountOnly = true },
		"CountryMode": func(r *search.Request) {
			r.CountryMode = search.CountryAll
		},
		"Sources": func(r *search.Request) { r.Sources = []string{"Anadolu"} },
	}
	typ := reflect.TypeOf(base)
	for i := 0; i < typ.NumField(); i++ {
		name := typ.Field(i).Name
		f, ok := change[name]
		if !ok {
			t.Errorf("search.Request.%s is new: add it to searchKey and to this table", name)
			continue
		}
		r := base
		f(&r)
		if searchKey(r) == searchKey(base) {
			t.Errorf("changing Request.%s leaves the cache key unchanged", name)
		}
	}
}

// TestEncodeAnswer checks that a kept API answer's took_ms is found and
// replaced whole, even when the query itself holds the field's name.
func TestEncodeAnswer(t *testing.T) {
	for _, q := range []string{"trade", `"took_ms":1,`, `x "took_ms":}`} {
		a, err := encodeAnswer(apiSearch{Query: q, Total: 3, TookMS: 12.345, Hits: []apiHit{}})
		if err != nil {
			t.Fatal(err)
		}
		spliced := string(a.json[:a.tookFrom]) + "0.5" + string(a.json[a.tookTo:])
		var got apiSearch
		if err := json.Unmarshal([]byte(spliced), &got); err != nil {
			t.Fatalf("query %q: spliced answer is not JSON: %v\n%s", q, err, spliced)
		}
		if got.TookMS != 0.5 || got.Query != q || got.Total != 3 {
			t.Errorf("query %q: spliced answer reads took %v, query %q, total %d; want 0.5, %q, 3", q, got.TookMS, got.Query, got.Total, q)
		}
	}
}
