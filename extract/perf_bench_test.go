package extract

import (
	"testing"

	"kerko/internal/benchcorpus"
)

// BenchmarkExtract measures extraction throughput (MB/s of title+body) on the
// shared news corpus, one sub-benchmark per step an index build runs.
func BenchmarkExtract(b *testing.B) {
	docs := benchcorpus.Articles(b)
	texts := make([]string, len(docs))
	langs := make([]string, len(docs))
	size := 0
	for i, d := range docs {
		texts[i] = d.Title + "\n" + d.Body
		langs[i] = d.Lang
		size += len(texts[i])
	}
	steps := []struct {
		name string
		run  func(text, lang string)
	}{
		{"DetectLanguage", func(t, _ string) { DetectLanguage(t) }},
		{"Countries", func(t, l string) { Countries(t, l) }},
		{"Organizations", func(t, l string) { Organizations(t, l) }},
	}
	warmTables()
	for _, s := range steps {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for j, t := range texts {
					s.run(t, langs[j])
				}
			}
		})
	}
}
