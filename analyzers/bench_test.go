package analyzers

import (
	"testing"

	"github.com/blevesearch/bleve/v2/registry"
)

// Realistic news paragraphs, one per language; the folded benchmark runs over
// all three, as kerko's folded field sees every document.
var benchText = map[string]string{
	"sq": `Ministri i Jashtëm i Shqipërisë takoi sot në Tiranë homologun e tij nga Turqia, për të diskutuar marrëdhëniet dypalëshe dhe bashkëpunimin ekonomik. Sipas njoftimit të ministrisë, të dy palët ranë dakord të forcojnë lidhjet në fushën e energjisë, të transportit dhe të arsimit, ndërsa çështja e vizave për qytetarët e Kosovës mbetet në rend të ditës. Qeveria shqiptare theksoi se investimet turke në vend janë rritur ndjeshëm gjatë viteve të fundit.`,
	"tr": `Dışişleri Bakanı bugün Ankara'da Arnavutluk'lu mevkidaşıyla bir araya gelerek iki ülke arasındaki ilişkileri ve ekonomik işbirliğini görüştü. Bakanlıktan yapılan açıklamaya göre taraflar enerji, ulaştırma ve eğitim alanlarındaki bağları güçlendirmek konusunda anlaştı. İstanbul'da düzenlenecek yatırım forumuna Kazakistan ve Kırgızistan'dan da heyetlerin katılması bekleniyor; IŞIK Holding'in yöneticileri de toplantıda olacak.`,
	"en": `The Turkish foreign minister met his Albanian counterpart in Tirana on Monday to discuss bilateral relations and economic cooperation. According to the ministry's statement, both sides agreed to strengthen ties in energy, transport and education, while the question of visas for Kosovo's citizens remains on the agenda. Officials said Turkish investments in the country have grown significantly in recent years, and delegations from Kazakhstan and Kyrgyzstan are expected at next month's forum.`,
}

func benchmarkAnalyzer(b *testing.B, name string, texts ...string) {
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		b.Fatalf("AnalyzerNamed(%q): %v", name, err)
	}
	inputs := make([][]byte, len(texts))
	n := 0
	for i, t := range texts {
		inputs[i] = []byte(t)
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			a.Analyze(in)
		}
	}
}

func BenchmarkAnalyze_sq(b *testing.B) { benchmarkAnalyzer(b, AlbanianAnalyzer, benchText["sq"]) }
func BenchmarkAnalyze_tr(b *testing.B) { benchmarkAnalyzer(b, TurkishAnalyzer, benchText["tr"]) }
func BenchmarkAnalyze_en(b *testing.B) { benchmarkAnalyzer(b, EnglishAnalyzer, benchText["en"]) }
func BenchmarkAnalyze_folded(b *testing.B) {
	benchmarkAnalyzer(b, FoldedAnalyzer, benchText["sq"], benchText["tr"], benchText["en"])
}
