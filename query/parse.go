package query

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxDepth bounds nested parentheses; deeper ones are read as if absent.
const maxDepth = 8

type tokKind int

const (
	tTerm   tokKind = iota // a word, phrase or title: term
	tFilter                // a field filter
	tOpen                  // (
	tClose                 // )
	tOr                    // OR
	tAnd                   // AND
	tNot                   // NOT
)

// token is one lexical item.
type token struct {
	kind   tokKind
	term   Term
	filter Filter
	neg    bool // typed with a leading -
}

// Parse reads a user query. It never fails.
func Parse(s string) *Query {
	s = strings.ToValidUTF8(s, "")
	q := &Query{}
	p := &parser{q: q, toks: lex(s, q)}
	q.Expr = p.conj(0)
	q.Expr = dropEmptyRange(q)
	if p.truncated {
		q.Truncated = true
		q.Notes = append(q.Notes, Note{Kind: NoteTruncated})
	}
	q.flatten()
	return q
}

// dropEmptyRange drops the from: and to: filters ANDed at the top of q's
// tree when the latest from is after the earliest to: a range typed the
// wrong way round is ignored with a note, not answered with nothing.
func dropEmptyRange(q *Query) *Node {
	var from, to *Filter
	for _, n := range q.Conjuncts() {
		if n.Op != OpFilter {
			continue
		}
		f := &n.Filter
		switch {
		case f.Field == FieldFrom && (from == nil || f.Day.After(from.Day)):
			from = f
		case f.Field == FieldTo && (to == nil || f.Day.Before(to.Day)):
			to = f
		}
	}
	if from == nil || to == nil || !from.Day.After(to.Day) {
		return q.Expr
	}
	q.Notes = append(q.Notes, Note{Kind: NoteEmptyRange, Field: FieldFrom, Text: from.Value + " > " + to.Value})
	var kept []*Node
	for _, n := range q.Conjuncts() {
		if n.Op != OpFilter || (n.Filter.Field != FieldFrom && n.Filter.Field != FieldTo) {
			kept = append(kept, n)
		}
	}
	return And(kept...)
}

// lex splits s into tokens; notes about malformed values go to q.
func lex(s string, q *Query) []token {
	var toks []token
	depth, skipped := 0, 0 // open groups, and opening parentheses read as absent
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += size
			continue
		}
		neg := false
		for i < len(s) && (s[i] == '-' || s[i] == '+') {
			neg = neg || s[i] == '-'
			i++
		}
		if i >= len(s) {
			break
		}
		switch s[i] {
		case '(':
			i++
			if depth >= maxDepth {
				skipped++
				continue
			}
			depth++
			toks = append(toks, token{kind: tOpen, neg: neg})
			continue
		case ')':
			i++
			switch {
			case skipped > 0:
				skipped--
			case depth > 0:
				depth--
				toks = append(toks, token{kind: tClose})
			}
			continue
		case '"':
			var t Term
			var ok bool
			t, i, ok = lexPhrase(s, i, q)
			if ok {
				toks = append(toks, token{kind: tTerm, term: t, neg: neg})
			}
			continue
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) || r == '"' || r == ')' {
				break
			}
			i += size
		}
		w := s[start:i]
		if !neg {
			switch w {
			case "OR":
				toks = append(toks, token{kind: tOr})
				continue
			case "AND":
				toks = append(toks, token{kind: tAnd})
				continue
			case "NOT":
				toks = append(toks, token{kind: tNot})
				continue
			}
		}
		if name, value, ok := strings.Cut(w, ":"); ok {
			if f := knownField(name); f != "" {
				if value == "" && i < len(s) && s[i] == '"' {
					// field:"quoted value"
					var t Term
					t, i, ok = lexPhrase(s, i, q)
					if !ok {
						continue
					}
					if f == FieldTitle {
						t.Field = FieldTitle
						toks = append(toks, token{kind: tTerm, term: t, neg: neg})
					} else if tok, ok := filterToken(f, t.Text, q); ok {
						tok.neg = neg
						toks = append(toks, tok)
					}
					continue
				}
				if value != "" {
					if f == FieldTitle {
						if t, ok := wordTerm(value, q); ok {
							t.Field = FieldTitle
							toks = append(toks, token{kind: tTerm, term: t, neg: neg})
						}
					} else if tok, ok := filterToken(f, value, q); ok {
						tok.neg = neg
						toks = append(toks, tok)
					}
					continue
				}
			}
		}
		if t, ok := wordTerm(w, q); ok {
			toks = append(toks, token{kind: tTerm, term: t, neg: neg})
		}
	}
	return toks
}

// lexPhrase reads the quoted phrase at s[i] (and a ~N after it); a phrase
// of one word is that word, one of punctuation alone is nothing (ok false).
func lexPhrase(s string, i int, q *Query) (Term, int, bool) {
	end := strings.IndexByte(s[i+1:], '"')
	var body string
	if end < 0 {
		body, i = s[i+1:], len(s) // unbalanced: close at the end
	} else {
		body, i = s[i+1:i+1+end], i+end+2
	}
	slop := -1
	if i < len(s) && s[i] == '~' {
		j := i + 1
		for j < len(s) && j-i <= 6 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i+1 {
			slop, _ = strconv.Atoi(s[i+1 : j])
			i = j
		} else {
			i++ // a ~ without a number says nothing
		}
	}
	words := strings.FieldsFunc(body, isSpace)
	if len(words) > MaxPhraseWords {
		words = words[:MaxPhraseWords]
	}
	text := strings.Join(words, " ")
	if !hasWordChar(text) {
		return Term{}, i, false
	}
	if len(words) == 1 {
		return Term{Text: text}, i, true
	}
	t := Term{Text: text, Phrase: true}
	if slop > MaxSlop {
		q.Notes = append(q.Notes, Note{Kind: NoteSlop, Text: strconv.Itoa(slop)})
		slop = MaxSlop
	}
	if slop > 0 {
		t.Slop = slop
	}
	return t, i, true
}

// wordTerm makes a term of a typed word: word* is a prefix when it has
// MinPrefix letters or digits before the star.
func wordTerm(w string, q *Query) (Term, bool) {
	if !hasWordChar(w) {
		return Term{}, false
	}
	if !strings.HasSuffix(w, "*") {
		return Term{Text: w}, true
	}
	base := strings.TrimRight(w, "*")
	if wordChars(base) >= MinPrefix {
		return Term{Text: base, Prefix: true}, true
	}
	q.Notes = append(q.Notes, Note{Kind: NoteShortPrefix, Text: w})
	if !hasWordChar(base) {
		return Term{}, false
	}
	return Term{Text: base}, true
}

// filterToken reads a filter's value; a from/to value that is not a date
// is dropped with a note.
func filterToken(field, value string, q *Query) (token, bool) {
	value = strings.TrimSpace(value)
	if !hasWordChar(value) {
		// Nothing a filter could name (lang:( is a stray parenthesis), and
		// what a quoted value without a word reads as: nothing.
		return token{}, false
	}
	f := Filter{Field: field, Value: value}
	switch field {
	case FieldFrom, FieldTo:
		day, ok := parseDay(value, field == FieldTo)
		if !ok {
			q.Notes = append(q.Notes, Note{Kind: NoteBadDate, Field: field, Text: value})
			return token{}, false
		}
		f.Day = day
	case FieldLang:
		f.Value = strings.ToLower(value)
	}
	if f.Value == "" {
		return token{}, false
	}
	return token{kind: tFilter, filter: f}, true
}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD as its first day, or as its
// last when last is set.
func parseDay(s string, last bool) (time.Time, bool) {
	for _, l := range []struct {
		layout string
		years  int
		months int
	}{{"2006", 1, 0}, {"2006-01", 0, 1}, {"2006-01-02", 0, 0}} {
		if len(s) != len(l.layout) {
			continue
		}
		d, err := time.Parse(l.layout, s)
		if err != nil {
			return time.Time{}, false
		}
		if last && l.years+l.months > 0 {
			d = d.AddDate(l.years, l.months, -1)
		}
		return d, true
	}
	return time.Time{}, false
}

// knownField returns the field named by name (any case), or "".
func knownField(name string) string {
	n := strings.ToLower(name)
	if n == FieldTitle || IsFilterField(n) {
		return n
	}
	return ""
}

// parser reads tokens into a tree:
//
//	conj  := disj { [AND] disj }
//	disj  := unary { OR unary }      (a negation never takes part in an OR)
//	unary := (NOT | -) unary | ( conj ) | term | filter
//
// OR binds tighter than AND, as it always did in kerko: a OR b c is
// (a OR b) AND c.
type parser struct {
	q         *Query
	toks      []token
	pos       int
	terms     int
	filters   int
	truncated bool
}

func (p *parser) peek() (token, bool) {
	if p.pos >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.pos], true
}

// conj reads conjuncts until the end of the input or of the group.
func (p *parser) conj(depth int) *Node {
	var kids []*Node
	for {
		t, ok := p.peek()
		if !ok {
			break
		}
		if t.kind == tClose {
			if depth > 0 {
				break
			}
			p.pos++ // the lexer drops unmatched ones; kept for safety
			continue
		}
		if t.kind == tOr || t.kind == tAnd {
			p.pos++ // nothing usable before it
			continue
		}
		if n := p.disj(depth); n != nil {
			kids = append(kids, n)
		}
	}
	return And(kids...)
}

// startsOperand reports whether the next token begins something an OR can
// take: not a negation, not an operator, not the end of a group.
func (p *parser) startsOperand() bool {
	t, ok := p.peek()
	return ok && !t.neg && (t.kind == tTerm || t.kind == tFilter || t.kind == tOpen)
}

func (p *parser) disj(depth int) *Node {
	wasTruncated := p.truncated
	first := p.unary(depth)
	if first == nil || first.Op == OpNot {
		return first
	}
	alts := []*Node{first}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		for ok && t.kind == tOr { // doubled ORs are one
			p.pos++
			t, ok = p.peek()
		}
		if !p.startsOperand() {
			break // a trailing or negated operand: the OR is ignored
		}
		if n := p.unary(depth); n != nil {
			alts = append(alts, n)
		}
	}
	if p.truncated && !wasTruncated {
		// Part of the OR was dropped: what is left would narrow the
		// query, so it all goes.
		return nil
	}
	return Or(alts...)
}

func (p *parser) unary(depth int) *Node {
	t, ok := p.peek()
	if !ok {
		return nil
	}
	p.pos++
	var n *Node
	switch t.kind {
	case tNot:
		if !p.startsUnary() {
			return nil // NOT with nothing to negate
		}
		return Not(p.unary(depth))
	case tOpen:
		n = p.conj(depth + 1)
		if c, ok := p.peek(); ok && c.kind == tClose {
			p.pos++
		}
	case tTerm:
		if p.terms >= MaxTerms {
			p.truncated = true
			return nil
		}
		p.terms++
		n = &Node{Op: OpTerm, Term: t.term}
	case tFilter:
		if p.filters >= MaxFilters {
			p.truncated = true
			return nil
		}
		p.filters++
		n = &Node{Op: OpFilter, Filter: t.filter}
	default:
		return nil
	}
	if t.neg {
		return Not(n)
	}
	return n
}

// startsUnary reports whether a unary can be read next.
func (p *parser) startsUnary() bool {
	t, ok := p.peek()
	return ok && t.kind != tClose && t.kind != tOr && t.kind != tAnd
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0 || unicode.IsControl(r) }

// hasWordChar reports whether w has anything an analyzer could index; a lone
// "*" or "&" is dropped rather than turned into an empty clause.
func hasWordChar(w string) bool { return wordChars(w) > 0 }

func wordChars(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
