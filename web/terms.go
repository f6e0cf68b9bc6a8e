package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"unsafe"

	"github.com/labstack/echo/v4"

	"kerko/query"
	"kerko/search"
)

// Telling words (search.TellingWords): GET /api/terms answers them for a
// search, and the results page shows a few in a panel whose words add
// themselves to the query.

const (
	defaultTerms = 20
	// pageTerms is how many the results page shows.
	pageTerms = 12
)

type apiTerm struct {
	Text       string  `json:"text"`
	Lang       string  `json:"lang"`
	Count      int     `json:"count"`
	Background uint64  `json:"background"`
	Score      float64 `json:"score"`
}

type apiTerms struct {
	Total  uint64    `json:"total"`
	Sample int       `json:"sample"`
	Terms  []apiTerm `json:"terms"`
}

func (s *Server) handleTermsAPI(c echo.Context) error {
	v := copyValues(params(c))
	size, err := integer(v, "size", defaultTerms, 1, search.MaxTerms)
	if err != nil {
		return err
	}
	v.Del("size")
	req, err := parseSearch(v)
	if err != nil {
		return err
	}
	ts, err := s.tellingWords(c, req, size)
	if err != nil {
		return err
	}
	out := apiTerms{Total: ts.Total, Sample: ts.Sample, Terms: []apiTerm{}}
	for _, t := range ts.Terms {
		out.Terms = append(out.Terms, apiTerm{Text: t.Text, Lang: t.Lang, Count: t.Count, Background: t.Background, Score: t.Score})
	}
	return writeJSON(c, http.StatusOK, out)
}

// tellingWords finds size telling words of req under the server's
// deadline and search gate, or takes them from the cache.
func (s *Server) tellingWords(c echo.Context, req search.Request, size int) (*search.Terms, error) {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	req.Page, req.Size, req.NoFacets, req.CountOnly = 0, size, false, false
	run := func() (any, error) {
		if err := s.gate.acquire(ctx); err != nil {
			return nil, err
		}
		defer s.gate.release(ctx)
		return s.cfg.Searcher.TellingWords(ctx, req, size)
	}
	if s.cache == nil {
		v, err := run()
		ts, _ := v.(*search.Terms)
		return ts, err
	}
	key := searchKey(req)
	key.kind = kindTerms
	v, _, err := s.cache.do(ctx, key, termsSize, run)
	if err != nil {
		return nil, err
	}
	return v.(*search.Terms), nil
}

func termsSize(v any) int64 {
	ts := v.(*search.Terms)
	n := int64(unsafe.Sizeof(*ts))
	for _, t := range ts.Terms {
		n += int64(unsafe.Sizeof(t)) + int64(len(t.Text)+len(t.Lang))
	}
	return n
}

// tellingPanel is the results page's panel of telling words.
type tellingPanel struct {
	Words         []link // Label the word, Value its language, URL the search with it added
	Sample, Total int
	// A panel without words is a placeholder: the page's script replaces
	// it with the part at Src (/telling), and without scripts Show opens
	// the page with the words (telling=1).
	Src, Show string
}

// tellingParam asks the results page to find its telling words before
// it answers, instead of leaving them to the script.
const tellingParam = "telling"

// lazyTellingPanel is the placeholder of the telling words of req. The
// words cost tens of milliseconds on a large index (200 bodies are read
// and analyzed) where the search costs a few, so the page does not wait
// for them.
func lazyTellingPanel(req search.Request, v url.Values) *tellingPanel {
	if req.Query == "" {
		return nil
	}
	show := with(v, tellingParam, "1")
	return &tellingPanel{Src: "/telling?" + v.Encode(), Show: "/?" + show.Encode()}
}

// tellingPart is what /telling renders: the panel alone.
type tellingPart struct {
	UI      string
	Telling *tellingPanel
}

// handleTellingPart answers the results page's script with the panel of
// telling words of a search, as HTML made by the page's own template; no
// words is an empty page, which removes the placeholder.
func (s *Server) handleTellingPart(c echo.Context) error {
	req, err := parseSearch(params(c))
	if err != nil {
		return err
	}
	p := s.newTellingPanel(c, req, searchValues(req, params(c).Get("ui")))
	if p == nil {
		s.send(c, http.StatusOK, echo.MIMETextHTMLCharsetUTF8, nil)
		return nil
	}
	return s.render(c, http.StatusOK, tellingTemplate, tellingPart{UI: uiFor(c), Telling: p}, maxPageBytes)
}

// tellingTemplate names the template set of /telling.
const tellingTemplate = "part_telling.html"

// newTellingPanel finds the page's telling words; a failure leaves the
// panel out, never the page.
func (s *Server) newTellingPanel(c echo.Context, req search.Request, v url.Values) *tellingPanel {
	if req.Query == "" {
		return nil
	}
	ts, err := s.tellingWords(c, req, pageTerms)
	if err != nil || len(ts.Terms) == 0 {
		if err != nil {
			s.cfg.Logger.Warn("telling words left out of a page", "request_id", requestID(c), "err", err)
		}
		return nil
	}
	p := &tellingPanel{Sample: ts.Sample, Total: int(ts.Total)}
	seen := map[string]bool{}
	for _, t := range ts.Terms {
		// A word two languages share (a name, a loanword) is one link: it
		// adds the same word to the query.
		if k := strings.ToLower(t.Text); !seen[k] {
			seen[k] = true
			p.Words = append(p.Words, link{Label: t.Text, Value: t.Lang, URL: withQuery(v, addWord(req.Query, t.Text)), Count: t.Count})
		}
	}
	return p
}

// addWord is q with word ANDed to it, quoted if it would read as
// something else.
func addWord(q, word string) string {
	w := query.Render(&query.Node{Op: query.OpTerm, Term: query.Term{Text: word}})
	if q == "" {
		return w
	}
	return q + " " + w
}
