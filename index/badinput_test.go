package index

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"kerko/corpus"
)

// sharedDir locates the shared reference data: $KERKO_SHARED, or shared/
// beside the module root.
func sharedDir(t *testing.T, sub string) string {
	t.Helper()
	root := os.Getenv("KERKO_SHARED")
	if root == "" {
		dir, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				t.Fatal("no go.mod above the test directory")
			}
			dir = parent
		}
		root = filepath.Join(dir, "..", "shared")
	}
	p := filepath.Join(root, sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not found (set KERKO_SHARED to the shared/ folder): %v", p, err)
	}
	return p
}

// buildPath builds dir from a real folder, collecting every problem.
func buildPath(t *testing.T, dir, corpusPath string) (*Stats, []corpus.Problem) {
	t.Helper()
	var (
		mu       sync.Mutex
		problems []corpus.Problem
	)
	st, err := Build(context.Background(), dir, func(ctx context.Context, r *corpus.Reader) error {
		return r.ReadPath(ctx, corpusPath)
	}, BuildOptions{Report: func(p corpus.Problem) {
		mu.Lock()
		problems = append(problems, p)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatalf("Build(%s): %v", corpusPath, err)
	}
	return st, problems
}

func TestBuild_BrokenFolder(t *testing.T) {
	src := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := map[string]string{ // id -> a word only it has
		"good1":                "zebraone",
		"sub/good2":            "zebratwo",
		"sub/deeper/c (3)":     "zebrathree",
		"name with spaces":     "zebrafour",
		"bad-utf8":             "zebrafive",
		"export:1":             "zebrasix",
		"crlf bom":             "zebraseven",
		"sub/deeper/tabbed(1)": "zebraeight",
	}
	for id, word := range good {
		if strings.HasPrefix(id, "export:") {
			continue
		}
		write(id+".txt", []byte(fmt.Sprintf("Headline about %s\nThe summit in Ankara ended with %s agreed.\n", word, word)))
	}
	write("bad-utf8.txt", []byte("Headline \xff\xfe zebrafive\nBody with a broken \xc3 byte and zebrafive.\n"))
	write("crlf bom.txt", []byte("\xef\xbb\xbfHeadline zebraseven\r\n\t\r\nBody zebraseven text.\r\n"))
	write("export.jsonl", []byte(`{"id":"export:1","title":"JSON zebrasix","body":"A line with zebrasix.","lang":"en"}`+"\n"+
		`{"id":"export:2","title":"broken` /* no closing */ +"\n"))

	// The bad ones, each to be reported exactly once, with why.
	bad := map[string]string{ // file -> words its report must contain
		"binary.txt":         "binary",
		"empty.txt":          "empty",
		"blank.txt":          "empty",
		"huge.txt":           "too large",
		"noperm.txt":         "permission",
		"loop-a.txt":         "unreadable",
		"loop-b.txt":         "unreadable",
		"dangling.txt":       "unreadable",
		"export.jsonl":       "", // line 2
		"sub/selfloop.txt":   "unreadable",
		"sub/deeper/nul.txt": "binary",
	}
	write("binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"))
	write("empty.txt", nil)
	write("blank.txt", []byte(" \t\r\n\n  \n"))
	write("sub/deeper/nul.txt", append([]byte("Headline\nText then "), make([]byte, 64)...))
	// A huge file costs no disk: the size alone rules it out.
	f, err := os.Create(filepath.Join(src, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(corpus.MaxArticleBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	write("noperm.txt", []byte("Secret\nzebrasecret text."))
	if err := os.Chmod(filepath.Join(src, "noperm.txt"), 0); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{
		{"loop-b.txt", "loop-a.txt"}, {"loop-a.txt", "loop-b.txt"}, // a loop of two
		{"selfloop.txt", "sub/selfloop.txt"}, // a link to itself
		{"missing.txt", "dangling.txt"},
		{"..", "sub/up"}, // a folder loop: not followed, not an article
	} {
		if err := os.Symlink(l[0], filepath.Join(src, l[1])); err != nil {
			t.Fatal(err)
		}
	}

	dir := t.TempDir()
	st, problems := buildPath(t, dir, src)

	reports := map[string][]string{}
	for _, p := range problems {
		rel, err := filepath.Rel(src, p.File)
		if err != nil {
			rel = p.File
		}
		reports[rel] = append(reports[rel], fmt.Sprintf("%s: %s", p.Action, p.Reason))
	}
	for file, want := range bad {
		got := reports[file]
		if len(got) != 1 || !strings.Contains(got[0], want) {
			t.Errorf("reports for %s = %q; want exactly one mentioning %q", file, got, want)
		}
	}
	for file, got := range reports {
		if _, isBad := bad[file]; !isBad && !(file == "bad-utf8.txt" && len(got) == 1 && strings.Contains(got[0], "repaired")) {
			t.Errorf("unexpected reports for %s: %q", file, got)
		}
	}
	if st.Added != len(good) || st.Skipped != len(bad) {
		t.Errorf("stats = %+v; want %d added, %d skipped (problems %v)", *st, len(good), len(bad), problems)
	}
	if st.SkipReasons["unreadable"] != 5 || st.SkipReasons["binary file"] != 2 {
		t.Errorf("skip reasons = %v; want 5 unreadable, 2 binary file", st.SkipReasons)
	}

	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for id, word := range good {
		if got := hitIDs(search(t, ix, Request{Query: word})); !sameSet(got, []string{id}) {
			t.Errorf("search %q = %v; want [%s]", word, got, id)
		}
		if _, err := ix.Article(context.Background(), id); err != nil {
			t.Errorf("Article(%q): %v", id, err)
		}
	}
	if res := search(t, ix, Request{Query: "zebrasecret"}); res.Total != 0 {
		t.Errorf("the file without read permission was indexed")
	}
}

// TestBuild_TTC3600 indexes the Turkish news set as published: 3,600 files
// with BOMs, CRLF, tab-indented blank lines and names like "c (12).txt".
func TestBuild_TTC3600(t *testing.T) {
	src := sharedDir(t, "bench/raw/ttc3600")
	var files []string
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return err
	})
	sort.Strings(files)
	if len(files) != 3600 {
		t.Fatalf("%s has %d .txt files; want 3600", src, len(files))
	}

	dir := t.TempDir()
	st, problems := buildPath(t, dir, src)
	for _, p := range problems {
		if p.Action == corpus.Skipped {
			t.Errorf("skipped: %v", p)
		}
	}
	if st.Added != 3600 || st.Articles != 3600 {
		t.Errorf("stats = %+v; want 3600 added", *st)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := ix.Count(); n != 3600 {
		t.Errorf("index holds %d articles; want 3600", n)
	}

	// Every 150th file: found by its id and by a phrase from its text.
	for i := 0; i < len(files); i += 150 {
		rel, _ := filepath.Rel(src, files[i])
		id := strings.TrimSuffix(filepath.ToSlash(rel), ".txt")
		if _, err := ix.Article(context.Background(), id); err != nil {
			t.Errorf("Article(%q): %v", id, err)
			continue
		}
		raw, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		phrase := distinctivePhrase(string(raw))
		if phrase == "" {
			t.Fatalf("%s: no phrase to search for", rel)
		}
		res := search(t, ix, Request{Query: `"` + phrase + `"`, Size: 50})
		if !contains(hitIDs(res), id) {
			t.Errorf("search %q: %v; want it to find %q", phrase, hitIDs(res), id)
		}
	}

	// A dateline is no title: three articles titled a bare "İSTANBUL"
	// (their dateline) ranked first for İSTANBUL'DA.
	res := search(t, ix, Request{Query: "İSTANBUL'DA", Size: 10})
	for _, h := range res.Hits {
		if strings.IndexFunc(h.Title, unicode.IsLower) < 0 {
			t.Errorf("search İSTANBUL'DA: hit %s is titled %q", h.ID, h.Title)
		}
	}
}

// distinctivePhrase returns three consecutive long words from the middle of
// text: long words are no stop words, and three of them in a row are rare.
func distinctivePhrase(text string) string {
	// Numbers are tokens too: "Cumhuriyeti 183 2- Yunanistan" has no
	// phrase "Cumhuriyeti Yunanistan".
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := len(words) / 2; i+2 < len(words); i++ {
		ok := true
		for _, w := range words[i : i+3] {
			if len([]rune(w)) < 5 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
				ok = false
			}
		}
		if ok {
			return strings.Join(words[i:i+3], " ")
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
