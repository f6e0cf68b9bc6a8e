package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"kerko/extract"
	"kerko/index"
	"kerko/search"
)

// apiHit is one hit of GET /api/search.
type apiHit struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	TitleHTML string      `json:"title_html"`
	Lang      string      `json:"lang"`
	Date      *string     `json:"date"`
	Countries []string    `json:"countries"`
	Orgs      []string    `json:"orgs"`
	People    []apiPerson `json:"people"`
	Source    string      `json:"source,omitempty"`
	Score     float64     `json:"score"`
	Snippet   string      `json:"snippet"`
}

// apiPerson is a person an article names: the id the person facet and
// filter use, the name as the article writes it, and how often it does.
type apiPerson struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
}

// maxPersonName bounds a name shown: the extractor takes at most five words.
const maxPersonName = 120

func apiPeople(ps []extract.PersonMention) []apiPerson {
	out := make([]apiPerson, 0, len(ps))
	for _, p := range ps {
		out = append(out, apiPerson{ID: p.ID, Name: clipText(p.Name, maxPersonName), Mentions: p.Mentions})
	}
	return out
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
	// Histogram counts the dated hits per Interval, Undated the others;
	// both ignore the date range and the undated option, as a multi-select
	// facet group ignores its own filter.
	Histogram  []apiBucket `json:"histogram"`
	Interval   string      `json:"interval"`
	Zoomed     bool        `json:"zoomed"`
	Undated    int         `json:"undated"`
	DidYouMean *string     `json:"did_you_mean"`
	// Relaxed is set when no article has every word of the query: the
	// hits have MatchedWords of its Of words (stop words not counted).
	Relaxed  *apiRelaxed    `json:"relaxed"`
	Expanded []apiExpansion `json:"expanded"`
	// Understood says how the query was read; Notes what was not taken
	// as typed (queryread.go).
	Understood string   `json:"understood"`
	Notes      []string `json:"notes"`
}

type apiRelaxed struct {
	MatchedWords int `json:"matched_words"`
	Of           int `json:"of"`
}

type apiBucket struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Count int    `json:"count"`
}

// apiExpansion is a query word that also matched articles about the
// country or organization it names, in every language.
type apiExpansion struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Label string `json:"label"`
	Word  string `json:"word"`
}

type apiSuggestion struct {
	Kind      string `json:"kind"`
	KindLabel string `json:"kind_label"`
	Text      string `json:"text"`
	Value     string `json:"value,omitempty"`
	Count     int    `json:"count,omitempty"`
	URL       string `json:"url"`
}

type apiRelated struct {
	ID              string       `json:"id"`
	Title           string       `json:"title"`
	Lang            string       `json:"lang"`
	Date            *string      `json:"date"`
	URL             string       `json:"url"`
	SharedCountries []apiMention `json:"shared_countries"`
	SharedOrgs      []apiMention `json:"shared_orgs"`
	SharedPeople    []apiMention `json:"shared_people"`
	SharedTerms     []string     `json:"shared_terms"`
}

type apiMention struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Count int    `json:"count,omitempty"`
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
	People         []apiPerson  `json:"people"`
	Mentions       []apiMention `json:"mentions"`
	Source         string       `json:"source"`
	URL            string       `json:"url,omitempty"`
	Related        []apiRelated `json:"related"`
}

func dateJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func (s *Server) handleSearchAPI(c echo.Context) error {
	req, err := parseSearch(params(c))
	if err != nil {
		return err
	}
	ui := uiFor(c)
	if _, pretty := c.QueryParams()["pretty"]; !pretty && s.cache != nil {
		return s.searchAPICached(c, req, ui)
	}
	res, err := s.search(c, req)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, apiSearchOf(req, ui, res))
}

// searchAPICached answers an API search from the cache of encoded answers,
// or runs it under the search gate and keeps its answer (apiAnswer).
func (s *Server) searchAPICached(c echo.Context, req search.Request, ui string) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	start := time.Now()
	key := searchKey(req)
	key.kind, key.ui = kindSearchAPI, ui
	v, hit, err := s.cache.do(ctx, key, apiAnswerSize, func() (any, error) {
		res, err := s.searchGated(ctx, req)
		if err != nil {
			return nil, err
		}
		return encodeAnswer(apiSearchOf(req, ui, res))
	})
	if err != nil {
		return err
	}
	setCacheHeader(c, hit)
	a := v.(*apiAnswer)
	if !hit {
		return writeJSONBytes(c, http.StatusOK, a.json)
	}
	took, err := json.Marshal(float64(time.Since(start).Microseconds()) / 1000)
	if err != nil {
		return err
	}
	return writeJSONBytes(c, http.StatusOK, a.json[:a.tookFrom], took, a.json[a.tookTo:])
}

// encodeAnswer encodes out and finds its took_ms value. A struct's field
// name appears once at its top level, and quotes inside strings are
// escaped, so the first `"took_ms":` is the field.
func encodeAnswer(out apiSearch) (*apiAnswer, error) {
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("encode search answer: %w", err)
	}
	b = append(b, '\n') // as writeJSON's encoder ends an answer
	const field = `"took_ms":`
	i := bytes.Index(b, []byte(field))
	if i < 0 {
		return nil, fmt.Errorf("encode search answer: no %s in it", field)
	}
	from := i + len(field)
	to := from + bytes.IndexAny(b[from:], ",}")
	return &apiAnswer{json: b, tookFrom: from, tookTo: to}, nil
}

// apiSearchOf is the API's answer of req, searched as res, in ui.
func apiSearchOf(req search.Request, ui string, res *search.Result) apiSearch {
	qr := readQuery(req, ui)
	qr.withResult(res, ui)
	out := apiSearch{
		Understood: qr.Understood, Notes: append([]string{}, qr.Notes...),
		Query: qr.Raw, Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000,
		Page: req.Page, Size: req.Size, Hits: []apiHit{}, Facets: map[string][]apiFacetValue{},
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, apiHit{
			ID: h.ID, Title: clipText(h.Title, maxListTitle), TitleHTML: clipMarked(h.TitleHTML, maxListTitle), Lang: h.Lang, Date: dateJSON(h.Date),
			Countries: h.Countries, Orgs: h.Orgs, People: apiPeople(h.People), Source: clipText(h.Source, maxSource), Score: h.Score, Snippet: h.Snippet,
		})
	}
	for g, vals := range res.Facets {
		list := make([]apiFacetValue, 0, len(vals))
		for _, v := range vals {
			list = append(list, apiFacetValue{Value: v.Value, Label: labelIn(res.Names, g, v.Value, ui), Count: v.Count})
		}
		out.Facets[g] = list
	}
	out.Histogram = make([]apiBucket, 0, len(res.Timeline))
	for _, b := range res.Timeline {
		out.Histogram = append(out.Histogram, apiBucket{From: b.From.Format(time.DateOnly), To: b.To.Format(time.DateOnly), Count: b.Count})
	}
	out.Interval, out.Undated, out.Zoomed = res.Interval, res.Undated, res.Zoomed
	if res.DidYouMean != "" {
		out.DidYouMean = &res.DidYouMean
	}
	if r := res.Relaxed; r != nil {
		out.Relaxed = &apiRelaxed{MatchedWords: r.Matched, Of: r.Of}
	}
	out.Expanded = []apiExpansion{}
	for _, x := range res.Expanded {
		out.Expanded = append(out.Expanded, apiExpansion{Kind: x.Kind, ID: x.ID, Label: labelIn(res.Names, x.Kind, x.ID, ui), Word: x.Word})
	}
	return out
}

// articleID reads the article id from the path after prefix. Ids may contain
// "/" (files in sub-folders); an encoded slash or a dot segment never names
// an article.
func articleID(c echo.Context, prefix string) (string, error) {
	raw := strings.TrimPrefix(c.Request().URL.EscapedPath(), prefix)
	if raw == "" || strings.Contains(strings.ToLower(raw), "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%5C") {
		return "", search.ErrNotFound
	}
	id, err := url.PathUnescape(raw)
	if err != nil {
		return "", search.ErrNotFound
	}
	for _, seg := range strings.Split(id, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", search.ErrNotFound
		}
	}
	return id, nil
}

func (s *Server) handleArticleAPI(c echo.Context) error {
	id, err := articleID(c, "/api/articles/")
	if err != nil {
		return err
	}
	a, err := s.article(c, id)
	if err != nil {
		return err
	}
	ui := uiFor(c)
	out := apiArticle{
		ID: a.ID, Title: a.Title, Body: a.Body, Lang: a.Lang, LangConfidence: a.LangConf, Date: dateJSON(a.Date),
		Countries: a.CountryCodes(), Orgs: a.OrgIDs(), People: apiPeople(a.People), Source: a.Source, URL: a.URL, Mentions: []apiMention{},
	}
	for _, m := range a.Countries {
		out.Mentions = append(out.Mentions, apiMention{ID: m.ID, Label: facetLabel("country", m.ID, ui), Count: m.Count})
	}
	for _, m := range a.Orgs {
		out.Mentions = append(out.Mentions, apiMention{ID: m.ID, Label: facetLabel("org", m.ID, ui), Count: m.Count})
	}
	related, err := s.related(c, id)
	if err != nil {
		return err
	}
	out.Related = []apiRelated{}
	for _, r := range related {
		ar := apiRelated{ID: r.ID, Title: clipText(r.Title, maxListTitle), Lang: r.Lang, Date: dateJSON(r.Date), URL: articleURL(r.ID, uiState(ui)),
			SharedCountries: []apiMention{}, SharedOrgs: []apiMention{}, SharedPeople: []apiMention{}, SharedTerms: r.SharedTerms}
		for _, code := range r.SharedCountries {
			ar.SharedCountries = append(ar.SharedCountries, apiMention{ID: code, Label: facetLabel("country", code, ui)})
		}
		for _, id := range r.SharedOrgs {
			ar.SharedOrgs = append(ar.SharedOrgs, apiMention{ID: id, Label: facetLabel("org", id, ui)})
		}
		for _, p := range r.SharedPeople {
			ar.SharedPeople = append(ar.SharedPeople, apiMention{ID: p.ID, Label: clipText(p.Name, maxPersonName)})
		}
		if ar.SharedTerms == nil {
			ar.SharedTerms = []string{}
		}
		out.Related = append(out.Related, ar)
	}
	// Encoding a long article costs a few times its body in memory and
	// tens of milliseconds of CPU; like a page, at most MaxSearches are
	// encoded at once, with the gate's fairness between clients. Short
	// ones (every article of the bench corpus) take no slot.
	if len(a.Body) > largeArticle {
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
		defer cancel()
		if err := s.pages.acquire(ctx); err != nil {
			return err
		}
		defer s.pages.release(ctx)
	}
	return writeJSON(c, http.StatusOK, out)
}

// largeArticle is the body size past which an article's answer takes a
// page slot while it is encoded.
const largeArticle = 256 << 10

// maxSuggestBytes bounds a prefix: suggestions are for what is being typed.
const (
	maxSuggestBytes = 200
	suggestCount    = 8
	relatedCount    = 5
)

func (s *Server) handleSuggestAPI(c echo.Context) error {
	q := params(c).Get("q")
	if !utf8.ValidString(q) {
		return badParam("q", "utf8", "not valid UTF-8")
	}
	if len(q) > maxSuggestBytes {
		return badParam("q", "toolong", "longer than %d bytes", maxSuggestBytes)
	}
	ui := uiFor(c)
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	if err := s.gate.acquire(ctx); err != nil {
		return err
	}
	defer s.gate.release(ctx)
	sugs, err := s.cfg.Searcher.Suggest(ctx, q, ui, suggestCount)
	if err != nil {
		return err
	}
	out := struct {
		Suggestions []apiSuggestion `json:"suggestions"`
	}{Suggestions: []apiSuggestion{}}
	for _, sg := range sugs {
		out.Suggestions = append(out.Suggestions, apiSuggestion{Kind: sg.Kind, KindLabel: T(ui, "kind_"+sg.Kind), Text: clipText(sg.Text, maxListTitle), Value: sg.Value, Count: sg.Count, URL: suggestionURL(sg, params(c).Get("ui"))})
	}
	return writeJSON(c, http.StatusOK, out)
}

// suggestionURL is where picking a suggestion leads: a title to its
// article, anything else to a search for it.
func suggestionURL(sg search.Suggestion, ui string) string {
	if sg.Kind == search.SuggestTitle {
		return articleURL(sg.Value, uiState(ui))
	}
	if sg.Kind == search.SuggestPerson {
		// The person in every language and spelling: their filter, not
		// the words of one spelling.
		v := url.Values{"person": {sg.Value}}
		if isUILang(ui) && ui != "en" {
			v.Set("ui", ui)
		}
		return "/?" + v.Encode()
	}
	v := url.Values{"q": {sg.Text}}
	if isUILang(ui) && ui != "en" {
		v.Set("ui", ui)
	}
	return "/?" + v.Encode()
}

// article reads the article id, or takes it from the cache.
func (s *Server) article(c echo.Context, id string) (*index.Article, error) {
	ctx := c.Request().Context()
	if s.cache == nil {
		return s.cfg.Searcher.Article(ctx, id)
	}
	v, hit, err := s.cache.do(ctx, cacheKey{kind: kindArticle, query: id}, articleSize, func() (any, error) {
		return s.cfg.Searcher.Article(ctx, id)
	})
	if err != nil {
		return nil, err
	}
	setCacheHeader(c, hit)
	return v.(*index.Article), nil
}

// related finds the articles related to id under the server's deadline, or
// takes them from the cache.
func (s *Server) related(c echo.Context, id string) ([]search.Related, error) {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	run := func() (any, error) {
		if err := s.gate.acquire(ctx); err != nil {
			return nil, err
		}
		defer s.gate.release(ctx)
		return s.cfg.Searcher.Related(ctx, id, relatedCount)
	}
	if s.cache == nil {
		v, err := run()
		rs, _ := v.([]search.Related)
		return rs, err
	}
	v, _, err := s.cache.do(ctx, cacheKey{kind: kindRelated, query: id}, relatedSize, run)
	if err != nil {
		return nil, err
	}
	return v.([]search.Related), nil
}
