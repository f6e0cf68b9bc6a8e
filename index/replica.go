package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The functions of this file are what replication (package cluster) needs
// of an index directory: which generation is published and what its marker
// says, where its files are, and how a generation made elsewhere becomes
// the published one. Replication copies a generation's files as they are;
// it never opens them.

// Marker is a generation's completion marker (kerko.json).
type Marker struct {
	Version    string    // MappingVersion of the kerko that built it
	Generation int       // its number where it was built
	Articles   int       // articles it holds
	Built      time.Time // when its build finished
}

// MarkerFile names the completion marker inside a generation directory.
const MarkerFile = metaFile

func (m *meta) marker() Marker {
	return Marker{Version: m.Version, Generation: m.Generation, Articles: m.Articles, Built: m.Built}
}

// ErrStale is returned by Install for a generation not newer than the
// published one.
var ErrStale = errors.New("generation is not newer than the published one")

// Published names the generation published in dir and returns its
// directory and marker; ErrNoIndex when dir has none.
func Published(dir string) (name, genDir string, m Marker, err error) {
	name, err = CurrentGeneration(dir)
	if err != nil {
		return "", "", Marker{}, err
	}
	genDir = filepath.Join(dir, name)
	mm, err := readMeta(genDir)
	if err != nil {
		return "", "", Marker{}, fmt.Errorf("generation %s of %q is incomplete: %w", name, dir, err)
	}
	return name, genDir, mm.marker(), nil
}

// GenerationNumber parses a generation's name ("gen-000007" is 7).
func GenerationNumber(name string) (int, bool) { return genNumber(name) }

// CheckGeneration reads the completion marker of a generation directory
// made elsewhere and checks that this kerko can open it.
func CheckGeneration(genDir string) (Marker, error) {
	m, err := readMeta(genDir)
	if err != nil {
		return Marker{}, fmt.Errorf("no completion marker: %w", err)
	}
	if m.Version != MappingVersion {
		return Marker{}, fmt.Errorf("%w (generation %s, this kerko %s)", ErrVersion, m.Version, MappingVersion)
	}
	if fi, err := os.Stat(filepath.Join(genDir, bleveSubdir)); err != nil || !fi.IsDir() {
		return Marker{}, fmt.Errorf("generation has no %s directory", bleveSubdir)
	}
	// What a server checks before opening it: a generation it would
	// refuse is not installed over one it serves.
	if err := VerifySizes(genDir); err != nil {
		return Marker{}, err
	}
	return m.marker(), nil
}

// Install publishes src, a complete generation directory on the same file
// system as dir (a download), as generation n of dir: it is renamed into
// place and CURRENT is moved to it atomically, under the builder's lock, so
// a server following dir swaps to it as to a local build. A generation not
// newer than the published one is refused with ErrStale, so that a replica
// only ever moves forward.
func Install(dir, src string, n int) (string, error) {
	if _, err := CheckGeneration(src); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create index dir: %w", err)
	}
	release, err := lock(dir)
	if err != nil {
		return "", err
	}
	defer release()
	cur, err := CurrentGeneration(dir)
	if err != nil && !errors.Is(err, ErrNoIndex) {
		return "", err
	}
	if c, ok := genNumber(cur); ok && n <= c {
		return "", fmt.Errorf("install generation %d in %q: %w (%s)", n, dir, ErrStale, cur)
	}
	name := genName(n)
	dst := filepath.Join(dir, name)
	// A leftover of an install that failed before publishing.
	if err := os.RemoveAll(dst); err != nil {
		return "", err
	}
	if err := syncTree(src); err != nil {
		return "", fmt.Errorf("sync downloaded generation: %w", err)
	}
	if err := os.Rename(src, dst); err != nil {
		return "", fmt.Errorf("move generation into %q: %w", dir, err)
	}
	if err := syncDir(dir); err != nil {
		return "", err
	}
	if err := writeFileAtomic(filepath.Join(dir, currentFile), []byte(name+"\n")); err != nil {
		return "", fmt.Errorf("publish generation: %w", err)
	}
	// The old generations are only disk space now, but for the one
	// installed over (prune).
	prune(dir, name, cur)
	return name, nil
}

// syncTree fsyncs every file and directory under root, so that the pointer
// written after it never names a generation a power loss could take back.
func syncTree(root string) error {
	return filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
