// Package budget divides the memory `kerko serve --memory-mib` allows among
// kerko's caches, so that one number bounds them all, and derives the Go
// runtime's soft memory limit from it.
//
// Shares of the budget B: the web answer cache B/8, each generation's
// decoded bodies B/16, the process-wide word memos of
// highlighting B/4 (eight memos share it; the folded analyzer's sees every
// word, so they fill unevenly and a small share makes them turn over
// often), the stop-word memo B/64 and each generation's article counts of
// the words telling words weigh B/64. The rest (about half) is
// left to what no cache bounds: the searches in flight (their Bleve
// collectors, did-you-mean's automaton), each generation's facet table, the
// runtime. During a reload two generations are open, each with its own
// bodies and word counts.
//
// The Go heap is held under B + 128 MiB by the runtime's soft limit
// (GOMEMLIMIT): the collector runs more often as it nears the limit, instead
// of letting garbage grow to a multiple of the live heap. The index itself is
// memory-mapped and counts in RSS beside that as the kernel pages it in.
package budget

import (
	"fmt"
	"os"
	"runtime/debug"
)

// DefaultMiB is kerko serve's default budget.
const DefaultMiB = 256

// Split is a budget divided among the caches, in bytes.
type Split struct {
	Total     int64
	Answers   int64 // web's cache of answers
	Bodies    int64 // per generation: decoded bodies of hits
	Words     int64 // process-wide: what the analyzers make of each word, for marking
	StopWords int64 // process-wide: which words are stop words
	DocFreqs  int64 // per generation: article counts of words (telling words)
	// GoLimit is the Go runtime's soft memory limit.
	GoLimit int64
}

// Of divides a budget of mib MiB.
func Of(mib int) (Split, error) {
	if mib < 16 {
		return Split{}, fmt.Errorf("memory budget of %d MiB is below the 16 MiB kerko needs", mib)
	}
	b := int64(mib) << 20
	return Split{
		Total:     b,
		Answers:   b / 8,
		Bodies:    b / 16,
		Words:     b / 4,
		StopWords: b / 64,
		DocFreqs:  b / 64,
		GoLimit:   b + 128<<20,
	}, nil
}

// ApplyGoLimit sets the runtime's soft memory limit to s.GoLimit unless
// GOMEMLIMIT is set (the operator's word wins), and reports the limit in
// force.
func (s Split) ApplyGoLimit() int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1)
	}
	debug.SetMemoryLimit(s.GoLimit)
	return s.GoLimit
}
