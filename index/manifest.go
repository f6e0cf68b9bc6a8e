package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A generation's manifest lists every file of it, with its size and
// CRC-32C, as they were when the generation was published. It is written
// into the generation before the completion marker, and the marker records
// the manifest's own CRC-32C.
//
// It lets kerko tell a damaged generation from a good one without trusting
// Bleve to notice: sizes are compared whenever a generation is opened (a few
// stats; a truncated segment would otherwise be mapped and fault on a later
// read), and checksums when an incremental build carries the published
// generation's files into the next one and in `kerko index --check`.
//
// CRC-32C (Castagnoli) because it is in the standard library, runs on the
// CPU's CRC32 instruction (several GB/s, so verifying is bounded by reading
// the files, not by hashing them), and is what storage systems use for this
// very job: catching torn, truncated or flipped bytes, which it detects in
// all bursts up to 32 bits and otherwise misses with probability 2^-32. It
// does not guard against deliberate tampering: anyone who can rewrite a
// segment can rewrite the manifest too.
const manifestFile = "manifest.json"

// checksumName names the checksum in the manifest, so another can follow.
const checksumName = "crc32c"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type manifest struct {
	Checksum string          `json:"checksum"`
	Files    []manifestEntry `json:"files"`
}

type manifestEntry struct {
	Path string `json:"path"` // relative to the generation, with slashes
	Size int64  `json:"size"`
	Sum  string `json:"crc32c"` // eight hex digits
}

func formatSum(sum uint32) string { return fmt.Sprintf("%08x", sum) }

func parseSum(s string) (uint32, error) {
	v, err := strconv.ParseUint(s, 16, 32)
	return uint32(v), err
}

// errNoManifest is readManifest's answer for a generation built before
// kerko wrote manifests.
var errNoManifest = errors.New("no manifest (the generation was built by a kerko that did not write one)")

// readManifest reads genDir's manifest and checks it against the CRC-32C
// its completion marker recorded (m; nil to skip that check).
func readManifest(genDir string, m *meta) (*manifest, error) {
	name := filepath.Join(genDir, manifestFile)
	b, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		if m != nil && m.Manifest != "" {
			return nil, fmt.Errorf("%s is missing, but %s records one", name, metaFile)
		}
		return nil, errNoManifest
	}
	if err != nil {
		return nil, err
	}
	if m != nil && m.Manifest != "" {
		if got := formatSum(crc32.Checksum(b, castagnoli)); got != m.Manifest {
			return nil, fmt.Errorf("%s is damaged: its CRC-32C is %s, %s recorded %s", name, got, metaFile, m.Manifest)
		}
	}
	var mf manifest
	if err := json.Unmarshal(b, &mf); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	if mf.Checksum != checksumName {
		return nil, fmt.Errorf("%s: unknown checksum %q", name, mf.Checksum)
	}
	for _, e := range mf.Files {
		if _, err := parseSum(e.Sum); err != nil || !localPath(e.Path) {
			return nil, fmt.Errorf("%s: malformed entry %q", name, e.Path)
		}
	}
	return &mf, nil
}

// localPath reports whether a manifest path stays inside its generation.
func localPath(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p))
}

// manifestFiles lists the files a manifest covers: every regular file of
// the generation but the marker, the manifest and temporary files.
func manifestFiles(genDir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(genDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(genDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == metaFile || rel == manifestFile || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		files = append(files, rel)
		return nil
	})
	sort.Strings(files)
	return files, err
}

// writeManifest writes genDir's manifest and returns its CRC-32C for the
// completion marker. A file hard-linked from the published generation prev
// (nil for a full build) keeps the checksum recorded when it was written:
// the build verified it against that record before carrying it over.
func writeManifest(ctx context.Context, genDir, prevDir string, prev *manifest) (string, error) {
	files, err := manifestFiles(genDir)
	if err != nil {
		return "", err
	}
	recorded := map[string]manifestEntry{}
	if prev != nil {
		for _, e := range prev.Files {
			recorded[e.Path] = e
		}
	}
	mf := manifest{Checksum: checksumName, Files: make([]manifestEntry, 0, len(files))}
	for _, rel := range files {
		p := filepath.Join(genDir, filepath.FromSlash(rel))
		info, err := os.Stat(p)
		if err != nil {
			return "", err
		}
		if e, ok := recorded[rel]; ok && e.Size == info.Size() {
			if old, err := os.Stat(filepath.Join(prevDir, filepath.FromSlash(rel))); err == nil && os.SameFile(old, info) {
				mf.Files = append(mf.Files, e)
				continue
			}
		}
		sum, size, err := fileSum(ctx, p)
		if err != nil {
			return "", err
		}
		mf.Files = append(mf.Files, manifestEntry{Path: rel, Size: size, Sum: formatSum(sum)})
	}
	b, err := json.MarshalIndent(mf, "", "  ")
	if err != nil {
		return "", err
	}
	if err := writeFileAtomic(filepath.Join(genDir, manifestFile), b); err != nil {
		return "", err
	}
	return formatSum(crc32.Checksum(b, castagnoli)), nil
}

// sumChunk is how much fileSum reads between looks at ctx.
const sumChunk = 1 << 20

// fileSum returns the CRC-32C and length of a file, reading it in chunks so
// that a cancelled ctx stops it within one.
func fileSum(ctx context.Context, name string) (uint32, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	buf := make([]byte, sumChunk)
	var sum uint32
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		k, err := f.Read(buf)
		sum = crc32.Update(sum, castagnoli, buf[:k])
		n += int64(k)
		if err == io.EOF {
			return sum, n, nil
		}
		if err != nil {
			return 0, 0, err
		}
	}
}

// FileProblem is what a check found wrong with one file of a generation.
type FileProblem int

const (
	FileOK            FileProblem = iota
	FileMissing                   // listed in the manifest, not on disk
	FileSize                      // on disk with another size than recorded
	FileChecksum                  // the recorded size, other bytes
	FileUnreadable                // could not be read
	FileNotInManifest             // on disk, not listed: not written by the build that published the generation
	FileEmpty                     // a file Bleve needs is empty (checked without a manifest too)
)

// FileCheck is the verdict on one file of a generation.
type FileCheck struct {
	Path    string // relative to the generation directory, with slashes
	Problem FileProblem
	Size    int64 // on disk
	Want    int64 // recorded in the manifest
	Sum     uint32
	WantSum uint32
	Err     error // FileUnreadable's cause
}

// String names the file and says what is wrong with it, or that it is fine.
func (c FileCheck) String() string { return c.Path + " " + c.Verdict() }

// Verdict says what is wrong with the file, or that it is fine, without
// naming it.
func (c FileCheck) Verdict() string {
	switch c.Problem {
	case FileMissing:
		if c.Want > 0 {
			return fmt.Sprintf("is missing (the manifest records %d bytes)", c.Want)
		}
		return "is missing"
	case FileSize:
		return fmt.Sprintf("is %d bytes; the manifest records %d (truncated or overwritten)", c.Size, c.Want)
	case FileChecksum:
		return fmt.Sprintf("has CRC-32C %08x; the manifest records %08x (its bytes changed after it was written)", c.Sum, c.WantSum)
	case FileUnreadable:
		return fmt.Sprintf("cannot be read: %v", c.Err)
	case FileNotInManifest:
		return fmt.Sprintf("is not in the manifest (%d bytes; the build that published the generation did not write it)", c.Size)
	case FileEmpty:
		return "is empty (0 bytes); Bleve cannot open the generation without it"
	}
	return fmt.Sprintf("%d bytes, CRC-32C %08x", c.Size, c.Sum)
}

// verifyFiles compares genDir's files with its manifest: sizes only, or
// with withSums the checksums too (every byte read). It returns one check
// per manifest entry (and per file the manifest does not list, with
// extras), in manifest order.
func verifyFiles(ctx context.Context, genDir string, mf *manifest, withSums, extras bool) ([]FileCheck, error) {
	checks := make([]FileCheck, 0, len(mf.Files))
	listed := make(map[string]bool, len(mf.Files))
	for _, e := range mf.Files {
		listed[e.Path] = true
		want, _ := parseSum(e.Sum)
		c := FileCheck{Path: e.Path, Want: e.Size, WantSum: want}
		p := filepath.Join(genDir, filepath.FromSlash(e.Path))
		info, err := os.Stat(p)
		switch {
		case errors.Is(err, os.ErrNotExist):
			c.Problem = FileMissing
		case err != nil:
			c.Problem, c.Err = FileUnreadable, err
		case info.Size() != e.Size:
			c.Problem, c.Size = FileSize, info.Size()
		case withSums:
			c.Size = info.Size()
			sum, n, err := fileSum(ctx, p)
			switch {
			case ctx.Err() != nil:
				return nil, ctx.Err()
			case err != nil:
				c.Problem, c.Err = FileUnreadable, err
			case n != e.Size:
				c.Problem, c.Size = FileSize, n // it changed under us
			case sum != want:
				c.Problem, c.Sum = FileChecksum, sum
			default:
				c.Sum = sum
			}
		default:
			c.Size, c.Sum = info.Size(), want
		}
		checks = append(checks, c)
	}
	if extras {
		files, err := manifestFiles(genDir)
		if err != nil {
			return nil, err
		}
		for _, rel := range files {
			if !listed[rel] {
				c := FileCheck{Path: rel, Problem: FileNotInManifest}
				if info, err := os.Stat(filepath.Join(genDir, filepath.FromSlash(rel))); err == nil {
					c.Size = info.Size()
				}
				checks = append(checks, c)
			}
		}
	}
	return checks, nil
}

// bleveEssentials are files Bleve reads first when it opens a generation;
// either one empty gives errors that name neither ("bad file descriptor",
// "metadata corrupt"), so they are looked at by name, manifest or not.
var bleveEssentials = []string{bleveSubdir + "/index_meta.json", bleveSubdir + "/store/root.bolt"}

// FileError is a file of a generation that failed a check.
type FileError struct {
	GenDir string
	Check  FileCheck
}

func (e *FileError) Error() string {
	c := e.Check
	c.Path = filepath.Join(e.GenDir, filepath.FromSlash(c.Path))
	return c.String()
}

// VerifySizes checks, with a few stats and no reads of index data, that
// every file of the generation in genDir has the size its manifest
// recorded, and that the files Bleve opens first are not empty. A server
// calls it before opening a generation: a truncated segment refused here
// would otherwise be mapped into memory and fault (SIGBUS) on a later read,
// or fail with a message naming no file. A generation without a manifest
// (built by an older kerko) gets only the second check.
func VerifySizes(genDir string) error {
	m, err := readMeta(genDir)
	if err != nil {
		return err
	}
	mf, err := readManifest(genDir, m)
	switch {
	case errors.Is(err, errNoManifest):
	case err != nil:
		return err
	default:
		checks, err := verifyFiles(context.Background(), genDir, mf, false, false)
		if err != nil {
			return err
		}
		for _, c := range checks {
			if c.Problem != FileOK {
				return &FileError{GenDir: genDir, Check: c}
			}
		}
	}
	for _, c := range essentialChecks(genDir) {
		if c.Problem != FileOK {
			return &FileError{GenDir: genDir, Check: c}
		}
	}
	return nil
}

// essentialChecks looks at the files of bleveEssentials: present and not
// empty.
func essentialChecks(genDir string) []FileCheck {
	checks := make([]FileCheck, len(bleveEssentials))
	for i, rel := range bleveEssentials {
		c := FileCheck{Path: rel}
		info, err := os.Stat(filepath.Join(genDir, filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, os.ErrNotExist):
			c.Problem = FileMissing
		case err != nil:
			c.Problem, c.Err = FileUnreadable, err
		case info.Size() == 0:
			c.Problem = FileEmpty
		default:
			c.Size = info.Size()
		}
		checks[i] = c
	}
	return checks
}
