package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kerko/extract"
	"kerko/query"
	"kerko/search"
)

// understand says in one line how a search was read: its languages,
// sources, countries, organizations, words and dates, e.g. "Turkish
// articles about Kazakhstan containing ‹sınır›, from 2020-03-01".
func understand(rd *search.Reading, ui string) string {
	w := understoodWords[ui]
	if w.articles == "" {
		w = understoodWords["en"]
	}
	join := func(vals []string, label func(string) string, or string) string {
		var names []string
		for _, v := range vals {
			names = append(names, label(v))
		}
		return strings.Join(names, " "+or+" ")
	}
	var langs, about, containing, without, dates string
	if len(rd.Langs) > 0 {
		langs = join(rd.Langs, func(l string) string { return T(ui, "lang_"+l) }, w.or)
	}
	var entities []string
	for _, set := range rd.Countries {
		entities = append(entities, join(set, func(c string) string { return extract.CountryName(c, ui) }, w.or))
	}
	for _, set := range rd.Orgs {
		entities = append(entities, join(set, func(o string) string { return extract.OrgName(o, ui) }, w.or))
	}
	for _, set := range rd.People {
		entities = append(entities, join(set, search.PersonLabel, w.or))
	}
	about = strings.Join(entities, " "+w.and+" ")
	var pos, neg []string
	for _, n := range conjuncts(rd.Text) {
		if n.Op == query.OpNot {
			neg = append(neg, describe(n.Kids[0], w, false))
		} else {
			pos = append(pos, describe(n, w, false))
		}
	}
	containing = strings.Join(pos, " "+w.and+" ")
	without = strings.Join(neg, " "+w.or+" ")
	from, to := "", ""
	if !rd.From.IsZero() {
		from = rd.From.Format(time.DateOnly)
	}
	if !rd.To.IsZero() {
		to = rd.To.Format(time.DateOnly)
	}
	switch {
	case from != "" && to != "":
		dates = fmt.Sprintf(w.fromTo, from, to)
	case from != "":
		dates = fmt.Sprintf(w.from, from)
	case to != "":
		dates = fmt.Sprintf(w.to, to)
	}
	var source string
	if len(rd.Sources) > 0 {
		source = join(rd.Sources, func(s string) string { return "«" + s + "»" }, w.or)
		if rd.Sources[0] == search.NoLang {
			source = T(ui, "source_none")
		}
	}
	return w.line(langs, source, about, containing, without, dates)
}

func conjuncts(n *query.Node) []*query.Node {
	switch {
	case n == nil:
		return nil
	case n.Op == query.OpAnd:
		return n.Kids
	}
	return []*query.Node{n}
}

// describe writes a part of the text query for people: ‹word›, ‹kaz…›,
// ‹a b› within 3 words, ‹x› in the title, with "and", "or" and "not".
func describe(n *query.Node, w understoodWordSet, nested bool) string {
	switch n.Op {
	case query.OpTerm:
		t := n.Term
		s := "‹" + t.Text + "›"
		if t.Prefix {
			s = "‹" + t.Text + "…›"
		}
		if t.Slop > 0 {
			s = fmt.Sprintf(w.within, s, t.Slop)
		}
		if t.Field == query.FieldTitle {
			s = fmt.Sprintf(w.inTitle, s)
		}
		return s
	case query.OpFilter:
		return n.Filter.Field + ":" + n.Filter.Value
	case query.OpNot:
		return w.not + " " + describe(n.Kids[0], w, true)
	}
	op := w.and
	if n.Op == query.OpOr {
		op = w.or
	}
	var parts []string
	for _, k := range n.Kids {
		parts = append(parts, describe(k, w, true))
	}
	s := strings.Join(parts, " "+op+" ")
	if nested {
		s = "(" + s + ")"
	}
	return s
}

// understoodWordSet holds the words of the understood line in one language.
type understoodWordSet struct {
	articles, and, or, not string
	within, inTitle        string // fmt patterns
	from, to, fromTo       string
	line                   func(langs, source, about, containing, without, dates string) string
}

var understoodWords = map[string]understoodWordSet{
	"en": {articles: "articles", and: "and", or: "or", not: "not", within: "%s within %d words", inTitle: "%s in the title",
		from: "from %s", to: "until %s", fromTo: "from %s to %s",
		line: func(langs, source, about, containing, without, dates string) string {
			s := "articles"
			if langs != "" {
				s = langs + " articles"
			} else {
				s = "Articles"
			}
			if source != "" {
				s += " from " + source
			}
			if about != "" {
				s += " about " + about
			}
			if containing != "" {
				s += " containing " + containing
			}
			if without != "" {
				s += ", without " + without
			}
			if dates != "" {
				s += ", " + dates
			}
			return s
		}},
	"sq": {articles: "artikuj", and: "dhe", or: "ose", not: "jo", within: "%s brenda %d fjalësh", inTitle: "%s në titull",
		from: "nga %s", to: "deri më %s", fromTo: "nga %s deri më %s",
		line: func(langs, source, about, containing, without, dates string) string {
			s := "Artikuj"
			if langs != "" {
				s += " në " + strings.ToLower(langs)
			}
			if source != "" {
				s += " nga " + source
			}
			if about != "" {
				s += " për " + about
			}
			if containing != "" {
				s += " që përmbajnë " + containing
			}
			if without != "" {
				s += ", pa " + without
			}
			if dates != "" {
				s += ", " + dates
			}
			return s
		}},
	"tr": {articles: "haberler", and: "ve", or: "veya", not: "değil", within: "%s (en çok %d kelime arayla)", inTitle: "başlıkta %s",
		from: "%s ve sonrası", to: "%s ve öncesi", fromTo: "%s ile %s arası",
		line: func(langs, source, about, containing, without, dates string) string {
			var parts []string
			if source != "" {
				parts = append(parts, source+" kaynaklı")
			}
			if about != "" {
				parts = append(parts, about+" hakkında")
			}
			if containing != "" {
				parts = append(parts, containing+" içeren")
			}
			if without != "" {
				parts = append(parts, without+" içermeyen")
			}
			s := strings.Join(parts, ", ")
			if langs != "" {
				if s != "" {
					s += " "
				}
				s += langs
			}
			if s == "" {
				s = "Tüm haberler"
			} else {
				s = upperFirst(s + " haberler")
			}
			if dates != "" {
				s += ", " + dates
			}
			return s
		}},
}

// upperFirst capitalizes s's first letter the Turkish way (i is İ).
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.TurkishCase.ToUpper(r)) + s[size:]
}

// Tf is T with fmt.Sprintf's arguments.
func Tf(ui, key string, args ...any) string {
	return fmt.Sprintf(T(ui, key), args...)
}

func init() {
	for ui, m := range researchMessages {
		for k, v := range m {
			messages[ui][k] = v
		}
	}
}

// researchMessages are the interface text of the query language's notes
// and of the research pages (trends, export, feed, syntax help).
var researchMessages = map[string]map[string]string{
	"en": {
		"syntax_words":   "all the words, in any language; without diacritics they find the accented forms, inflected forms find each other",
		"syntax_phrase":  "the words together, in this order",
		"syntax_or":      "either word (OR in capitals); OR binds tighter than the space between words",
		"syntax_exclude": "articles without the word",
		"syntax_not":     "the same as -Serbia: NOT in capitals excludes what follows",
		"syntax_group":   "parentheses group words: here either country, and border",
		"syntax_title":   "the word in the title",
		"syntax_prefix":  "words that begin so (at least {min} letters)",
		"syntax_near":    "the words at most 5 positions apart (~N, with N up to {slop})",
		"syntax_lang":    "articles in Turkish (sq, tr, en or the language's name); a field filter narrows the whole search, like the filters on the left",
		"syntax_country": "articles about the country: its name in any language and form, or its ISO code (KZ)",
		"syntax_org":     "articles about the organization, by any of its names (NATO, NATO'nun, BM, OKB)", "syntax_person": "articles about the person, in every language and spelling (Tokayev, Tokaev, Erdoğan'ın, Erdoganit), or a full name in quotes",
		"syntax_source":  "articles from the source, as it is written",
		"syntax_from":    "from the first day of March 2020 to 15 June 2020; a year, a month or a day",
		"syntax_intro":   "The search box reads these forms; whatever it does not understand it searches as words, and a note under the results says so.",
		"syntax_also":    "The same search compared over time, as a spreadsheet, or as a feed: the links above the results.",
		"syntax_example": "Example", "syntax_meaning": "Finds",
		"lang_none":            "no language",
		"understood":           "Understood as",
		"note_bad_date":        "%s:%s is not a date (YYYY, YYYY-MM or YYYY-MM-DD): ignored",
		"note_short_prefix":    "%[2]s: a prefix needs at least " + strconv.Itoa(query.MinPrefix) + " letters: searched as a word%.0[1]s",
		"note_slop":            "~%[2]s is more than ~" + strconv.Itoa(query.MaxSlop) + ": taken as ~" + strconv.Itoa(query.MaxSlop) + "%.0[1]s",
		"note_truncated":       "only the first " + strconv.Itoa(query.MaxTerms) + " words were kept%.0[1]s%.0[2]s",
		"note_empty_range":     "from: is after to: (%[2]s): both ignored%.0[1]s",
		"note_unknown_lang":    "no language %q (sq, tr, en or their names): ignored",
		"note_unknown_country": "no country %q (a name in any language, or an ISO code): ignored",
		"note_unknown_org":     "no organization %q: ignored",
		"note_unknown_person":  "no person %q known: ignored (write the full name in quotes)",
		"note_prefix_cut":      "%s begins %d words: the %d most frequent were searched",
		"err_source":           "%s: longer than %d characters.",
		"source_none":          "no source",
		"lifted":               "Filters from the search box",
		"lifted_remove":        "remove %s from the search box",
		"telling":              "Telling words", "telling_help": "words these articles use more than the others; a word adds itself to the search",
		"telling_sample": "from the best %d of %d articles", "telling_show": "Show the telling words",
		"compare": "Compare over time", "download": "Download", "subscribe": "Subscribe", "syntax": "Search syntax",
		"trends": "Attention over time", "trends_help": "Up to five queries; the filters apply to all of them.",
		"query": "Query", "add": "Add a query", "remove": "remove", "draw": "Draw", "interval": "Interval",
		"interval_auto": "automatic", "interval_day": "day", "interval_week": "week", "interval_month": "month", "interval_year": "year",
		"count": "Count", "share": "Share", "share_of": "share of all articles", "csv": "CSV", "total": "total",
		"period_articles": "articles in the period", "no_periods": "No dated articles match these filters.",
		"feed_title": "kerko: %s", "feed_all": "kerko: newest articles",
	},
	"sq": {
		"syntax_words":   "të gjitha fjalët, në çdo gjuhë; pa shenja diakritike gjejnë format me to, format e lakuara gjejnë njëra-tjetrën",
		"syntax_phrase":  "fjalët bashkë, në këtë rend",
		"syntax_or":      "njërën nga fjalët (OR me shkronja të mëdha); OR lidh më fort se hapësira mes fjalëve",
		"syntax_exclude": "artikujt pa fjalën",
		"syntax_not":     "njësoj si -Serbia: NOT me shkronja të mëdha përjashton atë që vjen pas",
		"syntax_group":   "kllapat grupojnë fjalët: këtu njërin nga vendet, dhe border",
		"syntax_title":   "fjalën në titull",
		"syntax_prefix":  "fjalët që fillojnë kështu (të paktën {min} shkronja)",
		"syntax_near":    "fjalët jo më larg se 5 pozicione nga njëra-tjetra (~N, me N deri në {slop})",
		"syntax_lang":    "artikujt në turqisht (sq, tr, en ose emri i gjuhës); një filtër ngushton gjithë kërkimin, si filtrat majtas",
		"syntax_country": "artikujt për vendin: emri i tij në çdo gjuhë dhe formë, ose kodi ISO (KZ)",
		"syntax_org":     "artikujt për organizatën, me cilindo emër të saj (NATO, BM, OKB)", "syntax_person": "artikujt për personin, në çdo gjuhë dhe shkrim (Tokayev, Tokaev, Erdoğan'ın, Erdoganit), ose emri i plotë në thonjëza",
		"syntax_source":  "artikujt nga burimi, ashtu si shkruhet",
		"syntax_from":    "nga dita e parë e marsit 2020 deri më 15 qershor 2020; një vit, një muaj ose një ditë",
		"syntax_intro":   "Kutia e kërkimit i lexon këto forma; çfarë nuk kupton e kërkon si fjalë, dhe një shënim poshtë rezultateve e thotë.",
		"syntax_also":    "I njëjti kërkim i krahasuar në kohë, si tabelë ose si burim lajmesh: lidhjet mbi rezultatet.",
		"syntax_example": "Shembull", "syntax_meaning": "Gjen",
		"lang_none":            "asnjë gjuhë",
		"understood":           "Kuptuar si",
		"note_bad_date":        "%s:%s nuk është datë (VVVV, VVVV-MM ose VVVV-MM-DD): u shpërfill",
		"note_short_prefix":    "%[2]s: një parashtesë do të paktën " + strconv.Itoa(query.MinPrefix) + " shkronja: u kërkua si fjalë%.0[1]s",
		"note_slop":            "~%[2]s është më shumë se ~" + strconv.Itoa(query.MaxSlop) + ": u mor ~" + strconv.Itoa(query.MaxSlop) + "%.0[1]s",
		"note_truncated":       "u mbajtën vetëm " + strconv.Itoa(query.MaxTerms) + " fjalët e para%.0[1]s%.0[2]s",
		"note_empty_range":     "from: është pas to: (%[2]s): të dyja u shpërfillën%.0[1]s",
		"note_unknown_lang":    "nuk ka gjuhë %q (sq, tr, en ose emrat e tyre): u shpërfill",
		"note_unknown_country": "nuk ka vend %q (emër në çdo gjuhë ose kod ISO): u shpërfill",
		"note_unknown_org":     "nuk ka organizatë %q: u shpërfill",
		"note_unknown_person":  "nuk njihet person %q: u shpërfill (shkruani emrin e plotë në thonjëza)",
		"note_prefix_cut":      "me %s fillojnë %d fjalë: u kërkuan %d më të shpeshtat",
		"err_source":           "%s: më e gjatë se %d shenja.",
		"source_none":          "asnjë burim",
		"lifted":               "Filtra nga kutia e kërkimit",
		"lifted_remove":        "hiq %s nga kutia e kërkimit",
		"telling":              "Fjalë dalluese", "telling_help": "fjalë që këta artikuj i përdorin më shumë se të tjerët; fjala i shtohet kërkimit",
		"telling_sample": "nga %d më të mirët e %d artikujve", "telling_show": "Shfaq fjalët dalluese",
		"compare": "Krahaso në kohë", "download": "Shkarko", "subscribe": "Abonohu", "syntax": "Sintaksa e kërkimit",
		"trends": "Vëmendja në kohë", "trends_help": "Deri në pesë kërkime; filtrat vlejnë për të gjitha.",
		"query": "Kërkimi", "add": "Shto një kërkim", "remove": "hiq", "draw": "Vizato", "interval": "Intervali",
		"interval_auto": "automatik", "interval_day": "ditë", "interval_week": "javë", "interval_month": "muaj", "interval_year": "vit",
		"count": "Numri", "share": "Pjesa", "share_of": "pjesa e të gjithë artikujve", "csv": "CSV", "total": "gjithsej",
		"period_articles": "artikuj në periudhë", "no_periods": "Asnjë artikull me datë nuk përputhet me këta filtra.",
		"feed_title": "kerko: %s", "feed_all": "kerko: artikujt më të rinj",
	},
	"tr": {
		"syntax_words":   "tüm kelimeler, herhangi bir dilde; aksansız yazılanlar aksanlı biçimleri, çekimli biçimler birbirini bulur",
		"syntax_phrase":  "kelimeler yan yana, bu sırayla",
		"syntax_or":      "kelimelerden biri (büyük harfle OR); OR, kelimeler arasındaki boşluktan daha sıkı bağlar",
		"syntax_exclude": "kelimeyi içermeyen haberler",
		"syntax_not":     "-Serbia ile aynı: büyük harfle NOT ardından geleni dışarıda bırakır",
		"syntax_group":   "parantezler kelimeleri gruplar: burada iki ülkeden biri ve border",
		"syntax_title":   "başlıkta geçen kelime",
		"syntax_prefix":  "böyle başlayan kelimeler (en az {min} harf)",
		"syntax_near":    "aralarında en çok 5 konum olan kelimeler (~N, N en çok {slop})",
		"syntax_lang":    "Türkçe haberler (sq, tr, en veya dilin adı); alan süzgeci, soldaki süzgeçler gibi tüm aramayı daraltır",
		"syntax_country": "ülke hakkındaki haberler: herhangi bir dilde ve biçimde adı ya da ISO kodu (KZ)",
		"syntax_org":     "kuruluş hakkındaki haberler, adlarından herhangi biriyle (NATO, BM, OKB)", "syntax_person": "kişi hakkındaki haberler, her dilde ve yazılışta (Tokayev, Tokaev, Erdoğan'ın, Erdoganit) ya da tırnak içinde tam adı",
		"syntax_source":  "kaynaktan gelen haberler, yazıldığı gibi",
		"syntax_from":    "1 Mart 2020'den 15 Haziran 2020'ye; bir yıl, bir ay veya bir gün",
		"syntax_intro":   "Arama kutusu bu biçimleri okur; anlamadığını kelime olarak arar ve sonuçların altındaki bir not bunu söyler.",
		"syntax_also":    "Aynı arama zaman içinde karşılaştırmalı, tablo olarak veya haber akışı olarak: sonuçların üstündeki bağlantılar.",
		"syntax_example": "Örnek", "syntax_meaning": "Bulur",
		"lang_none":            "hiçbir dil",
		"understood":           "Şöyle anlaşıldı",
		"note_bad_date":        "%s:%s bir tarih değil (YYYY, YYYY-AA veya YYYY-AA-GG): yok sayıldı",
		"note_short_prefix":    "%[2]s: önek en az " + strconv.Itoa(query.MinPrefix) + " harf olmalı: kelime olarak arandı%.0[1]s",
		"note_slop":            "~%[2]s, ~" + strconv.Itoa(query.MaxSlop) + " değerinden büyük: ~" + strconv.Itoa(query.MaxSlop) + " alındı%.0[1]s",
		"note_truncated":       "yalnızca ilk " + strconv.Itoa(query.MaxTerms) + " kelime tutuldu%.0[1]s%.0[2]s",
		"note_empty_range":     "from: değeri to: değerinden sonra (%[2]s): ikisi de yok sayıldı%.0[1]s",
		"note_unknown_lang":    "%q diye bir dil yok (sq, tr, en veya adları): yok sayıldı",
		"note_unknown_country": "%q diye bir ülke yok (herhangi bir dilde ad veya ISO kodu): yok sayıldı",
		"note_unknown_org":     "%q diye bir kuruluş yok: yok sayıldı",
		"note_unknown_person":  "%q diye bilinen bir kişi yok: yok sayıldı (tam adı tırnak içinde yazın)",
		"note_prefix_cut":      "%s ile %d kelime başlıyor: en sık geçen %d tanesi arandı",
		"err_source":           "%s: %d karakterden uzun.",
		"source_none":          "hiçbir kaynak",
		"lifted":               "Arama kutusundaki süzgeçler",
		"lifted_remove":        "%s süzgecini arama kutusundan kaldır",
		"telling":              "Ayırt edici kelimeler", "telling_help": "bu haberlerin diğerlerinden daha çok kullandığı kelimeler; tıklanan kelime aramaya eklenir",
		"telling_sample": "%[2]d haberin en iyi %[1]d tanesinden", "telling_show": "Ayırt edici kelimeleri göster",
		"compare": "Zaman içinde karşılaştır", "download": "İndir", "subscribe": "Abone ol", "syntax": "Arama sözdizimi",
		"trends": "Zaman içinde ilgi", "trends_help": "En çok beş sorgu; süzgeçler hepsine uygulanır.",
		"query": "Sorgu", "add": "Sorgu ekle", "remove": "kaldır", "draw": "Çiz", "interval": "Aralık",
		"interval_auto": "otomatik", "interval_day": "gün", "interval_week": "hafta", "interval_month": "ay", "interval_year": "yıl",
		"count": "Sayı", "share": "Pay", "share_of": "tüm haberler içindeki pay", "csv": "CSV", "total": "toplam",
		"period_articles": "dönemdeki haberler", "no_periods": "Bu süzgeçlere uyan tarihli haber yok.",
		"feed_title": "kerko: %s", "feed_all": "kerko: en yeni haberler",
	},
}
