package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"kerko/cache"
	"kerko/index"
	"kerko/search"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Searcher is what the server needs from an index.
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	Article(ctx context.Context, id string) (*index.Article, error)
	Related(ctx context.Context, id string, n int) ([]search.Related, error)
	Suggest(ctx context.Context, prefix, ui string, n int) ([]search.Suggestion, error)
	Count() uint64
	// CountByDay counts the dated matches of req per day (trends.go).
	CountByDay(ctx context.Context, req search.Request) ([]search.DayCount, error)
	// ArticlesAfter pages through every match of req (export.go).
	ArticlesAfter(ctx context.Context, req search.Request, after []string) (*search.ArticlePage, error)
	// TellingWords finds the words that mark req's matches (terms.go).
	TellingWords(ctx context.Context, req search.Request, size int) (*search.Terms, error)
}

// Config configures a Server. Zero fields take the defaults noted.
type Config struct {
	Searcher Searcher
	Logger   *slog.Logger // default: slog.Default()
	// SearchTimeout bounds one search (default 5s); a search that takes
	// longer is answered with 503 rather than holding the connection.
	SearchTimeout time.Duration
	// MaxSearches bounds the searches running at once (default twice
	// GOMAXPROCS); more wait their turn within their deadline.
	MaxSearches int
	// CacheBytes bounds the cache of recent answers (searches, articles,
	// related articles) by the bytes they hold: 0 takes DefaultCacheBytes,
	// a negative value turns the cache off. Only a Searcher with a
	// Generation() string method is cached (see cache.go).
	CacheBytes int64
	// ExportLimit bounds the rows of one /api/export (default
	// DefaultExportLimit).
	ExportLimit int
	// MemoryBytes and GoLimitBytes are the memory budget the server runs
	// under and the Go heap's soft limit, shown in /healthz beside what
	// each cache holds (see internal/budget).
	MemoryBytes, GoLimitBytes int64
}

// memoryUser is a Searcher that reports what its caches hold.
type memoryUser interface {
	MemoryUse() map[string]cache.MemoStats
}

const defaultSearchTimeout = 5 * time.Second

// Server serves the search page and the JSON API.
type Server struct {
	cfg  Config
	echo *echo.Echo
	tmpl map[string]*template.Template
	gate *limiter
	// pages bounds the pages being built at once: a page's memory grows
	// with its links, so this bounds the memory pages take (MaxSearches ×
	// their bound) the way gate bounds searches.
	pages *limiter
	// share holds one client's requests back while others are active
	// (share.go).
	share *share
	// cache is nil when caching is off.
	cache *resultCache
}

// New parses the embedded templates and sets up the routes. A template that
// fails to parse fails start-up, not a request.
func New(cfg Config) (*Server, error) {
	if cfg.Searcher == nil {
		return nil, errors.New("web: no searcher")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.SearchTimeout <= 0 {
		cfg.SearchTimeout = defaultSearchTimeout
	}
	if cfg.MaxSearches <= 0 {
		cfg.MaxSearches = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	if cfg.ExportLimit <= 0 {
		cfg.ExportLimit = DefaultExportLimit
	}
	s := &Server{cfg: cfg, tmpl: map[string]*template.Template{}, gate: newLimiter(cfg.MaxSearches), pages: newLimiter(cfg.MaxSearches), share: newShare(shareSlots()),
		cache: newResultCache(cfg.Searcher, cfg.CacheBytes)}
	for _, page := range []string{"search.html", "article.html", "error.html", "trends.html", "help.html"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/part_*.html", "templates/"+page)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", page, err)
		}
		s.tmpl[page] = t
	}
	t, err := template.New(tellingTemplate).Funcs(funcs).ParseFS(templateFS, "templates/"+tellingTemplate)
	if err != nil {
		return nil, fmt.Errorf("parse template %s: %w", tellingTemplate, err)
	}
	s.tmpl[tellingTemplate] = t

	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.Use(middleware.RequestID())
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisableStackAll: true,
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			cfg.Logger.Error("panic in handler", "request_id", requestID(c), "path", c.Request().URL.Path, "err", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(s.securityHeaders)
	e.Use(withClient)
	e.Use(s.fairShare)

	// Every GET route answers HEAD too (net/http sends the headers of the
	// GET answer and drops its body): monitors and link checkers use it.
	get := func(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
		e.GET(path, h, m...)
		e.HEAD(path, h, m...)
	}
	get("/", s.handleSearchPage, checkParams(searchPageParams, false))
	get("/articles/*", s.handleArticlePage, checkParams(articlePageParams, false))
	get("/api/search", s.handleSearchAPI, checkParams(searchAPIParams, true))
	get("/api/articles/*", s.handleArticleAPI, checkParams(articleAPIParams, true))
	get("/api/suggest", s.handleSuggestAPI, checkParams(suggestAPIParams, true))
	// A monitor may add a cache-busting parameter: /healthz ignores any.
	get("/healthz", s.handleHealth, checkParams(healthParams, false))
	get("/trends", s.handleTrendsPage, checkParams(trendsPageParams, false))
	get("/api/trends", s.handleTrendsAPI, checkParams(trendsAPIParams, true))
	get("/api/export", s.handleExportAPI, checkParams(exportAPIParams, true))
	get("/api/terms", s.handleTermsAPI, checkParams(termsAPIParams, true))
	get("/telling", s.handleTellingPart, checkParams(tellingPartParams, false))
	// A feed is a page's subscription: like a page, it drops what it does
	// not know (a reader may add its own parameters).
	get("/feed.atom", s.handleFeed, checkParams(feedParams, false))
	get("/help", s.handleHelp, checkParams(helpParams, false))
	get("/static/*", handleStatic)
	s.echo = e
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.echo }

// securityHeaders forbids inline script and framing and keeps referrers
// and content types honest.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		// Pages and API answers change whenever a new index generation is
		// published (kerko serves it within a second), so a cache must ask
		// again each time; the server's own cache makes asking cheap.
		// Errors are not kept at all (handleError), static files for long
		// (static.go).
		h.Set(echo.HeaderCacheControl, "no-cache")
		return next(c)
	}
}

func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// failure is what a user is told about an error: its status, the message
// the API shows (English, as the API's clients read it), and the message
// key and arguments a page shows in the interface's language.
type failure struct {
	code  int
	msg   string
	key   string
	args  []any
	param *paramError // set for a bad parameter
}

// httpError maps an error to what a user may see: parameter errors and
// unknown articles say what was wrong; anything else is logged and shown as
// "internal error".
func (s *Server) httpError(c echo.Context, err error) failure {
	var pe *paramError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &pe):
		return failure{code: http.StatusBadRequest, msg: pe.Error(), key: "err_" + pe.key, param: pe}
	case errors.Is(err, search.ErrNotFound):
		return failure{code: http.StatusNotFound, msg: "article not found", key: "err_article"}
	case errors.Is(err, search.ErrBadRequest):
		return failure{code: http.StatusBadRequest, msg: err.Error(), key: "err_other"}
	case errors.Is(err, errBusy):
		return failure{code: http.StatusServiceUnavailable, msg: "server busy; try again in a moment", key: "err_busy"}
	case errors.Is(err, context.DeadlineExceeded):
		return failure{code: http.StatusServiceUnavailable, msg: "search took too long; try a narrower query", key: "err_timeout"}
	case errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil:
		// The client went away mid-search: nothing failed on our side, and
		// nobody reads the answer. 499 is nginx's "client closed request".
		return failure{code: 499, msg: "request cancelled", key: "err_other"}
	case errors.As(err, &he):
		msg, ok := he.Message.(string)
		if !ok {
			msg = http.StatusText(he.Code)
		}
		key := "err_other"
		switch he.Code {
		case http.StatusNotFound:
			key = "err_notfound"
		case http.StatusMethodNotAllowed:
			key = "err_method"
		}
		return failure{code: he.Code, msg: msg, key: key}
	}
	if !errors.Is(err, search.ErrInternal) {
		// Damage met in the index was logged where it was met, with its
		// stack, once.
		s.cfg.Logger.Error("request failed", "request_id", requestID(c), "path", c.Request().URL.Path, "err", err)
	}
	return failure{code: http.StatusInternalServerError, msg: "internal error", key: "err_internal"}
}

// handleError answers API paths with JSON and pages with a page of the
// product: the search box keeps what could be read of the search, the
// message says what to fix in the interface's language, and a bad
// parameter comes with the corrected search (errors.go).
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	f := s.httpError(c, err)
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	if f.code == 499 {
		// Nobody is there to read it.
		c.Response().WriteHeader(f.code)
		return
	}
	if isAPI(c) {
		writeJSON(c, f.code, map[string]string{"error": f.msg})
		return
	}
	s.render(c, f.code, "error.html", s.errorPage(c, f), maxPageBytes)
}

func isAPI(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, "/api/") || p == "/healthz"
}

// handleHealth says the server is up, and how its cache does: load tests
// read the hit rate from it.
func (s *Server) handleHealth(c echo.Context) error {
	// A monitor wants the state now, never a kept copy.
	c.Response().Header().Set(echo.HeaderCacheControl, "no-store")
	out := map[string]any{"status": "ok", "articles": s.cfg.Searcher.Count(), "searches": s.gate.stats(), "memory": s.memoryUse()}
	if s.cache != nil {
		out["cache"] = s.cache.stats()
	}
	return c.JSON(http.StatusOK, out)
}

// cacheHeader tells a client (and the tests) whether its answer came from
// the cache; it costs a header, not a lookup.
const cacheHeader = "X-Kerko-Cache"

func setCacheHeader(c echo.Context, hit bool) {
	v := "miss"
	if hit {
		v = "hit"
	}
	c.Response().Header().Set(cacheHeader, v)
}

// searchGated runs req once a search slot is free.
func (s *Server) searchGated(ctx context.Context, req search.Request) (*search.Result, error) {
	if err := s.gate.acquire(ctx); err != nil {
		return nil, err
	}
	defer s.gate.release(ctx)
	return s.cfg.Searcher.Search(ctx, req)
}

// search runs req under the server's deadline, or answers it from the cache.
func (s *Server) search(c echo.Context, req search.Request) (*search.Result, error) {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	run := func() (*search.Result, error) { return s.searchGated(ctx, req) }
	if s.cache == nil {
		return run()
	}
	res, hit, err := s.cache.search(ctx, req, run)
	if err == nil {
		setCacheHeader(c, hit)
	}
	return res, err
}

// memoryUse is /healthz's account of memory: the budget, the Go heap's
// soft limit and what each cache holds now.
func (s *Server) memoryUse() map[string]any {
	caches := map[string]cache.MemoStats{}
	if mu, ok := s.cfg.Searcher.(memoryUser); ok {
		caches = mu.MemoryUse()
	}
	if s.cache != nil {
		st := s.cache.stats()
		caches["answers"] = cache.MemoStats{Entries: st.Entries, Bytes: st.Bytes, MaxBytes: st.MaxBytes}
	}
	var used int64
	for _, c := range caches {
		used += c.Bytes
	}
	return map[string]any{"budget_bytes": s.cfg.MemoryBytes, "go_limit_bytes": s.cfg.GoLimitBytes, "caches_bytes": used, "caches": caches}
}
