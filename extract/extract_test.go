package extract

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func ids(ms []Mention) string {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(m.ID)
	}
	return b.String()
}

func TestCountries(t *testing.T) {
	tests := []struct {
		text, lang, want string
	}{
		// Albanian inflection and hyphenated pairs (seed 000).
		{"Grupit të Përbashkët të Planifikimit Strategjik Turqi-Kazakistan në Ankara", "sq", "KZ TR"},
		{"Pas Rusisë dhe Irakut, Kazakistani është furnizuesi i tretë", "sq", "IQ KZ RU"},
		{"naftës për Turqinë", "sq", "TR"},
		{"Republikës së Kazakistanit", "sq", "KZ"},
		{"sanksionet e SHBA-ve", "sq", "US"},
		{"kompani në pronësi turke", "sq", "TR"},
		{"me homologun e tij kazak", "sq", "KZ"},
		{"Maqedonisë së Veriut", "sq", "MK"},
		{"Shteteve të Bashkuara", "sq", "US"},
		{"Kosovës dhe Shqipërisë", "sq", "AL XK"},
		{"studimi gjerman", "sq", "DE"},
		{"Amerikën Latine", "sq", ""},
		// -ër nouns drop the ë when inflected; paragraphs glued by scrapers.
		{"Zvicra dhe Zvicrës, në Zvicër", "sq", "CH"},
		{"vaksina kundër koronavirusitBrazili dhe India", "sq", "BR IN"},
		{"raste të reja në SHBAAbrashi falënderoi", "sq", "US"},
		{"YouTube dhe TikTok", "sq", ""},
		{"Antartikada maraton", "tr", ""},
		{"Suriyeli Türkmenler ve Türkmenistanlı", "tr", "SY TM"},
		{"the Virgin Islands and the British Virgin Islands", "en", "VG"},
		// Turkish apostrophe cases and suffixed demonyms (seeds 001, 002).
		{"Kırgızistan’ın Kazakistan’ın bölgede", "tr", "KG KZ"},
		{"Kazakistan'dan Türkiye'ye 29, Türkiye'den de 17", "tr", "TR KZ"},
		{"Kazaklar ve Kırgızlar", "tr", "KG KZ"},
		{"Kazakların ve Türklerin", "tr", "KZ TR"},
		{"Kazak öğrenci", "tr", "KZ"},
		{"ABD'li yetkililer ve BAE", "tr", "AE US"},
		{"KKTC'de", "tr", "CY"},
		{"Alman şirketi", "tr", "DE"},
		{"Türk şirketlerinin iştirakiyle yapılan", "tr", "TR"},
		{"KAZAKİSTAN'IN BAĞIMSIZLIĞI", "tr", "KZ"},
		{"kirgizistan", "tr", ""}, // a place name in lowercase is not a name
		{"ırak bir yer", "tr", ""},
		// English.
		{"Kazakh-Turkish relations", "en", "KZ TR"},
		{"the U.S. and the UK", "en", "GB US"},
		{"let us go", "en", ""},
		{"Turkish companies in Kazakhstan", "en", "KZ TR"},
		{"coronavirus spreads", "en", ""},
		{"Russia's gas", "en", "RU"},
		{"trade with Latin America", "en", ""},
		{"New Jersey", "en", ""},
		// Capitals alone do not count.
		{"Ankara ve Astana", "tr", ""},
		{"in Ankara and Astana", "en", ""},
		// Counts and order.
		{"Turkey, Turkey and Iran", "en", "TR IR"},
	}
	for _, tt := range tests {
		if got := ids(Countries(tt.text, tt.lang)); got != tt.want {
			t.Errorf("Countries(%q, %q) = %q; want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestCountries_Normalization(t *testing.T) {
	for _, text := range []string{"Turqisë dhe Kazakistanit", "Türkiye'nin ve Kırgızistan’ın"} {
		nfc := Countries(norm.NFC.String(text), "und")
		nfd := Countries(norm.NFD.String(text), "und")
		if !reflect.DeepEqual(nfc, nfd) || len(nfc) != 2 {
			t.Errorf("Countries(NFD %q) = %v; NFC gives %v, want 2 countries", text, nfd, nfc)
		}
	}
}

// TestCountries_CompatibilityText: fullwidth letters, ligatures and
// invisible characters inside words name what the plain text names, as the
// analyzers search them.
func TestCountries_CompatibilityText(t *testing.T) {
	for _, c := range []struct{ text, lang, want string }{
		{"ＫＡＺＡＫＨＳＴＡＮ and Ｔｕｒｋｅｙ", "en", "KZ TR"},
		{"Kazakh\u200bstan", "en", "KZ"},
		{"Tür\u00adkiye'nin ve Kırgız\u200distan’ın", "tr", "KG TR"},
		{"\ufeffTurqisë", "sq", "TR"},
		{"the ﬁnance ministers of the ＥＵ", "en", ""},
	} {
		if got := ids(Countries(c.text, c.lang)); got != c.want {
			t.Errorf("Countries(%q, %q) = %q; want %q", c.text, c.lang, got, c.want)
		}
	}
	if got := ids(Organizations("the ＥＵ and ＮＡＴＯ", "en")); got != "EU NATO" {
		t.Errorf("Organizations(fullwidth EU, NATO) = %q; want EU NATO", got)
	}
	for _, w := range []string{"ＫＡＺＡＫＨＳＴＡＮ", "Kazakh\u200bstan", "Ｋａｚａｋｉｓｔａｎ＇ın"} {
		if code, ok := LookupCountry(w); code != "KZ" || !ok {
			t.Errorf("LookupCountry(%q) = %q, %v; want KZ", w, code, ok)
		}
	}
}

func TestCountries_Counts(t *testing.T) {
	got := Countries("Turqia, Turqisë, Turqinë; Kazakistani", "sq")
	want := []Mention{{"TR", 3}, {"KZ", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Countries = %v; want %v", got, want)
	}
}

func TestOrganizations(t *testing.T) {
	tests := []struct {
		text, lang, want string
	}{
		{"BM Güvenlik Konseyi ve AB", "tr", "EU UN"},
		{"ab ile", "tr", ""},
		{"the United Nations and NATO", "en", "NATO UN"},
		{"OKB dhe BE-ja", "sq", "EU UN"},
		{"Bashkimit Evropian", "sq", "EU"},
		{"AGİT ve İİT", "tr", "OIC OSCE"},
		{"Türk Devletleri Teşkilatı (TDT)", "tr", "OTS"},
		{"ŞİÖ, BDT ve Avrasya Ekonomik Birliği", "tr", "CIS EAEU SCO"},
		{"Organization of Turkic States", "en", "OTS"},
		{"CICA summit", "en", "CICA"},
		{"the G-7 summit and G20 leaders; the G-5 nations, the G10", "en", "G10 G20 G5 G7"},
		{"G-7'nin zirvesi", "tr", "G7"},
		{"a g 7 word", "en", ""},
		{"Organizatës Botërore të Shëndetëisë", "sq", "WHO"},
		{"International Coffee Organization (ICO) and the Paris Club", "en", "ICO PARISCLUB"},
		{"the European Court of Justice and the Venice Commission", "en", "COE EU"},
	}
	for _, tt := range tests {
		if got := ids(Organizations(tt.text, tt.lang)); got != tt.want {
			t.Errorf("Organizations(%q, %q) = %q; want %q", tt.text, tt.lang, got, tt.want)
		}
	}
	// An organization's words are not a country mention.
	if got := ids(Countries("Türk Devletleri Teşkilatı", "tr")); got != "" {
		t.Errorf("Countries(Türk Devletleri Teşkilatı) = %q; want none", got)
	}
}

func TestLookupCountry(t *testing.T) {
	tests := []struct{ word, want string }{
		{"Kazakhstan", "KZ"}, {"Kazakistan'ın", "KZ"}, {"Kazakistanit", "KZ"},
		{"Kyrgyzstan", "KG"}, {"Kırgızistan", "KG"}, {"kirgizistan", "KG"},
		{"turqise", "TR"}, {"Türkiye", "TR"}, {"turkey", "TR"}, {"SHBA", "US"}, {"ABD", "US"},
		{"Irakut", "IQ"}, {"Ankara", ""}, {"Astana", ""}, {"US", "US"}, {"us", ""}, {"usa", "US"},
		{"abd", "US"}, {"shba", "US"},
		// No word at all: an empty or punctuation-only query term.
		{"", ""}, {"   ", ""}, {"'", ""}, {"-", ""},
	}
	for _, tt := range tests {
		got, ok := LookupCountry(tt.word)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("LookupCountry(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

func TestLookupOrganization(t *testing.T) {
	tests := []struct{ word, want string }{
		{"NATO", "NATO"}, {"AB", "EU"}, {"OKB", "UN"}, {"AGİT", "OSCE"}, {"osbe", "OSCE"}, {"TDT", "OTS"}, {"ŞİÖ", "SCO"},
	}
	tests = append(tests, struct{ word, want string }{"ab", ""}, struct{ word, want string }{"un", ""},
		struct{ word, want string }{"", ""}, struct{ word, want string }{" ' ", ""})
	for _, tt := range tests {
		got, ok := LookupOrganization(tt.word)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("LookupOrganization(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		f            func(string, string) string
		id, ui, want string
	}{
		{CountryName, "KZ", "sq", "Kazakistan"},
		{CountryName, "KG", "tr", "Kırgızistan"},
		{CountryName, "TR", "en", "Türkiye"},
		{CountryName, "XK", "xx", "Kosovo"},
		{CountryName, "QQ", "en", "QQ"},
		{OrgName, "OSCE", "tr", "AGİT"},
		{OrgName, "EU", "sq", "Bashkimi Evropian"},
		{OrgName, "NOPE", "en", "NOPE"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.id, tt.ui); got != tt.want {
			t.Errorf("Name(%q, %q) = %q; want %q", tt.id, tt.ui, got, tt.want)
		}
	}
	if !IsCountry("XK") || IsCountry("ZZ") || !IsOrganization("OTS") || IsOrganization("XX") {
		t.Error("IsCountry/IsOrganization disagree with the tables")
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Ministri i Jashtëm i Turqisë bashkëkryesoi takimin në Ankara", "sq"},
		{"Marredheniet Turqi-Kazakistan zhvillohen ne menyre efektive", "sq"},
		{"Kazakistan Dışişleri Bakanlığı, Türkiye ile stratejik ortaklığın geliştiğini bildirdi.", "tr"},
		{"Turkiye ile isbirligi icin bir anlasma imzalandi", "tr"},
		{"Kazakhstan and Turkey signed a strategic partnership agreement.", "en"},
		{"Die Bundesregierung hat am Montag die neuen Regeln für die Einreise beschlossen.", "und"},
		{"Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour les salariés.", "und"},
		{"El gobierno anunció el martes una nueva reforma de las pensiones para los trabajadores.", "und"},
		{"Правительство Казахстана объявило о новых мерах.", "und"},
		{"", "und"},
		// Titles: no function word, capitals, no diacritics.
		{"U.S. BANK DISCOUNT BORROWINGS 310 MLN DLRS", "en"},
		{"TODD SHIPYARDS STRUCK ON WEST COAST", "en"},
		{"Ad sales boost Time Warner profit", "en"},
		{"Zbardhet gropa gjigante ne Turqi", "sq"},
		{"Kryeministri Kurti takon ambasadorin gjerman", "sq"},
		{"Kazakistan ile isbirligi anlasmasi imzalandi", "tr"},
		{"CUMHURBASKANI ERDOGAN KAZAKISTANA GIDIYOR", "tr"},
	}
	for _, tt := range tests {
		got, conf := DetectLanguage(tt.text)
		if got != tt.want || conf < 0 || conf > 1 {
			t.Errorf("DetectLanguage(%q) = %q, %.2f; want %q", tt.text, got, conf, tt.want)
		}
	}
}

// TestDetectLanguage_Und: text in none of sq, tr, en is "und", including the
// languages closest to ours (Azerbaijani to Turkish) and other scripts; text
// with no letters is "und" with low confidence.
func TestDetectLanguage_Und(t *testing.T) {
	tests := []struct{ name, text string }{
		{"de", "Die Bundesregierung will die Grenzkontrollen zu Österreich verlängern, sagte der Innenminister am Dienstag."},
		{"de short", "Regierung plant neue Steuern für Unternehmen"},
		{"fr", "Le président a reçu mercredi son homologue kazakh pour parler de l'énergie et du commerce."},
		{"fr short", "La France et le Kazakhstan signent un accord sur le gaz"},
		{"ru", "Президент Казахстана провёл переговоры с премьер-министром Турции в Астане."},
		{"kk", "Қазақстан Республикасының Президенті Түркияға ресми сапармен барды."},
		{"sr cyrillic", "Министар спољних послова Србије састао се данас са амбасадором Турске."},
		// Known limit: Serbian in Latin letters without diacritics and with no
		// je/da/su ("sastao se danas sa ambasadorom Turske u Beogradu") reads as Albanian.
		{"sr latin", "Ministar spoljnih poslova Srbije Ivica Dačić sastao se danas sa ambasadorom Turske i rekao je da su odnosi dobri."},
		{"bs", "Vijeće ministara Bosne i Hercegovine usvojilo je danas prijedlog budžeta za ovu godinu."},
		{"hr", "Hrvatska vlada je u četvrtak odlučila da će se porez smanjiti od početka godine."},
		{"az", "Azərbaycan Respublikasının Prezidenti İlham Əliyev Türkiyəyə rəsmi səfərə gedib və görüşlər keçirib."},
		{"az short", "Əliyev və Ərdoğan görüşüb"},
		{"az no schwa words", "Prezident bildirib ki, ölkə iqtisadiyyatı bu il də artıq inkişaf edir."},
		{"es", "El presidente de Turquía visitó ayer Kazajistán para firmar acuerdos de cooperación."},
		{"pl", "Prezydent Polski spotkał się w środę z przywódcą Kazachstanu w Warszawie."},
	}
	for _, tt := range tests {
		if got, conf := DetectLanguage(tt.text); got != "und" {
			t.Errorf("%s: DetectLanguage(%q) = %q, %.2f; want und", tt.name, tt.text, got, conf)
		}
	}
	for _, text := range []string{"12345", "2020/07/29, 23:12:48", "+++ ### 42 %", "€ 1.000.000", "  \n\t "} {
		if got, conf := DetectLanguage(text); got != "und" || conf > 0.3 {
			t.Errorf("DetectLanguage(%q) = %q, %.2f; want und with confidence <= 0.3", text, got, conf)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"shendetesise", "shendeteise", true}, // deletion
		{"shendeteise", "shendetesise", true}, // insertion
		{"organizates", "organizatas", true},  // substitution
		{"burundi", "burnudi", true},          // adjacent swap (single-word names are never matched fuzzily)
		{"kazakistan", "kazaktsian", false},   // two edits
		{"burundi", "burundi", false},         // same word is not an edit
		{"kalkinma", "kalknima", true},        // adjacent transposition
		{"kalkinma", "kalkinmasi", false},     // two insertions
		{"", "a", true},
	}
	for _, tc := range tests {
		if got := oneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
