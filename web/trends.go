package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/search"
)

// Attention over time, compared: how many articles each of up to five
// queries matched per period, and what share of all the articles of that
// period (under the same filters) that was. Periods are summed from the
// index's counts per day (index.CountByDay), so any interval costs the
// same: one counting search per query plus one for the denominator.

// Trend intervals.
const (
	intervalDay   = "day"
	intervalWeek  = "week"
	intervalMonth = "month"
	intervalYear  = "year"
)

const (
	maxTrendQueries = 5
	// maxPeriods bounds one answer: ten years of days.
	maxPeriods = 3660
)

// trendsRequest is a validated /api/trends or /trends request.
type trendsRequest struct {
	Base     search.Request   // the shared filters, no query: the denominator
	Queries  []search.Request // each query with the filters
	Read     []queryReading
	Interval string // as asked; "" chooses from the span
	Format   string
}

// parseTrends validates a trends request; errors name the parameter.
func parseTrends(v url.Values, ui string, needQuery bool) (trendsRequest, error) {
	var tr trendsRequest
	qs := nonEmpty(v["q"])
	if len(qs) > maxTrendQueries {
		return tr, badParam("q", "queries", "%d queries; at most %d can be compared", len(qs), maxTrendQueries)
	}
	if len(qs) == 0 && needQuery {
		return tr, badParam("q", "noquery", "missing: give 1 to %d queries", maxTrendQueries)
	}
	base := copyValues(v)
	for _, k := range []string{"q", "page", "size", "sort", "interval", "format", "mode"} {
		base.Del(k)
	}
	var err error
	if tr.Base, err = parseSearch(base); err != nil {
		return tr, err
	}
	for _, q := range qs {
		qv := copyValues(base)
		qv.Set("q", q)
		req, err := parseSearch(qv)
		if err != nil {
			return tr, err
		}
		tr.Queries = append(tr.Queries, req)
		tr.Read = append(tr.Read, readQuery(req, ui))
	}
	switch tr.Interval = v.Get("interval"); tr.Interval {
	case "", intervalDay, intervalWeek, intervalMonth, intervalYear:
	default:
		return tr, badParam("interval", "interval", "unknown interval %q (want day, week, month or year)", clip(tr.Interval))
	}
	switch tr.Format = v.Get("format"); tr.Format {
	case "", "json", "csv":
	default:
		return tr, badParam("format", "format", "unknown format %q (want json or csv)", clip(tr.Format))
	}
	return tr, nil
}

// nonEmpty drops the blank values: an empty query slot of the form.
func nonEmpty(vals []string) []string {
	var out []string
	for _, s := range vals {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// period is one step of the time axis, with the number of dated articles
// in it that pass the shared filters.
type period struct {
	From, To time.Time // inclusive days
	Articles int
}

type trendSeries struct {
	Query      string
	Understood string
	Total      int
	Counts     []int // per period
}

func (ts trendSeries) share(i int, ps []period) float64 {
	if ps[i].Articles == 0 {
		return 0
	}
	return float64(ts.Counts[i]) / float64(ps[i].Articles)
}

type trendsResult struct {
	Interval string
	Periods  []period
	Series   []trendSeries
}

// trends counts every query and the denominator per day, and sums the days
// into periods.
func (s *Server) trends(c echo.Context, tr trendsRequest) (*trendsResult, error) {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	reqs := append([]search.Request{tr.Base}, tr.Queries...)
	days := make([][]search.DayCount, len(reqs))
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	for i, req := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if errs[i] = s.gate.acquire(ctx); errs[i] != nil {
				return
			}
			defer s.gate.release(ctx)
			days[i], errs[i] = s.cfg.Searcher.CountByDay(ctx, req)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	out := &trendsResult{Interval: tr.Interval}
	from, to := tr.Base.From, tr.Base.To
	if all := days[0]; len(all) > 0 {
		if from.IsZero() {
			from = all[0].Day
		}
		if to.IsZero() {
			to = all[len(all)-1].Day
		}
	}
	if !from.IsZero() && !to.IsZero() && !to.Before(from) {
		if out.Interval == "" {
			out.Interval = autoInterval(from, to)
		}
		var err error
		if out.Periods, err = periods(from, to, out.Interval); err != nil {
			return nil, err
		}
	} else if out.Interval == "" {
		out.Interval = intervalMonth
	}
	for i := range out.Periods {
		out.Periods[i].Articles = sumDays(days[0], out.Periods[i].From, out.Periods[i].To)
	}
	for qi := range tr.Queries {
		ts := trendSeries{Query: tr.Read[qi].Raw, Understood: tr.Read[qi].Understood, Counts: make([]int, len(out.Periods))}
		for i, p := range out.Periods {
			ts.Counts[i] = sumDays(days[qi+1], p.From, p.To)
			ts.Total += ts.Counts[i]
		}
		out.Series = append(out.Series, ts)
	}
	return out, nil
}

// autoInterval chooses the interval from the span: days up to three
// months, weeks up to two years, months up to ten years, then years.
func autoInterval(from, to time.Time) string {
	days := int(to.Sub(from).Hours()/24) + 1
	switch {
	case days <= 92:
		return intervalDay
	case days <= 731:
		return intervalWeek
	case days <= 3653:
		return intervalMonth
	}
	return intervalYear
}

// periods cuts [from, to] into calendar days, ISO weeks (from Monday),
// months or years; the first and last are cut to the span, so that the
// periods are contiguous and cover it exactly.
func periods(from, to time.Time, interval string) ([]period, error) {
	start := from
	switch interval {
	case intervalWeek:
		start = from.AddDate(0, 0, -((int(from.Weekday()) + 6) % 7))
	case intervalMonth:
		start = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	case intervalYear:
		start = time.Date(from.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	next := func(t time.Time) time.Time {
		switch interval {
		case intervalWeek:
			return t.AddDate(0, 0, 7)
		case intervalMonth:
			return t.AddDate(0, 1, 0)
		case intervalYear:
			return t.AddDate(1, 0, 0)
		}
		return t.AddDate(0, 0, 1)
	}
	var out []period
	for p := start; !p.After(to); p = next(p) {
		if len(out) == maxPeriods {
			return nil, badParam("interval", "periods", "%s to %s is more than %d periods of a %s: choose a longer interval or a shorter span",
				from.Format(time.DateOnly), to.Format(time.DateOnly), maxPeriods, interval)
		}
		out = append(out, period{From: maxTime(p, from), To: minTime(next(p).AddDate(0, 0, -1), to)})
	}
	return out, nil
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// sumDays adds the counts of the days in [from, to]; days are in order.
func sumDays(days []search.DayCount, from, to time.Time) int {
	n := 0
	for _, d := range days {
		if d.Day.Before(from) {
			continue
		}
		if d.Day.After(to) {
			break
		}
		n += d.Count
	}
	return n
}

type apiPeriod struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Articles int    `json:"articles"`
}

type apiPoint struct {
	From  string  `json:"from"`
	To    string  `json:"to"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

type apiSeries struct {
	Query      string     `json:"query"`
	Understood string     `json:"understood"`
	Total      int        `json:"total"`
	Points     []apiPoint `json:"points"`
}

type apiTrends struct {
	Interval string      `json:"interval"`
	Periods  []apiPeriod `json:"periods"`
	Series   []apiSeries `json:"series"`
}

func (s *Server) handleTrendsAPI(c echo.Context) error {
	tr, err := parseTrends(params(c), uiFor(c), true)
	if err != nil {
		return err
	}
	res, err := s.trends(c, tr)
	if err != nil {
		return err
	}
	if tr.Format == "csv" {
		return writeTrendsCSV(c, res)
	}
	out := apiTrends{Interval: res.Interval, Periods: []apiPeriod{}, Series: []apiSeries{}}
	for _, p := range res.Periods {
		out.Periods = append(out.Periods, apiPeriod{From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly), Articles: p.Articles})
	}
	for _, ts := range res.Series {
		as := apiSeries{Query: ts.Query, Understood: ts.Understood, Total: ts.Total, Points: []apiPoint{}}
		for i, p := range res.Periods {
			as.Points = append(as.Points, apiPoint{From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly), Count: ts.Counts[i], Share: ts.share(i, res.Periods)})
		}
		out.Series = append(out.Series, as)
	}
	return writeJSON(c, http.StatusOK, out)
}

// writeTrendsCSV writes one row per period: its days, its articles, and a
// count and a share column per query.
func writeTrendsCSV(c echo.Context, res *trendsResult) error {
	var names []string
	header := []string{"from", "to", "articles"}
	for _, ts := range res.Series {
		header = append(header, "count: "+ts.Query, "share: "+ts.Query)
		names = append(names, ts.Query)
	}
	w, err := startCSV(c, "kerko-trends-"+filenamePart(strings.Join(names, "-vs-"))+".csv", header)
	if err != nil {
		return err
	}
	for i, p := range res.Periods {
		row := []string{p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), strconv.Itoa(p.Articles)}
		for _, ts := range res.Series {
			row = append(row, strconv.Itoa(ts.Counts[i]), strconv.FormatFloat(ts.share(i, res.Periods), 'f', 6, 64))
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	return w.Flush()
}
