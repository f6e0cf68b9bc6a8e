package blevex

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	bindex "github.com/blevesearch/bleve_index_api"
)

// TestInternals checks, on a real scorch index, each assumption of this
// package. A failure after a Bleve upgrade names the assumption that broke.
func TestInternals(t *testing.T) {
	RegisterAsyncErrors("blevex-test", func(error, string) {})
	if !HasAsyncErrors("blevex-test") {
		t.Errorf("scorch.RegistryAsyncErrorCallbacks did not keep a registered callback: a full disk during a build would hang it")
	}
	path := filepath.Join(t.TempDir(), "idx")
	idx, err := bleve.NewUsing(path, bleve.NewIndexMapping(), scorch.Name, scorch.Name, map[string]any{"asyncErrorCallbackName": "blevex-test"})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	const n = 50
	b := idx.NewBatch()
	for i := range n {
		if err := b.Index(fmt.Sprintf("doc%02d", i), map[string]any{"body": fmt.Sprintf("word%d common", i%7)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	s, err := Scorch(idx)
	if err != nil {
		t.Fatalf("a kerko index is no longer a *scorch.Scorch (%v): the final merge and the facet table need one", err)
	}
	for _, key := range []string{"TotFileSegmentsAtRoot", "TotMemorySegmentsAtRoot", "CurOnDiskFiles"} {
		if v, ok := s.StatsMap()[key]; !ok || reflect.TypeOf(v) != reflect.TypeOf(uint64(0)) {
			t.Errorf("scorch stat %s is %T (present %v); want a uint64: Segments/OnDiskFiles read it to wait for the final merge", key, v, ok)
		}
	}
	if Segments(s) == 0 {
		t.Errorf("Segments = 0 for an index of %d documents: it reads the wrong stats", n)
	}
	r, err := s.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, ok := r.(*scorch.IndexSnapshot); !ok {
		t.Errorf("a scorch reader is a %T, not a *scorch.IndexSnapshot", r)
	}
	if _, ok := r.(bindex.IndexReaderFuzzy); !ok {
		t.Errorf("a scorch reader (%T) has no fuzzy dictionary: did-you-mean would stop respelling", r)
	}
	all, err := r.DocIDReaderAll()
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	seen := map[uint64]bool{}
	for {
		id, err := all.Next()
		if err != nil {
			t.Fatal(err)
		}
		if id == nil {
			break
		}
		num, ok := DocNum(id)
		if !ok {
			t.Fatalf("scorch internal id %x is not 8 bytes: DocNum, the facet table, table filters and sorts index arrays by it", id)
		}
		if num >= n || seen[num] {
			t.Errorf("scorch document number %d of %d documents is not dense and unique: the facet table sizes its arrays by the count", num, n)
		}
		seen[num] = true
	}
	if len(seen) != n {
		t.Errorf("%d document numbers for %d documents", len(seen), n)
	}
}

// TestDictCountAfterOneHit checks DictCountAfterOneHit on a real index: a
// keyword field without positions, "alpha" in one document and "beta" in
// three, merged into one segment (zap writes one-document postings inline
// only when merging, as a build's final merge does).
func TestDictCountAfterOneHit(t *testing.T) {
	m := bleve.NewIndexMapping()
	f := bleve.NewKeywordFieldMapping()
	f.IncludeTermVectors = false
	m.DefaultMapping.AddFieldMappingsAt("f", f)
	idx, err := bleve.NewUsing(filepath.Join(t.TempDir(), "idx"), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	for i, text := range []string{"alpha", "beta", "beta", "beta"} {
		if err := idx.Index(fmt.Sprintf("doc%d", i), map[string]any{"f": text}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Scorch(idx)
	if err != nil {
		t.Fatal(err)
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	for round := 0; round < 4 && Segments(s) > 1; round++ {
		if err := s.ForceMerge(context.Background(), &opts); err != nil {
			t.Fatal(err)
		}
	}
	d, err := idx.FieldDict("f")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	counts := map[string]uint64{}
	for {
		e, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			break
		}
		counts[e.Term] = e.Count
	}
	if wrong := counts["beta"] == 1; wrong != DictCountAfterOneHit {
		t.Errorf("FieldDict counts %v (beta is in 3 documents, %d segments): DictCountAfterOneHit is %v but the dictionary says %v: update it, and drop or add the recounts it names", counts, Segments(s), DictCountAfterOneHit, wrong)
	}
}

// TestAutomatonTerms checks that walking the segments of a reader with an
// automaton gives what Bleve's own fuzzy dictionary gives (the same terms,
// in order, cut at the same limit) on an index of several segments, where
// a term is in more than one of them.
func TestAutomatonTerms(t *testing.T) {
	idx, err := bleve.NewUsing(filepath.Join(t.TempDir(), "idx"), bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	words := []string{"kosova", "kosove", "kosovo", "kosovës", "kasova", "kosova", "tirana", "kosov", "kosovas", "kosava"}
	for i, w := range words { // one batch each: one segment each until merged
		if err := idx.Index(fmt.Sprintf("doc%d", i), map[string]any{"body": w + " other"}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Scorch(idx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n := len(r.(*scorch.IndexSnapshot).Segments()); n < 2 {
		t.Logf("only %d segment(s): the merge across segments is not exercised", n)
	}
	fr := r.(bindex.IndexReaderFuzzy)
	for _, limit := range []int{1, 3, 100} {
		d, auto, err := fr.FieldDictFuzzyAutomaton("body", "kosova", 2, "")
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for len(want) < limit {
			e, err := d.Next()
			if err != nil {
				t.Fatal(err)
			}
			if e == nil {
				break
			}
			want = append(want, e.Term)
		}
		d.Close()
		a, ok := auto.(Automaton)
		if !ok {
			t.Fatalf("Bleve's fuzzy automaton (%T) is not a dictionary automaton", auto)
		}
		got, err := AutomatonTerms(context.Background(), r, "body", a, limit)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("AutomatonTerms(kosova~2, limit %d) = %q; Bleve's fuzzy dictionary gives %q", limit, got, want)
		}
	}
}
