package extract

import (
	"testing"
)

// TestPeople_Round8Lists pins the labelled lists added after batch 7's first
// run (extract/PERSONS.md, round 8): lists of appointments by label and
// colon, and squads by initial, surname and club in brackets; with lists of
// the same shapes that must find nobody.
func TestPeople_Round8Lists(t *testing.T) {
	tests := []idCase{
		// A label, a colon and a name per line, three lines or more, most
		// names opening with a given name of the lists: every name counts.
		{"appointments by province", "tr", "Atanan genel sekreterler şunlar:\nAdana: Kemal Kiraz\nAdıyaman: Hüseyin Şen\nAntalya: Erdoğan Taş\nHakkari: Vakkas Özmercan\nTekirdağ: Yakup Çağ\n",
			"erdogan-tas huseyin-sen kemal-kiraz vakkas-ozmercan yakup-cag"},
		{"labels of two words and numbers", "tr", "Liste:\nAdana: Kemal Kiraz\nAnkara 2: Doğan Akdoğan\nİstanbul Ana Güney: Tuncay Palteki\nMuş: Hacı Yusuf Güneş\nBolu: Murat Özmen\n",
			"dogan-akdogan haci-yusuf-gunes kemal-kiraz murat-ozmen tuncay-palteki"},
		{"one line", "tr", "Sekreterler Adana: Kemal Kiraz Adıyaman: Hüseyin Şen Rize: Şafak Sünbül Hakkari: Vakkas Özmercan",
			"huseyin-sen kemal-kiraz safak-sunbul vakkas-ozmercan"},
		{"a cast list", "tr", "Oyun sahnede.\nYazan: William Shakespeare\nÇeviren: Sabahattin Eyüboğlu\nKoreografi: Alpaslan Karaduman\nMüzik: Çağrı Beklen\n",
			"alpaslan-karaduman cagri-beklen sabahattin-eyuboglu william-shakespeare"},
		{"two items are no list", "tr", "Adana: Vakkas Özmercan\nHakkari: Şafak Sünbül\n", ""},
		{"a spec table", "tr", "Teknik veriler:\nMotor: Dizel Turbo\nŞanzıman: Otomatik Vites\nRenk: Koyu Mavi\nDonanım: Deri Koltuk\n", ""},
		{"places after labels", "tr", "Güzergah:\nBirinci Gün: Ankara Kalesi\nİkinci Gün: Konya Ovası\nÜçüncü Gün: Kapadokya Vadisi\n", ""},
		{"names with commas are no item", "tr", "Kadro:\nOyuncular: Kemal Kiraz, Vakkas Özmercan\nMüzik: Ayhan Erenoğlu, Şafak Sünbül\nIşık: Burak Karabulut, Yakup Çağ\n",
			"ayhan-erenoglu burak-karabulut kemal-kiraz yakup-cag"}, // Yakup: a given name since round 17
		// Initial, surname, club in brackets, between commas, three items or
		// more: each is a person; the clubs are nobody.
		{"a squad", "en", "The squad:\n\nM Blair (Edinburgh), A Craig (Glasgow), M Di Rollo (Edinburgh), G Bulloch (Glasgow, capt), R Russell (London Irish).\n",
			"a-craig g-bulloch m-blair m-di-rollo r-russell"},
		{"two of one surname and one named before", "en", "Chris Paterson is back.\n\nR Lamont (Glasgow), S Lamont (Glasgow), C Paterson (Edinburgh), T Smith (Northampton).\n",
			"chris-paterson r-lamont s-lamont t-smith"},
		{"tickers in brackets", "en", "Shares rose: GE (NYSE), IBM (NYSE), BP (London), VW (Frankfurt).\n", ""},
		{"one item in prose", "en", "M Blair (Edinburgh) scored twice.\n", ""},
		{"initials before words that are no list", "en", "Plan A (London), plan B (Paris), plan C (Rome).\n", ""},
	}
	checkIDs(t, tests)
}
