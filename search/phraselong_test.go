package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/index"
)

// TestSearch_PhraseInLongBody: positions are indexed for a body's first
// index.MaxPhraseBody bytes only (Bleve compares every position of one
// word with every position of the next), so a phrase is found there and
// not past them, while every word of the body is still found.
func TestSearch_PhraseInLongBody(t *testing.T) {
	dir := t.TempDir()
	filler := strings.Repeat("lorem ipsum dolor ", 70_000/18) // past index.MaxPhraseBody (64 KiB)
	buildFS(t, dir, fstest.MapFS{
		"early.txt": article("Early phrase\nThe central bank raised rates. " + filler),
		"late.txt":  article("Late phrase\n" + filler + " The reserve board cut rates."),
	}, index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`"central bank"`, []string{"early"}},
		{`"reserve board"`, nil},
		{`reserve board`, []string{"late"}},
		{`"lorem ipsum"`, []string{"early", "late"}},
	} {
		res, err := ix.Search(context.Background(), Request{Query: tc.query, NoFacets: true})
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: hits %v; want %v", tc.query, got, tc.want)
		}
	}
}
