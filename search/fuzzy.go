package search

import (
	"context"
	"fmt"
	"math"
	"sync"

	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/vellum/levenshtein"

	"kerko/internal/blevex"
)

// Did-you-mean walks two dictionaries per word with a Levenshtein
// automaton. Bleve builds a table DFA per walk, and the table is sized for
// the most states the word could need (about 1 KiB a state, a few hundred
// states for a word of ten letters): under the bench mix those tables were
// a third of every byte the server allocated, and so of its collector's
// work. A folded word is nearly always ASCII, and for an ASCII word the
// automaton below is built lazily, state by state, as the walk reaches
// them: the walk meets a few dozen states, and one automaton serves both
// dictionaries. Other words get vellum's DFA, built once for both.

// fuzzyAutomaton is what a dictionary walk needs (blevex.Automaton) and the
// distance of a term it accepted.
type fuzzyAutomaton interface {
	blevex.Automaton
	Distance(term string) (uint8, bool)
}

// newFuzzyAutomaton returns an automaton accepting the terms within
// fuzziness edits (insertions, deletions, substitutions of characters) of
// term.
func newFuzzyAutomaton(term string, fuzziness uint8) (fuzzyAutomaton, error) {
	if isASCII(term) {
		return newASCIILev(term, fuzziness), nil
	}
	b, err := levBuilder(fuzziness)
	if err != nil {
		return nil, err
	}
	dfa, err := b.BuildDfa(term, fuzziness)
	if err != nil {
		return nil, fmt.Errorf("fuzzy automaton of %q: %w", term, err)
	}
	return vellumLev{dfa}, nil
}

// fuzzyTerms returns the first limit terms of field's dictionary, in order,
// that a accepts, other than term itself.
func fuzzyTerms(ctx context.Context, r bindex.IndexReader, field, term string, a blevex.Automaton, limit int) ([]string, error) {
	terms, err := blevex.AutomatonTerms(ctx, r, field, a, limit+1)
	if err != nil {
		return nil, fmt.Errorf("fuzzy terms of %q in %s: %w", term, field, err)
	}
	out := terms[:0]
	for _, t := range terms {
		if t != term && len(out) < limit {
			out = append(out, t)
		}
	}
	return out, nil
}

var levBuilders struct {
	once sync.Once
	b    [3]*levenshtein.LevenshteinAutomatonBuilder
	err  error
}

// levBuilder returns vellum's builder for fuzziness 1 or 2 (building one
// takes milliseconds, so they are built once, on first use).
func levBuilder(fuzziness uint8) (*levenshtein.LevenshteinAutomatonBuilder, error) {
	levBuilders.once.Do(func() {
		for d := uint8(1); d <= 2 && levBuilders.err == nil; d++ {
			levBuilders.b[d], levBuilders.err = levenshtein.NewLevenshteinAutomatonBuilder(d, false)
		}
	})
	if levBuilders.err != nil {
		return nil, fmt.Errorf("levenshtein automaton builder: %w", levBuilders.err)
	}
	if fuzziness < 1 || fuzziness > 2 {
		return nil, fmt.Errorf("fuzziness %d: only 1 and 2 are supported", fuzziness)
	}
	return levBuilders.b[fuzziness], nil
}

type vellumLev struct{ *levenshtein.DFA }

func (v vellumLev) Distance(term string) (uint8, bool) {
	ok, d := v.MatchAndDistance(term)
	return d, ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiLev is a Levenshtein automaton for an ASCII word over UTF-8 terms,
// built as it is walked. A state is a row of the edit-distance table (the
// distance from each prefix of the word to the bytes read so far), capped
// at max+1, and states are interned so that equal rows are one state. A
// character that is not ASCII differs from every letter of the word: its
// first byte steps the row as one mismatched character, and its
// continuation bytes leave the state as it is, so distances count
// characters, not bytes.
type asciiLev struct {
	word string
	max  uint8
	rows []uint8 // state s is rows[s*w : (s+1)*w], w = len(word)+1
	ids  map[string]int
	// trans[s][b] is 1 + the state Accept(s, b) gives, 0 until known: a
	// walk makes tens of thousands of steps between a few dozen states.
	trans []*[256]uint16
	next  []uint8 // scratch row
}

// deadState is the state no match can be reached from.
const deadState = 0

func newASCIILev(word string, max uint8) *asciiLev {
	w := len(word) + 1
	a := &asciiLev{word: word, max: max, ids: make(map[string]int, 64), next: make([]uint8, w)}
	dead := make([]uint8, w)
	for i := range dead {
		dead[i] = max + 1
	}
	a.intern(dead)
	start := make([]uint8, w)
	for i := range start {
		start[i] = uint8(min(i, int(max)+1))
	}
	a.intern(start)
	return a
}

func (a *asciiLev) intern(row []uint8) int {
	if id, ok := a.ids[string(row)]; ok {
		return id
	}
	id := len(a.rows) / len(row)
	a.rows = append(a.rows, row...)
	a.ids[string(row)] = id
	a.trans = append(a.trans, new([256]uint16))
	return id
}

func (a *asciiLev) row(s int) []uint8 {
	w := len(a.word) + 1
	return a.rows[s*w : (s+1)*w]
}

func (a *asciiLev) Start() int { return 1 }

func (a *asciiLev) IsMatch(s int) bool { return a.row(s)[len(a.word)] <= a.max }

func (a *asciiLev) CanMatch(s int) bool { return s != deadState }

func (a *asciiLev) WillAlwaysMatch(int) bool { return false }

func (a *asciiLev) Accept(s int, b byte) int {
	if s == deadState {
		return deadState
	}
	if b&0xC0 == 0x80 {
		return s // inside a character already counted
	}
	t := a.trans[s]
	if t[b] != 0 {
		return int(t[b] - 1)
	}
	next := a.step(s, b)
	if next < math.MaxUint16 {
		t[b] = uint16(next + 1)
	}
	return next
}

// step computes the state after reading byte b (ASCII or a character's
// first byte) in state s.
func (a *asciiLev) step(s int, b byte) int {
	old, nw := a.row(s), a.next
	capAt := a.max + 1
	nw[0] = min(old[0]+1, capAt)
	best := nw[0]
	for i := 1; i < len(nw); i++ {
		cost := old[i-1]
		if b >= 0x80 || a.word[i-1] != b {
			cost++
		}
		cost = min(cost, old[i]+1, nw[i-1]+1, capAt)
		nw[i] = cost
		best = min(best, cost)
	}
	if best > a.max {
		return deadState
	}
	return a.intern(nw)
}

// Distance returns the edit distance from the word to term, if within max.
func (a *asciiLev) Distance(term string) (uint8, bool) {
	s := a.Start()
	for i := 0; i < len(term) && s != deadState; i++ {
		s = a.Accept(s, term[i])
	}
	d := a.row(s)[len(a.word)]
	return d, d <= a.max
}
