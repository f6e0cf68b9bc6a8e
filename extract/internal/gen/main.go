// Command gen writes extract/tables_gen.go: compact country-name and
// stop-word tables derived from the reference data in ../shared (relative to
// the module root). It is run by `go generate ./extract/` from extract/.
//
// Sources, each named again in the generated file:
//   - shared/data/countries/{en,sq,tr}.json: i18n-iso-countries 7.14.0 (MIT),
//     names and common aliases per ISO 3166-1 alpha-2 code;
//   - shared/data/countries/cldr-territories-{en,sq,tr}.json: CLDR 48
//     (Unicode licence), display names plus -alt-short / -alt-variant forms;
//   - shared/data/countries/world-countries.json (ODbL): English common and
//     official names, Turkish translations and English demonyms;
//   - shared/data/stopwords/sq_closed_class_from_ud.tsv (UD treebanks) and
//     sq_andrixh_ascii_folded.txt (MIT): Albanian function words;
//   - shared/data/stopwords/bleve_v2.6.3_stop_words_tr.go.txt (Lucene, Apache-2.0):
//     Turkish function words;
//   - shared/eval/ud/{sq,tr,en}_*.conllu (Universal Dependencies treebanks, word
//     forms only): letter-trigram models written to extract/ngrams.bin
//     (see writeNgrams), used by DetectLanguage on short texts.
//
// Inflected forms and Albanian/Turkish demonyms are not in any source; they are
// produced by rules in extract/rules.go at package initialisation.
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
)

func main() {
	shared := flag.String("shared", "../../shared", "path of the shared reference folder")
	out := flag.String("out", "tables_gen.go", "output file")
	ngrams := flag.String("ngrams", "ngrams.bin", "letter-trigram model output file")
	flag.Parse()
	writeNgrams(filepath.Join(*shared, "eval", "ud"), *ngrams)
	data := filepath.Join(*shared, "data")

	type rec struct{ code, lang, kind, name string }
	var recs []rec
	seen := map[rec]bool{}
	add := func(code, lang, kind, name string) {
		name = strings.TrimSpace(name)
		if len(code) != 2 || name == "" {
			return
		}
		r := rec{code, lang, kind, name}
		if !seen[r] {
			seen[r] = true
			recs = append(recs, r)
		}
	}
	display := map[string]*[3]string{}
	langs := []string{"en", "sq", "tr"}

	for li, l := range langs {
		// CLDR: display names and their short/variant forms.
		var cldr struct {
			Main map[string]struct {
				LocaleDisplayNames struct {
					Territories map[string]string `json:"territories"`
				} `json:"localeDisplayNames"`
			} `json:"main"`
		}
		mustJSON(filepath.Join(data, "countries", "cldr-territories-"+l+".json"), &cldr)
		for k, v := range cldr.Main[l].LocaleDisplayNames.Territories {
			code, alt, _ := strings.Cut(k, "-alt-")
			if len(code) != 2 || code == "EU" || code == "EZ" || code == "UN" || code == "QO" || code == "ZZ" {
				continue
			}
			if alt == "" {
				if display[code] == nil {
					display[code] = &[3]string{}
				}
				display[code][li] = v
			}
			add(code, l, "name", v)
		}
		// i18n-iso-countries: a name or a list of names per code.
		var iso struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		mustJSON(filepath.Join(data, "countries", l+".json"), &iso)
		for code, raw := range iso.Countries {
			var one string
			var many []string
			if json.Unmarshal(raw, &one) == nil {
				many = []string{one}
			} else if err := json.Unmarshal(raw, &many); err != nil {
				log.Fatalf("%s %s: %v", l, code, err)
			}
			for _, n := range many {
				add(code, l, "name", n)
			}
		}
	}
	var wc []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		Cca2         string `json:"cca2"`
		Independent  bool   `json:"independent"`
		Translations map[string]struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"translations"`
		Demonyms map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	mustJSON(filepath.Join(data, "countries", "world-countries.json"), &wc)
	// A demonym that a dependent territory shares with an independent state
	// is the state's: American is the US, not the Northern Mariana Islands;
	// French is France, not French Polynesia; Norwegian is not Svalbard.
	// Otherwise the two would cancel out and neither would be found.
	stateDemonym := map[string]bool{}
	for _, c := range wc {
		if d, ok := c.Demonyms["eng"]; ok && c.Independent {
			stateDemonym[d.M], stateDemonym[d.F] = true, true
		}
	}
	for _, c := range wc {
		add(c.Cca2, "en", "name", c.Name.Common)
		add(c.Cca2, "en", "name", c.Name.Official)
		if t, ok := c.Translations["tur"]; ok {
			add(c.Cca2, "tr", "name", t.Common)
			add(c.Cca2, "tr", "name", t.Official)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, n := range []string{d.M, d.F} {
				if c.Independent || !stateDemonym[n] {
					add(c.Cca2, "en", "demonym", n)
				}
			}
		}
	}
	sort.Slice(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.code != b.code {
			return a.code < b.code
		}
		if a.lang != b.lang {
			return a.lang < b.lang
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.name < b.name
	})

	// Stop words for language detection.
	sq := map[string]bool{}
	for _, line := range lines(filepath.Join(data, "stopwords", "sq_closed_class_from_ud.tsv")) {
		f := strings.Split(line, "\t")
		if len(f) >= 1 && f[0] != "" {
			sq[strings.ToLower(f[0])] = true
		}
	}
	for _, w := range lines(filepath.Join(data, "stopwords", "sq_andrixh_ascii_folded.txt")) {
		sq[strings.ToLower(w)] = true
	}
	tr := map[string]bool{}
	inList := false
	for _, w := range lines(filepath.Join(data, "stopwords", "bleve_v2.6.3_stop_words_tr.go.txt")) {
		if strings.Contains(w, "[]byte(`") {
			inList = true
			continue
		}
		if strings.HasPrefix(w, "`)") {
			break
		}
		if inList && !strings.ContainsAny(w, " (){}") {
			tr[w] = true
		}
	}

	var iso map[string][]string
	mustJSON(filepath.Join(data, "stopwords", "stopwords-iso.json"), &iso)
	others := map[string]map[string]bool{}
	for _, l := range otherLangs {
		others[l] = map[string]bool{}
		for _, w := range iso[l] {
			if w != "" && !strings.ContainsAny(w, "0123456789_'") {
				others[l][strings.ToLower(w)] = true
			}
		}
	}
	for w := range tr {
		if strings.ContainsAny(w, "ýþð") { // mis-decoded entries
			delete(tr, w)
		}
	}

	var b bytes.Buffer
	b.WriteString("// Code generated by extract/internal/gen from ../shared/data; DO NOT EDIT.\n\n")
	b.WriteString("package extract\n\n")
	b.WriteString("// countryDisplay holds CLDR 48 display names (en, sq, tr) per ISO 3166-1 alpha-2 code\n")
	b.WriteString("// (shared/data/countries/cldr-territories-*.json, Unicode licence).\n")
	b.WriteString("var countryDisplay = map[string][3]string{\n")
	codes := make([]string, 0, len(display))
	for c := range display {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		d := display[c]
		fmt.Fprintf(&b, "%q: {%q, %q, %q},\n", c, d[0], d[1], d[2])
	}
	b.WriteString("}\n\n")
	b.WriteString("// countrySource lists every country name, alias and English demonym found in\n")
	b.WriteString("// shared/data/countries: i18n-iso-countries 7.14.0 {en,sq,tr}.json (MIT), CLDR 48\n")
	b.WriteString("// cldr-territories-{en,sq,tr}.json incl. alt forms (Unicode licence), and\n")
	b.WriteString("// world-countries.json names, Turkish translations and demonyms (ODbL).\n")
	b.WriteString("var countrySource = []srcName{\n")
	for _, r := range recs {
		if r.kind == "demonym" {
			fmt.Fprintf(&b, "{%q, %q, %q, true},\n", r.code, r.lang, r.name)
		} else {
			fmt.Fprintf(&b, "{%q, %q, %q, false},\n", r.code, r.lang, r.name)
		}
	}
	b.WriteString("}\n\n")
	b.WriteString("// stopSq: Albanian function words from shared/data/stopwords/sq_closed_class_from_ud.tsv\n")
	b.WriteString("// (UD Albanian treebanks) and sq_andrixh_ascii_folded.txt (MIT).\n")
	writeList(&b, "stopSq", sq)
	b.WriteString("// stopTr: Turkish function words from shared/data/stopwords/bleve_v2.6.3_stop_words_tr.go.txt\n")
	b.WriteString("// (Lucene, Apache-2.0).\n")
	writeList(&b, "stopTr", tr)
	b.WriteString("// stopOther: function words of languages kerko does not index, from\n")
	b.WriteString("// shared/data/stopwords/stopwords-iso.json (MIT); they let DetectLanguage say \"und\".\n")
	b.WriteString("var stopOther = map[string][]string{\n")
	for _, l := range otherLangs {
		fmt.Fprintf(&b, "%q: {", l)
		ws := make([]string, 0, len(others[l]))
		for w := range others[l] {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		for _, w := range ws {
			fmt.Fprintf(&b, "%q,", w)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// otherLangs are languages close enough in script to be mistaken for ours.
var otherLangs = []string{"de", "fr", "es", "it", "pt", "nl", "ro", "pl", "hr", "sv", "cs", "hu", "id"}

func writeList(b *bytes.Buffer, name string, set map[string]bool) {
	ws := make([]string, 0, len(set))
	for w := range set {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	fmt.Fprintf(b, "var %s = []string{\n", name)
	for i, w := range ws {
		fmt.Fprintf(b, "%q,", w)
		if i%10 == 9 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n}\n\n")
}

func lines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "//") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func mustJSON(path string, v any) {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}
