package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"time"

	"kerko/index"
	"kerko/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	dir := fs.String("index", defaultIndexDir(), "index directory (built from the embedded seed corpus if empty)")
	addr := fs.String("addr", web.DefaultAddr, "address to listen on (loopback by default)")
	if err := fs.Parse(args); err != nil {
		return exitError(2)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	if !index.Exists(*dir) {
		fmt.Fprintf(stderr, "no index in %s yet: indexing the embedded seed corpus\n", *dir)
		if _, err := buildIndex(ctx, *dir, nil, false, false, stderr); err != nil && !errors.Is(err, index.ErrBusy) {
			return err
		}
	}
	ix, err := index.Open(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	go ix.Watch(ctx, time.Second, func(err error) { log.Warn("new index generation not served", "err", err) })

	srv, err := web.New(web.Config{Searcher: ix, Logger: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := srv.HTTPServer()
	fmt.Fprintf(stdout, "kerko: serving %d articles from %s on http://%s/\n", ix.Count(), *dir, ln.Addr())

	// 8s of grace keeps the exit within the 10s most supervisors allow.
	if err := web.Serve(ctx, hs, ln, 8*time.Second); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "kerko: stopped")
	return nil
}
