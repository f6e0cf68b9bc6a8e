package extract

import "strings"

// givenPairOf returns, in a Turkish text, the person whose fuller name
// starts with p's two words when p is a given name and a second given name
// (Necip Fazıl'ın ... Necip Fazıl Kısakürek): Turkish writes a person of two
// given names by both of them, without the surname, as often as in full.
// A fuller name that ends in a common noun is a firm's (Adil Işık Giyim),
// not the person's. Round 17.
func (x *personScan) givenPairOf(p *pperson) *pperson {
	if x.lang != "tr" || len(p.given) != 1 || p.known != nil || x.pt.class[p.surname]&(cGiven|cGivenTr) == 0 {
		return nil
	}
	g := func(w string) string { return fold(strings.TrimRight(w, " -.")) }
	for _, q := range x.persons {
		if q != p && len(q.given) >= 2 && !x.blocked[q.surname] && !x.pt.trCommon[q.surname] && g(q.given[0]) == g(p.given[0]) && g(q.given[1]) == p.surname {
			return q
		}
	}
	return nil
}

// trCommonGivens17 are more given names that are common words too (Galip
// victor, Dursun "let it stay", Savaş war): like trCommonGivens they name a
// person only before a surname that is no common word, place or institution
// (round 17).
var trCommonGivens17 = wordSet(`Galip Kudret Dursun Gündüz Candan Saadet İnan Adil Aziz Savaş
Onur Uğur Ufuk Yiğit Ozan Pınar İpek Hilal Dilek Arzu Emel Ülkü Sevinç Şeref Hikmet Nizam Erdem Engin Bilge`)

// trOrgStems17 are more stems of Turkish words that end the names of firms,
// events and things (İstanbul Mobilya, Defne Telekomünikasyon, Aras
// Yayıncılık, Sandy Kasırgası, Nil Nehri, Hızır Orucu): like trOrgStems, a
// word that starts with one makes its run an institution's or a thing's
// name (round 17). Stems that start given names or surnames (devlet: Devlet
// Bahçeli; oruç: Oruç Reis; film, cam, sanat) are left out.
var trOrgStems17 = []string{"mobilya", "telekom", "internet", "teknokent", "teknoloji", "bilisim",
	"yazilim", "enerji", "insaat", "tekstil", "turizm", "lojistik", "medya", "reklam", "sigorta",
	"finans", "yatirim", "emlak", "petrol", "madencilik", "elektronik", "makine", "kozmetik",
	"giyim", "ayakkabi", "mucevher", "kuyumculuk", "ambalaj", "plastik", "seramik", "cimento",
	"nakliyat", "tasimacilik", "havacilik", "denizcilik", "kargo", "yayincilik", "yayinlari",
	"yayinevi", "danismanlik", "muhendislik", "mimarlik", "hizmetleri", "sanayi", "ticaret",
	"pazarlama", "magazacilik", "restoran", "eczane", "lokanta", "opera", "bienal", "kultur",
	"karikatur", "sinema", "kasirga", "nehri", "nehrin", "manastir", "orucu", "tugay"}
