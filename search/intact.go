package search

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

// Bleve maps a generation's segment files into memory. A file truncated
// under a running server (a disk tool, a careless copy, a full rebuild by
// hand into the published directory) would make the next read of a page
// past its new end a SIGBUS, which kills the process unless the goroutine
// reading asked for faults to be panics (safely does, but Bleve reads some
// dictionaries on goroutines of its own). So each search first checks, with
// a stat per segment file, that the files still have the sizes they had
// when the generation was opened, and fails the request if not.

// mappedFile is a segment file of a generation as it was at opening.
type mappedFile struct {
	path string
	size int64
	info os.FileInfo
}

// mappedFiles lists the segment files of the generation in genDir.
func mappedFiles(genDir string) []mappedFile {
	paths, _ := filepath.Glob(filepath.Join(genDir, "bleve", "store", "*.zap"))
	var out []mappedFile
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil {
			out = append(out, mappedFile{p, info.Size(), info})
		}
	}
	return out
}

// intact reports an error wrapping ErrInternal when a segment file of g no
// longer has the size it had when g was opened; it is logged once per
// generation, and every search on g fails until a new one is published.
// A file removed or replaced by another (a generation collected after a
// newer one was published) is no damage: the mapping keeps the old file's
// pages whatever its name now holds.
func (g *generation) intact() error {
	for _, f := range g.mapped {
		info, err := os.Stat(f.path)
		if err != nil || !os.SameFile(info, f.info) || info.Size() == f.size {
			continue
		}
		err = fmt.Errorf("%w: segment %s of %s changed under the server (%d bytes when opened, now %d); rebuild the index (kerko index --full)", ErrInternal, filepath.Base(f.path), g.name, f.size, info.Size())
		g.damagedOnce.Do(func() { slog.Error("index damaged while serving", "generation", g.name, "err", err) })
		return err
	}
	return nil
}
