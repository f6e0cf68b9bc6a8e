package index

import (
	"context"
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
	"unicode"
	"unicode/utf8"
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
	// Manifest is the CRC-32C of the generation's manifest (manifest.go),
	// so that a damaged manifest is told apart from damaged data. Empty in
	// generations built before kerko wrote manifests.
	Manifest string `json:"manifest,omitempty"`
	// Previous is the generation CURRENT named when this one's build
	// started, the one its prune keeps as the way back; a build that
	// publishes nothing prunes against it again (see Build). Empty when
	// CURRENT named nothing on disk, and in generations of older kerkos.
	Previous string `json:"previous,omitempty"`
}

func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

// genNumber parses a generation's name; only the names genName makes are
// generations ("gen-1" is not gen-000001), so a name read from CURRENT or a
// directory listing means exactly one directory.
func genNumber(name string) (int, bool) {
	if !strings.HasPrefix(name, genPrefix) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(name, genPrefix))
	return n, err == nil && n > 0 && genName(n) == name
}

// maxPointerBytes bounds what is read of CURRENT: a generation's name and a
// newline. A longer file is not a pointer, whatever it holds.
const maxPointerBytes = 64

// errNoPointer is readPointer's answer when CURRENT does not exist.
var errNoPointer = errors.New("no CURRENT file")

// pointerError says why CURRENT is not a pointer kerko can follow. Its
// message never quotes more of the file than a short printable name.
type pointerError struct {
	problem pointerProblem
	text    string // what CURRENT holds, when it is short and printable
	size    int64
	target  string // where a symbolic link points
	err     error
}

type pointerProblem int

const (
	pointerGarbage    pointerProblem = iota // a regular file not holding a generation name
	pointerSymlink                          // a symbolic link: kerko writes CURRENT as a plain file
	pointerNotFile                          // a directory, FIFO, device...
	pointerUnreadable                       // stat or read failed
)

func (e *pointerError) Error() string {
	switch e.problem {
	case pointerSymlink:
		return fmt.Sprintf("it is a symbolic link (to %q); kerko neither follows nor reads it", e.target)
	case pointerNotFile:
		return "it is not a regular file"
	case pointerUnreadable:
		return fmt.Sprintf("it cannot be read: %v", e.err)
	}
	if e.text != "" || e.size == 0 {
		return fmt.Sprintf("it holds %q", e.text)
	}
	return fmt.Sprintf("it holds %d bytes that are not a generation name", e.size)
}

func (e *pointerError) Unwrap() error { return e.err }

// readPointer returns the generation CURRENT names, errNoPointer when there
// is no CURRENT, or a *pointerError. It looks at CURRENT with Lstat and opens
// it with O_NOFOLLOW: a CURRENT linked to another file is refused, and none
// of that file is read or shown.
func readPointer(dir string) (string, error) {
	name := filepath.Join(dir, currentFile)
	info, err := os.Lstat(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", errNoPointer
	case err != nil:
		return "", &pointerError{problem: pointerUnreadable, err: err}
	case info.Mode()&os.ModeSymlink != 0:
		target, _ := os.Readlink(name)
		return "", &pointerError{problem: pointerSymlink, target: target}
	case !info.Mode().IsRegular():
		return "", &pointerError{problem: pointerNotFile}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return "", &pointerError{problem: pointerUnreadable, err: err}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPointerBytes+1))
	if err != nil {
		return "", &pointerError{problem: pointerUnreadable, err: err}
	}
	text := strings.TrimSpace(string(b))
	if _, ok := genNumber(text); ok && len(b) <= maxPointerBytes {
		return text, nil
	}
	pe := &pointerError{problem: pointerGarbage, size: info.Size()}
	if len(b) <= maxPointerBytes && printable(text) {
		pe.text = text
	}
	return "", pe
}

// printable reports whether s is short text a message may quote: valid
// UTF-8 without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// CurrentGeneration returns the name of the generation CURRENT names, with
// one small read (a server polls it), ErrNoIndex when there is no CURRENT, or
// an error saying what is wrong with CURRENT. ReadState says whether that
// generation can be opened.
func CurrentGeneration(dir string) (string, error) {
	name, err := readPointer(dir)
	if errors.Is(err, errNoPointer) {
		return "", ErrNoIndex
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Join(dir, currentFile), err)
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

// trashPrefix names a generation being removed. Removing a directory is
// not atomic: a build killed half-way through would leave a generation
// with some files gone (its marker, say), which would then look like a
// damaged generation to keep. A generation is renamed first, atomically,
// out of the generations, then removed; a name with this prefix is always
// safe to remove.
const trashPrefix = ".deleting-"

// removeGeneration removes generation name from dir.
func removeGeneration(dir, name string) error {
	trash := filepath.Join(dir, trashPrefix+name)
	if err := os.RemoveAll(trash); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(dir, name), trash); err != nil {
		return err
	}
	return os.RemoveAll(trash)
}

// emptyTrash finishes removals that a killed build began.
func emptyTrash(dir string) error {
	trash, err := filepath.Glob(filepath.Join(dir, trashPrefix+genPrefix+"*"))
	if err != nil {
		return err
	}
	for _, t := range trash {
		if err := os.RemoveAll(t); err != nil {
			return err
		}
	}
	return nil
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
// bolt root among it, is copied. It stops between files when ctx ends.
func cloneDir(ctx context.Context, src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
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

// ExplainOpenError explains Bleve failing to open a generation, naming the file
// its own message leaves out: a truncated segment or root surfaces as
// "error parsing mapping JSON: unexpected end of JSON input" (the mapping is
// read from the index's last snapshot, which could not be loaded), a
// damaged index_meta.json as "metadata corrupt".
func ExplainOpenError(genDir string, err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n") // Bleve appends the mapping it could not parse
	dir, gen := filepath.Dir(genDir), filepath.Base(genDir)
	store := filepath.Join(genDir, bleveSubdir, "store")
	var what string
	switch {
	case strings.Contains(msg, "error parsing mapping JSON"):
		what = fmt.Sprintf("Bleve could not load the index snapshot in %s (root.bolt or a segment it lists is damaged or truncated)", filepath.Join(store, "root.bolt"))
	case strings.Contains(msg, "metadata corrupt"):
		what = fmt.Sprintf("%s is damaged", filepath.Join(genDir, bleveSubdir, "index_meta.json"))
	default:
		what = fmt.Sprintf("Bleve could not open %s", filepath.Join(genDir, bleveSubdir))
	}
	return fmt.Errorf("open index generation %s: %s: %s\n  check every file: kerko index --check --index %s --generation %s\n  to rebuild from your corpus: kerko index --full --index %s --corpus YOUR-CORPUS",
		gen, what, msg, shellQuote(dir), gen, shellQuote(dir))
}
