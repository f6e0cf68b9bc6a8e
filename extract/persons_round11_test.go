package extract

import (
	"testing"
)

// TestPeople_Round11 pins the rules added after batch 10's first run
// (extract/PERSONS.md, round 11): squads written with semicolons, labels
// and groups of names before a club; glued initials; brands, places and
// nicknames that read as names; a name run into the next words; a second
// spelling of one person. Each kind has texts of the same shape that must
// still find their persons, or find nobody.
func TestPeople_Round11(t *testing.T) {
	sheet := "G Thomas (Toulouse, capt); K Morgan (Newport-Gwent), T Shanklin (Cardiff), G Henson (Neath-Swansea); S Jones (Clermont Auvergne), D Peel (Llanelli)."
	tests := []idCase{
		{"a sheet with semicolons and capt", "en", sheet, "d-peel g-henson g-thomas k-morgan s-jones t-shanklin"},
		{"a replacements line with its label", "en", "Replacements: R McBryde (Llanelli), J Yapp (Cardiff), G Cooper (Newport-Gwent), M Di Rollo (Edinburgh).",
			"g-cooper j-yapp m-di-rollo r-mcbryde"},
		{"a sheet's item without its opening bracket", "en", "Replacements: R McBryde (Llanelli), J Yapp (Cardiff), C Sweeney Newport-Gwent), R Sidoli (Cardiff), G Cooper (Newport-Gwent).",
			"c-sweeney g-cooper j-yapp r-mcbryde r-sidoli"},
		{"an initial after a full name is that person", "en", "Kevin Morgan starts.\n\nG Thomas (Toulouse, capt); K Morgan (Newport-Gwent), T Shanklin (Cardiff), D Peel (Llanelli).",
			"d-peel g-thomas kevin-morgan t-shanklin"},
		{"two items only make no sheet", "en", "Stocks (NYSE), bonds (CBOT); G Thomas (Toulouse), K Morgan (Cardiff) traded.", ""},
		{"prose with brackets is no sheet", "en", "Shares of Alpha (up 3), Beta (down 2); Gamma (flat), Delta (up 1) moved.", ""},
		{"a squad of name groups before clubs", "tr", "Birkan Batuk, Cedi Osman, Emircan Koşut (Anadolu Efes), Can Maxim Mutaf (Banvit), Kartal Özmızrak (Eskişehir Basket), Oğuz Savaş, Kenan Sipahi (Fenerbahçe Ülker), Akif Egemen Güven (Pınar Karşıyaka).",
			"akif-egemen-guven birkan-batuk can-maxim-mutaf cedi-osman emircan-kosut kartal-ozmizrak kenan-sipahi oguz-savas"},
		{"places before brackets are no squad", "tr", "Ankara Merkez, Bursa Nilüfer (Marmara), Adana Seyhan (Akdeniz), Konya Meram (İç Anadolu), Van Merkez (Doğu).", ""},
		{"glued initials stay", "en", "Asahan Project Authority director A.R. Suhud said. Suhud said.", "a-r-suhud"},
		{"a brand with a title", "en", "The owner of brands such as Dairy Milk, Dr Pepper and Snapple said so.", ""},
		{"a doctor is still a person", "en", "Dr Pepperell, the surgeon, said so.", "pepperell"},
		{"a place named after a saint", "en", "The plant near San Luis Obispo, Calif., was built.", ""},
		{"a colour is no given name", "en", "In addition to Green Day, other artists include Kelly Clarkson.", "kelly-clarkson"},
		{"a colour is still a surname", "en", "Philip Green bought it; Green said so.", "philip-green"},
		{"a nickname after a number", "tr", "12 Dev Adam, gurubu ilk 4 içerisinde tamamladı.", ""},
		{"a name after a number with an ending", "tr", "13 Mayıs 2014’te Alp Gürkan’ın şirketi açıklama yaptı.", "alp-gurkan"},
		{"a monument named after a person", "tr", "Cumhuriyet Meydanı'ndaki Atatürk Anıtı önünde açıklama yapıldı.", ""},
		{"a hospital of education and research", "tr", "İstanbul Fatih Sultan Mehmet Eğitim ve Araştırma Hastanesi Radyoloji Kliniği açıldı.", ""},
		{"a firm in automotive", "tr", "İkinci sırayı Ford Otomotiv aldı.", ""},
		{"regions", "tr", "HDP oylarını Güneydoğu, Ortadoğu ve Kuzeydoğu Anadolu bölgelerinde artırdı; Güney Doğu Anadolu da öyle.", ""},
		{"a motorway in quotes", "sq", "Aksidenti ndodhi në autostradën “Ibrahim Rugova” mbrëmë.", ""},
		{"a common word that is a given name inside a sentence", "tr", "Toplantıya Deniz Türkali ve Nur Sürer de katıldı.", "deniz-turkali nur-surer"},
		{"... not before a common noun with an ending", "tr", "Törende Bahar Şiirleri okundu, Deniz Kuvvetleri katıldı.", ""},
		{"... not before another given name", "tr", "Törende Gül Eda ile tanıştı.", ""},
		{"a name run into the next words", "tr", "Haliç Üniversitesi Mütevelli Heyeti Başkanı Mansur Topçuoğlu Sosyal Marka başlığı altında konuştu. Avukat Mansur Topçuoğlu gibi isimler vardı.",
			"mansur-topcuoglu"},
		{"a longer name of other given names is another person", "tr", "Başkan Ahmet Yılmaz geldi. Bakan Mehmet Yılmaz Kaya da geldi.", "ahmet-yilmaz mehmet-yilmaz-kaya"},
		{"a short given name and its long form", "en", "Phil Lynott wrote it. Phillip Lynott died in 1986.", "phil-lynott"},
		{"gj and xh are one spelling", "sq", "Behxhet Pacolli: mos dilni\nKryetari i AKR, Behgjet Pacolli, tha se po.", "behgjet-pacolli"},
		{"a headline's given name with an ending is kept", "sq", "Pyetje për Xhavit Halitin dhe grupin e tij\nKryetari tha. “Pse Xhaviti Haliti dhe rrethi i tij, nuk pranonin?”", "xhavit-haliti"},
		{"two given names of one surname are two", "en", "Chris Smith and Joan Smith met.", "chris-smith joan-smith"},
	}
	checkIDs(t, tests)
}
