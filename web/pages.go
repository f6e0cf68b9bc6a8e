package web

import (
	"context"
	"html"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/highlight"
	"kerko/index"
	"kerko/search"
)

// facetTop is how many values a facet group shows before "more".
const facetTop = 8

// Bounds on what one hit shows, so that a page's size depends on the
// query limits only, never on an article: a title is clipped (the corpus
// clips titles too, this guards the page), and a hit shows at most
// hitPlaces of its countries.
const (
	maxListTitle = 300 // runes
	maxSource    = 100 // runes
	hitPlaces    = 8
	// placeLinkState is the longest search state (encoded) whose hits'
	// country tags are links. Every link of a page repeats the state, and
	// the tags are most of the links (8 per hit); a state this long is a
	// query of hundreds of bytes, whose reader filters with the facets.
	placeLinkState = 1 << 10
)

var funcs = template.FuncMap{
	"T":   T,
	"Tf":  Tf,
	"raw": func(s string) template.HTML { return template.HTML(s) }, // only for index-escaped snippets
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	},
	"static":  staticURL,
	"langTag": langTag,
}

// langTag is the lang attribute of text in an article's language: empty
// (unknown) for an undetermined one, never the page's.
func langTag(lang string) string {
	switch lang {
	case "sq", "tr", "en":
		return lang
	}
	return ""
}

// articleURL links to an article page; ids may contain "/", which stays a
// separator while every segment is escaped. state is the search the link
// is followed from (nil for none), for the article page's back link.
func articleURL(id string, state url.Values) string {
	segs := strings.Split(id, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := "/articles/" + strings.Join(segs, "/")
	if len(state) > 0 {
		u += "?" + state.Encode()
	}
	return u
}

// uiState is the state links keep for an interface language chosen by ?ui=.
func uiState(ui string) url.Values {
	if ui == "" || ui == "en" || !isUILang(ui) {
		return nil
	}
	return url.Values{"ui": {ui}}
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
	// Modes, for countries chosen, switch between articles about any and
	// about all of them (country_mode).
	Modes     []link
	ModeLabel string
}

type hitView struct {
	search.Hit
	TitleHTML template.HTML
	URL       string
	LangLabel string
	Places    []link
	MorePlace int // countries not shown
}

type searchPage struct {
	UI         string
	UILinks    []link
	Query      string
	Req        search.Request
	Result     *search.Result
	Hits       []hitView
	Groups     []facetGroup
	Sorts      []link
	Prev, Next string
	Pages      int
	TookMS     string // "" when it rounds to 0
	From, To   string
	Filtered   int // filter groups in use, for the Filters button
	ClearURL   string
	HiddenVals []link // filters kept by the search box and the date form
	Timeline   *timelineView
	Browsing   bool // no words: a list of articles, not a ranking
	// Also names the countries, organizations and persons the query also
	// matched in every language ("Kyrgyzstan, NATO, Kassym-Jomart Tokayev").
	Also          string
	DidYouMean    string
	DidYouMeanURL string
	// Relaxed says that no article has every word and the hits have most
	// of them.
	Relaxed string
	// Empty says why nothing matched; Drops are the filters whose removal
	// alone finds articles, with how many.
	Empty string
	Drops []link
	// Read is how the query box was read (queryread.go), and LiftedLinks
	// its filters, each with the search without it; Research links the
	// trends, export, feed and syntax pages (research.go).
	Read        queryReading
	LiftedLinks []link
	Research    researchLinks
	// Telling are the telling words of the search (terms.go), nil for none.
	Telling *tellingPanel
}

func (s *Server) handleSearchPage(c echo.Context) error {
	req, err := parseSearch(params(c))
	if err != nil {
		return err
	}
	ui := uiFor(c)
	// Every link of the page is made from this: the validated search as
	// the address gave it (before the query's field filters are lifted),
	// and ui only if it was asked for.
	v := searchValues(req, params(c).Get("ui"))
	qr := readQuery(req, ui)
	res, err := s.search(c, req)
	if err != nil {
		return err
	}
	qr.withResult(res, ui)
	var empty string
	var drops []link
	var telling *tellingPanel
	if len(res.Hits) == 0 && !(req.CountOnly && res.Total > 0) {
		// Before the page slot is taken: these are searches.
		empty, drops = s.emptyState(c, req, res, v, ui)
	} else if len(res.Hits) > 0 {
		// A count (size=0) shows no hits, and no words read from them.
		if params(c).Get(tellingParam) == "1" {
			telling = s.newTellingPanel(c, req, v)
		} else {
			telling = lazyTellingPanel(req, v)
		}
	}
	// Building the page costs memory in proportion to its size; at most
	// MaxSearches pages are built at once (the page's share of admission).
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	if err := s.pages.acquire(ctx); err != nil {
		return err
	}
	defer s.pages.release(ctx)
	p := searchPage{UI: ui, Query: qr.Raw, Req: req, Result: res, Browsing: qr.Raw == "", Empty: empty, Drops: drops,
		Read: qr, LiftedLinks: qr.liftedLinks(v), Research: newResearchLinks(v), Telling: telling}
	// The dates in force, the query's from: and to: included.
	eff := req
	eff.From, eff.To = qr.rd.From, qr.rd.To
	if ms := float64(res.Took.Microseconds()) / 1000; ms >= 0.5 {
		p.TookMS = strconv.FormatFloat(math.Round(ms), 'f', 0, 64)
	}
	if !eff.From.IsZero() {
		p.From = eff.From.Format(time.DateOnly)
	}
	if !eff.To.IsZero() {
		p.To = eff.To.Format(time.DateOnly)
	}
	for _, l := range uiLangs {
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: withParam(v, "ui", l), Active: l == ui})
	}
	// A country the query named is marked on every hit about it: that is
	// why an article in another language is among the results.
	named := map[string]bool{}
	for _, x := range res.Expanded {
		if x.Kind == search.FacetCountry {
			named[x.ID] = true
		}
	}
	placeLinks := len(v.Encode()) <= placeLinkState
	for _, h := range res.Hits {
		hv := hitView{Hit: h, TitleHTML: template.HTML(clipMarked(h.TitleHTML, maxListTitle)), URL: articleURL(h.ID, v), LangLabel: T(ui, "lang_"+h.Lang)}
		hv.Title = clipText(h.Title, maxListTitle)
		hv.Source = clipText(h.Source, maxSource)
		for i, code := range h.Countries {
			if i == hitPlaces {
				hv.MorePlace = len(h.Countries) - i
				break
			}
			sel, _ := qr.rd.Selected(search.FacetCountry, code)
			pl := link{Label: facetLabel("country", code, ui), Value: code, Selected: sel, Active: named[code]}
			if placeLinks {
				pl.URL = toggle(v, "country", code)
			}
			hv.Places = append(hv.Places, pl)
		}
		p.Hits = append(p.Hits, hv)
	}
	for _, g := range search.FacetGroups {
		if g == search.FacetYear {
			continue // the timeline above the results does what a year list would
		}
		if fg, ok := facetGroupOf(g, v, qr, res, ui); ok {
			p.Groups = append(p.Groups, fg)
		}
	}
	p.Sorts = sortLinks(v, qr.rd.Rankable(), req.Sort, ui)
	if req.Size > 0 { // size=0 counts: no pages of hits
		p.Pages = int((res.Total + uint64(req.Size) - 1) / uint64(req.Size))
		if p.Pages*req.Size > maxResultDepth {
			p.Pages = maxResultDepth / req.Size
		}
	}
	if req.Page > 1 {
		p.Prev = withParam(v, "page", strconv.Itoa(req.Page-1))
	}
	if req.Page < p.Pages {
		p.Next = withParam(v, "page", strconv.Itoa(req.Page+1))
	}
	p.Timeline = newTimeline(v, eff, res, ui)
	var also []string
	for _, x := range res.Expanded {
		also = append(also, labelIn(res.Names, x.Kind, x.ID, ui))
	}
	p.Also = strings.Join(also, ", ")
	if res.DidYouMean != "" {
		p.DidYouMean = res.DidYouMean
		p.DidYouMeanURL = withParam(v, "q", p.DidYouMean)
	}
	if r := res.Relaxed; r != nil {
		p.Relaxed = Tf(ui, "relaxed", r.Matched, r.Of)
	}
	p.Filtered = len(activeFilters(req, ui, res.Names)) + len(qr.rd.Lifted)
	// Clearing the filters clears those typed in the box too.
	clear := url.Values{}
	if q := qr.textOnly(); q != "" {
		clear.Set("q", q)
	}
	if ui := v.Get("ui"); ui != "" {
		clear.Set("ui", ui)
	}
	p.ClearURL = "/?" + clear.Encode()
	p.HiddenVals = hiddenVals(v)
	return s.render(c, http.StatusOK, "search.html", p, maxPageBytes)
}

// countryModes are the links between articles about any and about all of
// the chosen countries, the one in effect marked.
func countryModes(v url.Values, ui string) (string, []link) {
	all := v.Get("country_mode") == search.CountryAll
	return T(ui, "cmode"), []link{
		{Label: T(ui, "cmode_any"), URL: "/?" + without(without(v, "country_mode"), "page").Encode(), Active: !all},
		{Label: T(ui, "cmode_all"), URL: withParam(v, "country_mode", search.CountryAll), Active: all},
	}
}

// hiddenVals are the parameters the search box and the date form carry
// along: the filters, the sort and the interface language of v.
func hiddenVals(v url.Values) []link {
	var out []link
	for _, key := range []string{"lang", "country", "country_mode", "org", "person", "source", "undated", "sort", "ui"} {
		for _, val := range v[key] {
			out = append(out, link{Label: key, Value: val})
		}
	}
	return out
}

// sortLinks are the sort choices, the one in effect marked. Without words
// and without a country or organization to rank by, a search lists the
// newest articles first whatever relevance would say: then "newest" is
// what is marked, and relevance is not offered.
func sortLinks(v url.Values, ranked bool, sort, ui string) []link {
	cur := sort
	if cur == "" || cur == search.SortRelevance {
		cur = search.SortRelevance
		if !ranked {
			cur = search.SortNewest
		}
	}
	var out []link
	for _, so := range []string{search.SortRelevance, search.SortNewest, search.SortOldest} {
		if so == search.SortRelevance && !ranked {
			continue
		}
		out = append(out, link{Label: T(ui, so), URL: withParam(v, "sort", so), Active: so == cur})
	}
	return out
}

// facetGroupOf is the page's facet group g: its top values and every
// selected one, each a link that selects or unselects it. A value the
// query box selected (country:KZ) unselects by leaving the box without
// it. false when the group has nothing to show.
func facetGroupOf(g string, v url.Values, qr queryReading, res *search.Result, ui string) (facetGroup, bool) {
	param := g
	fg := facetGroup{Name: g, Title: T(ui, g)}
	toggleURL := func(val string) (string, bool) {
		sel, lifted := qr.rd.Selected(g, val)
		if !lifted {
			return toggle(v, param, val), sel
		}
		// Out of the box, and out of the parameters if they name it too.
		u := without(v, "page")
		u[param] = slices.DeleteFunc(slices.Clone(u[param]), func(x string) bool { return strings.EqualFold(x, val) })
		if len(u[param]) == 0 {
			u.Del(param)
		}
		return withQuery(u, qr.withoutValue(g, val)), true
	}
	for i, fv := range res.Facets[g] {
		u, sel := toggleURL(fv.Value)
		l := link{Label: labelIn(res.Names, g, fv.Value, ui), URL: u, Count: fv.Count, Value: fv.Value, Selected: sel}
		if sel {
			fg.Selected++
		}
		if i < facetTop || sel {
			fg.Values = append(fg.Values, l)
		} else {
			fg.More = append(fg.More, l)
		}
	}
	// A selected value with no hits left still shows, so it can be removed.
	for _, val := range selectedValues(qr.rd, g, v[param]) {
		if !hasValue(res.Facets[g], val) {
			u, _ := toggleURL(val)
			fg.Values = append(fg.Values, link{Label: labelIn(res.Names, g, val, ui), URL: u, Value: val, Selected: true})
			fg.Selected++
		}
	}
	if fg.Selected > 0 {
		fg.ClearURL = withQuery(without(v, param), qr.withoutValue(g, ""))
	}
	if g == search.FacetCountry && len(v[param]) > 0 {
		// The mode combines the countries the parameters choose; it goes
		// with them.
		fg.ClearURL = withQuery(without(without(v, param), "country_mode"), qr.withoutValue(g, ""))
		fg.ModeLabel, fg.Modes = countryModes(v, ui)
	}
	return fg, len(fg.Values) > 0
}

// selectedValues are the values of group g in force: the parameters' and
// those lifted from the query box.
func selectedValues(rd *search.Reading, g string, params []string) []string {
	out := slices.Clone(params)
	for _, l := range rd.Lifted {
		if groupOfField[l.Field] == g {
			out = append(out, l.Values...)
		}
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(out, func(s string) bool {
		k := strings.ToLower(s)
		if seen[k] || s == search.NoLang {
			return true
		}
		seen[k] = true
		return false
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func hasValue(vals []search.FacetValue, v string) bool {
	for _, fv := range vals {
		if fv.Value == v {
			return true
		}
	}
	return false
}

// clipText cuts s to at most n runes, marking the cut with "…".
func clipText(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// clipMarked cuts index-made HTML (escaped text with <mark> and </mark>)
// to at most n visible runes, counting an entity as one and closing a mark
// left open. Only that HTML comes here: the index escapes the text itself.
func clipMarked(h string, n int) string {
	var b strings.Builder
	open := false
	for i := 0; i < len(h); {
		switch {
		case strings.HasPrefix(h[i:], "<mark>"):
			b.WriteString("<mark>")
			open = true
			i += len("<mark>")
			continue
		case strings.HasPrefix(h[i:], "</mark>"):
			b.WriteString("</mark>")
			open = false
			i += len("</mark>")
			continue
		}
		if n == 0 {
			if open {
				b.WriteString("</mark>")
			}
			b.WriteString("…")
			return b.String()
		}
		j := i + 1
		if h[i] == '&' {
			if k := strings.IndexByte(h[i:], ';'); k > 0 && k < 12 {
				j = i + k + 1
			}
		} else {
			for j < len(h) && h[j]&0xC0 == 0x80 {
				j++
			}
		}
		b.WriteString(h[i:j])
		i = j
		n--
	}
	return b.String()
}

// URL state helpers: each returns a copy, the values given stay as they are.

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
	Lang      string // the article's lang attribute
	LangLabel string
	Countries []link
	Orgs      []link
	People    []link
	BackURL   string
	// Query and HiddenVals fill the search box with the search the
	// article was opened from.
	Query      string
	HiddenVals []link
	Paras      []template.HTML
	Related    []relatedView
	UILinks    []link
}

// relatedView is a related article with why it is related.
type relatedView struct {
	search.Related
	URL       string
	LangLabel string
	Shared    []string // country, organization and person names
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
	askedUI := params(c).Get("ui")
	// The search the article was opened from comes along in the address;
	// a state that is not a valid search is dropped, never an error: the
	// article is what was asked for.
	req, err := parseSearch(params(c))
	if err != nil {
		req = search.Request{}
	}
	state := searchValues(req, askedUI)
	p := articlePage{UI: ui, A: a, Lang: langTag(a.Lang), LangLabel: T(ui, "lang_"+a.Lang),
		BackURL: "/?" + state.Encode(), Query: req.Query, HiddenVals: hiddenVals(state)}
	if len(state) == 0 {
		p.BackURL = "/"
	}
	for _, l := range uiLangs {
		// Explicit even for English: without ?ui= the browser's language wins.
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: articleURL(id, with(state, "ui", l)), Active: l == ui})
	}
	base := uiState(askedUI)
	for _, m := range a.Countries {
		p.Countries = append(p.Countries, link{Label: facetLabel("country", m.ID, ui), Value: m.ID, Count: m.Count, URL: withParam(base, "country", m.ID)})
	}
	for _, m := range a.Orgs {
		p.Orgs = append(p.Orgs, link{Label: facetLabel("org", m.ID, ui), Value: m.ID, Count: m.Count, URL: withParam(base, "org", m.ID)})
	}
	for _, m := range a.People {
		p.People = append(p.People, link{Label: m.Name, Value: m.ID, Count: m.Mentions, URL: withParam(base, "person", m.ID)})
	}
	related, err := s.related(c, id)
	if err != nil {
		return err
	}
	// An article page costs a few times its body (marked paragraphs, the
	// page), several MiB for the longest body the corpus reader keeps
	// (1 MiB): like a results page, at most MaxSearches are built at once.
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	if err := s.pages.acquire(ctx); err != nil {
		return err
	}
	defer s.pages.release(ctx)
	p.Paras = articleParagraphs(a, req)
	for _, r := range related {
		rv := relatedView{Related: r, URL: articleURL(r.ID, state), LangLabel: T(ui, "lang_"+r.Lang)}
		rv.Title = clipText(r.Title, maxListTitle)
		for _, code := range r.SharedCountries {
			rv.Shared = append(rv.Shared, facetLabel("country", code, ui))
		}
		for _, id := range r.SharedOrgs {
			rv.Shared = append(rv.Shared, facetLabel("org", id, ui))
		}
		for _, m := range r.SharedPeople {
			rv.Shared = append(rv.Shared, m.Name)
		}
		p.Related = append(p.Related, rv)
	}
	return s.render(c, http.StatusOK, "article.html", p, maxPageBytes+8*(len(a.Body)+len(a.Title)))
}

// articleParagraphs is the article's text as escaped HTML paragraphs, with
// what the search it was opened from (req) matched in <mark>: the query's
// words, the names of the countries and organizations and the surnames of
// the persons it named or chose as filters, as snippets mark them.
func articleParagraphs(a *index.Article, req search.Request) []template.HTML {
	// Marker reads the box as a search does: country:Kazakistan there is a
	// chosen country too.
	var hl *highlight.Highlighter
	if req.Query != "" || len(req.Countries)+len(req.Orgs)+len(req.People) > 0 {
		hl = search.Marker(req)
	}
	var out []template.HTML
	for _, para := range strings.Split(a.Body, "\n") {
		if para = strings.TrimSpace(para); para == "" {
			continue
		}
		if hl == nil {
			out = append(out, template.HTML(html.EscapeString(para)))
		} else {
			// Title marks a whole text and escapes it.
			out = append(out, template.HTML(hl.Title(para, a.Lang)))
		}
	}
	return out
}
