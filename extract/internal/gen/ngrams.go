package main

import (
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ngramLangs is the order of the languages in ngrams.bin.
var ngramLangs = []string{"sq", "tr", "en"}

// ngramCostScale turns natural-log probabilities into bytes: a cost of c
// means ln P = -c/ngramCostScale. Must match extract/lang.go.
const ngramCostScale = 8

// writeNgrams counts letter trigrams in the word forms of the UD treebanks of
// each language (ud/sq_*.conllu, tr_*, en_*) and writes, for each of the
// 27^3 trigrams over a-z plus the word boundary, one byte per language: the
// cost -ln P(c3 | c1 c2) * ngramCostScale, with add-half smoothing. Letters
// are folded as the detector folds them (lowercase, no diacritics, ı → i), so
// that headlines typed without diacritics or in capitals score as they should.
func writeNgrams(udDir, out string) {
	const n = 27
	counts := make([][]float64, len(ngramLangs))
	for li, l := range ngramLangs {
		counts[li] = make([]float64, n*n*n)
		files, err := filepath.Glob(filepath.Join(udDir, l+"_*.conllu"))
		if err != nil || len(files) == 0 {
			log.Fatalf("no UD treebank for %s in %s", l, udDir)
		}
		for _, f := range files {
			for _, line := range lines(f) {
				cols := strings.Split(line, "\t")
				if len(cols) < 2 || strings.Contains(cols[0], "-") || strings.Contains(cols[0], ".") {
					continue
				}
				prev2, prev1 := 0, 0
				for _, r := range ngramFold(cols[1]) + " " {
					s := 0
					if 'a' <= r && r <= 'z' {
						s = int(r-'a') + 1
					}
					if s == 0 && prev1 == 0 {
						continue
					}
					counts[li][(prev2*n+prev1)*n+s]++
					prev2, prev1 = prev1, s
				}
			}
		}
	}
	buf := make([]byte, n*n*n*len(ngramLangs))
	for li := range ngramLangs {
		for ctx := 0; ctx < n*n; ctx++ {
			total := 0.0
			for s := 0; s < n; s++ {
				total += counts[li][ctx*n+s]
			}
			for s := 0; s < n; s++ {
				p := (counts[li][ctx*n+s] + 0.5) / (total + 0.5*n)
				c := math.Round(-math.Log(p) * ngramCostScale)
				if c > 255 {
					c = 255
				}
				buf[(ctx*n+s)*len(ngramLangs)+li] = byte(c)
			}
		}
	}
	if err := os.WriteFile(out, buf, 0o644); err != nil {
		log.Fatal(err)
	}
}

// ngramFold lowercases w and strips its diacritics (ı and İ become i).
func ngramFold(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'ı' || r == 'I' || r == 'İ' {
			r = 'i'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
