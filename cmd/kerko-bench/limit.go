package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2/registry"

	"kerko/analyzers"
	"kerko/corpus"
	"kerko/index"
	"kerko/internal/benchcorpus"
)

// runLimit answers "how fast could a build be at most?": the analysis a build
// runs (each article's title and body through its language's analyzer and
// the folded one) and the extraction it runs, each alone, over the whole
// corpus, on one core and on all of them.
func runLimit(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("limit", flag.ContinueOnError)
	dir := fs.String("corpus", "", "corpus folder (default: the shared bench corpus)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		d, err := benchcorpus.Dir()
		if err != nil {
			return err
		}
		*dir = d
	}
	start := time.Now()
	docs, err := benchcorpus.Load(ctx, *dir)
	if err != nil {
		return err
	}
	read := time.Since(start)
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Title) + len(d.Body)
	}

	cache := registry.NewCache()
	analyze := func(d *corpus.Article) {
		for _, name := range []string{analyzers.ForLang(d.Lang), analyzers.FoldedAnalyzer} {
			if name == "" {
				continue
			}
			a, err := cache.AnalyzerNamed(name)
			if err != nil {
				panic(err) // registered in analyzers' init
			}
			a.Analyze([]byte(d.Title))
			a.Analyze([]byte(d.Body))
		}
	}
	enrich := func(d *corpus.Article) { index.Enrich(d) }
	both := func(d *corpus.Article) { index.Enrich(d); analyze(d) }

	fmt.Printf("corpus: %s, %d articles, %.1f MB of title+body; read and parsed in %.2f s\n\n",
		*dir, len(docs), float64(bytes)/1e6, read.Seconds())
	fmt.Println("| work (whole corpus) | cores | wall s | CPU s | articles/s | MB/s | articles per CPU-s |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	steps := []struct {
		name string
		fn   func(*corpus.Article)
	}{
		{"analysis only (language + folded analyzer, title + body)", analyze},
		{"extraction only (language, countries, organizations)", enrich},
		{"analysis + extraction (the floor of a build)", both},
	}
	for _, s := range steps {
		for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			cpu0 := cpuSeconds()
			sec := parallel(docs, workers, s.fn)
			cpu := cpuSeconds() - cpu0
			fmt.Printf("| %s | %d | %.2f | %.2f | %.0f | %.2f | %.0f |\n", s.name, workers, sec, cpu,
				float64(len(docs))/sec, float64(bytes)/1e6/sec, float64(len(docs))/cpu)
		}
	}
	fmt.Printf("\nGOMAXPROCS=%d; load average %s after. CPU s is this process's user+system time:\n"+
		"unlike wall time it does not grow when other work shares the machine.\n", runtime.GOMAXPROCS(0), loadAvg())
	return nil
}

// cpuSeconds is the user+system CPU time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// parallel runs fn over docs on workers goroutines and returns the seconds.
func parallel(docs []*corpus.Article, workers int, fn func(*corpus.Article)) float64 {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					return
				}
				fn(docs[i])
			}
		}()
	}
	wg.Wait()
	return time.Since(start).Seconds()
}
