package index_test

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	"kerko/index"
	"kerko/internal/fixture/seedindex"
	"kerko/search"
)

// buildFS builds dir from the articles of fsys.
func buildFS(t *testing.T, dir string, fsys fs.FS, opts index.BuildOptions) *index.Stats {
	t.Helper()
	return seedindex.BuildWith(t, dir, opts, fsys)
}

// article is a .txt article of a test corpus: a title line, then the body.
func article(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }

func searchIx(t *testing.T, ix *search.Index, req search.Request) *search.Result {
	t.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%+v): %v", req, err)
	}
	return res
}

func hitIDs(res *search.Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}
