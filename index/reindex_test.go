package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// rewriteVersion makes the published generation of dir look as if it was
// built by a kerko whose version differs from this one's at part i
// (0 mapping, 1 analyzers, 2 extraction).
func rewriteVersion(t *testing.T, dir string, part int) string {
	t.Helper()
	cur, err := CurrentGeneration(dir)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, cur, metaFile)
	m, err := readMeta(filepath.Join(dir, cur))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(m.Version, "/")
	parts[part] = "older" + parts[part]
	m.Version = strings.Join(parts, "/")
	b, _ := json.Marshal(m)
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return m.Version
}

func TestBuild_VersionChangeForcesFullRebuild(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": article("Alpha headline\nKazakistan ve Türkiye arasında işbirliği."),
		"b.txt": article("Beta headline\nThe summit in Ankara ended."),
	}
	tests := []struct {
		part int
		want string
	}{
		{0, "mapping changed"},
		{1, "analyzers changed"},
		{2, "extraction changed"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			dir := t.TempDir()
			buildFS(t, dir, fsys, BuildOptions{})
			old := rewriteVersion(t, dir, tt.part)

			// A server must not search an index built with other analyzers.
			if _, err := Open(dir); !errors.Is(err, ErrVersion) || !strings.Contains(err.Error(), "--full") {
				t.Errorf("Open(old version) err = %v; want ErrVersion telling to run --full", err)
			}

			st := buildFS(t, dir, fsys, BuildOptions{})
			if !st.Full || st.Added != 2 || st.Unchanged != 0 || !st.Published {
				t.Errorf("build after version change: stats = %+v; want a published full build adding 2", *st)
			}
			if r := st.FullReason.String(); !strings.Contains(r, tt.want) || !strings.Contains(r, old) {
				t.Errorf("FullReason = %q; want it to say %q and name the old version %q", st.FullReason, tt.want, old)
			}
			ix, err := Open(dir)
			if err != nil {
				t.Fatalf("Open after rebuild: %v", err)
			}
			defer ix.Close()
			if got := hitIDs(search(t, ix, Request{Query: "Ankara"})); !sameSet(got, []string{"b"}) {
				t.Errorf("Ankara finds %v after rebuild; want [b]", got)
			}
			// The next build is incremental again.
			if st := buildFS(t, dir, fsys, BuildOptions{}); st.Full || st.Unchanged != 2 {
				t.Errorf("build after rebuild: stats = %+v; want incremental, 2 unchanged", *st)
			}
		})
	}
}

// numbered is a corpus of n articles, each findable by its own word
// "wordN" and, when tag is set, by the tag.
func numbered(n int, tag string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < n; i++ {
		fsys[fmt.Sprintf("a%03d.txt", i)] = article(fmt.Sprintf("Headline %d %s\nThe summit in Ankara, item word%d %s.", i, tag, i, tag))
	}
	return fsys
}

func TestIndex_ServesAfterItsGenerationIsRemoved(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(20, "first"), BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	opened := ix.Generation()

	// Two more publications: the generation ix has open is garbage-collected
	// under it, as happens when a server has not yet looked at CURRENT.
	buildFS(t, dir, numbered(30, "second"), BuildOptions{})
	buildFS(t, dir, numbered(40, "third"), BuildOptions{})
	if _, err := os.Stat(filepath.Join(dir, opened)); !os.IsNotExist(err) {
		t.Fatalf("generation %s still on disk (err %v); the test needs it removed", opened, err)
	}
	res := search(t, ix, Request{Query: "first"})
	if res.Total != 20 {
		t.Errorf("search on removed generation: total %d; want 20", res.Total)
	}
	if _, err := ix.Article(context.Background(), "a005"); err != nil {
		t.Errorf("Article on removed generation: %v", err)
	}
	changed, err := ix.Reload()
	if err != nil || !changed {
		t.Fatalf("Reload = %v, %v; want true, nil", changed, err)
	}
	if res := search(t, ix, Request{Query: "third"}); res.Total != 40 {
		t.Errorf("after reload: total %d; want 40", res.Total)
	}
}

// TestIndex_ReloadUnderConcurrentSearches publishes generations while
// searches run without pause, and reloads after each: no search may fail,
// and each reload must show the new data at once.
func TestIndex_ReloadUnderConcurrentSearches(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(50, "v0"), BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	ctx, cancel := context.WithCancel(context.Background())
	var (
		wg               sync.WaitGroup
		searches, failed atomic.Int64
		firstErr         atomic.Value
	)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				var err error
				if i%3 == 2 {
					_, err = ix.Article(ctx, fmt.Sprintf("a%03d", i%50))
				} else {
					_, err = ix.Search(ctx, Request{Query: "summit Ankara", Langs: []string{"en", "tr"}})
				}
				searches.Add(1)
				if err != nil && ctx.Err() == nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		}(w)
	}
	for v := 1; v <= 6; v++ {
		tag := fmt.Sprintf("v%d", v)
		buildFS(t, dir, numbered(50+v, tag), BuildOptions{Full: v%2 == 0})
		if changed, err := ix.Reload(); err != nil || !changed {
			t.Fatalf("Reload after %s = %v, %v", tag, changed, err)
		}
		if res := search(t, ix, Request{Query: tag}); res.Total != uint64(50+v) {
			t.Errorf("after publishing %s: %d hits; want %d", tag, res.Total, 50+v)
		}
	}
	cancel()
	wg.Wait()
	if n := failed.Load(); n > 0 {
		t.Errorf("%d of %d searches failed during reloads; first: %v", n, searches.Load(), firstErr.Load())
	}
	t.Logf("%d searches across 6 reloads, none failed", searches.Load())
}
