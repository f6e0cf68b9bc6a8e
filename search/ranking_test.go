package search

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kerko/corpus"
	"kerko/index"
	"kerko/internal/fixture"
)

// Golden ranking tests, zoekt style: judged queries (testdata/ranking/queries.tsv)
// run against a real index of the seeds plus a sample of ../shared/bench/corpus;
// the top hits of every query are kept in golden.txt and the summary figures in
// rank_stats.txt. Refresh both with:
//
//	go test ./index -run TestRanking_Golden -update

var update = flag.Bool("update", false, "rewrite testdata/ranking/golden.txt and rank_stats.txt")

const (
	rankingDir     = "testdata/ranking"
	rankingQueries = rankingDir + "/queries.tsv"
	rankingGolden  = rankingDir + "/golden.txt"
	rankingStats   = rankingDir + "/rank_stats.txt"

	// goldenTopK hits per query go in golden.txt; MRR looks this deep.
	goldenTopK = 5
	mrrDepth   = 10
	// statsMargin is how far a summary figure may drop below the committed
	// one before the test fails (a ranking change that is not worse only
	// shows as a golden diff to refresh).
	statsMargin = 0.02
)

// rankingSample is how many articles each corpus file gives: the first n by
// SHA-256 (hex) of the article id, so the sample is reproducible, spread over
// the whole file, and does not move when articles are appended. About 100
// per language, the English ones spread over its three sources.
var rankingSample = []struct {
	file string
	n    int
}{
	{"sq-albanian-news-2020.jsonl", 100},
	{"tr-ttc3600-2015.jsonl", 100},
	{"en-reuters21578-1987.jsonl", 40},
	{"en-bbc-2005.jsonl", 35},
	{"en-agnews-test.jsonl", 25},
}

// rankQuery is one judged query.
type rankQuery struct {
	Lang, Feature, Query string
	Relevant             []string
	Note                 string // the form the article has
}

func readRankQueries(t *testing.T) []rankQuery {
	t.Helper()
	data, err := os.ReadFile(rankingQueries)
	if err != nil {
		t.Fatal(err)
	}
	var qs []rankQuery
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("%s:%d: %d fields; want lang, feature, query, relevant ids, note", rankingQueries, i+1, len(f))
		}
		qs = append(qs, rankQuery{Lang: f[0], Feature: f[1], Query: f[2], Relevant: strings.Split(f[3], ","), Note: f[4]})
	}
	return qs
}

// sampleIDHash orders articles for the sample.
func sampleIDHash(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:])
}

// readSample reads the sampled articles of one corpus file.
func readSample(ctx context.Context, path string, n int) ([]*corpus.Article, error) {
	var all []*corpus.Article
	r := &corpus.Reader{Emit: func(a *corpus.Article) error { all = append(all, a); return nil }}
	if err := r.ReadPath(ctx, path); err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return sampleIDHash(all[i].ID) < sampleIDHash(all[j].ID) })
	if len(all) > n {
		all = all[:n]
	}
	return all, nil
}

// openRankingIndex builds the seeds and the sample into a temp index.
func openRankingIndex(t *testing.T) *Index {
	t.Helper()
	benchCorpusDir := fixture.Shared(t, "bench", "corpus")
	dir := t.TempDir()
	_, err := index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		for _, s := range rankingSample {
			arts, err := readSample(ctx, filepath.Join(benchCorpusDir, s.file), s.n)
			if err != nil {
				return err
			}
			for _, a := range arts {
				if err := r.Emit(a); err != nil {
					return err
				}
			}
		}
		return r.ReadFS(ctx, corpus.Seeds(), "seeds")
	}, index.BuildOptions{})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// rankedIDs runs q and returns the top mrrDepth ids. Hits with equal scores
// are ordered by id, so the golden file does not depend on the order in
// which the build happened to index them.
func rankedIDs(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	res := search(t, ix, Request{Query: q, Size: 2 * mrrDepth, NoFacets: true})
	hits := res.Hits
	key := func(s float64) float64 { return math.Round(s*1e9) / 1e9 }
	sort.SliceStable(hits, func(i, j int) bool {
		si, sj := key(hits[i].Score), key(hits[j].Score)
		if si != sj {
			return si > sj
		}
		return hits[i].ID < hits[j].ID
	})
	var ids []string
	for i := 0; i < len(hits) && i < mrrDepth; i++ {
		ids = append(ids, hits[i].ID)
	}
	return ids
}

// firstRelevant is the 1-based rank of the first relevant id in ids, or 0.
func firstRelevant(ids, relevant []string) int {
	for i, id := range ids {
		for _, r := range relevant {
			if id == r {
				return i + 1
			}
		}
	}
	return 0
}

// rankFigures are the summary figures of a group of queries: recall@k is
// the share of queries with a relevant article in the top k, MRR the mean
// reciprocal rank of the first relevant article (0 below mrrDepth).
type rankFigures struct {
	N                     int
	Recall1, Recall5, MRR float64
}

func (f *rankFigures) add(rank int) {
	f.N++
	if rank == 1 {
		f.Recall1++
	}
	if rank >= 1 && rank <= 5 {
		f.Recall5++
	}
	if rank >= 1 {
		f.MRR += 1 / float64(rank)
	}
}

func (f rankFigures) mean() rankFigures {
	if f.N == 0 {
		return f
	}
	n := float64(f.N)
	return rankFigures{f.N, f.Recall1 / n, f.Recall5 / n, f.MRR / n}
}

func TestRanking_Golden(t *testing.T) {
	queries := readRankQueries(t)
	ix := openRankingIndex(t)
	ctx := context.Background()

	var golden bytes.Buffer
	fmt.Fprintf(&golden, "# Top %d hits per query of %s (* = judged relevant); rank = first relevant hit in the top %d, 0 = none.\n", goldenTopK, rankingQueries, mrrDepth)
	fmt.Fprintf(&golden, "# Refresh: go test ./index -run TestRanking_Golden -update\n")
	groups := map[string]*rankFigures{}
	group := func(name string) *rankFigures {
		if groups[name] == nil {
			groups[name] = &rankFigures{}
		}
		return groups[name]
	}
	for _, q := range queries {
		for _, id := range q.Relevant {
			if _, err := ix.Article(ctx, id); err != nil {
				t.Fatalf("query %q: relevant article %s is not in the index: %v", q.Query, id, err)
			}
		}
		ids := rankedIDs(t, ix, q.Query)
		rank := firstRelevant(ids, q.Relevant)
		for _, g := range []string{"all", "lang=" + q.Lang, "feature=" + q.Feature, q.Lang + "/" + q.Feature} {
			group(g).add(rank)
		}
		fmt.Fprintf(&golden, "\n%s %s %q rank=%d want %s\n", q.Lang, q.Feature, q.Query, rank, strings.Join(q.Relevant, ","))
		for i := 0; i < len(ids) && i < goldenTopK; i++ {
			mark := " "
			if firstRelevant(ids[i:i+1], q.Relevant) == 1 {
				mark = "*"
			}
			fmt.Fprintf(&golden, "  %d %s %s\n", i+1, mark, ids[i])
		}
	}

	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Slice(names, func(i, j int) bool {
		// all, then languages, then features, then language/feature.
		oi, oj := groupOrder(names[i]), groupOrder(names[j])
		if oi != oj {
			return oi < oj
		}
		return names[i] < names[j]
	})
	var stats bytes.Buffer
	fmt.Fprintf(&stats, "# Ranking figures of %s on the seeds plus a sample of ../shared/bench/corpus.\n", rankingQueries)
	fmt.Fprintf(&stats, "# recall@k: share of queries with a relevant article in the top k; MRR: mean 1/rank of the first relevant one (top %d).\n", mrrDepth)
	fmt.Fprintf(&stats, "%-40s %4s %9s %9s %6s\n", "# group", "n", "recall@1", "recall@5", "MRR")
	for _, g := range names {
		f := groups[g].mean()
		fmt.Fprintf(&stats, "%-40s %4d %9.3f %9.3f %6.3f\n", g, f.N, f.Recall1, f.Recall5, f.MRR)
	}

	if *update {
		for name, buf := range map[string][]byte{rankingGolden: golden.Bytes(), rankingStats: stats.Bytes()} {
			if err := os.WriteFile(name, buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %s and %s:\n%s", rankingGolden, rankingStats, stats.String())
		return
	}

	want, err := os.ReadFile(rankingStats)
	if err != nil {
		t.Fatalf("read stats (run with -update to create them): %v", err)
	}
	committed := parseRankStats(t, want)
	for _, g := range names {
		if groupOrder(g) > 2 {
			continue // language/feature cells are too small to guard one by one
		}
		key := g
		got, old := groups[g].mean(), committed[key]
		for _, c := range []struct {
			name     string
			got, old float64
		}{{"recall@1", got.Recall1, old.Recall1}, {"recall@5", got.Recall5, old.Recall5}, {"MRR", got.MRR, old.MRR}} {
			if c.got < c.old-statsMargin {
				t.Errorf("%s %s = %.3f; committed %.3f (ranking got worse)", key, c.name, c.got, c.old)
			}
		}
	}
	if !bytes.Equal(stats.Bytes(), want) {
		t.Logf("figures differ from %s:\n%s", rankingStats, stats.String())
	}

	old, err := os.ReadFile(rankingGolden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if diff := lineDiff(string(old), golden.String()); diff != "" {
		t.Errorf("ranking differs from %s (if better, refresh with -update):\n%s", rankingGolden, diff)
	}
}

func groupOrder(g string) int {
	switch {
	case g == "all":
		return 0
	case strings.HasPrefix(g, "lang="):
		return 1
	case strings.HasPrefix(g, "feature="):
		return 2
	}
	return 3
}

func parseRankStats(t *testing.T, data []byte) map[string]rankFigures {
	t.Helper()
	out := map[string]rankFigures{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		var name string
		var f rankFigures
		if _, err := fmt.Sscan(line, &name, &f.N, &f.Recall1, &f.Recall5, &f.MRR); err != nil {
			t.Fatalf("%s: bad line %q: %v", rankingStats, line, err)
		}
		out[name] = f
	}
	return out
}

// lineDiff lists the query blocks of the golden file that changed, old then new.
func lineDiff(old, cur string) string {
	ob, cb := strings.Split(old, "\n\n"), strings.Split(cur, "\n\n")
	var out strings.Builder
	for i := 0; i < len(ob) || i < len(cb); i++ {
		var o, c string
		if i < len(ob) {
			o = ob[i]
		}
		if i < len(cb) {
			c = cb[i]
		}
		if o != c {
			fmt.Fprintf(&out, "--- golden\n%s\n+++ got\n%s\n", o, c)
		}
	}
	return out.String()
}
