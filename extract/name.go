package extract

// IsName reports whether text, as a whole, is one name of a country or an
// organization in any of the three languages and forms ("Kyrgyz Republic",
// "Birleşmiş Milletler", "Kazakistan'ın"), rather than words around one
// ("relations with Turkey"). Search asks it of a quoted phrase: only a
// phrase that is a name stands for the entity in every language.
func IsName(text string) bool {
	toks := tokens(text)
	if len(toks) == 0 {
		return false
	}
	gz := geo().gz
	var id string
	for _, e := range gz[toks[0].key] {
		if e.kind != kindBlock && len(e.words) == len(toks) && sameWords(e.words, toks) {
			id = e.id
			break
		}
	}
	if id == "" {
		return false
	}
	// The scan decides what is named (case rules, languages, longer names
	// first): the name must be all it finds, once.
	countries, orgs := gz.scanBoth(toks, "und")
	all := append(countries, orgs...)
	return len(all) == 1 && all[0].ID == id && all[0].Count == 1
}

// sameWords reports whether toks are words, an Albanian article standing
// for each artWild.
func sameWords(words []string, toks []token) bool {
	for i, w := range words {
		if w == artWild {
			if !sqArticles[toks[i].key] {
				return false
			}
		} else if w != toks[i].key {
			return false
		}
	}
	return true
}

// KnownPersonName returns the id of the known person (KnownPersonIDs) that
// text, as a whole, is a full name of: given names of theirs followed by
// one of their surnames in any form ("Recep Tayyip Erdoğan", "Rexhep Tajip
// Erdoganit", "Kasım Cömert Tokayev'in"), and no other word ("talks with
// Recep Tayyip Erdoğan" is not one). Search asks it of a quoted phrase, as
// IsName: a surname alone is no full name, since it may be many people.
func KnownPersonName(text string) (string, bool) {
	pt := tables()
	toks := ptokens(text)
	if len(toks) < 2 {
		return "", false
	}
	last := toks[len(toks)-1]
	for _, k := range personQueryKeys(keyOf(last)) {
		for _, kp := range pt.knownBySurname[k] {
			given := pt.knownGiven[kp]
			all := true
			for _, t := range toks[:len(toks)-1] {
				if t.suffix || !given[keyOf(t)] {
					all = false
					break
				}
			}
			if all {
				return pt.knownID[kp], true
			}
		}
	}
	return "", false
}
