package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"kerko/index"
)

// twoCorpora are two corpora with the same article ids and different texts,
// so that anything a generation derives and keys by article id (decoded
// bodies, facet tables, entity counts) would show the other
// generation's text if it leaked between them.
func twoCorpora() (a, b fstest.MapFS) {
	a, b = fstest.MapFS{}, fstest.MapFS{}
	for i := range 6 {
		name := fmt.Sprintf("n%d.txt", i)
		a[name] = article(fmt.Sprintf("Ankara headline %d\nKazakistan ve Türkiye arasında işbirliği anlaşması Ankara'da imzalandı, sayı %d.", i, i))
		b[name] = article(fmt.Sprintf("Tirana headline %d\nTakimi për bashkëpunimin me Kosovën u mbajt në Tiranë, numri %d.", i, i))
	}
	b["only-b.txt"] = article("Tirana extra\nNjë lajm tjetër nga Tirana.")
	return a, b
}

// TestGeneration_SideBySide opens two different generations in one process
// and searches them in turn: each answers from its own articles, bodies,
// snippets and suggestions, however often the same ids are asked of both.
func TestGeneration_SideBySide(t *testing.T) {
	fa, fb := twoCorpora()
	da, db := t.TempDir(), t.TempDir()
	buildFS(t, da, fa, index.BuildOptions{})
	buildFS(t, db, fb, index.BuildOptions{})
	ixA, err := Open(da)
	if err != nil {
		t.Fatal(err)
	}
	defer ixA.Close()
	ixB, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ixB.Close()
	if serving(ixA) == serving(ixB) || serving(ixA).bodies == serving(ixB).bodies {
		t.Fatal("two indexes share a generation's state")
	}
	ctx := context.Background()
	for round := range 4 { // again and again: answers come from each one's caches
		for _, tt := range []struct {
			ix       *Index
			query    string
			total    uint64
			mark     string // in every snippet
			notInAny string
		}{
			{ixA, "Ankara", 6, "<mark>Ankara", "Tiran"},
			{ixB, "Tiranë", 7, "<mark>Tiran", "Ankara"},
			{ixA, "Tiranë", 0, "", ""},
			{ixB, "Kazakistan", 0, "", ""},
		} {
			res, err := tt.ix.Search(ctx, Request{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.total {
				t.Errorf("round %d: %q finds %d in %s; want %d", round, tt.query, res.Total, tt.ix.dir, tt.total)
			}
			for _, h := range res.Hits {
				if !strings.Contains(h.Snippet, tt.mark) || strings.Contains(h.Snippet, tt.notInAny) || strings.Contains(h.TitleHTML, tt.notInAny) {
					t.Errorf("round %d: %q in %s: hit %s title %q snippet %q; want %q marked and no %q", round, tt.query, tt.ix.dir, h.ID, h.TitleHTML, h.Snippet, tt.mark, tt.notInAny)
				}
			}
		}
		for _, tt := range []struct {
			ix   *Index
			want string
		}{{ixA, "Ankara'da"}, {ixB, "Tiranë"}} {
			a, err := tt.ix.Article(ctx, "n0")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, tt.want) {
				t.Errorf("round %d: article n0 of %s has body %q; want %q in it", round, tt.ix.dir, a.Body, tt.want)
			}
		}
	}
	sa, err := ixA.Suggest(ctx, "Tira", "en", 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sa {
		if strings.Contains(strings.ToLower(s.Text), "tira") {
			t.Errorf("index A suggests %q for Tira, a word only index B holds", s.Text)
		}
	}
}

// TestGeneration_Drain checks a generation's lifetime: a search holding it
// keeps it open across a reload, new searches go to the new one, and the
// old one closes when its last search ends.
func TestGeneration_Drain(t *testing.T) {
	fa, fb := twoCorpora()
	dir := t.TempDir()
	buildFS(t, dir, fa, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	old, err := ix.acquire() // a search in flight
	if err != nil {
		t.Fatal(err)
	}
	buildFS(t, dir, fb, index.BuildOptions{Full: true})
	reloaded := make(chan error, 1)
	go func() {
		_, err := ix.Reload()
		reloaded <- err
	}()
	// The reload swaps at once and then waits for the old generation.
	for serving(ix) == old {
	}
	if got := hitIDs(search(t, ix, Request{Query: "Tiranë"})); len(got) == 0 {
		t.Errorf("new searches find nothing in the new generation")
	}
	select {
	case err := <-reloaded:
		t.Fatalf("Reload returned (%v) while a search still held the old generation", err)
	default:
	}
	// The search in flight still reads its own generation.
	if res, err := old.search(context.Background(), Request{Query: "Ankara"}); err != nil || res.Total != 6 {
		t.Errorf("search on the retired generation: %v, %v; want its 6 hits", res, err)
	}
	if old.acquire() {
		t.Errorf("a retired generation took a new search")
	}
	old.release()
	if err := <-reloaded; err != nil {
		t.Fatal(err)
	}
	if _, err := old.search(context.Background(), Request{Query: "Ankara"}); err == nil {
		t.Errorf("the drained generation still answers: it was not closed")
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Search(context.Background(), Request{Query: "Tiranë"}); !errors.Is(err, errClosed) {
		t.Errorf("Search after Close = %v; want errClosed", err)
	}
}

// TestGeneration_ConcurrentReloads searches from several goroutines while
// generations are swapped under them: no search fails, each answers from
// one generation or the other.
func TestGeneration_ConcurrentReloads(t *testing.T) {
	fa, fb := twoCorpora()
	dir := t.TempDir()
	buildFS(t, dir, fa, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := ix.Search(context.Background(), Request{Query: "headline"})
				if err != nil {
					errs <- err
					return
				}
				if res.Total != 6 && res.Total != 7 {
					errs <- fmt.Errorf("headline finds %d; want 6 or 7", res.Total)
					return
				}
			}
		}()
	}
	for i := range 3 {
		fs := fa
		if i%2 == 0 {
			fs = fb
		}
		buildFS(t, dir, fs, index.BuildOptions{Full: true})
		if _, err := ix.Reload(); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSearch_PanicIsAnError checks that a panic while reading index data (a
// facet table that does not fit its generation, as corrupt data would
// make it) fails the search with ErrInternal, whether it happens in the
// main search or in a facet count running beside it, and that the index
// serves the next search.
func TestSearch_PanicIsAnError(t *testing.T) {
	ix := openSeeds(t)
	g := serving(ix)
	good := g.table
	bad := *good
	bad.single = make([][]uint16, len(good.single))
	bad.off = make([][]uint32, len(good.off))
	for i := range bad.single {
		bad.single[i] = []uint16{}
		bad.off[i] = good.off[i]
	}
	g.table = &bad
	for _, req := range []Request{
		{Query: "Kazakistan"},                            // counted in the main search
		{Query: "Kazakistan", Countries: []string{"KZ"}}, // and in one beside it
	} {
		_, err := ix.Search(context.Background(), req)
		if !errors.Is(err, ErrInternal) {
			t.Errorf("Search(%+v) with a corrupt facet table = %v; want ErrInternal", req, err)
		}
	}
	g.table = good
	if res := search(t, ix, Request{Query: "Kazakistan", Countries: []string{"KZ"}}); res.Total == 0 {
		t.Errorf("no hits after a failed search")
	}
}
