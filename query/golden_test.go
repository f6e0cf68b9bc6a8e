package query

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/parse from what Parse gives")

// TestParse_Golden parses every "in" section of testdata/parse/*.txtar and
// compares the "out" section after it: the query read back, its tree, the
// Must and Not clauses today's index runs, and the notes. With -update the
// out sections are rewritten, so a change shows as a diff.
func TestParse_Golden(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files in testdata/parse (%v)", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			comment, sections := readTxtar(data)
			var out []txtarFile
			for i := 0; i < len(sections); i++ {
				if sections[i].name != "in" {
					t.Fatalf("section %d is %q; want in, then out", i, sections[i].name)
				}
				in := strings.TrimSuffix(sections[i].data, "\n")
				got := dump(Parse(in))
				out = append(out, sections[i])
				if i+1 < len(sections) && sections[i+1].name == "out" {
					i++
					if want := sections[i].data; got != want && !*update {
						t.Errorf("Parse(%q):\n%s\nwant:\n%s", in, got, want)
					}
				}
				out = append(out, txtarFile{name: "out", data: got})
			}
			if *update {
				if err := os.WriteFile(file, writeTxtar(comment, out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func dump(q *Query) string {
	var b strings.Builder
	fmt.Fprintf(&b, "string: %s\n", q.String())
	fmt.Fprintf(&b, "tree:   %s\n", dumpNode(q.Expr))
	fmt.Fprintf(&b, "must:   %s\n", dumpClauses(q.Must))
	fmt.Fprintf(&b, "not:    %s\n", dumpClauses(q.Not))
	if q.Approx {
		b.WriteString("approx: true\n")
	}
	for _, n := range q.Notes {
		fmt.Fprintf(&b, "note:   %s\n", dumpNote(n))
	}
	return b.String()
}

func dumpNode(n *Node) string {
	if n == nil {
		return "-"
	}
	switch n.Op {
	case OpTerm:
		return dumpTerm(n.Term)
	case OpFilter:
		s := n.Filter.Field + "=" + n.Filter.Value
		if !n.Filter.Day.IsZero() {
			s += "@" + n.Filter.Day.Format("2006-01-02")
		}
		return s
	case OpNot:
		return "NOT(" + dumpNode(n.Kids[0]) + ")"
	}
	var parts []string
	for _, k := range n.Kids {
		parts = append(parts, dumpNode(k))
	}
	name := "AND"
	if n.Op == OpOr {
		name = "OR"
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

func dumpTerm(t Term) string {
	s := "‹" + t.Text + "›"
	if t.Phrase {
		s = "phrase" + s
	}
	if t.Prefix {
		s = "prefix" + s
	}
	if t.Slop > 0 {
		s += fmt.Sprintf("~%d", t.Slop)
	}
	if t.Field != "" {
		s = t.Field + ":" + s
	}
	return s
}

func dumpClauses(cs []Clause) string {
	if len(cs) == 0 {
		return "-"
	}
	var parts []string
	for _, c := range cs {
		var alts []string
		for _, t := range c.Alts {
			alts = append(alts, dumpTerm(t))
		}
		parts = append(parts, "["+strings.Join(alts, " | ")+"]")
	}
	return strings.Join(parts, " ")
}

func dumpNote(n Note) string {
	kind := map[NoteKind]string{NoteBadDate: "bad date", NoteShortPrefix: "short prefix", NoteSlop: "slop", NoteTruncated: "truncated", NoteEmptyRange: "empty range"}[n.Kind]
	s := kind
	if n.Field != "" {
		s += " " + n.Field
	}
	if n.Text != "" {
		s += " " + n.Text
	}
	return s
}

// A txtar archive: a comment, then files each introduced by a line
// "-- name --". Read and written here rather than with x/tools/txtar,
// which would bring a module for twenty lines.
type txtarFile struct{ name, data string }

func readTxtar(data []byte) (string, []txtarFile) {
	var comment strings.Builder
	var files []txtarFile
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			files = append(files, txtarFile{name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			continue
		}
		if len(files) == 0 {
			comment.WriteString(line)
		} else {
			files[len(files)-1].data += line
		}
	}
	for i := range files {
		if files[i].data != "" && !strings.HasSuffix(files[i].data, "\n") {
			files[i].data += "\n"
		}
	}
	return comment.String(), files
}

func writeTxtar(comment string, files []txtarFile) []byte {
	var b bytes.Buffer
	b.WriteString(comment)
	for _, f := range files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.name, f.data)
	}
	return b.Bytes()
}
