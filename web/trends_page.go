package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// The /trends page draws the trends as an SVG line chart on the server:
// one line per query, a point per period whose <title> says its values
// (the browser shows it on hover, no script needed) and which links to
// that period's articles. Count and share are two links, so the toggle
// works without JavaScript too.

// The size of a trends page grows with its points (periods × queries, up
// to maxPeriods × maxTrendQueries): each point is a link only while there
// are at most maxTrendLinks of them (beyond, a point is too small to click
// anyway, and the table below the chart lists the same values), and a
// point's title holds its query clipped. maxTrendsPageBytes then bounds
// the page (TestTrendsPage_WorstCaseIsBounded builds the largest).
const (
	maxTrendLinks      = 800
	maxTrendsPageBytes = 16 << 20
)

// Chart geometry in SVG user units; the chart scales to its box.
const (
	trW      = 760.0
	trH      = 300.0
	trLeft   = 56.0 // room for the y labels
	trRight  = 12.0
	trTop    = 12.0
	trBottom = 28.0 // room for the x labels
)

// seriesStyles tell the lines apart by colour and, for those who cannot
// see the colours, by dash.
var seriesStyles = []struct{ Color, Dash string }{
	{"#1a4fa0", ""}, {"#b3261e", "7 4"}, {"#2e7d32", "2 3"}, {"#8e24aa", "9 3 2 3"}, {"#ef6c00", "4 2"},
}

type trendDot struct {
	X, Y  float64
	Title string
	URL   string
	From  string
	Value string
}

type trendLine struct {
	Index       int
	Color, Dash string
	Path        string // the line as an SVG path, with a gap where a share has no articles
	Dots        []trendDot
	Query       string
	Total       int
	SearchURL   string
	Understood  string
}

type axisTick struct {
	Pos   float64
	Label string
}

type trendChart struct {
	W, H, Left, Right, Top, Bottom float64
	BaseY                          float64
	YTicks, XTicks                 []axisTick
	Lines                          []trendLine
	Label                          string
	Share                          bool
}

type trendRow struct {
	Period   string
	Articles int
	Cells    []string
}

type trendsPageView struct {
	UI        string
	UILinks   []link
	Query     string // the layout's search box stays empty
	Slots     []link // Value: the query, URL: the page without it
	Hidden    []link
	From, To  string
	Interval  string
	Intervals []link
	Modes     []link
	Share     bool
	CSV       string
	Chart     *trendChart
	Lines     []trendLine
	Rows      []trendRow
	Empty     bool
	Asked     bool
}

func (s *Server) handleTrendsPage(c echo.Context) error {
	v := params(c)
	ui := uiFor(c)
	mode := v.Get("mode")
	if mode != "" && mode != "count" && mode != "share" {
		return badParam("mode", "mode", "unknown mode %q (want count or share)", clip(mode))
	}
	tr, err := parseTrends(v, ui, false)
	if err != nil {
		return err
	}
	// The page's links carry the queries that were given, not the blank
	// slots of the form (which parseTrends does not count).
	v = copyValues(v)
	if qs := nonEmpty(v["q"]); len(qs) > 0 {
		v["q"] = qs
	} else {
		v.Del("q")
	}
	p := trendsPageView{UI: ui, Share: mode == "share", Interval: tr.Interval, Asked: len(tr.Queries) > 0}
	for _, l := range uiLangs {
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: "/trends?" + with(v, "ui", l).Encode(), Active: l == ui})
	}
	for i, lq := range tr.Read {
		p.Slots = append(p.Slots, link{Value: lq.Raw, URL: removeQueryURL(v, i), Count: i + 1})
	}
	if len(p.Slots) < maxTrendQueries {
		p.Slots = append(p.Slots, link{Count: len(p.Slots) + 1}) // the slot that adds a query
	}
	for _, key := range []string{"lang", "country", "country_mode", "org", "person", "ui"} {
		for _, val := range v[key] {
			p.Hidden = append(p.Hidden, link{Label: key, Value: val})
		}
	}
	p.From, p.To = v.Get("from"), v.Get("to")
	for _, iv := range []string{"", intervalDay, intervalWeek, intervalMonth, intervalYear} {
		key := "interval_" + iv
		if iv == "" {
			key = "interval_auto"
		}
		p.Intervals = append(p.Intervals, link{Label: T(ui, key), Value: iv, Active: iv == tr.Interval})
	}
	p.Modes = []link{
		{Label: T(ui, "count"), Value: "count", URL: "/trends?" + without(v, "mode").Encode(), Active: !p.Share},
		{Label: T(ui, "share"), Value: "share", URL: "/trends?" + with(v, "mode", "share").Encode(), Active: p.Share},
	}
	if !p.Asked {
		return s.render(c, http.StatusOK, "trends.html", p, maxTrendsPageBytes)
	}
	csv := without(v, "mode")
	csv.Set("format", "csv")
	p.CSV = "/api/trends?" + csv.Encode()
	res, err := s.trends(c, tr)
	if err != nil {
		return err
	}
	// Like a search page, a trends page takes a page slot to be built.
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	if err := s.pages.acquire(ctx); err != nil {
		return err
	}
	defer s.pages.release(ctx)
	p.Interval = res.Interval
	p.Empty = len(res.Periods) == 0
	p.Chart = drawTrends(res, v, p.Share, ui)
	p.Lines = p.Chart.Lines
	for i, ts := range res.Series {
		p.Lines[i].Understood = ts.Understood
	}
	for i, per := range res.Periods {
		row := trendRow{Period: periodName(per, res.Interval, ui), Articles: per.Articles}
		for _, ts := range res.Series {
			row.Cells = append(row.Cells, fmt.Sprintf("%d (%s)", ts.Counts[i], percent(ts.share(i, res.Periods))))
		}
		p.Rows = append(p.Rows, row)
	}
	return s.render(c, http.StatusOK, "trends.html", p, maxTrendsPageBytes)
}

// removeQueryURL is the page without its i-th query.
func removeQueryURL(v url.Values, i int) string {
	out := copyValues(v)
	var qs []string
	for j, q := range nonEmpty(v["q"]) {
		if j != i {
			qs = append(qs, q)
		}
	}
	out["q"] = qs
	if len(qs) == 0 {
		out.Del("q")
	}
	return "/trends?" + out.Encode()
}

// searchURL is the results page of query q under the page's filters,
// narrowed to [from, to] when they are set.
func searchURL(v url.Values, q, from, to string) string {
	out := url.Values{}
	if q != "" {
		out.Set("q", q)
	}
	for _, k := range []string{"lang", "country", "country_mode", "org", "person", "ui"} {
		if vals := v[k]; len(vals) > 0 {
			out[k] = vals
		}
	}
	for k, d := range map[string]string{"from": from, "to": to} {
		if d == "" {
			d = v.Get(k)
		}
		if d != "" {
			out.Set(k, d)
		}
	}
	return "/?" + out.Encode()
}

func drawTrends(res *trendsResult, v url.Values, share bool, ui string) *trendChart {
	ch := &trendChart{W: trW, H: trH, Left: trLeft, Right: trW - trRight, Top: trTop, Bottom: trH - trBottom, Share: share}
	ch.BaseY = ch.Bottom
	n := len(res.Periods)
	value := func(ts trendSeries, i int) float64 {
		if share {
			return ts.share(i, res.Periods)
		}
		return float64(ts.Counts[i])
	}
	top := 0.0
	for _, ts := range res.Series {
		for i := range res.Periods {
			top = math.Max(top, value(ts, i))
		}
	}
	step, ticks := niceScale(top, share)
	maxY := step * float64(ticks)
	for k := 0; k <= ticks; k++ {
		val := step * float64(k)
		label := strconv.FormatFloat(val, 'f', -1, 64)
		if share {
			label = percent(val)
		}
		ch.YTicks = append(ch.YTicks, axisTick{Pos: ch.Bottom - (ch.Bottom-ch.Top)*val/maxY, Label: label})
	}
	x := func(i int) float64 {
		if n <= 1 {
			return (ch.Left + ch.Right) / 2
		}
		return ch.Left + (ch.Right-ch.Left)*float64(i)/float64(n-1)
	}
	every := max(1, (n+6)/7)
	for i := 0; i < n; i += every {
		ch.XTicks = append(ch.XTicks, axisTick{Pos: x(i), Label: periodName(res.Periods[i], res.Interval, ui)})
	}
	links := len(res.Series)*n <= maxTrendLinks
	for si, ts := range res.Series {
		st := seriesStyles[si%len(seriesStyles)]
		ln := trendLine{Index: si, Color: st.Color, Dash: st.Dash, Query: ts.Query, Total: ts.Total, SearchURL: searchURL(v, ts.Query, "", "")}
		var path strings.Builder
		move := true
		for i, per := range res.Periods {
			if share && per.Articles == 0 {
				// No article at all: a share of nothing is a gap, not 0%.
				move = true
				continue
			}
			y := ch.Bottom - (ch.Bottom-ch.Top)*value(ts, i)/maxY
			cmd := "L"
			if move {
				cmd, move = "M", false
			}
			fmt.Fprintf(&path, "%s%.1f,%.1f ", cmd, x(i), y)
			from, to := per.From.Format(time.DateOnly), per.To.Format(time.DateOnly)
			dot := trendDot{X: x(i), Y: y, From: from,
				Value: strconv.FormatFloat(value(ts, i), 'g', 6, 64),
				Title: fmt.Sprintf("%s · %s: %d / %d (%s)", clip(displayQuery(ts.Query)), periodName(per, res.Interval, ui), ts.Counts[i], per.Articles, percent(ts.share(i, res.Periods)))}
			if links {
				dot.URL = searchURL(v, ts.Query, from, to)
			}
			ln.Dots = append(ln.Dots, dot)
		}
		ln.Path = strings.TrimSpace(path.String())
		ch.Lines = append(ch.Lines, ln)
	}
	mode := T(ui, "count")
	if share {
		mode = T(ui, "share_of")
	}
	ch.Label = T(ui, "trends") + " (" + mode + ")"
	return ch
}

func displayQuery(q string) string {
	if q == "" {
		return "*"
	}
	return q
}

// niceScale returns a step of 1, 2, 2.5 or 5 times a power of ten and the
// number of steps (at most 5) that reach past top.
func niceScale(top float64, share bool) (float64, int) {
	if top <= 0 {
		if share {
			return 0.25, 4
		}
		return 1, 4
	}
	raw := top / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if !share && step < 1 {
		step = 1
	}
	return step, int(math.Ceil(top/step - 1e-9))
}

func percent(f float64) string {
	p := f * 100
	switch {
	case p == 0:
		return "0%"
	case p < 1:
		return strconv.FormatFloat(p, 'f', 2, 64) + "%"
	case p < 10:
		return strconv.FormatFloat(p, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(p, 'f', 0, 64) + "%"
}

// periodName names a period: a day, the Monday of a week, a month, a year.
func periodName(p period, interval, ui string) string {
	switch interval {
	case intervalYear:
		return strconv.Itoa(p.From.Year())
	case intervalMonth:
		return monthName(ui, p.From.Month()) + " " + strconv.Itoa(p.From.Year())
	}
	return p.From.Format(time.DateOnly)
}
