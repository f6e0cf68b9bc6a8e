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
// never yields an article with invalid text (invalid UTF-8, control
// characters of the C1 range, a title over MaxTitleRunes or on two lines),
// is never dropped silently (every input file or line either becomes an
// article or is reported as skipped, with its file and line named), and no
// report spans two lines.

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
		"RADİKAL -\nTürkiye\n'nin Dr. Ali 5. kez konuştu. Sonra.",
		"Picasso\u0092nun 1940\u0092larda \u0093yaptığı\u0094 \u0085\n\nbody \u0081",
		"İSTANBUL\n- \n",
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
			checkProblem(t, p)
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
		`{"id":"a\\b","body":"x"}` + "\n" + `{"id":"\ud800","body":"x"}` + "\n" + `{"id":"s","title":"\udfff","body":"\u0092\u0085"}`,
		`{"id":"t","title":"` + strings.Repeat("Kazakhstan ", 40) + `","body":"x","url":"` + strings.Repeat("u", 5000) + `"}`,
		`{"id":"d","body":"ANKARA (AA) - Bakan\u0092ın açıklaması. Sonra."}`,
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
			checkProblem(t, p)
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
	if n := utf8.RuneCountInString(a.Title); n > MaxTitleRunes || strings.ContainsAny(a.Title, "\n\r\t") {
		t.Errorf("article %q: title of %d runes %q; want one line of at most %d", a.ID, n, clip(a.Title, 60), MaxTitleRunes)
	}
	if len(a.Body) > MaxArticleBytes {
		t.Errorf("article %q: body of %d bytes; want at most %d", a.ID, len(a.Body), MaxArticleBytes)
	}
	for what, s := range map[string]string{"title": a.Title, "body": a.Body, "source": a.Source, "url": a.URL} {
		if i := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9f }); i >= 0 {
			t.Errorf("article %q: %s holds a C1 control at %d: %q", a.ID, what, i, clip(s[i:], 20))
		}
	}
	if a.RepairedChars < 0 {
		t.Errorf("article %q: RepairedChars = %d", a.ID, a.RepairedChars)
	}
}

func checkProblem(t *testing.T, p Problem) {
	t.Helper()
	if !utf8.ValidString(p.Reason) {
		t.Errorf("problem reason is not valid UTF-8: %q", p.Reason)
	}
	if s := p.String(); strings.ContainsAny(s, "\n\r") {
		t.Errorf("problem spans lines: %q", s)
	}
}

// fsValid reports whether name is usable as a single MapFS file name.
func fsValid(name string) bool {
	return utf8.ValidString(name) && name != "." && name != ".."
}
