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
	"unicode"

	"kerko/internal/utf8cut"
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
//
// A folder is read without leaving it: every entry is looked at before it
// is opened (as lstat does), so named pipes, sockets and devices are
// reported and skipped instead of opened (opening a FIFO waits for a writer
// forever), and a symbolic link is followed only while it stays inside the
// folder, unless FollowSymlinks says otherwise. Links to folders are never
// followed. A path named to ReadPath is followed: it was named on purpose.
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
	// FollowSymlinks lets links to files lead anywhere, out of the folder
	// being read too (kerko index --follow-symlinks). Off, a link that
	// leads out is reported and skipped: `ln -s /etc/passwd corpus/p.txt`
	// must not publish /etc/passwd.
	FollowSymlinks bool

	seen map[string]string // id -> origin of its first article
}

// openFlags open corpus files without waiting: should a file have become a
// FIFO since it was looked at, the open returns at once and the check of
// what was opened skips it.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

// ReadPath reads a folder (recursively: .txt and .jsonl files), a .txt file
// or a .jsonl file.
func (r *Reader) ReadPath(ctx context.Context, p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("corpus %q: %w", p, err)
	}
	if info.IsDir() {
		root, err := os.OpenRoot(p)
		if err != nil {
			return fmt.Errorf("corpus %q: %w", p, err)
		}
		defer root.Close()
		return r.walk(ctx, source{fsys: root.FS(), root: root, dir: p}, filepath.Clean(p))
	}
	base := filepath.Base(p)
	if kind(base) == "" {
		return fmt.Errorf("corpus %q: not a folder, .txt or .jsonl file", p)
	}
	id := strings.TrimSuffix(base, path.Ext(base))
	if !info.Mode().IsRegular() {
		r.report(Problem{File: p, Action: Skipped, Kind: NotRegular, Reason: "not a regular file: " + fileKind(info.Mode())})
		return nil
	}
	f, err := os.OpenFile(p, openFlags, 0)
	if err != nil {
		r.report(Problem{File: p, Action: Skipped, Kind: Unreadable, Reason: "unreadable: " + errText(err)})
		return nil
	}
	defer f.Close()
	return r.readFile(ctx, f, base, p, id)
}

// ReadFS reads every .txt and .jsonl file in fsys; name prefixes file names
// in problem reports.
func (r *Reader) ReadFS(ctx context.Context, fsys fs.FS, name string) error {
	return r.walk(ctx, source{fsys: fsys}, name)
}

// source is what a walk reads: a file system, and when it is a folder on
// disk, the folder opened as a root that no path can leave.
type source struct {
	fsys fs.FS
	root *os.Root // nil for other file systems (the embedded seeds)
	dir  string   // the folder's path, for links followed out of it
}

func (r *Reader) walk(ctx context.Context, src source, display string) error {
	return fs.WalkDir(src.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		shown := path.Join(filepath.ToSlash(display), p)
		if err != nil {
			if p == "." {
				return fmt.Errorf("corpus %q: %w", display, err)
			}
			r.report(Problem{File: shown, Action: Skipped, Kind: Unreadable, Reason: "unreadable: " + errText(err)})
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
		f := r.open(src, d, p, shown)
		if f == nil {
			return nil
		}
		defer f.Close()
		return r.readFile(ctx, f, p, shown, id)
	})
}

// open opens the file at p of a walk, after looking at what its entry is;
// it reports and returns nil what is not to be read.
func (r *Reader) open(src source, d fs.DirEntry, p, shown string) fs.File {
	var (
		f   fs.File
		err error
	)
	switch t := d.Type(); {
	case t&fs.ModeSymlink != 0 && src.root == nil:
		r.report(Problem{File: shown, Action: Skipped, Kind: Symlink, Reason: "symbolic link not followed"})
		return nil
	case t&fs.ModeSymlink != 0 && r.FollowSymlinks:
		f, err = os.OpenFile(filepath.Join(src.dir, filepath.FromSlash(p)), openFlags, 0)
	case t&fs.ModeSymlink != 0:
		f, err = src.root.OpenFile(p, openFlags, 0)
		if err != nil {
			if _, statErr := os.Stat(filepath.Join(src.dir, filepath.FromSlash(p))); statErr == nil {
				// The target exists: the root refused to leave the folder.
				r.report(Problem{File: shown, Action: Skipped, Kind: Symlink, Reason: "symbolic link out of the corpus folder not followed (kerko index --follow-symlinks reads it)"})
				return nil
			}
		}
	case !t.IsRegular():
		r.report(Problem{File: shown, Action: Skipped, Kind: NotRegular, Reason: "not a regular file: " + fileKind(t)})
		return nil
	case src.root != nil:
		f, err = src.root.OpenFile(p, openFlags, 0)
	default:
		f, err = src.fsys.Open(p)
	}
	if err != nil {
		r.report(Problem{File: shown, Action: Skipped, Kind: Unreadable, Reason: "unreadable: " + errText(err)})
		return nil
	}
	return f
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "folder"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
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

// readFile reads the opened file f, named name (its kind) and shown in
// reports, as the article id (.txt) or the articles of a JSON Lines file.
func (r *Reader) readFile(ctx context.Context, f fs.File, name, shown, id string) error {
	info, err := f.Stat()
	if err != nil {
		r.report(Problem{File: shown, Action: Skipped, Kind: Unreadable, Reason: "unreadable: " + errText(err)})
		return nil
	}
	if !info.Mode().IsRegular() {
		r.report(Problem{File: shown, Action: Skipped, Kind: NotRegular, Reason: "not a regular file: " + fileKind(info.Mode())})
		return nil
	}
	if _, onDisk := info.Sys().(*syscall.Stat_t); onDisk && info.Mode().Perm()&0o444 == 0 {
		// Nobody may read it, yet the open worked: we run as root. A file
		// shut away like this is being written or kept out on purpose, so
		// it is skipped, as it would be for any other user. (In-memory file
		// systems have no permissions to speak of.)
		r.report(Problem{File: shown, Action: Skipped, Kind: Unreadable, Reason: fmt.Sprintf("unreadable: no read permission (mode %04o)", info.Mode().Perm())})
		return nil
	}
	if kind(name) == "jsonl" {
		return readJSONL(ctx, f, shown, r.now(), r.emit, r.report)
	}
	if info.Size() > MaxArticleBytes {
		r.report(Problem{File: shown, Action: Skipped, Kind: TooLarge, Reason: fmt.Sprintf("file too large (%d bytes, limit %d)", info.Size(), MaxArticleBytes)})
		return nil
	}
	if info.Size() == 0 {
		r.report(Problem{File: shown, Action: Skipped, Kind: EmptyFile, Reason: "empty file"})
		return nil
	}
	if reason := validID(id); reason != "" {
		r.report(Problem{File: shown, Action: Skipped, Kind: InvalidID, Reason: reason})
		return nil
	}
	// The size can change between Stat and Read (a file being written):
	// read at most one byte past the limit to notice.
	raw, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		r.report(Problem{File: shown, Action: Skipped, Kind: Unreadable, Reason: "unreadable: " + errText(err)})
		return nil
	}
	if len(raw) > MaxArticleBytes {
		r.report(Problem{File: shown, Action: Skipped, Kind: TooLarge, Reason: fmt.Sprintf("file too large (over %d bytes)", MaxArticleBytes)})
		return nil
	}
	text, repaired, skip, c1 := cleanText(raw)
	if skip != "" {
		r.report(Problem{File: shown, Action: Skipped, Kind: BinaryFile, Reason: skip})
		return nil
	}
	a, ok := parseTxt(id, shown, text, r.now(), r.report)
	if !ok {
		return nil
	}
	a.RepairedChars = c1
	if repaired != "" {
		r.report(Problem{File: shown, Action: Repaired, Kind: RepairedInput, Reason: repaired})
	}
	return r.emit(a)
}

// MaxBodyBytes bounds an article's body, from any format: a longer body is
// clipped at a paragraph or word break and the article kept, with a
// report. No news article comes near it (the bench corpus's longest is
// 38 KB); past it a body is a book or a broken export, and every answer
// that shows it whole (an article page, the API) would cost tens of MiB
// of memory and CPU a request (kerko-bench abuse).
const MaxBodyBytes = 1 << 20

// ClipBody cuts s to at most MaxBodyBytes bytes (with the "…" it ends
// with), at the last paragraph break in its final 64 KiB, else the last
// space, else a rune's start.
func ClipBody(s string) string {
	if len(s) <= MaxBodyBytes {
		return s
	}
	const ell = "…"
	head := utf8cut.Prefix(s, MaxBodyBytes-len(ell))
	limit := len(head)
	cut := strings.LastIndexByte(head, '\n')
	if cut < limit-64<<10 {
		cut = strings.LastIndexByte(head, ' ')
	}
	if cut <= 0 {
		cut = limit
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + ell
}

// emit clips an overlong body, drops duplicate ids (the first article
// with an id wins) and passes the rest on.
func (r *Reader) emit(a *Article) error {
	if r.seen == nil {
		r.seen = make(map[string]string)
	}
	if first, dup := r.seen[a.ID]; dup {
		r.report(Problem{File: a.Origin, Action: Skipped, Kind: DuplicateID, Reason: fmt.Sprintf("duplicate id %q (first read from %s)", clip(a.ID, 60), quoteName(first))})
		return nil
	}
	if n := len(a.Body); n > MaxBodyBytes {
		a.Body = ClipBody(a.Body)
		r.report(Problem{File: a.Origin, Action: Repaired, Kind: RepairedInput, Reason: fmt.Sprintf("body clipped (%d bytes, limit %d)", n, MaxBodyBytes)})
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
