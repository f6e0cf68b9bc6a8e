package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProblem_String(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "dir/a.txt", Action: Skipped, Reason: "empty file"}, "dir/a.txt: skipped: empty file"},
		{Problem{File: "f.jsonl", Line: 12, Action: Repaired, Reason: "title clipped"}, "f.jsonl:12: repaired: title clipped"},
		{Problem{File: "dir/a\nb.txt", Action: Skipped, Reason: "x"}, `"dir/a\nb.txt": skipped: x`},
		{Problem{File: "a\x1b[31mred.txt", Action: Skipped, Reason: "x"}, `"a\x1b[31mred.txt": skipped: x`},
		{Problem{File: "bad\xffname.jsonl", Line: 3, Action: Skipped, Reason: "x"}, `"bad\xffname.jsonl":3: skipped: x`},
		{Problem{File: "a b ë.txt", Action: Skipped, Reason: "x"}, "a b ë.txt: skipped: x"},
		{Problem{File: "a.txt", Action: Repaired, Reason: "unparseable date header \"20\n21\": kept"}, `a.txt: repaired: unparseable date header "20\n21": kept`},
	}
	for _, tt := range tests {
		got := tt.p.String()
		if got != tt.want {
			t.Errorf("%#v.String() = %q; want %q", tt.p, got, tt.want)
		}
		if strings.ContainsAny(got, "\n\r") {
			t.Errorf("%#v.String() = %q spans lines", tt.p, got)
		}
	}
}

// TestReader_ReportsNameFilesOnOneLine reads real files whose names hold a
// line end and an escape sequence: every report is one line.
func TestReader_ReportsNameFilesOnOneLine(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a\nb.txt":      "",
		"c\x1b[2Jd.txt": "",
	})
	_, probs := readAll(t, dir)
	if len(probs) != 2 {
		t.Fatalf("problems %v; want 2", probs)
	}
	for _, p := range probs {
		s := p.String()
		if strings.ContainsAny(s, "\n\x1b") || !strings.Contains(s, `"`) {
			t.Errorf("report %q: want the name quoted on one line", s)
		}
	}
}

func TestReportLimiter(t *testing.T) {
	var out []string
	l := &ReportLimiter{Report: func(p Problem) { out = append(out, p.String()) }, PerKind: 3}
	for i := 1; i <= 200_000; i++ {
		l.Add(Problem{File: "big.jsonl", Line: i, Action: Skipped, Reason: fmt.Sprintf("malformed JSON: invalid character %d", i)})
		if i%2 == 0 {
			l.Add(Problem{File: "big.jsonl", Line: i, Action: Repaired, Reason: "unknown lang \"xx\": language will be detected"})
		}
	}
	l.Add(Problem{File: "other.jsonl", Line: 1, Action: Skipped, Reason: "malformed JSON: x"})
	for i := range 5 {
		l.Add(Problem{File: fmt.Sprintf("dir/e%d.txt", i), Action: Skipped, Reason: "empty file"})
	}
	l.Flush()
	want := []string{
		"big.jsonl:1: skipped: malformed JSON: invalid character 1",
		"big.jsonl:2: skipped: malformed JSON: invalid character 2",
		`big.jsonl:2: repaired: unknown lang "xx": language will be detected`,
		"big.jsonl:3: skipped: malformed JSON: invalid character 3",
		`big.jsonl:4: repaired: unknown lang "xx": language will be detected`,
		`big.jsonl:6: repaired: unknown lang "xx": language will be detected`,
		"other.jsonl:1: skipped: malformed JSON: x",
		"dir/e0.txt: skipped: empty file",
		"dir/e1.txt: skipped: empty file",
		"dir/e2.txt: skipped: empty file",
		"big.jsonl: skipped: … and 199997 more lines of this kind (malformed JSON)",
		"big.jsonl: repaired: … and 99997 more lines of this kind (unknown lang)",
		"dir: skipped: … and 2 more files of this kind (empty file)",
	}
	if strings.Join(out, "\n") != strings.Join(want, "\n") {
		t.Errorf("reports:\n%s\nwant:\n%s", strings.Join(out, "\n"), strings.Join(want, "\n"))
	}
}

// TestReader_ManyBadLinesGrouped reads a real file of 200,000 bad lines
// through a limiter, as kerko index does.
func TestReader_ManyBadLinesGrouped(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(`{"id":"ok","body":"fine"}` + "\n")
	for range 200_000 {
		b.WriteString("{broken\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "f.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var lines []string
	all := 0
	l := &ReportLimiter{Report: func(p Problem) { lines = append(lines, p.String()) }, PerKind: 10}
	n := 0
	r := &Reader{Emit: func(*Article) error { n++; return nil }, Report: func(p Problem) { all++; l.Add(p) }, Now: testNow}
	if err := r.ReadPath(t.Context(), dir); err != nil {
		t.Fatal(err)
	}
	l.Flush()
	if n != 1 || all != 200_000 {
		t.Errorf("%d articles, %d problems; want 1 and 200000", n, all)
	}
	if len(lines) != 11 || !strings.HasSuffix(lines[10], "skipped: … and 199990 more lines of this kind (malformed JSON)") {
		t.Errorf("%d report lines, last %q; want 10 and a count", len(lines), lines[len(lines)-1])
	}
}

func TestReader_IDs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		`a\b.txt`: "Headline\nBody.",
		"ids.jsonl": `{"id":"a\\b","body":"backslash"}
{"id":"x\ud800y","body":"lone high surrogate"}
{"id":"x\udc00","body":"lone low surrogate"}
{"id":"smile\ud83d\ude00","body":"a pair is one character"}
{"id":"lit\\ud800","body":"an escaped backslash, then text"}
{"id":"ok","title":"T\ud800","body":"lone surrogate in the title"}
{"id":"ok2","body":"two\\\\ud800 backslashes then text"}
`,
	})
	arts, probs := readAll(t, dir)
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, " ") != "smile\U0001F600 ok ok2" {
		t.Errorf("ids = %q; want the emoji id, ok and ok2", ids)
	}
	want := []struct {
		where, text string
	}{
		{`a\b.txt: skipped: id contains a backslash`, "no article URL can carry"},
		{"ids.jsonl:1: skipped: id contains a backslash", `"a\\b"`},
		{"ids.jsonl:2: skipped: id holds a lone UTF-16 surrogate", `(\ud800)`},
		{"ids.jsonl:3: skipped: id holds a lone UTF-16 surrogate", `(\udc00)`},
		{"ids.jsonl:5: skipped: id contains a backslash", ""},
		{"ids.jsonl:6: repaired: lone UTF-16 surrogate", `(\ud800) replaced with U+FFFD`},
	}
	if len(probs) != len(want) {
		t.Errorf("problems %v; want %d", probs, len(want))
	}
	for _, w := range want {
		found := false
		for _, p := range probs {
			s := p.String()
			if strings.Contains(s, w.where) && strings.Contains(s, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem %q … %q in %v", w.where, w.text, probs)
		}
	}
}
