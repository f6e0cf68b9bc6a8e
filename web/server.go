package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"kerko/index"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Searcher is what the server needs from an index.
type Searcher interface {
	Search(ctx context.Context, req index.Request) (*index.Result, error)
	Article(ctx context.Context, id string) (*index.Article, error)
	Related(ctx context.Context, id string, n int) ([]index.Related, error)
	Suggest(ctx context.Context, prefix, ui string, n int) ([]index.Suggestion, error)
	Count() uint64
	// CountByDay counts the dated matches of req per day (trends.go).
	CountByDay(ctx context.Context, req index.Request) ([]index.DayCount, error)
	// ArticlesAfter pages through every match of req (export.go).
	ArticlesAfter(ctx context.Context, req index.Request, after []string) (*index.ArticlePage, error)
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
}

const defaultSearchTimeout = 5 * time.Second

// Server serves the search page and the JSON API.
type Server struct {
	cfg  Config
	echo *echo.Echo
	tmpl map[string]*template.Template
	gate *limiter
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
	s := &Server{cfg: cfg, tmpl: map[string]*template.Template{}, gate: newLimiter(cfg.MaxSearches),
		cache: newResultCache(cfg.Searcher, cfg.CacheBytes)}
	for _, page := range []string{"search.html", "article.html", "error.html", "trends.html", "help.html"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/part_*.html", "templates/"+page)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", page, err)
		}
		s.tmpl[page] = t
	}

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

	e.GET("/", s.handleSearchPage)
	e.GET("/articles/*", s.handleArticlePage)
	e.GET("/api/search", s.handleSearchAPI)
	e.GET("/api/articles/*", s.handleArticleAPI)
	e.GET("/api/suggest", s.handleSuggestAPI)
	e.GET("/healthz", s.handleHealth)
	e.GET("/trends", s.handleTrendsPage)
	e.GET("/api/trends", s.handleTrendsAPI)
	e.GET("/api/export", s.handleExportAPI)
	e.GET("/feed.atom", s.handleFeed)
	e.GET("/help", s.handleHelp)
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	e.StaticFS("/static", static)
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
		return next(c)
	}
}

func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// httpError maps an error to its status and the message a user may see:
// parameter errors and unknown articles say what was wrong; anything else is
// logged and shown as "internal error".
func (s *Server) httpError(c echo.Context, err error) (int, string) {
	var pe *paramError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, pe.Error()
	case errors.Is(err, index.ErrNotFound):
		return http.StatusNotFound, "article not found"
	case errors.Is(err, index.ErrBadRequest):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, errBusy):
		return http.StatusServiceUnavailable, "server busy; try again in a moment"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "search took too long; try a narrower query"
	case errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil:
		// The client went away mid-search: nothing failed on our side, and
		// nobody reads the answer. 499 is nginx's "client closed request".
		return 499, "request cancelled"
	case errors.As(err, &he):
		msg, ok := he.Message.(string)
		if !ok {
			msg = http.StatusText(he.Code)
		}
		return he.Code, msg
	}
	s.cfg.Logger.Error("request failed", "request_id", requestID(c), "path", c.Request().URL.Path, "err", err)
	return http.StatusInternalServerError, "internal error"
}

// handleError answers API paths with JSON and pages with HTML.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code, msg := s.httpError(c, err)
	if isAPI(c) {
		c.JSON(code, map[string]string{"error": msg})
		return
	}
	s.render(c, code, "error.html", map[string]any{"Code": code, "Message": msg, "UI": uiFor(c)})
}

func isAPI(c echo.Context) bool {
	p := c.Request().URL.Path
	return len(p) >= 5 && p[:5] == "/api/" || p == "/healthz"
}

func (s *Server) render(c echo.Context, code int, page string, data any) error {
	c.Response().Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	c.Response().WriteHeader(code)
	if err := s.tmpl[page].Execute(c.Response(), data); err != nil {
		s.cfg.Logger.Error("render template", "page", page, "request_id", requestID(c), "err", err)
	}
	return nil
}

// handleHealth says the server is up, and how its cache does: load tests
// read the hit rate from it.
func (s *Server) handleHealth(c echo.Context) error {
	out := map[string]any{"status": "ok", "articles": s.cfg.Searcher.Count()}
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

// search runs req under the server's deadline, or answers it from the cache.
func (s *Server) search(c echo.Context, req index.Request) (*index.Result, error) {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	run := func() (*index.Result, error) {
		if err := s.gate.acquire(ctx); err != nil {
			return nil, err
		}
		defer s.gate.release()
		return s.cfg.Searcher.Search(ctx, req)
	}
	if s.cache == nil {
		return run()
	}
	res, hit, err := s.cache.search(ctx, req, run)
	if err == nil {
		setCacheHeader(c, hit)
	}
	return res, err
}
