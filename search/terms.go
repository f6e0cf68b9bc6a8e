package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/analyzers"
	"kerko/extract"
	"kerko/index"
	"kerko/internal/utf8cut"
	"kerko/query"
)

// Telling words (web's /api/terms and the results page's panel) are the
// words that distinguish the articles a search finds from the whole index,
// as Elasticsearch's significant_terms finds them, scored with its default
// heuristic, JLH. For a word w of language L:
//
//	fg = sampled hits of L that hold w / sampled hits of L
//	bg = articles of L in the index that hold w / articles of L
//	JLH = (fg - bg) * (fg / bg), and nothing when fg <= bg
//
// The absolute difference favours common words that grew, the ratio rare
// words that grew much; their product ranks both. Words are counted per
// language in the stemmed body field (sınırda and sınırı are one word) and
// shown as the articles write them: the commonest written form of the stem
// among the sampled hits. The hits read are the best termsSample of them
// (in the search's order) when there are more, as Elasticsearch's sampler
// does; the background counts come from the generation's term
// dictionaries, memoized per generation (generation.docFreq). Stop words,
// numbers, one-letter words and the query's own words (its words in every
// language, the names of the countries and organizations it was expanded
// to, the words its prefixes begin) are left out. Articles of no analyzed
// language ("und") have no stemmed field and take no part.

const (
	// termsSample is how many of the best hits are read.
	termsSample = 200
	// maxTermsBody bounds the bytes of one body that are analyzed.
	maxTermsBody = 16 << 10
	// minLangShare is the smallest share of the sample a language must
	// have for its words to take part (and two hits at least): among 200
	// hits, a word in two of the three Albanian ones says little, and
	// would outscore every word of the 197 others.
	minLangShare = 0.05
	// MaxTerms bounds how many telling words one call returns.
	MaxTerms = 100
)

// Term is one telling word.
type Term struct {
	Text string // as the articles write it
	Lang string
	// Count is how many sampled hits of Lang hold the word, Background
	// how many articles of Lang in the index do.
	Count      int
	Background uint64
	Score      float64
}

// Terms is what TellingWords found.
type Terms struct {
	Total  uint64 // articles the search matches
	Sample int    // hits read: the best ones when Total is larger
	Terms  []Term
}

// TellingWords returns up to size words that distinguish the articles
// req matches from the whole index (Page and Size of req are ignored).
func (ix *Index) TellingWords(ctx context.Context, req Request, size int) (*Terms, error) {
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	return safely1("telling words", func() (*Terms, error) { return g.tellingWords(withGeneration(ctx, g), req, size) })
}

// sampledDoc is one sampled hit's body analyzed by its language's analyzer.
type sampledDoc struct {
	lang string
	body string
	toks analysis.TokenStream
}

// candidate is a stem of one language among the sampled hits.
type candidate struct {
	lang, stem string
	docs       int
	last       int // the last sampled doc counted
	doc, tok   int // where it first occurs
}

func (g *generation) tellingWords(ctx context.Context, req Request, size int) (*Terms, error) {
	if size <= 0 || size > MaxTerms {
		return nil, fmt.Errorf("%w: %d telling words (want 1 to %d)", ErrBadRequest, size, MaxTerms)
	}
	req.Page, req.Size, req.NoFacets, req.CountOnly = 1, termsSample, true, false
	p, err := newPlan(req)
	if err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(g.withFilters(p.text.q, p.filters, ""), termsSample, 0, false)
	sr.Fields = []string{index.FieldRecord, index.FieldBody}
	if p.byDate {
		sr.SortByCustom(dateSort(p.desc))
	}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("telling words of %q: %w", req.Query, err)
	}
	out := &Terms{Total: res.Total, Sample: len(res.Hits), Terms: []Term{}}

	// Every sampled body of an analyzed language, analyzed.
	var docs []sampledDoc
	perLang := map[string]int{}
	for _, h := range res.Hits {
		hit, err := hitFromFields(h.ID, h.Fields)
		if err != nil {
			return nil, err
		}
		a := analyzers.ForLang(hit.Lang)
		if a == "" {
			continue
		}
		stored, _ := h.Fields[index.FieldBody].(string)
		body, err := g.body(ctx, h.ID, stored)
		if err != nil {
			return nil, fmt.Errorf("telling words: hit %q: %w", h.ID, err)
		}
		body = utf8cut.Prefix(body, maxTermsBody)
		docs = append(docs, sampledDoc{lang: hit.Lang, body: body, toks: analyze(a, body)})
		perLang[hit.Lang]++
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}

	// How many sampled hits of its language hold each stem.
	cands := map[string]map[string]*candidate{}
	for di, d := range docs {
		m := cands[d.lang]
		if m == nil {
			m = map[string]*candidate{}
			cands[d.lang] = m
		}
		for ti, tok := range d.toks {
			c := m[string(tok.Term)]
			if c == nil {
				c = &candidate{lang: d.lang, stem: string(tok.Term), last: -1, doc: di, tok: ti}
				m[c.stem] = c
			}
			if c.last != di {
				c.docs++
				c.last = di
			}
		}
	}

	own := ownWords(p)
	minLang := max(2, int(math.Ceil(minLangShare*float64(len(docs)))))
	var scored []Term
	var winners []*candidate
	err = g.withReader(func(r bindex.IndexReader) error {
		for lang, m := range cands {
			if perLang[lang] < minLang {
				continue
			}
			langSize, err := g.docFreq(ctx, r, index.FieldLang, lang)
			if err != nil {
				return err
			}
			minDocs := 3
			if perLang[lang] < 50 {
				minDocs = 2
			}
			minDocs = min(minDocs, perLang[lang])
			for _, c := range m {
				if c.docs < minDocs || !telling(c.stem) || own.holds(lang, c.stem) {
					continue
				}
				d := docs[c.doc]
				first := analyzers.Written(d.body, analyzers.Token{Start: d.toks[c.tok].Start, End: d.toks[c.tok].End})
				if isStopWord(first) || own.names(first) {
					continue
				}
				bg, err := g.docFreq(ctx, r, index.BodyField(lang), c.stem)
				if err != nil {
					return err
				}
				// The index holds every sampled hit: a stem the body field
				// counts less often (cut from a long body, say) is counted
				// as the sample has it.
				bg = max(bg, uint64(c.docs))
				score := jlh(c.docs, perLang[lang], bg, langSize)
				if score <= 0 {
					continue
				}
				scored = append(scored, Term{Lang: lang, Count: c.docs, Background: bg, Score: score})
				winners = append(winners, c)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("telling words of %q: %w", req.Query, err)
	}
	order := make([]int, len(scored))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := scored[a], scored[b]
		switch {
		case x.Score != y.Score:
			return cmpDesc(x.Score, y.Score)
		case x.Count != y.Count:
			return y.Count - x.Count
		}
		return strings.Compare(winners[a].stem, winners[b].stem)
	})
	order = order[:min(len(order), size)]
	for _, i := range order {
		t := scored[i]
		t.Text = writtenStem(docs, winners[i])
		out.Terms = append(out.Terms, t)
	}
	return out, nil
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

// jlh is Elasticsearch's JLH score of a word in subsetFreq of subsetSize
// sampled hits and supersetFreq of supersetSize articles.
func jlh(subsetFreq, subsetSize int, supersetFreq, supersetSize uint64) float64 {
	if subsetSize == 0 || supersetSize == 0 || supersetFreq == 0 {
		return 0
	}
	fg := float64(subsetFreq) / float64(subsetSize)
	bg := float64(supersetFreq) / float64(supersetSize)
	if fg <= bg {
		return 0
	}
	s := (fg - bg) * (fg / bg)
	if math.IsInf(s, 0) || math.IsNaN(s) {
		return 0
	}
	return s
}

// telling reports whether a stem can be a telling word at all: two
// letters or more, not a number.
func telling(stem string) bool {
	letters := 0
	for _, r := range stem {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// writtenStem is the commonest written form of c's stem among the sampled
// hits of its language.
func writtenStem(docs []sampledDoc, c *candidate) string {
	var forms writtenForms
	for _, d := range docs {
		if d.lang != c.lang {
			continue
		}
		for _, tok := range d.toks {
			if string(tok.Term) == c.stem {
				if f := analyzers.Written(d.body, analyzers.Token{Start: tok.Start, End: tok.End}); f != "" {
					forms.addForm(f)
				}
			}
		}
	}
	if w := forms.best(); w != "" {
		return w
	}
	return c.stem
}

// ownSet is what a search asked for, which cannot tell its hits apart.
type ownSet struct {
	stems    map[string]map[string]bool // per language
	prefixes []string                   // folded
	// entities are the countries and organizations the search is about:
	// any word naming one (Kirgistanit, Kırgızistan'ın) is left out.
	entities map[string]bool
}

func (o ownSet) holds(lang, stem string) bool { return o.stems[lang][stem] }

// names reports whether a written form names what the search asked for: a
// country or organization it is about, or a word one of its prefixes begins.
func (o ownSet) names(form string) bool {
	if c, ok := extract.LookupCountry(form); ok && o.entities[FacetCountry+":"+c] {
		return true
	}
	if org, ok := extract.LookupOrganization(form); ok && o.entities[FacetOrg+":"+org] {
		return true
	}
	if id, ok := extract.LookupPerson(form); ok && o.entities[FacetPerson+":"+id] {
		return true
	}
	f := analyzers.Fold(form)
	for _, p := range o.prefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// ownWords are the words of p's query in every language, and the names of
// the countries and organizations they were expanded to.
func ownWords(p *plan) ownSet {
	o := ownSet{stems: map[string]map[string]bool{}, entities: map[string]bool{}}
	var texts []string
	var walk func(n *query.Node)
	walk = func(n *query.Node) {
		if n == nil {
			return
		}
		if n.Op == query.OpTerm {
			if n.Term.Prefix {
				if toks := analyze(analyzers.FoldedAnalyzer, n.Term.Text); len(toks) > 0 {
					o.prefixes = append(o.prefixes, string(toks[len(toks)-1].Term))
				}
			}
			texts = append(texts, n.Term.Text)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(p.rd.Text)
	for _, x := range p.text.expanded {
		o.entities[x.Kind+":"+x.ID] = true
		if x.Kind == FacetPerson {
			texts = append(texts, extract.PersonSurnames(x.ID)...)
			continue
		}
		for _, ui := range index.Langs {
			if x.Kind == FacetOrg {
				texts = append(texts, extract.OrgName(x.ID, ui))
			} else {
				texts = append(texts, extract.CountryName(x.ID, ui))
			}
		}
	}
	for _, set := range p.rd.People {
		for _, id := range set {
			o.entities[FacetPerson+":"+id] = true
			texts = append(texts, extract.PersonSurnames(id)...)
		}
	}
	for kind, sets := range map[string][][]string{FacetCountry: p.rd.Countries, FacetOrg: p.rd.Orgs} {
		for _, set := range sets {
			for _, id := range set {
				o.entities[kind+":"+id] = true
				for _, ui := range index.Langs {
					texts = append(texts, extract.CountryName(id, ui), extract.OrgName(id, ui))
				}
			}
		}
	}
	text := strings.Join(texts, " \n ")
	for _, lang := range index.Langs {
		set := map[string]bool{}
		for _, tok := range analyze(analyzers.ForLang(lang), text) {
			set[string(tok.Term)] = true
		}
		o.stems[lang] = set
	}
	return o
}

// docFreq is the number of articles with term in field, memoized for the
// generation (telling words ask it for hundreds of words per call, and
// the same words come back call after call).
func (g *generation) docFreq(ctx context.Context, r bindex.IndexReader, field, term string) (uint64, error) {
	key := field + "\x00" + term
	if n, ok := g.docFreqs.Get(key); ok {
		return n, nil
	}
	n, err := termCount(ctx, r, field, term)
	if err != nil {
		return 0, err
	}
	g.docFreqs.Put(key, n)
	return n, nil
}
