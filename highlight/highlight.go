package highlight

import (
	"html"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"kerko/analyzers"
	"kerko/internal/utf8cut"
	"kerko/query"
)

// Snippets are made by re-analyzing the stored text of the page's hits
// with the same analyzers the index uses, rather than from stored term
// vectors: ten short articles cost far less to analyze per search than term
// vectors cost on disk for every article, and a word is marked whether it
// matched stemmed (language field) or folded.

// snippetRunes is the length of a snippet window.
const snippetRunes = 240

// MaxSnippetScan bounds the bytes of a body searched for a snippet's
// window. A news article's matches that make a good snippet are in its
// first pages, and marking a body of megabytes (one hostile or broken
// article) took seconds for every search that listed it.
const MaxSnippetScan = 64 << 10

var analyzerCache = registry.NewCache()

// analyze returns the tokens of text under the named analyzer.
func analyze(name, text string) analysis.TokenStream {
	a, err := analyzerCache.AnalyzerNamed(name)
	if err != nil || a == nil {
		return nil
	}
	return a.Analyze([]byte(text))
}

// Highlighter marks a query's words in hit text.
type Highlighter struct {
	folded map[string]bool            // query terms under the folded analyzer
	text   string                     // the query's words
	byLang map[string]map[string]bool // query terms under each language analyzer, made when first needed

	initMu   sync.Mutex
	initials map[string]*initials // by language, made when first needed
}

// initialsOf returns the first letters of the terms a text in lang can match.
func (h *Highlighter) initialsOf(lang string) *initials {
	h.initMu.Lock()
	defer h.initMu.Unlock()
	s, ok := h.initials[lang]
	if !ok {
		if h.initials == nil {
			h.initials = map[string]*initials{}
		}
		s = newInitials(lang, h.folded, h.langTermsLocked(lang))
		h.initials[lang] = s
	}
	return s
}

// New returns the Highlighter of q's words.
func New(q *query.Query) *Highlighter {
	h := &Highlighter{folded: map[string]bool{}, byLang: map[string]map[string]bool{}}
	var words []string
	for _, t := range q.Terms() {
		words = append(words, t.Text)
	}
	text := strings.Join(words, " ")
	for _, tok := range analyze(analyzers.FoldedAnalyzer, text) {
		h.folded[string(tok.Term)] = true
	}
	h.text = text
	return h
}

// langTerms returns the query's terms under lang's analyzer (none for a
// language without one).
func (h *Highlighter) langTerms(lang string) map[string]bool {
	h.initMu.Lock()
	defer h.initMu.Unlock()
	return h.langTermsLocked(lang)
}

func (h *Highlighter) langTermsLocked(lang string) map[string]bool {
	set, ok := h.byLang[lang]
	if !ok {
		set = map[string]bool{}
		if a := analyzers.ForLang(lang); a != "" {
			for _, tok := range analyze(a, h.text) {
				set[string(tok.Term)] = true
			}
		}
		h.byLang[lang] = set
	}
	return set
}

// Span is a marked byte range of a text: text[Start:End].
type Span struct{ Start, End int }

// Spans returns the byte ranges of text that match the query, sorted and
// merged.
//
// Marking once also kept each text marked twice as interned tokens, so that
// a third marking compared integers. Under a memory budget that memo started
// over every few seconds, and building the tokens of texts it then dropped
// cost more than it saved (docs/performance.md, "Throughput under the
// budget, regained").
func (h *Highlighter) Spans(text, lang string) []Span {
	if len(h.folded) == 0 || text == "" {
		return nil
	}
	if tz := tokenMarker(analyzers.ForLang(lang)); tz != nil {
		return h.fastMarks(tz, text, lang)
	}
	return h.analyzedMarks(text, lang)
}

// analyzedMarks is marks by analyzing the whole text with both analyzers.
func (h *Highlighter) analyzedMarks(text, lang string) []Span {
	var out []Span
	for _, tok := range analyze(analyzers.FoldedAnalyzer, text) {
		if h.folded[string(tok.Term)] {
			out = append(out, Span{tok.Start, tok.End})
		}
	}
	if set := h.langTerms(lang); len(set) > 0 {
		for _, tok := range analyze(analyzers.ForLang(lang), text) {
			if set[string(tok.Term)] {
				out = append(out, Span{tok.Start, tok.End})
			}
		}
	}
	return mergeSpans(text, out)
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(text string, out []Span) []Span {
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, s := range out {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue // an analyzer offset outside the text would be a bug; never slice on it
		}
		if n := len(merged); n > 0 && s.Start <= merged[n-1].End {
			if s.End > merged[n-1].End {
				merged[n-1].End = s.End
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// Title returns the escaped title with its matches marked.
func (h *Highlighter) Title(text, lang string) string {
	return render(text, h.Spans(text, lang), 0, len(text))
}

// snippet returns an escaped window of body around the densest cluster of
// matches, or the body's opening when nothing matches.
func (h *Highlighter) Snippet(body, lang string) string {
	full := len(body)
	body = utf8cut.Prefix(body, MaxSnippetScan)
	ms := h.Spans(body, lang)
	start := 0
	if len(ms) > 0 {
		// The window starting a little before the mark that has the most
		// marks within snippetRunes bytes after it (bytes approximate runes
		// well enough to choose a window).
		best, bestN := 0, 0
		for i := range ms {
			n := 0
			for j := i; j < len(ms) && ms[j].End-ms[i].Start < snippetRunes; j++ {
				n++
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		start = wordStartBefore(body, ms[best].Start, 40)
	}
	end := runeOffset(body, start, snippetRunes)
	end = wordEndBefore(body, start, end)
	s := render(body, ms, start, end)
	if start > 0 {
		s = "…" + s
	}
	if end < full {
		s += "…"
	}
	return s
}

// render escapes text[from:to] and wraps the marks inside it in <mark>.
func render(text string, ms []Span, from, to int) string {
	var b strings.Builder
	pos := from
	for _, m := range ms {
		if m.End <= from || m.Start >= to {
			continue
		}
		s, e := max(m.Start, from), min(m.End, to)
		b.WriteString(html.EscapeString(text[pos:s]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s:e]))
		b.WriteString("</mark>")
		pos = e
	}
	b.WriteString(html.EscapeString(text[pos:to]))
	return b.String()
}

// runeOffset returns the byte offset n runes after from (or len(s)).
func runeOffset(s string, from, n int) int {
	i := from
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// wordStartBefore moves back from pos by up to about back bytes, to the start
// of a word, so a snippet opens with a little context.
func wordStartBefore(s string, pos, back int) int {
	lo := max(0, pos-back)
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo--
	}
	if lo == 0 {
		return 0
	}
	if i := strings.IndexAny(s[lo:pos], " \n\t"); i >= 0 {
		return lo + i + 1
	}
	return pos
}

// wordEndBefore pulls end back to a space so a snippet does not end mid-word.
func wordEndBefore(s string, start, end int) int {
	if end >= len(s) {
		return len(s)
	}
	if i := strings.LastIndexAny(s[start:end], " \n\t"); i > 0 {
		return start + i
	}
	return end
}
