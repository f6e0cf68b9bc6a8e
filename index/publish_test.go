package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/blevesearch/bleve/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"kerko/corpus"
)

// fakeGen makes a generation directory with what its flags say: a
// completion marker (complete), a manifest.
func fakeGen(t *testing.T, dir string, n int, complete, manifest bool) {
	t.Helper()
	p := filepath.Join(dir, genName(n))
	if err := os.MkdirAll(filepath.Join(p, bleveSubdir), 0o755); err != nil {
		t.Fatal(err)
	}
	if manifest {
		mustWrite(t, filepath.Join(p, manifestFile), `{"checksum":"crc32c","files":[]}`)
	}
	if complete {
		mustWrite(t, filepath.Join(p, metaFile), fmt.Sprintf(`{"version":%q,"generation":%d,"articles":1}`, MappingVersion(), n))
	}
}

func genNames(t *testing.T, dir string) []string {
	t.Helper()
	gens, err := generations(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, n := range gens {
		out = append(out, genName(n))
	}
	return out
}

// gen is a generation of fakeGen: n, complete, manifest.
type gen struct {
	n                  int
	complete, manifest bool
}

func TestPrune(t *testing.T) {
	tests := []struct {
		name          string
		gens          []gen
		pub, previous string
		left, kept    []string
		again         bool // pruning again, after a build that published nothing
	}{
		{"the published and the one before it stay",
			[]gen{{1, true, true}, {2, true, true}, {3, true, true}}, "gen-000003", "gen-000002",
			[]string{"gen-000002", "gen-000003"}, nil, false},
		{"a damaged previous stays, and so does the newest complete one before the new",
			[]gen{{1, true, true}, {2, false, true}, {3, true, true}}, "gen-000003", "gen-000002",
			[]string{"gen-000001", "gen-000002", "gen-000003"}, nil, false},
		{"an older generation without a marker is kept and reported",
			[]gen{{1, false, true}, {2, true, true}, {3, true, true}, {4, true, true}}, "gen-000004", "gen-000003",
			[]string{"gen-000001", "gen-000003", "gen-000004"}, []string{"gen-000001"}, false},
		{"an older generation of an older kerko without its marker is kept too",
			[]gen{{1, false, false}, {2, true, true}, {3, true, true}}, "gen-000003", "gen-000002",
			[]string{"gen-000001", "gen-000002", "gen-000003"}, []string{"gen-000001"}, false},
		{"nothing is removed when the build did not know what was published",
			[]gen{{1, true, true}, {2, true, true}, {3, true, true}}, "gen-000003", "",
			[]string{"gen-000001", "gen-000002", "gen-000003"}, nil, false},
		{"after a rollback, the generation rolled back from is superseded",
			[]gen{{1, true, true}, {2, true, true}, {3, true, true}}, "gen-000003", "gen-000001",
			[]string{"gen-000001", "gen-000003"}, nil, false},
		{"a generation a killed build completed but never published goes",
			[]gen{{4, true, true}, {5, true, true}, {6, true, true}}, "gen-000006", "gen-000004",
			[]string{"gen-000004", "gen-000006"}, nil, false},
		{"a generation above the published one stays (a build that publishes nothing prunes again)",
			[]gen{{1, true, true}, {2, true, true}, {3, true, true}, {4, false, false}}, "gen-000002", "gen-000001",
			[]string{"gen-000001", "gen-000002", "gen-000003", "gen-000004"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, g := range tt.gens {
				fakeGen(t, dir, g.n, g.complete, g.manifest)
			}
			kept, err := pruneGens(dir, tt.pub, tt.previous, tt.again)
			if err != nil {
				t.Fatal(err)
			}
			if got := genNames(t, dir); !reflect.DeepEqual(got, tt.left) {
				t.Errorf("after prune(%s, previous %q): %v; want %v", tt.pub, tt.previous, got, tt.left)
			}
			if !reflect.DeepEqual(kept, tt.kept) {
				t.Errorf("reported kept %v; want %v", kept, tt.kept)
			}
		})
	}
}

// TestBuild_NothingNewFinishesPrune: a build killed after it published but
// before its prune was done leaves a superseded generation; the next build
// removes it even when it finds nothing new and publishes nothing, keeping
// the published generation and the one it replaced. (Without that,
// TestIndex_KillNine's last run, which finds nothing new after a last kill
// in that window, left three complete generations.)
func TestBuild_NothingNewFinishesPrune(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(5, "prune"), BuildOptions{})
	buildFS(t, dir, numbered(6, "prune"), BuildOptions{})
	// gen-000001 is out of sight while gen-000003 is published and back
	// after: what a kill during gen-000003's prune leaves.
	aside := filepath.Join(t.TempDir(), "gen-000001")
	if err := os.Rename(filepath.Join(dir, "gen-000001"), aside); err != nil {
		t.Fatal(err)
	}
	if st := buildFS(t, dir, numbered(7, "prune"), BuildOptions{}); !st.Published || st.Generation != 3 {
		t.Fatalf("third build: %+v; want generation 3 published", *st)
	}
	if err := os.Rename(aside, filepath.Join(dir, "gen-000001")); err != nil {
		t.Fatal(err)
	}

	st := buildFS(t, dir, numbered(7, "prune"), BuildOptions{})
	if st.Published || st.Generation != 3 {
		t.Fatalf("build with nothing new: %+v; want generation 3 kept, nothing published", *st)
	}
	if got, want := genNames(t, dir), []string{"gen-000002", "gen-000003"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after a build with nothing new: %v; want %v", got, want)
	}

	// Rolled back by hand to gen-000002: a build with nothing new leaves
	// gen-000003, the generation rolled back from, where it is.
	mustWrite(t, filepath.Join(dir, currentFile), "gen-000002\n")
	if st := buildFS(t, dir, numbered(6, "prune"), BuildOptions{}); st.Published || st.Generation != 2 {
		t.Fatalf("build with nothing new after the rollback: %+v; want generation 2 kept", *st)
	}
	if got, want := genNames(t, dir), []string{"gen-000002", "gen-000003"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after the rollback and a build with nothing new: %v; want %v", got, want)
	}
}

func TestRemoveLeftovers(t *testing.T) {
	tests := []struct {
		name     string
		gens     []gen
		complete string // the complete generation CURRENT names
		left     []string
	}{
		{"unfinished builds above the published one go",
			[]gen{{1, true, true}, {2, true, true}, {3, false, true}, {4, false, false}}, "gen-000002",
			[]string{"gen-000001", "gen-000002"}},
		{"a marker-less generation below the published one stays",
			[]gen{{1, false, false}, {2, true, true}}, "gen-000002",
			[]string{"gen-000001", "gen-000002"}},
		{"with nothing published, only directories without data go",
			[]gen{{1, false, true}, {2, false, false}}, "",
			[]string{"gen-000001"}},
		{"with nothing published, a complete generation keeps what is below it",
			[]gen{{1, false, false}, {2, true, true}, {3, false, false}}, "",
			[]string{"gen-000001", "gen-000002"}},
		{"a first build that never finished goes",
			[]gen{{1, false, false}}, "",
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, g := range tt.gens {
				fakeGen(t, dir, g.n, g.complete, g.manifest)
			}
			if err := removeLeftovers(dir, tt.complete); err != nil {
				t.Fatal(err)
			}
			if got := genNames(t, dir); !reflect.DeepEqual(got, tt.left) {
				t.Errorf("after removeLeftovers: %v; want %v", got, tt.left)
			}
		})
	}
}

func TestBuild_BrokenStateIsNeverReplacedSilently(t *testing.T) {
	fsys := numbered(20, "second")
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		kind   StateKind
	}{
		{"CURRENT removed", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, currentFile)) }, StateNoPointer},
		{"CURRENT names a missing generation", func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, currentFile), "gen-000099\n")
		}, StateMissingGeneration},
		{"CURRENT garbage", func(t *testing.T, dir string) { mustWrite(t, filepath.Join(dir, currentFile), "\x00\x01") }, StateBadPointer},
		{"marker removed", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "gen-000001", metaFile)) }, StateNoMarker},
		{"marker empty", func(t *testing.T, dir string) { mustWrite(t, filepath.Join(dir, "gen-000001", metaFile), "") }, StateBadMarker},
	}
	tmpl := templateIndex(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyIndex(t, tmpl)
			tt.damage(t, dir)
			before := treeSums(t, dir)

			// An incremental build refuses, and touches nothing.
			_, err := Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
				return r.ReadFS(ctx, fsys, "test")
			}, BuildOptions{})
			var se *StateError
			if !errors.As(err, &se) || se.State.Kind != tt.kind {
				t.Fatalf("incremental Build err = %v; want a StateError of kind %v", err, tt.kind)
			}
			sameTree(t, before, treeSums(t, dir))

			// A full build publishes a new generation and keeps gen-000001.
			st := buildFS(t, dir, fsys, BuildOptions{Full: true})
			if !st.Published || st.Generation != 2 {
				t.Fatalf("full build: %+v; want generation 2 published", *st)
			}
			for p, sum := range before {
				if strings.HasPrefix(p, "gen-000001") && treeSums(t, dir)[p] != sum {
					t.Errorf("full build changed or removed %s", p)
				}
			}
			// And the next builds keep it while it cannot be told safe to
			// remove: a marker-less generation only goes by hand.
			buildFS(t, dir, numbered(21, "third"), BuildOptions{})
			gens := genNames(t, dir)
			if tt.kind == StateNoMarker || tt.kind == StateBadMarker {
				if !contains(gens, "gen-000001") {
					t.Errorf("generations %v: the damaged gen-000001 was removed", gens)
				}
			}
		})
	}
}

// flip inverts n bytes in the middle of a file, keeping its size.
func flip(t *testing.T, name string, n int) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if n > len(b) {
		n = len(b)
	}
	start := (len(b) - n) / 2
	for i := start; i < start+n; i++ {
		b[i] ^= 0xff
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuild_CarriedFilesAreVerified(t *testing.T) {
	const gen1 = "gen-000001"
	tests := []struct {
		name    string
		damage  func(t *testing.T, genDir string)
		changed bool // one article changed in the corpus
		cause   FullCause
		says    string
	}{
		{"segment bytes flipped, one article changed", func(t *testing.T, g string) { flip(t, segment(t, g), 2000) }, true, FullCorrupt, ".zap has CRC-32C"},
		{"segment bytes flipped, corpus unchanged", func(t *testing.T, g string) { flip(t, segment(t, g), 2000) }, false, FullCorrupt, ".zap has CRC-32C"},
		{"segment truncated", func(t *testing.T, g string) { os.Truncate(segment(t, g), 100) }, true, FullCorrupt, ".zap is 100 bytes"},
		{"root.bolt bytes flipped", func(t *testing.T, g string) {
			flip(t, filepath.Join(g, bleveSubdir, "store", "root.bolt"), 16)
		}, false, FullCorrupt, "root.bolt has CRC-32C"},
		{"id list bytes flipped", func(t *testing.T, g string) { flip(t, filepath.Join(g, idsFile), 4) }, false, FullCorrupt, "ids.tsv.gz has CRC-32C"},
		{"body dictionaries flipped", func(t *testing.T, g string) { flip(t, filepath.Join(g, dictsFile), 4) }, false, FullCorrupt, dictsFile + " has CRC-32C"},
		{"manifest damaged", func(t *testing.T, g string) { flip(t, filepath.Join(g, manifestFile), 1) }, false, FullCorrupt, "manifest.json is damaged"},
		{"no manifest: an older kerko built it", func(t *testing.T, g string) { stripManifest(t, g) }, false, FullNoManifest, "no manifest"},
		{"intact", func(*testing.T, string) {}, true, NotFull, ""},
	}
	tmpl := templateIndex(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyIndex(t, tmpl)
			tt.damage(t, filepath.Join(dir, gen1))
			damaged := treeSums(t, filepath.Join(dir, gen1))
			fsys := numbered(20, "first")
			if tt.changed {
				fsys["a003.txt"] = article("Headline 3 changed\nThe summit in Astana, item word3 changed.")
			}
			st := buildFS(t, dir, fsys, BuildOptions{})
			if st.FullReason.Cause != tt.cause || st.Full != (tt.cause != NotFull) {
				t.Fatalf("build over %s: full %v, reason %q (%d); want cause %d", tt.name, st.Full, st.FullReason, st.FullReason.Cause, tt.cause)
			}
			if !strings.Contains(st.FullReason.String(), tt.says) {
				t.Errorf("reason %q does not say %q", st.FullReason, tt.says)
			}
			if tt.cause == NotFull {
				return
			}
			t.Logf("full build: %s", st.FullReason)
			if !st.Published || st.Added != 20 || st.Generation != 2 {
				t.Errorf("stats %+v; want a full build of 20 articles published as generation 2", *st)
			}
			// The damaged generation is kept as it was (the way back is
			// the user's to decide), and the new one verifies.
			sameTree(t, damaged, treeSums(t, filepath.Join(dir, gen1)))
			name, idx, dec, err := OpenPublished(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer dec.Close()
			defer idx.Close()
			n, _ := idx.DocCount()
			tq := bleve.NewTermQuery("word7")
			tq.SetField(bodyField(foldedSuffix))
			res, err := idx.Search(bleve.NewSearchRequest(tq))
			if name != "gen-000002" || n != 20 || err != nil || res.Total != 1 {
				t.Errorf("new generation %s: %d articles, word7 found %v times (%v); want gen-000002, 20, once", name, n, res, err)
			}
			if n, err := Check(context.Background(), dir, "", func(CheckLine) {}); n != 0 || err != nil {
				t.Errorf("Check of the new generation: %d problems, %v", n, err)
			}
		})
	}
}

func TestBuild_ManifestRecordsEveryFile(t *testing.T) {
	dir := t.TempDir()
	fsys := numbered(30, "first")
	buildFS(t, dir, fsys, BuildOptions{})
	fsys["a001.txt"] = article("Headline 1 changed\nThe summit in Astana, item word1 changed.")
	if st := buildFS(t, dir, fsys, BuildOptions{}); st.Full || !st.Published {
		t.Fatalf("second build: %+v; want incremental, published", *st)
	}
	for _, g := range []string{"gen-000001", "gen-000002"} {
		genDir := filepath.Join(dir, g)
		m, err := readMeta(genDir)
		if err != nil {
			t.Fatal(err)
		}
		mf, err := readManifest(genDir, m)
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		var listed []string
		for _, e := range mf.Files {
			listed = append(listed, e.Path)
		}
		files, err := manifestFiles(genDir)
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(listed)
		if !reflect.DeepEqual(listed, files) {
			t.Errorf("%s: manifest lists %v; the generation has %v", g, listed, files)
		}
		checks, err := verifyFiles(context.Background(), genDir, mf, true, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range checks {
			if c.Problem != FileOK {
				t.Errorf("%s: %s", g, c)
			}
		}
	}
}

// TestBuild_StopsWhenReadIgnoresContext cancels a build whose corpus read
// blocks without looking at its context (an open that hangs): Build must
// return, and give the lock back, all the same.
func TestBuild_StopsWhenReadIgnoresContext(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, numbered(5, "first"), BuildOptions{})
	before := treeSums(t, dir)
	stuck := make(chan struct{})
	defer close(stuck)
	ctx, cancel := context.WithCancel(context.Background())
	emitted := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := Build(ctx, dir, func(ctx context.Context, r *corpus.Reader) error {
			r.Emit(&corpus.Article{ID: "x", Title: "X", Body: "a new article"})
			close(emitted)
			<-stuck // blocks, deaf to ctx
			return nil
		}, BuildOptions{})
		done <- err
	}()
	<-emitted
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Build err = %v; want context.Canceled", err)
		}
	case <-time.After(interruptGrace + 10*time.Second):
		t.Fatal("Build did not return after its context was cancelled")
	}
	release, err := lock(dir)
	if err != nil {
		t.Fatalf("lock after the interrupted build: %v", err)
	}
	release()
	sameTree(t, before, treeSums(t, dir))
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name     string
		damage   func(t *testing.T, genDir string)
		problems []string // subjects of the problems found, in order
	}{
		{"intact", func(*testing.T, string) {}, nil},
		{"segment bytes flipped", func(t *testing.T, g string) { flip(t, segment(t, g), 2000) }, []string{"SEG", "bleve"}},
		{"segment truncated", func(t *testing.T, g string) { os.Truncate(segment(t, g), 100) }, []string{"SEG", "bleve"}},
		{"a file nobody wrote", func(t *testing.T, g string) { mustWrite(t, filepath.Join(g, "notes.txt"), "x") }, []string{"notes.txt"}},
		{"id list lost an article", func(t *testing.T, g string) {
			ids, _ := readIDs(filepath.Join(g, idsFile))
			delete(ids, "a004")
			if err := writeIDs(filepath.Join(g, idsFile), ids); err != nil {
				t.Fatal(err)
			}
		}, []string{"ids.tsv.gz", "bleve"}},
		{"marker removed", func(t *testing.T, g string) { os.Remove(filepath.Join(g, metaFile)) }, []string{"kerko.json"}},
		{"marker counts another number of articles", func(t *testing.T, g string) {
			m, _ := readMeta(g)
			m.Articles++
			b, _ := json.Marshal(m)
			mustWrite(t, filepath.Join(g, metaFile), string(b))
		}, []string{"bleve"}},
		{"no manifest", func(t *testing.T, g string) { stripManifest(t, g) }, []string{"manifest.json"}},
	}
	tmpl := templateIndex(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyIndex(t, tmpl)
			genDir := filepath.Join(dir, "gen-000001")
			tt.damage(t, genDir)
			before := treeSums(t, dir)
			var lines []CheckLine
			var problems []string
			n, err := Check(context.Background(), dir, "gen-000001", func(l CheckLine) {
				lines = append(lines, l)
				if !l.OK {
					problems = append(problems, l.Subject)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			seg, _ := filepath.Rel(genDir, segment(t, genDir))
			want := []string{}
			for _, p := range tt.problems {
				want = append(want, strings.Replace(p, "SEG", filepath.ToSlash(seg), 1))
			}
			if len(want) == 0 {
				want = nil
			}
			if n != len(problems) || !reflect.DeepEqual(problems, want) {
				t.Errorf("Check found %d problems on %v; want %v", n, problems, want)
				for _, l := range lines {
					t.Logf("%v %s %s", l.OK, l.Subject, l.Detail)
				}
			}
			if tt.problems == nil {
				// Every file and every step of Bleve's check is reported.
				var subjects []string
				for _, l := range lines {
					subjects = append(subjects, l.Subject)
				}
				for _, s := range []string{"kerko.json", "manifest.json", "bleve/store/root.bolt", filepath.ToSlash(seg), "bleve", "documents", "dictionaries"} {
					if !contains(subjects, s) {
						t.Errorf("Check did not report on %s: %v", s, subjects)
					}
				}
			}
			sameTree(t, before, treeSums(t, dir))
		})
	}
	if _, err := Check(context.Background(), tmpl, "gen-000007", func(CheckLine) {}); err == nil || !strings.Contains(err.Error(), "gen-000001") {
		t.Errorf("Check of a missing generation: %v; want an error listing gen-000001", err)
	}
}

// BenchmarkVerifyFiles checks every file of a published generation against
// its manifest, sizes and checksums: what an incremental build does before
// it carries them forward. KERKO_BENCH_INDEX names the index (the bench
// corpus built with kerko index); without it the benchmark is skipped.
func BenchmarkVerifyFiles(b *testing.B) {
	dir := os.Getenv("KERKO_BENCH_INDEX")
	if dir == "" {
		b.Skip("KERKO_BENCH_INDEX not set")
	}
	st := ReadState(dir)
	if err := st.Err(); err != nil {
		b.Fatal(err)
	}
	m, err := readMeta(st.GenDir())
	if err != nil {
		b.Fatal(err)
	}
	mf, err := readManifest(st.GenDir(), m)
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, e := range mf.Files {
		total += e.Size
	}
	b.SetBytes(total)
	for b.Loop() {
		if _, err := verifyFiles(context.Background(), st.GenDir(), mf, true, false); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRemoveGeneration_NeverHalfRemoved: a generation is renamed out of the
// generations before its files go, so a build killed while removing one
// leaves no generation missing its marker (which would be kept as damaged),
// and the next build finishes the removal.
func TestRemoveGeneration_NeverHalfRemoved(t *testing.T) {
	dir := t.TempDir()
	fakeGen(t, dir, 1, true, true)
	fakeGen(t, dir, 2, true, true)
	if err := removeGeneration(dir, "gen-000001"); err != nil {
		t.Fatal(err)
	}
	// What a kill between the rename and the removal leaves.
	if err := os.Rename(filepath.Join(dir, "gen-000002"), filepath.Join(dir, trashPrefix+"gen-000002")); err != nil {
		t.Fatal(err)
	}
	if st := ReadState(dir); st.Kind != StateEmpty {
		t.Errorf("a directory holding only a generation being removed: %v; want empty", st.Kind)
	}
	if err := removeLeftovers(dir, ""); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left in the directory: %v", entries)
	}
}
