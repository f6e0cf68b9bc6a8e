package search

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"kerko/analyzers"
	"kerko/corpus"
	"kerko/index"
	"kerko/internal/fixture"
)

// Known-item search: someone remembers ten consecutive words of an article
// and types them without diacritics. For the articles of the ranking
// sample (100 per language, rankingSample), the article's rank for its ten
// words is measured, as typed ("exact") and with one of them misremembered
// (the sixth word replaced by a word the article does not have, from the
// next sampled article of its language: "one wrong"). Figures: first = share ranked first, MRR =
// mean 1/rank within the top 10, found = share in the top 10.
//
// By default the index is the ranking index (the seeds plus the sample), and
// the figures are guarded by testdata/knownitem.txt (-update refreshes it).
// KERKO_KNOWNITEM=full searches an index of the whole bench corpus instead
// (36k articles: what docs/quality.md reports) and only prints:
//
//	go test ./search -run TestKnownItem -v
//	KERKO_KNOWNITEM=full go test ./search -run TestKnownItem -v -timeout 30m

const knownItemGolden = "testdata/knownitem.txt"

// knownItem is one sampled article with its two queries.
type knownItem struct {
	id, lang      string
	exact, oneOff string
}

// typedWords are the words of text as typed from memory: diacritics and
// case dropped (analyzers.Fold), punctuation around a word left out.
func typedWords(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, analyzers.Fold(w))
		}
	}
	return out
}

// knownItems makes the queries of the sample: ten words from a place in
// the body chosen by a hash of the id, so the queries are reproducible.
func knownItems(arts []*corpus.Article) []knownItem {
	var out []knownItem
	words := make([][]string, len(arts))
	for i, a := range arts {
		words[i] = typedWords(a.Body)
	}
	for i, a := range arts {
		ws := words[i]
		if len(ws) < 10 {
			continue
		}
		h := sha256.Sum256([]byte(a.ID))
		start := int(binary.BigEndian.Uint32(h[:4]) % uint32(len(ws)-9))
		ten := append([]string(nil), ws[start:start+10]...)
		it := knownItem{id: a.ID, lang: a.Lang, exact: strings.Join(ten, " ")}
		// The wrong word is a word of the next article of the same
		// language (from its sixth word on, of four letters or more) that
		// this article does not have.
		has := map[string]bool{}
		for _, w := range ws {
			has[w] = true
		}
	next:
		for j := 1; j < len(arts); j++ {
			b := (i + j) % len(arts)
			if arts[b].Lang != a.Lang {
				continue
			}
			for _, w := range words[b][min(5, len(words[b])):] {
				if len([]rune(w)) >= 4 && !has[w] {
					ten[5] = w
					break next
				}
			}
		}
		it.oneOff = strings.Join(ten, " ")
		out = append(out, it)
	}
	return out
}

// knownItemSample reads the ranking sample's articles.
func knownItemSample(t *testing.T) []*corpus.Article {
	t.Helper()
	dir := fixture.Shared(t, "bench", "corpus")
	var out []*corpus.Article
	for _, s := range rankingSample {
		arts, err := readSample(context.Background(), filepath.Join(dir, s.file), s.n)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			if a.Lang == "" {
				a.Lang = s.file[:2]
			}
			out = append(out, a)
		}
	}
	return out
}

// openBenchIndex builds an index of the whole bench corpus.
func openBenchIndex(t *testing.T) *Index {
	t.Helper()
	src := fixture.Shared(t, "bench", "corpus")
	dir := t.TempDir()
	if _, err := index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		return r.ReadPath(ctx, src)
	}, index.BuildOptions{}); err != nil {
		t.Fatalf("Build: %v", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

type knownFigures struct {
	n, first, found int
	rr              float64
}

func (f *knownFigures) add(rank int) {
	f.n++
	if rank == 1 {
		f.first++
	}
	if rank > 0 {
		f.found++
		f.rr += 1 / float64(rank)
	}
}

func TestKnownItem(t *testing.T) {
	arts := knownItemSample(t)
	full := os.Getenv("KERKO_KNOWNITEM") == "full"
	var ix *Index
	if full {
		ix = openBenchIndex(t)
	} else {
		ix = openRankingIndex(t)
	}
	items := knownItems(arts)
	figs := map[string]*knownFigures{}
	fig := func(k string) *knownFigures {
		if figs[k] == nil {
			figs[k] = &knownFigures{}
		}
		return figs[k]
	}
	for _, it := range items {
		for _, v := range []struct{ name, q string }{{"exact", it.exact}, {"one wrong", it.oneOff}} {
			res := search(t, ix, Request{Query: v.q, Size: mrrDepth, NoFacets: true})
			rank := 0
			for i, h := range res.Hits {
				if h.ID == it.id {
					rank = i + 1
					break
				}
			}
			fig(v.name + " " + it.lang).add(rank)
			fig(v.name + " all").add(rank)
		}
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "# Known-item search: ten consecutive words of a sampled article typed without diacritics (search/knownitem_test.go).\n")
	fmt.Fprintf(&out, "# first: share ranked first; MRR: mean 1/rank in the top %d; found: share in the top %d.\n", mrrDepth, mrrDepth)
	fmt.Fprintf(&out, "%-16s %4s %6s %6s %6s\n", "# query lang", "n", "first", "MRR", "found")
	for _, v := range []string{"exact", "one wrong"} {
		for _, l := range []string{"all", "sq", "tr", "en"} {
			f := fig(v + " " + l)
			n := float64(max(f.n, 1))
			fmt.Fprintf(&out, "%-16s %4d %6.3f %6.3f %6.3f\n", strings.ReplaceAll(v, " ", "-")+" "+l, f.n, float64(f.first)/n, f.rr/n, float64(f.found)/n)
		}
	}
	t.Logf("index of %d articles:\n%s", ix.Count(), out.String())
	if full {
		return
	}
	if *update {
		if err := os.WriteFile(knownItemGolden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(knownItemGolden)
	if err != nil {
		t.Fatalf("read %s (run with -update to create it): %v", knownItemGolden, err)
	}
	committed := parseKnownFigures(want)
	for k, got := range parseKnownFigures(out.Bytes()) {
		old := committed[k]
		for i, name := range []string{"first", "MRR", "found"} {
			if got[i] < old[i]-statsMargin {
				t.Errorf("%s %s = %.3f; committed %.3f (known-item search got worse)", k, name, got[i], old[i])
			}
		}
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Logf("figures differ from %s (refresh with -update if better)", knownItemGolden)
	}
}

// parseKnownFigures reads first, MRR and found by "query lang".
func parseKnownFigures(data []byte) map[string][3]float64 {
	out := map[string][3]float64{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		var q, l string
		var n int
		var f [3]float64
		if _, err := fmt.Sscan(line, &q, &l, &n, &f[0], &f[1], &f[2]); err == nil {
			out[q+" "+l] = f
		}
	}
	return out
}
