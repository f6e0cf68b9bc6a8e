package analyzers

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"kerko/internal/fixture"
)

// This file recomputes the measures of shared/eval/score.py (same
// definitions: type-level pair recall, merge rate, UniMorph stem-of-lemma)
// over the gold data in ../shared/eval, and fails when a figure falls more
// than scoreMargin below the one recorded in testdata/stem_scores.golden.
// Refresh the golden file with: go test ./analyzers -run TestStemScores -update

var update = flag.Bool("update", false, "rewrite testdata/stem_scores.golden")

const (
	goldenScores = "testdata/stem_scores.golden"
	scoreMargin  = 0.01
)

type evalRow struct{ lemma, form, pos string }

func lemmaKey(lemma, lang string) string {
	s := norm.NFC.String(lemma)
	if lang == "tr" {
		s = strings.NewReplacer("I", "ı", "İ", "i").Replace(s)
	}
	return strings.ToLower(s)
}

func readCoNLLU(t *testing.T, path, lang string) []evalRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var rows []evalRow
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
		rows = append(rows, evalRow{lemmaKey(lemma, lang), form, pos})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}

func readUniMorph(t *testing.T, path string) []evalRow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	seen := map[evalRow]bool{}
	var rows []evalRow
	for _, line := range strings.Split(string(b), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 3 || cols[0] == "" || cols[1] == "" || strings.IndexFunc(cols[0]+cols[1], unicode.IsSpace) >= 0 {
			continue
		}
		cls, _, _ := strings.Cut(cols[2], ";")
		if cls != "N" && cls != "V" && cls != "ADJ" {
			continue
		}
		r := evalRow{cols[0], cols[1], cls}
		if !seen[r] {
			seen[r] = true
			rows = append(rows, r)
		}
	}
	return rows
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

type lemmaForm struct{ lemma, form string }

// pairRecallAndMerge follows score.py's pair_and_merge.
func pairRecallAndMerge(types map[lemmaForm]bool, stem map[string]string) (recall, merge float64) {
	forms := map[string][]string{}
	lemmasOf := map[string]map[string]bool{}
	for lf := range types {
		forms[lf.lemma] = append(forms[lf.lemma], lf.form)
		s := stem[lf.form]
		if lemmasOf[s] == nil {
			lemmasOf[s] = map[string]bool{}
		}
		lemmasOf[s][lf.lemma] = true
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

// stemScores computes the summary figures for one language.
func stemScores(t *testing.T, dir, lang string) map[string]float64 {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "ud", lang+"_*.conllu"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s treebanks in %s (err %v)", lang, dir, err)
	}
	var rows []evalRow
	for _, f := range files {
		rows = append(rows, readCoNLLU(t, f, lang)...)
	}
	var um []evalRow
	if lang == "sq" {
		um = readUniMorph(t, filepath.Join(dir, "unimorph", "sqi.tsv"))
	}
	stem := map[string]string{}
	stemOf := func(w string) {
		if _, ok := stem[w]; ok {
			return
		}
		s, err := Stem(lang, w)
		if err != nil {
			t.Fatalf("Stem(%q, %q): %v", lang, w, err)
		}
		stem[w] = s
	}
	for _, r := range rows {
		stemOf(r.form)
	}
	for _, r := range um {
		stemOf(r.lemma)
		stemOf(r.form)
	}

	out := map[string]float64{}
	groups := []struct {
		name string
		pos  func(string) bool
	}{
		{"nouns", func(p string) bool { return p == "NOUN" || p == "PROPN" }},
		{"verbs", func(p string) bool { return p == "VERB" }},
		{"adjectives", func(p string) bool { return p == "ADJ" }},
		{"content", func(string) bool { return true }},
	}
	for _, g := range groups {
		types := map[lemmaForm]bool{}
		for _, r := range rows {
			if g.pos(r.pos) {
				types[lemmaForm{r.lemma, r.form}] = true
			}
		}
		rec, mer := pairRecallAndMerge(types, stem)
		out[g.name+" pair_recall"] = rec
		out[g.name+" merge"] = mer
	}
	if lang == "sq" {
		foldScores(t, rows, um, out)
	}
	for _, cls := range []string{"N", "V"} {
		var n, hit int
		for _, r := range um {
			if r.pos != cls || r.form == r.lemma {
				continue
			}
			n++
			if stem[r.form] == stem[r.lemma] {
				hit++
			}
		}
		if n > 0 {
			out["unimorph "+cls+" stem_of_lemma"] = float64(hit) / float64(n)
		}
	}
	return out
}

func TestStemScores(t *testing.T) {
	fixture.Shared(t, "eval", "ud")
	dir := fixture.Shared(t, "eval")
	got := map[string]float64{}
	for _, lang := range []string{"sq", "tr", "en"} {
		for k, v := range stemScores(t, dir, lang) {
			got[lang+" "+k] = v
		}
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf strings.Builder
	buf.WriteString("# Stemming figures on shared/eval (all ud/<lang>_*.conllu pooled, unimorph/sqi.tsv); see SCORES.md.\n")
	for _, k := range keys {
		fmt.Fprintf(&buf, "%s\t%.3f\n", k, got[k])
	}
	if *update {
		if err := os.WriteFile(goldenScores, []byte(buf.String()), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	b, err := os.ReadFile(goldenScores)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad golden line %q", line)
		}
		var want float64
		if _, err := fmt.Sscanf(v, "%g", &want); err != nil {
			t.Fatalf("bad golden value in %q: %v", line, err)
		}
		g, ok := got[k]
		switch {
		case !ok:
			t.Errorf("%s: missing from computed figures", k)
		case strings.HasSuffix(k, " merge") && g > want+scoreMargin:
			t.Errorf("%s = %.3f; golden %.3f (merge rose by more than %.2f)", k, g, want, scoreMargin)
		case !strings.HasSuffix(k, " merge") && g < want-scoreMargin:
			t.Errorf("%s = %.3f; golden %.3f (fell by more than %.2f)", k, g, want, scoreMargin)
		}
	}
	if buf.String() != string(b) {
		t.Logf("figures differ from %s (within margin); refresh with -update:\n%s", goldenScores, buf.String())
	}
}

// foldScores adds the diacritic measures for Albanian, whose news and queries
// are often typed without ë and ç:
//   - "fold_invariant": the share of distinct gold forms w (treebanks and
//     UniMorph) that kerko_sq gives the same terms as Fold(w), i.e. a query
//     typed without diacritics meets the same term;
//   - "<group> pair_recall half_folded": pair recall over the treebank types
//     when half of the forms (chosen by a hash of the form, so the choice is
//     stable) are replaced by their folded spelling, as in a mix of
//     portals that do and do not write diacritics.
func foldScores(t *testing.T, rows, um []evalRow, out map[string]float64) {
	t.Helper()
	stem := func(w string) string {
		s, err := Stem("sq", w)
		if err != nil {
			t.Fatalf("Stem(sq, %q): %v", w, err)
		}
		return s
	}
	forms := map[string]bool{}
	for _, r := range rows {
		forms[r.form] = true
	}
	for _, r := range um {
		forms[r.form] = true
		forms[r.lemma] = true
	}
	// Compare the analyzer's terms rather than Stem's lines: Stem gives a
	// stop word back as typed, so "është" and "eshte" would differ although
	// the analyzer drops both.
	terms := func(w string) string {
		toks, err := Analyze(AlbanianAnalyzer, w)
		if err != nil {
			t.Fatalf("Analyze(%q): %v", w, err)
		}
		var b strings.Builder
		for _, tok := range toks {
			b.WriteString(tok.Term)
			b.WriteByte(' ')
		}
		return b.String()
	}
	same := 0
	for w := range forms {
		if terms(w) == terms(Fold(w)) {
			same++
		}
	}
	out["fold_invariant"] = float64(same) / float64(len(forms))

	halfFold := func(w string) string {
		h := fnv.New32a()
		h.Write([]byte(w))
		if h.Sum32()%2 == 0 {
			return Fold(w)
		}
		return w
	}
	stems := map[string]string{}
	for _, g := range []struct {
		name string
		pos  func(string) bool
	}{
		{"nouns", func(p string) bool { return p == "NOUN" || p == "PROPN" }},
		{"content", func(string) bool { return true }},
	} {
		types := map[lemmaForm]bool{}
		for _, r := range rows {
			if g.pos(r.pos) {
				f := halfFold(r.form)
				types[lemmaForm{r.lemma, f}] = true
				if _, ok := stems[f]; !ok {
					stems[f] = stem(f)
				}
			}
		}
		rec, _ := pairRecallAndMerge(types, stems)
		out[g.name+" pair_recall half_folded"] = rec
	}
}
