package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"kerko/query"
)

// researchLinks lead from a results page to the same search compared over
// time, downloaded, subscribed to, and to the syntax help.
type researchLinks struct {
	Trends, Export, Feed, Help string
}

// newResearchLinks makes the links of the search with parameters v.
func newResearchLinks(v url.Values) researchLinks {
	pick := func(keys ...string) url.Values {
		out := url.Values{}
		for _, k := range keys {
			for _, val := range v[k] {
				if val != "" {
					out.Add(k, val)
				}
			}
		}
		return out
	}
	filters := []string{"q", "lang", "country", "country_mode", "org", "person", "source", "from", "to"}
	trends := pick(append(filters, "ui")...)
	export := pick(append(filters, "undated", "sort")...)
	export.Set("format", "csv")
	feed := pick(append(filters, "undated")...)
	help := pick("ui")
	return researchLinks{
		Trends: "/trends?" + trends.Encode(),
		Export: "/api/export?" + export.Encode(),
		Feed:   "/feed.atom?" + feed.Encode(),
		Help:   "/help?" + help.Encode(),
	}
}

type helpPage struct {
	UI          string
	UILinks     []link
	Rows        []helpRow
	ExportLimit int
}

// helpRow is one form of the query language: an example and what it means.
type helpRow struct {
	Example, URL, Meaning string
}

// helpExamples are the forms the help page shows, in order; their meanings
// are the messages "syntax_"+key.
var helpExamples = []struct{ key, example string }{
	{"words", "Kazakistan sınır"},
	{"phrase", `"stratejik ortaklık"`},
	{"or", "Kazakhstan OR Kyrgyzstan"},
	{"exclude", "Kosovo -Serbia"},
	{"not", "Kosovo NOT Serbia"},
	{"group", "(Kazakhstan OR Kyrgyzstan) border"},
	{"title", "title:sınır"},
	{"prefix", "Kırgız*"},
	{"near", `"Erdoğan Tokayev"~5`},
	{"lang", "lang:tr sınır"},
	{"country", "country:Kazakistan"},
	{"org", "org:NATO"},
	{"person", "person:Tokayev"},
	{"source", `source:"Anadolu"`},
	{"from", "from:2020-03 to:2020-06-15"},
}

// handleHelp serves the query syntax, with examples that are links.
func (s *Server) handleHelp(c echo.Context) error {
	ui := uiFor(c)
	p := helpPage{UI: ui, ExportLimit: s.cfg.ExportLimit}
	for _, ex := range helpExamples {
		p.Rows = append(p.Rows, helpRow{Example: ex.example, URL: exampleURL(ex.example, params(c).Get("ui")), Meaning: helpVars.Replace(T(ui, "syntax_"+ex.key))})
	}
	for _, l := range uiLangs {
		p.UILinks = append(p.UILinks, link{Label: strings.ToUpper(l), URL: "/help?ui=" + l, Active: l == ui})
	}
	return s.render(c, http.StatusOK, "help.html", p, maxPageBytes)
}

// helpVars fills the bounds into the help's meanings.
var helpVars = strings.NewReplacer("{min}", strconv.Itoa(query.MinPrefix), "{slop}", strconv.Itoa(query.MaxSlop))

// exampleURL is a search for an example of the help page.
func exampleURL(q, ui string) string {
	v := url.Values{"q": {q}}
	if ui != "" && ui != "en" {
		v.Set("ui", ui)
	}
	return "/?" + v.Encode()
}

func init() {
	funcs["exampleURL"] = exampleURL
	funcs["itoa"] = strconv.Itoa
}
