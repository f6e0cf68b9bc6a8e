package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"kerko/search"
)

// pagingSpy is a real index that records the pages an export asks for.
type pagingSpy struct {
	*search.Index
	mu    sync.Mutex
	calls int
	sizes []int
}

func (s *pagingSpy) ArticlesAfter(ctx context.Context, req search.Request, after []string) (*search.ArticlePage, error) {
	s.mu.Lock()
	s.calls++
	s.sizes = append(s.sizes, req.Size)
	s.mu.Unlock()
	return s.Index.ArticlesAfter(ctx, req, after)
}

func readExportCSV(t *testing.T, what, body string) [][]string {
	t.Helper()
	if !strings.HasPrefix(body, "\ufeff") {
		t.Errorf("%s: no UTF-8 byte order mark", what)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff")))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: CSV does not parse: %v", what, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "id,title,date,lang,countries,orgs,source,url" {
		t.Fatalf("%s: header %q", what, rows[0])
	}
	return rows[1:]
}

// TestAPI_Export: every match comes out, once, in the search's order, up to
// the limit, in pages; cells a spreadsheet would run come out as text.
func TestAPI_Export(t *testing.T) {
	spy := &pagingSpy{Index: seedIndex(t, researchArticles(2600))}
	ts := startRealServer(t, Config{Searcher: spy, ExportLimit: 3000}, nil)
	tests := []struct {
		params url.Values
		want   int // rows; -1 for the search's total
	}{
		{url.Values{"q": {"Kazakhstan"}}, -1},
		{url.Values{}, 2605}, // the five seeds too
		{url.Values{"q": {"Kosovo NOT Serbia"}, "lang": {"tr"}, "sort": {"newest"}}, -1},
		{url.Values{"q": {"country:KG from:2021"}, "sort": {"oldest"}}, -1},
		{url.Values{"q": {"sınır"}, "limit": {"1234"}}, 1234},
	}
	for _, tt := range tests {
		spy.mu.Lock()
		spy.calls, spy.sizes = 0, nil
		spy.mu.Unlock()
		what := "/api/export?" + tt.params.Encode()
		resp, body, _ := getTimed(t, ts.URL+what)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Fatalf("%s: status %d, type %q", what, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		rows := readExportCSV(t, what, body)
		sv := copyValues(tt.params)
		sv.Del("limit")
		search := searchAPI(t, ts.URL, withVals(sv, "size", "100"))
		want := tt.want
		if want < 0 {
			want = search.Total
		}
		if len(rows) != want || want > search.Total {
			t.Errorf("%s: %d rows; want %d (search total %d)", what, len(rows), want, search.Total)
		}
		var ids []string
		seen := map[string]bool{}
		for _, r := range rows {
			if len(r) != 8 || seen[r[0]] {
				t.Fatalf("%s: row %q: wrong width or repeated", what, r)
			}
			seen[r[0]] = true
			ids = append(ids, r[0])
		}
		if first := hitIDsOf(search); len(ids) >= len(first) && tt.params.Get("sort") != "" && !slices.Equal(ids[:len(first)], first) {
			t.Errorf("%s: first rows %v; the search's first page is %v", what, ids[:len(first)], first)
		}
		spy.mu.Lock()
		if wantCalls := (want + exportPage - 1) / exportPage; spy.calls != max(wantCalls, 1) || slices.Max(spy.sizes) > exportPage {
			t.Errorf("%s: %d pages of sizes %v; want %d pages of at most %d", what, spy.calls, spy.sizes, wantCalls, exportPage)
		}
		spy.mu.Unlock()
	}
}

// TestAPI_ExportCells: formulas are neutralised, the header and the file
// name say what they should, and JSON Lines carries the same rows.
func TestAPI_ExportCells(t *testing.T) {
	ts := researchServer(t, 40, Config{})
	resp, body, _ := getTimed(t, ts.URL+"/api/export?q=report0+OR+report1+OR+report2+OR+report3+OR+report4+OR+report5&sort=oldest")
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="kerko-report0-OR-report1-OR-report2-OR-report3-OR-report4-OR-report5.csv"; filename*=UTF-8''kerko-report0-OR-report1-OR-report2-OR-report3-OR-report4-OR-report5.csv` {
		t.Errorf("Content-Disposition = %q", cd)
	}
	rows := readExportCSV(t, "formulas", body)
	titles := map[string]string{}
	for _, r := range rows {
		titles[r[0]] = r[1]
		if r[0] == "res-0001" && (r[2] != "2020-01-06" || r[3] != "tr" || r[6] != "Radio Azattyk" || r[7] != "https://news.example/1") {
			t.Errorf("row %q: date, lang, source or url wrong", r)
		}
		if r[0] == "res-0000" && (!strings.Contains(r[4], "KZ") || !strings.Contains(r[4], "KG") || r[5] != "NATO") {
			t.Errorf("row %q: countries or orgs wrong", r)
		}
	}
	for id, prefix := range map[string]string{
		"res-0000": `'=HYPERLINK(`, "res-0001": "'+1+2", "res-0002": "'-2+3", "res-0003": "'@SUM(", "res-0004": "'=1+1", "res-0005": "<b>bold</b> & co",
	} {
		if !strings.HasPrefix(titles[id], prefix) {
			t.Errorf("%s title %q; want it to start %q", id, titles[id], prefix)
		}
	}
	// The dates a download is limited to name it too.
	for q, want := range map[string]string{
		"from=2020-03-01&to=2020-03-31": "kerko-all_2020-03-01_2020-03-31.csv",
		"q=x&from=2020-03-01":           "kerko-x_from-2020-03-01.csv",
		"q=x&to=2020-03-31":             "kerko-x_to-2020-03-31.csv",
	} {
		resp, _, _ := getTimed(t, ts.URL+"/api/export?"+q)
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="`+want+`"`) {
			t.Errorf("export?%s: Content-Disposition = %q; want %s", q, cd, want)
		}
	}
	// Non-ASCII queries name the file too, in the UTF-8 form.
	resp, _, _ = getTimed(t, ts.URL+"/api/export?q="+url.QueryEscape(`"sınır" / <x>`))
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="kerko-s_n_r-x.csv"`) || !strings.Contains(cd, "filename*=UTF-8''kerko-s%C4%B1n%C4%B1r-x.csv") {
		t.Errorf("Content-Disposition = %q", cd)
	}

	resp, body, _ = getTimed(t, ts.URL+"/api/export?q=Kazakhstan&format=jsonl&sort=newest")
	if resp.Header.Get("Content-Type") != "application/jsonl; charset=utf-8" {
		t.Errorf("JSON Lines type %q", resp.Header.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	search := searchAPI(t, ts.URL, url.Values{"q": {"Kazakhstan"}, "sort": {"newest"}, "size": {"100"}})
	if len(lines) != search.Total {
		t.Errorf("%d lines; want %d", len(lines), search.Total)
	}
	for i, l := range lines {
		var row exportRow
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if row.ID != search.Hits[i].ID || row.Countries == nil {
			t.Errorf("line %d = %s; want %s", i, row.ID, search.Hits[i].ID)
		}
	}
}

func TestAPI_ExportErrors(t *testing.T) {
	ts := researchServer(t, 10, Config{ExportLimit: 500})
	for _, tt := range []struct{ query, param string }{
		{"format=xlsx", "format"},
		{"limit=0", "limit"},
		{"limit=501", "limit"},
		{"limit=many", "limit"},
		{"sort=sideways", "sort"},
		{"lang=xx", "lang"},
		{"from=2021-01-01&to=2020-01-01", "from"},
	} {
		var e struct{ Error string }
		fetchJSON(t, ts.URL, "/api/export?"+tt.query, http.StatusBadRequest, &e)
		if !strings.HasPrefix(e.Error, tt.param+": ") {
			t.Errorf("/api/export?%s: error %q; want it to name %q", tt.query, e.Error, tt.param)
		}
	}
}

func TestNeutralise(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"plain", "plain"}, {"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"a=1", "a=1"}, {"'=1", "'=1"}, {"2020-01-01", "2020-01-01"},
	} {
		if got := neutralise(tt.in); got != tt.want {
			t.Errorf("neutralise(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
