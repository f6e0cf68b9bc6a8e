package web

import (
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/search"
)

// filterPart is one filter group of a search, as the page names it.
type filterPart struct {
	Label   string                              // "Language: Turkish"
	keys    []string                            // its parameters
	without func(search.Request) search.Request // the search without it
}

// activeFilters lists the filter groups req uses, in the order the page
// shows them; names are the search result's names of persons (nil for
// none).
func activeFilters(req search.Request, ui string, names map[string]string) []filterPart {
	var out []filterPart
	for _, g := range search.FacetGroups {
		vals := req.Filter(g)
		if len(vals) == 0 {
			continue
		}
		labels := make([]string, len(vals))
		for i, v := range vals {
			labels[i] = labelIn(names, g, v, ui)
		}
		out = append(out, filterPart{T(ui, g) + ": " + strings.Join(labels, ", "), []string{g}, func(r search.Request) search.Request {
			r.SetFilter(g, nil)
			return r
		}})
	}
	if !req.From.IsZero() || !req.To.IsZero() {
		var from, to string
		if !req.From.IsZero() {
			from = req.From.Format(time.DateOnly)
		}
		if !req.To.IsZero() {
			to = req.To.Format(time.DateOnly)
		}
		out = append(out, filterPart{T(ui, "dates") + ": " + from + " – " + to, []string{"from", "to"}, func(r search.Request) search.Request {
			r.From, r.To = time.Time{}, time.Time{}
			return r
		}})
	}
	if req.Undated != search.UndatedDefault {
		out = append(out, filterPart{T(ui, "undatedh") + ": " + T(ui, "undated_"+req.Undated), []string{"undated"}, func(r search.Request) search.Request {
			r.Undated = search.UndatedDefault
			return r
		}})
	}
	return out
}

// emptyState says why a page of results is empty and, when filters given
// as parameters emptied it, which single one to remove to find articles
// (each drop's Value says how many it finds). req is the search as the
// address gave it, before the query's field filters are lifted: a link can
// only remove a parameter. One count-only search per filter group in use
// (five at most), each through the search gate and the cache like any
// search; a failed count (the server is busy) only leaves its suggestion
// out.
func (s *Server) emptyState(c echo.Context, req search.Request, res *search.Result, v url.Values, ui string) (string, []link) {
	filters := activeFilters(req, ui, res.Names)
	switch {
	case res.Total > 0:
		return Tf(ui, "pastend", (int(res.Total)+req.Size-1)/req.Size), nil
	case req.Query != "" && len(filters) > 0:
	case req.Query != "":
		return Tf(ui, "noresults_q", req.Query), nil
	case len(filters) > 0:
	default:
		return T(ui, "noresults_none"), nil
	}
	msg := T(ui, "noresults_f")
	if req.Query != "" {
		msg = Tf(ui, "noresults_qf", req.Query)
	}
	// The counts must not change what the page says about its own search.
	cacheState := c.Response().Header().Get(cacheHeader)
	defer c.Response().Header().Set(cacheHeader, cacheState)
	var drops []link
	for _, f := range filters {
		count := f.without(req)
		count.Page, count.Size, count.NoFacets = 1, 1, true
		r, err := s.search(c, count)
		if err != nil {
			break
		}
		if r.Total == 0 {
			continue
		}
		u := without(v, "page")
		for _, k := range f.keys {
			u.Del(k)
		}
		n := Tf(ui, "dropf_n", r.Total)
		if r.Total == 1 {
			n = T(ui, "dropf_1")
		}
		drops = append(drops, link{Label: Tf(ui, "dropf", f.Label), URL: "/?" + u.Encode(), Value: n})
	}
	return msg, drops
}

// errorView is the data of error.html.
type errorView struct {
	UI      string
	UILinks []link
	Code    int
	Message string
	// Query and HiddenVals keep what could be read of the search in the
	// search box; Kept names its filters.
	Query      string
	HiddenVals []link
	Kept       []string
	// FixURL is the corrected search, FixLabel says what was corrected.
	FixURL, FixLabel string
	SearchURL        string // back to the search, as far as it was valid
}

// errorPage makes the page for a failure: the message in the interface's
// language, the search box holding the search as far as it is valid, and
// for a bad parameter the corrected search (correct in params.go).
func (s *Server) errorPage(c echo.Context, f failure) errorView {
	if _, ok := c.Get(ctxValues).(url.Values); !ok {
		// A route without parameters of its own (an unknown address):
		// read the search parameters leniently, for the search box.
		_ = queryParams(c, searchPageParams, false)
	}
	ui := uiFor(c)
	v := params(c)
	p := errorView{UI: ui, Code: f.code, Message: T(ui, f.key), SearchURL: "/"}
	if f.param != nil {
		p.Message = Tf(ui, f.key, append([]any{paramLabel(ui, f.param.param)}, f.param.args...)...)
	}
	req, first, ok := correct(v)
	if !ok {
		req = search.Request{}
	}
	state := searchValues(req, v.Get("ui"))
	p.Query, p.HiddenVals = req.Query, hiddenVals(state)
	if len(state) > 0 {
		p.SearchURL = "/?" + state.Encode()
	}
	for _, fp := range activeFilters(req, ui, nil) {
		p.Kept = append(p.Kept, fp.Label)
	}
	if ok && f.param != nil && (first != nil || f.param.key == "querystring") {
		p.FixURL = p.SearchURL
		switch {
		case first == nil:
			p.FixLabel = T(ui, "fix")
		case first.key == "fromafter":
			p.FixLabel = Tf(ui, "fix_swap", req.From.Format(time.DateOnly), req.To.Format(time.DateOnly))
		case first.value != "":
			p.FixLabel = Tf(ui, "fix_drop", clip(first.value))
		default:
			p.FixLabel = T(ui, "fix")
		}
	}
	for _, l := range uiLangs {
		// The other languages lead to the search as corrected: the links of
		// an error page carry only valid state, like every page's.
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: "/?" + with(state, "ui", l).Encode(), Active: l == ui})
	}
	return p
}
