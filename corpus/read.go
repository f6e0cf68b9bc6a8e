package corpus

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

//go:embed seeds/*.txt
var seeds embed.FS

// Seeds returns the embedded default corpus: the five seed articles.
func Seeds() fs.FS {
	sub, err := fs.Sub(seeds, "seeds")
	if err != nil {
		panic(err) // the embed pattern above guarantees the directory
	}
	return sub
}

// MaxArticleBytes bounds one article's text: a larger .txt file, or a JSON
// line whose body is larger, is reported and skipped (a news article is
// kilobytes; a huge one is a dump or a mistake).
const MaxArticleBytes = 8 << 20

// Reader reads articles from folders, .txt and .jsonl files, and file
// systems, skipping duplicate ids across everything it reads.
type Reader struct {
	// Emit receives every valid article. An error from it stops the read.
	Emit func(*Article) error
	// Report receives every problem with the input; nil discards them.
	Report func(Problem)
	// Now is the clock for "date in the future" warnings; zero means time.Now.
	Now time.Time
	// IDPrefix, when set, is put with a "/" before the ids of .txt articles
	// read from folders, so that two folders read in one build (spor/ and
	// saglik/, each with "c (1).txt") keep their articles apart.
	IDPrefix string

	seen map[string]string // id -> origin of its first article
}

// ReadPath reads a folder (recursively: .txt and .jsonl files), a .txt file
// or a .jsonl file.
func (r *Reader) ReadPath(ctx context.Context, p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("corpus %q: %w", p, err)
	}
	if info.IsDir() {
		return r.walk(ctx, os.DirFS(p), ".", filepath.Clean(p))
	}
	dir, base := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	if kind(base) == "" {
		return fmt.Errorf("corpus %q: not a folder, .txt or .jsonl file", p)
	}
	return r.readFile(ctx, os.DirFS(dir), base, p, strings.TrimSuffix(base, path.Ext(base)))
}

// ReadFS reads every .txt and .jsonl file in fsys; name prefixes file names
// in problem reports.
func (r *Reader) ReadFS(ctx context.Context, fsys fs.FS, name string) error {
	return r.walk(ctx, fsys, ".", name)
}

func (r *Reader) walk(ctx context.Context, fsys fs.FS, root, display string) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		shown := path.Join(filepath.ToSlash(display), p)
		if err != nil {
			if p == root {
				return fmt.Errorf("corpus %q: %w", display, err)
			}
			r.report(Problem{File: shown, Action: Skipped, Reason: "unreadable: " + errText(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || kind(p) == "" {
			return nil
		}
		id := strings.TrimSuffix(p, path.Ext(p))
		if r.IDPrefix != "" {
			id = r.IDPrefix + "/" + id
		}
		return r.readFile(ctx, fsys, p, shown, id)
	})
}

// kind returns "txt" or "jsonl" for the files kerko reads, "" otherwise.
func kind(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt":
		return "txt"
	case ".jsonl":
		return "jsonl"
	}
	return ""
}

func (r *Reader) readFile(ctx context.Context, fsys fs.FS, name, shown, id string) error {
	f, err := fsys.Open(name)
	if err != nil {
		r.report(Problem{File: shown, Action: Skipped, Reason: "unreadable: " + errText(err)})
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		r.report(Problem{File: shown, Action: Skipped, Reason: "unreadable: " + errText(err)})
		return nil
	}
	if !info.Mode().IsRegular() {
		r.report(Problem{File: shown, Action: Skipped, Reason: "not a regular file"})
		return nil
	}
	if _, onDisk := info.Sys().(*syscall.Stat_t); onDisk && info.Mode().Perm()&0o444 == 0 {
		// Nobody may read it, yet the open worked: we run as root. A file
		// shut away like this is being written or kept out on purpose, so
		// it is skipped, as it would be for any other user. (In-memory file
		// systems have no permissions to speak of.)
		r.report(Problem{File: shown, Action: Skipped, Reason: fmt.Sprintf("unreadable: no read permission (mode %04o)", info.Mode().Perm())})
		return nil
	}
	if kind(name) == "jsonl" {
		return readJSONL(ctx, f, shown, r.now(), r.emit, r.report)
	}
	if info.Size() > MaxArticleBytes {
		r.report(Problem{File: shown, Action: Skipped, Reason: fmt.Sprintf("file too large (%d bytes, limit %d)", info.Size(), MaxArticleBytes)})
		return nil
	}
	if info.Size() == 0 {
		r.report(Problem{File: shown, Action: Skipped, Reason: "empty file"})
		return nil
	}
	if reason := validID(id); reason != "" {
		r.report(Problem{File: shown, Action: Skipped, Reason: reason})
		return nil
	}
	// The size can change between Stat and Read (a file being written):
	// read at most one byte past the limit to notice.
	raw, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		r.report(Problem{File: shown, Action: Skipped, Reason: "unreadable: " + errText(err)})
		return nil
	}
	if len(raw) > MaxArticleBytes {
		r.report(Problem{File: shown, Action: Skipped, Reason: fmt.Sprintf("file too large (over %d bytes)", MaxArticleBytes)})
		return nil
	}
	text, repaired, skip, c1 := cleanText(raw)
	if skip != "" {
		r.report(Problem{File: shown, Action: Skipped, Reason: skip})
		return nil
	}
	a, ok := parseTxt(id, shown, text, r.now(), r.report)
	if !ok {
		return nil
	}
	a.RepairedChars = c1
	if repaired != "" {
		r.report(Problem{File: shown, Action: Repaired, Reason: repaired})
	}
	return r.emit(a)
}

// emit drops duplicate ids (the first article with an id wins) and passes
// the rest on.
func (r *Reader) emit(a *Article) error {
	if r.seen == nil {
		r.seen = make(map[string]string)
	}
	if first, dup := r.seen[a.ID]; dup {
		r.report(Problem{File: a.Origin, Action: Skipped, Reason: fmt.Sprintf("duplicate id %q (first read from %s)", clip(a.ID, 60), first)})
		return nil
	}
	r.seen[a.ID] = a.Origin
	if r.Emit == nil {
		return nil
	}
	return r.Emit(a)
}

func (r *Reader) report(p Problem) {
	if r.Report != nil {
		r.Report(p)
	}
}

func (r *Reader) now() time.Time {
	if r.Now.IsZero() {
		return time.Now()
	}
	return r.Now
}

// errText strips the path from file errors: the report names the file already.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
