package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"kerko/corpus"
)

// The person labels (testdata/persons_labels.jsonl) are drawn from the bench
// corpus by a rule that never looks at what the person extractor finds, so
// that a batch can be chosen, read and labelled before the extractor runs on
// it. Per language, articles are ordered by SHA-256("person:" + id) (a salt of
// its own, so the order is not that of the country batches) and kept when
// their lowercased text holds a word of a role that people hold in the news
// (personCues); batch 1 is the first personBatchSize of them, batch 2 the
// next personBatchSize. Batch 3 goes on in the same order from there: the
// next personBatchSize articles, then the next ones one at a time until the
// language has personBatch3Pairs labelled (article, person) pairs, so that
// every language has enough people to judge (English wires often name
// nobody).

// personCues are lowercase stems of roles and of verbs of saying, chosen
// without looking at the extractor: an article that names one of them most
// likely names a person, which is what a person sample must contain to
// measure anything.
var personCues = map[string][]string{
	"sq": {"kryeministr", "president", "ministr", "deputet", "kryetar", "zëdhënës", "drejtor", "deklaroi", " tha "},
	"tr": {"cumhurbaşkan", "başbakan", "bakan", "milletvekil", "başkanı", "sözcüsü", "müdürü", "dedi", "söyledi"},
	"en": {"president", "minister", "chairman", "spokesman", "chief executive", "leader", " said", "mr "},
}

// personBatchSize is the number of labelled articles per language and batch
// (the least, for batch 3).
const personBatchSize = 30

// personBatch3Pairs is the least number of labelled persons per language in
// batch 3.
const personBatch3Pairs = 40

// personHash orders ids for the person sample.
func personHash(id string) string {
	d := sha256.Sum256([]byte("person:" + id))
	return hex.EncodeToString(d[:])
}

// personSampleIDs maps each sampled article id of batches 1 and 2 to its
// batch.
func personSampleIDs(docs []article) map[string]int {
	out := map[string]int{}
	for _, ids := range personOrder(docs) {
		for i, id := range ids {
			if i >= 2*personBatchSize {
				break
			}
			out[id] = 1 + i/personBatchSize
		}
	}
	return out
}

// personOrder gives, per language, the ids of the articles that hold a
// person cue, in the sample's order.
func personOrder(docs []article) map[string][]string {
	by := map[string][]string{}
	for _, a := range docs {
		t := strings.ToLower(a.text())
		for _, c := range personCues[a.Lang] {
			if strings.Contains(t, c) {
				by[a.Lang] = append(by[a.Lang], a.ID)
				break
			}
		}
	}
	for _, ids := range by {
		sort.Slice(ids, func(i, j int) bool { return personHash(ids[i]) < personHash(ids[j]) })
	}
	return by
}

// personLabel is one hand-labelled article of testdata/persons_labels.jsonl:
// every real individual the article names, under a canonical name (the
// person's full name when the article or the person's fame makes it certain
// who is meant), the fullest form the article writes when that differs
// (As, in the nominative), and the spans as written (Evidence).
type personLabel struct {
	ID      string `json:"id"`
	Lang    string `json:"lang"`
	Batch   int    `json:"batch"`
	Persons []struct {
		Name     string   `json:"name"`
		As       string   `json:"as,omitempty"`
		Evidence []string `json:"evidence"`
	} `json:"persons"`
	Note string `json:"note,omitempty"`
}

const personLabelsFile = "testdata/persons_labels.jsonl"

func readPersonLabels(t *testing.T) []personLabel {
	t.Helper()
	f, err := os.Open(personLabelsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []personLabel
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var l personLabel
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s:%d: %v", personLabelsFile, line, err)
		}
		out = append(out, l)
	}
	return out
}

// TestPersonLabels_Sample checks, without running any extractor, that the
// person labels cover exactly the reproducible sample of their batches and
// that every evidence string is in its article as written (runs of white
// space taken as one space, since the wires break lines inside names).
func TestPersonLabels_Sample(t *testing.T) {
	docs := loadCorpus(t)
	sample := personSampleIDs(docs)
	byID := map[string]article{}
	for _, a := range docs {
		byID[a.ID] = a
	}
	labelled := map[int]bool{}
	seen := map[string]bool{}
	batch3 := map[string]int{} // persons labelled in batch 3, by article
	for _, l := range readPersonLabels(t) {
		labelled[l.Batch] = true
		if seen[l.ID] {
			t.Errorf("label %s: labelled twice", l.ID)
		}
		seen[l.ID] = true
		if l.Batch == 3 {
			batch3[l.ID] = len(l.Persons)
		} else if sample[l.ID] != l.Batch {
			t.Errorf("label %s (batch %d) is not in the sample (batch %d)", l.ID, l.Batch, sample[l.ID])
			continue
		}
		text := strings.Join(strings.Fields(corpus.Normalize(byID[l.ID].text())), " ")
		for _, p := range l.Persons {
			if p.Name == "" || len(p.Evidence) == 0 {
				t.Errorf("label %s: person %q without name or evidence", l.ID, p.Name)
			}
			for _, e := range p.Evidence {
				if !strings.Contains(text, e) {
					t.Errorf("label %s: evidence %q of %s is not in the text", l.ID, e, p.Name)
				}
			}
		}
	}
	for id, b := range sample {
		if labelled[b] && !seen[id] {
			t.Errorf("sample article %s (batch %d) has no label", id, b)
		}
	}
	if !labelled[3] {
		return
	}
	// Batch 3: per language the articles right after batch 2 in the
	// sample's order, no gap, at least personBatchSize of them, and no more
	// than it took to reach personBatch3Pairs persons.
	for lang, ids := range personOrder(docs) {
		n, pairs, enough := 0, 0, -1
		for _, id := range ids[2*personBatchSize:] {
			c, ok := batch3[id]
			if !ok {
				break
			}
			n++
			pairs += c
			if enough < 0 && n >= personBatchSize && pairs >= personBatch3Pairs {
				enough = n
			}
			delete(batch3, id)
		}
		switch {
		case n < personBatchSize || pairs < personBatch3Pairs:
			t.Errorf("batch 3 %s: %d articles, %d persons; want at least %d and %d", lang, n, pairs, personBatchSize, personBatch3Pairs)
		case enough != n:
			t.Errorf("batch 3 %s: %d articles, but %d were enough", lang, n, enough)
		}
	}
	for id := range batch3 {
		t.Errorf("label %s (batch 3) is not the next article of its language in the sample's order", id)
	}
}
