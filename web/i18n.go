package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"kerko/extract"
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
		"kind_country": "country", "kind_org": "organization", "kind_term": "word", "kind_title": "article",
		"search": "Search", "placeholder": "Search news in Albanian, Turkish and English", "results": "results", "result": "result",
		"in": "in", "noresults": "No articles match", "lang": "Language", "country": "Country", "org": "Organization",
		"year": "Year", "sort": "Sort", "relevance": "Relevance", "newest": "Newest", "oldest": "Oldest",
		"prev": "Previous", "next": "Next", "page": "Page", "of": "of", "undated": "undated", "from": "From", "to": "To",
		"apply": "Apply", "clear": "Clear all filters", "more": "more", "back": "Back to search", "date": "Date",
		"source": "Source", "countries": "Countries", "orgs": "Organizations", "mentions": "mentions", "articles": "articles",
		"error": "Error", "filters": "Filters", "allarticles": "All articles, newest first",
		"lang_sq": "Albanian", "lang_tr": "Turkish", "lang_en": "English", "lang_und": "Undetermined",
	},
	"sq": {
		"timeline": "Kronologjia", "permonth": "për muaj", "allyears": "të gjitha vitet", "peryear": "për vit", "undatedn": "pa datë",
		"undated_include": "përfshi", "undated_exclude": "përjashto", "undated_only": "vetëm këto",
		"also": "Përputhen edhe artikujt për %s në të gjitha gjuhët", "didyoumean": "Mos doje të thoshe",
		"related": "Artikuj të ngjashëm", "shared": "Të përbashkëta", "words": "fjalë", "clearf": "hiq",
		"kind_country": "vend", "kind_org": "organizatë", "kind_term": "fjalë", "kind_title": "artikull",
		"search": "Kërko", "placeholder": "Kërko lajme në shqip, turqisht dhe anglisht", "results": "rezultate", "result": "rezultat",
		"in": "në", "noresults": "Asnjë artikull nuk përputhet me", "lang": "Gjuha", "country": "Vendi", "org": "Organizata",
		"year": "Viti", "sort": "Rendit", "relevance": "Përputhja", "newest": "Më të rejat", "oldest": "Më të vjetrat",
		"prev": "Mbrapa", "next": "Para", "page": "Faqja", "of": "nga", "undated": "pa datë", "from": "Nga", "to": "Deri",
		"apply": "Zbato", "clear": "Hiq të gjithë filtrat", "more": "më shumë", "back": "Kthehu te kërkimi", "date": "Data",
		"source": "Burimi", "countries": "Vendet", "orgs": "Organizatat", "mentions": "përmendje", "articles": "artikuj",
		"error": "Gabim", "filters": "Filtrat", "allarticles": "Të gjithë artikujt, më të rejat së pari",
		"lang_sq": "Shqip", "lang_tr": "Turqisht", "lang_en": "Anglisht", "lang_und": "E papërcaktuar",
	},
	"tr": {
		"timeline": "Zaman çizelgesi", "permonth": "aylık", "allyears": "tüm yıllar", "peryear": "yıllık", "undatedn": "tarihsiz",
		"undated_include": "dahil et", "undated_exclude": "hariç tut", "undated_only": "yalnızca bunlar",
		"also": "Tüm dillerde %s hakkındaki haberler de eşleşiyor", "didyoumean": "Bunu mu demek istediniz",
		"related": "İlgili haberler", "shared": "Ortak", "words": "kelimeler", "clearf": "temizle",
		"kind_country": "ülke", "kind_org": "kuruluş", "kind_term": "kelime", "kind_title": "haber",
		"search": "Ara", "placeholder": "Arnavutça, Türkçe ve İngilizce haberlerde ara", "results": "sonuç", "result": "sonuç",
		"in": "içinde", "noresults": "Eşleşen haber yok:", "lang": "Dil", "country": "Ülke", "org": "Kuruluş",
		"year": "Yıl", "sort": "Sırala", "relevance": "İlgi", "newest": "En yeni", "oldest": "En eski",
		"prev": "Önceki", "next": "Sonraki", "page": "Sayfa", "of": "/", "undated": "tarihsiz", "from": "Başlangıç", "to": "Bitiş",
		"apply": "Uygula", "clear": "Tüm filtreleri kaldır", "more": "daha fazla", "back": "Aramaya dön", "date": "Tarih",
		"source": "Kaynak", "countries": "Ülkeler", "orgs": "Kuruluşlar", "mentions": "anılma", "articles": "haber",
		"error": "Hata", "filters": "Filtreler", "allarticles": "Tüm haberler, en yeniler önce",
		"lang_sq": "Arnavutça", "lang_tr": "Türkçe", "lang_en": "İngilizce", "lang_und": "Belirsiz",
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

// uiFor picks the interface language: ?ui= first, then the browser's
// Accept-Language, then English.
func uiFor(c echo.Context) string {
	if ui := c.QueryParam("ui"); isUILang(ui) {
		return ui
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
	}
	return value
}
