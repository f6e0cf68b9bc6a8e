package search

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"

	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/index"
	"kerko/internal/blevex"
)

// TestDictCounts_MergedIndex guards what word suggestions (prefixTerms)
// and prefix* (prefix.go) take from dictionary counts on an index after a
// build's final merge: zapx gives every term read after a one-document
// term a count of 1 (blevex.DictCountAfterOneHit), but only in fields
// without positions, whose one-document terms it writes inline. The
// folded title and body, whose dictionaries both read, keep positions
// for phrases, so their counts are right; the stemmed body, without
// positions, shows the fault on the same articles. Should the folded
// fields lose their positions, this fails, and those counts need the
// recount that the person table makes (people.go).
func TestDictCounts_MergedIndex(t *testing.T) {
	fsys := fstest.MapFS{"kosa.txt": article("Kosa village\n\nKosa is a small village. The farmers of the valley met on Monday to discuss the harvest and the weather of the coming season.\n")}
	for i := range 3 {
		fsys[fmt.Sprintf("kosovo%d.txt", i)] = article(fmt.Sprintf("Talks on trade %d\n\nKosovo held talks on trade. The ministers of the region met on Monday to discuss the harvest and the weather of the coming season, meeting %d.\n", i, i))
	}
	dir := t.TempDir()
	// One article a batch: several segments, which the build's final
	// merge makes one, as it does with a corpus of many batches.
	buildFS(t, dir, fsys, index.BuildOptions{BatchSize: 1})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer ix.Close()
	g := serving(ix)
	ctx := context.Background()

	dictCounts := func(field string) map[string]uint64 {
		d, err := g.idx.FieldDictPrefix(field, []byte("kos"))
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		out := map[string]uint64{}
		for {
			e, err := d.Next()
			if err != nil {
				t.Fatal(err)
			}
			if e == nil {
				return out
			}
			out[e.Term] = e.Count
		}
	}
	postings := map[string]uint64{}
	err = g.withReader(func(r bindex.IndexReader) error {
		for _, f := range []string{index.BodyField("en"), index.BodyField(index.Folded), index.TitleField(index.Folded)} {
			for _, term := range []string{"kosa", "kosovo"} {
				n, err := termCount(ctx, r, f, term)
				if err != nil {
					return err
				}
				postings[f+"/"+term] = n
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if postings[index.BodyField(index.Folded)+"/kosovo"] != 3 || postings[index.BodyField(index.Folded)+"/kosa"] != 1 {
		t.Fatalf("postings %v; want kosa in 1 article, kosovo in 3", postings)
	}

	// The control: the stemmed body, without positions, has the fault.
	stemmed := dictCounts(index.BodyField("en"))
	if wrong := stemmed["kosovo"] != postings[index.BodyField("en")+"/kosovo"]; wrong != blevex.DictCountAfterOneHit {
		t.Errorf("%s dictionary %v, postings %v: the fault shows %v; blevex.DictCountAfterOneHit is %v", index.BodyField("en"), stemmed, postings, wrong, blevex.DictCountAfterOneHit)
	}
	// The folded fields count right.
	for _, f := range []string{index.BodyField(index.Folded), index.TitleField(index.Folded)} {
		for term, n := range dictCounts(f) {
			if want := postings[f+"/"+term]; n != want {
				t.Errorf("%s dictionary: %s counts %d; its postings hold %d", f, term, n, want)
			}
		}
	}
	// And so the suggestions' candidates come in their real order.
	terms, err := g.prefixTerms(ctx, "kos", false, wordCandidates)
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) < 2 || terms[0] != (FacetValue{Value: "kosovo", Count: 3}) {
		t.Errorf("prefixTerms(kos) = %v; want kosovo (3 articles) first", terms)
	}
}
