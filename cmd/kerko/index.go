package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"kerko/cluster"
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
	noNice := fs.Bool("no-nice", false, "run at normal CPU priority (by default kerko index yields the CPU to a kerko serve beside it)")
	asJSON := fs.Bool("json", false, "print the summary as one JSON line on stdout, and no progress")
	check := fs.Bool("check", false, "verify a generation instead of building: every file against its manifest, then Bleve's consistency; exit 1 on any problem")
	gen := fs.String("generation", "", "with --check: the generation to verify, such as gen-000003 (default: the published one)")
	follow := fs.Bool("follow-symlinks", false, "follow links to files that lead out of a corpus folder (by default they are reported and skipped; links to folders are never followed)")
	var nf natsFlags
	nf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	corpora = append(corpora, fs.Args()...)
	if *check {
		if len(corpora) > 0 || *full || nf.publish != "" || nf.from != "" {
			fmt.Fprintln(stderr, "kerko index: --check verifies an index and builds nothing: it takes no corpus, --full, --publish or --from")
			return exitError(2)
		}
		return checkIndex(ctx, *dir, *gen, stdout)
	}
	if *gen != "" {
		fmt.Fprintln(stderr, "kerko index: --generation goes with --check")
		return exitError(2)
	}
	buildGC()
	if !*noNice {
		lowerPriority()
	}
	out := buildOutput{w: stderr, problems: !*quiet, progress: !*quiet && !*asJSON, tty: isTerminal(stderr)}
	if nf.from != "" && len(corpora) > 0 {
		fmt.Fprintln(stderr, "kerko index: --from reads the article stream; give no --corpus with it")
		return exitError(2)
	}
	var pub *publishRun
	if nf.publish != "" || nf.from != "" {
		var err error
		if pub, err = nf.start(ctx, *dir, stderr); err != nil {
			return err
		}
		defer pub.close()
	}
	var st *index.Stats
	var err error
	if pub != nil && pub.batch != nil {
		if pub.batch.Messages == 0 {
			if !*quiet {
				fmt.Fprintf(stdout, "nothing new in %s: generation %d stays published\n", pub.from, pub.base.Generation)
				if n := pub.batch.Unacknowledged; n > 0 {
					fmt.Fprintf(stdout, "%d messages read by an indexer that stopped come back when their --ack-wait is over: run again then\n", n)
				}
			}
			return nil
		}
		st, err = buildIndexWith(ctx, *dir, pub.batch.Read, nil, index.BuildOptions{Full: *full, Keep: true, Delete: pub.batch.Deletes}, out)
	} else {
		st, err = buildCorpora(ctx, *dir, corpusSpec{paths: corpora, followSymlinks: *follow}, *full, out)
	}
	if err != nil {
		return err
	}
	var published *cluster.Pointer
	if pub != nil {
		if published, err = pub.finish(ctx, *dir); err != nil {
			return err
		}
	}
	switch {
	case *asJSON:
		// op, docs, seconds and index_bytes are read by benchmark scripts:
		// keep them.
		out := map[string]any{
			"op": "index", "docs": st.Articles, "seconds": st.Elapsed.Seconds(), "index_bytes": st.IndexBytes,
			"added": st.Added, "updated": st.Updated, "deleted": st.Deleted, "unchanged": st.Unchanged,
			"skipped": st.Skipped, "skip_reasons": st.SkipReasons, "repaired": st.Repaired, "warnings": st.Warnings,
			"text_repaired_articles": st.TextRepairedArticles, "text_repaired_chars": st.TextRepairedChars,
			"full": st.Full, "full_reason": st.FullReason.String(), "generation": st.Generation, "published": st.Published,
			"articles_per_second": rate(st),
		}
		if published != nil {
			out["cluster_generation"], out["cluster_object"] = published.Generation, published.Object
			if pub.batch != nil {
				out["consumed"], out["stream_seq"] = pub.batch.Messages, published.StreamSeq
			}
		}
		return json.NewEncoder(stdout).Encode(out)
	case !*quiet:
		printSummary(stdout, *dir, st)
		if published != nil {
			pub.printPublished(stdout, *published)
		}
	}
	return nil
}

// buildOutput says what a build prints, and where.
type buildOutput struct {
	w        io.Writer
	problems bool // each problem with the input, once
	progress bool // a bar on a terminal, plain lines elsewhere
	tty      bool
}

// problemsPerKind is how many problems of one kind a build prints per file
// (or per folder, for whole files) before it only counts them.
const problemsPerKind = 10

// buildIndex builds dir from the given corpora, or from the embedded seed
// corpus when none is given.
func buildIndex(ctx context.Context, dir string, corpora []string, full bool, out buildOutput) (*index.Stats, error) {
	return buildCorpora(ctx, dir, corpusSpec{paths: corpora}, full, out)
}

// corpusSpec says what a build reads: paths, or the seeds when there are
// none, and whether links may lead out of a corpus folder.
type corpusSpec struct {
	paths          []string
	followSymlinks bool
}

// buildCorpora builds dir from src.
func buildCorpora(ctx context.Context, dir string, src corpusSpec, full bool, out buildOutput) (*index.Stats, error) {
	var estimate func(context.Context) int
	if len(src.paths) > 0 {
		estimate = func(ctx context.Context) int { return corpus.Estimate(ctx, src.paths...) }
	}
	return buildIndexWith(ctx, dir, readCorpora(src), estimate, index.BuildOptions{Full: full}, out)
}

// readCorpora reads the corpora of src, or the embedded seed corpus when it
// names none.
func readCorpora(src corpusSpec) index.ReadFunc {
	corpora := src.paths
	read := func(ctx context.Context, r *corpus.Reader) error {
		if len(corpora) == 0 {
			return r.ReadFS(ctx, corpus.Seeds(), "seeds")
		}
		r.FollowSymlinks = src.followSymlinks
		for _, p := range corpora {
			// With several corpora, ids of files in folders start with
			// the folder's name: each folder's "c (1).txt" stays apart.
			r.IDPrefix = ""
			if len(corpora) > 1 {
				if info, err := os.Stat(p); err == nil && info.IsDir() {
					r.IDPrefix = filepath.Base(filepath.Clean(p))
				}
			}
			if err := r.ReadPath(ctx, p); err != nil {
				return err
			}
		}
		return nil
	}
	return read
}

// buildIndexWith builds dir from what read delivers; estimate, if not nil,
// counts the articles ahead for the progress bar.
func buildIndexWith(ctx context.Context, dir string, read index.ReadFunc, estimate func(context.Context) int, opts index.BuildOptions, out buildOutput) (*index.Stats, error) {
	var prog *progress
	if out.problems || out.progress {
		prog = newProgress(out.w, out.progress && out.tty)
	}
	var limit *corpus.ReportLimiter
	if out.problems {
		// The build's counts see every problem; the terminal sees the
		// first few of each kind per file, then how many more there were.
		limit = &corpus.ReportLimiter{Report: prog.problem, PerKind: problemsPerKind}
		opts.Report = limit.Add
	}
	if out.progress {
		opts.Progress = prog.update
		// Counting is a quick pass over the files that the build reads
		// anyway (so they are cached for it); it runs beside the build.
		countCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			if estimate == nil {
				return
			}
			prog.setTotal(estimate(countCtx))
		}()
	}
	st, err := index.Build(ctx, dir, read, opts)
	if limit != nil {
		limit.Flush()
	}
	if prog != nil {
		prog.finish()
	}
	var se *index.StateError
	if errors.As(err, &se) {
		return nil, err // it names the directory and says how to fix it
	}
	if err != nil && ctx.Err() != nil {
		msg := "interrupted; the published index is unchanged"
		var ue *index.UnfinishedError
		if errors.As(err, &ue) {
			msg += "; " + ue.Error()
		}
		return nil, fmt.Errorf("index %q: %s", dir, msg)
	}
	if err != nil {
		return nil, fmt.Errorf("index %q: %w", dir, err)
	}
	return st, nil
}

// buildGC runs the collector at GOGC=150 under a 400 MiB soft memory limit,
// unless GOGC or GOMEMLIMIT is set. A build's live heap is small (~130 MB:
// the analyzed batches in flight and the segments being built) but it
// allocates ~9 GB of short-lived token structures for the bench corpus, so
// the collector ran often: on the full bench corpus (three runs each, load
// 1.5-1.9) this cut 23.1 -> 21.3 CPU-s at the same peak RSS (~460 MiB); the
// limit makes the collector work harder only if the heap nears it, which
// keeps the peak below Lucene's. GOGC=200 alone took RSS to 600-700 MiB.
func buildGC() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(150)
		debug.SetMemoryLimit(400 << 20)
	}
}

// checkIndex prints Check's verdicts, one line each, and fails when any is
// a problem.
func checkIndex(ctx context.Context, dir, gen string, stdout io.Writer) error {
	if gen == "" {
		gen = "the published generation"
	}
	fmt.Fprintf(stdout, "checking %s of %s\n", gen, dir)
	if gen == "the published generation" {
		gen = ""
	}
	problems, err := index.Check(ctx, dir, gen, func(l index.CheckLine) {
		verdict := "ok  "
		if !l.OK {
			verdict = "FAIL"
		}
		fmt.Fprintf(stdout, "%s  %-32s %s\n", verdict, l.Subject, l.Detail)
	})
	switch {
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("check %s: interrupted", dir)
	case err != nil:
		return fmt.Errorf("check %s: %w", dir, err)
	case problems > 0:
		return fmt.Errorf("check %s: %d problems (each marked FAIL above)", dir, problems)
	}
	fmt.Fprintln(stdout, "no problem found")
	return nil
}
