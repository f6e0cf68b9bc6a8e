package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"kerko/analyzers"
)

// readerIsTerminal reports whether r is a terminal; a variable, so tests
// can be a terminal without one.
var readerIsTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr)
	lang := fs.String("lang", "", "analyzer: sq, tr, en or folded")
	stemOnly := fs.Bool("stem-only", false, "read one word per line from stdin and print its stem, one line per line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	name := analyzers.ForLang(*lang)
	if *lang == "folded" {
		name = analyzers.FoldedAnalyzer
	}
	if name == "" {
		return fmt.Errorf("--lang %q: want sq, tr, en or folded", *lang)
	}
	if *stemOnly {
		return stemLines(ctx, *lang, stdin, stdout)
	}
	text := strings.Join(fs.Args(), " ")
	if text == "" {
		if readerIsTerminal(stdin) {
			// Nothing typed after the command and nothing piped in: say
			// how, rather than wait for text the user does not know to type.
			fmt.Fprintf(stderr, "kerko analyze: no TEXT given; pass it as arguments or on stdin (echo TEXT | kerko analyze --lang %s)\n", *lang)
			fs.Usage()
			return exitError(2)
		}
		b, err := io.ReadAll(stdin)
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
		text = string(b)
	}
	toks, err := analyzers.Analyze(name, text)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	fmt.Fprintf(w, "%-4s %-20s %-20s %s\n", "pos", "token", "text", "bytes")
	for _, t := range toks {
		fmt.Fprintf(w, "%-4d %-20s %-20s %d-%d\n", t.Position, t.Term, text[t.Start:t.End], t.Start, t.End)
	}
	return nil
}

// stemLines is the stemmer protocol of the evaluation scripts: exactly one
// line out per line in, the word's stem in lang's index field, or the word
// itself when the analyzer drops it.
func stemLines(ctx context.Context, lang string, stdin io.Reader, stdout io.Writer) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		stem, err := analyzers.Stem(lang, strings.TrimRight(sc.Text(), "\r"))
		if err != nil {
			return err
		}
		// A stem never spans lines: the protocol counts lines.
		w.WriteString(strings.ReplaceAll(stem, "\n", " "))
		w.WriteByte('\n')
	}
	return sc.Err()
}
