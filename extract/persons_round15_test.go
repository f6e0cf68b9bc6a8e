package extract

import (
	"testing"
)

// TestPeople_Round15 pins the rules added after batch 14's first run
// (extract/PERSONS.md, round 15): a Turkish given name that is a common noun
// before a common noun, a possessive, a club or a place's adjective names a
// thing; a given name and an initial alone, or initials cut, name nobody; a
// heading in capitals with a verb names nobody; a handle in mixed case is no
// name. Each kind has texts of the same shape that must still find their
// persons.
func TestPeople_Round15(t *testing.T) {
	tests := []idCase{
		{"a route", "tr", "Sergide ayrıca İpek Yolu hakkında konferanslar var.", ""},
		{"a year's name", "tr", "Birleşmiş Milletler 2015 yılını Uluslararası Toprak Yılı ilan etti.", ""},
		{"a housing project", "tr", "Yatırım hedefliyoruz. Altın Oran, The First ve İncek Life ile iddialıyız.", ""},
		{"a club with -spor, its last word again", "tr", "Karadeniz ekibi Çaykur Rizespor'un kadrosuna kattı. Rizespor'da oynadı.", ""},
		{"a sponsor and a place's adjective", "tr", "Taraftarlar Pınar Karşıyakalı basketbolcuları karşıladı.", ""},
		{"a given name and an initial", "tr", "Örgütün sorumlusu Ertan Ş.'nin de gözaltına alındığı bildirildi.", ""},
		{"a heading in capitals with a verb", "tr", "Bunu yaptı.\n\nÖRGÜTÜN LİDERİ OLMAKLA SUÇLANIYOR\nGözaltına alınanlar arasında.", ""},
		{"a handle in mixed case", "tr", "Grup adına konuşan Türk Hack Team Lideri ZoRRoKiN, fetih dedi.", ""},
		{"a common-noun given name and a surname", "tr", "Gazeteci İpek Yolcu konuştu.", "ipek-yolcu"},
		{"... a surname that is no common word", "tr", "Toplantıya Pınar Karaca, Umut Oranlı katıldı.", "pinar-karaca umut-oranli"},
		{"a full name with a middle initial is kept", "tr", "Yönetmen Ahmet K. Yılmaz filmini anlattı.", "ahmet-k-yilmaz"},
		{"a heading in capitals without a verb keeps its byline", "tr", "Haber metni burada bitti.\nHALİL KARAHAN", "halil-karahan"},
		{"a name with one inner capital is kept", "tr", "Oyuncu Ian McKellen ve Leonardo DiCaprio da geldi.", "ian-mckellen leonardo-dicaprio"},
	}
	checkIDs(t, tests)
}
