package extract

import (
	"testing"
)

// TestPeople_Round14 pins the rules added after batch 13's first run
// (extract/PERSONS.md, round 14): an Albanian surname alone that drops the
// -j of a surname the article names in full (Hoxha for Daut Hoxhaj), a
// known person's given names alone grouped with them where the article names
// them (Mustafa Kemal and Atatürk), an English middle initial A., Turkish
// heading words after a firm's name (Towers Watson Genel Müdürü), Albanian
// double surnames with a spaced dash, a title and a known surname where the
// article names a namesake, a cast's cue, a school's initials and its name
// in quotes, chambers, provinces, brands and clubs. Each kind has texts of
// the same shape that must still find their persons, or nobody.
func TestPeople_Round14(t *testing.T) {
	tests := []idCase{
		{"a surname alone without the -j of a full name", "sq", "Ministri Daut Hoxhaj foli për arsimin. Reforma vazhdon, tha Hoxha.", "daut-hoxhaj"},
		{"... without -aj", "sq", "Kryetari Sandër Lleshaj foli. Policia punon, tha Lleshi.", "sander-lleshaj"},
		{"a surname alone with no namesake keeps the known person", "sq", "Diktatura ishte e egër, deklaroi Hoxha në vitin 1967.", "enver-hoxha"},
		{"a known person's given names with his one name", "tr", "Gazi Mustafa Kemal’in izinde yürüyoruz. Atatürk'ü saygıyla anıyoruz.", "mustafa-kemal-ataturk"},
		{"... the other order", "tr", "Atatürk'ü anıyoruz. Mustafa Kemal 1919’da yola çıktı.", "mustafa-kemal-ataturk"},
		{"a namesake with a surname is another person", "tr", "Atatürk'ü anıyoruz. Mustafa Kemal Yılmaz konuştu.", "mustafa-kemal-ataturk mustafa-kemal-yilmaz"},
		{"an English middle initial A.", "en", "Thomas A. Cooper, the chairman, said sales rose. Laurence A. Tisch agreed.", "laurence-a-tisch thomas-a-cooper"},
		{"an article A. after a sentence is no initial", "en", "Shares of Ford rose. A. Said the minister.", ""},
		{"an Albanian double surname with a spaced dash", "sq", "Komisioni renditi: Pranvera Dobruna – Kryeziu – 25 pikë, Saranda Sadriu – Mehmeti – 22 pikë.", "pranvera-dobruna-kryeziu saranda-sadriu-mehmeti"},
		{"a dash between two full names parts them", "sq", "Takimi Albin Kurti – Hashim Thaçi u mbajt në Prishtinë.", "albin-kurti hashim-thaci"},
		{"a dash before a place parts it", "sq", "Ramush Haradinaj – Prishtinë, 12 maj.", "ramush-haradinaj"},
		{"Turkish heading words after a firm's name", "tr", "Towers Watson Genel Müdürü Ali Rıza Kaya açıklama yaptı.", "ali-riza-kaya"},
		{"a title and a known surname with a namesake in the article", "sq", "Ministres Haradinaj i erdhi letra. Meliza Haradinaj Stublla u zgjodh.", "meliza-haradinaj-stublla"},
		{"... a namesake with a dashed double surname", "sq", "Meliza Haradinaj-Stublla u zgjodh. Ministrja Haradinaj foli.", "meliza-haradinaj-stublla"},
		{"a title and a known surname without a namesake", "sq", "Kryeministri Haradinaj tha se po.", "ramush-haradinaj"},
		{"a cast's cue before full names", "en", "The film, starring Hrithik Roshan and Aishwarya Rai, opened. Actors Salman Khan danced.", "aishwarya-rai hrithik-roshan salman-khan"},
		{"a cast's cue before one word or a heading", "en", "Starring Role Models opens. Shares of actors Equity rose.", ""},
		{"a school by its initials and its name in quotes", "sq", "Nxënësit e SHFMU “Naim Frashëri” dhe të UP “Haxhi Zeka” protestuan.", ""},
		{"a name in quotes after a closing quote is a name", "sq", "Ai foli për “LDK” Arben Gashi dhe tha se.", "arben-gashi"},
		{"a chamber names nobody", "sq", "Oda Ekonomike e Kosovës tha se. Oda Tregtare Amerikane gjithashtu.", ""},
		{"a firm's word in a brand", "sq", "Operatori z-Mobile’it tha se. Kryetari Hashim Thaçi foli.", "hashim-thaci"},
		{"a brigadier's title", "tr", "Tuğgeneral Hacı İlbaş törene katıldı.", "haci-ilbas"},
		{"an Ottoman province", "tr", "Debre-i Bala Sancağına bağlı köyde doğdu.", ""},
		{"a sponsor and a club", "tr", "Pınar Karşıyaka, Fenerbahçe'yi yendi.", ""},
	}
	checkIDs(t, tests)
}
