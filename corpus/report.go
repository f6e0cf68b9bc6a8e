package corpus

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// String renders p as one line, "FILE:LINE: action: reason". A file name
// that holds a line end or another invisible character is quoted, and such
// characters in the reason are escaped, so that no name can split a report
// or pass for another one.
func (p Problem) String() string {
	where := quoteName(p.File)
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, p.Line)
	}
	return fmt.Sprintf("%s: %s: %s", where, p.Action, escapeControls(p.Reason))
}

// Kind is the reason without its details: "file too large (9000000 bytes,
// limit 8388608)" is "file too large", "malformed JSON: invalid character"
// is "malformed JSON". Reasons put their details after a colon, a
// parenthesis or a quote for this.
func (p Problem) Kind() string {
	r := p.Reason
	if i := strings.IndexAny(r, ":(\""); i > 0 {
		r = r[:i]
	}
	return strings.TrimSpace(r)
}

// quoteName returns name as it is when every character of it shows, and
// Go-quoted ("a\nb.txt") otherwise.
func quoteName(name string) string {
	if utf8.ValidString(name) && strings.IndexFunc(name, func(r rune) bool { return !unicode.IsGraphic(r) && r != ' ' }) < 0 {
		return name
	}
	return strconv.Quote(name)
}

// escapeControls writes the control characters of s as Go escapes.
func escapeControls(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ReportLimiter passes problems on until PerKind of one kind have come from
// one file (a JSON Lines file's lines) or one folder (its files), and
// counts the rest: a file of 200,000 bad lines gives PerKind lines and, at
// Flush, one "… and 199,990 more lines of this kind" line, not 200,000.
// Counting for a build's summary happens before it, on every problem.
type ReportLimiter struct {
	// Report receives the problems passed on and, from Flush, the counts.
	Report func(Problem)
	// PerKind is how many problems of a kind each file or folder shows.
	PerKind int

	mu     sync.Mutex
	groups map[reportGroup]*groupCount
	order  []reportGroup
}

type reportGroup struct {
	place  string // the file of a line, the folder of a file
	lines  bool
	action Action
	kind   string
}

type groupCount struct{ shown, held int }

// Add passes p on, or counts it when its group has shown PerKind already.
func (l *ReportLimiter) Add(p Problem) {
	g := reportGroup{place: p.File, lines: p.Line > 0, action: p.Action, kind: p.Kind()}
	if !g.lines {
		g.place = path.Dir(p.File)
	}
	l.mu.Lock()
	if l.groups == nil {
		l.groups = map[reportGroup]*groupCount{}
	}
	c := l.groups[g]
	if c == nil {
		c = &groupCount{}
		l.groups[g] = c
		l.order = append(l.order, g)
	}
	pass := c.shown < max(l.PerKind, 1)
	if pass {
		c.shown++
	} else {
		c.held++
	}
	l.mu.Unlock()
	if pass {
		l.Report(p)
	}
}

// Flush reports, for each group that had more than PerKind problems, how
// many were not shown, in the order the groups first appeared.
func (l *ReportLimiter) Flush() {
	l.mu.Lock()
	var out []Problem
	for _, g := range l.order {
		c := l.groups[g]
		if c.held == 0 {
			continue
		}
		what := "files"
		if g.lines {
			what = "lines"
		}
		out = append(out, Problem{File: g.place, Action: g.action,
			Reason: fmt.Sprintf("… and %d more %s of this kind (%s)", c.held, what, g.kind)})
		c.held = 0
	}
	l.mu.Unlock()
	for _, p := range out {
		l.Report(p)
	}
}
