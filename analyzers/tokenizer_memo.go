package analyzers

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// memoTokenizer wraps the unicode tokenizer of every kerko analyzer and
// remembers the token spans of the texts it tokenized last. Every article's
// title and body are analyzed twice, by the folded analyzer and by their
// language's, always after the same char filter, so the second analysis of
// each text finds its spans here instead of running Unicode word
// segmentation again (the tokenizer was 9% of a build's CPU, half of it
// repeated work). Snippets, which analyze the same hit text with all four
// analyzers, hit it too.
//
// Only spans are kept, never tokens: token filters rewrite terms in place,
// so each call gets fresh tokens whose terms slice its own input, exactly as
// the unicode tokenizer would make them.
type memoTokenizer struct {
	inner analysis.Tokenizer
}

// tokenSpan is a token without its term: the term is input[start:end].
type tokenSpan struct {
	start, end, pos int
	typ             analysis.TokenType
}

const (
	// memoEntries is how many texts the memo holds: a few per analysis
	// worker (Bleve's queue runs 4 by default) is plenty, since both
	// analyses of a text run on the same worker, one field after another.
	memoEntries = 64
	// memoMaxBytes bounds the texts memoized, so one huge article does not
	// stay in memory.
	memoMaxBytes = 64 << 10
)

var tokenMemo = struct {
	sync.Mutex
	spans map[string][]tokenSpan
	ring  [memoEntries]string // keys, oldest replaced first
	next  int
}{spans: make(map[string][]tokenSpan, memoEntries)}

// Tokenize implements analysis.Tokenizer.
func (t memoTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if len(input) > memoMaxBytes {
		return t.inner.Tokenize(input)
	}
	tokenMemo.Lock()
	spans, ok := tokenMemo.spans[string(input)] // does not allocate
	tokenMemo.Unlock()
	if ok {
		return tokensFromSpans(input, spans)
	}
	ts := t.inner.Tokenize(input)
	// Copied before any filter can rewrite the input in place.
	key := string(input)
	spans = make([]tokenSpan, len(ts))
	for i, tok := range ts {
		spans[i] = tokenSpan{tok.Start, tok.End, tok.Position, tok.Type}
	}
	tokenMemo.Lock()
	if _, dup := tokenMemo.spans[key]; !dup {
		delete(tokenMemo.spans, tokenMemo.ring[tokenMemo.next])
		tokenMemo.ring[tokenMemo.next] = key
		tokenMemo.next = (tokenMemo.next + 1) % memoEntries
		tokenMemo.spans[key] = spans
	}
	tokenMemo.Unlock()
	return ts
}

func tokensFromSpans(input []byte, spans []tokenSpan) analysis.TokenStream {
	toks := make([]analysis.Token, len(spans))
	out := make(analysis.TokenStream, len(spans))
	for i, s := range spans {
		toks[i] = analysis.Token{Term: input[s.start:s.end], Start: s.start, End: s.end, Position: s.pos, Type: s.typ}
		out[i] = &toks[i]
	}
	return out
}
