package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// PersonMention is a person named in a text: one real individual, however
// many forms the text writes (Recep Tayyip Erdoğan, Erdoğan'ın, Cumhurbaşkanı
// Erdoğan are one mention group).
type PersonMention struct {
	// ID is the person's canonical id: the same individual gets the same id
	// in every article and language when kerko knows them (KnownPersons:
	// "recep-tayyip-erdogan" for Erdoğan, Erdogan, Erdoganit, Rexhep Tajip
	// Erdogan), else the folded slug of the fullest name the text writes
	// ("arban-abrashi"), which is the same across articles that spell the
	// name alike.
	ID string
	// Name is the fullest form the text writes, in the nominative
	// (Kujtim Shala for "Kujtim Shalën ... Shala"), with its diacritics.
	Name string
	// Mentions counts the times the text names the person, full name or
	// surname alone.
	Mentions int
}

// People returns the persons named in text, most mentioned first (then by
// ID). lang ("sq", "tr", "en"; anything else is treated like "en") chooses the
// titles and inflections that are looked for.
//
// A person is a run of capitalized words that starts with a known given name
// (Arban Abrashi), follows a title or role (Bakan Eker, kryeministri Hoti,
// Treasury Secretary James Baker), or names one of KnownPersons; later
// mentions by surname alone, in any case form (Abrashi, Kurtit, Ramës,
// Erdoğan'ın), are counted for it. Runs that hold a word of institutions or
// places (Toll Brothers, Atatürk Havalimanı, Nazarbayev University,
// Universiteti Johns Hopkins) are no person, and their words name nobody
// elsewhere in the article.
func People(text, lang string) []PersonMention {
	if lang != "sq" && lang != "tr" {
		lang = "en"
	}
	buf := tokenPool.Get().(*[]ptoken)
	x := personScan{toks: ptokensInto((*buf)[:0], text), lang: lang, shift: langShift(lang)}
	x.head = titleCaseHead(text, x.toks)
	x.runs()
	x.confirmUpper()
	x.repeated()
	x.link()
	out := x.result()
	*buf = x.toks
	tokenPool.Put(buf)
	return out
}

// tokenPool recycles token slices: an index build calls People once per
// article, and a slice per call was a fifth of its cost.
var tokenPool = sync.Pool{New: func() any { s := make([]ptoken, 0, 512); return &s }}

// pperson is a person being collected from one article.
type pperson struct {
	given    []string       // written given names (and particles) of the fullest form
	surname  string         // key of the surname (last word)
	forms    map[string]int // written surname forms and their counts
	order    map[string]int // the order the forms were first met
	known    *knownPerson   // when it is one of KnownPersons
	mentions int
	gen      string // Jr, III: written after the surname
	last     int    // token index of the latest mention
	upper    bool   // written only in capitals so far
	titled   bool   // named after a title at least once
}

type personScan struct {
	toks    []ptoken
	lang    string
	shift   uint // langShift(lang)
	persons []*pperson
	used    []bool // tokens that belong to a mention or to an institution
	blocked map[string]bool
	pending [][2]int // capitals-only runs and runs of a title-case heading, to be confirmed
	head    int      // token index where a title-case first line ends (0: none)
	loose   [][2]int // runs that are no name of their own; their words may be surnames
}

// Word classes of a key, looked up once per capitalized word (ptoken.cls).
const (
	cGiven uint32 = 1 << iota
	cTitleSq
	cTitleTr
	cTitleEn
	cOrg
	cOrgBefore
	cNotName
	cParticle
	cStopSq
	cStopTr
	cStopEn
	cPlaceSq // a country or organization word of the language, any case
	cPlaceTr
	cPlaceEn
	cPlaceUpSq // ... only when written in capitals (abbreviations)
	cPlaceUpTr
	cPlaceUpEn
	cFamiliar
	cHonorific
	cGenerational
	cKnown // a known person's surname
)

// langShift places a class of the text's language on its sq bit.
func langShift(lang string) uint {
	switch lang {
	case "sq":
		return 0
	case "tr":
		return 1
	}
	return 2
}

// c is the word classes of t (looked up now for a lowercase word).
func (x *personScan) c(t ptoken) uint32 {
	if t.cap {
		return t.cls
	}
	return pt.class[keyOf(t)]
}

func (x *personScan) isTitle(t ptoken) bool {
	return x.c(t)&(cTitleSq<<x.shift) != 0
}

func (x *personScan) nameWord(t ptoken) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return t.cap && unicode.IsLetter(r)
}

// runs finds the runs of capitalized words and decides which are persons.
func (x *personScan) runs() {
	toks := x.toks
	x.used = make([]bool, len(toks))
	for i := 0; i < len(toks); {
		if !x.nameWord(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].gap <= gapInitial && !toks[j-1].suffix {
			t := toks[j]
			if x.nameWord(t) && (t.cls&cNotName == 0 && !x.isStop(t) || t.cls&cParticle != 0 && j+1 < len(toks) && x.nameWord(toks[j+1])) {
				// A capitalized function word inside a run starts a new
				// sentence whose end was lost (Law / The Reagan
				// administration).
				j++
				continue
			}
			// Particles join when a capitalized word follows them (Eduardo
			// de los Angeles).
			e := j
			for e < len(toks) && pt.class[toks[e].key]&cParticle != 0 && !toks[e].cap && x.particleOK(toks[e].key) && toks[e].gap <= gapSpace && !toks[e].suffix {
				e++
			}
			if e > j && e < len(toks) && x.nameWord(toks[e]) && toks[e].gap <= gapSpace {
				j = e + 1
				continue
			}
			break
		}
		x.run(i, j)
		i = j
	}
}

func (x *personScan) particleOK(k string) bool {
	switch x.lang {
	case "sq":
		return k != "i" && k != "e" && k != "te" && k != "se"
	case "tr":
		return k != "de" && k != "da" && k != "ile" && k != "ve"
	}
	return k != "i"
}

// run splits the run toks[i:j] at titles and judges each part.
func (x *personScan) run(i, j int) {
	toks := x.toks
	titled := false
	if i > 0 && toks[i].gap <= gapInitial && x.isTitle(toks[i-1]) && (!toks[i-1].suffix || toks[i-1].poss) {
		// A title with a case ending after an apostrophe is no apposition
		// (Genel Sekreteri'yle Kahire'de görüştük).
		// Words of kinship (kızı Selin'e, eşi Meziyet) name family members
		// by their given name: they make a full name a person's, not a
		// single word.
		titled = j-i > 1 || !kinTitles[keyOf(toks[i-1])]
	}
	// A lowercase demonym between the title and the name (kryeministrit
	// italian Masimo D'Alema, presidentin amerikan Trump).
	if i > 1 && toks[i].gap <= gapPunct && toks[i-1].gap <= gapSpace && !toks[i-1].cap && x.isPlace(toks[i-1]) && x.isTitle(toks[i-2]) {
		titled = true
	}
	if i > 0 && toks[i].gap <= gapSpace && x.c(toks[i-1])&cOrgBefore != 0 ||
		i > 1 && toks[i].gap <= gapPunct && toks[i-1].gap <= gapSpace && !toks[i-1].cap && x.c(toks[i-2])&cOrgBefore != 0 {
		// Universiteti Johns Hopkins; Instituti gjerman, Robert Koch.
		x.block(i, j)
		return
	}
	// A word of institutions right after the run (lowercase ilçesi, company)
	// makes the last part an institution's name.
	orgAfter := j < len(toks) && toks[j].gap <= gapSpace && !toks[j-1].suffix &&
		(toks[j].cap && x.isOrg(toks[j]) || x.lang == "tr" && hasPrefixIn(keyOf(toks[j]), trPlaceStems))
	start := i
	for k := i; k < j; {
		switch t := toks[k]; {
		case x.isOrg(t) && t.cls&cOrgBefore != 0:
			// An Albanian head before the name (Universitetin George
			// Mason, Institutit Robert Koch): the rest of the run is the
			// institution's name.
			x.block(start, j)
			return
		case x.isOrg(t):
			// The capitals before the institution word and the word are
			// the institution's name (Toll Brothers, Güven Hastanesi); a
			// name may follow it (Onur Ödülü Kadir İnanır'ın).
			x.block(start, k+1)
			titled = false
			start, k = k+1, k+1
		case x.isTitle(t) && x.titleHere(k, i):
			if start < k {
				// A part that a title ends is a part of the title
				// (Vice-Finance Minister, Genel Müdür Yardımcısı).
				x.part(start, k, false)
			}
			titled = true // a title opens the next part
			start, k = k+1, k+1
		default:
			k++
		}
	}
	if start < j {
		if orgAfter {
			x.block(start, j)
		} else {
			x.part(start, j, titled)
		}
	}
}

// titleHere tells whether the title at k opens a name. In Albanian, roles
// are written in lowercase before names (kryeministri Hoti); a capitalized
// one inside a sentence is an office's name (Zyra e Prokurorit Special).
func (x *personScan) titleHere(k, runStart int) bool {
	if x.lang != "sq" || abbrevTitles[x.toks[k].key] {
		return true
	}
	return k == runStart && x.toks[k].gap >= gapStop
}

// isOrg tells whether a word is a word of institutions, places or events.
func (x *personScan) isOrg(t ptoken) bool {
	if x.c(t)&cOrg != 0 {
		return true
	}
	return x.lang == "tr" && t.cap && x.isTrOrg(t.key)
}

func (x *personScan) isTrOrg(k string) bool {
	if len(k) < 3 {
		return false
	}
	return hasPrefixIn(k, pt.trOrg[k[:3]])
}

func hasPrefixIn(k string, stems []string) bool {
	for _, s := range stems {
		if strings.HasPrefix(k, s) {
			return true
		}
	}
	return false
}

// block records an institution's name: its words are used, and the name
// before the institution word (Ted Bates of Ted Bates Worldwide) names
// nobody elsewhere in the article; its last word alone names nobody either.
func (x *personScan) block(i, j int) {
	for k := i; k < j; k++ {
		x.used[k] = true
	}
	for i < j && x.toks[i].cls&cOrgBefore != 0 {
		i++ // Universitetin George Mason: George Mason names nobody here
	}
	e := j
	for e > i && x.isOrg(x.toks[e-1]) {
		e--
	}
	if e <= i {
		return
	}
	if x.blocked == nil {
		x.blocked = map[string]bool{}
	}
	x.blocked[x.slug(i, e)] = true
	if last := x.toks[e-1]; last.cls&cGiven == 0 {
		x.blocked[last.key] = true
	}
}

// part judges toks[i:j], a run of capitalized words without titles inside.
func (x *personScan) part(i, j int, titled bool) {
	toks := x.toks
	// Leading words that start sentences, and country words (Italian Prime
	// Minister, Kosovar), are no part of a name.
	for i < j && (toks[i].cls&cNotName != 0 || x.isStop(toks[i]) || x.isPlace(toks[i]) || x.c(toks[i])&cParticle != 0) {
		i++
	}
	for j > i && x.c(toks[j-1])&cParticle != 0 {
		j--
	}
	if j-i >= 2 && toks[j-1].cls&cFamiliar != 0 {
		j-- // Kadir Ağabey: a given name and a familiar word
	}
	if i >= j {
		return
	}
	if x.blocked[x.slug(i, j)] || j-i == 1 && x.blocked[toks[i].key] {
		// The name of an institution met earlier (Ted Bates Worldwide ...
		// Ted Bates is now owned by).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	// A name that starts with a given name after other capitals (Logitech
	// Türkiye Ürün Müdürü Selver Yıldız splits at the title; Elders William
	// O'Neill here): the capitals before it are no part of it.
	// After a title, title words of any language before the name end the
	// title (Attorney General Richard Willard).
	for titled && j-i >= 3 && toks[i].cls&(cTitleSq|cTitleTr|cTitleEn) != 0 && toks[i+1].cls&cGiven != 0 {
		i++
	}
	if !titled && toks[i].cls&cGiven == 0 {
		for k := i + 1; k < j-1; k++ {
			if toks[k].cls&cGiven == 0 {
				continue
			}
			// Initials before the given name stay (In Frankfurt F. Wilhelm
			// Christians).
			for k > i && utf8.RuneCountInString(toks[k-1].text) == 1 {
				k--
			}
			if k > i {
				x.loose = append(x.loose, [2]int{i, k})
				i = k
			}
			break
		}
	}
	for i < j && x.c(toks[i])&cParticle != 0 {
		i++
	}
	// An acronym after a name is a party or a company (Davutoğlu AKP'nin).
	if j-i >= 2 && isAcronym(toks[j-1]) && !toks[j-2].upper && toks[j-1].cls&cGenerational == 0 {
		j--
	}
	if i >= j {
		return
	}
	n := j - i
	if n >= 3 && !titled {
		// A name the article has written before, run into the next
		// sentence's first word (Enver Hoxha Shtype reklamen).
		for _, p := range x.persons {
			if len(p.given) > 0 && x.sameSurname(p.surname, toks[i+1].key) && sharesGiven(p.given, []string{toks[i].text}) {
				x.loose = append(x.loose, [2]int{i + 2, j})
				j, n = i+2, 2
				break
			}
		}
	}
	if x.lang == "tr" && n >= 3 && toks[j-1].suffix && x.knownFull(i, j) == nil && x.elsewhere(j-1) &&
		(toks[j-2].cls&cGiven == 0 || x.elsewhere(j-2)) {
		// Turkish full names are given names and one surname: a third
		// word with a case ending after the surname is the next noun
		// (Zafer Çağlayan Fitch'in raporuna).
		x.loose = append(x.loose, [2]int{j - 1, j})
		j, n = j-1, n-1
	}
	if x.lang == "sq" && n >= 3 && x.knownFull(i, j) == nil {
		// Albanian inflects a name on its last word only: a word with a
		// case ending inside a run ends the name, and the capitals after
		// it are the next phrase (Skender Hysenin Koordinator Shtetëror).
		for k := i + 1; k < j-1; k++ {
			if t := toks[k]; t.cls&cGiven == 0 && !t.upper && sqOblique(t.text) {
				x.loose = append(x.loose, [2]int{k + 1, j})
				j, n = k+1, k+1-i
				break
			}
		}
	}
	if n > 5 {
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	allUpper := true
	for k := i; k < j; k++ {
		if !toks[k].upper && utf8.RuneCountInString(toks[k].text) > 1 {
			allUpper = false
		}
	}
	known := x.knownFull(i, j)
	if known == nil && n >= 3 {
		// A known person's name followed by a place (Sadır Caparov
		// Ankara'ya): the name ends before it.
		if known = x.knownFull(i, j-1); known != nil {
			x.loose = append(x.loose, [2]int{j - 1, j})
			j--
			n--
		}
	}
	last := toks[j-1]
	if known == nil && titled && n == 1 {
		// A title and the surname of a known person name them even when
		// the surname alone would not (kryeministri Hoti, Bakan Şimşek).
		known = x.knownSurname(last.key)
	}
	honor := n >= 2 && last.cls&cHonorific != 0
	switch {
	case known != nil:
	case pt.notPersons[x.slug(i, j)]:
		x.block(i, j)
		return
	case titled && n == 1 && last.cls&cGiven != 0:
		// A title and a given name alone (kızı Selin'e, Mr Howard): no full
		// name of its own, a surname mention if the article has the person.
		x.loose = append(x.loose, [2]int{i, j})
		return
	case titled && n == 1 && (isAcronym(last) || last.upper || x.lang == "tr" && (trAbstract(last.key) || hasPrefixIn(last.key, trTitleStems))):
		// A title and a capitals-only word is a heading (MÜDÜR YOK);
		// Turkish -lık nouns name offices (Başkan Yardımcılığı), and a
		// title's inflected form is the title again (Sayın
		// Cumhurbaşkanımızın, Başbakan Yardımcına).
		x.loose = append(x.loose, [2]int{i, j})
		return
	case x.gazetteerName(i, j):
		x.block(i, j)
		return
	case titled && (n <= 3 || n == 4 && x.givenFirst(i, j)) && !x.isStop(last) && !x.isPlace(last):
	case n >= 2 && x.givenFirst(i, j) && !x.isStop(last) && last.cls&cNotName == 0:
		// The last word may be a country's name: Bülent Karadağ.
	case honor && last.cls&cGiven == 0:
	default:
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if !titled && known == nil && (allUpper && !x.byline(i, j) || i < x.head) {
		x.pending = append(x.pending, [2]int{i, j})
		return
	}
	x.add(i, j, known, allUpper)
	if titled {
		x.persons[len(x.persons)-1].titled = true
	}
}

// isAcronym tells whether a word is an abbreviation in capitals (AKP, MHP,
// SHBA, IBM): five letters at most, one vowel at most (OĞUZ is a surname).
func isAcronym(t ptoken) bool {
	if !t.upper || utf8.RuneCountInString(t.text) > 5 {
		return false
	}
	vowels := 0
	for _, c := range t.key {
		if strings.ContainsRune("aeiouy", c) {
			vowels++
		}
	}
	return vowels <= 1
}

// givenFirst tells whether toks[i:j] starts with a given name, after
// initials (F. Wilhelm Christians).
func (x *personScan) givenFirst(i, j int) bool {
	for k := i; k < j-1; k++ {
		if utf8.RuneCountInString(x.toks[k].text) > 1 {
			return x.toks[k].cls&cGiven != 0
		}
	}
	return false
}

// elsewhere tells whether the word at k is written elsewhere in the text
// without the word before it (Fitch'in ... Fitch'den ... Fitch, Türkiye'de).
func (x *personScan) elsewhere(k int) bool {
	for m, t := range x.toks {
		if m != k && t.key == x.toks[k].key && (m == 0 || x.toks[m-1].key != x.toks[k-1].key) {
			return true
		}
	}
	return false
}

// byline tells whether toks[i:j] is a line of its own, as a reporter's name
// stands at the end of an article (İBRAHİM KILINÇ, MURAT HOROZ - TUGAY
// SADAY): two or three words from the start of a line to its end.
func (x *personScan) byline(i, j int) bool {
	if j-i < 2 || j-i > 3 || x.toks[i].gap < gapPunct {
		return false
	}
	return j == len(x.toks) || x.toks[j].gap >= gapPunct
}

// gazetteerName tells whether toks[i:j] starts with a country's or an
// organization's name of several words (Kosta Rika, Doğu Avrupa is not one
// but Sri Lanka is).
func (x *personScan) gazetteerName(i, j int) bool {
	for _, e := range gz[x.toks[i].key] {
		if len(e.words) < 2 || len(e.words) > j-i || e.langs&langMask(x.lang) == 0 {
			continue
		}
		ok := true
		for w := 1; w < len(e.words) && ok; w++ {
			ok = e.words[w] == x.toks[i+w].key
		}
		if ok {
			return true
		}
	}
	return false
}

// trAbstract tells whether a Turkish word is an abstract -lık noun with a
// possessive (Yardımcılığı, Başkanlığı), which names an office, not a person.
func trAbstract(k string) bool {
	for _, s := range []string{"ligi", "lugu", "ligin", "lugun"} {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

func (x *personScan) slug(i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if particles[x.toks[k].key] || x.toks[k].key == "and" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(x.toks[k].key)
	}
	return b.String()
}

func (x *personScan) isStop(t ptoken) bool {
	return x.c(t)&(cStopSq<<x.shift) != 0
}

// isPlace tells whether a word names a country or an organization on its own
// (Kosovës, Turkish, NATO): such words start or end no person's name.
func (x *personScan) isPlace(t ptoken) bool {
	c := x.c(t)
	return c&(cPlaceSq<<x.shift) != 0 || t.upper && c&(cPlaceUpSq<<x.shift) != 0
}

// knownFull returns the known person whose name toks[i:j] writes: a given
// name and a surname of theirs, or a surname alone that names them alone.
func (x *personScan) knownFull(i, j int) *knownPerson {
	last := x.toks[j-1]
	cands := pt.knownBySurname[last.key]
	if x.lang == "sq" && len(cands) == 0 {
		sqNominatives(last.key, func(s string) bool {
			cands = pt.knownBySurname[s]
			return len(cands) > 0
		})
	}
	for _, kp := range cands {
		if j-i == 1 {
			if kp.surnameAlone {
				return kp
			}
			continue
		}
		for k := i; k < j-1; k++ {
			if pt.knownGiven[kp][x.toks[k].key] {
				return kp
			}
		}
	}
	return nil
}

// knownSurname returns the known person one of whose surnames key is, if
// only one has it.
func (x *personScan) knownSurname(k string) *knownPerson {
	cands := pt.knownBySurname[k]
	if x.lang == "sq" && len(cands) == 0 {
		sqNominatives(k, func(s string) bool {
			cands = pt.knownBySurname[s]
			return len(cands) > 0
		})
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return nil
}

// add records the person written toks[i:j] (given names then surname).
func (x *personScan) add(i, j int, known *knownPerson, upper bool) {
	toks := x.toks
	for k := i; k < j; k++ {
		x.used[k] = true
	}
	last := toks[j-1]
	gen := ""
	if j-i >= 3 && last.cls&cGenerational != 0 {
		gen, j = last.text, j-1
		last = toks[j-1]
	}
	// Given names keep what follows them in the text: Hans-Olaf, F. Wilhelm.
	var given []string
	for k := i; k < j-1; k++ {
		sep := " "
		switch toks[k+1].gap {
		case gapHyphen:
			sep = "-"
		case gapInitial:
			sep = ". "
		}
		given = append(given, toks[k].text+sep)
	}
	p := x.find(last.key, given, known)
	if p == nil {
		p = &pperson{surname: last.key, forms: map[string]int{}, known: known, upper: upper}
		x.persons = append(x.persons, p)
	}
	if len(given) > len(p.given) || (p.upper && !upper && len(given) >= len(p.given)) {
		p.given = given
	}
	if gen != "" {
		p.gen = gen
	}
	if !upper {
		p.upper = false
	}
	if p.known == nil {
		p.known = known
	}
	p.count(last.text)
	p.last = j - 1
}

// count records one mention written with this surname form.
func (p *pperson) count(form string) {
	if _, ok := p.forms[form]; !ok {
		if p.order == nil {
			p.order = map[string]int{}
		}
		p.order[form] = len(p.forms)
	}
	p.forms[form]++
	p.mentions++
}

// find returns the person of this article with this surname and compatible
// given names (none, or one of them shared), nil when there is none.
func (x *personScan) find(surname string, given []string, known *knownPerson) *pperson {
	var best *pperson
	for _, p := range x.persons {
		if known != nil && p.known == known {
			return p
		}
		if !x.sameSurname(p.surname, surname) {
			// Kollçaku and Kollqaku: one person when a given name is shared.
			if len(surname) < 6 || !oneEdit(p.surname, surname) || !sharesGiven(p.given, given) {
				continue
			}
		}
		if len(given) > 0 && len(p.given) > 0 && !sharesGiven(p.given, given) {
			continue
		}
		if len(given) > 0 && p.known != nil && p.known != known && !x.knownGivenIn(p.known, given) {
			continue // Hacer Davutoğlu is not the Davutoğlu the article named before
		}
		if best == nil || p.last > best.last {
			best = p
		}
	}
	return best
}

func (x *personScan) knownGivenIn(kp *knownPerson, given []string) bool {
	for _, g := range given {
		if pt.knownGiven[kp][fold(strings.TrimRight(g, " -."))] {
			return true
		}
	}
	return false
}

func sharesGiven(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			kx, ky := fold(strings.TrimRight(x, " -.")), fold(strings.TrimRight(y, " -."))
			if kx == ky || len(kx) >= 5 && oneEdit(kx, ky) {
				return true
			}
		}
	}
	return false
}

func (x *personScan) sameSurname(a, b string) bool {
	if a == b {
		return true
	}
	if x.lang != "sq" {
		return false
	}
	return sqStems(a, func(s string) bool {
		return sqStems(b, func(t string) bool { return s == t })
	})
}

// confirmUpper accepts the capitals-only names (TANSU ÇİLLER:) that the
// article also writes in mixed case, and the names of a title-case heading
// whose surname the text below it writes (Sharon Predicts Gains is no name).
func (x *personScan) confirmUpper() {
	for _, r := range x.pending {
		last := x.toks[r[1]-1]
		if r[0] < x.head && !last.upper {
			// The name ends at the last word the text below writes
			// (Nelson Mandela Visits Leeds Today ... Mandela met).
			for e := r[1]; e >= r[0]+2; e-- {
				if x.writtenBelow(x.toks[e-1].key) {
					x.add(r[0], e, nil, false)
					break
				}
			}
			continue
		}
		for _, p := range x.persons {
			if !p.upper && x.sameSurname(p.surname, last.key) {
				x.add(r[0], r[1], p.known, true)
				break
			}
		}
	}
}

// writtenBelow tells whether a capitalized word below the heading has the
// surname key k.
func (x *personScan) writtenBelow(k string) bool {
	for _, t := range x.toks[x.head:] {
		if t.cap && x.sameSurname(k, t.key) {
			return true
		}
	}
	return false
}

// titleCaseHead returns the token index where the first line ends when it is
// a heading in title case (Toy Safety Report Released, Tahliye İstedi
// Mahkeme Reddetti): there every word is capitalized, so a capitalized word
// is no hint of a name. 0 when the first line is not one.
func titleCaseHead(text string, toks []ptoken) int {
	caps, lower := 0, 0
	for k, t := range toks {
		if k > 0 && strings.IndexByte(text[toks[k-1].start:t.start], '\n') >= 0 {
			if caps >= 3 && lower == 0 {
				return k
			}
			return 0
		}
		if utf8.RuneCountInString(t.text) < 4 || t.upper {
			continue
		}
		if t.cap {
			caps++
		} else {
			lower++
		}
	}
	return 0
}

// repeated accepts the two- and three-word runs that started with no known
// given name and followed no title when their last word comes back alone
// later: a full name, then the surname, is how news names a person
// (Smajl Latifi ... Latifi ka bërë; Kalusha Bwalya ... Bwalya said).
func (x *personScan) repeated() {
	for _, r := range x.loose {
		i, j := r[0], r[1]
		if j-i < 2 || j-i > 3 || x.used[i] || x.toks[i].gap >= gapStop ||
			x.toks[i].gap <= gapSpace && i > 0 && x.toks[i-1].cap {
			continue // a sentence's first word is too often no name (However, Tutje)
		}
		ok := true
		for k := i; k < j && ok; k++ {
			t := x.toks[k]
			ok = t.cap && !t.upper && utf8.RuneCountInString(t.text) >= 3 && (k == i || t.gap == gapSpace) &&
				!x.isStop(t) && t.cls&(cNotName|cParticle) == 0 && !x.isPlace(t) && !x.isOrg(t) && !x.isTitle(t)
		}
		if !ok || x.blocked[x.slug(i, j)] || x.lang == "sq" && sqObliqueKey(x.toks[i].key) {
			continue
		}
		first, last := x.toks[i].key, x.toks[j-1].key
		again := false
		for k, t := range x.toks {
			if k >= i && k < j {
				continue
			}
			if t.key == "" && fold(t.text[:1]) != first[:1] {
				continue // a lowercase word of another letter: no need to fold it
			}
			if x.sameSurname(first, keyOf(t)) && (k+1 >= len(x.toks) || x.toks[k+1].key != x.toks[i+1].key) {
				// The first word stands elsewhere without this surname: a
				// word of the text (Klasik Müzik, Radios Evropa), not a
				// given name, which news does not repeat alone.
				again = false
				break
			}
			if again || !t.cap || t.upper || x.used[k] {
				continue
			}
			alone := (k == 0 || !x.nameWord(x.toks[k-1]) || t.gap > gapSpace) &&
				(k+1 == len(x.toks) || !x.nameWord(x.toks[k+1]) || x.toks[k+1].gap > gapSpace || t.suffix)
			if alone && k > 0 && articles[keyOf(x.toks[k-1])] {
				alone = false // Shtëpinë e Bardhë: a noun after an article
			}
			if alone && x.sameSurname(last, t.key) {
				again = true
			}
		}
		if again {
			x.add(i, j, nil, false)
		}
	}
}

// articles are words that stand before nouns, not before a person's surname
// (Shtëpinë e Bardhë, the Spanish powerhouse).
var articles = wordSet("e i të së në nga me për the of in a an at to for from on by")

// link counts the surname-alone mentions: of the article's persons first,
// then of known persons whose surname names them alone.
func (x *personScan) link() {
	for k, t := range x.toks {
		if x.used[k] || !x.nameWord(t) || x.blocked[t.key] {
			continue
		}
		if k+1 < len(x.toks) && x.toks[k+1].gap <= gapSpace && x.c(x.toks[k+1])&cOrg != 0 && !t.suffix {
			continue // Kurti Foundation, Erdoğan Stadı
		}
		var best *pperson
		for _, p := range x.persons {
			if x.sameSurname(p.surname, t.key) && (best == nil || p.last > best.last) {
				best = p
			}
		}
		if best == nil {
			if kp := x.knownFull(k, k+1); kp != nil && !x.inName(k) {
				x.add(k, k+1, kp, t.upper)
			}
			continue
		}
		best.count(t.text)
		best.last = k
		x.used[k] = true
	}
}

// inName tells whether token k is a part of a longer run of capitals that
// holds a given name before it (Bilal Erdoğan is not the president): only
// surnames standing alone or after a title name a known person by surname.
func (x *personScan) inName(k int) bool {
	return k > 0 && x.toks[k].gap <= gapSpace && x.toks[k-1].cls&cGiven != 0 && x.toks[k-1].cap && !x.isTitle(x.toks[k-1])
}

func (x *personScan) result() []PersonMention {
	if len(x.persons) == 0 {
		return nil
	}
	out := make([]PersonMention, 0, len(x.persons))
	seen := map[string]int{}
	for _, p := range x.persons {
		if p.known == nil && !p.titled && x.blocked[p.surname] {
			continue // Adem Jashari of aeroporti Adem Jashari, met before the airport
		}
		name := x.displayName(p)
		id := ""
		if p.known != nil {
			id = pt.knownID[p.known]
		} else {
			id = PersonID(name)
		}
		if at, ok := seen[id]; ok {
			out[at].Mentions += p.mentions
			continue
		}
		seen[id] = len(out)
		out = append(out, PersonMention{ID: id, Name: name, Mentions: p.mentions})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// displayName is the fullest form of p: its given names and its most
// nominative surname form (Albanian Shala over Shalën, Grenell over
// Grenellin), in mixed case.
func (x *personScan) displayName(p *pperson) string {
	forms := make([]string, 0, len(p.forms))
	for f := range p.forms {
		forms = append(forms, f)
	}
	sort.Slice(forms, func(i, j int) bool {
		a, b := forms[i], forms[j]
		if ua, ub := isUpperWord(a), isUpperWord(b); ua != ub {
			return !ua
		}
		if x.lang == "sq" {
			if oa, ob := sqOblique(a), sqOblique(b); oa != ob {
				return !oa
			}
		}
		if p.forms[a] != p.forms[b] {
			return p.forms[a] > p.forms[b]
		}
		return p.order[a] < p.order[b]
	})
	surname := forms[0]
	if x.lang == "sq" && sqOblique(surname) {
		surname = sqNominative(surname)
	}
	var b strings.Builder
	for _, g := range append(append([]string{}, p.given...), surname) {
		orig := strings.TrimRight(g, " -.")
		w := orig
		if isUpperWord(w) {
			w = titleCase(w, x.lang)
		}
		b.WriteString(w + g[len(orig):])
	}
	if p.gen != "" {
		b.WriteString(" " + p.gen)
	}
	return b.String()
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

// titleCase writes a capitals-only word as a name (DAVUTOĞLU → Davutoğlu,
// ÇİÇEK → Çiçek with Turkish dotted and dotless i).
func titleCase(w, lang string) string {
	r, size := utf8.DecodeRuneInString(w)
	rest := w[size:]
	if lang == "tr" {
		rest = strings.ToLowerSpecial(unicode.TurkishCase, rest)
	} else {
		rest = strings.ToLower(rest)
	}
	return string(r) + rest
}

// sqOblique tells whether an Albanian name form carries a case ending of the
// genitive, dative, ablative or accusative (Kurtit, Kurtin, Ramës, Ramën,
// Veliut, Veliun).
func sqOblique(w string) bool {
	for _, s := range []string{"it", "in", "ut", "un", "ës", "ën", "së", "në", "jt", "jn"} {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w) > utf8.RuneCountInString(s)+2 {
			return true
		}
	}
	return false
}

// sqObliqueKey is sqOblique on a folded key, for texts that drop the ë
// (Lidhjes for Lidhjës): a weaker hint, used only to doubt a name.
func sqObliqueKey(k string) bool {
	for _, s := range []string{"it", "in", "ut", "un", "es", "en", "se", "ne", "jt", "jn"} {
		if strings.HasSuffix(k, s) && len(k) > len(s)+2 {
			return true
		}
	}
	return false
}

// sqNominative gives the nominative of an oblique Albanian name form when no
// nominative was written: Ramazanit → Ramazani, Malokun → Maloku, Shalën →
// Shala.
func sqNominative(w string) string {
	switch {
	case strings.HasSuffix(w, "it"), strings.HasSuffix(w, "in"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ut"), strings.HasSuffix(w, "un"), strings.HasSuffix(w, "jt"), strings.HasSuffix(w, "jn"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ës"), strings.HasSuffix(w, "ën"):
		return w[:len(w)-len("ës")] + "a"
	}
	return w
}

// sqNameStems gives the key of an Albanian name form and the keys it may
// have without a case or article ending, so that Kurti, Kurtit and Kurtin,
// or Rama, Ramës and Ramën, share a stem. Keys are folded (ë is e).
func sqNameStems(k string) []string {
	var out []string
	sqStems(k, func(s string) bool { out = append(out, s); return false })
	return out
}

// sqStems calls f with k and each of its stems (as sqNameStems) until f
// returns true, and tells whether it did; it allocates nothing.
func sqStems(k string, f func(string) bool) bool {
	if f(k) {
		return true
	}
	for _, s := range sqNameEndings {
		if strings.HasSuffix(k, s) && len(k)-len(s) >= 3 && f(k[:len(k)-len(s)]) {
			return true
		}
	}
	return false
}

// generational are the words that may follow a surname (Andres Soriano III).
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// sqNominatives calls f with k and the nominative keys an Albanian case form
// may come from (Ramës → rama, Kurtit → kurti, Erdoganit → erdogani and
// erdogan, Veliut → veliu, Erdogani → erdogan) until f returns true.
func sqNominatives(k string, f func(string) bool) bool {
	if f(k) {
		return true
	}
	n := len(k)
	if n < 5 {
		return false
	}
	switch k[n-2:] {
	case "it", "in":
		return f(k[:n-1]) || f(k[:n-2])
	case "ut", "un":
		return f(k[:n-1])
	case "es", "en":
		return f(k[:n-2] + "a")
	}
	return k[n-1] == 'i' && f(k[:n-1])
}

var sqNameEndings = []string{"it", "in", "ut", "un", "es", "en", "se", "ne", "i", "u", "a", "e", "n", "t", "s"}

// PersonID is the id of a person written name (a full name or a surname):
// the known person's id when the name is one of theirs, else the folded
// words joined by hyphens ("Arban Abrashi" → "arban-abrashi").
func PersonID(name string) string {
	ks := personKeys(name)
	if len(ks) == 0 {
		return ""
	}
	for _, kp := range pt.knownBySurname[ks[len(ks)-1]] {
		if len(ks) == 1 && kp.surnameAlone {
			return pt.knownID[kp]
		}
		for _, g := range ks[:len(ks)-1] {
			if pt.knownGiven[kp][g] {
				return pt.knownID[kp]
			}
		}
	}
	return strings.Join(ks, "-")
}

// personKeys splits a name into the keys of its words, as People reads them
// (O'Neill and D'Alema stay one word).
func personKeys(name string) []string {
	toks := ptokens(name)
	ks := make([]string, len(toks))
	for i, t := range toks {
		ks[i] = keyOf(t)
	}
	return ks
}

// LookupPerson maps one query word in any language and form (Erdogan,
// Erdoğan'ın, Erdoganit, Tokaev, Zhaparov) to the id of the known person whose
// surname it is, for cross-language query expansion. Case is ignored.
// Persons outside KnownPersons have slug ids: PersonQueryKeys gives the keys
// to match against their last part.
func LookupPerson(word string) (id string, ok bool) {
	for _, k := range PersonQueryKeys(word) {
		for _, kp := range pt.knownBySurname[k] {
			if kp.surnameAlone {
				return pt.knownID[kp], true
			}
		}
	}
	return "", false
}

// PersonQueryKeys gives the folded keys a query word may be a surname form of:
// the word itself without an apostrophe suffix (Erdoğan'ın → erdogan), and
// without an Albanian case ending (Kurtit → kurti, kurt) or a Turkish case
// ending written without the apostrophe (Erdoğanın → erdogan).
func PersonQueryKeys(word string) []string {
	toks := ptokens(strings.TrimSpace(word))
	if len(toks) == 0 {
		return nil
	}
	k := keyOf(toks[0])
	out := sqNameStems(k)
	sqNominatives(k, func(s string) bool {
		out = append(out, s)
		return false
	})
	for _, s := range trNameEndings {
		if strings.HasSuffix(k, s) && len(k)-len(s) >= 4 {
			out = append(out, k[:len(k)-len(s)])
		}
	}
	return out
}

var trNameEndings = []string{"nin", "nun", "in", "un", "ya", "ye", "yi", "yu", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "la", "le", "yla", "yle"}

// KnownPersonIDs lists the ids of the persons kerko knows under every
// spelling, in table order.
func KnownPersonIDs() []string {
	out := make([]string, len(knownPersons))
	for i := range knownPersons {
		out[i] = pt.knownID[&knownPersons[i]]
	}
	return out
}

// PersonName gives the canonical display name of a known person's id
// (recep-tayyip-erdogan → Recep Tayyip Erdoğan); ok is false for other ids,
// whose display name is the one People wrote.
func PersonName(id string) (name string, ok bool) {
	kp, ok := pt.knownByID[id]
	if !ok {
		return "", false
	}
	return kp.name, true
}

// buildClasses fills t.class from the word lists, so that a word is looked up
// once, not once per list.
func (t *personTables) buildClasses() {
	set := func(c uint32, keys map[string]bool) {
		for k := range keys {
			t.class[k] |= c
		}
	}
	set(cGiven, t.given)
	set(cTitleSq, t.titles["sq"])
	set(cTitleTr, t.titles["tr"])
	set(cTitleEn, t.titles["en"])
	set(cTitleSq|cTitleTr|cTitleEn, abbrevTitles)
	set(cOrg, t.org)
	set(cOrgBefore, t.orgBefore)
	set(cNotName, t.notName)
	set(cParticle, particles)
	set(cFamiliar, familiar)
	set(cHonorific, honorifics)
	set(cGenerational, generational)
	for k := range t.knownBySurname {
		t.class[k] |= cKnown
	}
	for k, w := range stopW {
		for i, c := range []uint32{cStopSq, cStopTr, cStopEn} {
			if w[i] > 0 {
				t.class[k] |= c
			}
		}
	}
	for k, es := range gz {
		for _, e := range es {
			if len(e.words) != 1 || e.kind == kindBlock {
				continue
			}
			for i, bit := range []uint8{langSq, langTr, langEn} {
				if e.langs&bit == 0 {
					continue
				}
				if e.cs == caseUpper {
					t.class[k] |= cPlaceUpSq << i
				} else {
					t.class[k] |= cPlaceSq << i
				}
			}
		}
	}
}

// personTables are the person extractor's lookup tables, built once.
type personTables struct {
	given          map[string]bool
	titles         map[string]map[string]bool
	org            map[string]bool
	orgBefore      map[string]bool
	notName        map[string]bool
	notPersons     map[string]bool
	class          map[string]uint32   // word classes by key (cGiven...)
	trOrg          map[string][]string // trOrgStems by their first three bytes
	knownBySurname map[string][]*knownPerson
	knownGiven     map[*knownPerson]map[string]bool
	knownID        map[*knownPerson]string
	knownByID      map[string]*knownPerson
}

var pt = buildPersonTables()

func buildPersonTables() *personTables {
	t := &personTables{
		given:          map[string]bool{},
		titles:         map[string]map[string]bool{},
		org:            wordSet(orgWords),
		orgBefore:      wordSet(orgHeadsBefore),
		notName:        wordSet(notNameWords),
		notPersons:     map[string]bool{},
		class:          map[string]uint32{},
		trOrg:          map[string][]string{},
		knownBySurname: map[string][]*knownPerson{},
		knownGiven:     map[*knownPerson]map[string]bool{},
		knownID:        map[*knownPerson]string{},
		knownByID:      map[string]*knownPerson{},
	}
	not := wordSet(notGiven)
	for _, line := range strings.Split(givenNamesFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if k := fold(line); !not[k] && len(k) >= 3 {
			t.given[k] = true
		}
	}
	for k := range wordSet(givenExtra) {
		t.given[k] = true
	}
	for k := range t.given {
		// Function words and country words are no given names here (Said,
		// India, Israel): a run they start is a sentence or a place.
		if w := stopW[k]; w != nil && (w[dSq] > 0 || w[dTr] > 0 || w[dEn] > 0) {
			delete(t.given, k)
		}
	}
	for _, st := range trOrgStems {
		st = fold(st)
		t.trOrg[st[:3]] = append(t.trOrg[st[:3]], st)
	}
	for _, n := range strings.Fields(notPersons) {
		t.notPersons[n] = true
	}
	for k := range t.given {
		// Country names and demonyms are no given names (German, India):
		// a run they start is a place's or an institution's name.
		for _, e := range gz[k] {
			if len(e.words) == 1 && e.kind != kindBlock {
				delete(t.given, k)
			}
		}
	}
	for l, ws := range titleWords {
		t.titles[l] = wordSet(ws)
	}
	for _, s := range strings.Fields(sqTitleStems) {
		for _, f := range sqTitleForms(s) {
			t.titles["sq"][fold(f)] = true
		}
	}
	for i := range knownPersons {
		kp := &knownPersons[i]
		id := strings.Join(keys(kp.name), "-")
		t.knownID[kp] = id
		t.knownByID[id] = kp
		g := map[string]bool{}
		for _, w := range strings.Fields(kp.given) {
			for _, k := range keys(w) {
				g[k] = true
			}
		}
		t.knownGiven[kp] = g
		for _, s := range strings.Fields(kp.surnames) {
			k := fold(s)
			t.knownBySurname[k] = append(t.knownBySurname[k], kp)
		}
	}
	for k, kps := range t.knownBySurname {
		// A surname that names a known person alone is no given name
		// (Erdoğan is one in Turkey; Erdoğan Kılıçdaroğlu'na is two men).
		for _, kp := range kps {
			if kp.surnameAlone {
				delete(t.given, k)
			}
		}
	}
	t.buildClasses()
	return t
}
