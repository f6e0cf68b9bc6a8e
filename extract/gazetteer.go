package extract

import (
	"sort"
	"strings"
	"unicode"
)

// Language bits of an entry: the texts it may match in. A text of unknown
// language ("und" or "") matches every entry.
const (
	langSq uint8 = 1 << iota
	langTr
	langEn
	langAll = langSq | langTr | langEn
)

func langMask(lang string) uint8 {
	switch lang {
	case "sq":
		return langSq
	case "tr":
		return langTr
	case "en":
		return langEn
	}
	return langAll
}

// Case rules of an entry, checked on its first word.
const (
	caseAny   uint8 = iota // Albanian demonyms are lowercase: kompani turke
	caseTitle              // names: Turkey, not turkey; Irak, not ırak (far)
	caseUpper              // abbreviations: US not us, AB not ab
	caseMixed              // abbreviations written in mixed case: BiH, BeH (not bih, Bih)
)

// kind of what an entry names.
const (
	kindCountry uint8 = iota
	kindOrg
	kindBlock // consumes words that must name nothing: Latin America, New Jersey
)

// artWild stands for an Albanian article (e, i, të, së) inside a name, whose
// form follows the case of the head: Maqedonia e Veriut, Maqedonisë së Veriut.
const artWild = "\x00art"

type entry struct {
	id    string
	words []string
	kind  uint8
	cs    uint8
	langs uint8
}

// gazetteer maps the key of an entry's first word to its entries, longest
// first, so one pass over the words finds the longest name at each position.
type gazetteer map[string][]*entry

func (g gazetteer) add(e *entry) {
	if len(e.words) == 0 || e.words[0] == "" {
		return
	}
	for _, o := range g[e.words[0]] {
		if o.cs == e.cs && equalWords(o.words, e.words) {
			if o.id != e.id || o.kind != e.kind {
				if o.kind == kindBlock || e.kind == kindBlock {
					o.kind, o.id = kindBlock, ""
				} else if o.kind == e.kind {
					// The same words name two countries (Congo, Kongo):
					// rather nothing than a guess.
					o.kind, o.id = kindBlock, ""
				}
			}
			o.langs |= e.langs
			return
		}
	}
	g[e.words[0]] = append(g[e.words[0]], e)
}

func (g gazetteer) finish() {
	for _, es := range g {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// keys splits a name into word keys the way texts are split.
func keys(name string) []string {
	var ks []string
	tokenize(name, func(w string) { ks = append(ks, fold(w)) })
	return ks
}

var sqArticles = map[string]bool{"e": true, "i": true, "te": true, "se": true}

// scan counts the entries named in toks, taking the longest match at each
// position and never matching inside a word.
func (g gazetteer) scan(toks []token, lang string, want uint8) []Mention {
	c, o := g.count(toks, lang)
	if want == kindOrg {
		return sortMentions(o)
	}
	return sortMentions(c)
}

func (g gazetteer) scanBoth(toks []token, lang string) (countries, orgs []Mention) {
	c, o := g.count(toks, lang)
	return sortMentions(c), sortMentions(o)
}

// count walks toks once and counts the countries and organizations named.
// A country word that the text uses as a person's family name (Dursun
// Özbek) names no country (surnames.go).
func (g gazetteer) count(toks []token, lang string) (countries, orgs map[string]int) {
	mask := langMask(lang)
	family := surnames(toks, mask)
	for i := 0; i < len(toks); {
		n := 0
		for _, e := range g[toks[i].key] {
			if e.langs&mask == 0 || i+len(e.words) > len(toks) {
				continue
			}
			switch e.cs {
			case caseTitle:
				if !toks[i].cap {
					continue
				}
			case caseUpper:
				if !toks[i].upper {
					continue
				}
			case caseMixed:
				if !toks[i].cap || !toks[i].multi {
					continue
				}
			}
			ok, typo := true, false
			for j := 1; j < len(e.words); j++ {
				k := toks[i+j].key
				if e.words[j] == artWild {
					ok = sqArticles[k]
				} else {
					ok = e.words[j] == k
					if !ok && !typo && len(e.words) >= minTypoWords && len(k) >= minTypoLen && oneEdit(e.words[j], k) {
						// A long name is recognised with one misspelt
						// word (Organizatës Botërore të Shëndetëisë):
						// the other words pin it down.
						ok, typo = true, true
					}
				}
				if !ok {
					break
				}
			}
			if !ok {
				continue
			}
			n = len(e.words)
			if e.kind == kindCountry && n == 1 && family[toks[i].key] && toks[i].cap {
				break // a family name
			}
			switch e.kind {
			case kindCountry:
				if countries == nil {
					countries = map[string]int{}
				}
				countries[e.id]++
			case kindOrg:
				if orgs == nil {
					orgs = map[string]int{}
				}
				orgs[e.id]++
			}
			break
		}
		if n == 0 && lang == "sq" && toks[i].lead > 0 {
			if e := g.sqGlued(toks[i]); e != nil {
				if e.kind == kindCountry {
					if countries == nil {
						countries = map[string]int{}
					}
					countries[e.id]++
				} else {
					if orgs == nil {
						orgs = map[string]int{}
					}
					orgs[e.id]++
				}
			}
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
	return countries, orgs
}

// sqCaseEndings are the Albanian case endings (folded) that writers glue to
// an abbreviation instead of joining them with a hyphen: NATOS, BEnë, BEsë
// for NATO-s, BE-në, BE-së. (NATOs is split by the glued-paragraph rule of
// tokenize, as VIDEONuk is, and stays unrecognised.)
var sqCaseEndings = []string{"se", "ne", "ja", "ve", "te", "es", "it", "in", "ut", "un", "s", "n", "t", "i", "e", "u", "a"}

// sqGlued finds the abbreviation of an Albanian word made of capitals and a
// glued case ending: a lowercase ending after any abbreviation (BEnë,
// BEsë), an ending in capitals only after one of four letters or more
// (NATOS, not BES or BEN).
func (g gazetteer) sqGlued(t token) *entry {
	stem, end := t.key[:t.lead], t.key[t.lead:]
	if end == "" {
		for _, e := range sqCaseEndings {
			if len(t.key)-len(e) >= 4 && strings.HasSuffix(t.key, e) {
				stem, end = t.key[:len(t.key)-len(e)], e
				break
			}
		}
	}
	if end == "" {
		return nil
	}
	known := false
	for _, e := range sqCaseEndings {
		known = known || e == end
	}
	if !known {
		return nil
	}
	for _, e := range g[stem] {
		if len(e.words) == 1 && e.cs == caseUpper && e.langs&langSq != 0 && e.kind != kindBlock {
			return e
		}
	}
	return nil
}

func sortMentions(counts map[string]int) []Mention {
	if len(counts) == 0 {
		return nil
	}
	out := make([]Mention, 0, len(counts))
	for id, c := range counts {
		out = append(out, Mention{ID: id, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// isAbbrev tells whether a source name is written as an abbreviation (ABD,
// SHBA, USA, UK), which must then be matched in capitals only.
func isAbbrev(name string) bool {
	letters := 0
	for _, r := range name {
		if r == '.' || r == '-' || r == ' ' {
			continue
		}
		if !isUpperRune(r) {
			return false
		}
		letters++
	}
	return letters >= 2 && letters <= 5
}

// isMixedAbbrev tells whether a source name is an abbreviation written in
// mixed case (BiH, BeH: Bosna i Hercegovina, Bosnja e Hercegovina), which
// must then be matched with at least two capitals.
func isMixedAbbrev(name string) bool {
	letters, uppers := 0, 0
	for i, r := range name {
		if !unicode.IsLetter(r) {
			return false
		}
		letters++
		if isUpperRune(r) {
			uppers++
		} else if i == 0 {
			return false
		}
	}
	return letters >= 3 && letters <= 5 && uppers >= 2 && uppers < letters
}

func isUpperRune(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// A name of at least minTypoWords words (articles included) may have one word
// of at least minTypoLen bytes misspelt by one edit; shorter names and words
// are too easily another name or word.
const (
	minTypoWords = 3
	minTypoLen   = 8
)

// oneEdit reports whether a and b differ by exactly one insertion, deletion,
// substitution or transposition of adjacent bytes (keys are folded ASCII).
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la < lb {
		a, b, la, lb = b, a, lb, la
	}
	if la-lb > 1 {
		return false
	}
	i := 0
	for i < lb && a[i] == b[i] {
		i++
	}
	if la == lb {
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // transposition
	}
	return a[i+1:] == b[i:] // deletion from the longer
}
