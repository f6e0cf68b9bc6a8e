package extract

import (
	"sort"
	"strings"
)

// Mention is an entity found in a text with how many times it is named.
type Mention struct {
	ID    string
	Count int
}

// Countries returns the ISO 3166-1 alpha-2 codes (Kosovo "XK") of the
// countries named in text, by name, short name, abbreviation, demonym or
// inflected form, sorted by Count descending then ID. lang ("sq", "tr", "en",
// or "und" when unknown) decides which language's ambiguous words may count.
func Countries(text, lang string) []Mention {
	return geo().gz.scan(tokens(text), lang, kindCountry)
}

// Organizations returns the international organizations named in text, one
// id per organization across languages (UN for UN, BM and OKB), sorted like
// Countries.
func Organizations(text, lang string) []Mention {
	return geo().gz.scan(tokens(text), lang, kindOrg)
}

// Mentions returns both the countries and the organizations named in text,
// as Countries and Organizations do, from one pass over its words: indexers
// that want both should call this.
func Mentions(text, lang string) (countries, orgs []Mention) {
	return geo().gz.scanBoth(tokens(text), lang)
}

// CountryName gives the display name of a country code in ui language "en",
// "sq" or "tr", falling back to English, then to the code itself.
func CountryName(code, ui string) string {
	d, ok := countryDisplay[strings.ToUpper(code)]
	if !ok {
		return code
	}
	i := map[string]int{"en": 0, "sq": 1, "tr": 2}[ui]
	if d[i] != "" {
		return d[i]
	}
	if d[0] != "" {
		return d[0]
	}
	return code
}

// OrgName gives the display name of an organization id in ui language "en",
// "sq" or "tr", falling back to English, then to the id itself.
func OrgName(id, ui string) string {
	o, ok := orgByID[strings.ToUpper(id)]
	if !ok {
		return id
	}
	switch {
	case ui == "sq" && o.sq != "":
		return o.sq
	case ui == "tr" && o.tr != "":
		return o.tr
	case o.en != "":
		return o.en
	}
	return id
}

// LookupCountry maps one query word in any of the three languages and any form
// (Kazakhstan, Kazakistan'ın, Kazakistanit, kirgizistan) to its country code,
// for cross-language query expansion. Case is ignored, except for two-letter
// abbreviations, which count only in capitals: "US" is the United States,
// "us" is nothing.
func LookupCountry(word string) (code string, ok bool) {
	k, upper := queryKey(word)
	g := geo()
	if g.upper[k] && !upper {
		return "", false
	}
	code, ok = g.country[k]
	return code, ok
}

// LookupOrganization maps one query word (NATO, AB, OKB, AGİT) to an
// organization id.
func LookupOrganization(word string) (id string, ok bool) {
	k, upper := queryKey(word)
	g := geo()
	if g.upper[k] && !upper {
		return "", false
	}
	id, ok = g.org[k]
	return id, ok
}

// queryKey returns the key of the first word of a query term (Kazakistan'ın
// gives kazakistan) and whether it is written in capitals; "" for a word
// without letters or digits (an empty query parameter).
func queryKey(word string) (string, bool) {
	var first string
	tokenize(strings.TrimSpace(word), func(w string) {
		if first == "" {
			first = w
		}
	})
	if first == "" {
		return "", false
	}
	t := makeToken(first)
	return t.key, t.upper
}

// IsCountry tells whether code is a country code the package knows, for
// validating user filters.
func IsCountry(code string) bool {
	_, ok := countryDisplay[code]
	return ok
}

// CountryCodes lists every country code known, sorted.
func CountryCodes() []string {
	out := make([]string, 0, len(countryDisplay))
	for c := range countryDisplay {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// OrganizationIDs lists every organization id known, in table order.
func OrganizationIDs() []string {
	out := make([]string, 0, len(orgs))
	for _, o := range orgs {
		out = append(out, o.id)
	}
	return out
}

// IsOrganization tells whether id is an organization id the package knows.
func IsOrganization(id string) bool {
	_, ok := orgByID[id]
	return ok
}
