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
			if info.Mode().IsRegular() {
				if f, err := os.OpenFile(p, openFlags, 0); err == nil {
					n += estimateFile(ctx, f, filepath.Base(p))
					f.Close()
				}
			}
			continue
		}
		root, err := os.OpenRoot(p)
		if err != nil {
			continue
		}
		fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// Only regular files are opened, as the read itself does; a
			// link counts as the .txt article it may be.
			switch t := d.Type(); {
			case err != nil || d.IsDir():
			case t.IsRegular():
				if f, err := root.OpenFile(name, openFlags, 0); err == nil {
					n += estimateFile(ctx, f, name)
					f.Close()
				}
			case t&fs.ModeSymlink != 0 && kind(name) == "txt":
				n++
			}
			return nil
		})
		root.Close()
	}
	return n
}

func estimateFile(ctx context.Context, f io.Reader, name string) int {
	switch kind(name) {
	case "txt":
		return 1
	case "jsonl":
	default:
		return 0
	}
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
