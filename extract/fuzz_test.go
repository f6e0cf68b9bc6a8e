package extract

import (
	"math"
	"testing"
)

// FuzzExtract checks that extraction never panics on any text and returns
// only known ids with positive counts, sorted as documented, and a language
// from the documented set with a confidence in [0,1].
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Türkiye ile Kazakistan arasında BM toplantısı", "Shqipëria dhe Kosova në NATO-s", "The UN and the OSCE met in Bishkek.",
		"AB'ye üye", "İİİ ııı", "\xff\xfe\x00", "", "a", "Kırgızistan'ın Kırgızistan'a Kırgız", "ABD-li yetkililer",
		"e\u0308", "Қазақстан",
	} {
		f.Add(s, "tr")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		check := func(what string, ms []Mention, known func(string) bool) {
			for i, m := range ms {
				if !known(m.ID) || m.Count < 1 {
					t.Errorf("%s(%q, %q): mention %+v", what, text, lang, m)
				}
				if i > 0 && (ms[i-1].Count < m.Count || ms[i-1].Count == m.Count && ms[i-1].ID >= m.ID) {
					t.Errorf("%s(%q, %q): not sorted or duplicated: %v", what, text, lang, ms)
				}
			}
		}
		check("Countries", Countries(text, lang), IsCountry)
		check("Organizations", Organizations(text, lang), IsOrganization)
		l, conf := DetectLanguage(text)
		switch l {
		case "sq", "tr", "en", "und":
		default:
			t.Errorf("DetectLanguage(%q) = %q", text, l)
		}
		if math.IsNaN(conf) || conf < 0 || conf > 1 {
			t.Errorf("DetectLanguage(%q) confidence %v", text, conf)
		}
	})
}
