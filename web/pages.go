package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/index"
)

// facetTop is how many values a facet group shows before "more".
const facetTop = 8

var funcs = template.FuncMap{
	"T":   T,
	"raw": func(s string) template.HTML { return template.HTML(s) }, // only for index-escaped snippets
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	},
	"articleURL": articleURL,
}

// articleURL links to an article page; ids may contain "/", which stays a
// separator while every segment is escaped.
func articleURL(id, ui string) string {
	segs := strings.Split(id, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := "/articles/" + strings.Join(segs, "/")
	if ui != "" && ui != "en" {
		u += "?ui=" + url.QueryEscape(ui)
	}
	return u
}

// link is a URL with its label, for sort, page and facet controls.
type link struct {
	Label    string
	URL      string
	Active   bool
	Count    int
	Value    string
	Selected bool
}

type facetGroup struct {
	Name     string
	Title    string
	Values   []link // shown: the top values and every selected one
	More     []link // behind "more"
	Selected int
	ClearURL string // drops this group's filter
}

type hitView struct {
	index.Hit
	URL       string
	LangLabel string
	Places    []link
}

type searchPage struct {
	UI         string
	UILinks    []link
	Query      string
	Req        index.Request
	Result     *index.Result
	Hits       []hitView
	Groups     []facetGroup
	Sorts      []link
	Prev, Next string
	Pages      int
	TookMS     string
	From, To   string
	Filtered   bool
	ClearURL   string
	HiddenVals []link // filters kept by the date form
	Timeline   *timelineView
	// Also names the countries and organizations the query also matched
	// in every language ("Kyrgyzstan, NATO").
	Also          string
	DidYouMean    string
	DidYouMeanURL string
	// Lifted is how the query box was read (querylift.go); Research links
	// the trends, export, feed and syntax pages (research.go).
	Lifted   liftedQuery
	Research researchLinks
}

func (s *Server) handleSearchPage(c echo.Context) error {
	v := c.QueryParams()
	req, err := parseSearch(v)
	if err != nil {
		return err
	}
	ui := uiFor(c)
	lq := liftQuery(&req, ui)
	res, err := s.search(c, req)
	if err != nil {
		return err
	}
	p := searchPage{UI: ui, Query: lq.Raw, Req: req, Result: res, Lifted: lq, Research: newResearchLinks(v),
		TookMS: fmt.Sprintf("%.1f", float64(res.Took.Microseconds())/1000)}
	if !req.From.IsZero() {
		p.From = req.From.Format(time.DateOnly)
	}
	if !req.To.IsZero() {
		p.To = req.To.Format(time.DateOnly)
	}
	for _, l := range uiLangs {
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: withParam(v, "ui", l), Active: l == ui})
	}
	// A country the query named is marked on every hit about it: that is
	// why an article in another language is among the results.
	named := map[string]bool{}
	for _, x := range res.Expanded {
		if x.Kind == index.FacetCountry {
			named[x.ID] = true
		}
	}
	for _, h := range res.Hits {
		hv := hitView{Hit: h, URL: articleURL(h.ID, ui), LangLabel: T(ui, "lang_"+h.Lang)}
		for _, code := range h.Countries {
			hv.Places = append(hv.Places, link{Label: facetLabel("country", code, ui), Value: code,
				URL: toggle(v, "country", code), Selected: contains(req.Countries, code), Active: named[code]})
		}
		p.Hits = append(p.Hits, hv)
	}
	selected := map[string][]string{"lang": req.Langs, "country": req.Countries, "org": req.Orgs}
	for _, g := range index.FacetGroups {
		fg := facetGroup{Name: g, Title: T(ui, g), Selected: len(selected[g])}
		if fg.Selected > 0 {
			fg.ClearURL = "/?" + without(without(v, g), "page").Encode()
		}
		if g == index.FacetYear {
			continue // the timeline above the results does what a year list would
		}
		for i, fv := range res.Facets[g] {
			sel := contains(selected[g], fv.Value)
			l := link{Label: facetLabel(g, fv.Value, ui), URL: toggle(v, g, fv.Value), Count: fv.Count, Value: fv.Value, Selected: sel}
			if i < facetTop || sel {
				fg.Values = append(fg.Values, l)
			} else {
				fg.More = append(fg.More, l)
			}
		}
		// A selected value with no hits left still shows, so it can be removed.
		for _, val := range selected[g] {
			if !hasValue(res.Facets[g], val) {
				fg.Values = append(fg.Values, link{Label: facetLabel(g, val, ui), URL: toggle(v, g, val), Value: val, Selected: true})
			}
		}
		if len(fg.Values) > 0 {
			p.Groups = append(p.Groups, fg)
		}
	}
	for _, so := range []string{index.SortRelevance, index.SortNewest, index.SortOldest} {
		cur := req.Sort
		if cur == "" {
			cur = index.SortRelevance
		}
		p.Sorts = append(p.Sorts, link{Label: T(ui, so), URL: withParam(v, "sort", so), Active: so == cur})
	}
	p.Pages = int((res.Total + uint64(req.Size) - 1) / uint64(req.Size))
	if p.Pages*req.Size > maxResultDepth {
		p.Pages = maxResultDepth / req.Size
	}
	if req.Page > 1 {
		p.Prev = withParam(v, "page", strconv.Itoa(req.Page-1))
	}
	if req.Page < p.Pages {
		p.Next = withParam(v, "page", strconv.Itoa(req.Page+1))
	}
	p.Timeline = newTimeline(v, req, res, ui)
	var also []string
	for _, x := range res.Expanded {
		also = append(also, facetLabel(x.Kind, x.ID, ui))
	}
	p.Also = strings.Join(also, ", ")
	if res.DidYouMean != "" {
		p.DidYouMean = lq.withText(res.DidYouMean)
		p.DidYouMeanURL = withParam(v, "q", p.DidYouMean)
	}
	p.Filtered = len(req.Langs)+len(req.Countries)+len(req.Orgs) > 0 || p.From != "" || p.To != "" || req.Undated != ""
	clear := url.Values{}
	if lq.Raw != "" {
		clear.Set("q", lq.Raw)
	}
	if v.Get("ui") != "" {
		clear.Set("ui", v.Get("ui"))
	}
	p.ClearURL = "/?" + clear.Encode()
	for _, key := range []string{"lang", "country", "org", "undated", "sort", "ui"} {
		for _, val := range v[key] {
			p.HiddenVals = append(p.HiddenVals, link{Label: key, Value: val})
		}
	}
	return s.render(c, http.StatusOK, "search.html", p)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func hasValue(vals []index.FacetValue, v string) bool {
	for _, fv := range vals {
		if fv.Value == v {
			return true
		}
	}
	return false
}

// URL state helpers: each returns a copy, the request's values stay as they are.

func copyValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func with(v url.Values, key, val string) url.Values {
	out := copyValues(v)
	out.Set(key, val)
	return out
}

func without(v url.Values, key string) url.Values {
	out := copyValues(v)
	out.Del(key)
	return out
}

// withParam sets one parameter; changing anything but the page goes back to
// page one.
func withParam(v url.Values, key, val string) string {
	out := with(v, key, val)
	if key != "page" {
		out.Del("page")
	}
	return "/?" + out.Encode()
}

// toggle adds val to the repeatable parameter key, or removes it if present.
func toggle(v url.Values, key, val string) string {
	out := copyValues(v)
	out.Del("page")
	var kept []string
	found := false
	for _, x := range out[key] {
		if strings.EqualFold(x, val) {
			found = true
			continue
		}
		kept = append(kept, x)
	}
	if !found {
		kept = append(kept, val)
	}
	if len(kept) == 0 {
		out.Del(key)
	} else {
		out[key] = kept
	}
	return "/?" + out.Encode()
}

type articlePage struct {
	UI        string
	A         *index.Article
	LangLabel string
	Countries []link
	Orgs      []link
	BackURL   string
	Paras     []string
	Related   []relatedView
	UILinks   []link
}

// relatedView is a related article with why it is related.
type relatedView struct {
	index.Related
	URL       string
	LangLabel string
	Shared    []string // country and organization names
}

func (s *Server) handleArticlePage(c echo.Context) error {
	id, err := articleID(c, "/articles/")
	if err != nil {
		return err
	}
	a, err := s.article(c, id)
	if err != nil {
		return err
	}
	ui := uiFor(c)
	p := articlePage{UI: ui, A: a, LangLabel: T(ui, "lang_"+a.Lang), BackURL: "/"}
	for _, l := range uiLangs {
		// Explicit even for English: without ?ui= the browser's language wins.
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: articleURL(id, "") + "?ui=" + l, Active: l == ui})
	}
	if ui != "en" {
		p.BackURL = "/?ui=" + ui
	}
	base := url.Values{}
	if c.QueryParam("ui") != "" {
		base.Set("ui", ui)
	}
	for _, m := range a.Countries {
		p.Countries = append(p.Countries, link{Label: facetLabel("country", m.ID, ui), Value: m.ID, Count: m.Count, URL: withParam(base, "country", m.ID)})
	}
	for _, m := range a.Orgs {
		p.Orgs = append(p.Orgs, link{Label: facetLabel("org", m.ID, ui), Value: m.ID, Count: m.Count, URL: withParam(base, "org", m.ID)})
	}
	for _, para := range strings.Split(a.Body, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			p.Paras = append(p.Paras, para)
		}
	}
	related, err := s.related(c, id)
	if err != nil {
		return err
	}
	for _, r := range related {
		rv := relatedView{Related: r, URL: articleURL(r.ID, c.QueryParam("ui")), LangLabel: T(ui, "lang_"+r.Lang)}
		for _, code := range r.SharedCountries {
			rv.Shared = append(rv.Shared, facetLabel("country", code, ui))
		}
		for _, id := range r.SharedOrgs {
			rv.Shared = append(rv.Shared, facetLabel("org", id, ui))
		}
		p.Related = append(p.Related, rv)
	}
	return s.render(c, http.StatusOK, "article.html", p)
}
