package extract

import (
	"testing"
)

// TestPeople_Round17Tr pins the Turkish rules of round 17 (issue 18): given
// names that only the Turkish lexicon held name a person named once in full
// (Neriman Tekin, Kayhan Özer, Hrant Bağdat); more given names that are common
// words stand before a surname (Dursun Kocabıyık, Galip Kocabaş); words of
// sectors and things end the names of firms and things (Ankara Mobilya,
// Katrina Kasırgası, Fırat Nehri); a person of two given names is one person
// with the full name (Necip Fazıl ... Necip Fazıl Kısakürek); and a founder
// named after a role stays a person next to the firm named after him; a title's
// name ends before an institution written after it (Milletvekili Sezgin
// Tanrıkulu Meclis'te); the members of a family keep their names next to
// the family's firm (Karataş Tekstil ... Zeynel Karataş). Each
// kind has texts of the same shape that must still give, or not give, persons.
func TestPeople_Round17Tr(t *testing.T) {
	tests := []idCase{
		{"a lexicon-only given name, named once", "tr", "Toplantıya katılan Neriman Tekin sorunları anlattı.", "neriman-tekin"},
		{"a lexicon-only given name with an ending", "tr", "Bu konuda Kayhan Özer'in haberine göre karar çıktı.", "kayhan-ozer"},
		{"an Armenian given name", "tr", "Gazeteci Hrant Bağdat anıldı. Anmaya Sarkis Kurtyan da katıldı.", "hrant-bagdat sarkis-kurtyan"},
		{"a Kurdish given name", "tr", "Açıklamayı Berivan Ateşoğlu okudu.", "berivan-atesoglu"},
		{"an Arabic given name of the lexicon", "tr", "Köy muhtarı olan Abdurrahman Kalkan da konuştu.", "abdurrahman-kalkan"},
		{"a female given name before a common-word surname", "tr", "Sanatçı Ayşegül Kaya ödülü aldı, törende Gülseli Demir de vardı.", "aysegul-kaya gulseli-demir"},
		{"a byline with a lexicon-only name", "tr", "Piyasalar güne düşüşle başladı.\n(Şekip Durmaz / DHA)", "sekip-durmaz"},
		{"a common-word given name before a surname", "tr", "Toplantıda Dursun Kocabıyık ve Galip Kocabaş söz aldı.", "dursun-kocabiyik galip-kocabas"},
		{"a common-word given name before a common noun", "tr", "Servet Vergisi tartışması sürüyor, Ömür Boyu hapis istendi.", ""},
		{"a firm ending in a sector word", "tr", "Ankara Mobilya ve Berk Tekstil fuara katıldı.", ""},
		{"a firm in telecom and publishing", "tr", "Mert Telekomünikasyon ile Deniz Yayıncılık anlaştı.", ""},
		{"a hurricane", "tr", "Katrina Kasırgası kıyıyı vurdu.", ""},
		{"a river", "tr", "Fırat Nehri taştı, Asi Nehrinde balıklar öldü.", ""},
		{"a monastery with an ending", "tr", "Ziyaretçiler Mor Gabriel Manastırında kaldı.", ""},
		{"a person before a sector word in lower case", "tr", "Sanayici Murat Ertekin tekstil fuarına katıldı.", "murat-ertekin"},
		{"two given names are the full name", "tr", "Şair Necip Fazıl Kısakürek anıldı. Necip Fazıl'ın şiirleri okundu.", "necip-fazil-kisakurek"},
		{"two given names alone stay a person", "tr", "Törende Necip Fazıl'ın şiirleri okundu.", "necip-fazil"},
		{"a founder after a role next to his firm", "tr", "Dün fuara Adem Yalçın Giyim de katıldı. Firmanın yönetim kurulu başkanı Adem Yalçın konuştu.", "adem-yalcin"},
		{"a firm named after a founder, no role", "tr", "Dün fuara Adem Yalçın Giyim de katıldı. Stantta Adem Yalçın ürünleri kalabalıktı.", ""},
		{"a role in a film stays no person", "tr", "Filmde Dr. Hannibal Lecter karakteri ile Anthony Hopkins vardı.", "anthony-hopkins"},
		{"a deputy before a bare institution with an ending", "tr", "CHP Milletvekili Sezgin Tanrıkulu Meclis'te konuştu.", "sezgin-tanrikulu"},
		{"a minister before a newspaper whose surname comes back", "tr", "Bakan Yardımcısı Mehmet Şimşekli Milliyet Gazetesi'nde yazdı. Şimşekli uyardı.", "mehmet-simsekli"},
		{"an institution named after a person, no title", "tr", "Öğrenciler Ahmet Yesevi Üniversitesi'nde okudu.", ""},
		{"a title and a named barracks", "tr", "Bakan, General Ali Fuat Cebesoy Kışlası'na geldi.", ""},
		{"a surname of an institution word and -lı", "tr", "Törende gazeteci Mehmet Ali Kışlalı ve Hasan Köşklü anıldı.", "hasan-kosklu mehmet-ali-kislali"},
		{"an institution word with a possessive stays one", "tr", "Heyet Selimiye Kışlası'nı ve Beylerbeyi Sarayı'nı gezdi.", ""},
		{"an English firm word in a Turkish text", "tr", "Anlaşmayı Morgan Management ve Paris Air Show duyurdu.", ""},
		{"a family firm and a member of the family", "tr", "Karataş Tekstil'in sahipleri Kazım ve Zeynel Karataş, yeni bir marka aldı.", "zeynel-karatas"},
		{"a family firm alone names nobody", "tr", "Karataş Tekstil yeni bir marka aldı, Karataş ihracatını artırdı.", ""},
		{"a monarch by given name", "en", "King Fahd has stamped his personal authority on the talks.", "fahd"},
	}
	checkIDs(t, tests)
}
