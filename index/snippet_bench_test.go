package index

import (
	"testing"

	"kerko/analyzers"
	"kerko/internal/benchcorpus"
	"kerko/query"
)

// BenchmarkMarks times marking a hit's body for a snippet. "spread" walks
// the whole corpus, as for queries asked once whose hits lie anywhere;
// "repeat" marks the same ten bodies again and again, as for a popular
// query; "spread-all" looks up every word, as marking did before it passed
// over words by their first letter.
func BenchmarkMarks(b *testing.B) {
	docs := benchcorpus.Sample(b, 1)
	h := newHighlighter(query.Parse("government economy"))
	b.Run("spread", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := docs[i%len(docs)]
			h.marks(d.Body, d.Lang)
		}
	})
	b.Run("repeat", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := docs[i%10]
			h.marks(d.Body, d.Lang)
		}
	})
	b.Run("spread-all", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := docs[i%len(docs)]
			m := tokenMarker(analyzers.ForLang(d.Lang))
			var out []span
			m.eachToken(d.Body, nil, func(off int, ct chunkToken) bool {
				if anyIn(ct.folded, h.folded) || anyIn(ct.lang, h.byLang[d.Lang]) {
					out = append(out, span{off + ct.start, off + ct.end})
				}
				return true
			})
		}
	})
}
