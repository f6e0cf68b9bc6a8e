package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	currentFile = "CURRENT"
	lockFile    = "LOCK"
	genPrefix   = "gen-"
	metaFile    = "kerko.json" // completion marker of a generation
	// idsFile lists id<TAB>hash of every article in a generation, gzipped:
	// plain, it was 1.7 of the bench index's 86 MiB (0.8 gzipped; the
	// hashes are random hex, the sorted ids compress well).
	idsFile     = "ids.tsv.gz"
	bleveSubdir = "bleve"
)

// ErrBusy is returned when another process is building the same index.
var ErrBusy = errors.New("index is busy: another kerko index is running on it")

// ErrNoIndex is returned when a directory holds no published generation.
var ErrNoIndex = errors.New("no index has been built here yet")

// meta is a generation's completion marker; a generation directory without
// it is a build that never finished.
type meta struct {
	Version    string    `json:"version"`
	Generation int       `json:"generation"`
	Articles   int       `json:"articles"`
	Built      time.Time `json:"built"`
}

func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

func genNumber(name string) (int, bool) {
	if !strings.HasPrefix(name, genPrefix) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(name, genPrefix))
	return n, err == nil && n > 0
}

// current returns the published generation's name, or ErrNoIndex.
func current(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", ErrNoIndex
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", currentFile, err)
	}
	name := strings.TrimSpace(string(b))
	if _, ok := genNumber(name); !ok {
		return "", fmt.Errorf("%s in %q names %q, not a generation", currentFile, dir, name)
	}
	return name, nil
}

// readMeta reads a generation's completion marker.
func readMeta(genDir string) (*meta, error) {
	b, err := os.ReadFile(filepath.Join(genDir, metaFile))
	if err != nil {
		return nil, err
	}
	var m meta
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse %s: %w", filepath.Join(genDir, metaFile), err)
	}
	return &m, nil
}

// Exists reports whether dir holds a published index.
func Exists(dir string) bool {
	name, err := current(dir)
	if err != nil {
		return false
	}
	_, err = readMeta(filepath.Join(dir, name))
	return err == nil
}

// lock takes the builder lock of dir without waiting.
func lock(dir string) (release func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrBusy
		}
		return nil, fmt.Errorf("lock %q: %w", dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// generations lists the generation numbers present in dir, oldest first.
func generations(dir string) ([]int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var gens []int
	for _, e := range entries {
		if n, ok := genNumber(e.Name()); ok && e.IsDir() {
			gens = append(gens, n)
		}
	}
	sort.Ints(gens)
	return gens, nil
}

// writeFileAtomic writes data to name through a temp file, fsync and rename,
// so readers see either the old content or the new, never a torn file.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	return syncDir(filepath.Dir(name))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// cloneDir copies a closed Bleve index directory for an incremental build:
// segment files are immutable once written, so they are hard-linked (cheap,
// and the copy's merges delete only its own links); everything else, the
// bolt root among it, is copied.
func cloneDir(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".zap") {
			if err := os.Link(p, target); err == nil {
				return nil
			}
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// dirSize adds up the bytes of the files under dir (hard links count fully).
func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}
