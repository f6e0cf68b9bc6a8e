package extract

import (
	"strings"
	"unicode/utf8"
)

// This file holds what no data source gives: inflected Albanian forms,
// Albanian and Turkish demonyms, Turkish suffixes, common aliases missing from
// the tables, and the words that must not count. Each list says why.

// sqForms returns the indefinite and definite/case forms of an Albanian
// proper noun given in its dictionary form (Turqi, Kinë, Kazakistan, Irak),
// following the rules in shared/docs/LANGUAGE-NOTES.md: Turqia, Turqisë,
// Turqinë; Kina, Kinës, Kinën; Kazakistani, Kazakistanit; Iraku, Irakut.
func sqForms(w string) []string {
	forms := []string{w}
	last, _ := utf8.DecodeLastRuneInString(w)
	switch {
	case strings.HasSuffix(w, "ia") || strings.HasSuffix(w, "Ia"):
		s := w[:len(w)-1]
		forms = append(forms, s, s+"së", s+"në", s+"e", s+"s", s+"n")
	case last == 'i':
		// -s and -n: the oblique and accusative typed without their final
		// ë (Shqipëris, Turqin), which folding cannot restore; -të and
		// -ve: the plural of a divided country (dy Gjermanitë, dy
		// Gjermanive).
		forms = append(forms, w+"a", w+"së", w+"në", w+"e", w+"s", w+"n", w+"të", w+"ve")
	case last == 'ë':
		s := strings.TrimSuffix(w, "ë")
		forms = append(forms, s+"a", s+"ës", s+"ën", s+"e", s)
	case last == 'a':
		s := w[:len(w)-1]
		forms = append(forms, w+"ja", w+"s", w+"në", w+"së", s+"ës", s+"ën", s+"ë", s+"e")
	case last == 'o' || last == 'u' || last == 'e':
		forms = append(forms, w+"ja", w+"s", w+"n", w+"së", w+"në", w+"ne", w+"se", w+"të", w+"ve") // dy Koretë, dy Koreve
	case strings.HasSuffix(w, "et") || strings.HasSuffix(w, "at") || strings.HasSuffix(w, "ët"):
		s := w[:len(w)-1]
		forms = append(forms, s+"ve", s)
	case strings.HasSuffix(w, "ër"):
		// Feminine nouns in -ër lose the ë when inflected, as motër gives
		// motra, motrës: Zvicër → Zvicra, Zvicrës, Zvicrën.
		s := w[:len(w)-len("ër")]
		forms = append(forms, s+"ra", s+"rës", s+"rën", s+"re", s+"res", s+"ren")
	default: // consonant
		forms = append(forms, w+"i", w+"it", w+"in", w+"ë")
		if last == 'k' || last == 'g' || last == 'h' {
			forms = append(forms, w+"u", w+"ut", w+"un")
		}
	}
	return forms
}

// sqDefForms inflects an Albanian head noun given in its definite nominative
// form, as organization names are written (Bashkimi, Organizata, Kombet):
// Bashkimit, Bashkimin; Organizatës, Organizatën; Kombeve.
func sqDefForms(w string) []string {
	forms := []string{w}
	switch {
	case strings.HasSuffix(w, "ia"):
		s := w[:len(w)-1]
		forms = append(forms, s+"së", s+"në", s+"e")
	case strings.HasSuffix(w, "a"):
		s := w[:len(w)-1]
		forms = append(forms, s+"ës", s+"ën", s+"es", s+"en", s+"e")
	case strings.HasSuffix(w, "i") || strings.HasSuffix(w, "u"):
		forms = append(forms, w+"t", w+"n")
		if strings.HasSuffix(w, "i") {
			// The indefinite head of a descriptive mention: "do të
			// vizitoj Komision Ndërkombëtar për personat e pagjetur".
			forms = append(forms, w[:len(w)-1])
		}
	case strings.HasSuffix(w, "et") || strings.HasSuffix(w, "at") || strings.HasSuffix(w, "ët"):
		forms = append(forms, w[:len(w)-1]+"ve")
	}
	return forms
}

// sqAdjForms inflects an Albanian demonym or adjective (gjerman: gjermane,
// gjermanë, gjermanët, gjermanëve, gjermanit...).
func sqAdjForms(w string) []string {
	forms := []string{w}
	for _, s := range []string{"e", "ë", "ët", "ëve", "i", "it", "in", "et", "eve", "es", "en", "ja", "ve"} {
		forms = append(forms, w+s)
	}
	if last := w[len(w)-1]; last == 'k' || last == 'g' || last == 'h' {
		forms = append(forms, w+"u", w+"ut", w+"un")
	}
	return forms
}

// sqDemonyms are Albanian demonyms and adjectives of nationality, written in
// lowercase in Albanian (kompani turke, homologun kazak).
var sqDemonyms = map[string][]string{
	"AF": {"afgan"}, "AL": {"shqiptar"}, "AM": {"armen"}, "AR": {"argjentinas"},
	"AT": {"austriak"}, "AU": {"australian"}, "AZ": {"azerbajxhanas", "azer"},
	"BA": {"boshnjak"}, "BE": {"belg"}, "BG": {"bullgar"}, "BR": {"brazilian"},
	"BY": {"bjellorus"}, "CA": {"kanadez"}, "CH": {"zviceran"}, "CN": {"kinez"},
	"DE": {"gjerman"}, "DK": {"danez"}, "EG": {"egjiptian"}, "ES": {"spanjoll", "spanjoll"},
	"FI": {"finlandez"}, "FR": {"francez"}, "GB": {"anglez", "britanik"},
	"GE": {"gjeorgjian"}, "GR": {"grek"}, "HR": {"kroat"}, "HU": {"hungarez"},
	"IL": {"izraelit", "izraelian"}, "IN": {"indian"}, "IQ": {"irakian"},
	"IR": {"iranian"}, "IT": {"italian"}, "JO": {"jordanez"}, "JP": {"japonez"},
	"KG": {"kirgiz"}, "KZ": {"kazak"}, "LB": {"libanez"}, "LY": {"libian"},
	"ME": {"malazez"}, "MK": {"maqedonas", "maqedonez", "maqedon"}, "MX": {"meksikan"},
	"NL": {"holandez"}, "NO": {"norvegjez"}, "PK": {"pakistanez"},
	"PL": {"polak"}, "PS": {"palestinez"}, "PT": {"portugez"}, "QA": {"katarian"},
	"RO": {"rumun"}, "RS": {"serb"}, "RU": {"rus"}, "SA": {"saudit"},
	"SE": {"suedez"}, "SI": {"slloven"}, "SK": {"sllovak"}, "SY": {"sirian"},
	"TJ": {"taxhik"}, "TM": {"turkmen"}, "TN": {"tunizian"}, "TR": {"turk"},
	"UA": {"ukrainas", "ukrainian"}, "US": {"amerikan"}, "UZ": {"uzbek"},
	"XK": {"kosovar"}, "CZ": {"çeke"}, "EE": {"estonez"}, "LT": {"lituanez"},
	"LV": {"letonez"}, "DZ": {"algjerian"}, "MA": {"marokan"}, "KW": {"kuvajtian"},
	"NG": {"nigerian"}, "ID": {"indonezian"}, "MY": {"malajzian"},
	"CY": {"qipriot"}, "IE": {"irlandez"}, "NZ": {"zelandez"},
}

// sqIrregular are Albanian forms the adjective rule misses (turk, pl. turq).
var sqIrregular = map[string][]string{
	"TR": {"turq", "turqit", "turqve", "turqeve"},
	"GR": {"grekët", "grekëve"},
}

// trDemonyms are Turkish demonyms that are not the country name plus -lI
// (which the rules derive: Iraklı, Çinli, Kazakistanlı). Capitalized in
// Turkish, they take plural and case suffixes without an apostrophe:
// Kazakların, Türklerin. Türkmen is not one: in Turkish news it is mostly
// the Turkmens of Iraq and Syria, an ethnic group (Suriyeli Türkmenler);
// Turkmenistan's people are Türkmenistanlı, which the rules derive.
var trDemonyms = map[string][]string{
	"TR": {"Türk"}, "KZ": {"Kazak"}, "KG": {"Kırgız"}, "UZ": {"Özbek"},
	"TJ": {"Tacik"}, "AZ": {"Azeri", "Azerbaycanlı"},
	"AM": {"Ermeni"}, "GE": {"Gürcü"}, "RU": {"Rus"}, "DE": {"Alman"},
	"FR": {"Fransız"}, "GB": {"İngiliz", "Britanyalı"}, "IT": {"İtalyan"},
	"ES": {"İspanyol"}, "JP": {"Japon"}, "HU": {"Macar"},
	"BG": {"Bulgar"}, "AL": {"Arnavut"}, "BA": {"Boşnak"}, "RS": {"Sırp"},
	"HR": {"Hırvat"}, "SK": {"Slovak"}, "SI": {"Sloven"}, "RO": {"Rumen"},
	"AF": {"Afgan"}, "IN": {"Hint", "Hintli"}, "MN": {"Moğol"},
	"US": {"Amerikan", "Amerikalı"}, "SA": {"Suudi"}, "MK": {"Makedon"},
	"BY": {"Belaruslu", "Beyaz Rus"}, "PL": {"Polonyalı"}, "NL": {"Hollandalı"},
	"GR": {"Yunan", "Yunanlı"},
}

// Extra names missing from the tables: common short forms, the names the press
// uses (Amerika for the United States), historical names mapped to their
// successor state (Soviet Union and USSR to RU, West Germany to DE, Burma to
// MM, Zaire to CD) because 1980s wires use them, and KKTC/Northern Cyprus to
// CY because ISO 3166-1 gives it no code of its own.
var extraNames = map[string]map[string][]string{
	"en": {
		"US": {"America", "USA", "US", "United States"}, "GB": {"Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "UK"},
		"RU": {"Soviet Union", "USSR", "Russian Federation"},
		"NL": {"Holland"}, "MM": {"Burma"}, "CD": {"Zaire"}, "LK": {"Ceylon"},
		"KR": {"Korea", "South Korea"}, "KG": {"Kirghizia", "Kirgizstan", "Kyrgyzia", "Kirgizia", "Kirghizstan"}, "TR": {"Turkiye"},
		"XK": {"Kosova"}, "CY": {"Northern Cyprus"}, "CZ": {"Czech Republic"},
		// Spellings real sources use: AP style (Kazakstan), Kazakh Latin
		// script (Qazaqstan), names of the 1990s (Byelorussia, Moldavia,
		// Turkmenia, Macedonia before 2019).
		"KZ": {"Kazakstan", "Qazaqstan"}, "BY": {"Byelorussia", "Belorussia"}, "AZ": {"Azerbaidjan"},
		"MK": {"Macedonia"}, "TM": {"Turkmenia"}, "MD": {"Moldavia"},
		// Batch 6: the Bosnian abbreviation (BiH, written in mixed case)
		// and the German adjective inside names (Deutsche Bank, Deutsche
		// Welle), as Swiss names Switzerland in Swiss Bank.
		"BA": {"BiH"}, "DE": {"West Germany", "East Germany", "Deutsche"},
	},
	"sq": {
		"US": {"Amerikë", "Shtetet e Bashkuara", "Shtetet e Bashkuara të Amerikës", "ShBA"},
		"GB": {"Britani e Madhe", "Britani", "Angli", "Mbretëria e Bashkuar"},
		"RU": {"Federata Ruse", "Bashkimi Sovjetik"}, "XK": {"Kosova", "Republika e Kosovës"},
		"KG": {"Kirgistan", "Kirgizistan", "Kirgizstan", "Kirgizi"}, "KZ": {"Kazakhstan", "Kazakstan", "Qazaqstan"},
		"MK": {"Maqedoni", "Maqedonia e Veriut"}, "AE": {"Emiratet e Bashkuara Arabe", "Emiratet Arabe"},
		"CZ": {"Çeki", "Republika Çeke"}, "NL": {"Holandë"},
		"ME": {"Mali i Zi"}, "TR": {"Turqi"}, "UZ": {"Uzbekistan"}, "TJ": {"Taxhikistan"},
		"TM": {"Turkmenistan"}, "AZ": {"Azerbajxhan"}, "SA": {"Arabi Saudite"},
		"CY": {"Qipro"}, "KR": {"Kore e Jugut", "Korea e Jugut"}, "KP": {"Kore e Veriut", "Korea e Veriut"},
		"BA": {"Bosnjë e Hercegovinë", "Bosnjë", "BeH", "BiH"}, "DE": {"Deutsche"},
	},
	"tr": {
		"US": {"Amerika", "ABD", "Birleşik Devletler"}, "GB": {"İngiltere", "Britanya", "Büyük Britanya", "Birleşik Krallık"},
		"RU": {"Sovyetler Birliği", "SSCB", "Rusya Federasyonu"}, "AE": {"BAE"},
		"CY": {"KKTC", "Kuzey Kıbrıs Türk Cumhuriyeti", "Kuzey Kıbrıs"},
		"BA": {"Bosna Hersek", "Bosna", "BiH"}, "KG": {"Kırgız Cumhuriyeti"}, "NL": {"Hollanda"},
		"XK": {"Kosova"}, "MK": {"Makedonya"}, "CZ": {"Çek Cumhuriyeti"},
		"MC": {"Monaco"}, // the Turkish press writes both Monako and Monaco
		"KZ": {"Qazaqstan"}, "AD": {"Andora"},
		// Batch 6: a spelling the Turkish press uses (Avusturalya), the
		// Bosnian abbreviation, the German adjective inside names.
		"AU": {"Avusturalya"}, "DE": {"Deutsche"},
	},
}

// extraDemonyms (English) missing from world-countries.json, whose demonyms
// for Central Asia are the -stani forms.
var extraDemonyms = map[string][]string{
	"TR": {"Turk"}, "KZ": {"Kazakh", "Kazak"}, "KG": {"Kyrgyz", "Kyrgyzstani"},
	"UZ": {"Uzbek"}, "TJ": {"Tajik"}, "TM": {"Turkmen"}, "AZ": {"Azeri"},
	"RU": {"Soviet"}, "SA": {"Saudi"}, "GB": {"Briton"}, "KR": {"South Korean"},
	"KP": {"North Korean"}, "CN": {"Chinese"}, "NL": {"Dutch"}, "XK": {"Kosovar"},
	"MK": {"Macedonian"}, "BA": {"Bosnian"}, "SE": {"Swede"}, "EC": {"Ecuadorian"},
	"PH": {"Philippine"}, "BY": {"Byelorussian"},
}

// blocked are phrases that contain a country word but name no country:
// regions (Latin America, Amerika Latine), US states (New Jersey, New Mexico),
// oceans, and language names. Company names keep counting (Bank of Japan,
// British Airways): they name the country too, and the labels say so.
var blocked = map[string][]string{
	"en": {"Latin America", "South America", "North America", "Central America",
		"Latin American", "South American", "North American", "Central American",
		"New Jersey", "New Mexico", "New England", "New Guinea", "Indian Ocean",
		"British Columbia", "Middle East", "English", "New South Wales", "Gulf of Mexico", "Lake Chad",
		"Inter-American"}, // Inter-American Commission, Convention: the Americas, not the US
	"sq": {"Amerika Latine", "Amerikës Latine", "Amerikën Latine", "Amerika e Jugut",
		"Amerika e Veriut", "Amerika Qendrore", "Amerikës Qendrore", "Oqeani Indian", "Gjiri i Meksikës"},
	"tr": {"Latin Amerika", "Güney Amerika", "Kuzey Amerika", "Orta Amerika", "Hint Okyanusu",
		"Meksika Körfezi", "Çad Gölü"},
}

// notCountries are ISO 3166-1 codes of places that are no country to filter
// on: Antarctica is a continent ("Antarktika'da bir maraton" names no state),
// and continents do not count.
var notCountries = map[string]bool{"AQ": true}

// dropped are table names too ambiguous to count as they are: Mali is the
// Albanian for "the mountain" and Turkish for "financial"; Georgia is mostly a
// US state in English wires; Jordan and Chad are first names; Sudan is Turkish
// "from water"; Katar, Yemen and Mısır are Turkish common nouns when capitalized
// at a sentence start only, which we cannot tell apart, so they stay.
var dropped = map[string][]string{
	// "Virgin Islands" alone is the British or the US islands.
	"en": {"Georgia", "Jordan", "Chad", "Man", "Guernsey", "Jersey", "Virgin Islands"},
	"sq": {"Mali", "Çad"},
	"tr": {"Mali", "Sudan", "Çek", "Romen", "Leh", "Fin", "Sark", "Virjin Adaları"}, // Sark+ı = şarkı (song)
	"":   {},
}

// trSuffixForms gives a Turkish demonym with the plural and case suffixes it
// takes without an apostrophe, in vowel harmony (Kazak: Kazaklar, Kazakların,
// Kazaka, Kazakta; Türk: Türkler, Türklerin, Türkten).
func trSuffixForms(w string) []string {
	forms := []string{w}
	back, round := trLastVowel(w)
	endsVowel := trIsVowel(lastRune(w))
	voiceless := strings.ContainsRune("çfhkpsşt", lastRune(w))
	forms = append(forms, trCases(w, back, round, endsVowel, voiceless)...)
	lar := "ler"
	if back {
		lar = "lar"
	}
	pl := w + lar
	forms = append(forms, pl)
	forms = append(forms, trCases(pl, back, false, false, false)...)
	forms = append(forms, pl+map[bool]string{true: "ı", false: "i"}[back]+"n"+map[bool]string{true: "a", false: "e"}[back])
	forms = append(forms, pl+map[bool]string{true: "ın", false: "in"}[back]+map[bool]string{true: "da", false: "de"}[back])
	return forms
}

// trNameForms gives a Turkish country name with case suffixes written without
// the apostrophe, as many sites do (Türkiyenin, Türkiyede, Rusyanın, Çinde).
// Forms that are common words of their own are left out.
func trNameForms(w string) []string {
	back, round := trLastVowel(w)
	forms := trCases(w, back, round, trIsVowel(lastRune(w)), strings.ContainsRune("çfhkpsşt", lastRune(w)))
	return trDropCommon(forms)
}

// trDropCommon drops the forms that are trNotNames.
func trDropCommon(forms []string) []string {
	out := forms[:0]
	for _, f := range forms {
		if !trNotNames[fold(f)] {
			out = append(out, f)
		}
	}
	return out
}

// trNotNames (folded) are apostrophe-less suffixed forms of country names and
// demonyms that are also common words or places, capitalized at the start of
// a sentence: Çini (tile art), Çine (a town), Alanda "in the field" (Åland
// +a), Yemeni "headscarf" and Yemenin "of eating" (Yemen), Almanın "of
// taking" (Alman), Türkü "folk song" and the Finnish city Turku (Türk).
// Found by listing the generated forms that the Turkish bench corpus also
// writes in lowercase (batch 6 had Alanda tagged as Åland).
var trNotNames = map[string]bool{"cini": true, "cine": true, "alanda": true, "yemeni": true, "yemenin": true,
	"almanin": true, "turku": true}

// sqNotNames are inflected forms of country names that are common Albanian
// words: Keni (Kenia) is "you have", capitalized at every sentence start.
var sqNotNames = map[string]bool{"Keni": true}

func trCases(w string, back, round, endsVowel, voiceless bool) []string {
	i := "i"
	switch {
	case back && round:
		i = "u"
	case back:
		i = "ı"
	case round:
		i = "ü"
	}
	a, d := "e", "d"
	if back {
		a = "a"
	}
	if voiceless {
		d = "t"
	}
	y, n := "", ""
	if endsVowel {
		y, n = "y", "n"
	}
	return []string{w + y + i, w + n + i + "n", w + y + a, w + d + a, w + d + a + "n", w + "l" + a, w + y + "l" + a, w + d + a + "ki"}
}

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

func trIsVowel(r rune) bool { return strings.ContainsRune("aıoueiöüAIOUEİÖÜ", r) }

// trLastVowel tells whether the last vowel of w is back (a ı o u) and round.
func trLastVowel(w string) (back, round bool) {
	rs := []rune(w)
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case 'a', 'A', 'ı', 'I':
			return true, false
		case 'o', 'O', 'u', 'U':
			return true, true
		case 'e', 'E', 'i', 'İ':
			return false, false
		case 'ö', 'Ö', 'ü', 'Ü':
			return false, true
		}
	}
	return false, false
}

// trLI derives the "person from" adjective of a Turkish place name:
// Irak → Iraklı, Çin → Çinli, Amerika → Amerikalı, Ürdün → Ürdünlü.
func trLI(w string) string {
	back, round := trLastVowel(w)
	switch {
	case back && round:
		return w + "lu"
	case back:
		return w + "lı"
	case round:
		return w + "lü"
	}
	return w + "li"
}
