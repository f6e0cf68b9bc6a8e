package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTerms bounds the words and phrases kept from one query: each costs one
// disjunction over every text field, and nobody types more than a few.
const MaxTerms = 32

// MaxPhraseWords bounds the words in one phrase.
const MaxPhraseWords = 16

// Term is one word or phrase as the user typed it.
type Term struct {
	Text   string
	Phrase bool
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
	// Truncated is set when terms past MaxTerms were dropped.
	Truncated bool
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

// String renders the query in the syntax Parse reads, normalised.
func (q *Query) String() string {
	var b strings.Builder
	write := func(c Clause, neg bool) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if neg {
			b.WriteByte('-')
		}
		for i, t := range c.Alts {
			if i > 0 {
				b.WriteString(" OR ")
			}
			// A word that would read back as an operator ("OR", "-x") keeps
			// the quotes it was typed with.
			if t.Phrase || t.Text == "OR" || t.Text[0] == '-' || t.Text[0] == '+' {
				b.WriteString(`"` + t.Text + `"`)
			} else {
				b.WriteString(t.Text)
			}
		}
	}
	for _, c := range q.Must {
		write(c, false)
	}
	for _, c := range q.Not {
		write(c, true)
	}
	return b.String()
}

// token is one lexical item: a word, a phrase or the OR operator.
type token struct {
	text   string
	phrase bool
	neg    bool
	or     bool
}

// Parse reads a user query. It never fails.
func Parse(s string) *Query {
	s = strings.ToValidUTF8(s, "")
	toks := lex(s)
	q := &Query{}
	n := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.or {
			continue // an OR with nothing usable before it
		}
		c := Clause{Alts: []Term{{Text: t.text, Phrase: t.phrase}}}
		// Absorb "OR x" chains; a negated term cannot take part in one.
		for !t.neg && i+2 < len(toks) && toks[i+1].or && !toks[i+2].or && !toks[i+2].neg {
			c.Alts = append(c.Alts, Term{Text: toks[i+2].text, Phrase: toks[i+2].phrase})
			i += 2
		}
		if n+len(c.Alts) > MaxTerms {
			q.Truncated = true
			break
		}
		n += len(c.Alts)
		if t.neg {
			q.Not = append(q.Not, c)
		} else {
			q.Must = append(q.Must, c)
		}
	}
	return q
}

func lex(s string) []token {
	var toks []token
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
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			var body string
			if end < 0 {
				body, i = s[i+1:], len(s) // unbalanced: close at the end
			} else {
				body, i = s[i+1:i+1+end], i+end+2
			}
			words := strings.FieldsFunc(body, isSpace)
			if len(words) > MaxPhraseWords {
				words = words[:MaxPhraseWords]
			}
			// A phrase of punctuation alone ("&") would be an empty clause.
			if !hasWordChar(strings.Join(words, " ")) {
				continue
			}
			switch len(words) {
			case 0:
			case 1:
				toks = append(toks, token{text: words[0], neg: neg})
			default:
				toks = append(toks, token{text: strings.Join(words, " "), phrase: true, neg: neg})
			}
			continue
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) || r == '"' {
				break
			}
			i += size
		}
		w := s[start:i]
		if w == "OR" && !neg {
			toks = append(toks, token{or: true})
			continue
		}
		if hasWordChar(w) {
			toks = append(toks, token{text: w, neg: neg})
		}
	}
	// An OR must stand between two terms; drop leading, trailing and doubled ones.
	out := toks[:0]
	for i, t := range toks {
		if t.or && (len(out) == 0 || out[len(out)-1].or || i == len(toks)-1) {
			continue
		}
		out = append(out, t)
	}
	if len(out) > 0 && out[len(out)-1].or {
		out = out[:len(out)-1]
	}
	return out
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0 || unicode.IsControl(r) }

// hasWordChar reports whether w has anything an analyzer could index; a lone
// "*" or "&" is dropped rather than turned into an empty clause.
func hasWordChar(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
