package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"kerko/index"
)

// apiHit is one hit of GET /api/search.
type apiHit struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	TitleHTML string   `json:"title_html"`
	Lang      string   `json:"lang"`
	Date      *string  `json:"date"`
	Countries []string `json:"countries"`
	Orgs      []string `json:"orgs"`
	Source    string   `json:"source,omitempty"`
	Score     float64  `json:"score"`
	Snippet   string   `json:"snippet"`
}

type apiFacetValue struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type apiSearch struct {
	Query  string                     `json:"query"`
	Total  uint64                     `json:"total"`
	TookMS float64                    `json:"took_ms"`
	Page   int                        `json:"page"`
	Size   int                        `json:"size"`
	Hits   []apiHit                   `json:"hits"`
	Facets map[string][]apiFacetValue `json:"facets"`
}

type apiMention struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type apiArticle struct {
	ID             string       `json:"id"`
	Title          string       `json:"title"`
	Body           string       `json:"body"`
	Lang           string       `json:"lang"`
	LangConfidence float64      `json:"lang_confidence"`
	Date           *string      `json:"date"`
	Countries      []string     `json:"countries"`
	Orgs           []string     `json:"orgs"`
	Mentions       []apiMention `json:"mentions"`
	Source         string       `json:"source"`
	URL            string       `json:"url,omitempty"`
}

func dateJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func (s *Server) handleSearchAPI(c echo.Context) error {
	req, err := parseSearch(c.QueryParams())
	if err != nil {
		return err
	}
	res, err := s.search(c, req)
	if err != nil {
		return err
	}
	ui := uiFor(c)
	out := apiSearch{
		Query: req.Query, Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000,
		Page: req.Page, Size: req.Size, Hits: []apiHit{}, Facets: map[string][]apiFacetValue{},
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, apiHit{
			ID: h.ID, Title: h.Title, TitleHTML: h.TitleHTML, Lang: h.Lang, Date: dateJSON(h.Date),
			Countries: h.Countries, Orgs: h.Orgs, Source: h.Source, Score: h.Score, Snippet: h.Snippet,
		})
	}
	for g, vals := range res.Facets {
		list := make([]apiFacetValue, 0, len(vals))
		for _, v := range vals {
			list = append(list, apiFacetValue{Value: v.Value, Label: facetLabel(g, v.Value, ui), Count: v.Count})
		}
		out.Facets[g] = list
	}
	return c.JSON(http.StatusOK, out)
}

// articleID reads the article id from the path after prefix. Ids may contain
// "/" (files in sub-folders); an encoded slash or a dot segment never names
// an article.
func articleID(c echo.Context, prefix string) (string, error) {
	raw := strings.TrimPrefix(c.Request().URL.EscapedPath(), prefix)
	if raw == "" || strings.Contains(strings.ToLower(raw), "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%5C") {
		return "", index.ErrNotFound
	}
	id, err := url.PathUnescape(raw)
	if err != nil {
		return "", index.ErrNotFound
	}
	for _, seg := range strings.Split(id, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", index.ErrNotFound
		}
	}
	return id, nil
}

func (s *Server) handleArticleAPI(c echo.Context) error {
	id, err := articleID(c, "/api/articles/")
	if err != nil {
		return err
	}
	a, err := s.cfg.Searcher.Article(c.Request().Context(), id)
	if err != nil {
		return err
	}
	ui := uiFor(c)
	out := apiArticle{
		ID: a.ID, Title: a.Title, Body: a.Body, Lang: a.Lang, LangConfidence: a.LangConf, Date: dateJSON(a.Date),
		Countries: a.CountryCodes(), Orgs: a.OrgIDs(), Source: a.Source, URL: a.URL, Mentions: []apiMention{},
	}
	for _, m := range a.Countries {
		out.Mentions = append(out.Mentions, apiMention{ID: m.ID, Label: facetLabel("country", m.ID, ui), Count: m.Count})
	}
	for _, m := range a.Orgs {
		out.Mentions = append(out.Mentions, apiMention{ID: m.ID, Label: facetLabel("org", m.ID, ui), Count: m.Count})
	}
	return c.JSON(http.StatusOK, out)
}
