package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"kerko/cluster"
	"kerko/index"
	"kerko/ops"
	"kerko/web"
)

// serveReplica serves dir as a query replica of a NATS cluster: it listens
// at once (not ready), follows the shared pointer into dir, and serves the
// first generation installed, or the one dir already holds.
func serveReplica(ctx context.Context, dir, addr, source, pprofAddr string, newServer func(*index.Index) (*web.Server, error), log *slog.Logger, stdout, stderr io.Writer) error {
	a, err := cluster.ParseAddress(source)
	if err != nil {
		return fmt.Errorf("--source: %w", err)
	}
	conn, err := cluster.Connect(a, cluster.Options{Wait: true, Logger: log, Name: "kerko serve " + addr})
	if err != nil {
		return err
	}
	defer conn.Close()
	follower := conn.NewFollower(dir)
	installed := make(chan struct{}, 1)
	follower.OnInstall = func(cluster.Pointer, string) {
		select {
		case installed <- struct{}{}:
		default:
		}
	}
	front := ops.New(ops.Config{Dir: dir, Follow: follower.Status})
	if pprofAddr != "" {
		if err := servePprof(ctx, pprofAddr, log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	go follower.Run(ctx)

	// Open the index once one is there, then reload at each install (and,
	// as a local server does, at each change of CURRENT).
	openErr := make(chan error, 1)
	go func() {
		var ix *index.Index
		for ix == nil {
			if index.ReadState(dir).Kind == index.StatePublished {
				var err error
				if ix, err = index.Open(dir); err != nil {
					log.Warn("local index generation not opened; waiting for the next one", "err", err)
					ix = nil
				}
			}
			if ix == nil {
				select {
				case <-ctx.Done():
					return
				case <-installed:
				case <-time.After(time.Second):
				}
			}
		}
		srv, err := newServer(ix)
		if err != nil {
			ix.Close()
			openErr <- err
			return
		}
		front.Ready(ix, srv)
		log.Info("ready", "generation", ix.Generation(), "articles", ix.Count())
		go ix.Watch(ctx, time.Second, func(gen string) {
			log.Info("serving new index generation", "generation", gen, "articles", ix.Count())
		}, func(err error) {
			log.Warn("new index generation not served; still serving the previous one", "generation", ix.Generation(), "err", err)
		})
		for {
			select {
			case <-ctx.Done():
				ix.Close()
				return
			case <-installed:
				if changed, err := ix.Reload(); err != nil {
					log.Warn("new index generation not served; still serving the previous one", "generation", ix.Generation(), "err", err)
				} else if changed {
					log.Info("serving new index generation", "generation", ix.Generation(), "articles", ix.Count())
				}
			}
		}
	}()

	hs := web.NewHTTPServer(front, log, 0)
	fmt.Fprintf(stdout, "kerko: replica of %s listening on http://%s/ (ready once a generation is open: /readyz)\n", a, ln.Addr())
	serveCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case err := <-openErr:
			log.Error("cannot serve the index", "err", err)
			cancel()
		case <-serveCtx.Done():
		}
	}()
	if err := web.Serve(serveCtx, hs, ln, 8*time.Second); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "kerko: stopped")
	return nil
}
