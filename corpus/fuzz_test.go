package corpus

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The fuzz targets check the package's promise: bad input never panics,
// never yields an article with invalid text, and is never dropped silently
// (every input file or line either becomes an article or is reported as
// skipped, with its file and line named).

func FuzzReadTxt(f *testing.F) {
	for _, s := range []string{
		" date 2025-08-22 Kırgızistan ile Kazakistan ticaret hedefini yükseltiyor\n\nResmi ziyaret kapsamında geldi.\n",
		"date 2025-13-45 bad date\nbody",
		"date\tnot-a-date",
		"\xef\xbb\xbfTitle with BOM\r\nBody\r\n",
		"Titulli\n\nNë Tiranë u mbajt takimi i OSBE-së.",
		"\xff\xfe\x00b\x00i\x00n",
		"date ",
		"   \n\t ",
		"A" + strings.Repeat("x", 300) + ".\nbody",
		"e\u0308 decomposed\n\nbody",
	} {
		f.Add("a.txt", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || strings.ContainsAny(name, "/\\\x00") || !fsValid(name) {
			name = "a.txt"
		}
		if !strings.HasSuffix(strings.ToLower(name), ".txt") {
			name += ".txt"
		}
		fsys := fstest.MapFS{name: &fstest.MapFile{Data: data}}
		var arts []*Article
		var probs []Problem
		r := &Reader{
			Emit:   func(a *Article) error { arts = append(arts, a); return nil },
			Report: func(p Problem) { probs = append(probs, p) },
			Now:    testNow,
		}
		if err := r.ReadFS(context.Background(), fsys, "fuzz"); err != nil {
			t.Fatalf("ReadFS: %v", err)
		}
		skipped := 0
		for _, p := range probs {
			if p.File == "" || p.Reason == "" {
				t.Errorf("problem without file or reason: %+v", p)
			}
			if !utf8.ValidString(p.Reason) {
				t.Errorf("problem reason is not valid UTF-8: %q", p.Reason)
			}
			if p.Action == Skipped {
				skipped++
			}
		}
		if len(arts)+skipped != 1 {
			t.Fatalf("one file gave %d articles and %d skips; want exactly one of them (problems %v)", len(arts), skipped, probs)
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a1","title":"Erdoğan në Tiranë","body":"Takimi u mbajt.","date":"2024-03-01","lang":"sq","source":"x","url":"https://example.org/a"}`,
		`{"id":7,"body":"only body. second sentence"}` + "\n" + `{"id":7,"body":"dup"}`,
		`{"id":null,"title":"x"}`,
		`{"id":1.5,"title":"x"}`,
		`{"id":"../../etc/passwd","title":"x"}`,
		`{"id":"a","title":"","body":""}`,
		`{"id":"a","title":"t","lang":"xx","date":"yesterday"}`,
		"{\"id\":\"a\",\"title\":\"\xff\xfe\"}\r\n\n  \n{broken",
		`[1,2,3]`,
		`{"id":"<script>alert(1)</script>","title":"\"><img src=x onerror=alert(1)>","body":"</textarea>"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var arts []*Article
		var probs []Problem
		emit := func(a *Article) error { arts = append(arts, a); return nil }
		report := func(p Problem) { probs = append(probs, p) }
		if err := readJSONL(context.Background(), strings.NewReader(string(data)), "f.jsonl", testNow, emit, report); err != nil {
			t.Fatalf("readJSONL: %v", err)
		}
		// Each non-blank line is accounted for: an article or a skip naming it.
		lines := strings.Split(string(data), "\n")
		accounted := map[int]int{}
		for _, a := range arts {
			checkArticle(t, a)
			_, num, _ := strings.Cut(a.Origin, "f.jsonl:")
			line, err := strconv.Atoi(num)
			if err != nil {
				t.Fatalf("article origin %q does not name its line: %v", a.Origin, err)
			}
			accounted[line]++
		}
		for _, p := range probs {
			if p.File != "f.jsonl" || p.Line < 1 || p.Line > len(lines) {
				t.Errorf("problem names the wrong place: %+v (file has %d lines)", p, len(lines))
			}
			if !utf8.ValidString(p.Reason) {
				t.Errorf("problem reason is not valid UTF-8: %q", p.Reason)
			}
			if p.Action == Skipped {
				accounted[p.Line]++
			}
		}
		for i, l := range lines {
			n := accounted[i+1]
			blank := strings.TrimSpace(strings.TrimRight(l, "\r")) == ""
			if blank && n != 0 || !blank && n != 1 {
				t.Errorf("line %d %q accounted %d times", i+1, clip(l, 60), n)
			}
		}
	})
}

func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	if a.ID == "" || validID(a.ID) != "" {
		t.Errorf("article with invalid id %q", a.ID)
	}
	for what, s := range map[string]string{"id": a.ID, "title": a.Title, "body": a.Body, "source": a.Source, "url": a.URL} {
		if !utf8.ValidString(s) {
			t.Errorf("article %s is not valid UTF-8: %q", what, s)
		}
	}
	if a.Title == "" && a.Body == "" {
		t.Errorf("article %q has no text", a.ID)
	}
}

// fsValid reports whether name is usable as a single MapFS file name.
func fsValid(name string) bool {
	return utf8.ValidString(name) && name != "." && name != ".."
}
