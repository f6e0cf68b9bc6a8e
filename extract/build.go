package extract

import (
	"strings"
	"sync"
)

// geoTables are the gazetteer and the query-word maps derived from it.
type geoTables struct {
	// gz is the one gazetteer of countries, organizations and blocked
	// phrases: organizations and blocked phrases share it with countries
	// so that the words they consume (Türk Devletleri Teşkilatı, Latin
	// America) do not also count as a country.
	gz gazetteer
	// country and org map the key of one query word to an id.
	country, org map[string]string
	// upper holds keys that name something only when typed in capitals:
	// two-letter abbreviations are common words in lowercase (us, ab
	// "from", un "flour"/"I", be).
	upper map[string]bool
}

// geo builds the tables on first use, not when the package loads (about
// 4 MB and most of the package's init time): a program that imports
// extract without reading countries pays nothing for them.
var geo = sync.OnceValue(buildGeo)

// orgByID maps an organization id to its entry.
var orgByID = func() map[string]*org {
	m := make(map[string]*org, len(orgs))
	for i := range orgs {
		m[orgs[i].id] = &orgs[i]
	}
	return m
}()

var langBit = map[string]uint8{"sq": langSq, "tr": langTr, "en": langEn}

func buildGeo() *geoTables {
	gz := gazetteer{}
	lookupCountry := map[string]string{}
	lookupOrg := map[string]string{}
	lookupUpper := map[string]bool{}
	addName := func(kind uint8, id, name string, langs, cs uint8, sqArt bool) {
		gz.addName(kind, id, name, langs, cs, sqArt)
	}
	for _, l := range []string{"en", "sq", "tr"} {
		for _, p := range blocked[l] {
			addName(kindBlock, "", p, langBit[l], caseAny, l == "sq")
		}
	}
	for i := range orgs {
		o := &orgs[i]
		for _, a := range o.abbr {
			addName(kindOrg, o.id, a, langAll, caseUpper, false)
		}
		for l, ns := range o.names {
			for _, n := range ns {
				cs := caseTitle
				if isAbbrev(n) {
					cs = caseUpper
				} else if isMixedAbbrev(n) {
					cs = caseMixed
				}
				if l == "sq" && cs == caseTitle {
					ws := strings.Fields(n)
					for _, f := range sqDefForms(ws[0]) {
						addName(kindOrg, o.id, strings.Join(append([]string{f}, ws[1:]...), " "), langSq, cs, true)
					}
					continue
				}
				addName(kindOrg, o.id, n, langBit[l], cs, false)
			}
		}
	}
	drop := map[string]bool{}
	for l, ws := range dropped {
		for _, w := range ws {
			drop[l+"\x00"+fold(w)] = true
		}
	}
	addCountry := func(code, l, name string, demonym bool) {
		if notCountries[code] {
			return
		}
		if strings.ContainsAny(name, ",()") {
			return // "Korea, Republic of", "Kongo (RDK)": catalogue forms, not text forms
		}
		name = strings.ReplaceAll(name, "&", map[string]string{"en": "and", "sq": "dhe", "tr": "ve"}[l])
		if drop[l+"\x00"+fold(name)] {
			return
		}
		bit := langBit[l]
		if isAbbrev(name) {
			addName(kindCountry, code, name, bit, caseUpper, false)
			return
		}
		if isMixedAbbrev(name) {
			addName(kindCountry, code, name, bit, caseMixed, false)
			return
		}
		switch l {
		case "en":
			if rest, ok := strings.CutPrefix(name, "The "); ok {
				addName(kindCountry, code, rest, bit, caseTitle, false)
			}
			addName(kindCountry, code, name, bit, caseTitle, false)
			if demonym && !strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "sh") &&
				!strings.HasSuffix(name, "ch") && !strings.HasSuffix(name, "ese") && !strings.HasSuffix(name, "i") {
				addName(kindCountry, code, name+"s", bit, caseTitle, false)
			}
			if demonym && strings.HasSuffix(name, "i") { // Iraqi(s), Saudi(s), Kazakhstani(s)
				addName(kindCountry, code, name+"s", bit, caseTitle, false)
			}
		case "sq":
			ws := strings.Fields(name)
			for _, f := range sqForms(ws[0]) {
				if len(ws) == 1 && sqNotNames[f] {
					continue
				}
				addName(kindCountry, code, strings.Join(append([]string{f}, ws[1:]...), " "), bit, caseTitle, true)
			}
		case "tr":
			addName(kindCountry, code, name, bit, caseTitle, false)
			if !strings.Contains(name, " ") && !strings.Contains(name, "-") {
				for _, f := range trNameForms(name) {
					addName(kindCountry, code, f, bit, caseTitle, false)
				}
				for _, f := range trDropCommon(trSuffixForms(trLI(name))) {
					addName(kindCountry, code, f, bit, caseTitle, false)
				}
			}
		}
		if !strings.Contains(name, " ") {
			lookupCountry[fold(name)] = code
		}
	}
	for _, s := range countrySource {
		addCountry(s.code, s.lang, s.name, s.demonym)
	}
	for l, m := range extraNames {
		for code, ns := range m {
			for _, n := range ns {
				addCountry(code, l, n, false)
			}
		}
	}
	for code, ns := range extraDemonyms {
		for _, n := range ns {
			addCountry(code, "en", n, true)
		}
	}
	for code, bases := range sqDemonyms {
		for _, b := range bases {
			for _, f := range sqAdjForms(b) {
				addName(kindCountry, code, f, langSq, caseAny, false)
			}
		}
	}
	for code, fs := range sqIrregular {
		for _, f := range fs {
			addName(kindCountry, code, f, langSq, caseAny, false)
		}
	}
	for code, bases := range trDemonyms {
		for _, b := range bases {
			if drop["tr\x00"+fold(b)] {
				continue
			}
			for _, f := range trDropCommon(trSuffixForms(b)) {
				addName(kindCountry, code, f, langTr, caseTitle, false)
			}
		}
	}
	gz.finish()
	for _, es := range gz {
		for _, e := range es {
			if len(e.words) != 1 || e.kind == kindBlock {
				continue
			}
			if e.cs == caseUpper && len(e.words[0]) <= 2 {
				lookupUpper[e.words[0]] = true
			}
			switch e.kind {
			case kindCountry:
				if _, ok := lookupCountry[e.words[0]]; !ok {
					lookupCountry[e.words[0]] = e.id
				}
			case kindOrg:
				if _, ok := lookupOrg[e.words[0]]; !ok {
					lookupOrg[e.words[0]] = e.id
				}
			}
		}
	}
	for _, o := range orgs {
		lookupOrg[fold(o.id)] = o.id
	}
	return &geoTables{gz: gz, country: lookupCountry, org: lookupOrg, upper: lookupUpper}
}

// addName adds one name, split into word keys; in Albanian names the
// articles between words match any article (e Veriut, së Veriut).
func (gz gazetteer) addName(kind uint8, id, name string, langs, cs uint8, sqArt bool) {
	ws := keys(name)
	if len(ws) == 0 {
		return
	}
	if sqArt {
		for i := 1; i < len(ws); i++ {
			if sqArticles[ws[i]] {
				ws[i] = artWild
			}
		}
	}
	gz.add(&entry{id: id, words: ws, kind: kind, cs: cs, langs: langs})
}

// srcName is one name of a country as found in the reference data.
type srcName struct {
	code, lang, name string
	demonym          bool
}
