package search

import (
	"context"
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
	"kerko/query"
)

// Did-you-mean respells the words of a query that finds little into the
// closest words the index holds more often, by edit distance over the
// folded fields' dictionaries. The folded fields hold every article's words
// unstemmed in every language, so a respelling is a word someone wrote
// (kazakistan, not the stem kazakist), and one lookup covers sq, tr and en.
// The dictionary holds that word folded, though (kirgizistan), so the
// suggestion shows it as the articles write it (Kırgızistan): folded and
// written forms search alike, and people read and type the written one.

const (
	// didYouMeanBelow: a query with at least this many hits is taken as
	// meant.
	didYouMeanBelow = 5
	// minRespellRunes: shorter words have too many neighbours to guess from.
	minRespellRunes = 4
	// maxFuzzyCandidates bounds the dictionary terms weighed per word.
	maxFuzzyCandidates = 200
	// writtenSample bounds the articles whose stored text is re-analyzed to
	// learn how a respelled word is written: enough to outvote a headline
	// or a sentence start, little enough to cost less than the search.
	writtenSample = 5
)

// didYouMeanFields are the dictionaries respellings come from.
var didYouMeanFields = []string{index.BodyField(index.Folded), index.TitleField(index.Folded)}

// didYouMean returns q respelled when that finds clearly more than total
// hits under the same filters, or "". Respelled words are written as the
// articles write them; the rest of q is as the user typed it.
func (g *generation) didYouMean(ctx context.Context, p *plan, total uint64) (string, error) {
	if !p.rd.Ranked() || total >= didYouMeanBelow {
		return "", nil
	}
	var respelled []*query.Node // the words replaced by a folded term
	var text *query.Node
	err := g.withReader(func(r bindex.IndexReader) error {
		var err error
		text, err = respellTree(p.rd.Text, false, func(n *query.Node) (*query.Node, error) {
			better, err := respell(ctx, r, n.Term.Text)
			if err != nil || better == "" {
				return n, err
			}
			nn := &query.Node{Op: query.OpTerm, Term: n.Term}
			nn.Term.Text = better
			respelled = append(respelled, nn)
			return nn, nil
		})
		return err
	})
	if err != nil || len(respelled) == 0 {
		return "", err
	}
	sr := bleve.NewSearchRequestOptions(g.withFilters(buildText(text).q, p.filters, ""), 0, 0, false)
	sr.Score = bleve.ScoreNone // only the total is read
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return "", fmt.Errorf("did you mean %q: %w", query.Render(text), err)
	}
	if res.Total <= 2*total {
		return "", nil
	}
	// Only the respelled words change; the others stay as the user typed
	// them. The written forms are looked up only now, for a suggestion that
	// will be shown.
	written := map[string]string{}
	for _, n := range respelled {
		w, ok := written[n.Term.Text]
		if !ok {
			if w, err = g.writtenForm(ctx, n.Term.Text); err != nil {
				return "", err
			}
			written[n.Term.Text] = w
		}
		n.Term.Text = w
	}
	// The filters typed in the box come along, after the words.
	parts := []*query.Node{text}
	for _, l := range p.rd.Lifted {
		parts = append(parts, l.Node)
	}
	return query.Render(query.And(parts...)), nil
}

// respellTree copies n with each word a search of its own would respell
// (one that must be there: not under NOT, neither a phrase nor a prefix)
// replaced by what fn makes of it.
func respellTree(n *query.Node, neg bool, fn func(*query.Node) (*query.Node, error)) (*query.Node, error) {
	if n == nil {
		return nil, nil
	}
	switch n.Op {
	case query.OpTerm:
		if neg || n.Term.Phrase || n.Term.Prefix {
			return n, nil
		}
		return fn(n)
	case query.OpFilter:
		return n, nil
	}
	out := &query.Node{Op: n.Op, Kids: make([]*query.Node, len(n.Kids))}
	for i, k := range n.Kids {
		var err error
		if out.Kids[i], err = respellTree(k, neg != (n.Op == query.OpNot), fn); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// writtenForm returns how the articles that hold the folded term write it:
// the commonest of its written forms, capitalized when most occurrences
// are (a proper noun: Kırgızistan) and otherwise lowercase (ekonomi), or
// term itself when no article shows it.
func (g *generation) writtenForm(ctx context.Context, term string) (string, error) {
	var qs []bquery.Query
	for _, f := range didYouMeanFields {
		tq := bleve.NewTermQuery(term)
		tq.SetField(f)
		qs = append(qs, tq)
	}
	// Scored, so that the sample is the articles using the word most.
	sr := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), writtenSample, 0, false)
	sr.Fields = []string{index.FieldRecord, index.FieldBody}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return "", fmt.Errorf("written form of %q: %w", term, err)
	}
	var forms writtenForms
	for _, h := range res.Hits {
		rec, _ := h.Fields[index.FieldRecord].(string)
		a, err := index.ReadRecord(h.ID, rec)
		if err != nil {
			return "", fmt.Errorf("written form of %q: %w", term, err)
		}
		title := a.Title
		stored, _ := h.Fields[index.FieldBody].(string)
		body, err := g.dec.Decode(stored)
		if err != nil {
			return "", fmt.Errorf("written form of %q: %w", term, err)
		}
		for _, text := range []string{title, body} {
			if err := forms.add(text, term); err != nil {
				return "", err
			}
		}
	}
	if w := forms.best(); w != "" {
		return w, nil
	}
	return term, nil
}

// writtenForms counts how text writes one folded term, by casing.
type writtenForms struct {
	capital, lower, allCaps map[string]int
	nCapital, nLower        int
}

// add counts the occurrences of the folded term in text.
func (w *writtenForms) add(text, term string) error {
	if text == "" {
		return nil
	}
	toks, err := analyzers.Analyze(analyzers.FoldedAnalyzer, text)
	if err != nil {
		return fmt.Errorf("written form of %q: %w", term, err)
	}
	for _, tok := range toks {
		if tok.Term == term {
			w.addFolding(analyzers.Written(text, tok), term)
		}
	}
	return nil
}

// addFolding counts one occurrence of term written as form, unless form
// folds to something else: it would suggest another word.
func (w *writtenForms) addFolding(form, term string) {
	if form == "" || analyzers.Fold(form) != term {
		return
	}
	w.addForm(form)
}

// addForm counts one occurrence of a written form.
func (w *writtenForms) addForm(form string) {
	first, _ := utf8.DecodeRuneInString(form)
	switch {
	case isAllCaps(form):
		// A headline in capitals says nothing of how the word is
		// cased in running text; an acronym is written only so.
		w.allCaps = count(w.allCaps, form)
	case unicode.IsUpper(first) || unicode.IsTitle(first):
		w.capital = count(w.capital, form)
		w.nCapital++
	default:
		w.lower = count(w.lower, form)
		w.nLower++
	}
}

// best returns the commonest form of the casing most occurrences have, a
// tie going to lowercase; forms in capitals only when there is no other.
// It returns "" when nothing was counted.
func (w *writtenForms) best() string {
	switch {
	case w.nCapital > w.nLower:
		return commonest(w.capital)
	case w.nLower > 0:
		return commonest(w.lower)
	}
	return commonest(w.allCaps)
}

func count(m map[string]int, form string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[form]++
	return m
}

// commonest returns the most frequent key of m, the smallest on a tie so
// that the suggestion does not change from one search to the next.
func commonest(m map[string]int) string {
	best, n := "", 0
	for form, c := range m {
		if c > n || c == n && form < best {
			best, n = form, c
		}
	}
	return best
}

// isAllCaps reports whether s has at least two letters and none lowercase.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// respell returns the closest term to word that more articles hold than
// hold word itself, or "" when word is as good as any.
func respell(ctx context.Context, r bindex.IndexReader, word string) (string, error) {
	toks := analyze(analyzers.FoldedAnalyzer, word)
	if len(toks) != 1 {
		return "", nil
	}
	term := string(toks[0].Term)
	n := utf8.RuneCountInString(term)
	if n < minRespellRunes {
		return "", nil
	}
	fuzziness := uint8(1)
	if n > 5 {
		fuzziness = 2
	}
	type cand struct {
		term  string
		dist  uint8
		count uint64
	}
	var own uint64
	for _, f := range didYouMeanFields {
		c, err := termCount(ctx, r, f, term)
		if err != nil {
			return "", err
		}
		own = max(own, c)
	}
	if own >= didYouMeanBelow {
		// The word alone finds as many articles as a query taken as meant:
		// it is spelled as intended, and the query finds little because of
		// its filters or other words. Only then is the fuzzy walk of the
		// dictionary (most of did-you-mean's cost) skipped.
		return "", nil
	}
	auto, err := newFuzzyAutomaton(term, fuzziness)
	if err != nil {
		return "", err
	}
	best := map[string]*cand{}
	for _, f := range didYouMeanFields {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		terms, err := fuzzyTerms(ctx, r, f, term, auto, maxFuzzyCandidates)
		if err != nil {
			return "", err
		}
		for _, t := range terms {
			count, err := termCount(ctx, r, f, t)
			if err != nil {
				return "", err
			}
			dist, _ := auto.Distance(t)
			if b, ok := best[t]; ok {
				b.count = max(b.count, count)
			} else {
				best[t] = &cand{term: t, dist: dist, count: count}
			}
		}
	}
	var cs []*cand
	for _, c := range best {
		// Clearly more common than the word itself, or it is no better.
		if c.count > 2*own {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return "", nil
	}
	sortRespellings(term, cs, func(c *cand) (string, uint8, uint64) { return c.term, c.dist, c.count })
	return cs[0].term, nil
}

// sortRespellings orders the respellings of term, nearest first: by edit
// distance, a changed first letter counting as one more edit (people
// rarely get it wrong: Kazıstan is Kazakistan before Pakistan), then names
// of countries and organizations before other words, then a word a hundred
// times as common as the other first, then by how long a beginning they
// share with term (Tirans is Tiranë before Trans), then by how many
// articles hold them.
func sortRespellings[T any](term string, cs []T, key func(T) (string, uint8, uint64)) {
	first, _ := utf8.DecodeRuneInString(term)
	cost := func(t string, dist uint8) int {
		c := int(dist)
		if r, _ := utf8.DecodeRuneInString(t); r != first {
			c++
		}
		return c
	}
	sort.SliceStable(cs, func(i, j int) bool {
		ti, di, ni := key(cs[i])
		tj, dj, nj := key(cs[j])
		if ci, cj := cost(ti, di), cost(tj, dj); ci != cj {
			return ci < cj
		}
		if ni, nj := isName(ti), isName(tj); ni != nj {
			return ni
		}
		// A word a hundred times as common is what was meant: a rare
		// spelling sharing more of the beginning is itself usually a typo
		// (governmnt is government, not the corpus's governmnet).
		if ni >= 100*nj || nj >= 100*ni {
			return ni > nj
		}
		if pi, pj := commonPrefix(term, ti), commonPrefix(term, tj); pi != pj {
			return pi > pj
		}
		if ni != nj {
			return ni > nj
		}
		return ti < tj
	})
}

// isName reports whether a folded term names a country or an organization.
func isName(t string) bool {
	if _, ok := extract.LookupCountry(t); ok {
		return true
	}
	_, ok := lookupOrgAnyCase(t)
	return ok
}

// commonPrefix is the number of runes a and b begin with alike.
func commonPrefix(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		n++
		a, b = a[sa:], b[sb:]
	}
	return n
}
