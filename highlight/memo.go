package highlight

import (
	"fmt"
	"hash/maphash"
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

// The texts a search marks are those of its hits, and hits recur: the same
// articles answer many searches. So each marked text is also kept as its
// tokens with interned term ids, and marking it again compares small
// integers instead of hashing every word (what the chunk memo costs per
// search). A text is keyed by its article id and checked by a hash of its
// content, so a changed article is never marked from stale tokens.

// DefaultMemoBytes bounds a Memo made with NewMemo(0).
const DefaultMemoBytes = 32 << 20

type idToken struct {
	start, end   int32
	folded, lang uint32 // interned term ids; 0 = no term
}

type markedText struct {
	sum  uint64
	toks []idToken
}

// Memo interns terms and keeps marked texts; both are dropped together
// when either is full, since the texts hold the interner's ids.
//
// A text is kept only when it is marked a second time: the hits of a query
// asked once lie anywhere in the corpus, and interning all of a body's words
// costs about ten times marking it once (BenchmarkMarks), while the texts
// that recur are the ones worth keeping; a search keeps at most
// maxKeepsPerSearch.
type Memo struct {
	mu    sync.RWMutex
	epoch uint64 // counts resets: ids of different epochs never compare
	ids   map[string]uint32
	texts map[textKey]*markedText
	seen  map[textKey]uint64 // texts marked once, by content hash
	used  int64              // bytes held, approximately
	max   int64
}

type textKey struct{ key, lang string }

// NewMemo returns a memo of marked texts that holds at most maxBytes
// (DefaultMemoBytes for 0); when full it starts over.
func NewMemo(maxBytes int64) *Memo {
	if maxBytes <= 0 {
		maxBytes = DefaultMemoBytes
	}
	return &Memo{ids: map[string]uint32{}, texts: map[textKey]*markedText{}, seen: map[textKey]uint64{}, max: maxBytes}
}

// Per-entry costs of a Memo's maps beyond their strings (Go map overhead
// included, approximately).
const (
	idEntryBytes   = 16 + 4 + 48
	textEntryBytes = 32 + 8 + 24 + 48
	seenEntryBytes = 32 + 8 + 48
)

// MemoryUse reports what the memo holds.
func (tm *Memo) MemoryUse() cache.MemoStats {
	tm.mu.RLock()
	defer tm.mu.RUnlock()
	return cache.MemoStats{Entries: len(tm.texts), Bytes: tm.used, MaxBytes: tm.max, Resets: tm.epoch}
}

// resetLocked empties the memo; ids of the old epoch never compare with new ones.
func (tm *Memo) resetLocked() {
	tm.ids = map[string]uint32{}
	tm.texts = map[textKey]*markedText{}
	tm.seen = map[textKey]uint64{}
	tm.used = 0
	tm.epoch++
}

// secondSight reports whether the text under k with hash sum was marked
// before and take grants keeping it now; otherwise it records that the
// text has been marked.
func (tm *Memo) secondSight(k textKey, sum uint64, take func() bool) bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	if prev, ok := tm.seen[k]; ok && prev == sum {
		if !take() {
			return false // still marked once: kept by a later search
		}
		delete(tm.seen, k)
		return true
	}
	n := int64(seenEntryBytes + len(k.key))
	if tm.used+n > tm.max {
		tm.resetLocked()
	}
	tm.seen[textKey{strings.Clone(k.key), k.lang}] = sum
	tm.used += n
	return false
}

// idsOf returns the ids of the terms of set that have one, and the epoch
// they belong to.
func (tm *Memo) idsOf(set map[string]bool) ([]uint32, uint64) {
	tm.mu.RLock()
	defer tm.mu.RUnlock()
	var out []uint32
	for t := range set {
		if id := tm.ids[t]; id != 0 {
			out = append(out, id)
		}
	}
	return out, tm.epoch
}

// tokens returns text's interned tokens, computing them with m when the
// text is marked for the second time and take grants it. ok is false when
// the text is not kept (marked for the first time, not granted, or a token
// with several terms).
func (tm *Memo) tokens(m *marker, key, lang, text string, take func() bool) ([]idToken, uint64, bool) {
	sum := maphash.String(memoSeed, text)
	k := textKey{key, lang}
	tm.mu.RLock()
	mt, epoch := tm.texts[k], tm.epoch
	tm.mu.RUnlock()
	if mt != nil && mt.sum == sum {
		return mt.toks, epoch, true
	}
	if !tm.secondSight(k, sum, take) {
		return nil, 0, false
	}
	// The tokens wait here (a buffer reused across texts: a body has
	// thousands) until the memo's size check; only the interned ones stay.
	buf := pendingBufs.Get().(*[]pending)
	defer func() { *buf = (*buf)[:0]; pendingBufs.Put(buf) }()
	ps := (*buf)[:0]
	single := m.eachToken(text, nil, func(off int, ct chunkToken) bool {
		if len(ct.folded) > 1 || len(ct.lang) > 1 {
			return false
		}
		p := pending{start: off + ct.start, end: off + ct.end}
		if len(ct.folded) == 1 {
			p.folded = ct.folded[0]
		}
		if len(ct.lang) == 1 {
			p.lang = ct.lang[0]
		}
		ps = append(ps, p)
		return true
	})
	*buf = ps
	if !single {
		return nil, 0, false
	}
	if len(text) > 1<<31-1 {
		return nil, 0, false
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	// A text's size, its new terms counted as if all were new: it must
	// fit after a reset.
	need := int64(textEntryBytes + len(key) + 16*len(ps))
	for _, p := range ps {
		need += int64(2*idEntryBytes + len(p.folded) + len(p.lang))
	}
	if need > tm.max/4 {
		return nil, 0, false // one text must not empty the memo
	}
	if tm.used+need > tm.max {
		tm.resetLocked()
	}
	intern := func(term string) uint32 {
		if term == "" {
			return 0
		}
		id, ok := tm.ids[term]
		if !ok {
			id = uint32(len(tm.ids) + 1)
			tm.ids[term] = id
			tm.used += int64(idEntryBytes + len(term))
		}
		return id
	}
	tm.used += int64(textEntryBytes + len(key) + 16*len(ps))
	toks := make([]idToken, len(ps))
	for i, p := range ps {
		toks[i] = idToken{start: int32(p.start), end: int32(p.end), folded: intern(p.folded), lang: intern(p.lang)}
	}
	tm.texts[k] = &markedText{sum: sum, toks: toks}
	return toks, tm.epoch, true
}

// pending is a token of a text being interned.
type pending struct {
	start, end   int
	folded, lang string
}

var pendingBufs = sync.Pool{New: func() any { return new([]pending) }}

// memoSeed seeds the hash that tells whether a memoized text is still the
// text asked for (an article id's text changes between generations). The
// memo lives in memory only, so one seed per process is enough; maphash runs
// at memory speed, where a byte-wise FNV over every hit's body showed in a
// search's CPU profile.
var memoSeed = maphash.MakeSeed()

// maxKeepsPerSearch bounds the texts one search interns into the memo.
// Interning analyzes every word of a text, the ones the memos have never
// seen included: keeping all of a page's twenty texts at once made the
// slowest searches of a fresh process several times slower (the peer
// comparison's p95; docs/performance.md).
const maxKeepsPerSearch = 4

// takeKeep grants one of the search's keeps.
func (h *Highlighter) takeKeep() bool { return h.keeps.Add(1) <= maxKeepsPerSearch }

// keyedMarks is marks for a text with a stable key (an article's title or
// body), from the text memo when it can be.
func (h *Highlighter) Spans(key, text, lang string) []Span {
	m := tokenMarker(analyzers.ForLang(lang))
	memo := h.memo
	if key == "" || memo == nil || m == nil || len(h.folded) == 0 || text == "" {
		return h.marks(text, lang)
	}
	toks, epoch, ok := memo.tokens(m, key, lang, text, h.takeKeep)
	if !ok {
		return h.fastMarks(m, text, lang)
	}
	folded, e1 := memo.idsOf(h.folded)
	var langIDs []uint32
	e2 := e1
	if m.lang != nil {
		langIDs, e2 = memo.idsOf(h.langTerms(lang))
	}
	if e1 != epoch || e2 != epoch {
		return h.fastMarks(m, text, lang) // the memo was reset meanwhile
	}
	if len(folded) == 0 && len(langIDs) == 0 {
		return nil // no query term occurs in any text marked so far
	}
	var out []Span
	for _, t := range toks {
		if (t.folded != 0 && hasID(folded, t.folded)) || (t.lang != 0 && hasID(langIDs, t.lang)) {
			out = append(out, Span{int(t.start), int(t.end)})
		}
	}
	return mergeSpans(text, out)
}

func hasID(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
