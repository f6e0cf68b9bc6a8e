// Command kerko indexes and searches news in Albanian, Turkish and English.
//
//	kerko serve   [--index DIR] [--addr 127.0.0.1:8080] [--cache-mib 32] [--export-limit 10000]
//	kerko index   [--corpus PATH ...] [--index DIR] [--full] [--quiet] [--json]
//	kerko index   --check [--index DIR] [--generation gen-N]
//	kerko search  [--index DIR] [--lang L] [--country C] [--from D] [--to D] [--json] QUERY
//	kerko analyze --lang sq|tr|en|folded [--stem-only] [TEXT]   (TEXT or stdin)
//	kerko push    --to nats://H:P/STREAM [--delete ID ...] [FILE.jsonl|DIR ...]
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

const usage = `kerko: full-text search for news in Albanian, Turkish and English

Usage:
  kerko serve   [--index DIR] [--addr 127.0.0.1:8080]     serve the search page and API
                [--cache-mib 32]                         (0: no result cache)
                [--export-limit 10000]                   rows one /api/export may give
  kerko index   [--corpus PATH ...] [--index DIR] [--full] build or update the index
  kerko index   --check [--index DIR] [--generation gen-N] verify a generation, file by file
  kerko search  [--index DIR] [filters] [--json] QUERY    search from the command line
  kerko analyze --lang sq|tr|en|folded [--stem-only] [TEXT]
                                                         show what an analyzer makes of TEXT (or of stdin)
  kerko push    --to nats://H:P/STREAM FILE.jsonl|DIR    send articles to a NATS stream

With --publish nats://..., kerko index publishes to a NATS cluster, and with
--source nats://..., kerko serve follows one (docs/scale-out.md).

Run "kerko COMMAND -h" for a command's flags. The index lives in ./kerko-index
unless --index or $KERKO_INDEX says otherwise.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
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
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
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
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kerko "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return fmt.Sprint(*l) }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }
