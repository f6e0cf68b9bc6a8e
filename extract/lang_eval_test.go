package extract

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// langScores measures DetectLanguage against the corpus's lang field.
type langScores struct {
	n, ok, nShort, okShort int
	confusion              map[string]int
}

func evalLang(docs []article, detect func(string) string) langScores {
	s := langScores{confusion: map[string]int{}}
	for _, a := range docs {
		t := a.text()
		got := detect(t)
		short := utf8.RuneCountInString(t) < 300
		s.n++
		if short {
			s.nShort++
		}
		if got == a.Lang {
			s.ok++
			if short {
				s.okShort++
			}
		} else {
			s.confusion[a.Lang+"->"+got]++
		}
	}
	return s
}

func (s langScores) String() string {
	return fmt.Sprintf("overall %.4f (%d/%d) short<300 %.4f (%d/%d) errors %v",
		float64(s.ok)/float64(s.n), s.ok, s.n, float64(s.okShort)/float64(s.nShort), s.okShort, s.nShort, s.confusion)
}

func TestDetectLanguage_CorpusReport(t *testing.T) {
	docs := loadCorpus(t)
	s := evalLang(docs, func(x string) string { l, _ := DetectLanguage(x); return l })
	t.Log(s)
	// titles alone: the shortest texts a user sees
	t.Log("titles only:", evalLang(titlesOnly(docs), func(x string) string { l, _ := DetectLanguage(x); return l }))
}

// titlesOnly returns the articles that have a title, with the title as
// their whole text.
func titlesOnly(docs []article) []article {
	var titles []article
	for _, a := range docs {
		if a.Title != "" {
			titles = append(titles, article{ID: a.ID, Lang: a.Lang, Body: a.Title})
		}
	}
	return titles
}
