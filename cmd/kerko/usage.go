package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// commands is the one source of kerko's command-line usage: the usage
// kerko prints, each command's -h, and the README's command table are made
// from it, and TestUsage_MatchesFlags checks it against the flags each
// command defines and against the README.
var commands = []struct {
	name, synopsis, summary string
}{
	{"serve", "[--index DIR] [--addr 127.0.0.1:8080] [--memory-mib 256] [--cache-mib N] [--max-searches N] [--export-limit 10000] [--source nats://H:P] [--log-format text|json] [--pprof ADDR]",
		"serve the search page and the JSON API"},
	{"index", "[--corpus PATH ...] [--index DIR] [--full] [--quiet] [--json] [--no-nice] [--follow-symlinks] [--check [--generation gen-N]] [--publish nats://H:P] [--from nats://H:P/STREAM] [--replicas 3] [--keep 3] [--consumer NAME] [--ack-wait 30s] [--max-articles N] [--nats-timeout 5s] [--log-format text|json]",
		"build or update the index (or, with --check, verify a generation) and publish it to a NATS cluster"},
	{"search", "[--index DIR] [--lang L] [--country C] [--org O] [--person ID] [--source S] [--from D] [--to D] [--undated U] [--sort S] [--page N] [--size N] [--no-facets] [--repeat N] [--json] QUERY",
		"search from the command line"},
	{"analyze", "--lang sq|tr|en|folded [--stem-only] [TEXT]",
		"show what an analyzer makes of a text"},
	{"push", "--to nats://H:P/STREAM [--replicas 3] [--delete ID ...] [--quiet] [FILE.jsonl|DIR ...]",
		"send articles (or tombstones) to a NATS stream"},
}

// usage is what kerko prints when run without a command or with -h.
func usage() string {
	var b strings.Builder
	b.WriteString("kerko: full-text search for news in Albanian, Turkish and English\n\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  kerko %-8s %s\n      %s\n", c.name, c.synopsis, c.summary)
	}
	b.WriteString("\nRun \"kerko COMMAND -h\" for a command's flags. The index lives in ./kerko-index\nunless --index or $KERKO_INDEX says otherwise; with --publish, kerko index publishes\nto a NATS cluster, and with --source, kerko serve follows one (docs/scale-out.md).\n")
	return b.String()
}

// newFlags returns the flag set of command name, whose -h prints the
// command's synopsis from commands, then its flags.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kerko "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		for _, c := range commands {
			if c.name == name {
				fmt.Fprintf(fs.Output(), "Usage: kerko %s %s\n\n%s.\n\nFlags:\n", c.name, c.synopsis, strings.ToUpper(c.summary[:1])+c.summary[1:])
			}
		}
		fs.PrintDefaults()
	}
	return fs
}
