package extract

// Demonyms are family names too: Galatasaray's president Dursun Özbek, the
// politician Ahmet Türk, a doctor Resul Özbek, the Welsh politician Mike
// German, the film critic Philip French. Such a word names a person, not a
// country, where the text shows it is a name:
//   - Turkish: after a given name (Mehmet Özbek), a title (Başkan Türk), or
//     a given name after a title (Başkan Dursun Özbek: the given-name list
//     need not know Dursun);
//   - English: after an honorific (Mr German), or after a given name inside
//     a sentence (said Michael German), where headlines and company names
//     (Bell Canada, London Irish, Nine British tourists) are not;
//   - Albanian: after a given name (Arben Turku).
// A bare given name before a demonym and another capitalized word is more
// often an institution's name (Zeki Müren Türk Sanat Müziği Korosu) and
// does not count. Once a word has been a family name in an article, it is
// one wherever that article writes it alone (Özbek, Özbek'in later in the
// story): a text about a man named Özbek that also means Uzbekistan by the
// bare word is far rarer than one that names him twice. Only base forms can
// be names (Özbekler, Türklerin never are), only capitalized words, never
// words in all capitals (headlines: nothing tells a name there), and only
// words separated by spaces on one line.
//
// The given names and titles are the person extractor's lists
// (persons_data.go), plus surnameGivenExtra.

// surnameGivenExtra are given names that stand before demonym family names
// in the news and that the person extractor's list lacks; surnameNotGiven
// are entries of that list that are mostly places before a demonym (London
// Irish, the rugby club).
var (
	surnameGivenExtra = wordSet(`Dursun Zeki`)
	surnameNotGiven   = wordSet(`London Paris Sydney Phoenix Chelsea Orlando Austin Dallas Houston Florence Victoria Adelaide Madison Brooklyn`)
)

// enHonorifics are the English titles that only stand before a person's
// name; other titles (Chief, Minister) stand before demonyms too (Chief
// Soviet negotiator), and Miss before a country is a beauty queen's title.
var enHonorifics = wordSet(`Mr Mrs Ms Dr Sir Lord Lady Dame Prof`)

// surnameKeys holds, per word key, the languages in which a single-word
// country entry of that key may be a family name (see buildSurnameKeys).
var surnameKeys = buildSurnameKeys()

// buildSurnameKeys collects the words that can be family names: demonyms
// in their base form (Özbek, Türk, Arnavut, German, French; Albanian also
// with the definite ending, as Albanian surnames are written: Turku,
// Gjermani). Country names are left out: "Ali Irak'a gitti" (Ali went to
// Iraq) and "Bell Canada" put a given name before a country's name more
// often than a person is named Holland.
func buildSurnameKeys() map[string]uint8 {
	m := map[string]uint8{}
	one := func(name string, lang uint8) {
		if ks := keys(name); len(ks) == 1 && !isAbbrev(name) {
			m[ks[0]] |= lang
		}
	}
	for _, bases := range trDemonyms {
		for _, b := range bases {
			one(b, langTr)
		}
	}
	for _, bases := range sqDemonyms {
		for _, b := range bases {
			for _, f := range []string{b, b + "i", b + "u"} {
				one(f, langSq)
			}
		}
	}
	for _, s := range countrySource {
		if s.lang == "en" && s.demonym {
			one(s.name, langEn)
		}
	}
	for _, ns := range extraDemonyms {
		for _, n := range ns {
			one(n, langEn)
		}
	}
	return m
}

// surnames returns the keys of the country words toks uses as family names
// (nil when none, the common case).
func surnames(toks []token, mask uint8) map[string]bool {
	var out map[string]bool
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		langs := surnameKeys[t.key] & mask
		if langs == 0 || !t.cap || t.upper || !t.spaced || out[t.key] {
			continue
		}
		prev := toks[i-1]
		if !prev.cap || prev.upper {
			continue
		}
		given := isGivenName(prev.key)
		nextCap := i+1 < len(toks) && toks[i+1].spaced && toks[i+1].cap
		named := false
		if langs&langTr != 0 {
			titledGiven := given && i >= 2 && prev.spaced && toks[i-2].cap && isTitleWord(toks[i-2].key, langTr)
			named = isTitleWord(prev.key, langTr) || titledGiven || given && !nextCap
		}
		if langs&langEn != 0 {
			inSentence := i >= 2 && prev.spaced && !toks[i-2].cap
			named = named || enHonorifics[prev.key] || given && inSentence && !nextCap
		}
		if langs&langSq != 0 {
			named = named || given && !nextCap
		}
		if named {
			if out == nil {
				out = map[string]bool{}
			}
			out[t.key] = true
		}
	}
	return out
}

func isGivenName(key string) bool {
	return tables().class[key]&cGiven != 0 && !surnameNotGiven[key] || surnameGivenExtra[key]
}

// isTitleWord tells whether key is a title or role that stands before a
// name in one of the languages of mask (Başkan, Bakan, Mr, Dr).
func isTitleWord(key string, mask uint8) bool {
	c := tables().class[key]
	return mask&langSq != 0 && c&cTitleSq != 0 || mask&langTr != 0 && c&cTitleTr != 0 || mask&langEn != 0 && c&cTitleEn != 0
}
