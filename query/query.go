package query

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxTerms bounds the words and phrases kept from one query: each costs one
// disjunction over every text field, and nobody types more than a few.
const MaxTerms = 32

// MaxPhraseWords bounds the words in one phrase.
const MaxPhraseWords = 16

// MaxFilters bounds the field filters kept from one query.
const MaxFilters = 32

// MinPrefix is the fewest letters or digits a prefix* may have: a shorter one
// would expand to a large part of the dictionary.
const MinPrefix = 2

// MaxSlop bounds the N of "phrase"~N.
const MaxSlop = 50

// Field names of the query language.
const (
	FieldTitle   = "title"   // a term matched in titles only
	FieldLang    = "lang"    // filter: sq, tr, en, und (or a language's name)
	FieldCountry = "country" // filter: a country's name in any language, or its ISO code
	FieldOrg     = "org"     // filter: an organization's name or id
	FieldPerson  = "person"  // filter: a person's name in any language and form, or their id
	FieldSource  = "source"  // filter: the article's source, as written
	FieldFrom    = "from"    // filter: first day, YYYY, YYYY-MM or YYYY-MM-DD
	FieldTo      = "to"      // filter: last day, likewise
)

// filterFields are the fields whose value filters rather than matches text.
var filterFields = []string{FieldLang, FieldCountry, FieldOrg, FieldPerson, FieldSource, FieldFrom, FieldTo}

// IsFilterField reports whether f names a filter field.
func IsFilterField(f string) bool {
	for _, x := range filterFields {
		if f == x {
			return true
		}
	}
	return false
}

// Term is one word or phrase as the user typed it.
type Term struct {
	Text   string
	Phrase bool
	// Field is "" for every text field, FieldTitle for titles only.
	Field string
	// Prefix: Text is the beginning of words (typed as Text*).
	Prefix bool
	// Slop, for a phrase, lets its words stand up to Slop positions
	// further apart than typed ("a b"~N); 0 is the exact phrase.
	Slop int
}

// Clause matches when any of its alternatives does (words joined by OR).
type Clause struct {
	Alts []Term
}

// Query is a parsed user query: every Must clause has to match and no Not
// clause may.
type Query struct {
	Must []Clause
	Not  []Clause
	// Truncated is set when terms past MaxTerms (or filters past
	// MaxFilters) were dropped.
	Truncated bool
	// Expr is the whole query as a tree, field filters included; nil when
	// nothing usable was typed. Must and Not are its text part flattened.
	Expr *Node
	// Approx is set when Must and Not only approximate Expr's text part:
	// a field filter inside OR or NOT, a negated AND, or a formula whose
	// flattening would pass MaxTerms. They then match more than Expr does.
	Approx bool
	// Notes say what was typed but not understood as typed.
	Notes []Note
}

// Op is the kind of a Node.
type Op int

// Node kinds.
const (
	OpTerm   Op = iota // Term
	OpFilter           // Filter
	OpAnd              // all Kids (two or more)
	OpOr               // any of Kids (two or more)
	OpNot              // not Kids[0]
)

// Node is one part of a query's tree.
type Node struct {
	Op     Op
	Term   Term   // OpTerm
	Filter Filter // OpFilter
	Kids   []*Node
}

// Filter is a field filter as typed: field:value.
type Filter struct {
	Field string // one of the filter fields (FieldLang ... FieldTo)
	// Value is as typed (quotes removed); for from and to, the date as
	// typed (2020, 2020-03 or 2020-03-15).
	Value string
	// Day is, for from, the first day Value stands for and, for to, the
	// last (to:2020-02 is 2020-02-29).
	Day time.Time
}

// NoteKind says what a Note is about.
type NoteKind int

// Note kinds.
const (
	NoteBadDate     NoteKind = iota // a from:/to: value that is no date; ignored
	NoteShortPrefix                 // a prefix* of fewer than MinPrefix letters; searched as the word
	NoteSlop                        // "…"~N with N above MaxSlop; lowered to MaxSlop
	NoteTruncated                   // terms or filters past the bounds were dropped
	NoteEmptyRange                  // from: after to:; both ignored
)

// Note is something typed that was not taken as typed. Messages are made
// from it by the caller, in its user's language.
type Note struct {
	Kind  NoteKind
	Field string // the field, for NoteBadDate
	Text  string // what was typed
}

// Empty reports whether the query has nothing to match on (browsing).
func (q *Query) Empty() bool { return len(q.Must) == 0 }

// Terms returns every positive term, for highlighting and suggestions.
func (q *Query) Terms() []Term {
	var out []Term
	for _, c := range q.Must {
		out = append(out, c.Alts...)
	}
	return out
}

// Conjuncts returns the parts of Expr that must all match: its kids when it
// is an AND, else Expr itself; none for an empty query.
func (q *Query) Conjuncts() []*Node {
	switch {
	case q.Expr == nil:
		return nil
	case q.Expr.Op == OpAnd:
		return q.Expr.Kids
	}
	return []*Node{q.Expr}
}

// Filters returns every field filter in Expr, wherever it stands.
func (q *Query) Filters() []Filter {
	var out []Filter
	var walk func(n *Node)
	walk = func(n *Node) {
		if n == nil {
			return
		}
		if n.Op == OpFilter {
			out = append(out, n.Filter)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(q.Expr)
	return out
}

// And joins nodes as one conjunction (nil for none, the node for one).
func And(nodes ...*Node) *Node { return join(OpAnd, nodes) }

// Or joins nodes as one disjunction (nil for none, the node for one).
func Or(nodes ...*Node) *Node { return join(OpOr, nodes) }

// Not negates n; the negation of a negation is what it negates.
func Not(n *Node) *Node {
	if n == nil {
		return nil
	}
	if n.Op == OpNot {
		return n.Kids[0]
	}
	return &Node{Op: OpNot, Kids: []*Node{n}}
}

// join flattens nested nodes of the same op and drops nils.
func join(op Op, nodes []*Node) *Node {
	var kids []*Node
	for _, n := range nodes {
		switch {
		case n == nil:
		case n.Op == op:
			kids = append(kids, n.Kids...)
		default:
			kids = append(kids, n)
		}
	}
	switch len(kids) {
	case 0:
		return nil
	case 1:
		return kids[0]
	}
	if op == OpAnd {
		// Negated parts last, as String writes them: the order of an
		// AND's parts means nothing, and one order reads back the same.
		slices.SortStableFunc(kids, func(a, b *Node) int { return boolInt(a.Op == OpNot) - boolInt(b.Op == OpNot) })
	}
	return &Node{Op: op, Kids: kids}
}

// String renders the query in the syntax Parse reads, normalised.
func (q *Query) String() string {
	if q.Expr != nil {
		return Render(q.Expr)
	}
	// A query made by hand (did-you-mean's respelling) has clauses only.
	var parts []*Node
	for _, c := range q.Must {
		parts = append(parts, clauseNode(c))
	}
	for _, c := range q.Not {
		parts = append(parts, Not(clauseNode(c)))
	}
	return Render(And(parts...))
}

func clauseNode(c Clause) *Node {
	var alts []*Node
	for _, t := range c.Alts {
		alts = append(alts, &Node{Op: OpTerm, Term: t})
	}
	return Or(alts...)
}

// Render writes n in the syntax Parse reads: OR binding tighter than AND (no parentheses needed around an
// OR inside an AND), words that would read back as something else quoted.
func Render(n *Node) string {
	var b strings.Builder
	render(&b, n, false)
	return b.String()
}

func render(b *strings.Builder, n *Node, inOr bool) {
	if n == nil {
		return
	}
	switch n.Op {
	case OpTerm:
		b.WriteString(renderTerm(n.Term))
	case OpFilter:
		b.WriteString(n.Filter.Field + ":" + quoteValue(n.Filter.Value))
	case OpNot:
		b.WriteByte('-')
		k := n.Kids[0]
		if k.Op == OpAnd || k.Op == OpOr {
			b.WriteByte('(')
			render(b, k, false)
			b.WriteByte(')')
		} else {
			render(b, k, false)
		}
	case OpOr:
		for i, k := range n.Kids {
			if i > 0 {
				b.WriteString(" OR ")
			}
			if k.Op == OpNot {
				// A bare negation never takes part in an OR.
				b.WriteByte('(')
				render(b, k, false)
				b.WriteByte(')')
				continue
			}
			render(b, k, true)
		}
	case OpAnd:
		if inOr {
			b.WriteByte('(')
		}
		for i, k := range n.Kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			render(b, k, false)
		}
		if inOr {
			b.WriteByte(')')
		}
	}
}

func renderTerm(t Term) string {
	var s string
	switch {
	case t.Phrase:
		s = `"` + t.Text + `"`
		if t.Slop > 0 {
			s += "~" + strconv.Itoa(t.Slop)
		}
	case t.Prefix:
		s = t.Text + "*"
	case needsQuotes(t.Text):
		s = `"` + t.Text + `"`
	default:
		s = t.Text
	}
	if t.Field != "" {
		s = t.Field + ":" + s
	}
	return s
}

// needsQuotes reports whether a word would read back as something else
// unquoted: an operator, a negation, a group, a prefix or a field.
func needsQuotes(w string) bool {
	switch w {
	case "OR", "AND", "NOT":
		return true
	}
	switch w[0] {
	case '-', '+', '(':
		return true
	}
	if strings.HasSuffix(w, "*") || strings.ContainsAny(w, ")") {
		return true
	}
	if name, _, ok := strings.Cut(w, ":"); ok && knownField(name) != "" {
		return true
	}
	return false
}

// quoteValue quotes a filter value that would not read back unquoted.
func quoteValue(v string) string {
	if strings.ContainsFunc(v, isSpace) || strings.ContainsAny(v, `()`) || v == "" {
		return `"` + v + `"`
	}
	return v
}
