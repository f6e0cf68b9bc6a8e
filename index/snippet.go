package index

import (
	"html"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"kerko/analyzers"
	"kerko/query"
)

// Snippets are built by re-analyzing the stored text of the page's hits
// with the same analyzers the index uses, rather than from stored term
// vectors: ten short articles cost far less to analyze per search than term
// vectors cost on disk for every article, and a word is marked whether it
// matched stemmed (language field) or folded.

// snippetRunes is the length of a snippet window.
const snippetRunes = 240

var analyzerCache = registry.NewCache()

// analyze returns the tokens of text under the named analyzer.
func analyze(name, text string) analysis.TokenStream {
	a, err := analyzerCache.AnalyzerNamed(name)
	if err != nil || a == nil {
		return nil
	}
	return a.Analyze([]byte(text))
}

// highlighter marks a query's words in hit text.
type highlighter struct {
	folded map[string]bool            // query terms under the folded analyzer
	byLang map[string]map[string]bool // query terms under each language analyzer

	initMu   sync.Mutex
	initials map[string]*initials // by language, made when first needed

	memo  *textMemo    // the generation's marked texts; nil for none
	keeps atomic.Int32 // texts this search interned into the text memo
}

// initialsOf returns the first letters of the terms a text in lang can match.
func (h *highlighter) initialsOf(lang string) *initials {
	h.initMu.Lock()
	defer h.initMu.Unlock()
	s, ok := h.initials[lang]
	if !ok {
		if h.initials == nil {
			h.initials = map[string]*initials{}
		}
		s = newInitials(lang, h.folded, h.byLang[lang])
		h.initials[lang] = s
	}
	return s
}

// newHighlighter returns the highlighter of q's words, keeping the texts it
// marks in memo (nil for none).
func newHighlighter(q *query.Query, memo *textMemo) *highlighter {
	h := &highlighter{folded: map[string]bool{}, byLang: map[string]map[string]bool{}, memo: memo}
	var words []string
	for _, t := range q.Terms() {
		words = append(words, t.Text)
	}
	text := strings.Join(words, " ")
	for _, tok := range analyze(analyzers.FoldedAnalyzer, text) {
		h.folded[string(tok.Term)] = true
	}
	for _, l := range Langs {
		set := map[string]bool{}
		for _, tok := range analyze(analyzers.ForLang(l), text) {
			set[string(tok.Term)] = true
		}
		h.byLang[l] = set
	}
	return h
}

type span struct{ start, end int }

// marks returns the byte ranges of text that match the query, sorted and
// merged.
func (h *highlighter) marks(text, lang string) []span {
	if len(h.folded) == 0 || text == "" {
		return nil
	}
	if tz := tokenMarker(analyzers.ForLang(lang)); tz != nil {
		return h.fastMarks(tz, text, lang)
	}
	return h.analyzedMarks(text, lang)
}

// analyzedMarks is marks by analyzing the whole text with both analyzers.
func (h *highlighter) analyzedMarks(text, lang string) []span {
	var out []span
	for _, tok := range analyze(analyzers.FoldedAnalyzer, text) {
		if h.folded[string(tok.Term)] {
			out = append(out, span{tok.Start, tok.End})
		}
	}
	if set := h.byLang[lang]; len(set) > 0 {
		for _, tok := range analyze(analyzers.ForLang(lang), text) {
			if set[string(tok.Term)] {
				out = append(out, span{tok.Start, tok.End})
			}
		}
	}
	return mergeSpans(text, out)
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(text string, out []span) []span {
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	merged := out[:0]
	for _, s := range out {
		if s.start < 0 || s.end > len(text) || s.start >= s.end {
			continue // an analyzer offset outside the text would be a bug; never slice on it
		}
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			if s.end > merged[n-1].end {
				merged[n-1].end = s.end
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// title returns the escaped title with its matches marked. key names the
// text for the marking memo ("" for none).
func (h *highlighter) title(key, text, lang string) string {
	return render(text, h.keyedMarks(key, text, lang), 0, len(text))
}

// snippet returns an escaped window of body around the densest cluster of
// matches, or the body's opening when nothing matches.
func (h *highlighter) snippet(key, body, lang string) string {
	ms := h.keyedMarks(key, body, lang)
	start := 0
	if len(ms) > 0 {
		// The window starting a little before the mark that has the most
		// marks within snippetRunes bytes after it (bytes approximate runes
		// well enough to choose a window).
		best, bestN := 0, 0
		for i := range ms {
			n := 0
			for j := i; j < len(ms) && ms[j].end-ms[i].start < snippetRunes; j++ {
				n++
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		start = wordStartBefore(body, ms[best].start, 40)
	}
	end := runeOffset(body, start, snippetRunes)
	end = wordEndBefore(body, start, end)
	s := render(body, ms, start, end)
	if start > 0 {
		s = "…" + s
	}
	if end < len(body) {
		s += "…"
	}
	return s
}

// render escapes text[from:to] and wraps the marks inside it in <mark>.
func render(text string, ms []span, from, to int) string {
	var b strings.Builder
	pos := from
	for _, m := range ms {
		if m.end <= from || m.start >= to {
			continue
		}
		s, e := max(m.start, from), min(m.end, to)
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
