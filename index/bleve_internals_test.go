package index

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
)

// TestBleveInternals checks, on a real generation, each assumption of
// bleve_internals.go. A failure here after a Bleve upgrade names the
// assumption that broke; fix that file (and what it feeds), not the test.
func TestBleveInternals(t *testing.T) {
	ix := openSeeds(t)
	g := serving(ix)
	s, err := scorchOf(g.idx)
	if err != nil {
		t.Fatalf("a kerko generation is no longer a *scorch.Scorch (%v): bleve_internals.go's scorchOf, the final merge and the facet table need one", err)
	}
	for _, key := range []string{"TotFileSegmentsAtRoot", "TotMemorySegmentsAtRoot", "CurOnDiskFiles"} {
		if v, ok := s.StatsMap()[key]; !ok || reflect.TypeOf(v) != reflect.TypeOf(uint64(0)) {
			t.Errorf("scorch stat %s is %T (present %v); want a uint64: fileSegments/onDiskFiles read it to wait for the final merge", key, v, ok)
		}
	}
	if fileSegments(s) != 1 {
		t.Errorf("a built generation has %d segments; want 1 after the final merge (fileSegments may read the wrong stats)", fileSegments(s))
	}
	err = g.withReader(func(r bindex.IndexReader) error {
		if _, ok := r.(*scorch.IndexSnapshot); !ok {
			t.Errorf("a scorch reader is a %T, not a *scorch.IndexSnapshot", r)
		}
		if _, ok := r.(bindex.IndexReaderFuzzy); !ok {
			t.Errorf("a scorch reader (%T) has no fuzzy dictionary: did-you-mean would stop respelling", r)
		}
		all, err := r.DocIDReaderAll()
		if err != nil {
			return err
		}
		defer all.Close()
		n, _ := r.DocCount()
		seen := map[uint64]bool{}
		for {
			id, err := all.Next()
			if err != nil {
				return err
			}
			if id == nil {
				break
			}
			num, ok := docNum(id)
			if !ok {
				t.Fatalf("scorch internal id %x is not 8 bytes: docNum, the facet table, table filters and sorts index arrays by it", id)
			}
			if num >= n || seen[num] {
				t.Errorf("scorch document number %d of %d documents is not dense and unique: the facet table sizes its arrays by the count", num, n)
			}
			seen[num] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if g.table == nil {
		t.Errorf("the facet table of a kerko generation did not load: %v", g.tableErr)
	}
	registerAsyncErrors()
	if _, ok := scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback]; !ok {
		t.Errorf("scorch.RegistryAsyncErrorCallbacks did not keep kerko's callback: a full disk during a build would hang it")
	}
	if _, ok := buildConfig()["asyncErrorCallbackName"]; !ok {
		t.Errorf("the build config does not name the async error callback")
	}
}
