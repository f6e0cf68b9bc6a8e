package highlight

import (
	"testing"

	"kerko/analyzers"
	"kerko/internal/benchcorpus"
	"kerko/query"
)

// BenchmarkMarks times marking a hit's body for a snippet. "spread" walks
// the whole corpus, so most words are new to the word memos, as for queries
// asked once whose hits lie anywhere; "repeat" marks the same ten bodies
// again and again, as for a popular query.
func BenchmarkMarks(b *testing.B) {
	docs := benchcorpus.Sample(b, 1)
	h := New(query.Parse("government economy"))
	b.Run("spread", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := docs[i%len(docs)]
			h.Spans(d.Body, d.Lang)
		}
	})
	b.Run("repeat", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := docs[i%10]
			h.Spans(d.Body, d.Lang)
		}
	})
	b.Run("spread-fast", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := docs[i%len(docs)]
			h.fastMarks(tokenMarker(analyzers.ForLang(d.Lang)), d.Body, d.Lang)
		}
	})
}
