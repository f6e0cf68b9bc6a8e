package analyzers

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kerko/analyzers/internal/stemeval"
	"kerko/analyzers/internal/trstem"
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

// stemScores computes the summary figures for one language.
func stemScores(t *testing.T, dir, lang string) map[string]float64 {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "ud", lang+"_*.conllu"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s treebanks in %s (err %v)", lang, dir, err)
	}
	var rows []stemeval.Row
	for _, f := range files {
		r, err := stemeval.ReadCoNLLU(f, lang)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r...)
	}
	var um []stemeval.Row
	if lang == "sq" {
		var err error
		if um, err = stemeval.ReadUniMorph(filepath.Join(dir, "unimorph", "sqi.tsv")); err != nil {
			t.Fatal(err)
		}
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
		stemOf(r.Form)
	}
	for _, r := range um {
		stemOf(r.Lemma)
		stemOf(r.Form)
	}

	out := stemeval.Scores(rows, stem)
	if lang == "sq" {
		foldScores(t, rows, um, out)
	}
	for _, cls := range []string{"N", "V"} {
		var n, hit int
		for _, r := range um {
			if r.POS != cls || r.Form == r.Lemma {
				continue
			}
			n++
			if stem[r.Form] == stem[r.Lemma] {
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
func foldScores(t *testing.T, rows, um []stemeval.Row, out map[string]float64) {
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
		forms[r.Form] = true
	}
	for _, r := range um {
		forms[r.Form] = true
		forms[r.Lemma] = true
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
	for _, g := range stemeval.Groups {
		if g.Name != "nouns" && g.Name != "content" {
			continue
		}
		types := map[stemeval.LemmaForm]bool{}
		for _, r := range rows {
			if g.Match(r.POS) {
				f := halfFold(r.Form)
				types[stemeval.LemmaForm{Lemma: r.Lemma, Form: f}] = true
				if _, ok := stems[f]; !ok {
					stems[f] = stem(f)
				}
			}
		}
		rec, _ := stemeval.PairRecallAndMerge(types, stems)
		out[g.Name+" pair_recall half_folded"] = rec
	}
}

// TestTurkishCV_Golden checks testdata/tr_cv.json, the record of the
// Turkish stemmer's cross-validation (go run ./analyzers/internal/trcv
// -json analyzers/testdata/tr_cv.json): every fold's rules, applied to its
// held-out treebank, must still give the recorded held-out figures (a
// change to a rule's code changes them), and kerko_tr must stem with the
// rules the harness fitted on all treebanks. Refitting is the harness's
// job; it takes minutes.
func TestTurkishCV_Golden(t *testing.T) {
	fixture.Shared(t, "eval", "ud")
	dir := fixture.Shared(t, "eval")
	b, err := os.ReadFile("testdata/tr_cv.json")
	if err != nil {
		t.Fatal(err)
	}
	type figures struct {
		NounsPR      float64 `json:"nouns_pair_recall"`
		ContentPR    float64 `json:"content_pair_recall"`
		ContentMerge float64 `json:"content_merge"`
		NounsMerge   float64 `json:"nouns_merge"`
	}
	var rec struct {
		Folds []struct {
			HeldOut []string     `json:"held_out"`
			Rules   trstem.Rules `json:"rules"`
			Test    figures      `json:"held_out_figures"`
		} `json:"folds"`
		All struct {
			Rules trstem.Rules `json:"rules"`
		} `json:"fit_on_all"`
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatalf("testdata/tr_cv.json: %v", err)
	}
	if rec.All.Rules != trstem.Fitted {
		t.Errorf("trstem.Fitted = %+v; the harness fitted %+v on all treebanks (rerun it, or set Fitted)", trstem.Fitted, rec.All.Rules)
	}
	if len(rec.Folds) == 0 {
		t.Fatal("testdata/tr_cv.json holds no folds")
	}
	var sum figures
	for _, f := range rec.Folds {
		var rows []stemeval.Row
		for _, name := range f.HeldOut {
			r, err := stemeval.ReadCoNLLU(filepath.Join(dir, "ud", name), "tr")
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, r...)
		}
		stem := map[string]string{}
		for _, r := range rows {
			if _, ok := stem[r.Form]; ok {
				continue
			}
			terms, err := TurkishUnstemmed(r.Form)
			if err != nil {
				t.Fatal(err)
			}
			if len(terms) == 0 {
				stem[r.Form] = r.Form
				continue
			}
			for i, term := range terms {
				terms[i] = trstem.Stem(&f.Rules, term)
			}
			stem[r.Form] = strings.Join(terms, " ")
		}
		got := stemeval.Scores(rows, stem)
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"nouns pair_recall", got["nouns pair_recall"], f.Test.NounsPR},
			{"content pair_recall", got["content pair_recall"], f.Test.ContentPR},
			{"content merge", got["content merge"], f.Test.ContentMerge},
			{"nouns merge", got["nouns merge"], f.Test.NounsMerge},
		} {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("fold %v: %s = %.4f; recorded %.4f (a rule's code changed: rerun the harness)", f.HeldOut, c.name, c.got, c.want)
			}
		}
		sum.NounsPR += f.Test.NounsPR
		sum.ContentMerge += f.Test.ContentMerge
	}
	n := float64(len(rec.Folds))
	t.Logf("held-out mean over %d folds: nouns pair recall %.3f, content merge %.3f", len(rec.Folds), sum.NounsPR/n, sum.ContentMerge/n)
}
