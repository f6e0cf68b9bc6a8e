package extract

import (
	"os"
	"path/filepath"
	"testing"

	"kerko/internal/fixture"
)

// benchTexts returns the corpus articles when ../shared is present (the
// realistic mix of lengths and languages), else the seed articles.
func benchTexts(b *testing.B) []string {
	b.Helper()
	var out []string
	if _, err := fixture.SharedDir("bench", "corpus"); err == nil {
		for _, a := range loadCorpus(b) {
			out = append(out, a.text())
		}
		return out
	}
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// warmTables builds the gazetteer and the person tables, which are built
// once per process on first use, so that a benchmark times the work per
// article only.
func warmTables() {
	People("Kazakistan Cumhurbaşkanı Recep Tayyip Erdoğan", "tr")
}

func benchmark(b *testing.B, f func(text string)) {
	warmTables()
	texts := benchTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f(texts[i%len(texts)])
	}
}

// BenchmarkDetectLanguage: one op is one article.
func BenchmarkDetectLanguage(b *testing.B) {
	benchmark(b, func(t string) { DetectLanguage(t) })
}

// BenchmarkCountries: one op is one article, with its language known.
func BenchmarkCountries(b *testing.B) {
	benchmark(b, func(t string) { Countries(t, "und") })
}

// BenchmarkOrganizations: one op is one article.
func BenchmarkOrganizations(b *testing.B) {
	benchmark(b, func(t string) { Organizations(t, "und") })
}
