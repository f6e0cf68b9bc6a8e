package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"kerko/highlight"
	"kerko/index"
	"kerko/internal/budget"
	"kerko/ops"
	"kerko/search"
	"kerko/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	dir := fs.String("index", defaultIndexDir(), "index directory (built from the embedded seed corpus if empty, unless --source is given)")
	addr := fs.String("addr", web.DefaultAddr, "address to listen on (loopback by default)")
	maxSearches := fs.Int("max-searches", 0, "searches run at once; more wait their turn (default: twice the number of CPUs)")
	memoryMiB := fs.Int("memory-mib", budget.DefaultMiB, "MiB the server's caches hold together; the Go heap is kept under this plus 128 MiB (see docs/operations.md, Memory)")
	cacheMiB := fs.Int("cache-mib", -1, "MiB of recent search, article and related-article answers kept in memory, per index generation (default: an eighth of --memory-mib; 0 turns the cache off)")
	exportLimit := fs.Int("export-limit", web.DefaultExportLimit, "most rows one /api/export gives (its limit parameter can ask for fewer)")
	pprofAddr := fs.String("pprof", "", "also serve net/http/pprof on this address (e.g. 127.0.0.1:6060); off by default")
	source := fs.String("source", "", "follow the generations published to this NATS cluster (nats://H:P[,H:P...]) instead of building locally; see docs/scale-out.md")
	logFormat := fs.String("log-format", "text", "log lines as text or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := newLogger(stderr, *logFormat)
	if err != nil {
		fmt.Fprintln(stderr, "kerko serve:", err)
		return exitError(2)
	}
	mem, err := budget.Of(*memoryMiB)
	if err != nil {
		fmt.Fprintf(stderr, "kerko serve: --memory-mib: %v\n", err)
		return exitError(2)
	}
	goLimit := mem.ApplyGoLimit()
	highlight.SetMemoryBytes(mem.Words)
	search.SetStopWordBytes(mem.StopWords)
	open := func(dir string) (*search.Index, error) {
		return search.OpenWith(dir, search.Options{BodyBytes: mem.Bodies, DocFreqBytes: mem.DocFreqs})
	}

	cacheBytes := mem.Answers
	switch {
	case *cacheMiB == 0:
		cacheBytes = -1 // web.Config reads 0 as "the default"
	case *cacheMiB > 0:
		cacheBytes = int64(*cacheMiB) << 20
	}
	if *exportLimit < 1 {
		return fmt.Errorf("--export-limit must be at least 1")
	}
	newServer := func(ix *search.Index) (*web.Server, error) {
		return web.New(web.Config{Searcher: ix, Logger: log, MaxSearches: *maxSearches, CacheBytes: cacheBytes, ExportLimit: *exportLimit,
			MemoryBytes: mem.Total, GoLimitBytes: goLimit})
	}
	if *source != "" {
		return serveReplica(ctx, *dir, *addr, *source, *pprofAddr, open, newServer, log, stdout, stderr)
	}

	if err := ensureIndex(ctx, *dir, stderr); err != nil {
		return err
	}
	ix, err := open(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	// kerko index publishes new generations beside the one served; the
	// server follows the CURRENT pointer. Polling it every second costs one
	// small read and bounds how stale the server can be.
	go ix.Watch(ctx, time.Second, func(gen string) {
		log.Info("serving new index generation", "generation", gen, "articles", ix.Count())
	}, func(err error) {
		log.Warn("new index generation not served; still serving the previous one", "generation", ix.Generation(), "err", err)
	})

	if *pprofAddr != "" {
		if err := servePprof(ctx, *pprofAddr, log); err != nil {
			return err
		}
	}

	srv, err := newServer(ix)
	if err != nil {
		return err
	}
	front := ops.New(ops.Config{Dir: *dir})
	front.Ready(ix, srv)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := web.NewHTTPServer(front, log, 0)
	fmt.Fprintf(stdout, "kerko: serving %d articles from %s on http://%s/\n", ix.Count(), *dir, ln.Addr())

	// 8s of grace keeps the exit within the 10s most supervisors allow.
	if err := web.Serve(ctx, hs, ln, 8*time.Second); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "kerko: stopped")
	return nil
}

// newLogger makes the server's logger in the format asked for.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

// servePprof serves the runtime profiles on their own listener, so a
// profile of a load test can be taken without exposing them on the
// search address.
func servePprof(ctx context.Context, addr string, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen for pprof on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		hs.Close()
	}()
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("pprof server stopped", "err", err)
		}
	}()
	return nil
}

// ensureIndex returns once dir holds a published index. Only an empty or
// missing directory gets one built, from the embedded seed corpus; any
// other state that is not a servable index is an error saying what is
// wrong and how to fix it, and nothing in the directory is touched.
func ensureIndex(ctx context.Context, dir string, stderr io.Writer) error {
	waiting, noPointer := false, 0
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		st := index.ReadState(dir)
		switch st.Kind {
		case index.StatePublished:
			return nil
		case index.StateEmpty:
			if !waiting {
				fmt.Fprintf(stderr, "no index in %s yet: indexing the embedded seed corpus\n", dir)
			}
			bs, err := buildIndex(ctx, dir, nil, false, buildOutput{w: stderr, problems: true})
			if err == nil {
				// The same summary kerko index prints, so the first run says
				// what was indexed, how fast and where, not only what failed.
				printSummary(stderr, dir, bs)
				return nil
			}
			if !errors.Is(err, index.ErrBusy) {
				return err
			}
			// A kerko index is building the first generation: serve it
			// when it is published.
			if !waiting {
				fmt.Fprintf(stderr, "%s is being built by another kerko index: waiting for it\n", dir)
				waiting = true
			}
		case index.StateNoPointer:
			// A build publishing its first generation has written the
			// marker and not yet CURRENT for a moment; past that, it is a
			// directory to repair by hand.
			if noPointer++; !waiting || noPointer > 2 {
				return st.Err()
			}
		default:
			return st.Err()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
