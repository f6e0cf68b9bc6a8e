package extract

import (
	"strings"
	"sync"
)

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
		if q != p && len(q.given) >= 2 && !x.blocked[q.surname] && !x.pt.isTrCommon(q.surname) && g(q.given[0]) == g(p.given[0]) && g(q.given[1]) == p.surname {
			return q
		}
	}
	return nil
}

// trCommonGivensMore are more given names that are common words too (Galip
// victor, Dursun "let it stay", Savaş war): like trCommonGivens they name a
// person only before a surname that is no common word, place or institution
// (round 17).
var trCommonGivensMore = wordSet(`Galip Kudret Dursun Gündüz Candan Saadet İnan Adil Aziz Savaş
Onur Uğur Ufuk Yiğit Ozan Pınar İpek Hilal Dilek Arzu Emel Ülkü Sevinç Şeref Hikmet Nizam Erdem Engin Bilge`)

// trThingStems are more stems of Turkish words that end the names of firms,
// events and things (İstanbul Mobilya, Defne Telekomünikasyon, Aras
// Yayıncılık, Sandy Kasırgası, Nil Nehri, Hızır Orucu), and English firm
// and event words the Turkish press keeps (Morgan Management, Paris Air Show): like trOrgStems, a
// word that starts with one makes its run an institution's or a thing's
// name (round 17). Stems that start given names or surnames (devlet: Devlet
// Bahçeli; oruç: Oruç Reis; tugay: Tugay; film, cam, sanat) are left out.
var trThingStems = []string{"mobilya", "telekom", "internet", "teknokent", "teknoloji", "bilisim",
	"yazilim", "enerji", "insaat", "tekstil", "turizm", "lojistik", "medya", "reklam", "sigorta",
	"finans", "yatirim", "emlak", "petrol", "madencilik", "elektronik", "makine", "kozmetik",
	"giyim", "ayakkabi", "mucevher", "kuyumculuk", "ambalaj", "plastik", "seramik", "cimento",
	"nakliyat", "tasimacilik", "havacilik", "denizcilik", "kargo", "yayincilik", "yayinlari",
	"yayinevi", "danismanlik", "muhendislik", "mimarlik", "hizmetleri", "sanayi", "ticaret",
	"pazarlama", "magazacilik", "restoran", "eczane", "lokanta", "opera", "bienal", "kultur",
	"karikatur", "sinema", "kasirga", "nehri", "nehrin", "manastir", "orucu", "tugayi", "tugayl",
	"management", "messenger", "show"}

// trNameBeforeOrg tells whether, in a Turkish text, a title's run toks[start:]
// holds a given name and a surname, then an institution whose word is at k:
// a bare institution word with its ending after an apostrophe (Milletvekili
// Pervin Buldan Meclis'te), or a name of two or three words that ends in
// one (Başbakan Yardımcısı Ali Babacan Hürriyet Gazetesi'nde). The person
// ends before it; without the title the whole run stays an institution
// named after a person (Ahmet Yesevi Üniversitesi). Round 17.
func (x *personScan) trNameBeforeOrg(start, k int) bool {
	if x.lang != "tr" || k < start+2 || k > start+4 {
		return false
	}
	toks := x.toks
	g, s := toks[start], toks[start+1]
	if g.cls&cGiven == 0 || g.upper || s.upper || s.gap != gapSpace || s.cls&(cHonorific|cNotName) != 0 ||
		x.isOrg(&s) || x.isTitle(&s) || x.isStop(&s) || g.suffix || s.suffix {
		return false
	}
	if k == start+2 {
		// Meclis'te, Kongre'de; not Türbesi'ni, a possessed head that
		// what it is of must precede.
		t := toks[k]
		return t.suffix && !strings.HasSuffix(t.key, "i") && !strings.HasSuffix(t.key, "u")
	}
	if s.cls&(cGiven|cGivenTr) != 0 && !x.elsewhere(start+1) {
		// A second given name: the surname may be the next word (General
		// Ali Fuat Cebesoy Kışlası), unless it comes back alone.
		return false
	}
	for m := start + 2; m < k; m++ {
		if t := toks[m]; t.cls&(cHonorific|cTitleTr) != 0 || t.upper || x.isOrg(&t) {
			return false
		}
	}
	return true
}

// trOrgAdjective tells whether k is an institution stem with the -lI of
// origin and nothing more (Kışlalı, Köşklü, Saraylı): a surname or an
// adjective, not an institution's word; the stem's inflected forms
// (Kışlası, Köşkünde) still are one (round 17).
func trOrgAdjective(k string, stems []string) bool {
	for _, st := range stems {
		if k == st+"li" || k == st+"lu" {
			return true
		}
	}
	return false
}

// trFamilyFirm tells whether, in a Turkish text, p's surname alone names a
// firm of the article (Akbulut Tekstil, Doğan Holding) while p is written
// with given names that the firm's name does not hold (Zeynel Akbulut):
// Turkish firms are named after the founding family, whose members stay
// persons; a place named after p in full (Sabiha Gökçen Havalimanı) still
// takes p's name (round 17).
func (x *personScan) trFamilyFirm(p *pperson) bool {
	if x.lang != "tr" || len(p.given) == 0 {
		return false
	}
	// Only a given name of the hand-written list, which leaves out common
	// words, makes the run a person's here (not Temel Nöroşirürji, Gümüş
	// Top, Adı Beyoğlu).
	if !givenTrWrittenSet()[fold(strings.TrimRight(p.given[0], " -."))] {
		return false
	}
	ks := make([]string, 0, len(p.given)+1)
	for _, g := range p.given {
		ks = append(ks, fold(strings.TrimRight(g, " -.")))
	}
	return !x.blocked[strings.Join(append(ks, p.surname), "-")]
}

var givenTrWrittenSet = sync.OnceValue(func() map[string]bool { return wordSet(givenTrWritten) })
