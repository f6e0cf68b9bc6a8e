package analyzers

import (
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"kerko/internal/benchcorpus"
)

// BenchmarkAnalyzer measures each analyzer's throughput (MB/s of input text)
// on the shared news corpus: a language analyzer over the bodies of its
// language, the folded analyzer over every body. Together they bound how fast
// an index build can ever be.
func BenchmarkAnalyzer(b *testing.B) {
	docs := benchcorpus.Articles(b)
	cases := []struct{ name, lang string }{
		{AlbanianAnalyzer, "sq"}, {TurkishAnalyzer, "tr"}, {EnglishAnalyzer, "en"}, {FoldedAnalyzer, ""},
	}
	for _, c := range cases {
		var texts [][]byte
		size := 0
		for _, d := range docs {
			if c.lang == "" || d.Lang == c.lang {
				texts = append(texts, []byte(d.Body))
				size += len(d.Body)
			}
		}
		b.Run(c.name, func(b *testing.B) {
			a, err := registry.NewCache().AnalyzerNamed(c.name)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, t := range texts {
					a.Analyze(t)
				}
			}
		})
	}
}
