package web

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is where kerko listens unless told otherwise: loopback only,
// so exposing it to a network is a deliberate choice (usually behind a
// reverse proxy).
const DefaultAddr = "127.0.0.1:8080"

// Limits of the HTTP server. kerko answers GET requests only, so a request
// never needs a body, and a URL fits easily in the header limit (queries
// are capped at maxQueryBytes anyway).
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 64 << 10
	maxBodyBytes      = 64 << 10
)

// HTTPServer returns the http.Server to serve s with: timeouts so slow or
// idle clients cannot hold connections, bounded headers and bodies. The
// write timeout leaves room for a search that runs to its deadline and the
// page that reports it. The caller sets Addr or calls Serve with its own
// listener.
func (s *Server) HTTPServer() *http.Server {
	return NewHTTPServer(s.Handler(), s.cfg.Logger, s.cfg.SearchTimeout)
}

// NewHTTPServer is HTTPServer for any handler in front of a Server (a
// replica listens before it has an index to make a Server of); searchTimeout
// is the Server's (0: the default).
func NewHTTPServer(h http.Handler, log *slog.Logger, searchTimeout time.Duration) *http.Server {
	if searchTimeout <= 0 {
		searchTimeout = defaultSearchTimeout
	}
	if log == nil {
		log = slog.Default()
	}
	return &http.Server{
		Addr:              DefaultAddr,
		Handler:           limitBody(h, maxBodyBytes),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      searchTimeout + 10*time.Second,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// limitBody caps what a handler may read from a request body; nothing in
// kerko reads one, so this only guards future handlers and middleware.
func limitBody(h http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
			w.Header().Set("Connection", "close")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			w.Write([]byte(`{"error":"request body too large"}` + "\n"))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		h.ServeHTTP(w, r)
	})
}

// Serve serves hs on ln until ctx ends, then shuts down gracefully: the
// listener closes at once, requests being handled finish (for up to
// grace), and idle connections close. A request whose headers had not been
// fully read when shutdown began gets its connection closed unanswered
// (net/http's rule); clients retry such idempotent GETs.
func Serve(ctx context.Context, hs *http.Server, ln net.Listener, grace time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
