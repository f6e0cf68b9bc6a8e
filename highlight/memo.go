package highlight

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"

	"kerko/analyzers"
	"kerko/cache"
)

// Snippets and titles are marked on every search, ten bodies at a time.
// Analyzing each body with the folded and the language analyzer was most of a
// search's time (the stemmers dominate), yet every kerko analyzer is a
// tokenizer followed by filters that each map one token to at most one term
// and keep its offsets. So a body is tokenized once, and what each analyzer
// makes of a raw word is memoized across searches: news text repeats the same
// few thousand words, and a stemmer then runs once per word, not once per
// occurrence. TestFastMarks checks that both ways mark the same spans.

// The word memos (one per analyzer and one per marker) are pure functions of
// a word, so they are process-wide; together they hold at most wordMemoBytes
// (SetMemoryBytes), each an equal share. When one is full it starts a new
// generation (cache.Memo), keeping the words asked for since the last turn.
var wordMemoBytes atomic.Int64

func init() { wordMemoBytes.Store(DefaultWordMemoBytes) }

// DefaultWordMemoBytes is the word memos' bound until SetMemoryBytes.
const DefaultWordMemoBytes = 32 << 20

// wordMemos is how many word memos share wordMemoBytes: the folded and three
// language analyzers' terms, and four markers' chunks.
const wordMemos = 8

// SetMemoryBytes bounds the bytes the process-wide word memos hold together.
func SetMemoryBytes(n int64) {
	wordMemoBytes.Store(n)
	markersMu.Lock()
	defer markersMu.Unlock()
	for _, c := range caches {
		c.m.SetMax(n / wordMemos)
	}
	for _, m := range markers {
		if m != nil {
			m.chunks.SetMax(n / wordMemos)
		}
	}
}

// MemoryUse reports what the word memos hold together.
func MemoryUse() cache.MemoStats {
	markersMu.Lock()
	defer markersMu.Unlock()
	out := cache.MemoStats{MaxBytes: wordMemoBytes.Load()}
	add := func(st cache.MemoStats) {
		out.Entries += st.Entries
		out.Bytes += st.Bytes
		out.Resets += st.Resets
	}
	for _, c := range caches {
		add(c.m.Stats())
	}
	for _, m := range markers {
		if m != nil {
			add(m.chunks.Stats())
		}
	}
	return out
}

// termCache memoizes the terms an analyzer gives one raw token.
type termCache struct {
	a analysis.Analyzer
	m *cache.Memo[string, []string]
}

func termsBytes(raw string, terms []string) int64 {
	n := int64(len(raw) + 24*cap(terms))
	for _, t := range terms {
		n += int64(len(t))
	}
	return n
}

func (c *termCache) terms(raw string) []string {
	if t, ok := c.m.Get(raw); ok {
		return t
	}
	var t []string
	for _, tok := range c.a.Analyze([]byte(raw)) {
		t = append(t, string(tok.Term))
	}
	c.m.Put(strings.Clone(raw), t) // raw is a slice of a whole body
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

	chunks *cache.Memo[string, []chunkToken]
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
			switch cf.(type) {
			case analyzers.GluedSentenceCharFilter, analyzers.ZeroWidthCharFilter:
			default:
				return nil, nil
			}
		}
		charFilters = da.CharFilters
		c, ok := caches[name]
		if !ok {
			c = &termCache{a: a, m: cache.NewMemo(wordMemoBytes.Load()/wordMemos, termsBytes)}
			caches[name] = c
		}
		return c, da.Tokenizer
	}
	folded, tz := cacheFor(analyzers.FoldedAnalyzer)
	if folded == nil {
		return nil
	}
	m := &marker{charFilters: charFilters, tokenizer: tz, folded: folded, chunks: cache.NewMemo(wordMemoBytes.Load()/wordMemos, chunkBytes)}
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

// chunkBytes is what a memoized chunk holds: its tokens (whose terms are the
// term memos' own slices).
func chunkBytes(raw string, ts []chunkToken) int64 {
	return int64(len(raw)) + int64(cap(ts))*int64(unsafe.Sizeof(chunkToken{}))
}

// chunk returns the tokens of raw, a run of text without ASCII white space,
// memoized. Word segmentation never joins across a space, so tokenizing each
// chunk alone gives the tokens of the whole text; and news text repeats its
// chunks ("the", "government's", "2020,") so most are looked up, not
// segmented, which was most of the cost left in marking.
func (m *marker) chunk(raw string) []chunkToken {
	if ts, ok := m.chunks.Get(raw); ok {
		return ts
	}
	var ts []chunkToken
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
	m.chunks.Put(strings.Clone(raw), ts)
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
func (h *Highlighter) fastMarks(m *marker, text, lang string) []Span {
	langSet := h.langTerms(lang)
	var out []Span
	m.eachToken(text, h.initialsOf(lang), func(off int, ct chunkToken) bool {
		if anyIn(ct.folded, h.folded) || (len(langSet) > 0 && anyIn(ct.lang, langSet)) {
			out = append(out, Span{off + ct.start, off + ct.end})
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
