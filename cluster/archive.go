package cluster

import (
	"archive/tar"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A generation travels as one uncompressed tar of its files (Bleve's
// segments are compressed already), written the same way every time:
// sorted names, no owners, no times. So the digest of a generation's
// archive names its content, whoever makes it.

// digestPrefix says which hash a digest is of.
const digestPrefix = "sha256:"

func newDigest() hash.Hash { return sha256.New() }

func digestString(h hash.Hash) string { return digestPrefix + hex.EncodeToString(h.Sum(nil)) }

// writeArchive writes the files under genDir to w as a tar.
func writeArchive(w io.Writer, genDir string) error {
	var names []string
	err := filepath.WalkDir(genDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(genDir, p)
			if err != nil {
				return err
			}
			names = append(names, filepath.ToSlash(rel))
		} else if !d.IsDir() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list generation: %w", err)
	}
	sort.Strings(names)
	tw := tar.NewWriter(w)
	for _, name := range names {
		if err := addFile(tw, genDir, name); err != nil {
			return err
		}
	}
	return tw.Close()
}

func addFile(tw *tar.Writer, genDir, name string) error {
	f, err := os.Open(filepath.Join(genDir, filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: name, Size: fi.Size(), Mode: 0o644, ModTime: time.Unix(0, 0), Format: tar.FormatPAX}
	if err := tw.WriteHeader(hdr); err != nil {
		return fmt.Errorf("archive %s: %w", name, err)
	}
	if n, err := io.Copy(tw, f); err != nil || n != fi.Size() {
		return fmt.Errorf("archive %s: %d of %d bytes: %v", name, n, fi.Size(), err)
	}
	return nil
}

// archiveDigest is the digest of genDir's archive, without writing it.
func archiveDigest(genDir string) (string, int64, error) {
	h := newDigest()
	cw := &countWriter{w: h}
	if err := writeArchive(cw, genDir); err != nil {
		return "", 0, err
	}
	return digestString(h), cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// errDigest is returned when a downloaded archive is not what the pointer
// names.
var errDigest = errors.New("digest mismatch")

// extractArchive unpacks r into dst (which exists and is empty), reading r
// to its end, and checks that the archive's digest is want. Only regular
// files under dst are written; any other entry fails the extraction.
func extractArchive(r io.Reader, dst, want string) error {
	h := newDigest()
	tr := tar.NewReader(io.TeeReader(r, h))
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read archive: %w", err)
		}
		if hdr.Typeflag != tar.TypeReg {
			return fmt.Errorf("archive entry %q is not a regular file", hdr.Name)
		}
		name := filepath.FromSlash(hdr.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("archive entry %q lies outside the generation", hdr.Name)
		}
		p := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		_, err = io.Copy(f, tr)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", hdr.Name, err)
		}
	}
	// The tar's end-of-archive blocks may leave padding unread.
	if _, err := io.Copy(h, r); err != nil {
		return fmt.Errorf("read archive: %w", err)
	}
	if got := digestString(h); got != want {
		return fmt.Errorf("%w: archive is %s, pointer says %s", errDigest, short(got), short(want))
	}
	return nil
}

func short(d string) string {
	d = strings.TrimPrefix(d, digestPrefix)
	if len(d) > 12 {
		d = d[:12]
	}
	return d
}
