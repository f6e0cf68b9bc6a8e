package extract

import (
	"testing"
)

// TestPeople_Round12 pins the rules added after batch 11's first run
// (extract/PERSONS.md, round 12): lists of writers and artists between
// commas, initials glued to a given name, months as names, roles in films
// and series, galleries, barracks and firms named after people, Asian
// given names with a hyphen, tables of contents (a name, a colon, a title in
// quotes), Albanian q typed for ç. Each kind has texts of the same shape that must
// still find their persons, or find nobody.
func TestPeople_Round12(t *testing.T) {
	writers := "Dergiye yazı verenler şöyle: Ali Kamer, Dilşad İpar, Buse Adik,E.Sude Adik, A.Ekin Uysal , Naziye Nur Yalçın, Melis Kılavuzoğlu, Esil Aslan."
	tests := []idCase{
		{"a list of writers between commas", "tr", writers,
			"a-ekin-uysal ali-kamer buse-adik dilsad-ipar e-sude-adik esil-aslan melis-kilavuzoglu naziye-nur-yalcin"},
		{"five names are no list", "tr", "Katılanlar: Dilşad İpar, Buse Adik, Esil Aslan, Yakup Balcı, Melis Kılavuzoğlu geldi.",
			"buse-adik dilsad-ipar melis-kilavuzoglu yakup-balci"}, // Buse, Dilşad, Yakup: given names since round 17
		{"a row of places between commas", "tr", "Ankara Merkez, Bursa Nilüfer, Adana Seyhan, Konya Meram, Van Merkez, İzmir Karşıyaka ilçelerinde.", ""},
		{"a row of clubs between commas", "tr", "Anadolu Efes, Fenerbahçe Ülker, Galatasaray Odeabank, Banvit Bandırma, Darüşşafaka Doğuş, Trabzon Spor yarışacak.", ""},
		{"titled items are no part of a row", "tr", "Katılanlar Prof. Dr. Durali Yılmaz, Doç. Dr. Süleyman Doğan, Dr. Yusuf Gedikli, Ali Kamer, Esil Aslan, Buse Adik, Melis Kılavuzoğlu oldu.",
			"ali-kamer buse-adik durali-yilmaz melis-kilavuzoglu suleyman-dogan yusuf-gedikli"},
		{"a table of contents: names, colons, titles in quotes", "tr", "Şenol Tombaş: ”Ender Bulunan Gül”\nM. Şafak Ergün:” Suç Duyurusu”\nSüheylâ Acar:” Üç Kadife Kese”\nAhmet Dağ: “Kapatma Düğmesi Olmasın”\nDursun Ali Akınet :“Palavra İsin”\n",
			"ahmet-dag dursun-ali-akinet m-safak-ergun senol-tombas suheyla-acar"},
		{"places before titles in quotes are no table of contents", "tr", "Ankara Merkez: “Açık”\nBursa Nilüfer: “Kapalı”\nAdana Seyhan: “Açık”\nKonya Meram: “Açık”\n", ""},
		{"an initial glued to a given name", "tr", "Törene E.Sude Adik ve A. Ekin Uysal katıldı.", "a-ekin-uysal e-sude-adik"},
		{"an article is no initial", "en", "A. Said the minister.", ""},
		{"a month after a title is a given name", "tr", "TABA Başkanı Ekim Alptekin: “Seçim Ekim ayında” dedi.", "ekim-alptekin"},
		{"a month after a title with a day is a date", "tr", "Genel Kurul 12 Ekim Pazartesi toplandı.", ""},
		{"a month after a given name is a surname", "en", "Conservative spokeswoman Theresa May said so.", "theresa-may"},
		{"a month and a day are a date", "en", "PARIS, May 5 - Jordan May 12 rates rose. In May Smith left.", ""},
		{"roles in films", "tr", "Kuzuların Sessizliği filminden Dr. Hannibal Lecter karakteri ile Anthony Hopkins, Baba filminden Don Vito Carleone karakteri ile Marlon Brando yer alacak.",
			"anthony-hopkins marlon-brando"},
		{"a role in the accusative before its verb", "tr", "Dizide Gökçe Hatun’u oynayan Burcu Kıratlı törene katıldı.", "burcu-kiratli"},
		{"a role after the actor's verb", "tr", "Buğra Gülsoy’un canlandırdığı Ted Bundy konuşuldu.", "bugra-gulsoy"},
		{"a series' title", "tr", "Diriliş Ertuğrul’a ödül verildi. Diriliş-Ertuğrul dizisinin yapımcısı Mehmet Bozdağ konuştu.", "mehmet-bozdag"},
		{"an actor in the genitive is no role", "tr", "Burcu Kıratlı’nın oynadığı rol beğenildi.", "burcu-kiratli"},
		{"a barracks named after a general", "tr", "Başbakan General Ali Fuat Cebesoy Kışlası'na geldi.", ""},
		{"galleries named after people", "tr", "Opera Gallery, Galerie Michael Schultz ve Mario Mauroner Contemporary Art fuarda.", ""},
		{"a firm of farms and a bank", "en", "The petition, filed by Bob Evans Farms, was backed; lead manager Credit Suisse said.", ""},
		{"Saudi Arabia", "en", "Saudi Arabia's economy grew, Commerce Minister Suleiman Salim said. Arabia is large.", "suleiman-salim"},
		{"q typed for ç is one surname", "sq", "Ministri Blerim Kuqi tha se po. Kuqi shtoi. Ministri Blerim Kuçi foli.", "blerim-kuci"},
		{"... but two given names are two persons", "sq", "Blerim Kuqi dhe Arben Kuçi folën.", "arben-kuci blerim-kuqi"},
		{"an Asian given name with a hyphen", "en", "Central bank governor Chang Chi-cheng rejected a request.", "chang-chi-cheng"},
		{"an English word after a hyphen", "en", "A Tony Blair-driven plan failed.", "tony-blair"},
	}
	checkIDs(t, tests)
}
