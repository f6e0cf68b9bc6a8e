package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
)

// Related articles are found by what an article is about, not by its
// language: the countries, organizations and persons extraction found in it (one id
// across languages) and its most distinctive words in the folded field,
// where names such as Tokayev, Erdoğan or Ankara are one term in every
// language.

// Related is an article similar to another, with why.
type Related struct {
	Hit
	// SharedCountries and SharedOrgs are the ids both articles name;
	// SharedTerms the distinctive words both use, as the article they are
	// related to writes them (Erdoğan, Kosovës, işbirliği).
	SharedCountries []string
	SharedOrgs      []string
	// SharedPeople are the persons both articles name, with the name the
	// first article writes.
	SharedPeople []extract.PersonMention
	SharedTerms  []string
}

const (
	// relatedTerms is how many distinctive words of an article are sought.
	relatedTerms = 16
	// boostRelatedEntity weighs one shared country or organization against
	// one shared distinctive word.
	boostRelatedEntity = 2.0
	// maxShownTerms bounds the shared words given as a reason.
	maxShownTerms = 5
)

// Related returns up to n articles most similar to the article id.
func (g *generation) related(ctx context.Context, id string, n int) ([]Related, error) {
	a, err := g.article(ctx, id)
	if err != nil {
		return nil, err
	}
	terms, written, err := g.distinctiveTerms(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("related to %q: %w", id, err)
	}
	var should []bquery.Query
	total := 0
	for _, m := range a.Countries {
		total += m.Count
	}
	for _, m := range a.Countries {
		// An article mostly about Kazakhstan is related to others about it
		// more than to others that name a country it names once.
		tq := bleve.NewTermQuery(m.ID)
		tq.SetField(index.FieldCountry)
		tq.SetBoost(boostRelatedEntity * float64(m.Count) / float64(total))
		should = append(should, tq)
	}
	for _, m := range a.Orgs {
		tq := bleve.NewTermQuery(m.ID)
		tq.SetField(index.FieldOrg)
		tq.SetBoost(boostRelatedEntity / 2)
		should = append(should, tq)
	}
	for _, p := range a.People {
		// A person named in both is as telling as an organization.
		tq := bleve.NewTermQuery(p.ID)
		tq.SetField(index.FieldPerson)
		tq.SetBoost(boostRelatedEntity / 2)
		should = append(should, tq)
	}
	for _, t := range terms {
		tq := bleve.NewTermQuery(t)
		tq.SetField(index.BodyField(index.Folded))
		should = append(should, tq)
	}
	out := []Related{}
	if len(should) == 0 {
		return out, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddShould(should...)
	b.AddMustNot(bleve.NewDocIDQuery([]string{id}))
	sr := bleve.NewSearchRequestOptions(b, n, 0, false)
	// The body is not loaded: which distinctive words a hit shares is
	// read from the postings of those words (bodyTerms), not by
	// re-analyzing it.
	sr.Fields = []string{index.FieldRecord}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("related to %q: %w", id, err)
	}
	var hitIDs []string
	for _, h := range res.Hits {
		hitIDs = append(hitIDs, h.ID)
	}
	inBody, err := g.bodyTerms(ctx, terms, hitIDs)
	if err != nil {
		return nil, fmt.Errorf("related to %q: %w", id, err)
	}
	for _, h := range res.Hits {
		hit, err := hitFromFields(h.ID, h.Fields)
		if err != nil {
			return nil, fmt.Errorf("related to %q: %w", id, err)
		}
		r := Related{Hit: hit}
		r.Score = h.Score
		r.SharedCountries = intersect(a.CountryCodes(), r.Countries)
		r.SharedOrgs = intersect(a.OrgIDs(), r.Orgs)
		for _, p := range a.People {
			for _, q := range r.People {
				if p.ID == q.ID {
					r.SharedPeople = append(r.SharedPeople, p)
					break
				}
			}
		}
		// A shared word is in the hit's body or its title.
		has := inBody[h.ID]
		if has == nil {
			has = map[string]bool{}
		}
		for _, tok := range analyze(analyzers.FoldedAnalyzer, r.Title) {
			has[string(tok.Term)] = true
		}
		for _, t := range terms {
			if has[t] && len(r.SharedTerms) < maxShownTerms {
				r.SharedTerms = append(r.SharedTerms, written[t])
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// distinctiveTerms returns the words of a that weigh most by tf·idf among
// those some other article also uses, most distinctive first, and how a
// writes each of them. Country and organization names are left to the
// facet fields.
func (g *generation) distinctiveTerms(ctx context.Context, a *index.Article) ([]string, map[string]string, error) {
	text := a.Title + "\n" + a.Body
	toks, err := analyzers.Analyze(analyzers.FoldedAnalyzer, text)
	if err != nil {
		return nil, nil, err
	}
	tf := map[string]int{}
	for _, tok := range toks {
		tf[tok.Term]++
	}
	// Judge each distinct word once: isStopWord runs four analyzers, and
	// the common words it rejects are the most repeated ones.
	for t := range tf {
		if utf8.RuneCountInString(t) < 3 || strings.IndexFunc(t, unicode.IsDigit) >= 0 || isStopWord(t) {
			delete(tf, t)
			continue
		}
		if _, ok := extract.LookupCountry(t); ok {
			delete(tf, t)
		}
	}
	type scored struct {
		term  string
		score float64
	}
	var ss []scored
	n := float64(g.count)
	err = g.withReader(func(r bindex.IndexReader) error {
		for t, f := range tf {
			df, err := termCount(ctx, r, index.BodyField(index.Folded), t)
			if err != nil {
				return err
			}
			// A word only this article uses relates it to nothing; one
			// most articles use tells nothing.
			if df < 2 || float64(df) > n/2+1 {
				continue
			}
			ss = append(ss, scored{t, (1 + math.Log(float64(f))) * math.Log(n/float64(df))})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].score != ss[j].score {
			return ss[i].score > ss[j].score
		}
		return ss[i].term < ss[j].term
	})
	var out []string
	forms := map[string]*writtenForms{}
	for i := 0; i < len(ss) && i < relatedTerms; i++ {
		out = append(out, ss[i].term)
		forms[ss[i].term] = &writtenForms{}
	}
	for _, tok := range toks {
		if w := forms[tok.Term]; w != nil {
			w.addFolding(analyzers.Written(text, tok), tok.Term)
		}
	}
	written := map[string]string{}
	for t, w := range forms {
		if written[t] = w.best(); written[t] == "" {
			written[t] = t
		}
	}
	return out, written, nil
}

// bodyTerms reports which of terms the folded body of each article ids
// holds. Asking the postings of a few terms about a few articles is far
// cheaper than having the search collect term locations for every
// document it scores (what IncludeLocations does).
func (g *generation) bodyTerms(ctx context.Context, terms, ids []string) (map[string]map[string]bool, error) {
	out := map[string]map[string]bool{}
	if len(terms) == 0 || len(ids) == 0 {
		return out, nil
	}
	err := g.withReader(func(r bindex.IndexReader) error {
		type doc struct {
			id  string
			num bindex.IndexInternalID
		}
		var docs []doc
		for _, id := range ids {
			num, err := r.InternalID(id)
			if err != nil {
				return fmt.Errorf("internal id of %q: %w", id, err)
			}
			if num != nil {
				docs = append(docs, doc{id, num})
			}
		}
		// A postings reader only moves forward.
		sort.Slice(docs, func(i, j int) bool { return docs[i].num.Compare(docs[j].num) < 0 })
		for _, t := range terms {
			tfr, err := r.TermFieldReader(ctx, []byte(t), index.BodyField(index.Folded), false, false, false)
			if err != nil {
				return fmt.Errorf("postings of %q: %w", t, err)
			}
			var m bindex.TermFieldDoc
			var at bindex.IndexInternalID // where the reader stands
			for _, d := range docs {
				// Advancing to a document at or behind the reader would
				// restart it from the beginning.
				if at == nil || at.Compare(d.num) < 0 {
					got, err := tfr.Advance(d.num, &m)
					if err != nil {
						tfr.Close()
						return fmt.Errorf("postings of %q: %w", t, err)
					}
					if got == nil {
						break
					}
					at = append(at[:0], got.ID...)
				}
				if at.Equals(d.num) {
					if out[d.id] == nil {
						out[d.id] = map[string]bool{}
					}
					out[d.id][t] = true
				}
			}
			if err := tfr.Close(); err != nil {
				return fmt.Errorf("postings of %q: %w", t, err)
			}
		}
		return nil
	})
	return out, err
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}
