// Command kerko indexes and searches news in Albanian, Turkish and English:
// kerko serve, index, search, analyze and push. Its usage is in usage.go, the one
// source of `kerko -h`, `kerko COMMAND -h` and the README's command table.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal stops the command cleanly; a second one kills it at
	// once (a build is safe to kill at any point).
	go func() {
		<-ctx.Done()
		stop()
	}()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		var ee exitError
		if errors.As(err, &ee) {
			// What was wrong has been said already (usage, a flag error).
			os.Exit(int(ee))
		}
		fmt.Fprintln(os.Stderr, "kerko:", err)
		os.Exit(1)
	}
}

// exitError is an exit status whose reason has already been printed (2
// for usage errors): main exits with it and prints nothing more.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// parseFlags parses a command's flags. -h has printed the flags and is no
// error (exit 0); a bad flag has been reported by the flag package and
// exits 2.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return flag.ErrHelp
	}
	return exitError(2)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitError(2)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, stdout, stderr)
	case "search":
		return runSearch(ctx, rest, stdout, stderr)
	case "analyze":
		return runAnalyze(ctx, rest, stdin, stdout, stderr)
	case "push":
		return runPush(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage())
		return nil
	}
	fmt.Fprint(stderr, usage())
	return fmt.Errorf("unknown command %q", cmd)
}

// defaultIndexDir is where the index lives when no --index is given.
func defaultIndexDir() string {
	if d := os.Getenv("KERKO_INDEX"); d != "" {
		return d
	}
	return "kerko-index"
}

// newFlags returns a flag set that reports errors instead of exiting.
// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return fmt.Sprint(*l) }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }
