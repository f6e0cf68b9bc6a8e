package index_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kerko/index"
	"kerko/search"
)

// What a reader of a damaged generation sees: package search opens what
// index checked (index.OpenPublished), so these run from outside.

func TestIndex_ReloadRefusesDamagedGeneration(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(20, "first"), index.BuildOptions{})
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// A full build shares no file with gen-000001; truncate its segment
	// before the index looks.
	buildFS(t, dir, numbered(20, "second"), index.BuildOptions{Full: true})
	seg := index.Segment(t, filepath.Join(dir, "gen-000002"))
	if err := os.Truncate(seg, 512); err != nil {
		t.Fatal(err)
	}
	changed, err := ix.Reload()
	if changed || err == nil || !strings.Contains(err.Error(), seg) || !strings.Contains(err.Error(), "is 512 bytes") {
		t.Fatalf("Reload onto a truncated segment: changed %v, err %v; want an error naming %s", changed, err, seg)
	}
	if g := ix.Generation(); g != "gen-000001" || len(hitIDs(searchIx(t, ix, search.Request{Query: "first"}))) == 0 {
		t.Errorf("after the refused reload: serving %s; want gen-000001 still answering", g)
	}
}

func TestIndex_OpenOlderGenerationNamesTheDamagedFile(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(20, "first"), index.BuildOptions{})
	genDir := filepath.Join(dir, "gen-000001")
	index.StripManifest(t, genDir) // no manifest: the size check cannot catch it
	if err := os.Truncate(index.Segment(t, genDir), 2000); err != nil {
		t.Fatal(err)
	}
	_, err := search.Open(dir)
	if err == nil {
		t.Fatal("Open of a generation with a truncated segment succeeded")
	}
	msg := err.Error()
	for _, s := range []string{filepath.Join(genDir, index.BleveSubdir, "store", "root.bolt"), "damaged or truncated", "kerko index --check", "kerko index --full"} {
		if !strings.Contains(msg, s) {
			t.Errorf("Open error does not say %q:\n%s", s, msg)
		}
	}
	if strings.Contains(msg, "mapping contents") {
		t.Errorf("Open error carries Bleve's dump:\n%s", msg)
	}
}
