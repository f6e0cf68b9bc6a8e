package web

import (
	"encoding/csv"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

type trendsAnswer struct {
	Interval string `json:"interval"`
	Periods  []struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Articles int    `json:"articles"`
	} `json:"periods"`
	Series []struct {
		Query  string `json:"query"`
		Total  int    `json:"total"`
		Points []struct {
			From  string  `json:"from"`
			To    string  `json:"to"`
			Count int     `json:"count"`
			Share float64 `json:"share"`
		} `json:"points"`
	} `json:"series"`
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestAPI_Trends checks the invariants of /api/trends against /api/search
// on a real index: each total is the dated part of the search's total, the
// periods are contiguous and cover the span, each count and each period's
// articles are what a search of that period finds, and share is their
// quotient.
func TestAPI_Trends(t *testing.T) {
	ts := researchServer(t, 240, Config{})
	tests := []struct {
		name    string
		queries []string
		filters url.Values
		// interval is asked for when set; want is what must come back.
		interval, want string
	}{
		{"two countries, whole span", []string{"Kazakhstan", "Kyrgyzstan"}, url.Values{}, "", "month"},
		{"query language and a filter", []string{"lang:tr sınır", "NATO OR Kosovo", "Kosovo NOT Serbia"}, url.Values{"lang": {"tr", "en"}}, "", "month"},
		{"a range by week", []string{"Kazakhstan", "country:KG"}, url.Values{"from": {"2020-03-04"}, "to": {"2020-09-30"}}, "", "week"},
		{"days", []string{"NATO"}, url.Values{"from": {"2020-02-10"}, "to": {"2020-03-20"}}, "", "day"},
		{"years asked", []string{"Kazakhstan", "Kyrgyzstan", "NATO", "Kosovo", "Serbia"}, url.Values{"country": {"KZ"}}, "year", "year"},
		{"nothing matches", []string{"zzzunknownword"}, url.Values{}, "month", "month"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := url.Values{}
			for k, vals := range tt.filters {
				v[k] = vals
			}
			v["q"] = tt.queries
			if tt.interval != "" {
				v.Set("interval", tt.interval)
			}
			var tr trendsAnswer
			fetchJSON(t, ts.URL, "/api/trends?"+v.Encode(), http.StatusOK, &tr)
			if tr.Interval != tt.want {
				t.Errorf("interval = %q; want %q", tr.Interval, tt.want)
			}
			if len(tr.Series) != len(tt.queries) || len(tr.Periods) == 0 {
				t.Fatalf("%d series, %d periods; want %d series and some periods", len(tr.Series), len(tr.Periods), len(tt.queries))
			}
			// Contiguous, covering the span, aligned to the interval.
			if f := tt.filters.Get("from"); f != "" && tr.Periods[0].From != f {
				t.Errorf("first period starts %s; want %s", tr.Periods[0].From, f)
			}
			if to := tt.filters.Get("to"); to != "" && tr.Periods[len(tr.Periods)-1].To != to {
				t.Errorf("last period ends %s; want %s", tr.Periods[len(tr.Periods)-1].To, to)
			}
			for i, p := range tr.Periods {
				if day(p.To).Before(day(p.From)) {
					t.Errorf("period %d: %s..%s ends before it starts", i, p.From, p.To)
				}
				if i > 0 && !day(p.From).Equal(day(tr.Periods[i-1].To).AddDate(0, 0, 1)) {
					t.Errorf("period %d starts %s; the one before ends %s", i, p.From, tr.Periods[i-1].To)
				}
				if i > 0 && !aligned(day(p.From), tr.Interval) {
					t.Errorf("period %d starts %s, not at the start of a %s", i, p.From, tr.Interval)
				}
			}
			// The span is that of the dated articles passing the filters.
			all := searchAPI(t, ts.URL, withVals(tt.filters, "size", "1"))
			dated := all.Total
			if tt.filters.Get("from") == "" && tt.filters.Get("to") == "" {
				dated -= all.Undated
				if first := all.Histogram[0].From; tr.Periods[0].From[:7] != first[:7] {
					t.Errorf("first period %s; the search's timeline starts %s", tr.Periods[0].From, first)
				}
			}
			sumArticles := 0
			for _, p := range tr.Periods {
				sumArticles += p.Articles
			}
			if sumArticles != dated {
				t.Errorf("periods hold %d articles; the search has %d dated", sumArticles, dated)
			}
			for si, s := range tr.Series {
				if s.Query != tt.queries[si] || len(s.Points) != len(tr.Periods) {
					t.Fatalf("series %d: query %q, %d points; want %q, %d", si, s.Query, len(s.Points), tt.queries[si], len(tr.Periods))
				}
				res := searchAPI(t, ts.URL, withVals(withVals(tt.filters, "q", s.Query), "size", "1"))
				want := res.Total
				if tt.filters.Get("from") == "" && tt.filters.Get("to") == "" && !strings.Contains(s.Query, "from:") {
					want -= res.Undated
				}
				if s.Total != want {
					t.Errorf("%q: total %d; /api/search has %d dated (total %d, undated %d)", s.Query, s.Total, want, res.Total, res.Undated)
				}
				sum := 0
				for i, pt := range s.Points {
					p := tr.Periods[i]
					sum += pt.Count
					if pt.From != p.From || pt.To != p.To {
						t.Errorf("%q point %d: %s..%s; period %s..%s", s.Query, i, pt.From, pt.To, p.From, p.To)
					}
					wantShare := 0.0
					if p.Articles > 0 {
						wantShare = float64(pt.Count) / float64(p.Articles)
					}
					if math.Abs(pt.Share-wantShare) > 1e-12 || pt.Count > p.Articles {
						t.Errorf("%q %s: count %d of %d articles, share %v; want %v", s.Query, p.From, pt.Count, p.Articles, pt.Share, wantShare)
					}
				}
				if sum != s.Total {
					t.Errorf("%q: points sum to %d; total %d", s.Query, sum, s.Total)
				}
			}
			// A few periods, each against a search of its own days.
			for _, i := range []int{0, len(tr.Periods) / 2, len(tr.Periods) - 1} {
				p := tr.Periods[i]
				pv := withVals(withVals(withVals(tt.filters, "from", p.From), "to", p.To), "size", "1")
				if got := searchAPI(t, ts.URL, pv).Total; got != p.Articles {
					t.Errorf("period %s..%s: %d articles; a search of it finds %d", p.From, p.To, p.Articles, got)
				}
				s := tr.Series[0]
				if got := searchAPI(t, ts.URL, withVals(pv, "q", s.Query)).Total; got != s.Points[i].Count {
					t.Errorf("%q %s..%s: count %d; a search of it finds %d", s.Query, p.From, p.To, s.Points[i].Count, got)
				}
			}
		})
	}
}

func aligned(d time.Time, interval string) bool {
	switch interval {
	case intervalWeek:
		return d.Weekday() == time.Monday
	case intervalMonth:
		return d.Day() == 1
	case intervalYear:
		return d.YearDay() == 1
	}
	return true
}

// withVals is a copy of v with key set to val.
func withVals(v url.Values, key, val string) url.Values {
	out := copyValues(v)
	out.Set(key, val)
	return out
}

func TestAPI_TrendsCSV(t *testing.T) {
	ts := researchServer(t, 120, Config{})
	q := url.Values{"q": {"Kazakhstan", "=cmd|' /C calc'!A0"}, "interval": {"month"}}
	var tr trendsAnswer
	fetchJSON(t, ts.URL, "/api/trends?"+q.Encode(), http.StatusOK, &tr)
	q.Set("format", "csv")
	resp, body, _ := getTimed(t, ts.URL+"/api/trends?"+q.Encode())
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="kerko-trends-Kazakhstan`) {
		t.Errorf("Content-Disposition = %q", resp.Header.Get("Content-Disposition"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	// The query sits after "count: ", so even a formula-looking one is text.
	wantHeader := []string{"from", "to", "articles", "count: Kazakhstan", "share: Kazakhstan", "count: =cmd|' /C calc'!A0", "share: =cmd|' /C calc'!A0"}
	if strings.Join(rows[0], "\x00") != strings.Join(wantHeader, "\x00") {
		t.Errorf("header = %q; want %q", rows[0], wantHeader)
	}
	if len(rows) != len(tr.Periods)+1 {
		t.Fatalf("%d rows; want a header and %d periods", len(rows), len(tr.Periods))
	}
	for i, p := range tr.Periods {
		row := rows[i+1]
		if row[0] != p.From || row[1] != p.To || row[2] != strconv.Itoa(p.Articles) || row[3] != strconv.Itoa(tr.Series[0].Points[i].Count) {
			t.Errorf("row %d = %q; want %s %s %d %d", i, row, p.From, p.To, p.Articles, tr.Series[0].Points[i].Count)
		}
		if share, err := strconv.ParseFloat(row[4], 64); err != nil || math.Abs(share-tr.Series[0].Points[i].Share) > 1e-6 {
			t.Errorf("row %d share %q; want %v", i, row[4], tr.Series[0].Points[i].Share)
		}
	}
}

// TestAPI_TrendsErrors: every bad request is a 400 naming its parameter.
func TestAPI_TrendsErrors(t *testing.T) {
	ts := researchServer(t, 30, Config{})
	tests := []struct{ query, param string }{
		{"q=a&q=b&q=c&q=d&q=e&q=f", "q"},
		{"", "q"},
		{"q=", "q"},
		{"q=a&interval=hour", "interval"},
		{"q=a&interval=DAY", "interval"},
		{"q=a&format=xlsx", "format"},
		{"q=a&lang=xx", "lang"},
		{"q=a&country=ZZ", "country"},
		{"q=a&from=2020-05-01&to=2020-01-01", "from"},
		{"q=a&from=yesterday", "from"},
		{"q=a&interval=day&from=1990-01-01&to=2020-01-01", "interval"},
		{"q=" + strings.Repeat("a", 1001), "q"},
	}
	for _, tt := range tests {
		var e struct{ Error string }
		fetchJSON(t, ts.URL, "/api/trends?"+tt.query, http.StatusBadRequest, &e)
		if !strings.HasPrefix(e.Error, tt.param+": ") {
			t.Errorf("/api/trends?%.60s: error %q; want it to name %q", tt.query, e.Error, tt.param)
		}
	}
	// The page says the same, as a page.
	resp, body, _ := getTimed(t, ts.URL+"/trends?q=a&interval=hour")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "interval") {
		t.Errorf("/trends with a bad interval: status %d; want 400 naming interval", resp.StatusCode)
	}
	resp, _, _ = getTimed(t, ts.URL+"/trends?q=a&mode=pie")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("/trends?mode=pie: status %d; want 400", resp.StatusCode)
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		from, to, interval string
		n                  int
		first, last        string // the first period's end, the last's start
	}{
		{"2020-01-15", "2020-01-15", intervalDay, 1, "2020-01-15", "2020-01-15"},
		{"2020-01-15", "2020-03-02", intervalMonth, 3, "2020-01-31", "2020-03-01"},
		{"2020-01-01", "2020-12-31", intervalMonth, 12, "2020-01-31", "2020-12-01"},
		{"2020-01-01", "2020-01-31", intervalWeek, 5, "2020-01-05", "2020-01-27"}, // 2020-01-01 is a Wednesday
		{"2019-12-30", "2020-01-05", intervalWeek, 1, "2020-01-05", "2019-12-30"},
		{"2019-06-01", "2021-02-01", intervalYear, 3, "2019-12-31", "2021-01-01"},
		{"2020-02-01", "2020-02-29", intervalDay, 29, "2020-02-01", "2020-02-29"},
	}
	for _, tt := range tests {
		ps, err := periods(day(tt.from), day(tt.to), tt.interval)
		if err != nil {
			t.Fatalf("periods(%s, %s, %s): %v", tt.from, tt.to, tt.interval, err)
		}
		if len(ps) != tt.n || ps[0].To.Format(time.DateOnly) != tt.first || ps[len(ps)-1].From.Format(time.DateOnly) != tt.last ||
			ps[0].From.Format(time.DateOnly) != tt.from || ps[len(ps)-1].To.Format(time.DateOnly) != tt.to {
			t.Errorf("periods(%s, %s, %s) = %d periods %v..%v; want %d, first ending %s, last starting %s", tt.from, tt.to, tt.interval,
				len(ps), ps[0], ps[len(ps)-1], tt.n, tt.first, tt.last)
		}
	}
	for _, tt := range []struct{ from, to, want string }{
		{"2020-01-01", "2020-01-01", intervalDay}, {"2020-01-01", "2020-04-01", intervalDay}, {"2020-01-01", "2020-04-02", intervalWeek},
		{"2020-01-01", "2021-12-31", intervalWeek}, {"2020-01-01", "2022-01-02", intervalMonth}, {"2000-01-01", "2020-01-01", intervalYear},
	} {
		if got := autoInterval(day(tt.from), day(tt.to)); got != tt.want {
			t.Errorf("autoInterval(%s, %s) = %s; want %s", tt.from, tt.to, got, tt.want)
		}
	}
}
