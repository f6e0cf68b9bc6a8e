// Package stemeval computes the stemming measures of shared/eval/score.py
// (type-level pair recall, merge rate, UniMorph stem-of-lemma; its
// docstring defines them) in Go, so that kerko's tests and the Turkish
// cross-validation harness score stemmers the way score.py does without a
// subprocess per candidate.
package stemeval

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Row is one usable word of the gold data: a form, its lemma key and its
// part of speech (a UPOS tag, or N/V/ADJ for UniMorph).
type Row struct{ Lemma, Form, POS string }

// LemmaKey is how score.py compares lemmas: NFC, then lowercase (Turkish
// I → ı and İ → i first).
func LemmaKey(lemma, lang string) string {
	s := norm.NFC.String(lemma)
	if lang == "tr" {
		s = strings.NewReplacer("I", "ı", "İ", "i").Replace(s)
	}
	return strings.ToLower(s)
}

// ReadCoNLLU reads the content words (NOUN, PROPN, VERB, ADJ) of a CoNLL-U
// file, skipping comments, multiword-token ranges, empty nodes and rows
// without a form or lemma, as score.py does.
func ReadCoNLLU(path, lang string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open gold data: %w", err)
	}
	defer f.Close()
	var rows []Row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 || !isDigits(cols[0]) {
			continue
		}
		form, lemma, pos := cols[1], cols[2], cols[3]
		switch pos {
		case "NOUN", "PROPN", "VERB", "ADJ":
		default:
			continue
		}
		if form == "" || form == "_" || lemma == "" || lemma == "_" || strings.IndexFunc(form, unicode.IsSpace) >= 0 {
			continue
		}
		rows = append(rows, Row{LemmaKey(lemma, lang), form, pos})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

// ReadUniMorph reads the single-word N, V and ADJ rows of a UniMorph file,
// each distinct (lemma, form, class) once.
func ReadUniMorph(path string) ([]Row, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold data: %w", err)
	}
	seen := map[Row]bool{}
	var rows []Row
	for _, line := range strings.Split(string(b), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 3 || cols[0] == "" || cols[1] == "" || strings.IndexFunc(cols[0]+cols[1], unicode.IsSpace) >= 0 {
			continue
		}
		cls, _, _ := strings.Cut(cols[2], ";")
		if cls != "N" && cls != "V" && cls != "ADJ" {
			continue
		}
		r := Row{cols[0], cols[1], cls}
		if !seen[r] {
			seen[r] = true
			rows = append(rows, r)
		}
	}
	return rows, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Group is a set of parts of speech scored together.
type Group struct {
	Name  string
	Match func(pos string) bool
}

// Groups are score.py's groups: nouns (NOUN+PROPN), verbs, adjectives, and
// every content word.
var Groups = []Group{
	{"nouns", func(p string) bool { return p == "NOUN" || p == "PROPN" }},
	{"verbs", func(p string) bool { return p == "VERB" }},
	{"adjectives", func(p string) bool { return p == "ADJ" }},
	{"content", func(string) bool { return true }},
}

// LemmaForm is one distinct (lemma, form) type.
type LemmaForm struct{ Lemma, Form string }

// Types returns the distinct (lemma, form) types of the rows in group g.
func Types(rows []Row, g Group) map[LemmaForm]bool {
	types := map[LemmaForm]bool{}
	for _, r := range rows {
		if g.Match(r.POS) {
			types[LemmaForm{r.Lemma, r.Form}] = true
		}
	}
	return types
}

// PairRecallAndMerge follows score.py's pair_and_merge: the share of pairs
// of different forms of one lemma that get one stem, and the share of stems
// that cover more than one lemma. stem must hold every form of types.
func PairRecallAndMerge(types map[LemmaForm]bool, stem map[string]string) (recall, merge float64) {
	forms := map[string][]string{}
	lemmasOf := map[string]map[string]bool{}
	for lf := range types {
		forms[lf.Lemma] = append(forms[lf.Lemma], lf.Form)
		s := stem[lf.Form]
		if lemmasOf[s] == nil {
			lemmasOf[s] = map[string]bool{}
		}
		lemmasOf[s][lf.Lemma] = true
	}
	var pairs, same int
	for _, fs := range forms {
		n := len(fs)
		pairs += n * (n - 1) / 2
		byStem := map[string]int{}
		for _, f := range fs {
			byStem[stem[f]]++
		}
		for _, k := range byStem {
			same += k * (k - 1) / 2
		}
	}
	merged := 0
	for _, ls := range lemmasOf {
		if len(ls) > 1 {
			merged++
		}
	}
	if pairs > 0 {
		recall = float64(same) / float64(pairs)
	}
	if len(lemmasOf) > 0 {
		merge = float64(merged) / float64(len(lemmasOf))
	}
	return recall, merge
}

// Scores returns "<group> pair_recall" and "<group> merge" for every group
// of Groups over rows; stem must hold every form of rows.
func Scores(rows []Row, stem map[string]string) map[string]float64 {
	out := map[string]float64{}
	for _, g := range Groups {
		rec, mer := PairRecallAndMerge(Types(rows, g), stem)
		out[g.Name+" pair_recall"] = rec
		out[g.Name+" merge"] = mer
	}
	return out
}
