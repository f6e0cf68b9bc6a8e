package index

import (
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"

	"kerko/analyzers"
)

// Snippets and titles are marked on every search, ten bodies at a time.
// Analyzing each body with the folded and the language analyzer was most of a
// search's time (the stemmers dominate), yet every kerko analyzer is a
// tokenizer followed by filters that each map one token to at most one term
// and keep its offsets. So a body is tokenized once, and what each analyzer
// makes of a raw word is memoized across searches: news text repeats the same
// few thousand words, and a stemmer then runs once per word, not once per
// occurrence. TestFastMarks checks that both ways mark the same spans.

// maxCachedWords bounds each analyzer's word cache; when it is full it starts
// over, which costs one re-analysis per word.
const maxCachedWords = 1 << 17

// termCache memoizes the terms an analyzer gives one raw token.
type termCache struct {
	a  analysis.Analyzer
	mu sync.RWMutex
	m  map[string][]string
}

func (c *termCache) terms(raw string) []string {
	c.mu.RLock()
	t, ok := c.m[raw]
	c.mu.RUnlock()
	if ok {
		return t
	}
	for _, tok := range c.a.Analyze([]byte(raw)) {
		t = append(t, string(tok.Term))
	}
	c.mu.Lock()
	if len(c.m) >= maxCachedWords {
		c.m = make(map[string][]string)
	}
	c.m[strings.Clone(raw)] = t // raw is a slice of a whole body
	c.mu.Unlock()
	return t
}

// marker tokenizes text the way the folded and one language analyzer do.
type marker struct {
	// charFilters are the analyzers' own; newMarker admits only ones that
	// keep lengths and look no further than a character's neighbours, so
	// they work chunk by chunk as on the whole text.
	charFilters []analysis.CharFilter
	tokenizer   analysis.Tokenizer
	folded      *termCache
	lang        *termCache // nil for a language without its own analyzer

	mu     sync.RWMutex
	chunks map[string][]chunkToken
}

var (
	markersMu sync.Mutex
	markers   = map[string]*marker{} // by language analyzer name ("" for none)
	caches    = map[string]*termCache{}
)

// tokenMarker returns the marker for the folded analyzer plus langAnalyzer
// (may be ""), or nil when the analyzers are not of the memoizable shape
// (a char filter, or different tokenizers), in which case marks analyzes.
func tokenMarker(langAnalyzer string) *marker {
	markersMu.Lock()
	defer markersMu.Unlock()
	if m, ok := markers[langAnalyzer]; ok {
		return m
	}
	m := newMarker(langAnalyzer)
	markers[langAnalyzer] = m
	return m
}

func newMarker(langAnalyzer string) *marker {
	var charFilters []analysis.CharFilter
	cacheFor := func(name string) (*termCache, analysis.Tokenizer) {
		a, err := analyzerCache.AnalyzerNamed(name)
		if err != nil {
			return nil, nil
		}
		da, ok := a.(*analysis.DefaultAnalyzer)
		if !ok {
			return nil, nil
		}
		// Only char filters known to keep lengths and look no further than
		// a character's neighbours can run chunk by chunk.
		for _, cf := range da.CharFilters {
			if _, ok := cf.(analyzers.GluedSentenceCharFilter); !ok {
				return nil, nil
			}
		}
		charFilters = da.CharFilters
		c, ok := caches[name]
		if !ok {
			c = &termCache{a: a, m: make(map[string][]string)}
			caches[name] = c
		}
		return c, da.Tokenizer
	}
	folded, tz := cacheFor(analyzers.FoldedAnalyzer)
	if folded == nil {
		return nil
	}
	m := &marker{charFilters: charFilters, tokenizer: tz, folded: folded, chunks: make(map[string][]chunkToken)}
	if langAnalyzer != "" {
		lang, ltz := cacheFor(langAnalyzer)
		if lang == nil || fmt.Sprintf("%T", ltz) != fmt.Sprintf("%T", tz) {
			return nil
		}
		m.lang = lang
	}
	return m
}

// chunkToken is a token of a chunk with what both analyzers make of it.
type chunkToken struct {
	start, end   int // byte offsets in the chunk
	folded, lang []string
}

// chunk returns the tokens of raw, a run of text without ASCII white space,
// memoized. Word segmentation never joins across a space, so tokenizing each
// chunk alone gives the tokens of the whole text; and news text repeats its
// chunks ("the", "government's", "2020,") so most are looked up, not
// segmented, which was most of the cost left in marking.
func (m *marker) chunk(raw string) []chunkToken {
	m.mu.RLock()
	ts, ok := m.chunks[raw]
	m.mu.RUnlock()
	if ok {
		return ts
	}
	input := []byte(raw)
	for _, cf := range m.charFilters {
		input = cf.Filter(input)
	}
	for _, tok := range m.tokenizer.Tokenize(input) {
		if tok.Start < 0 || tok.End > len(raw) || tok.Start >= tok.End {
			continue
		}
		word := string(input[tok.Start:tok.End])
		ct := chunkToken{start: tok.Start, end: tok.End, folded: m.folded.terms(word)}
		if m.lang != nil {
			ct.lang = m.lang.terms(word)
		}
		ts = append(ts, ct)
	}
	m.mu.Lock()
	if len(m.chunks) >= maxCachedWords {
		m.chunks = make(map[string][]chunkToken)
	}
	m.chunks[strings.Clone(raw)] = ts
	m.mu.Unlock()
	return ts
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// eachToken calls fn with every token of text and the offset of its chunk,
// chunk by chunk (runs without ASCII white space), until fn returns false;
// it reports whether it went through the whole text. With may, it passes
// over the chunks none of whose words can match (see initials).
func (m *marker) eachToken(text string, may *initials, fn func(off int, ct chunkToken) bool) bool {
	for i := 0; i < len(text); {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpace(text[j]) {
			j++
		}
		if j > i && (may == nil || may.mayMatch(text[i:j])) {
			for _, ct := range m.chunk(text[i:j]) {
				if !fn(i, ct) {
					return false
				}
			}
		}
		i = j
	}
	return true
}

// fastMarks is marks from memoized chunks.
func (h *highlighter) fastMarks(m *marker, text, lang string) []span {
	langSet := h.byLang[lang]
	var out []span
	m.eachToken(text, h.initialsOf(lang), func(off int, ct chunkToken) bool {
		if anyIn(ct.folded, h.folded) || (len(langSet) > 0 && anyIn(ct.lang, langSet)) {
			out = append(out, span{off + ct.start, off + ct.end})
		}
		return true
	})
	return mergeSpans(text, out)
}

func anyIn(terms []string, set map[string]bool) bool {
	for _, t := range terms {
		if set[t] {
			return true
		}
	}
	return false
}
