package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// researchArticles is a corpus for the research features: n articles dated
// one every five days from 2020-01-01 (every eleventh undated), in the
// three languages in turn, naming Kazakhstan, Kyrgyzstan, NATO, Kosovo and
// Serbia in known patterns, and a few titles a spreadsheet would run as
// formulas or a browser as markup.
func researchArticles(n int) fstest.MapFS {
	langs := []string{"en", "tr", "sq"}
	kz := map[string]string{"en": "Kazakhstan", "tr": "Kazakistan'ın", "sq": "Kazakistanit"}
	kg := map[string]string{"en": "Kyrgyzstan", "tr": "Kırgızistan", "sq": "Kirgistanit"}
	formulas := []string{`=HYPERLINK("http://evil.example","click")`, "+1+2 cmd", "-2+3 formula", "@SUM(A1:A9)", "=1+1 sum", "<b>bold</b> & co"}
	var b strings.Builder
	for i := range n {
		lang := langs[i%3]
		var words []string
		if i%2 == 0 {
			words = append(words, kz[lang])
		}
		if i%3 == 0 {
			words = append(words, kg[lang])
		}
		if i%5 == 0 {
			words = append(words, "NATO")
		}
		if i%4 == 0 {
			words = append(words, "Kosovo")
		}
		if i%8 == 0 {
			words = append(words, "Serbia")
		}
		words = append(words, "sınır", fmt.Sprintf("report%d", i))
		title := fmt.Sprintf("Report %d: %s", i, strings.Join(words, " "))
		if i < len(formulas) {
			title = formulas[i] + " " + strings.Join(words, " ")
		}
		date := ""
		if i%11 != 10 {
			date = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 5*i).Format(time.DateOnly)
		}
		line, _ := json.Marshal(map[string]string{
			"id": fmt.Sprintf("res-%04d", i), "title": title, "lang": lang, "date": date,
			"body":   "The report " + fmt.Sprint(i) + " is about " + strings.Join(words, ", ") + ". It goes on with more words of its own.",
			"source": []string{"Anadolu", "Radio Azattyk", "Telegrafi"}[i%3], "url": fmt.Sprintf("https://news.example/%d", i),
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	return fstest.MapFS{"research.jsonl": {Data: []byte(b.String())}}
}

// researchServer serves an index of researchArticles(n) on 127.0.0.1:0.
func researchServer(t *testing.T, n int, cfg Config) *realServer {
	t.Helper()
	cfg.Searcher = seedIndex(t, researchArticles(n))
	return startRealServer(t, cfg, nil)
}

// fetchJSON GETs path and decodes its JSON answer into v, failing on any
// status but want.
func fetchJSON(t *testing.T, base, path string, want int, v any) {
	t.Helper()
	resp, body, _ := getTimed(t, base+path)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d; want %d: %.300s", path, resp.StatusCode, want, body)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(body), v); err != nil {
			t.Fatalf("GET %s: %v: %.300s", path, err, body)
		}
	}
}

type searchAnswer struct {
	Total      int      `json:"total"`
	Undated    int      `json:"undated"`
	Understood string   `json:"understood"`
	Notes      []string `json:"notes"`
	DidYouMean *string  `json:"did_you_mean"`
	Hits       []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"hits"`
	Histogram []struct {
		From  string `json:"from"`
		Count int    `json:"count"`
	} `json:"histogram"`
}

func searchAPI(t *testing.T, base string, v url.Values) searchAnswer {
	t.Helper()
	var a searchAnswer
	fetchJSON(t, base, "/api/search?"+v.Encode(), http.StatusOK, &a)
	return a
}

func hitIDsOf(a searchAnswer) []string {
	var ids []string
	for _, h := range a.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}
