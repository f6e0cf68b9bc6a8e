package index

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// researchCorpus is n articles as JSON Lines: dated on a day every few
// days from 2020-01-01 (every seventh undated), in the three languages in
// turn, with "alpha" in every second article and "beta" in every third.
func researchCorpus(n int) fstest.MapFS {
	var b strings.Builder
	langs := []string{"en", "tr", "sq"}
	for i := range n {
		words := []string{"gamma"}
		if i%2 == 0 {
			words = append(words, "alpha")
		}
		if i%3 == 0 {
			words = append(words, "beta")
		}
		date := ""
		if i%7 != 6 {
			date = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3).Format(time.DateOnly)
		}
		line, _ := json.Marshal(map[string]string{
			"id": fmt.Sprintf("r%03d", i), "title": fmt.Sprintf("Report %d %s", i, strings.Join(words, " ")),
			"body": "The text of report " + fmt.Sprint(i) + " speaks of " + strings.Join(words, " and ") + ".",
			"lang": langs[i%3], "date": date, "source": fmt.Sprintf("source %d", i%4), "url": fmt.Sprintf("https://example.org/%d", i),
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	return fstest.MapFS{"research.jsonl": {Data: []byte(b.String())}}
}

func openResearch(t *testing.T, n int) *Index {
	t.Helper()
	dir := t.TempDir()
	buildFS(t, dir, researchCorpus(n), BuildOptions{})
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestIndex_CountByDay: the days sum to the dated part of Search's total,
// and to its timeline month by month, under every kind of filter.
func TestIndex_CountByDay(t *testing.T) {
	ix := openResearch(t, 200)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, req := range []Request{
		{},
		{Query: "alpha"},
		{Query: "alpha -beta"},
		{Query: "beta", Langs: []string{"tr"}},
		{Query: "gamma", From: day(2020, 3, 1), To: day(2020, 8, 15)},
		{Query: "alpha", Langs: []string{"en", "sq"}, From: day(2020, 6, 1)},
		{Query: "nothingmatches"},
		{Undated: UndatedOnly},
	} {
		days, err := ix.CountByDay(context.Background(), req)
		if err != nil {
			t.Fatalf("CountByDay(%+v): %v", req, err)
		}
		res := search(t, ix, req)
		sum := 0
		months := map[string]int{}
		for i, d := range days {
			if i > 0 && !d.Day.After(days[i-1].Day) {
				t.Errorf("CountByDay(%+v): day %s after %s", req, d.Day, days[i-1].Day)
			}
			if d.Count <= 0 || d.Day.Hour() != 0 || d.Day.Location() != time.UTC {
				t.Errorf("CountByDay(%+v): bad day %+v", req, d)
			}
			sum += d.Count
			months[d.Day.Format("2006-01")] += d.Count
		}
		dated := int(res.Total)
		if req.From.IsZero() && req.To.IsZero() && req.Undated != UndatedOnly {
			dated -= res.Undated
		}
		if req.Undated == UndatedOnly {
			dated = 0
		}
		if sum != dated {
			t.Errorf("CountByDay(%+v) sums to %d; Search has %d dated hits (total %d, undated %d)", req, sum, dated, res.Total, res.Undated)
		}
		if req.From.IsZero() && req.To.IsZero() && req.Undated == "" {
			for _, b := range res.Timeline {
				if b.To.Sub(b.From) < 27*24*time.Hour || months[b.From.Format("2006-01")] != b.Count {
					t.Errorf("CountByDay(%+v): %s has %d; timeline says %d", req, b.From.Format("2006-01"), months[b.From.Format("2006-01")], b.Count)
				}
			}
		}
	}
	if _, err := ix.CountByDay(context.Background(), Request{Undated: "sometimes"}); err == nil {
		t.Error("CountByDay with a bad undated option: no error")
	}
}
