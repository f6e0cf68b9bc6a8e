package extract

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"kerko/corpus"
)

func TestCountries_Surnames(t *testing.T) {
	for _, c := range []struct{ text, lang, want string }{
		// A demonym after a given name, a title, or a given name after a
		// title is a family name, and so is the same word later alone.
		{"Galatasaray Başkanı Dursun Özbek'e teşekkür ediyorum. Özbek, açıklama yaptı.", "tr", ""},
		{"Dursun Özbek ise yıldız transferler yapacağım dedi", "tr", ""},
		{"Uzm. Dr. Resul Özbek, KOAH hakkında konuştu. Özbek'in uyarısı", "tr", ""},
		{"Leyla Zana, Hatip Dicle, Ahmet Türk, Orhan Doğan", "tr", ""},
		{"Vali Koçak ve Başkan Türk ile birlikte", "tr", ""},
		{"Gökhan Yankol, Mehmet Özbek ve Orhan Demir yer aldı.", "tr", ""},
		{"Başkan Dursun Özbek Galatasaray'ın borçlarını anlattı", "tr", ""},
		{"the party leader Mike German said", "en", ""},
		{"Mr German said", "en", ""},
		{"Mike German said", "en", "DE"}, // nothing shows the sentence is not a headline
		{"Bell Canada and Tate Britain", "en", "CA GB"},
		{"to sink London Irish with", "en", "IE"},
		{"Tom Holland and the Dutch team", "en", "NL"},
		// Demonyms as demonyms still count.
		{"Özbek sanatçılar ve Özbekistan", "tr", "UZ"},
		{"Özbeklerin bayramı", "tr", "UZ"},
		{"Mehmet, Türk vatandaşı", "tr", "TR"},              // a comma breaks the name
		{"Ali Irak'a gitti", "tr", "IQ"},                    // a country name after a given name
		{"German chancellor Merkel", "en", "DE"},            // no given name before it
		{"Presidenti Francez Emmanuel Macron", "sq", "FR"},  // Albanian demonyms follow their noun
		{"Zeki Müren Türk Sanat Müziği Korosu", "tr", "TR"}, // an institution's name goes on
		// Spellings of names that sources use.
		{"Kazakstan and Qazaqstan", "en", "KZ"},
		{"Kazakstani dhe Qazaqstani", "sq", "KZ"},
		{"Kyrgyzia, Kirgizia", "en", "KG"},
		{"Turkiye", "en", "TR"},
		{"Byelorussia", "en", "BY"},
		{"Yunanlılar ve Yunanlı turistler", "tr", "GR"},
		{"Shqipëris dhe Turqin", "sq", "AL TR"},
	} {
		if got := ids(Countries(c.text, c.lang)); got != c.want {
			t.Errorf("Countries(%q, %q) = %q; want %q", c.text, c.lang, got, c.want)
		}
	}
	for _, w := range []string{"Kazakstan", "Qazaqstan", "Kazakstani"} {
		if code, ok := LookupCountry(w); code != "KZ" || !ok {
			t.Errorf("LookupCountry(%q) = %q, %v; want KZ", w, code, ok)
		}
	}
}

// surnameDemonyms and surnameVariants choose the articles of the
// demonym-surname measurement (surnameSample). They are written from the
// languages, not from the extractor's tables.
var (
	surnameDemonyms = strings.Fields(`Türk Özbek Arnavut Rus Alman Kürt Kazak Kırgız Tacik Azeri Ermeni
Gürcü Fransız İngiliz İtalyan İspanyol Japon Yunan Macar Bulgar Boşnak Sırp Hırvat Rumen Afgan Hint
Moğol Amerikan Suudi Arap Çerkez Laz Tatar Türkmen Çeçen Leh Fin Çek Slovak Sloven`)
	surnameVariants = strings.Fields(`Kazakstan Qazaqstan Kirghizia Kyrgyzia Turkiye`)
)

const surnameSampleSize = 100

// surnameSample chooses the articles of the demonym-surname measurement:
// among the Turkish sport and health articles (tr-spor-*, tr-saglik-*), in
// order of SHA-256(id), first every one whose text holds a capitalized word
// followed by a capitalized singular demonym (the shape of "Dursun Özbek")
// or a variant spelling, then the first ones holding a capitalized singular
// demonym anywhere, up to surnameSampleSize.
func surnameSample(docs []article) []string {
	dem := strings.Join(surnameDemonyms, "|")
	pair := regexp.MustCompile(`\p{Lu}\p{L}+[ \t]+(?:` + dem + `)(?:[^\p{L}]|$)`)
	single := regexp.MustCompile(`(?:^|[^\p{L}])(?:` + dem + `)(?:[^\p{L}]|$)`)
	variant := regexp.MustCompile(`(?:^|[^\p{L}])(?:` + strings.Join(surnameVariants, "|") + `)`)
	var first, rest []string
	for _, a := range docs {
		if !strings.HasPrefix(a.ID, "tr-spor-") && !strings.HasPrefix(a.ID, "tr-saglik-") {
			continue
		}
		t := corpus.Normalize(a.text())
		switch {
		case pair.MatchString(t) || variant.MatchString(t):
			first = append(first, a.ID)
		case single.MatchString(t):
			rest = append(rest, a.ID)
		}
	}
	sortByHash(first)
	sortByHash(rest)
	out := append(first, rest...)
	if len(out) > surnameSampleSize {
		out = out[:surnameSampleSize]
	}
	return out
}

// surnameLabel is one article of testdata/surname_tags.jsonl: the country
// tags the extractor gave it before the surname rules (Before, at the
// commit named in the file's first line), and for every tag it gave then
// or gives now whether it is right (Tags), judged by hand from the text.
type surnameLabel struct {
	ID     string          `json:"id"`
	Before []string        `json:"before"`
	Tags   map[string]bool `json:"tags"`
	Note   string          `json:"note,omitempty"`
}

const surnameLabelsFile = "testdata/surname_tags.jsonl"

var surnameDump = flag.Bool("surname-dump", false, "TestSurnameTags: print each sample article's tags with the words that made them, for labelling")

// TestSurnameTags measures the precision of the country tags of Turkish
// sport and health articles where demonyms may be family names (issue 14),
// before and after the surname rules, against hand judgments of every tag.
func TestSurnameTags(t *testing.T) {
	docs := loadCorpus(t)
	byID := map[string]article{}
	for _, a := range docs {
		byID[a.ID] = a
	}
	sample := surnameSample(docs)
	if len(sample) != surnameSampleSize {
		t.Fatalf("sample has %d articles; want %d", len(sample), surnameSampleSize)
	}
	labels := readSurnameLabels(t)
	if *surnameDump {
		before := map[string][]string{}
		for _, l := range labels {
			before[l.ID] = l.Before
		}
		for _, id := range sample {
			dumpTags(id, corpus.Normalize(byID[id].text()), before[id])
		}
		return
	}
	if len(labels) != len(sample) {
		t.Fatalf("%s has %d articles; the sample %d", surnameLabelsFile, len(labels), len(sample))
	}
	var before, after prf
	for i, id := range sample {
		l := labels[i]
		if l.ID != id {
			t.Fatalf("%s line %d is %s; the sample has %s", surnameLabelsFile, i+1, l.ID, id)
		}
		for _, c := range l.Before {
			ok, judged := l.Tags[c]
			if !judged {
				t.Fatalf("%s: tag %s before has no judgment", id, c)
			}
			if ok {
				before.tp++
			} else {
				before.fp++
			}
		}
		for _, m := range Countries(corpus.Normalize(byID[id].text()), "tr") {
			ok, judged := l.Tags[m.ID]
			switch {
			case !judged:
				t.Errorf("%s: tag %s has no judgment (label it: go test ./extract -run TestSurnameTags -surname-dump -v)", id, m.ID)
			case ok:
				after.tp++
			default:
				after.fp++
				t.Logf("%s: wrong tag %s (%s)", id, m.ID, l.Note)
			}
		}
	}
	got := fmt.Sprintf("surname-tags tr precision before %.3f (%d/%d) after %.3f (%d/%d)\n",
		before.p(), before.tp, before.tp+before.fp, after.p(), after.tp, after.tp+after.fp)
	t.Log(got)
	const golden = "testdata/surname_scores.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	var wb, wa float64
	if _, err := fmt.Sscanf(strings.SplitN(string(b), "before ", 2)[1], "%f", &wb); err != nil {
		t.Fatalf("%s: %v", golden, err)
	}
	if _, err := fmt.Sscanf(strings.SplitN(string(b), "after ", 2)[1], "%f", &wa); err != nil {
		t.Fatalf("%s: %v", golden, err)
	}
	if after.p() < wa-margin {
		t.Errorf("precision after = %.3f; golden %.3f", after.p(), wa)
	}
}

func readSurnameLabels(t *testing.T) []surnameLabel {
	t.Helper()
	f, err := os.Open(surnameLabelsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []surnameLabel
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var l surnameLabel
		if err := json.Unmarshal(line, &l); err != nil {
			t.Fatalf("%s: %v", surnameLabelsFile, err)
		}
		out = append(out, l)
	}
	return out
}

// dumpTags prints an article's country tags now and before and, for
// each, the places where a word that may start one of its names stands (60
// characters around), for a labeller to judge.
func dumpTags(id, text string, before []string) {
	norm := normalizeText(text)
	type word struct {
		key   string
		start int
	}
	var ws []word
	base := uintptr(unsafe.Pointer(unsafe.StringData(norm)))
	tokenize(norm, func(w string) {
		p := uintptr(unsafe.Pointer(unsafe.StringData(w)))
		start := -1
		if p >= base && p < base+uintptr(len(norm)) {
			start = int(p - base)
		}
		ws = append(ws, word{fold(w), start})
	})
	ms := Countries(text, "tr")
	var tags []string
	all := map[string]bool{}
	for _, m := range ms {
		tags = append(tags, fmt.Sprintf("%s×%d", m.ID, m.Count))
		all[m.ID] = true
	}
	for _, c := range before {
		if !all[c] {
			ms = append(ms, Mention{ID: c})
		}
	}
	fmt.Printf("\n=== %s  now: %s  before: %s\n", id, strings.Join(tags, " "), strings.Join(before, " "))
	for _, m := range ms {
		firsts := map[string]bool{}
		for k, es := range geo().gz {
			for _, e := range es {
				if e.id == m.ID && e.kind == kindCountry {
					firsts[k] = true
				}
			}
		}
		var lines []string
		for _, w := range ws {
			if !firsts[w.key] || w.start < 0 {
				continue
			}
			from, to := max(0, w.start-60), min(len(norm), w.start+60)
			for from > 0 && !utf8RuneStart(norm[from]) {
				from--
			}
			for to < len(norm) && !utf8RuneStart(norm[to]) {
				to++
			}
			lines = append(lines, "    "+strings.ReplaceAll(norm[from:to], "\n", " / "))
		}
		sort.Strings(lines)
		fmt.Printf("  %s:\n%s\n", m.ID, strings.Join(lines, "\n"))
	}
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
