package web

import (
	"net/url"
	"strconv"
	"time"

	"kerko/index"
)

// The timeline is an SVG bar chart drawn on the server: no chart library,
// no script, and every bar is a link that filters to its period.

// Chart geometry in SVG user units; the chart scales to its box.
const (
	tlWidth  = 720.0
	tlChartH = 84.0 // bars
	tlLabelH = 18.0 // year or month labels under the bars
	tlTopPad = 14.0 // room for the count over the highest bar
	// minCountSlot is the narrowest bar slot that can carry its count.
	minCountSlot = 12.0
)

type tlBar struct {
	X, Y, W, H float64 // the visible bar
	CX         float64 // its centre, for the count above it
	HitX, HitW float64 // the clickable slot
	URL        string  // empty for an empty period
	Title      string
	From       string
	Count      int
	Selected   bool // inside the selected date range
	Dim        bool // outside it, when there is one
}

type tlLabel struct {
	X    float64
	Text string
	// Minor labels are hidden on a narrow screen, where the labels are
	// drawn larger (kerko.css) and only every other one fits.
	Minor bool
}

type timelineView struct {
	W, H, BaseY float64
	Bars        []tlBar
	Labels      []tlLabel
	Caption     string // "2022-05 – 2026-02 · per month"
	Undated     int
	UndatedOpts []link
	Label       string // aria-label of the chart
	Counts      bool   // bars are wide enough to carry their counts
	ZoomOutURL  string // back to all years, when zoomed into some
}

var monthNames = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"sq": {"Jan", "Shk", "Mar", "Pri", "Maj", "Qer", "Kor", "Gus", "Sht", "Tet", "Nën", "Dhj"},
	"tr": {"Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"},
}

func monthName(ui string, m time.Month) string {
	names, ok := monthNames[ui]
	if !ok {
		names = monthNames["en"]
	}
	return names[m-1]
}

// periodLabel names a bar's period: "Feb 2026" or "2026".
func periodLabel(b index.Bucket, interval, ui string) string {
	if interval == index.IntervalYear {
		return strconv.Itoa(b.From.Year())
	}
	return monthName(ui, b.From.Month()) + " " + strconv.Itoa(b.From.Year())
}

// newTimeline lays out res's timeline; v are the request's parameters.
func newTimeline(v url.Values, req index.Request, res *index.Result, ui string) *timelineView {
	if len(res.Timeline) == 0 && res.Undated == 0 {
		return nil
	}
	tv := &timelineView{W: tlWidth, H: tlTopPad + tlChartH + tlLabelH, BaseY: tlTopPad + tlChartH, Undated: res.Undated}
	maxCount := 1
	for _, b := range res.Timeline {
		maxCount = max(maxCount, b.Count)
	}
	ranged := !req.From.IsZero() || !req.To.IsZero()
	n := len(res.Timeline)
	slot := tlWidth / float64(max(n, 1))
	gap := min(slot*0.2, 6)
	for i, b := range res.Timeline {
		bar := tlBar{HitX: float64(i) * slot, HitW: slot, Count: b.Count, From: b.From.Format(time.DateOnly)}
		bar.X, bar.W = bar.HitX+gap/2, max(slot-gap, 1)
		bar.CX = bar.HitX + slot/2
		bar.H = tlChartH * float64(b.Count) / float64(maxCount)
		if b.Count > 0 {
			bar.H = max(bar.H, 2) // a single article still shows
		}
		bar.Y = tlTopPad + tlChartH - bar.H
		inRange := ranged && (req.From.IsZero() || !b.To.Before(req.From)) && (req.To.IsZero() || !b.From.After(req.To))
		bar.Selected, bar.Dim = inRange, ranged && !inRange
		bar.Title = Tf(ui, "tl_bar", periodLabel(b, res.Interval, ui), b.Count)
		if b.Count > 0 {
			exact := req.From.Equal(b.From) && req.To.Equal(b.To)
			u := without(without(v, "page"), "undated")
			if exact {
				// A second click on the selected bar clears it.
				u = without(without(u, "from"), "to")
			} else {
				u = with(with(u, "from", b.From.Format(time.DateOnly)), "to", b.To.Format(time.DateOnly))
			}
			bar.URL = "/?" + u.Encode()
		}
		tv.Bars = append(tv.Bars, bar)
	}
	tv.Counts = slot >= minCountSlot
	tv.Labels = timelineLabels(res.Timeline, res.Interval, slot, ui)
	per := T(ui, "permonth")
	if res.Interval == index.IntervalYear {
		per = T(ui, "peryear")
	}
	if n > 0 {
		tv.Caption = periodLabel(res.Timeline[0], res.Interval, ui) + " – " + periodLabel(res.Timeline[n-1], res.Interval, ui) + " · " + per
	}
	tv.Label = T(ui, "timeline") + ": " + tv.Caption
	if res.Zoomed {
		tv.ZoomOutURL = "/?" + without(without(without(without(v, "from"), "to"), "page"), "undated").Encode()
	}

	// The undated option as it stands: by default undated articles are in
	// the results unless a date range is set.
	eff := req.Undated
	if eff == index.UndatedDefault {
		eff = index.UndatedInclude
		if ranged {
			eff = index.UndatedExclude
		}
	}
	for _, opt := range []string{index.UndatedInclude, index.UndatedExclude, index.UndatedOnly} {
		tv.UndatedOpts = append(tv.UndatedOpts, link{Label: T(ui, "undated_"+opt), Value: opt, URL: withParam(v, "undated", opt), Active: opt == eff})
	}
	return tv
}

// timelineLabels puts a label under a bar wherever the year changes (per
// month), or under every year that fits (per year); a short monthly chart
// labels every month.
func timelineLabels(bs []index.Bucket, interval string, slot float64, ui string) []tlLabel {
	var out []tlLabel
	// Label widths in user units: at the chart's width on a wide screen,
	// and on a phone, where the chart is half as wide and its labels are
	// drawn twice as large.
	const minGap, phoneGap = 44.0, 130.0
	lastX, lastMajor := -minGap, -phoneGap
	for i, b := range bs {
		x := float64(i)*slot + slot/2
		var text string
		switch {
		case interval == index.IntervalYear:
			text = strconv.Itoa(b.From.Year())
		case len(bs) <= 12:
			text = monthName(ui, b.From.Month())
			if i == 0 || b.From.Month() == time.January {
				text += " " + strconv.Itoa(b.From.Year())
			}
		case i == 0 || b.From.Month() == time.January:
			text = strconv.Itoa(b.From.Year())
		}
		if text == "" || x-lastX < minGap {
			continue
		}
		minor := x-lastMajor < phoneGap
		if !minor {
			lastMajor = x
		}
		out = append(out, tlLabel{X: x, Text: text, Minor: minor})
		lastX = x
	}
	return out
}
