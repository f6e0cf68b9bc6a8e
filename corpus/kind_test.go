package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// TestProblem_Kind checks that every skipped input is reported with its
// kind, which builds count skips by, and that the message still gives the
// details.
func TestProblem_Kind(t *testing.T) {
	fsys := fstest.MapFS{
		"empty.txt":  {Data: nil},
		"binary.txt": {Data: []byte("a\x00b\x00c\x00\x01\x02")},
		"blank.txt":  {Data: []byte("   \n\n")},
		"a.jsonl": {Data: []byte(`{"id":"j1","title":"T","body":"B"}` + "\n" +
			`{not json` + "\n" +
			`{"id":"","title":"T"}` + "\n" +
			`{"id":"j2"}` + "\n" +
			`{"id":"j1","title":"again","body":"B"}` + "\n")},
	}
	got := map[string]ProblemKind{}
	r := &Reader{Emit: func(*Article) error { return nil }, Report: func(p Problem) {
		if p.Action == Skipped {
			got[p.Reason] = p.Kind
		}
	}}
	if err := r.ReadFS(context.Background(), fsys, "test"); err != nil {
		t.Fatal(err)
	}
	want := map[ProblemKind]string{ // kind -> a word of its message
		EmptyFile:     "empty file",
		BinaryFile:    "binary",
		EmptyArticle:  "empty article",
		MalformedJSON: "malformed JSON",
		InvalidID:     "id",
		NoTitleOrBody: "neither title nor body",
		DuplicateID:   "duplicate id",
	}
	seen := map[ProblemKind]bool{}
	for reason, kind := range got {
		if kind == "" {
			t.Errorf("skipped %q has no kind", reason)
			continue
		}
		seen[kind] = true
		if w, ok := want[kind]; ok && !strings.Contains(reason, w) {
			t.Errorf("kind %q with message %q; want %q in it", kind, reason, w)
		}
	}
	for kind := range want {
		if !seen[kind] {
			t.Errorf("no problem of kind %q reported (got %v)", kind, got)
		}
	}
}
