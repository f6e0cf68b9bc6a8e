// Command stemcmd is a score.py stemmer adapter: it reads one word per line on
// stdin and prints analyzers.Stem(lang, word) for each, one line per line.
//
//	python3 ../shared/eval/score.py --lang sq --stemmer 'go run ./analyzers/internal/stemcmd -lang sq'
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"kerko/analyzers"
)

func main() {
	lang := flag.String("lang", "", "sq, tr, en or folded")
	flag.Parse()
	if err := run(*lang); err != nil {
		fmt.Fprintln(os.Stderr, "stemcmd:", err)
		os.Exit(1)
	}
}

func run(lang string) error {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	for in.Scan() {
		word := strings.TrimRight(in.Text(), "\r")
		s, err := analyzers.Stem(lang, word)
		if err != nil {
			return err
		}
		// A stem never spans lines; keep the one-line-per-word protocol.
		s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
		if _, err := fmt.Fprintln(out, s); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	return out.Flush()
}
