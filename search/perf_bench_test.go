package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kerko/corpus"
	"kerko/index"
	"kerko/internal/benchcorpus"
)

// benchQueries are the peer comparison's queries (queries-real.txt), so a
// benchmark's figures line up with the comparison table.
var benchQueries = []string{
	"oil", "trade", "ekonomi", "qeveria", "chernobyl", "fındık", "tërmeti",
	"oil prices", "kurti osmani", `"central bank"`, `"merkez bankası"`,
	"Türkiye'nin", "ekonomisi", "qeverise", "Kosova", "Turkey",
}

// readArticles feeds a build from memory, so benchmarks time indexing and
// not the disk.
func readArticles(docs []*corpus.Article) index.ReadFunc {
	return func(ctx context.Context, r *corpus.Reader) error {
		for _, d := range docs {
			c := *d
			if err := r.Emit(&c); err != nil {
				return err
			}
		}
		return nil
	}
}

var (
	benchIndexOnce sync.Once
	benchIndexDir  string
	benchIndexErr  error
)

// benchIndex returns an index of the whole shared corpus. It is built once
// and kept in the temp dir under the mapping version, so repeated benchmark
// runs (for benchstat) do not rebuild it.
func benchIndex(b *testing.B) *Index {
	b.Helper()
	docs := benchcorpus.Articles(b)
	benchIndexOnce.Do(func() {
		name := strings.NewReplacer("/", "-", ":", "-").Replace(index.MappingVersion())
		benchIndexDir = filepath.Join(os.TempDir(), fmt.Sprintf("kerko-bench-%s-%d", name, len(docs)))
		if index.ReadState(benchIndexDir).Kind == index.StatePublished {
			return
		}
		_, benchIndexErr = index.Build(context.Background(), benchIndexDir, readArticles(docs), index.BuildOptions{Full: true})
	})
	if benchIndexErr != nil {
		b.Fatalf("build benchmark index: %v", benchIndexErr)
	}
	ix, err := Open(benchIndexDir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkSearch times one search per peer query on the whole corpus:
// top 10 with snippets, exact total and the facet groups, as the API runs it.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	for _, facets := range []bool{true, false} {
		for _, q := range benchQueries {
			name := fmt.Sprintf("facets=%v/q=%s", facets, strings.ReplaceAll(q, " ", "_"))
			b.Run(name, func(b *testing.B) {
				req := Request{Query: q, NoFacets: !facets}
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if _, err := ix.Search(ctx, req); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkSearchFiltered times the multi-select facet path: a language and a
// year filter, each of which costs one extra counting request.
func BenchmarkSearchFiltered(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	req := Request{Query: "trade", Langs: []string{"en"}, Countries: []string{"US"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchDidYouMean times searches that find nothing and get a
// suggestion: the fuzzy dictionary walk, the verifying search and the
// lookup of the respelled word's written form.
func BenchmarkSearchDidYouMean(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	for _, q := range []string{"Kazakistn", "Tirans", "governmnt", "Erdgan ziyaret"} {
		b.Run("q="+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			req := Request{Query: q, NoFacets: true}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				res, err := ix.Search(ctx, req)
				if err != nil {
					b.Fatal(err)
				}
				if res.DidYouMean == "" {
					b.Fatalf("Search(%q): no suggestion", q)
				}
			}
		})
	}
}

// BenchmarkRelated times the related articles of an article page, for the
// top hits of every peer query (what kerko-bench http opens).
func BenchmarkRelated(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	var ids []string
	for _, q := range benchQueries {
		res, err := ix.Search(ctx, Request{Query: q, NoFacets: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Related(ctx, ids[i%len(ids)], 5); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchMix times the searches of kerko-bench http's request mix
// in its proportions (every peer query under every kind of request), so a
// CPU profile of it shows where the HTTP run's search time goes.
func BenchmarkSearchMix(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	// weight: per 100 requests of the mix (article views are BenchmarkRelated).
	kinds := []struct {
		weight int
		reqs   func(q string) []Request
	}{
		{50, func(q string) []Request { return []Request{{Query: q}} }},
		{12, func(q string) []Request {
			return []Request{{Query: q, Langs: []string{"sq"}}, {Query: q, Langs: []string{"tr"}}, {Query: q, Langs: []string{"en"}}}
		}},
		{8, func(q string) []Request {
			var rs []Request
			for _, c := range []string{"TR", "XK", "AL", "US", "GB", "DE"} {
				rs = append(rs, Request{Query: q, Countries: []string{c}})
			}
			return rs
		}},
		{8, func(q string) []Request {
			return []Request{{Query: q, From: day(1987, 1, 1), To: day(1987, 12, 31)}, {Query: q, From: day(1987, 1, 1), To: day(2020, 12, 31)}}
		}},
		{10, func(q string) []Request { return []Request{{Query: q, Page: 2}, {Query: q, Page: 3}} }},
		{5, func(q string) []Request { return []Request{{Query: q, Sort: SortNewest}} }},
	}
	var mix []Request
	for _, k := range kinds {
		for _, q := range benchQueries {
			rs := k.reqs(q)
			// Repeat each request so every kind carries its weight.
			for i := 0; i < k.weight; i++ {
				mix = append(mix, rs[i%len(rs)])
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(ctx, mix[i%len(mix)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTellingWords times /api/terms' work on the whole corpus for
// queries of a few hundred to some thousands of hits ("government": 3,081).
func BenchmarkTellingWords(b *testing.B) {
	ix := benchIndex(b)
	ctx := context.Background()
	for _, q := range []string{"government", "ekonomi", "qeveria", "oil prices"} {
		b.Run("q="+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.TellingWords(ctx, Request{Query: q}, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
