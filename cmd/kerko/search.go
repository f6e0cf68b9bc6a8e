package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"kerko/index"
	"kerko/query"
	"kerko/search"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", stderr)
	dir := fs.String("index", defaultIndexDir(), "index directory")
	var langs, countries, orgs, people, sources listFlag
	fs.Var(&langs, "lang", "language filter: sq, tr, en or und (repeatable)")
	fs.Var(&countries, "country", "country filter, ISO 3166-1 alpha-2 (repeatable)")
	fs.Var(&orgs, "org", "organization filter (repeatable)")
	fs.Var(&people, "person", "person filter by id, e.g. recep-tayyip-erdogan (repeatable)")
	fs.Var(&sources, "source", "source filter, as written (repeatable)")
	from := fs.String("from", "", "first day, YYYY-MM-DD")
	to := fs.String("to", "", "last day, YYYY-MM-DD")
	undated := fs.String("undated", "", "articles without a date: include, exclude or only (default: included unless a date range is set)")
	sortBy := fs.String("sort", "relevance", "relevance, newest or oldest")
	page := fs.Int("page", 1, "page, from 1")
	size := fs.Int("size", 10, "hits per page")
	asJSON := fs.Bool("json", false, "print one JSON line")
	repeat := fs.Int("repeat", 1, "run the search N times after one warm-up and report timings")
	noFacets := fs.Bool("no-facets", false, "do not compute facet counts")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	req := search.Request{
		Query: strings.Join(fs.Args(), " "), Langs: langs, Countries: upper(countries), Orgs: upper(orgs), People: people, Sources: sources,
		Sort: *sortBy, Page: *page, Size: *size, NoFacets: *noFacets, Undated: *undated,
	}
	var err error
	if req.From, err = optDate("from", *from); err != nil {
		return err
	}
	if req.To, err = optDate("to", *to); err != nil {
		return err
	}
	if *repeat < 1 {
		return fmt.Errorf("--repeat must be at least 1")
	}
	ix, err := search.Open(*dir)
	if errors.Is(err, index.ErrNoIndex) {
		// The index says how to build one; a search may also just be
		// looking in the wrong place.
		return fmt.Errorf("%w\n  or search an index elsewhere: kerko search --index DIR QUERY", err)
	}
	if err != nil {
		return err
	}
	defer ix.Close()

	var res *search.Result
	var times []float64
	runs := *repeat
	if runs > 1 || *asJSON {
		// One untimed warm-up, so the figures describe a warm index.
		if _, err := ix.Search(ctx, req); err != nil {
			return err
		}
	}
	for i := 0; i < runs; i++ {
		start := time.Now()
		res, err = ix.Search(ctx, req)
		if err != nil {
			return err
		}
		times = append(times, float64(time.Since(start).Nanoseconds())/1e6)
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(searchJSON(res, times))
	}
	printResult(stdout, res, times)
	return nil
}

func upper(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = strings.ToUpper(s)
	}
	return out
}

func optDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s %q: want YYYY-MM-DD", name, s)
	}
	return t, nil
}

// timing summarises run times in milliseconds.
type timing struct {
	Runs int     `json:"runs"`
	Mean float64 `json:"mean"`
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
}

func summarize(ms []float64) timing {
	s := append([]float64(nil), ms...)
	sort.Float64s(s)
	sum := 0.0
	for _, x := range s {
		sum += x
	}
	pct := func(p float64) float64 { return s[min(len(s)-1, int(p*float64(len(s))))] }
	return timing{Runs: len(s), Mean: sum / float64(len(s)), P50: pct(0.5), P95: pct(0.95)}
}

func searchJSON(res *search.Result, times []float64) map[string]any {
	hits := []map[string]any{}
	for _, h := range res.Hits {
		var date any
		if !h.Date.IsZero() {
			date = h.Date.Format(time.DateOnly)
		}
		people := []map[string]any{}
		for _, p := range h.People {
			people = append(people, map[string]any{"id": p.ID, "name": p.Name, "mentions": p.Mentions})
		}
		hits = append(hits, map[string]any{"id": h.ID, "title": h.Title, "lang": h.Lang, "date": date,
			"countries": h.Countries, "orgs": h.Orgs, "people": people, "score": h.Score, "snippet": h.Snippet})
	}
	facets := map[string]any{}
	for g, vals := range res.Facets {
		list := []map[string]any{}
		for _, v := range vals {
			list = append(list, map[string]any{"value": v.Value, "count": v.Count})
		}
		facets[g] = list
	}
	histogram := []map[string]any{}
	for _, b := range res.Timeline {
		histogram = append(histogram, map[string]any{"from": b.From.Format(time.DateOnly), "to": b.To.Format(time.DateOnly), "count": b.Count})
	}
	var dym any
	if res.DidYouMean != "" {
		dym = res.DidYouMean
	}
	notes := []string{}
	for _, n := range res.Notes {
		notes = append(notes, noteText(n))
	}
	return map[string]any{"op": "search", "query": res.Query.String(), "total": res.Total,
		"ms": summarize(times), "hits": hits, "facets": facets,
		"histogram": histogram, "undated": res.Undated, "did_you_mean": dym, "notes": notes}
}

func printResult(w io.Writer, res *search.Result, times []float64) {
	t := summarize(times)
	fmt.Fprintf(w, "%d results (%.2f ms)\n", res.Total, t.P50)
	for i, h := range res.Hits {
		date := "undated"
		if !h.Date.IsZero() {
			date = h.Date.Format(time.DateOnly)
		}
		fmt.Fprintf(w, "%2d. %s  [%s %s %s]  %s\n", i+1, h.Title, h.Lang, date, strings.Join(h.Countries, ","), h.ID)
	}
	if res.DidYouMean != "" {
		fmt.Fprintf(w, "did you mean: %s\n", res.DidYouMean)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "note: %s\n", noteText(n))
	}
	for _, x := range res.Expanded {
		fmt.Fprintf(w, "also matching articles about %s %s in all languages\n", x.Kind, x.ID)
	}
	var parts []string
	for _, b := range res.Timeline {
		if b.Count == 0 {
			continue
		}
		label := b.From.Format("2006-01")
		if res.Interval == "year" {
			label = b.From.Format("2006")
		}
		parts = append(parts, fmt.Sprintf("%s %d", label, b.Count))
	}
	switch {
	case len(parts) > 0 && res.Undated > 0:
		fmt.Fprintf(w, "timeline (per %s): %s; undated %d\n", res.Interval, strings.Join(parts, ", "), res.Undated)
	case len(parts) > 0:
		fmt.Fprintf(w, "timeline (per %s): %s\n", res.Interval, strings.Join(parts, ", "))
	case res.Undated > 0:
		fmt.Fprintf(w, "timeline: none dated; undated %d\n", res.Undated)
	}
	for _, g := range search.FacetGroups {
		vals := res.Facets[g]
		if len(vals) == 0 {
			continue
		}
		var parts []string
		for i, v := range vals {
			if i == 10 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, fmt.Sprintf("%s %d", v.Value, v.Count))
		}
		fmt.Fprintf(w, "%s: %s\n", g, strings.Join(parts, ", "))
	}
}

// noteText says what a search's note means, as the search page's English
// notes do.
func noteText(n search.Note) string {
	switch n.Kind {
	case search.NoteBadDate:
		return fmt.Sprintf("%s:%s is not a date (YYYY, YYYY-MM or YYYY-MM-DD): ignored", n.Field, n.Text)
	case search.NoteShortPrefix:
		return fmt.Sprintf("%s: a prefix needs at least %d letters: searched as a word", n.Text, query.MinPrefix)
	case search.NoteSlop:
		return fmt.Sprintf("~%s is more than ~%d: taken as ~%d", n.Text, query.MaxSlop, query.MaxSlop)
	case search.NoteTruncated:
		return fmt.Sprintf("only the first %d words were kept", query.MaxTerms)
	case search.NoteEmptyRange:
		return fmt.Sprintf("from: is after to: (%s): both ignored", n.Text)
	case search.NoteUnknownLang, search.NoteUnknownCountry, search.NoteUnknownOrg:
		return fmt.Sprintf("no %s %q: ignored", map[string]string{"lang": "language", "country": "country", "org": "organization"}[n.Field], n.Text)
	case search.NotePrefixCut:
		return fmt.Sprintf("%s* begins %d words: the %d most frequent were searched", n.Text, n.Of, n.N)
	}
	return fmt.Sprintf("%s %s", n.Kind, n.Text)
}
