package index

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/corpus"
)

// The helpers of the package's own tests (the external ones, which search
// what they build, have theirs in helpers_ext_test.go).

// buildFS builds dir from the articles of fsys.
func buildFS(t *testing.T, dir string, fsys fs.FS, opts BuildOptions) *Stats {
	t.Helper()
	st, err := Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		return r.ReadFS(ctx, fsys, "test")
	}, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return st
}

// article is a .txt article of a test corpus: a title line, then the body.
func article(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }

// numbered is a corpus of n articles whose words include tag.
func numbered(n int, tag string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < n; i++ {
		fsys[fmt.Sprintf("a%03d.txt", i)] = article(fmt.Sprintf("Headline %d %s\nThe summit in Ankara, item word%d %s.", i, tag, i, tag))
	}
	return fsys
}

// rewriteVersion makes the published generation of dir look as if it was
// built by a kerko whose version differs from this one's at part i
// (0 mapping, 1 analyzers, 2 extraction).
func rewriteVersion(t *testing.T, dir string, part int) string {
	t.Helper()
	cur, err := CurrentGeneration(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := readMeta(filepath.Join(dir, cur))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(m.Version, "/")
	parts[part] = "older" + parts[part]
	m.Version = strings.Join(parts, "/")
	b, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(dir, cur, metaFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return m.Version
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
