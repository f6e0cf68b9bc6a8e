package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEstimate(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":           "one",
		"sub/b.TXT":       "two",
		"sub/notes.md":    "not an article",
		"export.jsonl":    "{\"id\":1}\n\n  \n{\"id\":2}\n{\"id\":3}", // no final newline
		"sub/long.jsonl":  `{"body":"` + strings.Repeat("x", 600<<10) + "\"}\n",
		"sub/empty.jsonl": "",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		paths []string
		want  int
	}{
		{[]string{dir}, 2 + 3 + 1},
		{[]string{filepath.Join(dir, "export.jsonl")}, 3},
		{[]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub")}, 1 + 1 + 1},
		{[]string{filepath.Join(dir, "missing")}, 0},
	}
	for _, tt := range tests {
		if got := Estimate(context.Background(), tt.paths...); got != tt.want {
			t.Errorf("Estimate(%v) = %d; want %d", tt.paths, got, tt.want)
		}
	}
}
