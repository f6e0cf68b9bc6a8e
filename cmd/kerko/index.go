package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"kerko/corpus"
	"kerko/index"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("index", stderr)
	var corpora listFlag
	fs.Var(&corpora, "corpus", "folder, .txt or .jsonl file to index (repeatable; default: the embedded seed corpus)")
	dir := fs.String("index", defaultIndexDir(), "index directory")
	full := fs.Bool("full", false, "rebuild from scratch instead of updating")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	asJSON := fs.Bool("json", false, "print the summary as one JSON line")
	if err := fs.Parse(args); err != nil {
		return exitError(2)
	}
	corpora = append(corpora, fs.Args()...)
	st, err := buildIndex(ctx, *dir, corpora, *full, *quiet || *asJSON, stderr)
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		return json.NewEncoder(stdout).Encode(map[string]any{
			"op": "index", "docs": st.Articles, "seconds": st.Elapsed.Seconds(), "index_bytes": st.IndexBytes,
			"added": st.Added, "updated": st.Updated, "deleted": st.Deleted, "unchanged": st.Unchanged,
			"skipped": st.Skipped, "repaired": st.Repaired, "warnings": st.Warnings, "full": st.Full,
			"generation": st.Generation, "published": st.Published,
		})
	case !*quiet:
		printSummary(stdout, *dir, st)
	}
	return nil
}

// buildIndex builds dir from the given corpora, or from the embedded seed
// corpus when none is given, reporting problems and progress on w.
func buildIndex(ctx context.Context, dir string, corpora []string, full, quiet bool, w io.Writer) (*index.Stats, error) {
	read := func(ctx context.Context, r *corpus.Reader) error {
		if len(corpora) == 0 {
			return r.ReadFS(ctx, corpus.Seeds(), "seeds")
		}
		for _, p := range corpora {
			if err := r.ReadPath(ctx, p); err != nil {
				return err
			}
		}
		return nil
	}
	opts := index.BuildOptions{Full: full}
	if !quiet {
		opts.Report = func(p corpus.Problem) { fmt.Fprintln(w, p) }
		opts.Progress = plainProgress(w)
	}
	st, err := index.Build(ctx, dir, read, opts)
	if err != nil {
		return nil, fmt.Errorf("index %q: %w", dir, err)
	}
	return st, nil
}

// plainProgress prints one line every few seconds: the form that suits pipes
// and CI logs.
func plainProgress(w io.Writer) func(index.Progress) {
	last := time.Now()
	return func(p index.Progress) {
		if time.Since(last) < 3*time.Second {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "… %d articles read, %d written, %.0f/s\n", p.Read, p.Written, float64(p.Read)/p.Elapsed.Seconds())
	}
}

func printSummary(w io.Writer, dir string, st *index.Stats) {
	if st.Full {
		fmt.Fprintf(w, "full build (%s)\n", st.FullReason)
	}
	rate := 0.0
	if s := st.Elapsed.Seconds(); s > 0 {
		rate = float64(st.Indexed()) / s
	}
	fmt.Fprintf(w, "indexed %d (added %d, updated %d), deleted %d, unchanged %d, skipped %d, repaired %d, warnings %d\n",
		st.Indexed(), st.Added, st.Updated, st.Deleted, st.Unchanged, st.Skipped, st.Repaired, st.Warnings)
	state := fmt.Sprintf("published generation %d", st.Generation)
	if !st.Published {
		state = "nothing changed, index kept"
	}
	fmt.Fprintf(w, "%d articles in %s (%s, %.1f MiB) in %.2fs, %.0f articles/s\n",
		st.Articles, dir, state, float64(st.IndexBytes)/(1<<20), st.Elapsed.Seconds(), rate)
}
