package index_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"kerko/corpus"
	"kerko/index"
	"kerko/search"
)

func TestBuild_Incremental(t *testing.T) {
	dir := t.TempDir()
	fsys := fstest.MapFS{
		"a.txt": article("Alpha headline\nKazakistan ve Türkiye arasında işbirliği."),
		"b.txt": article("Beta headline\nThe summit in Ankara ended."),
		"c.txt": article("Gamma headline\nTakimi u mbajt në Tiranë."),
	}
	steps := []struct {
		name                               string
		change                             func()
		full                               bool
		added, updated, deleted, unchanged int
		published                          bool
		articles                           int
	}{
		{"first build", func() {}, false, 3, 0, 0, 0, true, 3},
		{"nothing changed", func() {}, false, 0, 0, 0, 3, false, 3},
		{"one changed, one new, one deleted", func() {
			fsys["b.txt"] = article("Beta headline\nThe summit in Astana ended.")
			fsys["d.txt"] = article("Delta headline\nNew article about Kyrgyzstan.")
			delete(fsys, "c.txt")
		}, false, 1, 1, 1, 1, true, 3},
		{"full rebuild", func() {}, true, 3, 0, 0, 0, true, 3},
	}
	for _, s := range steps {
		s.change()
		st := buildFS(t, dir, fsys, index.BuildOptions{Full: s.full})
		if wantFull := s.full || s.name == "first build"; (st.FullReason.Cause != index.NotFull) != wantFull || st.Full != wantFull {
			t.Errorf("%s: Full %v, FullReason %+v; want a full build %v", s.name, st.Full, st.FullReason, wantFull)
		} else if want := map[bool]index.FullCause{true: index.FullRequested, false: index.FullNoIndex}[s.full]; wantFull && st.FullReason.Cause != want {
			t.Errorf("%s: FullReason %+v (%s); want cause %v", s.name, st.FullReason, st.FullReason, want)
		}
		if st.Added != s.added || st.Updated != s.updated || st.Deleted != s.deleted || st.Unchanged != s.unchanged || st.Published != s.published || st.Articles != s.articles {
			t.Errorf("%s: stats = %+v; want added %d updated %d deleted %d unchanged %d published %v articles %d",
				s.name, *st, s.added, s.updated, s.deleted, s.unchanged, s.published, s.articles)
		}
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := hitIDs(searchIx(t, ix, search.Request{Query: "Astana"})); !sameSet(got, []string{"b"}) {
		t.Errorf("after update, Astana finds %v; want [b]", got)
	}
	if got := hitIDs(searchIx(t, ix, search.Request{Query: "Ankara"})); len(got) != 0 {
		t.Errorf("after update, Ankara finds %v; want nothing", got)
	}
	if got := hitIDs(searchIx(t, ix, search.Request{Query: "Tiranë"})); len(got) != 0 {
		t.Errorf("after delete, Tiranë finds %v; want nothing", got)
	}
	// Only the published generation and the one before it are kept.
	gens, _ := index.Generations(dir)
	if len(gens) > 2 {
		t.Errorf("generations on disk = %v; want at most 2", gens)
	}
}

func TestBuild_Busy(t *testing.T) {
	dir := t.TempDir()
	release, err := index.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	_, err = index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error { return nil }, index.BuildOptions{})
	if !errors.Is(err, index.ErrBusy) {
		t.Errorf("Build while locked: err = %v; want ErrBusy", err)
	}
}

func TestBuild_FailedReadKeepsPublishedIndex(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{"a.txt": article("Alpha\nText one.")}, index.BuildOptions{})
	boom := errors.New("disk went away")
	_, err := index.Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		r.Emit(&corpus.Article{ID: "z", Title: "Z", Body: "zeta"})
		return boom
	}, index.BuildOptions{})
	if !errors.Is(err, boom) {
		t.Fatalf("Build err = %v; want %v", err, boom)
	}
	gens, _ := index.Generations(dir)
	if len(gens) != 1 {
		t.Errorf("generations after failed build = %v; want only the published one", gens)
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Count() != 1 {
		t.Errorf("published index has %d articles; want 1", ix.Count())
	}
}

func TestBuild_HalfBuiltGenerationIsCleanedUp(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, fstest.MapFS{"a.txt": article("Alpha\nText one.")}, index.BuildOptions{})
	// A crashed build leaves a generation without its completion marker.
	junk := filepath.Join(dir, index.GenName(7))
	if err := os.MkdirAll(filepath.Join(junk, index.BleveSubdir), 0o755); err != nil {
		t.Fatal(err)
	}
	st := buildFS(t, dir, fstest.MapFS{"a.txt": article("Alpha\nText two.")}, index.BuildOptions{})
	if _, err := os.Stat(junk); !os.IsNotExist(err) {
		t.Errorf("half-built generation still there (err %v)", err)
	}
	if st.Updated != 1 || !st.Published {
		t.Errorf("stats = %+v; want one update published", *st)
	}
}

func TestBuild_BadInputCounted(t *testing.T) {
	dir := t.TempDir()
	var problems []corpus.Problem
	st := buildFS(t, dir, fstest.MapFS{
		"good.txt":   article("Good\nA valid article."),
		"empty.txt":  article(""),
		"binary.txt": article("\x00\x01\x02"),
		"bad.txt":    article(" date 2026-99-99 Headline\nBody."),
	}, index.BuildOptions{Report: func(p corpus.Problem) { problems = append(problems, p) }})
	if st.Added != 2 || st.Skipped != 2 || st.Repaired != 1 {
		t.Errorf("stats = %+v; want added 2, skipped 2, repaired 1 (problems %v)", *st, problems)
	}
	if len(problems) != 3 {
		t.Errorf("problems = %v; want 3", problems)
	}
}
