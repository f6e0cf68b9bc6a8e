package index

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestCheck_OlderSnapshotsKept: a generation whose root.bolt still holds
// older snapshots gets the same verdict as one that holds only the newest.
// Whether a build leaves older snapshots depends on how soon scorch prunes
// them before the index is closed (on a loaded machine, sometimes not), and
// Bleve, when the newest snapshot does not load, silently opens an older
// one: Check judged that one, so a flipped segment came out as the segment
// alone, or with follow-on problems blamed on intact files. Here the build
// is told to keep them, so the older snapshots are there every time.
func TestCheck_OlderSnapshotsKept(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(20, "first"), BuildOptions{})
	func() {
		defer func(n int) { scorch.NumSnapshotsToKeep = n }(scorch.NumSnapshotsToKeep)
		scorch.NumSnapshotsToKeep = 3
		buildFS(t, dir, numbered(21, "first"), BuildOptions{}) // incremental: one segment more
	}()
	const gen = "gen-000002"
	store := filepath.Join(dir, gen, bleveSubdir, "store")
	points, err := scorch.RollbackPoints(store)
	if err != nil || len(points) < 2 {
		t.Fatalf("root.bolt of %s holds %d snapshots (%v); the test needs older ones kept", gen, len(points), err)
	}

	check := func() (problems, details []string) {
		t.Helper()
		n, err := Check(context.Background(), dir, gen, func(l CheckLine) {
			if !l.OK {
				problems = append(problems, l.Subject)
				details = append(details, l.Detail)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != len(problems) {
			t.Errorf("Check counted %d problems and reported %d", n, len(problems))
		}
		return problems, details
	}
	if problems, details := check(); problems != nil {
		t.Fatalf("intact generation with %d snapshots kept: problems %v: %v", len(points), problems, details)
	}

	// The newest segment is listed by the newest snapshot only.
	zaps, _ := filepath.Glob(filepath.Join(store, "*.zap"))
	newest := zaps[len(zaps)-1]
	flip(t, newest, 2000)
	// The premise: Bleve opens the damaged index without a word, on an
	// older snapshot.
	idx, err := bleve.OpenUsing(filepath.Join(dir, gen, bleveSubdir), map[string]any{"read_only": true, "bolt_timeout": "5s"})
	if err != nil {
		t.Fatalf("Bleve refused the damaged index (%v): it no longer falls back to an older snapshot, and this test no longer tests that", err)
	}
	idx.Close()

	problems, details := check()
	seg, _ := filepath.Rel(filepath.Join(dir, gen), newest)
	if want := []string{filepath.ToSlash(seg), "bleve"}; !reflect.DeepEqual(problems, want) {
		t.Fatalf("Check found %v; want %v\n%s", problems, want, strings.Join(details, "\n"))
	}
	if !strings.Contains(details[1], "newest snapshot in root.bolt") {
		t.Errorf("the verdict on Bleve does not say that the newest snapshot does not load: %s", details[1])
	}
}
