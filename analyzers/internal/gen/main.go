// Command gen writes kerko's stop-word tables (stop_words_sq.go,
// stop_words_tr.go) from the shared reference data in ../shared/data/stopwords.
//
// Run it through go generate in package analyzers:
//
//	go generate ./analyzers/
//
// Sources (see ../shared/data/README.md):
//   - sq: sq_closed_class_from_ud.tsv (closed-class forms counted in the UD
//     Albanian treebanks; AUX forms of "kam" are left out because "kam/ka/kanë"
//     are also the content verb "have") and sq_andrixh_ascii_folded.txt (MIT)
//     minus the content words that list contains. Every entry is kept both with
//     its diacritics and folded (ë→e, ç→c) because Albanian is often typed
//     without diacritics.
//   - tr: Bleve v2.6.3's Turkish list (Lucene) plus the stopwords-iso Turkish
//     list without its garbled entries (ý þ ð ţ are Latin-1/Latin-2 mojibake of
//     ı ş ğ ş).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"kerko/internal/fixture"
)

func main() {
	shared := flag.String("shared", defaultShared(), "path to kerko's shared reference data")
	out := flag.String("out", ".", "directory to write the generated files to")
	flag.Parse()
	dir := filepath.Join(*shared, "data", "stopwords")
	sq, err := albanian(dir)
	if err != nil {
		log.Fatalf("gen: albanian: %v", err)
	}
	if err := write(filepath.Join(*out, "stop_words_sq.go"), "albanianStopWords", sq,
		"shared/data/stopwords/sq_closed_class_from_ud.tsv and sq_andrixh_ascii_folded.txt"); err != nil {
		log.Fatalf("gen: %v", err)
	}
	tr, err := turkish(dir)
	if err != nil {
		log.Fatalf("gen: turkish: %v", err)
	}
	if err := write(filepath.Join(*out, "stop_words_tr.go"), "turkishStopWords", tr,
		"shared/data/stopwords/bleve_v2.6.3_stop_words_tr.go.txt and stopwords-iso.json (tr)"); err != nil {
		log.Fatalf("gen: %v", err)
	}
}

func defaultShared() string {
	if d, err := fixture.SharedDir(); err == nil {
		return d
	}
	return filepath.Join("..", "shared")
}

// albanianContent lists words of the andrixh list that are content words
// (verbs, adjectives, nouns, adverbs people search for), so they must stay
// searchable. AUX forms of "kam" are excluded for the same reason. kerko_sq
// folds before its stop filter, so a folded stop word also hides the content
// word it folds from (here: herë, pale: palë, le: the verb lë).
var albanianContent = set(`mire bej vend keq dy ben bere behet madhe la gjate zakonisht be beri bie
beje vjen marre merr mori rri mban marr drejt jap merret lloj kryer papritur kryesisht kryhet
vazhdimisht rralle afert anes pasur behem bejne bene kam kane ka kishte kemi kishin kem
kishin kisha kishim keni ke kesh ketë kenë mund mundi duhet duhej duhen perbashket
herë here palë pale tendë tende lë le`)

func albanian(dir string) ([]string, error) {
	words := map[string]bool{}
	add := func(w string) {
		w = strings.ToLower(norm.NFC.String(strings.TrimSpace(w)))
		if w == "" || albanianContent[w] || albanianContent[foldSq(w)] {
			return
		}
		words[w] = true
		words[foldSq(w)] = true
	}
	f, err := os.Open(filepath.Join(dir, "sq_closed_class_from_ud.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			continue
		}
		add(cols[0])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read ud list: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "sq_andrixh_ascii_folded.txt"))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		add(line)
	}
	return keys(words), nil
}

func turkish(dir string) ([]string, error) {
	words := map[string]bool{}
	add := func(w string) {
		w = strings.ToLowerSpecial(unicode.TurkishCase, norm.NFC.String(strings.TrimSpace(w)))
		if w == "" || strings.ContainsAny(w, "ýþðţ") {
			return
		}
		words[w] = true
	}
	b, err := os.ReadFile(filepath.Join(dir, "bleve_v2.6.3_stop_words_tr.go.txt"))
	if err != nil {
		return nil, err
	}
	// The Bleve file is Go source holding the list between backquotes.
	body := string(b)
	if i := strings.Index(body, "`"); i >= 0 {
		body = body[i+1:]
		if j := strings.Index(body, "`"); j >= 0 {
			body = body[:j]
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		add(line)
	}
	b, err = os.ReadFile(filepath.Join(dir, "stopwords-iso.json"))
	if err != nil {
		return nil, err
	}
	var iso map[string][]string
	if err := json.Unmarshal(b, &iso); err != nil {
		return nil, fmt.Errorf("parse stopwords-iso.json: %w", err)
	}
	for _, w := range iso["tr"] {
		add(w)
	}
	return keys(words), nil
}

func write(path, name string, words []string, source string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "// Code generated by analyzers/internal/gen from %s; DO NOT EDIT.\n\n", source)
	fmt.Fprintf(&buf, "package analyzers\n\n")
	fmt.Fprintf(&buf, "var %s = []string{\n", name)
	for _, w := range words {
		fmt.Fprintf(&buf, "\t%q,\n", w)
	}
	fmt.Fprintf(&buf, "}\n")
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return fmt.Errorf("format %s: %w", path, err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func foldSq(s string) string {
	return strings.NewReplacer("ë", "e", "ç", "c").Replace(s)
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
