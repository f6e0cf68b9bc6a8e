// Command linguacmp compares extract.DetectLanguage with lingua-go (restricted
// to Albanian, Turkish and English) on the benchmark corpus: accuracy overall
// and on texts under 300 characters, articles per second, and heap memory.
// It is a separate module so that lingua-go (and its ~100 MB of models)
// never enters kerko's own dependencies.
//
//	cd extract/internal/linguacmp && go run . -corpus ../../../../shared/bench/corpus
//	go run . -titles   # titles alone
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"time"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"kerko/extract"
)

type article struct {
	ID, Lang, Title, Body string
}

func main() {
	dir := flag.String("corpus", "../../../../shared/bench/corpus", "folder of *.jsonl articles")
	low := flag.Bool("low", false, "also run lingua-go in low accuracy mode")
	titles := flag.Bool("titles", false, "detect the titles alone (articles that have one)")
	flag.Parse()
	files, _ := filepath.Glob(filepath.Join(*dir, "*.jsonl"))
	var docs []article
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				log.Fatal(err)
			}
			docs = append(docs, a)
		}
		fh.Close()
	}
	if *titles {
		kept := docs[:0]
		for _, a := range docs {
			if a.Title != "" {
				a.Body = ""
				kept = append(kept, a)
			}
		}
		docs = kept
	}
	texts := make([]string, len(docs))
	for i, a := range docs {
		texts[i] = a.Title + "\n" + a.Body
		if *titles {
			texts[i] = a.Title
		}
	}
	fmt.Printf("%d articles\n", len(docs))
	run("extract.DetectLanguage", docs, texts, func() func(string) string {
		return func(s string) string { l, _ := extract.DetectLanguage(s); return l }
	})
	names := map[lingua.Language]string{lingua.Albanian: "sq", lingua.Turkish: "tr", lingua.English: "en"}
	run("lingua-go (3 languages, preloaded)", docs, texts, func() func(string) string {
		d := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.Albanian, lingua.Turkish, lingua.English).
			WithPreloadedLanguageModels().Build()
		return func(s string) string {
			l, ok := d.DetectLanguageOf(s)
			if !ok {
				return "und"
			}
			return names[l]
		}
	})
	if *low {
		run("lingua-go (3 languages, low accuracy mode)", docs, texts, func() func(string) string {
			d := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.Albanian, lingua.Turkish, lingua.English).
				WithPreloadedLanguageModels().WithLowAccuracyMode().Build()
			return func(s string) string {
				l, ok := d.DetectLanguageOf(s)
				if !ok {
					return "und"
				}
				return names[l]
			}
		})
	}
}

func run(name string, docs []article, texts []string, build func() func(string) string) {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	detect := build()
	setup := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	var n, ok, ns, oks int
	t1 := time.Now()
	for i, a := range docs {
		got := detect(texts[i])
		short := utf8.RuneCountInString(texts[i]) < 300
		n++
		if short {
			ns++
		}
		if got == a.Lang {
			ok++
			if short {
				oks++
			}
		}
	}
	el := time.Since(t1)
	fmt.Printf("%-42s overall %.4f  short %.4f  %8.0f articles/s  setup %v  retained heap %.1f MB\n",
		name, float64(ok)/float64(n), float64(oks)/float64(ns), float64(n)/el.Seconds(), setup.Round(time.Millisecond),
		float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc))/1e6)
}
