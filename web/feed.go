package web

import (
	"encoding/xml"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/extract"
	"kerko/search"
)

// A search as an Atom 1.0 feed (RFC 4287) of its newest articles: any feed
// reader becomes an alert. Entry ids are tag: URIs made from the article id
// alone, so an article keeps its id in every feed and across restarts, and
// a reader shows it once.

const feedSize = 50

// feedIDPrefix starts every id: the tagging entity is kerko itself, not
// the host the feed was read from, which a proxy may change.
const feedIDPrefix = "tag:kerko,2026:"

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID       string      `xml:"id"`
	Title    atomText    `xml:"title"`
	Subtitle *atomText   `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Gen      atomGen     `xml:"generator"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomGen struct {
	Text string `xml:",chardata"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Href     string `xml:"href,attr"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Author     *atomPerson    `xml:"author,omitempty"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

func (s *Server) handleFeed(c echo.Context) error {
	v := copyValues(params(c))
	for _, k := range []string{"page", "size", "sort"} {
		v.Del(k)
	}
	req, err := parseSearch(v)
	if err != nil {
		return err
	}
	ui := uiFor(c)
	qr := readQuery(req, ui)
	req.Sort, req.Page, req.Size, req.NoFacets = search.SortNewest, 1, feedSize, true
	res, err := s.search(c, req)
	if err != nil {
		return err
	}
	base := c.Scheme() + "://" + c.Request().Host
	canon := url.Values{}
	for _, k := range []string{"q", "lang", "country", "country_mode", "org", "person", "source", "from", "to", "undated"} {
		if vals := v[k]; len(vals) > 0 {
			canon[k] = vals
		}
	}
	f := atomFeed{
		ID:     feedIDPrefix + "search?" + canon.Encode(),
		Title:  atomText{Type: "text", Text: Tf(ui, "feed_title", qr.Raw)},
		Author: atomPerson{Name: "kerko"},
		Gen:    atomGen{Text: "kerko"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.atom?" + canon.Encode()},
			{Rel: "alternate", Type: "text/html", Href: base + "/?" + canon.Encode()},
		},
	}
	if qr.Raw == "" {
		f.Title.Text = T(ui, "feed_all")
	}
	if qr.Understood != "" {
		f.Subtitle = &atomText{Type: "text", Text: qr.Understood}
	}
	// The feed changes when its newest article does; an undated article
	// takes the feed's time, so that the feed stays the same between
	// reads when nothing new came in.
	var newest time.Time
	for _, h := range res.Hits {
		if h.Date.After(newest) {
			newest = h.Date
		}
	}
	f.Updated = atomTime(newest)
	for _, h := range res.Hits {
		e := atomEntry{
			ID:      feedIDPrefix + "article/" + strings.TrimPrefix(articleURL(h.ID, nil), "/articles/"),
			Title:   atomText{Type: "text", Text: h.Title},
			Updated: atomTime(newest),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: base + articleURL(h.ID, nil), HrefLang: h.Lang}},
			Summary: atomText{Type: "text", Text: plainText(h.Snippet)},
		}
		if !h.Date.IsZero() {
			e.Updated = atomTime(h.Date)
			e.Published = e.Updated
		}
		if h.Source != "" {
			e.Author = &atomPerson{Name: h.Source}
		}
		e.Categories = append(e.Categories, atomCategory{Term: h.Lang, Scheme: base + "/?lang=", Label: T(ui, "lang_"+h.Lang)})
		for _, code := range h.Countries {
			e.Categories = append(e.Categories, atomCategory{Term: code, Scheme: base + "/?country=", Label: extract.CountryName(code, ui)})
		}
		f.Entries = append(f.Entries, e)
	}
	out, err := xml.Marshal(f)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentType, "application/atom+xml; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	_, err = c.Response().Write(append([]byte(xml.Header), out...))
	return err
}

// atomTime is t as an RFC 3339 date-time (the epoch for a zero t).
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainText is a snippet (escaped text with <mark> tags) as plain text.
func plainText(snippet string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(snippet, ""))
}
