package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"kerko/corpus"
	"kerko/index"
)

// TestIndex_SegmentTruncatedUnderServer checks that a segment file
// truncated while its generation serves fails each search with ErrInternal
// before Bleve reads the file (a read past the new end is a SIGBUS).
func TestIndex_SegmentTruncatedUnderServer(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, corpus.Seeds(), index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	segs, _ := filepath.Glob(filepath.Join(dir, ix.Generation(), "bleve", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment file")
	}
	if err := os.Truncate(segs[0], 100); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := ix.Search(ctx, Request{Query: "erdogan"}); !errors.Is(err, ErrInternal) {
		t.Errorf("Search after truncation: %v; want ErrInternal", err)
	}
	if _, err := ix.Suggest(ctx, "kaz", "en", 5); !errors.Is(err, ErrInternal) {
		t.Errorf("Suggest after truncation: %v; want ErrInternal", err)
	}
	if ix.Count() == 0 {
		t.Error("Count after truncation: 0; the generation's count is still known")
	}
}
