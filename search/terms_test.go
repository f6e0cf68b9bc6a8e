package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/index"
)

// tellingFS is a corpus where one word marks the articles about the
// border: 240 articles in the three languages, each a draw of common words
// of its language; every fourth names the border (sınır, kufiri, border),
// and the Turkish ones of those (20) also speak of smuggling, mostly as
// "kaçakçılık", sometimes inflected, and so do a few others (one Turkish).
func tellingFS() fstest.MapFS {
	rng := rand.New(rand.NewSource(17))
	common := map[string][]string{
		"tr": strings.Fields("ekonomi hükümet bakan açıklama toplantı şehir proje yatırım eğitim sağlık spor takım maç"),
		"en": strings.Fields("economy government minister statement meeting city project investment education health sport team match"),
		"sq": strings.Fields("ekonomia qeveria ministri deklarata takimi qyteti projekti investimi arsimi shëndetësia sporti ekipi ndeshja"),
	}
	border := map[string]string{"tr": "sınır", "en": "border", "sq": "kufiri"}
	var b strings.Builder
	for i := range 240 {
		lang := []string{"tr", "en", "sq"}[i%3]
		var words []string
		for range 40 {
			if rng.Intn(3) == 0 {
				words = append(words, common[lang][rng.Intn(len(common[lang]))])
			}
		}
		words = append(words, "ve", "2021", fmt.Sprint(i))
		if i%4 == 0 {
			words = append(words, border[lang])
			if lang == "tr" {
				words = append(words, "kaçakçılık", "kaçakçılık", "kaçakçılık", "Kaçakçılık")
				if i%8 == 0 {
					words = append(words, "kaçakçılığı")
				}
			}
		} else if i%31 == 1 {
			words = append(words, "kaçakçılık")
		}
		rng.Shuffle(len(words), func(a, c int) { words[a], words[c] = words[c], words[a] })
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("t%03d", i), "lang": lang, "title": fmt.Sprintf("Haber %d", i),
			"body": strings.Join(words, " ") + "."})
		b.Write(line)
		b.WriteByte('\n')
	}
	return fstest.MapFS{"telling.jsonl": {Data: []byte(b.String())}}
}

func TestTellingWords_PlantedWordFirst(t *testing.T) {
	dir := t.TempDir()
	buildFS(t, dir, tellingFS(), index.BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for _, q := range []string{"sınır", "sınır OR border OR kufiri", "lang:tr sınır"} {
		got, err := ix.TellingWords(ctx, Request{Query: q}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Terms) == 0 || got.Terms[0].Text != "kaçakçılık" || got.Terms[0].Lang != "tr" {
			t.Fatalf("%s: telling words %+v; want kaçakçılık (tr) first", q, got.Terms)
		}
		first := got.Terms[0]
		if first.Count != 20 || first.Background != 20+1 || got.Total != 20 && q != "sınır OR border OR kufiri" {
			t.Errorf("%s: %+v of %d hits; want it in all 20 Turkish hits and 21 Turkish articles", q, first, got.Total)
		}
		for _, w := range got.Terms {
			switch strings.ToLower(w.Text) {
			case "sınır", "border", "kufiri", "ve", "2021":
				t.Errorf("%s: %q is a telling word: the query's own words, stop words and numbers are left out", q, w.Text)
			}
		}
	}
	// Sampled: the best termsSample hits of a larger set.
	all, err := ix.TellingWords(ctx, Request{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 240 || all.Sample != termsSample {
		t.Errorf("all articles: total %d, sample %d; want 240, %d", all.Total, all.Sample, termsSample)
	}
	if _, err := ix.TellingWords(ctx, Request{Query: "sınır"}, 0); err == nil {
		t.Error("size 0: no error")
	}
}

func TestJLH(t *testing.T) {
	tests := []struct {
		fg, fgSize int
		bg, bgSize uint64
		want       float64
	}{
		{10, 10, 10, 100, (1 - 0.1) * 10},
		{5, 10, 50, 100, 0}, // as common in the hits as everywhere
		{1, 10, 100, 100, 0},
		{0, 0, 1, 1, 0},
	}
	for _, tt := range tests {
		if got := jlh(tt.fg, tt.fgSize, tt.bg, tt.bgSize); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", tt.want) {
			t.Errorf("jlh(%d/%d, %d/%d) = %v; want %v", tt.fg, tt.fgSize, tt.bg, tt.bgSize, got, tt.want)
		}
	}
}

// TestOwnWords_Names: a word naming a country the search is about, in any
// form extraction knows, is the search's own (Kirgistanit is no form of
// the Albanian name Kirgizi, so only extraction knows it).
func TestOwnWords_Names(t *testing.T) {
	tests := []struct {
		q     string
		names []string
		not   []string
	}{
		{"country:KG", []string{"Kirgistanit", "Kırgızistan'ın", "Kyrgyzstan"}, []string{"Kazakistanit", "border"}},
		{"Kyrgyzstan sınır", []string{"Kirgistanit"}, []string{"Kazakhstan"}},
		{"org:NATO", []string{"NATO'nun"}, []string{"Kirgistanit"}},
		{"kırgız*", []string{"Kirgizistan", "kırgızca"}, []string{"Kazakistan"}},
	}
	for _, tt := range tests {
		p, err := newPlan(Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		own := ownWords(p)
		for _, w := range tt.names {
			if !own.names(w) {
				t.Errorf("%s: %q is not its own word", tt.q, w)
			}
		}
		for _, w := range tt.not {
			if own.names(w) {
				t.Errorf("%s: %q is its own word", tt.q, w)
			}
		}
	}
}
