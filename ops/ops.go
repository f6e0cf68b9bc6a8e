package ops

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"kerko/cluster"
	"kerko/index"
	"kerko/web"
)

// GenerationHeader names the index generation that answered.
const GenerationHeader = "X-Kerko-Generation"

// Searcher is what ops reads of the open index.
type Searcher interface {
	Generation() string
	Count() uint64
}

// Config says what the handler reports on.
type Config struct {
	// Dir is the index directory (its published generation's marker gives
	// the build time when no Follow is set).
	Dir string
	// Follow, when set, reports the replica's view of the shared pointer.
	Follow func() cluster.FollowStatus
}

// Handler is the operations front of a server. Until Ready is called it
// answers only its own paths and /healthz, and 503 to everything else.
type Handler struct {
	cfg Config
	reg *prometheus.Registry

	mu     sync.RWMutex
	inner  http.Handler
	ix     Searcher
	server *web.Server

	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

// New makes a Handler with its own metrics registry.
func New(cfg Config) *Handler {
	h := &Handler{cfg: cfg, reg: prometheus.NewRegistry()}
	h.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "kerko_http_requests_total",
		Help: "HTTP requests answered, by route and status code."}, []string{"route", "code"})
	h.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "kerko_http_request_duration_seconds",
		Help:    "Time to answer an HTTP request, by route.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}, []string{"route"})
	h.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{Name: "kerko_http_requests_in_flight", Help: "HTTP requests being answered."})
	h.reg.MustRegister(h.requests, h.latency, h.inFlight,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	h.reg.MustRegister(gauges(h)...)
	return h
}

// Registry is the handler's metrics registry (the server's own metrics are
// registered there).
func (h *Handler) Registry() *prometheus.Registry { return h.reg }

// Ready hands the handler the open index and the server answering for it.
func (h *Handler) Ready(ix Searcher, server *web.Server) {
	h.mu.Lock()
	h.inner, h.ix, h.server = server.Handler(), ix, server
	h.mu.Unlock()
}

func (h *Handler) state() (http.Handler, Searcher, *web.Server) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.inner, h.ix, h.server
}

// ServeHTTP answers the operations paths, and passes the rest on once ready.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	route := Route(r.URL.Path)
	h.inFlight.Inc()
	rw := &recorder{ResponseWriter: w, code: http.StatusOK}
	defer func() {
		h.inFlight.Dec()
		h.requests.WithLabelValues(route, codeLabel(rw.code)).Inc()
		h.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	}()
	inner, ix, _ := h.state()
	gen := "none"
	if ix != nil {
		gen = ix.Generation()
	}
	rw.Header().Set(GenerationHeader, gen)
	switch r.URL.Path {
	case "/readyz":
		if ix == nil {
			writeJSON(rw, http.StatusServiceUnavailable, map[string]any{"ready": false, "reason": "no index generation open yet"})
			return
		}
		writeJSON(rw, http.StatusOK, map[string]any{"ready": true, "generation": gen})
		return
	case "/metrics":
		promhttp.HandlerFor(h.reg, promhttp.HandlerOpts{}).ServeHTTP(rw, r)
		return
	case "/api/status":
		writeJSON(rw, http.StatusOK, h.Status())
		return
	}
	if inner == nil {
		if r.URL.Path == "/healthz" {
			// Alive, not ready: a liveness probe must not restart a
			// replica that is downloading its first generation.
			writeJSON(rw, http.StatusOK, map[string]any{"status": "ok", "articles": 0, "ready": false})
			return
		}
		rw.Header().Set("Retry-After", "1")
		writeJSON(rw, http.StatusServiceUnavailable, map[string]string{"error": "no index generation open yet; try again in a moment"})
		return
	}
	inner.ServeHTTP(rw, r)
}

// Status is the answer of /api/status.
type Status struct {
	Ready      bool   `json:"ready"`
	Generation string `json:"generation"`
	Articles   uint64 `json:"articles"`
	// Source is "local" or the nats:// address followed.
	Source    string     `json:"source"`
	Published *time.Time `json:"published,omitempty"` // when the served generation was published
	// The pointer this replica last read, and how far behind it it is.
	PointerGeneration int     `json:"pointer_generation,omitempty"`
	LagGenerations    int     `json:"lag_generations"`
	LagSeconds        float64 `json:"lag_seconds"`
	NATSConnected     *bool   `json:"nats_connected,omitempty"`
	Error             string  `json:"error,omitempty"`
}

// Status says what is served and how current it is.
func (h *Handler) Status() Status {
	_, ix, _ := h.state()
	st := Status{Source: "local"}
	served := 0
	if ix != nil {
		st.Ready, st.Generation, st.Articles = true, ix.Generation(), ix.Count()
		served, _ = index.GenerationNumber(st.Generation)
	}
	if h.cfg.Follow == nil {
		if _, _, m, err := index.Published(h.cfg.Dir); err == nil && ix != nil {
			st.Published = &m.Built
		}
		return st
	}
	fs := h.cfg.Follow()
	st.Source, st.Error = fs.Source, fs.Err
	st.NATSConnected = &fs.Connected
	st.PointerGeneration = fs.Pointer.Generation
	if fs.Installed.Generation > 0 && fs.Installed.Generation == served {
		t := fs.Installed.Published
		st.Published = &t
	}
	if fs.Pointer.Generation > served {
		st.LagGenerations = fs.Pointer.Generation - served
		st.LagSeconds = time.Since(fs.Pointer.Published).Seconds()
	}
	return st
}

func gauges(h *Handler) []prometheus.Collector {
	stats := func() (web.Stats, bool) {
		_, _, s := h.state()
		if s == nil {
			return web.Stats{}, false
		}
		return s.Stats(), true
	}
	cache := func(f func(web.Stats) float64) func() float64 {
		return func() float64 {
			if st, ok := stats(); ok && st.Cache != nil {
				return f(st)
			}
			return 0
		}
	}
	gate := func(f func(web.Stats) float64) func() float64 {
		return func() float64 {
			if st, ok := stats(); ok {
				return f(st)
			}
			return 0
		}
	}
	status := func(f func(Status) float64) func() float64 { return func() float64 { return f(h.Status()) } }
	ready := func() float64 {
		if _, ix, _ := h.state(); ix != nil {
			return 1
		}
		return 0
	}
	return []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_ready", Help: "1 once an index generation is open."}, ready),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_cache_bytes", Help: "Bytes of answers in the result cache."}, cache(func(s web.Stats) float64 { return float64(s.Cache.Bytes) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_cache_max_bytes", Help: "Bound of the result cache."}, cache(func(s web.Stats) float64 { return float64(s.Cache.MaxBytes) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_cache_entries", Help: "Answers in the result cache."}, cache(func(s web.Stats) float64 { return float64(s.Cache.Entries) })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "kerko_cache_hits_total", Help: "Answers given from the cache."}, cache(func(s web.Stats) float64 { return float64(s.Cache.Hits) })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "kerko_cache_misses_total", Help: "Answers computed."}, cache(func(s web.Stats) float64 { return float64(s.Cache.Misses) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_search_slots_in_use", Help: "Searches running (holding an admission slot)."}, gate(func(s web.Stats) float64 { return float64(s.Searching) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_search_slots", Help: "Searches that may run at once."}, gate(func(s web.Stats) float64 { return float64(s.MaxSearches) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_search_queue", Help: "Searches waiting for an admission slot."}, gate(func(s web.Stats) float64 { return float64(s.Waiting) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_articles", Help: "Articles in the served generation."}, status(func(s Status) float64 { return float64(s.Articles) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_generation", Help: "Number of the served index generation."}, status(func(s Status) float64 {
			n, _ := index.GenerationNumber(s.Generation)
			return float64(n)
		})),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_pointer_generation", Help: "Generation the shared pointer names (replicas only)."}, status(func(s Status) float64 { return float64(s.PointerGeneration) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_rollout_lag_generations", Help: "Generations the pointer is ahead of the served one."}, status(func(s Status) float64 { return float64(s.LagGenerations) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_rollout_lag_seconds", Help: "Seconds since the pointer moved to a generation not served yet (0 when current)."}, status(func(s Status) float64 { return s.LagSeconds })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "kerko_stream_articles_consumed", Help: "Article-stream messages consumed into the served generation's line (replicas only)."}, func() float64 {
			if h.cfg.Follow == nil {
				return 0
			}
			return float64(h.cfg.Follow().Installed.Consumed)
		}),
	}
}

// Route is the metrics label of a path: its route, not the path itself,
// so that article ids and typos do not make a series each.
func Route(p string) string {
	switch {
	case p == "/" || p == "/api/search" || p == "/api/suggest" || p == "/api/status" ||
		p == "/healthz" || p == "/readyz" || p == "/metrics":
		return p
	case strings.HasPrefix(p, "/api/articles/"):
		return "/api/articles/{id}"
	case strings.HasPrefix(p, "/articles/"):
		return "/articles/{id}"
	case strings.HasPrefix(p, "/static/"):
		return "/static"
	}
	return "other"
}

func codeLabel(c int) string { return strconv.Itoa(c) }

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// recorder keeps the status code an answer was sent with.
type recorder struct {
	http.ResponseWriter
	code        int
	wroteHeader bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.code, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wroteHeader = true
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
