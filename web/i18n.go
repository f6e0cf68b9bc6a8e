package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"kerko/extract"
	"kerko/search"
)

// UI languages: the interface speaks the three languages kerko searches.
var uiLangs = []string{"en", "sq", "tr"}

// messages holds the interface text per UI language.
var messages = map[string]map[string]string{
	"en": {
		"timeline": "Timeline", "permonth": "per month", "allyears": "all years", "peryear": "per year", "undatedn": "undated",
		"undated_include": "include", "undated_exclude": "exclude", "undated_only": "only these",
		"also": "Also matching articles about %s in all languages", "didyoumean": "Did you mean",
		"related": "Related articles", "shared": "Shared", "words": "words", "clearf": "clear",
		"kind_country": "country", "kind_org": "organization", "kind_person": "person", "kind_term": "word", "kind_title": "article",
		"search": "Search", "placeholder": "Search news in Albanian, Turkish and English", "results": "results", "result": "result",
		"in": "in", "lang": "Language", "country": "Country", "org": "Organization", "person": "Person",
		"year": "Year", "sort": "Sort", "relevance": "Relevance", "newest": "Newest", "oldest": "Oldest",
		"prev": "Previous", "next": "Next", "page": "Page", "of": "of", "undated": "undated", "from": "From", "to": "To",
		"apply": "Apply", "clear": "Clear all filters", "more": "more", "back": "Back to search", "date": "Date",
		"source": "Source", "countries": "Countries", "orgs": "Organizations", "people": "People", "mentions": "mentions", "articles": "articles",
		"error": "Error", "filters": "Filters",
		"pastend": "There are no results on this page; the last page is %d.", "uilang": "Interface language", "skip": "Skip to main content", "allarticles": "All articles", "dates": "Dates", "undatedh": "Undated articles",
		"tl_bar": "%s: %d articles", "p_q": "Query", "p_size": "Results per page", "p_qs": "Address",
		"noresults_q": "No articles match “%s”.", "noresults_qf": "No articles match “%s” with these filters.",
		"noresults_f": "No articles match these filters.", "noresults_none": "The index holds no articles yet.",
		"dropf": "Remove the filter “%s”", "dropf_1": "1 article without it", "dropf_n": "%d articles without it",
		"fix": "Run the corrected search", "fix_swap": "Search from %s to %s instead", "fix_drop": "Search without “%s”",
		"err_utf8": "%s: the text is not valid UTF-8.", "err_toolong": "%s: longer than %d bytes; shorten it.",
		"err_lang":    "%s: unknown language “%s”; choose Albanian, Turkish or English.",
		"err_country": "%s: unknown country code “%s”; use a two-letter code such as KZ.",
		"err_org":     "%s: unknown organization “%s”.", "err_person": "%s: “%s” is not a person id; choose the person from the list.", "err_toomany": "%s: more than %d values; choose fewer.",
		"err_date":      "%s: “%s” is not a date; write it as YYYY-MM-DD.",
		"err_fromafter": "The From date (%[2]s) is after the To date (%[3]s).",
		"err_undated":   "%s: unknown option “%s”.", "err_sort": "%s: unknown order “%s”.",
		"err_number":      "%s: “%s” is not a whole number from %d to %d.",
		"err_toodeep":     "%[1]s: page %[2]d is past the first %[4]d results.",
		"err_querystring": "The address is malformed (%[2]s).",
		"err_notfound":    "There is no page at this address.",
		"err_article":     "No article has this address; it may have been removed from the index.",
		"err_busy":        "The server is busy; try again in a moment.",
		"err_timeout":     "The search took too long; try fewer words or a narrower filter.",
		"err_internal":    "Something went wrong on our side; try again.",
		"err_method":      "This address answers only GET and HEAD requests.",
		"err_other":       "The request could not be answered.",
		"p_mode":          "Mode", "p_format": "Format", "p_limit": "Limit",
		"err_queries":  "%[1]s: %[2]d queries; at most %[3]d can be compared.",
		"err_noquery":  "%[1]s: give 1 to %[2]d queries to compare.",
		"err_interval": "%s: unknown interval “%s”; choose day, week, month or year.",
		"err_format":   "%s: unknown format “%s”.", "err_mode": "%s: unknown mode “%s”; choose count or share.",
		"err_periods": "%[1]s: %[2]s to %[3]s is more than %[4]d periods of a %[5]s; choose a longer interval or a shorter span.",
		"err_limit":   "%s: “%s” is not a whole number from 1 to %d.",
		"lang_sq":     "Albanian", "lang_tr": "Turkish", "lang_en": "English", "lang_und": "Undetermined",
	},
	"sq": {
		"timeline": "Kronologjia", "permonth": "për muaj", "allyears": "të gjitha vitet", "peryear": "për vit", "undatedn": "pa datë",
		"undated_include": "përfshi", "undated_exclude": "përjashto", "undated_only": "vetëm këto",
		"also": "Përputhen edhe artikujt për %s në të gjitha gjuhët", "didyoumean": "Mos doje të thoshe",
		"related": "Artikuj të ngjashëm", "shared": "Të përbashkëta", "words": "fjalë", "clearf": "hiq",
		"kind_country": "vend", "kind_org": "organizatë", "kind_person": "person", "kind_term": "fjalë", "kind_title": "artikull",
		"search": "Kërko", "placeholder": "Kërko lajme në shqip, turqisht dhe anglisht", "results": "rezultate", "result": "rezultat",
		"in": "në", "lang": "Gjuha", "country": "Vendi", "org": "Organizata", "person": "Personi",
		"year": "Viti", "sort": "Rendit", "relevance": "Përputhja", "newest": "Më të rejat", "oldest": "Më të vjetrat",
		"prev": "Mbrapa", "next": "Para", "page": "Faqja", "of": "nga", "undated": "pa datë", "from": "Nga", "to": "Deri",
		"apply": "Zbato", "clear": "Hiq të gjithë filtrat", "more": "më shumë", "back": "Kthehu te kërkimi", "date": "Data",
		"source": "Burimi", "countries": "Vendet", "orgs": "Organizatat", "people": "Personat", "mentions": "përmendje", "articles": "artikuj",
		"error": "Gabim", "filters": "Filtrat",
		"pastend": "Kjo faqe nuk ka rezultate; faqja e fundit është %d.", "uilang": "Gjuha e ndërfaqes", "skip": "Kalo te përmbajtja kryesore", "allarticles": "Të gjithë artikujt", "dates": "Datat", "undatedh": "Artikujt pa datë",
		"tl_bar": "%s: %d artikuj", "p_q": "Kërkimi", "p_size": "Rezultate për faqe", "p_qs": "Adresa",
		"noresults_q": "Asnjë artikull nuk përputhet me “%s”.", "noresults_qf": "Asnjë artikull nuk përputhet me “%s” me këta filtra.",
		"noresults_f": "Asnjë artikull nuk përputhet me këta filtra.", "noresults_none": "Indeksi nuk ka ende artikuj.",
		"dropf": "Hiq filtrin “%s”", "dropf_1": "1 artikull pa të", "dropf_n": "%d artikuj pa të",
		"fix": "Kryej kërkimin e korrigjuar", "fix_swap": "Kërko nga %s deri më %s", "fix_drop": "Kërko pa “%s”",
		"err_utf8": "%s: teksti nuk është UTF-8 i vlefshëm.", "err_toolong": "%s: më i gjatë se %d bajt; shkurtojeni.",
		"err_lang":    "%s: gjuhë e panjohur “%s”; zgjidhni shqip, turqisht ose anglisht.",
		"err_country": "%s: kod vendi i panjohur “%s”; përdorni një kod me dy shkronja, si KZ.",
		"err_org":     "%s: organizatë e panjohur “%s”.", "err_person": "%s: “%s” nuk është id personi; zgjidhni personin nga lista.", "err_toomany": "%s: më shumë se %d vlera; zgjidhni më pak.",
		"err_date":      "%s: “%s” nuk është datë; shkruajeni si VVVV-MM-DD.",
		"err_fromafter": "Data Nga (%[2]s) është pas datës Deri (%[3]s).",
		"err_undated":   "%s: opsion i panjohur “%s”.", "err_sort": "%s: renditje e panjohur “%s”.",
		"err_number":      "%s: “%s” nuk është numër i plotë nga %d deri në %d.",
		"err_toodeep":     "%[1]s: faqja %[2]d është përtej %[4]d rezultateve të para.",
		"err_querystring": "Adresa është e keqformuar (%[2]s).",
		"err_notfound":    "Në këtë adresë nuk ka faqe.",
		"err_article":     "Asnjë artikull nuk ka këtë adresë; mund të jetë hequr nga indeksi.",
		"err_busy":        "Serveri është i zënë; provoni përsëri pas pak.",
		"err_timeout":     "Kërkimi zgjati shumë; provoni më pak fjalë ose një filtër më të ngushtë.",
		"err_internal":    "Diçka shkoi keq nga ana jonë; provoni përsëri.",
		"err_method":      "Kjo adresë pranon vetëm kërkesa GET dhe HEAD.",
		"err_other":       "Kërkesës nuk iu dha përgjigje.",
		"p_mode":          "Mënyra", "p_format": "Formati", "p_limit": "Kufiri",
		"err_queries":  "%[1]s: %[2]d kërkime; mund të krahasohen të shumtën %[3]d.",
		"err_noquery":  "%[1]s: jepni 1 deri në %[2]d kërkime për t'i krahasuar.",
		"err_interval": "%s: interval i panjohur “%s”; zgjidhni ditë, javë, muaj ose vit.",
		"err_format":   "%s: format i panjohur “%s”.", "err_mode": "%s: mënyrë e panjohur “%s”; zgjidhni numrin ose pjesën.",
		"err_periods": "%[1]s: nga %[2]s deri më %[3]s janë më shumë se %[4]d periudha (%[5]s); zgjidhni një interval më të gjatë ose një hapësirë më të shkurtër.",
		"err_limit":   "%s: “%s” nuk është numër i plotë nga 1 deri në %d.",
		"lang_sq":     "Shqip", "lang_tr": "Turqisht", "lang_en": "Anglisht", "lang_und": "E papërcaktuar",
	},
	"tr": {
		"timeline": "Zaman çizelgesi", "permonth": "aylık", "allyears": "tüm yıllar", "peryear": "yıllık", "undatedn": "tarihsiz",
		"undated_include": "dahil et", "undated_exclude": "hariç tut", "undated_only": "yalnızca bunlar",
		"also": "Tüm dillerde %s hakkındaki haberler de eşleşiyor", "didyoumean": "Bunu mu demek istediniz",
		"related": "İlgili haberler", "shared": "Ortak", "words": "kelimeler", "clearf": "temizle",
		"kind_country": "ülke", "kind_org": "kuruluş", "kind_person": "kişi", "kind_term": "kelime", "kind_title": "haber",
		"search": "Ara", "placeholder": "Arnavutça, Türkçe ve İngilizce haberlerde ara", "results": "sonuç", "result": "sonuç",
		"in": "içinde", "lang": "Dil", "country": "Ülke", "org": "Kuruluş", "person": "Kişi",
		"year": "Yıl", "sort": "Sırala", "relevance": "İlgi", "newest": "En yeni", "oldest": "En eski",
		"prev": "Önceki", "next": "Sonraki", "page": "Sayfa", "of": "/", "undated": "tarihsiz", "from": "Başlangıç", "to": "Bitiş",
		"apply": "Uygula", "clear": "Tüm filtreleri kaldır", "more": "daha fazla", "back": "Aramaya dön", "date": "Tarih",
		"source": "Kaynak", "countries": "Ülkeler", "orgs": "Kuruluşlar", "people": "Kişiler", "mentions": "anılma", "articles": "haber",
		"error": "Hata", "filters": "Filtreler",
		"pastend": "Bu sayfada sonuç yok; son sayfa %d.", "uilang": "Arayüz dili", "skip": "Ana içeriğe geç", "allarticles": "Tüm haberler", "dates": "Tarihler", "undatedh": "Tarihsiz haberler",
		"tl_bar": "%s: %d haber", "p_q": "Arama", "p_size": "Sayfa başına sonuç", "p_qs": "Adres",
		"noresults_q": "“%s” ile eşleşen haber yok.", "noresults_qf": "Bu filtrelerle “%s” ile eşleşen haber yok.",
		"noresults_f": "Bu filtrelerle eşleşen haber yok.", "noresults_none": "Dizinde henüz haber yok.",
		"dropf": "“%s” filtresini kaldır", "dropf_1": "onsuz 1 haber", "dropf_n": "onsuz %d haber",
		"fix": "Düzeltilmiş aramayı yap", "fix_swap": "Bunun yerine %s – %s arasında ara", "fix_drop": "“%s” olmadan ara",
		"err_utf8": "%s: metin geçerli UTF-8 değil.", "err_toolong": "%s: %d bayttan uzun; kısaltın.",
		"err_lang":    "%s: bilinmeyen dil “%s”; Arnavutça, Türkçe veya İngilizce seçin.",
		"err_country": "%s: bilinmeyen ülke kodu “%s”; KZ gibi iki harfli bir kod kullanın.",
		"err_org":     "%s: bilinmeyen kuruluş “%s”.", "err_person": "%s: “%s” bir kişi kimliği değil; kişiyi listeden seçin.", "err_toomany": "%s: %d değerden fazla; daha azını seçin.",
		"err_date":      "%s: “%s” bir tarih değil; YYYY-AA-GG biçiminde yazın.",
		"err_fromafter": "Başlangıç tarihi (%[2]s) bitiş tarihinden (%[3]s) sonra.",
		"err_undated":   "%s: bilinmeyen seçenek “%s”.", "err_sort": "%s: bilinmeyen sıralama “%s”.",
		"err_number":      "%s: “%s”, %d ile %d arasında bir tam sayı değil.",
		"err_toodeep":     "%[1]s: %[2]d. sayfa ilk %[4]d sonucun ötesinde.",
		"err_querystring": "Adres hatalı biçimlendirilmiş (%[2]s).",
		"err_notfound":    "Bu adreste bir sayfa yok.",
		"err_article":     "Bu adreste bir haber yok; dizinden kaldırılmış olabilir.",
		"err_busy":        "Sunucu meşgul; birazdan yeniden deneyin.",
		"err_timeout":     "Arama çok uzun sürdü; daha az kelime veya daha dar bir filtre deneyin.",
		"err_internal":    "Bizim tarafımızda bir sorun oluştu; yeniden deneyin.",
		"err_method":      "Bu adres yalnızca GET ve HEAD isteklerine yanıt verir.",
		"err_other":       "İstek yanıtlanamadı.",
		"p_mode":          "Mod", "p_format": "Biçim", "p_limit": "Sınır",
		"err_queries":  "%[1]s: %[2]d sorgu; en çok %[3]d sorgu karşılaştırılabilir.",
		"err_noquery":  "%[1]s: karşılaştırmak için 1 ile %[2]d arasında sorgu girin.",
		"err_interval": "%s: bilinmeyen aralık “%s”; gün, hafta, ay veya yıl seçin.",
		"err_format":   "%s: bilinmeyen biçim “%s”.", "err_mode": "%s: bilinmeyen mod “%s”; sayı veya pay seçin.",
		"err_periods": "%[1]s: %[2]s – %[3]s arası %[4]d dönemden fazla (%[5]s); daha uzun bir aralık veya daha kısa bir dönem seçin.",
		"err_limit":   "%s: “%s”, 1 ile %d arasında bir tam sayı değil.",
		"lang_sq":     "Arnavutça", "lang_tr": "Türkçe", "lang_en": "İngilizce", "lang_und": "Belirsiz",
	},
}

// T returns the interface text for key in ui, falling back to English.
func T(ui, key string) string {
	if m, ok := messages[ui][key]; ok {
		return m
	}
	if m, ok := messages["en"][key]; ok {
		return m
	}
	return key
}

// paramLabel names a search parameter as the interface does.
func paramLabel(ui, param string) string {
	switch param {
	case "q":
		return T(ui, "p_q")
	case "size":
		return T(ui, "p_size")
	case "undated":
		return T(ui, "undatedh")
	case "query string":
		return T(ui, "p_qs")
	case "mode", "format", "limit":
		return T(ui, "p_"+param)
	case "interval":
		return T(ui, "interval")
	case "lang", "country", "org", "person", "source", "from", "to", "sort", "page":
		return T(ui, param)
	}
	return param
}

// uiFor picks the interface language: ?ui= first (as checked by
// queryParams), then the browser's Accept-Language, then English. An
// answer chosen by Accept-Language says so in Vary, so that a shared cache
// does not hand a Turkish page to an English browser.
func uiFor(c echo.Context) string {
	if ui := params(c).Get("ui"); isUILang(ui) {
		return ui
	}
	if h := c.Response().Header(); !strings.Contains(h.Get(echo.HeaderVary), "Accept-Language") {
		h.Add(echo.HeaderVary, "Accept-Language")
	}
	for _, part := range strings.Split(c.Request().Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if isUILang(base) {
			return base
		}
	}
	return "en"
}

func isUILang(s string) bool {
	for _, l := range uiLangs {
		if s == l {
			return true
		}
	}
	return false
}

// facetLabel is the human-readable name of a facet value.
func facetLabel(group, value, ui string) string {
	switch group {
	case "lang":
		return T(ui, "lang_"+value)
	case "country":
		return extract.CountryName(value, ui)
	case "org":
		return extract.OrgName(value, ui)
	case "person":
		// Without the search's names (search.Result.Names): the known
		// person's name or the id's words.
		return search.PersonLabel(value)
	}
	return value
}

// labelIn is facetLabel with the names a search result gives for its
// persons.
func labelIn(names map[string]string, group, value, ui string) string {
	if name, ok := names[value]; ok && group == "person" {
		return name
	}
	return facetLabel(group, value, ui)
}
