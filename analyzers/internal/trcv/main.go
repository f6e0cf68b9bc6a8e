// Command trcv chooses the rules of kerko's Turkish stemmer by
// cross-validation on the Turkish UD treebanks, and reports the figures of
// each held-out treebank, which were not used to choose the rules scored on
// it.
//
//	go run ./analyzers/internal/trcv                      # five folds, one per file, then the fit on all
//	go run ./analyzers/internal/trcv -folds treebanks     # four folds: IMST's dev and train files together
//	go run ./analyzers/internal/trcv -rules Round2        # score given rules on each file, no fitting
//	go run ./analyzers/internal/trcv -stem FILE.json      # a score.py stemmer adapter for rules in FILE
//
// Fitting is steepest ascent over trstem.Rules (each rule on or off, each
// threshold over a few values), starting from trstem.Round2: of all changes
// of one rule, the one that scores best on the training files is made,
// until no change helps. A candidate's score is its mean over the training
// files, each scored on its own as the held-out file will be. Rules that
// split a group of trstem.JoinGroups (forms of frequent news words that
// search must join, written by hand) lose to rules that split fewer; rules
// whose mean content merge rate exceeds -max-merge are refused; among the
// others the highest mean of nouns pair recall plus content pair recall
// wins.
//
// The gold data is read from ../shared/eval/ud (or $KERKO_SHARED/eval/ud);
// nothing of it is written anywhere.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"

	"kerko/analyzers/internal/trstem"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trcv:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("trcv", flag.ContinueOnError)
	dir := fs.String("ud", defaultUD(), "directory of the tr_*.conllu treebanks")
	folds := fs.String("folds", "files", "files: one fold per treebank file; treebanks: the files of one treebank together")
	maxMerge := fs.Float64("max-merge", 0.075, "highest mean content merge rate a fit may choose (the goal is 0.08 held out)")
	rulesName := fs.String("rules", "", "score these rules on every file instead of fitting: Round2, Fitted, or a JSON file")
	stemWith := fs.String("stem", "", "act as a score.py stemmer with the rules in this JSON file (or Round2, Fitted)")
	jsonOut := fs.String("json", "", "also write every fold's rules and figures to this file (analyzers/testdata/tr_cv.json is what TestTurkishCV_Golden checks)")
	misses := fs.String("misses", "", "with -rules: list the noun lemmas whose forms get most different stems in the files whose names contain this")
	merges := fs.String("merges", "", "with -rules: list the stems that join most lemmas in the files whose names contain this")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *stemWith != "" {
		r, err := loadRules(*stemWith)
		if err != nil {
			return err
		}
		return stemLines(r, stdin, stdout)
	}
	data, err := loadData(*dir)
	if err != nil {
		return err
	}
	if err := checkChain(data); err != nil {
		return err
	}
	if err := checkScorer(data); err != nil {
		return err
	}
	if *rulesName != "" {
		r, err := loadRules(*rulesName)
		if err != nil {
			return err
		}
		printPerFile(stdout, data, r)
		if *misses != "" {
			printMisses(stdout, data, r, *misses)
		}
		if *merges != "" {
			printMerges(stdout, data, r, *merges)
		}
		return nil
	}
	groups, err := foldGroups(data, *folds)
	if err != nil {
		return err
	}
	res, err := crossValidate(ctx, data, groups, *maxMerge)
	if err != nil {
		return err
	}
	res.Command = "go run ./analyzers/internal/trcv " + strings.Join(args, " ")
	res.MaxMerge = *maxMerge
	printReport(stdout, data, res, *maxMerge)
	if *jsonOut != "" {
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*jsonOut, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", *jsonOut, err)
		}
	}
	return nil
}

func defaultUD() string {
	if s := os.Getenv("KERKO_SHARED"); s != "" {
		return filepath.Join(s, "eval", "ud")
	}
	// Run from the module root (go run ./analyzers/internal/trcv) or from here.
	for _, p := range []string{"../shared/eval/ud", "../../../../shared/eval/ud"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "../shared/eval/ud"
}

// loadRules reads Round2, Fitted or a JSON file of trstem.Rules.
func loadRules(name string) (*trstem.Rules, error) {
	switch name {
	case "Round2":
		r := trstem.Round2
		return &r, nil
	case "Fitted":
		r := trstem.Fitted
		return &r, nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read rules: %w", err)
	}
	var r trstem.Rules
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("rules %s: %w", name, err)
	}
	return &r, nil
}

// stemLines is score.py's stemmer protocol: one word per line in, its stem
// in kerko_tr with the stemmer's rules replaced by r, one line out.
func stemLines(r *trstem.Rules, stdin io.Reader, stdout io.Writer) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	w := bufio.NewWriter(stdout)
	for sc.Scan() {
		word := strings.TrimRight(sc.Text(), "\r")
		s, err := stemWord(r, word, nil)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, s)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	return w.Flush()
}

// foldGroups lists, per fold, the indexes of its held-out files.
func foldGroups(d *data, mode string) ([][]int, error) {
	switch mode {
	case "files":
		var out [][]int
		for i := range d.files {
			out = append(out, []int{i})
		}
		return out, nil
	case "treebanks":
		by := map[string][]int{}
		var names []string
		for i, f := range d.files {
			tb := treebank(f.name)
			if by[tb] == nil {
				names = append(names, tb)
			}
			by[tb] = append(by[tb], i)
		}
		var out [][]int
		for _, n := range names {
			out = append(out, by[n])
		}
		return out, nil
	}
	return nil, fmt.Errorf("-folds %q: want files or treebanks", mode)
}

// treebank is the treebank a UD file belongs to: tr_imst-ud-dev.conllu → imst.
func treebank(file string) string {
	s := strings.TrimPrefix(filepath.Base(file), "tr_")
	s, _, _ = strings.Cut(s, "-")
	return s
}

// foldResult is one fold: the rules fitted without its held-out files and
// their figures on those files (pooled when a fold holds out two files).
type foldResult struct {
	HeldOut []string     `json:"held_out"`
	Rules   trstem.Rules `json:"rules"`
	Changes []string     `json:"changes_from_round2"`
	Train   figures      `json:"train_mean"`
	Test    figures      `json:"held_out_figures"`
	Round2  figures      `json:"round2_on_held_out"`
}

type cvResult struct {
	Command  string       `json:"command"`
	MaxMerge float64      `json:"max_merge"`
	Folds    []foldResult `json:"folds"`
	All      foldResult   `json:"fit_on_all"`
}

// crossValidate fits one fold per group (and all files last), the fits
// running concurrently: they only read d.
func crossValidate(ctx context.Context, d *data, groups [][]int, maxMerge float64) (*cvResult, error) {
	all := make([]int, len(d.files))
	for i := range all {
		all[i] = i
	}
	jobs := append(append([][]int{}, groups...), nil) // nil: fit on all files
	out := make([]foldResult, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for j, held := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if held == nil {
				r, tf := fit(ctx, d, all, maxMerge)
				out[j] = foldResult{Rules: r, Changes: diffRules(trstem.Round2, r), Train: tf}
				return
			}
			isHeld := map[int]bool{}
			var names []string
			for _, i := range held {
				isHeld[i] = true
				names = append(names, filepath.Base(d.files[i].name))
			}
			var train []int
			for i := range d.files {
				if !isHeld[i] {
					train = append(train, i)
				}
			}
			r, tf := fit(ctx, d, train, maxMerge)
			round2 := trstem.Round2
			out[j] = foldResult{
				HeldOut: names,
				Rules:   r,
				Changes: diffRules(trstem.Round2, r),
				Train:   tf,
				Test:    d.score(&r, held),
				Round2:  d.score(&round2, held),
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &cvResult{Folds: out[:len(groups)], All: out[len(groups)]}, nil
}

func printReport(w io.Writer, d *data, res *cvResult, maxMerge float64) {
	fmt.Fprintf(w, "Turkish stemmer, cross-validated (fit: max mean content merge %.3f, maximize nouns PR + content PR)\n\n", maxMerge)
	fmt.Fprintln(w, "| held out | nouns PR | content PR | content merge | nouns merge | Round2 on it: nouns PR / merge | rules changed from Round2 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	var sum figures
	for _, f := range res.Folds {
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f / %.3f | %s |\n",
			strings.Join(shortNames(f.HeldOut), " + "), f.Test.NounsPR, f.Test.ContentPR, f.Test.ContentMerge, f.Test.NounsMerge,
			f.Round2.NounsPR, f.Round2.ContentMerge, orNone(f.Changes))
		sum = sum.add(f.Test)
	}
	m := sum.div(float64(len(res.Folds)))
	fmt.Fprintf(w, "| **mean** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | | |\n\n", m.NounsPR, m.ContentPR, m.ContentMerge, m.NounsMerge)
	fmt.Fprintf(w, "Fit on all %d files (mean over files: nouns PR %.3f, content PR %.3f, content merge %.3f; join groups split: %d): %s\n",
		len(d.files), res.All.Train.NounsPR, res.All.Train.ContentPR, res.All.Train.ContentMerge, res.All.Train.Splits, orNone(res.All.Changes))
	if res.All.Rules == trstem.Fitted {
		fmt.Fprintln(w, "trstem.Fitted equals the fit on all files.")
	} else {
		fmt.Fprintf(w, "trstem.Fitted DIFFERS from the fit on all files (%s); set it to:\n%s\n",
			orNone(diffRules(trstem.Fitted, res.All.Rules)), goLiteral(res.All.Rules))
	}
}

func printPerFile(w io.Writer, d *data, r *trstem.Rules) {
	fmt.Fprintln(w, "| file | nouns PR | content PR | content merge | nouns merge |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	var sum figures
	for i, f := range d.files {
		s := d.score(r, []int{i})
		sum = sum.add(s)
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %.3f |\n", shortName(f.name), s.NounsPR, s.ContentPR, s.ContentMerge, s.NounsMerge)
	}
	m := sum.div(float64(len(d.files)))
	fmt.Fprintf(w, "| mean | %.3f | %.3f | %.3f | %.3f |\n", m.NounsPR, m.ContentPR, m.ContentMerge, m.NounsMerge)
	split := trstem.JoinSplits(func(f string) string { s, _ := stemWord(r, f, nil); return s })
	fmt.Fprintf(w, "\njoin groups split: %d of %d\n", len(split), len(trstem.JoinGroups))
	for _, g := range split {
		var parts []string
		for _, f := range g {
			s, _ := stemWord(r, f, nil)
			parts = append(parts, f+"→"+s)
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(parts, " "))
	}
}

func shortNames(ns []string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = shortName(n)
	}
	return out
}

func shortName(n string) string {
	return strings.TrimSuffix(strings.TrimPrefix(filepath.Base(n), "tr_"), ".conllu")
}

func orNone(cs []string) string {
	if len(cs) == 0 {
		return "none"
	}
	return strings.Join(cs, ", ")
}

// goLiteral writes r as the Go composite literal of trstem.Fitted.
func goLiteral(r trstem.Rules) string {
	var parts []string
	v := reflect.ValueOf(r)
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		if name == "Verb" {
			var names []string
			for j, g := range trstem.VerbGroups {
				if r.Verb&(1<<j) != 0 {
					names = append(names, fmt.Sprintf("%q", g.Name))
				}
			}
			parts = append(parts, fmt.Sprintf("Verb: VerbSetOf(%s)", strings.Join(names, ", ")))
			continue
		}
		if v.Field(i).IsZero() {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s: %v", name, v.Field(i).Interface()))
	}
	return "Rules{" + strings.Join(parts, ", ") + "}"
}

var errNoFiles = errors.New("no tr_*.conllu files")

func sortedFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "tr_*.conllu"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%w in %s (set -ud or KERKO_SHARED)", errNoFiles, dir)
	}
	sort.Strings(files)
	return files, nil
}
