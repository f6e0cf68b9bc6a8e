package search

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/index"
)

// The folded body lacks each article's own stop words (mapping.go), so a
// phrase holding one ("Türkiye ile", "Kosova dhe") is looked up in that
// language's articles with a gap where the stop word stood, and a gap
// matches any word, or none at an end of the phrase: "Türkiye ile" would
// find every Turkish article that names Türkiye. A phrase is a promise of
// its words, so each article the gapped phrase finds is read and kept only
// if its text has the phrase as typed. Only phrases with a stop word of the
// article's language pay for this.

// genKey carries the generation a search runs on in its context, for the
// queries that read stored text while they match.
type genKey struct{}

// withGeneration returns ctx carrying g.
func withGeneration(ctx context.Context, g *generation) context.Context {
	return context.WithValue(ctx, genKey{}, g)
}

// checkedPhrase is q (a gapped phrase of text over the folded body) with
// the articles whose body does not hold text as written left out; with a
// slop, q is a gapped "text"~slop (near.go), and the body must hold text's
// words within slop of their places, stop words included.
type checkedPhrase struct {
	q    bquery.Query
	text string
	slop int
}

func (cp *checkedPhrase) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := cp.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	g, _ := ctx.Value(genKey{}).(*generation)
	want := terms(analyze(analyzers.FoldedIndexAnalyzer, cp.text))
	if g == nil || len(want) == 0 {
		// No decoder for the stored bodies: the gapped phrase as it
		// matched is all that can be said.
		return s, nil
	}
	return &passingSearcher{Searcher: s, pass: func(dm *bsearch.DocumentMatch) bool {
		body, ok := storedBody(r, g, dm.IndexInternalID)
		// A body that cannot be read keeps the match the index made.
		if !ok {
			return true
		}
		if cp.slop > 0 {
			return hasNear(body, want, cp.slop)
		}
		return hasPhrase(body, want)
	}}, nil
}

// storedBody is the decoded body of the document num, false when it cannot
// be read.
func storedBody(r bindex.IndexReader, g *generation, num bindex.IndexInternalID) (string, bool) {
	id, err := r.ExternalID(num)
	if err != nil {
		return "", false
	}
	doc, err := r.Document(id)
	if err != nil || doc == nil {
		return "", false
	}
	var stored []byte
	doc.VisitFields(func(f bindex.Field) {
		if f.Name() == index.FieldBody {
			stored = f.Value()
		}
	})
	if stored == nil {
		return "", false
	}
	body, err := g.dec.Decode(string(stored))
	return body, err == nil
}

func terms(toks analysis.TokenStream) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}

// hasPhrase reports whether text, analyzed as the folded body is but with
// every word kept, has the terms want one after another. Analyzing a whole
// body costs a few hundred microseconds, and a gapped phrase can find
// a thousand candidates ("Türkiye ile"): a look at the folded text first
// rules out most of them.
func hasPhrase(text string, want []string) bool {
	if !mayHavePhrase(analyzers.Fold(text), want) {
		return false
	}
	toks := analyze(analyzers.FoldedIndexAnalyzer, text)
	for i := 0; i+len(want) <= len(toks); i++ {
		ok := true
		for j, w := range want {
			if string(toks[i+j].Term) != w || j > 0 && toks[i+j].Position != toks[i+j-1].Position+1 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// mayHavePhrase is false when the folded text cannot hold want as
// consecutive terms: an occurrence of want[0] at the start of a word must be
// followed by want[1] at the start of the next word (or after an elided
// article, t'i), and so on. It never rules out a text that has the phrase;
// it may let through one that has not.
func mayHavePhrase(folded string, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for i := 0; i < len(folded); {
		j := strings.Index(folded[i:], want[0])
		if j < 0 {
			return false
		}
		at := i + j
		if wordStart(folded, at) && followedBy(folded, at+len(want[0]), want[1:]) {
			return true
		}
		i = at + 1
	}
	return false
}

// followedBy reports whether the words after the one that goes on at
// folded[at:] begin with want, one word each.
func followedBy(folded string, at int, want []string) bool {
	if len(want) == 0 {
		return true
	}
	// The rest of the word: letters, digits, marks and a suffix after an
	// apostrophe (Türkiye'nin).
	for at < len(folded) {
		r, n := utf8.DecodeRuneInString(folded[at:])
		if !isWordRune(r) && !isApostrophe(r) {
			break
		}
		at += n
	}
	// What separates words.
	for at < len(folded) {
		r, n := utf8.DecodeRuneInString(folded[at:])
		if isWordRune(r) {
			break
		}
		at += n
	}
	for _, start := range []int{at, elided(folded, at)} {
		if start >= 0 && strings.HasPrefix(folded[start:], want[0]) && followedBy(folded, start+len(want[0]), want[1:]) {
			return true
		}
	}
	return false
}

// elided is where the word at folded[at:] goes on after an elided article
// of at most three letters and an apostrophe (t'i, l'ONU), or -1.
func elided(folded string, at int) int {
	for i := at; i < len(folded) && i <= at+3; {
		r, n := utf8.DecodeRuneInString(folded[i:])
		if isApostrophe(r) {
			return i + n
		}
		if !unicode.IsLetter(r) {
			return -1
		}
		i += n
	}
	return -1
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '´'
}

// wordStart reports whether no letter or digit comes right before at.
func wordStart(s string, at int) bool {
	if at == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return !isWordRune(r)
}

// hasNear reports whether text, analyzed as the folded body is but with
// every word kept, has the terms want within slop positions of their
// places in want, as "…"~slop matches them (near.go). A text missing one
// of the words as a folded substring is ruled out before it is analyzed.
func hasNear(text string, want []string, slop int) bool {
	folded := analyzers.Fold(text)
	for _, w := range want {
		if !strings.Contains(folded, w) {
			return false
		}
	}
	toks := analyze(analyzers.FoldedIndexAnalyzer, text)
	var lists [][]int
	var places []int
	for place, w := range want {
		var rel []int
		for _, t := range toks {
			if string(t.Term) == w {
				rel = append(rel, t.Position-place)
			}
		}
		if len(rel) == 0 {
			return false
		}
		slices.Sort(rel)
		lists = append(lists, slices.Compact(rel))
		places = append(places, place)
	}
	return spansWithin(lists, places, slop)
}
