package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
	"kerko/internal/blevex"
)

// Word suggestions complete the last word typed from the folded body's
// dictionary, where every article's words are one term whatever their
// diacritics and case. Three things keep them honest:
//
//   - they are shown as the articles write them (Erdoğan, Kosovës,
//     işbirliği), not as the dictionary holds them (erdogan);
//   - a word typed with diacritics (tërm) is completed only by words written
//     with them (tërmet, not terms), and a word with a case ending
//     (Kazakistan'ın) is completed from its base (Kazakistan);
//   - none finds fewer articles than the word typed (BM, the UN in Albanian
//     and Turkish, is not completed to bmw);
//
// and among them the words of the interface's language and of the language
// the word is typed in (ë: Albanian; ı, ğ, ş: Turkish) come first.

const (
	// wordCandidates bounds the dictionary terms weighed for one prefix
	// after the most frequent are taken; markedCandidates for a word typed
	// with diacritics, whose completions are picked from them by how the
	// articles write them.
	wordCandidates   = 24
	markedCandidates = 200
	// langPostings bounds the postings read to count a candidate's
	// articles in the preferred languages.
	langPostings = 50000
	// maxVerified bounds the candidates whose written form and count are
	// looked up (a search each) for one keystroke.
	maxVerified = 12
	// prefWeight is how much more an article in a preferred language
	// counts when suggestions are ordered.
	prefWeight = 4
	// writtenMemoBytes bounds a generation's memo of written forms.
	writtenMemoBytes = 256 << 10
)

// wordSuggestion is a completion of the last word typed.
type wordSuggestion struct {
	term    string // folded, as the dictionary holds it
	written string // as the articles write it
	count   int    // articles it finds (findsCount)
}

// lastWord is the last word typed as suggestions read it.
type lastWord struct {
	term  string // folded, without a case ending: kazakistan for Kazakistan'ın
	whole bool   // a word of the index as typed, not only a beginning
}

// suggestWords returns up to n completions of typed, the last word typed,
// and how it was read.
func (g *generation) suggestWords(ctx context.Context, typed, ui string, n int) ([]wordSuggestion, lastWord, error) {
	toks, err := analyzers.Analyze(analyzers.FoldedAnalyzer, typed)
	if err != nil || len(toks) == 0 {
		return nil, lastWord{}, err
	}
	tok := toks[len(toks)-1]
	prefix := tok.Term
	// What was typed of the word, without a case ending cut at an
	// apostrophe: Kazakistan'ın is completed, and found, as Kazakistan.
	stem := analyzers.Written(typed, tok)
	cut := stem != "" && utf8.RuneCountInString(stem) < utf8.RuneCountInString(typed[tok.Start:])
	if utf8.RuneCountInString(prefix) < minSuggestRunes {
		return nil, lastWord{term: prefix}, nil
	}
	marks := typedMarks(stem)
	pool := wordCandidates
	if marks {
		// Words written with the typed diacritics can be rarer than
		// those written without (tërmet, terms): look further.
		pool = markedCandidates
	}
	var cands []wordSuggestion
	var own int
	err = g.withReader(func(r bindex.IndexReader) error {
		terms, err := g.prefixTerms(ctx, prefix, cut, pool)
		if err != nil {
			return err
		}
		if own, err = g.findsCount(ctx, r, prefix); err != nil {
			return err
		}
		if own > 0 && marks {
			// tërm folds to the English term; typed with its ë it is
			// the beginning of another word, and finds nothing as typed.
			w, err := g.writtenFormMemo(ctx, prefix)
			if err != nil {
				return err
			}
			if !hasTypedPrefix(w, stem) {
				own = 0
			}
		}
		for _, t := range terms {
			// A completion that finds less than what is typed is no help.
			c, err := g.findsCount(ctx, r, t.Value)
			if err != nil {
				return err
			}
			if c >= own {
				cands = append(cands, wordSuggestion{term: t.Value, count: c})
			}
		}
		return g.preferLanguages(ctx, r, cands, preferredLangs(typed, ui))
	})
	if err != nil {
		return nil, lastWord{}, err
	}
	// What the word typed finds, searched as a query would search it
	// (stems, titles, names across languages): no suggestion may find
	// less. A beginning typed with diacritics that no article writes
	// so (tërm) finds nothing as typed: the English term it folds to is
	// not what was meant.
	var typedFinds uint64
	if own > 0 || !marks {
		if typedFinds, err = g.countWord(ctx, typed); err != nil {
			return nil, lastWord{}, err
		}
	}
	var out []wordSuggestion
	for i, c := range cands {
		if len(out) == n || i == maxVerified {
			break
		}
		w, err := g.writtenFormMemo(ctx, c.term)
		if err != nil {
			return nil, lastWord{}, err
		}
		// A word typed with its diacritics is completed by words written
		// with them.
		if marks && !hasTypedPrefix(w, stem) {
			continue
		}
		finds, err := g.countWord(ctx, w)
		if err != nil {
			return nil, lastWord{}, err
		}
		if finds < typedFinds {
			continue
		}
		out = append(out, wordSuggestion{term: c.term, written: w, count: int(finds)})
	}
	return out, lastWord{term: prefix, whole: own > 0}, nil
}

// countWord is how many articles a search for word finds.
func (g *generation) countWord(ctx context.Context, word string) (uint64, error) {
	rd := Read(Request{Query: word})
	if !rd.Ranked() {
		return 0, nil
	}
	sr := bleve.NewSearchRequestOptions(buildText(rd.Text).q, 0, 0, false)
	sr.Score = bleve.ScoreNone
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return 0, fmt.Errorf("count %q: %w", word, err)
	}
	return res.Total, nil
}

// prefixTerms returns the most frequent terms of the folded body that start
// with prefix (prefix itself only when whole: the base of a word typed with
// a case ending), by count, at most wordCandidates.
func (g *generation) prefixTerms(ctx context.Context, prefix string, whole bool, pool int) ([]FacetValue, error) {
	var out []FacetValue
	d, err := g.idx.FieldDictPrefix(index.BodyField(index.Folded), []byte(prefix))
	if err != nil {
		return nil, fmt.Errorf("terms starting %q: %w", prefix, err)
	}
	defer d.Close()
	for i := 0; i < maxPrefixTerms; i++ {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("terms starting %q: %w", prefix, err)
		}
		if e == nil {
			break
		}
		// Numbers and one-letter completions help nobody.
		if e.Term == prefix && !whole || strings.ContainsAny(e.Term[:1], "0123456789") {
			continue
		}
		out = append(out, FacetValue{Value: e.Term, Count: int(e.Count)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return len(out[i].Value) < len(out[j].Value)
	})
	if len(out) > pool {
		out = out[:pool]
	}
	return out, nil
}

// findsCount is how many articles a folded word finds, as near as the
// dictionaries tell without a search: those whose folded body or title
// holds it, or, for a country's or an organization's name, those about it
// if more.
func (g *generation) findsCount(ctx context.Context, r bindex.IndexReader, term string) (int, error) {
	n := 0
	for _, f := range didYouMeanFields {
		c, err := termCount(ctx, r, f, term)
		if err != nil {
			return 0, err
		}
		n = max(n, int(c))
	}
	if n == 0 {
		// Not a word of the index: a prefix, which finds nothing.
		return 0, nil
	}
	countries, orgs, err := g.entityCounts(ctx)
	if err != nil {
		return 0, err
	}
	if code, ok := extract.LookupCountry(term); ok {
		n = max(n, countOf(countries, code))
	} else if id, ok := lookupOrgAnyCase(term); ok {
		n = max(n, countOf(orgs, id))
	}
	return n, nil
}

// lookupOrgAnyCase looks an organization up by a folded (lowercase) word:
// abbreviations count only in capitals (BM), and the dictionary holds bm.
func lookupOrgAnyCase(term string) (string, bool) {
	if id, ok := extract.LookupOrganization(term); ok {
		return id, true
	}
	return extract.LookupOrganization(strings.ToUpper(term))
}

func countOf(vals []FacetValue, v string) int {
	for _, fv := range vals {
		if fv.Value == v {
			return fv.Count
		}
	}
	return 0
}

// preferredLangs are the languages whose words come first: the interface's
// and the one the word is typed in, when its letters say (ë, ç: Albanian;
// ı, ğ, ş, ö, ü or a case ending after an apostrophe: Turkish).
func preferredLangs(typed, ui string) map[string]bool {
	out := map[string]bool{}
	if ui == "sq" || ui == "tr" || ui == "en" {
		out[ui] = true
	}
	switch {
	case strings.ContainsAny(typed, "ëËçÇ"):
		out["sq"] = true
	case strings.ContainsAny(typed, "ıİğĞşŞöÖüÜ"):
		out["tr"] = true
	case strings.ContainsAny(typed, "'’"):
		out["tr"] = true
	}
	return out
}

// preferLanguages orders cands by how many articles they find, those in
// langs counting prefWeight times more.
func (g *generation) preferLanguages(ctx context.Context, r bindex.IndexReader, cands []wordSuggestion, langs map[string]bool) error {
	t, ok := g.facetTable(r)
	gi := groupIndex(FacetLang)
	if !ok || len(langs) == 0 || len(cands) < 2 || gi < 0 || gi >= len(t.off) {
		return nil
	}
	want := make([]bool, len(t.values[gi]))
	for id, v := range t.values[gi] {
		want[id] = langs[v]
	}
	off, ids := t.off[gi], t.ids[gi]
	inLangs := make([]int, len(cands))
	budget := langPostings
	for i, c := range cands {
		tfr, err := r.TermFieldReader(ctx, []byte(c.term), index.BodyField(index.Folded), false, false, false)
		if err != nil {
			return fmt.Errorf("postings of %q: %w", c.term, err)
		}
		var m bindex.TermFieldDoc
		for ; budget > 0; budget-- {
			d, err := tfr.Next(&m)
			if err != nil || d == nil {
				break
			}
			num, ok := blevex.DocNum(d.ID)
			if !ok || num+1 >= uint64(len(off)) {
				continue
			}
			for _, id := range ids[off[num]:off[num+1]] {
				if want[id] {
					inLangs[i]++
					break
				}
			}
		}
		tfr.Close()
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	score := func(i int) int { return cands[i].count + (prefWeight-1)*inLangs[i] }
	sort.SliceStable(order, func(a, b int) bool { return score(order[a]) > score(order[b]) })
	sorted := make([]wordSuggestion, len(cands))
	for i, j := range order {
		sorted[i] = cands[j]
	}
	copy(cands, sorted)
	return nil
}

// typedMarks reports whether a word was typed with diacritics: it folds
// to something other than its lowercase.
func typedMarks(word string) bool {
	return word != "" && analyzers.Fold(word) != strings.ToLower(word)
}

// hasTypedPrefix reports whether written begins with typed, letter by
// letter: a letter typed with a diacritic must be that letter (any case),
// one typed without may stand for any letter that folds to it.
func hasTypedPrefix(written, typed string) bool {
	w := []rune(written)
	i := 0
	for _, tr := range typed {
		if i >= len(w) {
			return false
		}
		wr := w[i]
		i++
		if tr < utf8.RuneSelf {
			if analyzers.Fold(string(wr)) != strings.ToLower(string(tr)) && unicode.ToLower(wr) != unicode.ToLower(tr) {
				return false
			}
			continue
		}
		if unicode.ToLower(wr) != unicode.ToLower(tr) && !(tr == 'İ' && wr == 'i') && !(tr == 'i' && wr == 'İ') {
			return false
		}
	}
	return true
}

// writtenFormMemo is writtenForm, remembered for the generation: every
// keystroke asks for the written forms of the same few words.
func (g *generation) writtenFormMemo(ctx context.Context, term string) (string, error) {
	w, _, err := g.written.Do(ctx, term, func() (string, int64, error) {
		w, err := g.writtenForm(ctx, term)
		return w, int64(2*len(term) + len(w) + 64), err
	})
	return w, err
}

// typedEntity returns the country or organization that the last word typed
// names in any form (Kazakistan'ın, BM), as a suggestion in ui's language.
func typedEntity(word, ui string) (Suggestion, bool) {
	if code, ok := extract.LookupCountry(word); ok {
		return Suggestion{Kind: SuggestCountry, Text: extract.CountryName(code, ui), Value: code}, true
	}
	if id, ok := extract.LookupOrganization(word); ok {
		return Suggestion{Kind: SuggestOrg, Text: extract.OrgName(id, ui), Value: id}, true
	}
	return Suggestion{}, false
}
