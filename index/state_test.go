package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// templateIndex builds a published index of one generation (20 articles)
// for cases to copy and damage.
func templateIndex(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	buildFS(t, dir, numbered(20, "first"), BuildOptions{})
	return dir
}

// copyIndex copies the index in src into a new temp dir.
func copyIndex(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// treeSums fingerprints every entry under dir (files by content, links by
// target), so a test can tell that nothing was changed or removed.
func treeSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Name() == lockFile:
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "link:" + target
		case d.IsDir():
			out[rel] = "dir"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			out[rel] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, sum := range before {
		if after[p] != sum {
			t.Errorf("%s changed or vanished", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

func segment(t *testing.T, genDir string) string {
	t.Helper()
	zaps, _ := filepath.Glob(filepath.Join(genDir, bleveSubdir, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatalf("no segment in %s", genDir)
	}
	return zaps[0]
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stripManifest makes a generation look as if an older kerko built it.
func stripManifest(t *testing.T, genDir string) {
	t.Helper()
	if err := os.Remove(filepath.Join(genDir, manifestFile)); err != nil {
		t.Fatal(err)
	}
	m, err := readMeta(genDir)
	if err != nil {
		t.Fatal(err)
	}
	m.Manifest = ""
	b, _ := json.Marshal(m)
	mustWrite(t, filepath.Join(genDir, metaFile), string(b))
}

func TestReadState_Kinds(t *testing.T) {
	const gen1 = "gen-000001"
	secret := filepath.Join(t.TempDir(), "secret")
	mustWrite(t, secret, "hunter2-password\n")
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string) // on a copy of a published index
		fresh  bool                           // start from an empty directory instead
		kind   StateKind
		file   string   // suffix of State.File
		says   []string // in the message
		never  []string // never in the message
	}{
		{name: "published", damage: func(*testing.T, string) {}, kind: StatePublished},
		{name: "missing dir", fresh: true, damage: func(t *testing.T, dir string) { os.Remove(dir) }, kind: StateEmpty, says: []string{"no index in", "kerko index --index"}},
		{name: "empty dir", fresh: true, damage: func(*testing.T, string) {}, kind: StateEmpty},
		{name: "a build's leftover only", fresh: true, damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, lockFile), "")
			os.MkdirAll(filepath.Join(dir, "gen-000003", bleveSubdir), 0o755)
		}, kind: StateEmpty},
		{name: "someone's files", fresh: true, damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "thesis.tex"), "x")
		}, kind: StateNotIndex, says: []string{"thesis.tex", "empty or new directory"}},
		{name: "CURRENT removed", damage: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, currentFile))
		}, kind: StateNoPointer, file: "", says: []string{"CURRENT is missing", "gen-000001 (20 articles", "printf 'gen-000001\\n' >", "kerko index --full"}},
		{name: "CURRENT names a missing generation", damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, currentFile), "gen-000099")
		}, kind: StateMissingGeneration, says: []string{"names gen-000099", "gen-000001 (20 articles", "printf 'gen-000001\\n' >"}},
		{name: "CURRENT holds a short typo", damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, currentFile), "gen-1\n")
		}, kind: StateBadPointer, file: currentFile, says: []string{`holds "gen-1"`, "such as gen-000001", "printf 'gen-000001\\n' >"}},
		{name: "CURRENT holds garbage", damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, currentFile), "gen-000001\x00\x1b[31m"+strings.Repeat("A", 4000))
		}, kind: StateBadPointer, file: currentFile, says: []string{"4016 bytes that are not a generation name"}, never: []string{"AAAA", "\x1b"}},
		{name: "CURRENT holds control bytes", damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, currentFile), "\x1b[2J")
		}, kind: StateBadPointer, file: currentFile, says: []string{"4 bytes"}, never: []string{"\x1b"}},
		{name: "CURRENT is a symbolic link to another file", damage: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, currentFile))
			if err := os.Symlink(secret, filepath.Join(dir, currentFile)); err != nil {
				t.Fatal(err)
			}
		}, kind: StateBadPointer, file: currentFile, says: []string{"symbolic link", "rm ", "printf 'gen-000001\\n' >"}, never: []string{"hunter2"}},
		{name: "CURRENT is a symbolic link to a good pointer", damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, "elsewhere"), "gen-000001\n")
			os.Remove(filepath.Join(dir, currentFile))
			os.Symlink(filepath.Join(dir, "elsewhere"), filepath.Join(dir, currentFile))
		}, kind: StateBadPointer, file: currentFile, says: []string{"symbolic link"}},
		{name: "CURRENT is a directory", damage: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, currentFile))
			os.Mkdir(filepath.Join(dir, currentFile), 0o755)
		}, kind: StateBadPointer, file: currentFile, says: []string{"not a regular file"}},
		{name: "marker removed", damage: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, gen1, metaFile))
		}, kind: StateNoMarker, file: filepath.Join(gen1, metaFile), says: []string{"kerko.json is missing", "no other complete generation", "kerko index --full"}},
		{name: "marker empty", damage: func(t *testing.T, dir string) {
			mustWrite(t, filepath.Join(dir, gen1, metaFile), "")
		}, kind: StateBadMarker, file: filepath.Join(gen1, metaFile), says: []string{"completion marker", "unexpected end of JSON input"}},
		{name: "other version", damage: func(t *testing.T, dir string) { rewriteVersion(t, dir, 1) },
			kind: StateVersion, says: []string{"another kerko version", "--full"}},
		{name: "segment truncated", damage: func(t *testing.T, dir string) {
			seg := segment(t, filepath.Join(dir, gen1))
			if err := os.Truncate(seg, 1000); err != nil {
				t.Fatal(err)
			}
		}, kind: StateDamaged, file: ".zap", says: []string{"is 1000 bytes; the manifest records", "kerko index --check"}},
		{name: "segment grown", damage: func(t *testing.T, dir string) {
			f, _ := os.OpenFile(segment(t, filepath.Join(dir, gen1)), os.O_APPEND|os.O_WRONLY, 0)
			f.Write([]byte("more"))
			f.Close()
		}, kind: StateDamaged, file: ".zap", says: []string{"truncated or overwritten"}},
		{name: "segment removed", damage: func(t *testing.T, dir string) {
			os.Remove(segment(t, filepath.Join(dir, gen1)))
		}, kind: StateDamaged, file: ".zap", says: []string{"is missing"}},
		{name: "root.bolt zero length", damage: func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, gen1, bleveSubdir, "store", "root.bolt"), 0)
		}, kind: StateDamaged, file: "root.bolt", says: []string{"root.bolt is 0 bytes"}, never: []string{"bad file descriptor"}},
		{name: "manifest damaged", damage: func(t *testing.T, dir string) {
			p := filepath.Join(dir, gen1, manifestFile)
			b, _ := os.ReadFile(p)
			mustWrite(t, p, strings.Replace(string(b), `"size": `, `"size": 1`, 1))
		}, kind: StateDamaged, file: manifestFile, says: []string{"manifest.json is damaged"}},
		{name: "manifest removed", damage: func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, gen1, manifestFile))
		}, kind: StateDamaged, file: manifestFile, says: []string{"manifest.json is missing"}},
		{name: "older generation without manifest", damage: func(t *testing.T, dir string) {
			stripManifest(t, filepath.Join(dir, gen1))
		}, kind: StatePublished},
		{name: "older generation, root.bolt zero length", damage: func(t *testing.T, dir string) {
			stripManifest(t, filepath.Join(dir, gen1))
			os.Truncate(filepath.Join(dir, gen1, bleveSubdir, "store", "root.bolt"), 0)
		}, kind: StateDamaged, file: "root.bolt", says: []string{"root.bolt is empty (0 bytes)"}, never: []string{"bad file descriptor"}},
		{name: "older generation, index_meta.json zero length", damage: func(t *testing.T, dir string) {
			stripManifest(t, filepath.Join(dir, gen1))
			os.Truncate(filepath.Join(dir, gen1, bleveSubdir, "index_meta.json"), 0)
		}, kind: StateDamaged, file: "index_meta.json", says: []string{"index_meta.json is empty"}},
	}
	tmpl := templateIndex(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dir string
			if tt.fresh {
				dir = filepath.Join(t.TempDir(), "index")
				os.Mkdir(dir, 0o755)
			} else {
				dir = copyIndex(t, tmpl)
			}
			tt.damage(t, dir)
			var before map[string]string
			if _, err := os.Stat(dir); err == nil {
				before = treeSums(t, dir)
			}
			st := ReadState(dir)
			if st.Kind != tt.kind {
				t.Fatalf("ReadState = %v (%v); want %v", st.Kind, st.Err(), tt.kind)
			}
			if !strings.HasSuffix(st.File, tt.file) || (tt.file != "" && st.File == "") {
				t.Errorf("State.File = %q; want it to end in %q", st.File, tt.file)
			}
			err := st.Err()
			if (err == nil) != (tt.kind == StatePublished) {
				t.Fatalf("Err() = %v for %v", err, st.Kind)
			}
			if err != nil {
				msg := err.Error()
				for _, s := range tt.says {
					if !strings.Contains(msg, s) {
						t.Errorf("message does not say %q:\n%s", s, msg)
					}
				}
				for _, s := range tt.never {
					if strings.Contains(msg, s) {
						t.Errorf("message shows %q:\n%s", s, msg)
					}
				}
				t.Logf("%s", msg)
			}
			if before != nil {
				sameTree(t, before, treeSums(t, dir))
			}
		})
	}
}

func TestStateError_Is(t *testing.T) {
	tests := []struct {
		kind       StateKind
		noIndex    bool
		versionErr bool
	}{
		{StateEmpty, true, false},
		{StateVersion, false, true},
		{StateNoPointer, false, false},
		{StateDamaged, false, false},
	}
	for _, tt := range tests {
		err := State{Dir: "/x", Kind: tt.kind}.Err()
		if errors.Is(err, ErrNoIndex) != tt.noIndex || errors.Is(err, ErrVersion) != tt.versionErr {
			t.Errorf("%v: Is(ErrNoIndex) = %v, Is(ErrVersion) = %v; want %v, %v", tt.kind,
				errors.Is(err, ErrNoIndex), errors.Is(err, ErrVersion), tt.noIndex, tt.versionErr)
		}
	}
}
