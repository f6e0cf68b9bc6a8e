package extract

import (
	"testing"
)

// TestPeople_Round13 pins the rules added after batch 12's first run
// (extract/PERSONS.md, round 13): a weekday or month word that is a known
// person's given name before their surname, persons the news names by one
// name (with Turkish case endings after an apostrophe), a surname alone or
// in capitals after the full name, bylines in capitals joined by a dash,
// names after abbreviated Turkish titles and before a role apposition,
// epithets before a name. Each kind has texts of the same shape that must
// still find their persons, or find nobody.
func TestPeople_Round13(t *testing.T) {
	tests := []idCase{
		{"a weekday that is a known given name", "sq", "Sali Berisha tha se zgjedhjet u vodhën. Kryetari i PD-së, Sali Berisha, foli.", "sali-berisha"},
		{"... in English", "en", "Albanian President Sali Berisha said on Monday. Sali Berisha added nothing.", "sali-berisha"},
		{"... in Turkish", "tr", "Arnavutluk eski Başbakanı Sali Berisha açıklama yaptı.", "sali-berisha"},
		{"a weekday before a common word is no name", "tr", "Salı Günü Ankara'da toplandılar. Salı Pazarı kuruldu.", ""},
		{"a month before a surname nobody knows stays out", "sq", "Maj Berisha ishte muaj i nxehtë.", ""},
		{"dictators by one name with Turkish endings", "tr", "Konuşmada Stalin’in, Lenin’in ve Tito’nun mirası ile Saddam’ın sonu anlatıldı.",
			"joseph-stalin josip-broz-tito saddam-hussein vladimir-lenin"},
		{"a leader by one name with a straight apostrophe", "tr", "İmralı'da Öcalan'ın avukatları görüştü.", "abdullah-ocalan"},
		{"one-name persons in English", "en", "Historians compared Hitler and Mussolini with Napoleon.", "adolf-hitler benito-mussolini napoleon-bonaparte"},
		{"one-name persons in Albanian", "sq", "Në kohën e Skënderbeut dhe të Enver Hoxhës, Stalini ishte larg.", "enver-hoxha gjergj-kastrioti-skenderbeu joseph-stalin"},
		{"the full name of a one-name person", "tr", "Saddam Hüseyin idam edildi.", "saddam-hussein"},
		{"a one-name person's surname alone is not his", "en", "King Hussein of Jordan met the envoy.", ""},
		{"a place named after a one-name person", "tr", "Lenin Meydanı'nda toplandılar. Stalingrad kuşatıldı.", ""},
		{"a given name before a one-name surname is another person", "tr", "Milletvekili Dilek Öcalan konuştu. Öcalan'ın yeğeni olan Öcalan ekledi.", "dilek-ocalan"},
		{"a surname alone after the full name, with a Turkish ending", "tr", "Bakan Zafer Tarhanlı açıklama yaptı. Tarhanlı’nın sözleri tartışıldı.", "zafer-tarhanli"},
		{"a surname in capitals after the full name", "tr", "Ayşe Demirci toplantıya katıldı. DEMİRCİ: “Sürecek” dedi.", "ayse-demirci"},
		{"a byline in capitals joined by a dash", "tr", "Haber yayımlandı.\nÖzgür ALTUNCU - Özgür ARSLAN\n", "ozgur-altuncu ozgur-arslan"},
		{"... all capitals", "tr", "Haber yayımlandı.\nSAVAŞ ABAK - EZGİ AKINCILAR\n", "ezgi-akincilar savas-abak"},
		{"a heading in capitals joined by a dash is no byline", "tr", "Haber yayımlandı.\nKEBAP YİYORSUN - ÇAY İÇİYORSUN\n", ""},
		{"a common-word given name after an abbreviated title", "tr", "Açılışa Prof. Dr. Savaş Abak, Av. Ezgi Akıncılar ve Doç. Dr. Umut Korkutan katıldı.",
			"ezgi-akincilar savas-abak umut-korkutan"},
		{"a name before a comma and a role", "tr", "Savaş Abak, AK Parti Milletvekili, konuştu. Ezgi Akıncılar, Belediye Başkanı, ekledi.", "ezgi-akincilar savas-abak"},
		{"a common word before a comma and a role is no name", "tr", "Savaş Bakanlığı, Milli Savunma Bakanı tarafından kuruldu.", ""},
		{"foreign given names", "tr", "Belarus Dışişleri Bakanı Dzianis Maksimau’yu kabul etti. Xhek Rexhaj ve Siarhei Aleinik da vardı.", "dzianis-maksimau siarhei-aleinik xhek-rexhaj"},
		{"an epithet before a name", "tr", "Gazi Mustafa Kemal'i anıyoruz. Gazi Üniversitesi rektörü konuştu.", "mustafa-kemal"},
		{"an epithet's word as a given name", "tr", "Ameliyatı Prof. Dr. Gazi Yaşargil yaptı. Şehit Aileleri Derneği açıklama yaptı.", "gazi-yasargil"},
	}
	checkIDs(t, tests)
}
