package corpus

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Estimate counts, without parsing, how many articles reading paths would
// deliver at most: one per .txt file and one per non-blank .jsonl line. It
// is the total of a progress bar, known before the slower real read ends;
// what cannot be read counts as nothing, since the read itself reports it.
func Estimate(ctx context.Context, paths ...string) int {
	n := 0
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			n += estimateFile(ctx, os.DirFS(filepath.Dir(p)), filepath.Base(p))
			continue
		}
		fsys := os.DirFS(p)
		fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err == nil && !d.IsDir() {
				n += estimateFile(ctx, fsys, name)
			}
			return nil
		})
	}
	return n
}

func estimateFile(ctx context.Context, fsys fs.FS, name string) int {
	switch kind(name) {
	case "txt":
		return 1
	case "jsonl":
	default:
		return 0
	}
	f, err := fsys.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	br := bufio.NewReaderSize(f, 256<<10)
	blank := true
	for ctx.Err() == nil {
		chunk, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue // a long line goes on
		}
		if !blank {
			n++
		}
		blank = true
		if err == io.EOF || err != nil {
			break
		}
	}
	return n
}
