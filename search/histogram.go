package search

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"kerko/index"
)

// The timeline counts hits per month from the month keyword field. It is
// the date range's facet: like a multi-select facet group it ignores the
// date filter it drives (and the undated option), so the bars outside a
// selected period stay visible and clickable.

const (
	monthLayout = "2006-01"
	// dayLayout is how fieldDate holds a date: one keyword term per
	// article whose byte order is date order (years 0000–9999).
	dayLayout = "20060102"
	// undatedMonth is the month of an article without a date.
	undatedMonth = "undated"
	// dateGroup names the date filter (range and undated option together).
	dateGroup = "date"
	// timelineFacet names the month facet request.
	timelineFacet = "month"
	// monthFacetSize holds every month of a century: over an alias each
	// member returns only its top terms, so a smaller size would lose bars.
	monthFacetSize = 100*12 + 1
	// maxMonthBars: a longer span is drawn per year.
	maxMonthBars = 60
)

// Undated options of a Request: what happens to articles without a date.
const (
	UndatedDefault = ""        // included, unless a date range is set
	UndatedInclude = "include" // included, also beside a date range
	UndatedExclude = "exclude" // never included
	UndatedOnly    = "only"    // only undated articles (the date range is ignored)
)

// Timeline intervals.
const (
	IntervalMonth = "month"
	IntervalYear  = "year"
)

// Bucket is one bar of the timeline: the number of hits dated From to To
// (inclusive days).
type Bucket struct {
	From, To time.Time
	Count    int
}

// validUndated checks a Request's Undated option.
func validUndated(u string) error {
	switch u {
	case UndatedDefault, UndatedInclude, UndatedExclude, UndatedOnly:
		return nil
	}
	return fmt.Errorf("%w: unknown undated option %q (want include, exclude or only)", ErrBadRequest, u)
}

// dateFilter is the filter of the date range and the undated option, or
// nil when they filter nothing.
func dateFilter(req Request) bquery.Query {
	undated := bleve.NewTermQuery(undatedMonth)
	undated.SetField(index.FieldMonth)
	if req.Undated == UndatedOnly {
		return undated
	}
	var rq bquery.Query
	if !req.From.IsZero() || !req.To.IsZero() {
		// Both days inclusive; "" leaves that end open.
		var from, to string
		if !req.From.IsZero() {
			from = req.From.Format(dayLayout)
		}
		if !req.To.IsZero() {
			to = req.To.Format(dayLayout)
		}
		incl := true
		dq := bleve.NewTermRangeInclusiveQuery(from, to, &incl, &incl)
		dq.SetField(index.FieldDate)
		rq = dq
	}
	switch {
	case rq == nil && req.Undated == UndatedExclude:
		b := bleve.NewBooleanQuery()
		b.AddMust(bleve.NewMatchAllQuery())
		b.AddMustNot(undated)
		return b
	case rq == nil:
		return nil
	case req.Undated == UndatedInclude:
		return bleve.NewDisjunctionQuery(rq, undated)
	}
	return rq
}

// timeline turns month facet counts into bars, filling empty months or
// years between the first and the last, and counts the undated hits apart.
// A span too long for months is drawn per year, unless the date range
// [from, to] lies within few enough whole years: then those years are
// drawn per month, so that choosing a year zooms into its months.
func timeline(vals []FacetValue, from, to time.Time) (bars []Bucket, interval string, undated int, zoomed bool) {
	counts := map[time.Time]int{}
	var first, last time.Time
	for _, v := range vals {
		if v.Value == undatedMonth {
			undated += v.Count
			continue
		}
		m, err := time.Parse(monthLayout, v.Value)
		if err != nil {
			continue
		}
		counts[m] += v.Count
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	if len(counts) == 0 {
		return []Bucket{}, IntervalMonth, undated, false
	}
	months := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	if months > maxMonthBars && (!from.IsZero() || !to.IsZero()) {
		// Whole years: the chosen period among its neighbours.
		fy, ly := first.Year(), last.Year()
		if !from.IsZero() && from.Year() > fy {
			fy = from.Year()
		}
		if !to.IsZero() && to.Year() < ly {
			ly = to.Year()
		}
		zf, zl := time.Date(fy, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(ly, 12, 1, 0, 0, 0, 0, time.UTC)
		if n := (zl.Year()-zf.Year())*12 + int(zl.Month()-zf.Month()) + 1; n > 0 && n <= maxMonthBars {
			first, last, months, zoomed = zf, zl, n, true
		}
	}
	if months <= maxMonthBars {
		for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
			bars = append(bars, Bucket{From: m, To: m.AddDate(0, 1, -1), Count: counts[m]})
		}
		return bars, IntervalMonth, undated, zoomed
	}
	byYear := map[int]int{}
	for m, n := range counts {
		byYear[m.Year()] += n
	}
	for y := first.Year(); y <= last.Year(); y++ {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		bars = append(bars, Bucket{From: from, To: from.AddDate(1, 0, -1), Count: byYear[y]})
	}
	return bars, IntervalYear, undated, false
}
