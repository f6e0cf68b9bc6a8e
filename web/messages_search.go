package web

// Messages of the search features added with issue 14 (country modes,
// results that have most of the words), kept apart from i18n.go's table so
// that the table's other editors and these do not meet; init merges them.
var searchMessages = map[string]map[string]string{
	"en": {
		"cmode": "Articles about", "cmode_any": "any selected", "cmode_all": "all selected",
		"err_countrymode": "%s: unknown mode “%s”; choose any or all.",
		"relaxed":         "No article has all %[2]d words; these have %[1]d of them.",
	},
	"sq": {
		"cmode": "Artikuj për", "cmode_any": "cilindo të zgjedhur", "cmode_all": "të gjithë të zgjedhurit",
		"err_countrymode": "%s: mënyrë e panjohur “%s”; zgjidhni any ose all.",
		"relaxed":         "Asnjë artikull nuk i ka të %[2]d fjalët; këta kanë %[1]d prej tyre.",
	},
	"tr": {
		"cmode": "Şu ülkelerle ilgili", "cmode_any": "seçilenlerden biri", "cmode_all": "seçilenlerin hepsi",
		"err_countrymode": "%s: bilinmeyen mod “%s”; any ya da all seçin.",
		"relaxed":         "%[2]d kelimenin hepsini içeren haber yok; bunlar %[1]d tanesini içeriyor.",
	},
}

func init() {
	for ui, m := range searchMessages {
		for k, v := range m {
			messages[ui][k] = v
		}
	}
}
