package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"kerko/analyzers"
	"kerko/analyzers/internal/stemeval"
	"kerko/analyzers/internal/trstem"
)

// data is the gold data with every form analyzed once up to the stemmer.
type data struct {
	files []goldFile
	// pre maps a form to the terms kerko_tr has for it before stemming
	// (nil: the analyzer drops it, and Stem gives the form back).
	pre map[string][]string
	// snow caches Snowball's stem of each pre-stem term.
	snow map[string]string
	// forms are the distinct forms of every file's types, by id.
	forms  []string
	formID map[string]int32
}

type goldFile struct {
	name  string
	rows  []stemeval.Row
	types [len(groupNames)]map[stemeval.LemmaForm]bool
	// ids are types as (lemma id, form id) pairs, for fast scoring.
	ids [len(groupNames)][]lfID
}

type lfID struct{ lemma, form int32 }

var groupNames = [...]string{"nouns", "content"}

func loadData(dir string) (*data, error) {
	paths, err := sortedFiles(dir)
	if err != nil {
		return nil, err
	}
	d := &data{pre: map[string][]string{}, snow: map[string]string{}, formID: map[string]int32{}}
	lemmaID := map[string]int32{}
	for _, p := range paths {
		rows, err := stemeval.ReadCoNLLU(p, "tr")
		if err != nil {
			return nil, err
		}
		f := goldFile{name: p, rows: rows}
		for gi, name := range groupNames {
			for _, g := range stemeval.Groups {
				if g.Name == name {
					f.types[gi] = stemeval.Types(rows, g)
				}
			}
			for t := range f.types[gi] {
				l, ok := lemmaID[t.Lemma]
				if !ok {
					l = int32(len(lemmaID))
					lemmaID[t.Lemma] = l
				}
				fi, ok := d.formID[t.Form]
				if !ok {
					fi = int32(len(d.forms))
					d.formID[t.Form] = fi
					d.forms = append(d.forms, t.Form)
				}
				f.ids[gi] = append(f.ids[gi], lfID{l, fi})
			}
			sort.Slice(f.ids[gi], func(a, b int) bool {
				x, y := f.ids[gi][a], f.ids[gi][b]
				return x.lemma < y.lemma || x.lemma == y.lemma && x.form < y.form
			})
		}
		d.files = append(d.files, f)
		for _, r := range rows {
			if _, ok := d.pre[r.Form]; ok {
				continue
			}
			terms, err := analyzers.TurkishUnstemmed(r.Form)
			if err != nil {
				return nil, err
			}
			d.pre[r.Form] = terms
			for _, t := range terms {
				if _, ok := d.snow[t]; !ok {
					d.snow[t] = trstem.Snowball(t)
				}
			}
		}
	}
	return d, nil
}

// stemWord is analyzers.Stem("tr", word) with the stemmer's rules replaced
// by r; snow, when not nil, caches Snowball stems.
func stemWord(r *trstem.Rules, word string, d *data) (string, error) {
	var terms []string
	if d != nil {
		terms = d.pre[word]
	} else {
		var err error
		if terms, err = analyzers.TurkishUnstemmed(word); err != nil {
			return "", err
		}
	}
	if len(terms) == 0 {
		return word, nil
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		if d != nil {
			out[i] = trstem.StemFrom(r, t, d.snow[t])
		} else {
			out[i] = trstem.Stem(r, t)
		}
	}
	return strings.Join(out, " "), nil
}

// checkChain makes sure the harness stems as kerko_tr does: with Fitted, every
// gold form must get the stem analyzers.Stem gives, or the figures would be
// those of another analyzer.
func checkChain(d *data) error {
	fitted := trstem.Fitted
	n := 0
	for form := range d.pre {
		got, err := stemWord(&fitted, form, d)
		if err != nil {
			return err
		}
		want, err := analyzers.Stem("tr", form)
		if err != nil {
			return err
		}
		if got != want {
			if n++; n <= 5 {
				fmt.Printf("harness stems %q as %q, kerko_tr as %q\n", form, got, want)
			}
		}
	}
	if n > 0 {
		return fmt.Errorf("the harness disagrees with kerko_tr on %d forms: analyzers.TurkishUnstemmed no longer matches kerko_tr", n)
	}
	return nil
}

// figures are the measures the fit and the report use.
type figures struct {
	NounsPR      float64 `json:"nouns_pair_recall"`
	ContentPR    float64 `json:"content_pair_recall"`
	ContentMerge float64 `json:"content_merge"`
	NounsMerge   float64 `json:"nouns_merge"`
	// Splits counts the trstem.JoinGroups the rules split (0 for figures
	// of held-out files, which do not include them).
	Splits int `json:"join_splits,omitempty"`
}

func (a figures) add(b figures) figures {
	return figures{a.NounsPR + b.NounsPR, a.ContentPR + b.ContentPR, a.ContentMerge + b.ContentMerge, a.NounsMerge + b.NounsMerge, a.Splits + b.Splits}
}

func (a figures) div(n float64) figures {
	return figures{a.NounsPR / n, a.ContentPR / n, a.ContentMerge / n, a.NounsMerge / n, a.Splits}
}

// splits counts the JoinGroups that r splits.
func splits(r *trstem.Rules) int {
	return len(trstem.JoinSplits(func(w string) string {
		s, _ := stemWord(r, w, nil) // TurkishUnstemmed failed at load already if it fails
		return s
	}))
}

// stemIDs stems every form with r and numbers the stems: forms with one
// stem get one number.
func (d *data) stemIDs(r *trstem.Rules) []int32 {
	ids := make([]int32, len(d.forms))
	seen := make(map[string]int32, len(d.forms))
	for i, f := range d.forms {
		s, _ := stemWord(r, f, d) // d holds every form: no error
		id, ok := seen[s]
		if !ok {
			id = int32(len(seen))
			seen[s] = id
		}
		ids[i] = id
	}
	return ids
}

// score measures r on the given files pooled (one file: that file alone),
// as stemeval.PairRecallAndMerge does.
func (d *data) score(r *trstem.Rules, files []int) figures {
	return d.scoreIDs(d.stemIDs(r), files)
}

func (d *data) scoreIDs(stem []int32, files []int) figures {
	var f figures
	for gi := range groupNames {
		var types []lfID
		if len(files) == 1 {
			types = d.files[files[0]].ids[gi]
		} else {
			for _, i := range files {
				types = append(types, d.files[i].ids[gi]...)
			}
			sort.Slice(types, func(a, b int) bool {
				x, y := types[a], types[b]
				return x.lemma < y.lemma || x.lemma == y.lemma && x.form < y.form
			})
			types = dedupe(types)
		}
		pr, mg := pairRecallAndMerge(types, stem)
		if gi == 0 {
			f.NounsPR, f.NounsMerge = pr, mg
		} else {
			f.ContentPR, f.ContentMerge = pr, mg
		}
	}
	return f
}

func dedupe(ts []lfID) []lfID {
	out := ts[:0]
	for i, t := range ts {
		if i == 0 || t != ts[i-1] {
			out = append(out, t)
		}
	}
	return out
}

// pairRecallAndMerge is stemeval.PairRecallAndMerge over sorted, distinct
// (lemma, form) ids.
func pairRecallAndMerge(types []lfID, stem []int32) (recall, merge float64) {
	var pairs, same int
	byStem := map[int32]int{}
	lemmaOfStem := map[int32]int32{} // the first lemma seen, or -1 when several
	for i := 0; i < len(types); {
		j := i
		for j < len(types) && types[j].lemma == types[i].lemma {
			j++
		}
		n := j - i
		pairs += n * (n - 1) / 2
		clear(byStem)
		for _, t := range types[i:j] {
			s := stem[t.form]
			byStem[s]++
			if l, ok := lemmaOfStem[s]; !ok {
				lemmaOfStem[s] = t.lemma
			} else if l != t.lemma {
				lemmaOfStem[s] = -1
			}
		}
		for _, k := range byStem {
			same += k * (k - 1) / 2
		}
		i = j
	}
	merged := 0
	for _, l := range lemmaOfStem {
		if l == -1 {
			merged++
		}
	}
	if pairs > 0 {
		recall = float64(same) / float64(pairs)
	}
	if len(lemmaOfStem) > 0 {
		merge = float64(merged) / float64(len(lemmaOfStem))
	}
	return recall, merge
}

// checkScorer makes sure the fast scorer measures as stemeval (score.py's
// definitions) does, on every file with Fitted.
func checkScorer(d *data) error {
	fitted := trstem.Fitted
	for i, f := range d.files {
		got := d.score(&fitted, []int{i})
		stem := map[string]string{}
		for _, row := range f.rows {
			stem[row.Form], _ = stemWord(&fitted, row.Form, d)
		}
		want := stemeval.Scores(f.rows, stem)
		if got.NounsPR != want["nouns pair_recall"] || got.ContentPR != want["content pair_recall"] ||
			got.NounsMerge != want["nouns merge"] || got.ContentMerge != want["content merge"] {
			return fmt.Errorf("%s: harness figures %+v differ from stemeval's %v", f.name, got, want)
		}
	}
	return nil
}

// meanScore is the mean of r's figures over the files, each on its own.
func (d *data) meanScore(r *trstem.Rules, files []int) figures {
	stem := d.stemIDs(r)
	var sum figures
	for _, i := range files {
		sum = sum.add(d.scoreIDs(stem, []int{i}))
	}
	m := sum.div(float64(len(files)))
	m.Splits = splits(r)
	return m
}

// knob is one choice the fit makes: a rule on or off, or a threshold.
type knob struct {
	name   string
	values []int
	get    func(*trstem.Rules) int
	set    func(*trstem.Rules, int)
}

func boolKnob(name string, p func(*trstem.Rules) *bool) knob {
	return knob{name, []int{0, 1},
		func(r *trstem.Rules) int {
			if *p(r) {
				return 1
			}
			return 0
		},
		func(r *trstem.Rules, v int) { *p(r) = v == 1 }}
}

func intKnob(name string, values []int, p func(*trstem.Rules) *int) knob {
	return knob{name, values, func(r *trstem.Rules) int { return *p(r) }, func(r *trstem.Rules, v int) { *p(r) = v }}
}

// knobs is the space the fit searches.
func knobs() []knob {
	ks := []knob{
		intKnob("MinWord", []int{2, 3, 4}, func(r *trstem.Rules) *int { return &r.MinWord }),
		boolKnob("KeepNtI", func(r *trstem.Rules) *bool { return &r.KeepNtI }),
		boolKnob("FixPossessive", func(r *trstem.Rules) *bool { return &r.FixPossessive }),
		intKnob("MinVerbRoot", []int{2, 3, 4}, func(r *trstem.Rules) *int { return &r.MinVerbRoot }),
		boolKnob("ShortRoots", func(r *trstem.Rules) *bool { return &r.ShortRoots }),
		boolKnob("VoiceT", func(r *trstem.Rules) *bool { return &r.VoiceT }),
		boolKnob("DropFinalNM", func(r *trstem.Rules) *bool { return &r.DropFinalNM }),
		boolKnob("FirstSyllable", func(r *trstem.Rules) *bool { return &r.FirstSyllable }),
		intKnob("DropVowel", []int{0, 4, 5, 6, 7}, func(r *trstem.Rules) *int { return &r.DropVowel }),
		boolKnob("ClusterVowel", func(r *trstem.Rules) *bool { return &r.ClusterVowel }),
		boolKnob("RestoreVowel", func(r *trstem.Rules) *bool { return &r.RestoreVowel }),
		boolKnob("Geminate", func(r *trstem.Rules) *bool { return &r.Geminate }),
		// A one-letter term would match every word cut to that letter, so
		// the fit chooses between 2 and 3 only.
		intKnob("MinStem", []int{2, 3}, func(r *trstem.Rules) *int { return &r.MinStem }),
	}
	for i, g := range trstem.VerbGroups {
		bit := trstem.VerbSet(1) << i
		ks = append(ks, knob{"verb -" + g.Name, []int{0, 1},
			func(r *trstem.Rules) int {
				if r.Verb&bit != 0 {
					return 1
				}
				return 0
			},
			func(r *trstem.Rules, v int) {
				if v == 1 {
					r.Verb |= bit
				} else {
					r.Verb &^= bit
				}
			}})
	}
	return ks
}

// better tells whether a beats b under the fit's objective: fewer split
// JoinGroups first, then within the merge cap, then the higher nouns PR +
// content PR; rules over the cap are ranked by their merge rate alone.
func better(a, b figures, maxMerge float64) bool {
	if a.Splits != b.Splits {
		return a.Splits < b.Splits
	}
	okA, okB := a.ContentMerge <= maxMerge, b.ContentMerge <= maxMerge
	if okA != okB {
		return okA
	}
	if !okA {
		return a.ContentMerge < b.ContentMerge-1e-12
	}
	return a.NounsPR+a.ContentPR > b.NounsPR+b.ContentPR+1e-12
}

// fit chooses rules on the training files by steepest ascent from Round2:
// of every single-knob change, the one that scores best is made, until none
// improves on the current rules.
func fit(ctx context.Context, d *data, train []int, maxMerge float64) (trstem.Rules, figures) {
	cur := trstem.Round2
	curF := d.meanScore(&cur, train)
	ks := knobs()
	for step := 0; step < 50; step++ {
		best, bestF, found := cur, curF, false
		for _, k := range ks {
			for _, v := range k.values {
				if ctx.Err() != nil {
					return cur, curF
				}
				if v == k.get(&cur) {
					continue
				}
				cand := cur
				k.set(&cand, v)
				if f := d.meanScore(&cand, train); better(f, bestF, maxMerge) {
					best, bestF, found = cand, f, true
				}
			}
		}
		if !found {
			break
		}
		cur, curF = best, bestF
	}
	return cur, curF
}

// diffRules names the knobs whose values differ between a and b, as b has them.
func diffRules(a, b trstem.Rules) []string {
	var out []string
	for _, k := range knobs() {
		if va, vb := k.get(&a), k.get(&b); va != vb {
			if len(k.values) == 2 && k.values[0] == 0 && k.values[1] == 1 {
				out = append(out, fmt.Sprintf("%s %s", k.name, map[int]string{0: "off", 1: "on"}[vb]))
			} else {
				out = append(out, fmt.Sprintf("%s %d", k.name, vb))
			}
		}
	}
	return out
}

// printMisses lists the noun lemmas of the matching files with the most
// pairs of forms that r stems apart, with each form's stem: where to look
// for a rule.
func printMisses(w io.Writer, d *data, r *trstem.Rules, match string) {
	type miss struct {
		lemma string
		lost  int
		forms []string
	}
	byLemma := map[string]map[string]bool{}
	for _, f := range d.files {
		if !strings.Contains(filepath.Base(f.name), match) {
			continue
		}
		for t := range f.types[0] {
			if byLemma[t.Lemma] == nil {
				byLemma[t.Lemma] = map[string]bool{}
			}
			byLemma[t.Lemma][t.Form] = true
		}
	}
	var ms []miss
	for l, fs := range byLemma {
		count := map[string]int{}
		var forms []string
		for f := range fs {
			s, _ := stemWord(r, f, d)
			count[s]++
			forms = append(forms, f+"→"+s)
		}
		n := len(fs)
		lost := n * (n - 1) / 2
		for _, k := range count {
			lost -= k * (k - 1) / 2
		}
		if lost > 0 {
			sort.Strings(forms)
			ms = append(ms, miss{l, lost, forms})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		return ms[i].lost > ms[j].lost || ms[i].lost == ms[j].lost && ms[i].lemma < ms[j].lemma
	})
	fmt.Fprintf(w, "\nnoun lemmas with pairs stemmed apart in *%s*: %d\n", match, len(ms))
	for _, m := range ms[:min(len(ms), 150)] {
		fmt.Fprintf(w, "%4d %s: %s\n", m.lost, m.lemma, strings.Join(m.forms, " "))
	}
}

// printMerges lists the stems that join content words of different lemmas
// in the matching files, with the forms of each lemma.
func printMerges(w io.Writer, d *data, r *trstem.Rules, match string) {
	byStem := map[string]map[string][]string{}
	for _, f := range d.files {
		if !strings.Contains(filepath.Base(f.name), match) {
			continue
		}
		for t := range f.types[1] {
			s, _ := stemWord(r, t.Form, d)
			if byStem[s] == nil {
				byStem[s] = map[string][]string{}
			}
			byStem[s][t.Lemma] = append(byStem[s][t.Lemma], t.Form)
		}
	}
	type merge struct {
		stem   string
		lemmas []string
	}
	var ms []merge
	for s, ls := range byStem {
		if len(ls) < 2 {
			continue
		}
		var parts []string
		for l, fs := range ls {
			sort.Strings(fs)
			parts = append(parts, l+"("+strings.Join(fs, ",")+")")
		}
		sort.Strings(parts)
		ms = append(ms, merge{s, parts})
	}
	sort.Slice(ms, func(i, j int) bool {
		return len(ms[i].lemmas) > len(ms[j].lemmas) || len(ms[i].lemmas) == len(ms[j].lemmas) && ms[i].stem < ms[j].stem
	})
	fmt.Fprintf(w, "\nstems joining lemmas in *%s*: %d of %d\n", match, len(ms), len(byStem))
	for _, m := range ms[:min(len(ms), 200)] {
		fmt.Fprintf(w, "%s: %s\n", m.stem, strings.Join(m.lemmas, " "))
	}
}
