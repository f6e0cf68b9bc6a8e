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
	pt := tables()
	x := scanPool.Get().(*personScan)
	*x = personScan{pt: pt, text: text, toks: ptokensInto(pt, x.toks[:0], text), lang: lang, shift: langShift(lang),
		persons: x.persons[:0], used: x.used[:0], pending: x.pending[:0], loose: x.loose[:0], sbuf: x.sbuf[:0]}
	if lang == "sq" {
		// Albanian writes the l of Slavic and Greek names as ll (Nikolla,
		// Sllobodan, Millorad): their given names are the list's.
		for i := range x.toks {
			if t := &x.toks[i]; t.cap && t.cls&cGiven == 0 && strings.Contains(t.key, "ll") {
				t.cls |= x.pt.class[strings.ReplaceAll(t.key, "ll", "l")] & cGiven
			}
		}
	}
	if lang == "sq" {
		x.spacedDashes()
	}
	if lang == "tr" {
		x.markTrOrg()
		x.roles()
	}
	x.unitsAfterNumbers()
	if lang == "en" {
		x.enTokens()
		x.firms()
	}
	x.head = titleCaseHead(text, x.toks)
	x.listItems()
	x.runs()
	x.confirmUpper()
	x.repeated()
	x.lists()
	if lang == "sq" {
		x.sayers()
		x.appositions()
	}
	x.link()
	x.runOns()
	out := x.result()
	x.release()
	return out
}

// scanPool recycles the state of People between texts: an index build calls
// it once per article, and a token slice per call was a fifth of its cost;
// the run lists and the used marks were a tenth of its allocations.
var scanPool = sync.Pool{New: func() any { return &personScan{toks: make([]ptoken, 0, 512)} }}

// release puts x back in scanPool with its slices emptied, keeping no
// person of this text reachable from the pool.
func (x *personScan) release() {
	clear(x.persons[:cap(x.persons)])
	*x = personScan{toks: x.toks[:0], persons: x.persons[:0], used: x.used[:0], pending: x.pending[:0], loose: x.loose[:0], sbuf: x.sbuf[:0]}
	scanPool.Put(x)
}

// spacedDashes joins, in Albanian, a double surname written with a spaced
// dash (Pranvera Dobruna – Kryeziu, Meliza Haradinaj –Stublla) as the hyphen
// joins it: after a given name of the lists and a surname, a capitalized
// word in mixed case that is no given name, title, place or institution,
// and before no further name word. A dash between two full names, or before
// a place or a party, still parts them.
func (x *personScan) spacedDashes() {
	t := x.toks
	for k := 2; k < len(t); k++ {
		a, b, c := t[k-2], t[k-1], t[k]
		if c.gap != gapPunct || !c.cap || c.upper || !b.cap || b.upper || b.gap != gapSpace || !a.cap || a.cls&cGiven == 0 ||
			b.cls&cGiven != 0 || c.cls&(cGiven|cNotName|cParticle) != 0 || x.isTitle(&c) || x.isPlace(&c) || x.isOrg(&c) || x.isStop(&c) || x.sqOrg(c.key) {
			continue
		}
		between := strings.TrimSpace(x.text[b.start+len(b.text) : c.start])
		if between != "–" && between != "-" && between != "—" {
			continue
		}
		if k+1 < len(t) && t[k+1].gap <= gapSpace && x.nameWord(&t[k+1]) {
			continue
		}
		t[k].gap = gapHyphen
	}
}

// firms finds the English firms and stands named after people (John Blair
// and Co, Alex Brown & Sons, Marion Labs, the Matthew Harding stand, Booz
// Allen Hamilton) before any run is judged: the name names nobody anywhere
// in the article, also where the text writes it without the firm word
// (Capel ... James Capel and Co).
func (x *personScan) firms() {
	toks := x.toks
	for j := 1; j <= len(toks); j++ {
		if !x.nameWord(&toks[j-1]) || toks[j-1].suffix {
			continue
		}
		s := j - 1
		for s > 0 && toks[s].gap <= gapInitial && x.nameWord(&toks[s-1]) && !toks[s-1].suffix {
			s--
		}
		before := false
		for k := s; k < j-1; k++ {
			before = before || firmBefore[toks[k].key]
		}
		if !before && !x.firmAfter(s, j) {
			continue
		}
		if x.blocked == nil {
			x.blocked = map[string]bool{}
		}
		// Every tail of two words or more: the firm's words after a word
		// that starts a sentence or names a place are its name too. The
		// surname alone stays free: result drops the persons whose surname
		// is blocked, and Gordon Capel is no kin of James Capel and Co.
		for k := s; k < j-1; k++ {
			x.blocked[x.slug(k, j)] = true
		}
	}
}

// roleAfter are the Turkish words after a name that make it a role in a
// film or a series, or the title of one (Hannibal Lecter karakteri, Diriliş
// Ertuğrul dizisinin); roleVerbs after a name in the accusative (Gökçe
// Hatun'u oynayan, İbn-i Arabi'yi canlandıran), and roleBefore before a
// name (Gülsoy'un canlandırdığı Ted Bundy), say the same.
var (
	roleAfter = wordSet(`karakteri karakterini karakterinin karakterine karakteriyle karakterinde
rolu rolunu rolune rolunde rolundeki roluyle dizisi dizisinin dizisinde dizisine dizisini dizisiyle
filmi filminin filminde filmine filmini filmiyle filminden`)
	roleVerbs  = wordSet("canlandiran oynayan canlandiracak oynayacak")
	roleBefore = wordSet("canlandirdigi oynadigi canlandiracagi oynayacagi")
)

// roles finds, in a Turkish text, the names of roles in films and series
// and the titles of series (see roleAfter) before any run is judged, from a
// general cue next to them; a name of two words or more there names nobody
// anywhere in the article (Diriliş Ertuğrul'a ödül verildi ... Diriliş-Ertuğrul
// dizisinin), its surname alone stays free, as the labels count no role as
// a person even when the role is a real individual (round 12).
func (x *personScan) roles() {
	toks := x.toks
	for j := 1; j <= len(toks); j++ {
		if !x.nameWord(&toks[j-1]) {
			continue
		}
		s := j - 1
		for s > 0 && toks[s].gap <= gapHyphen && x.nameWord(&toks[s-1]) && !toks[s-1].suffix {
			s--
		}
		for s < j-1 && x.isTitle(&toks[s]) {
			s++ // Dr. Hannibal Lecter
		}
		if j-s < 2 || !x.roleNext(s, j) {
			continue
		}
		if x.blocked == nil {
			x.blocked = map[string]bool{}
		}
		for k := s; k < j-1; k++ {
			x.blocked[x.slug(k, j)] = true
		}
	}
}

// roleNext tells whether a cue of roles stands next to the run toks[s:j].
func (x *personScan) roleNext(s, j int) bool {
	toks := x.toks
	if s > 0 && toks[s].gap == gapSpace && !toks[s-1].cap && roleBefore[keyOf(toks[s-1])] {
		return true
	}
	if j >= len(toks) || toks[j].gap != gapSpace || toks[j].cap {
		return false
	}
	next := keyOf(toks[j])
	if !toks[j-1].suffix {
		return roleAfter[next]
	}
	return roleVerbs[next] && trAccusative(x.text[toks[j-1].start+len(toks[j-1].text):toks[j].start])
}

// trAccusative tells whether the apostrophe and ending between a name and
// the next word are the Turkish accusative ('ı, 'yi, 'nu ...).
func trAccusative(s string) bool {
	s = strings.TrimSpace(s)
	_, size := utf8.DecodeRuneInString(s)
	switch s[size:] {
	case "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "nı", "ni", "nu", "nü":
		return true
	}
	return false
}

// firmAfter tells whether the words after the run toks[s:j] continue it
// into a firm's or a stand's name: and Co, & Co, and Sons, Labs, or a
// lowercase stand after "the" (the Matthew Harding stand; "Brown stand
// trial" is a verb).
func (x *personScan) firmAfter(s, j int) bool {
	toks := x.toks
	if j >= len(toks) {
		return false
	}
	t := toks[j]
	if t.gap == gapSpace && t.cap && firmAfterWords[t.key] {
		return true
	}
	if t.gap == gapSpace && !t.cap && t.key == "stand" {
		return s > 0 && toks[s].gap == gapSpace && toks[s-1].key == "the" && !toks[s-1].cap
	}
	amp := t.gap == gapPunct && strings.TrimSpace(x.text[toks[j-1].start+len(toks[j-1].text):t.start]) == "&"
	if t.key == "and" && !t.cap && t.gap == gapSpace && j+1 < len(toks) {
		t = toks[j+1]
		amp = t.gap == gapSpace
	}
	return amp && t.cap && firmPartners[t.key] && (j+2 >= len(toks) || toks[j+2].gap != gapHyphen)
}

// unitsAfterNumbers takes the title classes off an abbreviated title that
// stands after a number without a dot of its own: there it is a unit (575 lt
// Bagaj hacmi, 8 mt), and the capitalized word after it is a table's next
// label, not a name.
func (x *personScan) unitsAfterNumbers() {
	const titles = cTitleSq | cTitleTr | cTitleEn
	for k := 1; k < len(x.toks); k++ {
		t, p := &x.toks[k], &x.toks[k-1] // pointers: this runs over every word
		if p.text == "" || p.text[0] < '0' || p.text[0] > '9' || t.gap > gapPunct || !abbrevTitles[keyOf(*t)] ||
			k+1 < len(x.toks) && x.toks[k+1].gap == gapInitial {
			continue
		}
		t.cls, t.lc = x.c(t)&^titles, !t.cap
	}
}

// pperson is a person being collected from one article.
type pperson struct {
	given    []string     // written given names (and particles) of the fullest form
	surname  string       // key of the surname (last word)
	forms    []formCount  // written surname forms and their counts, in the order met
	known    *knownPerson // when it is one of KnownPersons
	mentions int
	gen      string // Jr, III: written after the surname
	last     int    // token index of the latest mention
	upper    bool   // written only in capitals so far
	titled   bool   // named after a title at least once
	givenAt  int    // token index where the given names were written
}

// formCount is a written surname form and how often it was written.
type formCount struct {
	form string
	n    int
}

type personScan struct {
	pt      *personTables
	text    string
	toks    []ptoken
	lang    string
	shift   uint // langShift(lang)
	persons []*pperson
	used    []bool // tokens that belong to a mention or to an institution
	blocked map[string]bool
	pending [][2]int // capitals-only runs and runs of a title-case heading, to be confirmed
	head    int      // token index where a title-case first line ends (0: none)
	loose   [][2]int // runs that are no name of their own; their words may be surnames
	item    []int    // per token, when a labelled list was found: end+1 of a list item starting there, -1 inside a label or bracket
	sbuf    []byte   // slugBytes' buffer
	line1   int      // token index where the first line ends, +1 (0: not yet found)

	// English: the family name of an Asian name written first -> its
	// person (round 17).
	family map[string]*pperson
}

// firstLineEnd returns the index of the first token after the text's first
// line break (len(toks) when there is none).
func (x *personScan) firstLineEnd() int {
	if x.line1 == 0 {
		x.line1 = len(x.toks) + 1
		for k := 1; k < len(x.toks); k++ {
			if x.newlineBefore(k) {
				x.line1 = k + 1
				break
			}
		}
	}
	return x.line1 - 1
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
	cKnown   // a known person's surname
	cGivenTr // a given name in Turkish texts only (tr_given.txt)
	cOrgTr   // set per Turkish text: an institution stem or an inflected common noun (isOrg)
	cGzFirst // the first word of a gazetteer name of several words (gazetteerName)
	cOrgUp   // a company form in capitals only (AG, SA, ASA): as a word, a name (İlhan Aşa)
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
func (x *personScan) c(t *ptoken) uint32 {
	if t.cap || t.lc {
		return t.cls
	}
	return x.pt.classOf(t.key, t.text) // apart, so that c stays small enough to inline
}

// classOf is the classes of a lowercase word written text, whose key is
// key ("" when not folded yet; see keyOf).
func (pt *personTables) classOf(key, text string) uint32 {
	if key == "" {
		key = fold(text)
	}
	if !pt.capBloom.has(fnv(key)) {
		return 0 // most words are in no list
	}
	return pt.class[key]
}

func (x *personScan) isTitle(t *ptoken) bool {
	return x.c(t)&(cTitleSq<<x.shift) != 0
}

// nameWord tells whether t is a capitalized word. ptokensInto sets cap only
// when the first rune is an uppercase letter, so cap alone says it: this is
// asked of every token several times, and decoding the rune again was a
// fifth of link's time.
func (x *personScan) nameWord(t *ptoken) bool {
	return t.cap
}

// runs finds the runs of capitalized words and decides which are persons.
func (x *personScan) runs() {
	toks := x.toks
	x.used = append(x.used[:0], make([]bool, len(toks))...) // all false, in the pooled slice
	for i := 0; i < len(toks); {
		if x.item != nil && x.item[i] != 0 {
			if e := x.item[i]; e > 0 {
				x.listItem(i, e-1)
				i = e - 1
			} else {
				x.used[i] = true // a list's label or a club in brackets: no surname either
				i++
			}
			continue
		}
		if !x.nameWord(&toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].gap <= gapInitial && !toks[j-1].suffix {
			t := toks[j]
			if x.item != nil && x.item[j] != 0 {
				break // a list's label or item starts a new run
			}
			if x.lang == "en" && x.capsLineEnd(j) {
				break // a heading in capitals ends at its line's end (round 17)
			}
			if x.lang == "sq" && (t.text == "I" || t.text == "E") && t.gap == gapSpace && j+1 < len(toks) && toks[j+1].gap == gapSpace && toks[j+1].cap {
				break // a heading in title case goes on after a name (Vali Corleone I Ofron ...; round 17)
			}
			if x.nameWord(&t) && (t.cls&cNotName == 0 && !x.isStop(&t) || t.cls&cParticle != 0 && j+1 < len(toks) && x.nameWord(&toks[j+1]) ||
				x.monthSurname(j) || x.middleA(j)) {
				// A capitalized function word inside a run starts a new
				// sentence whose end was lost (Law / The Reagan
				// administration).
				j++
				continue
			}
			// A hyphenated given name written with a lowercase second part
			// (Kim Mahn-je, Rha Woong-bae) stays whole: a short piece after
			// the last word of a name of two words or more, unless it is an
			// English word that hyphens glue to names (Blair-led).
			if x.lang == "en" && t.gap == gapHyphen && !t.cap && j-1 > i && toks[j-1].cap && !toks[j-1].upper &&
				(utf8.RuneCountInString(t.text) <= 4 || asianSyllable(t.key)) && !hyphenWords[t.key] {
				j++
				break
			}
			// Particles join when a capitalized word follows them (Eduardo
			// de los Angeles).
			e := j
			for e < len(toks) && !toks[e].cap && toks[e].gap <= gapSpace && !toks[e].suffix && x.c(&toks[e])&cParticle != 0 && x.particleOK(toks[e].key) {
				e++
			}
			// An Albanian name may hold an Ottoman honorific in lowercase
			// between a given name and the surname (Esat pashë Toptanit,
			// Ismail bej Vlora).
			if e == j && x.lang == "sq" && j+1 < len(toks) && sqInnerHonorifics[t.key] && !t.cap && t.gap <= gapSpace &&
				toks[j-1].cls&(cGiven|cGivenTr) != 0 && x.nameWord(&toks[j+1]) && toks[j+1].gap <= gapSpace {
				e = j + 1
			}
			// Arabic al-/el- join with a hyphen (Sadeq al-Mahdi).
			if e > j && e < len(toks) && x.nameWord(&toks[e]) && (toks[e].gap <= gapSpace || toks[e].gap == gapHyphen && (toks[e-1].key == "al" || toks[e-1].key == "el")) {
				j = e + 1
				continue
			}
			break
		}
		x.run(i, j)
		i = j
	}
}

// middleA tells whether the English A at k is a middle initial: written
// A. between a given name of the lists and a capitalized word (Thomas A.
// Cooper); elsewhere it is the article.
func (x *personScan) middleA(k int) bool {
	t := x.toks
	return x.lang == "en" && t[k].text == "A" && k > 0 && k+1 < len(t) && t[k-1].cls&cGiven != 0 && !t[k-1].upper &&
		t[k+1].gap == gapInitial && t[k+1].cap && !t[k+1].upper && x.nameWord(&t[k+1])
}

// monthSurname tells whether the month word at k is a surname: right after
// a given name of the lists in mixed case, last in its run, before no
// number (Theresa May said; not Paris, May 5).
func (x *personScan) monthSurname(k int) bool {
	t, p := x.toks[k], x.toks[k-1]
	if !months[t.key] || t.upper || t.gap != gapSpace || p.cls&(cGiven|cGivenTr) == 0 || p.upper || p.suffix {
		return false
	}
	if k+1 < len(x.toks) {
		n := x.toks[k+1]
		if n.gap <= gapInitial && (n.cap || isDigits(n.text)) || n.gap <= gapPunct && isDigits(n.text) {
			return false
		}
	}
	return true
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
	if i > 0 && toks[i].gap <= gapInitial && x.isTitle(&toks[i-1]) && (!toks[i-1].suffix || toks[i-1].poss) && !(x.lang == "en" && x.capsLineEnd(i)) {
		// A title with a case ending after an apostrophe is no apposition
		// (Genel Sekreteri'yle Kahire'de görüştük).
		// Words of kinship (kızı Selin'e, eşi Meziyet) name family members
		// by their given name: they make a full name a person's, not a
		// single word.
		titled = j-i > 1 || !kinTitles[keyOf(toks[i-1])]
	}
	// A lowercase demonym between the title and the name (kryeministrit
	// italian Masimo D'Alema, presidentin amerikan Trump).
	if i > 1 && toks[i].gap <= gapPunct && toks[i-1].gap <= gapSpace && !toks[i-1].cap && x.isPlace(&toks[i-1]) && x.isTitle(&toks[i-2]) {
		titled = true
	}
	if i > 0 && (toks[i].gap <= gapSpace || toks[i].gap == gapPunct && x.quoteBefore(i)) && x.c(&toks[i-1])&cOrgBefore != 0 ||
		i > 1 && toks[i].gap <= gapPunct && toks[i-1].gap <= gapSpace && !toks[i-1].cap && x.c(&toks[i-2])&cOrgBefore != 0 {
		// Universiteti Johns Hopkins; rrugën “Bardhyl Qaushi”; Instituti
		// gjerman, Robert Koch.
		x.block(i, j)
		return
	}
	if x.lang == "sq" && i > 0 && toks[i].gap == gapPunct && isAcronym(toks[i-1]) && toks[i-1].cls&cKnown == 0 && x.quotedAfter(i, j) {
		// A school or a university by its initials and the person it is
		// named after in quotes (UP “Haxhi Zeka”, SHFMU “Naim Frashëri”).
		x.block(i, j)
		return
	}
	if x.lang == "en" && i > 1 && toks[i].gap == gapSpace && toks[i-1].key == "of" && !toks[i-1].cap &&
		toks[i-1].gap == gapSpace && toks[i-2].cap && x.isOrg(&toks[i-2]) && !x.isTitle(&toks[i]) {
		// What an institution is of is a place or a field, not a person
		// (the Bank of Nova Scotia, Institute of Mining); a title or a
		// given name after it opens a name (Bank of Israel Governor Michael
		// Bruno, Bank of England Robin Leigh-Pemberton).
		for k := i + 1; k < j; k++ {
			if x.isTitle(&toks[k]) || k < j-1 && toks[k].cls&cGiven != 0 {
				x.block(i, k)
				x.run(k, j)
				return
			}
		}
		x.block(i, j)
		return
	}
	if x.lang == "sq" && j-i >= 2 && (toks[i].cap && !toks[i].upper && (x.c(&toks[i])&cOrgBefore != 0 || sqThingHeads[toks[i].key]) || toks[i].text == "TV") {
		// A capitalized head opens the name of a thing (Gazeta Express,
		// Garda Ceremoniale, Çmimin Saharov, TV Newsmax Adria Serbia), as
		// its lowercase form does before one (round 17).
		x.block(i+1, j)
		return
	}
	if x.lang == "sq" && i > 1 && toks[i].gap == gapSpace && toks[i-1].gap == gapSpace && !toks[i-1].cap && toks[i-2].cap && !toks[i-2].upper && sqThingHeads[toks[i-2].key] {
		// The same with a lowercase adjective between (Kompania ajrore
		// Lufthansa); a lowercase head names a person's post (presidenti i
		// kompanisë Pascal Soriot) and stays out (round 17).
		x.block(i, j)
		return
	}
	if x.lang == "sq" && j-i >= 2 && toks[i].text == "KM" && toks[i+1].gap == gapSpace {
		// KM, kryeministri, before a name (KM Hoti, zv. KM Abazi); in
		// lowercase km are kilometres (round 17).
		x.used[i] = true
		i, titled = i+1, true
	}
	if x.lang == "sq" && j-i == 2 && isQeveri(toks[i].key) && toks[i+1].gap == gapSpace && !toks[i+1].upper &&
		!x.lowerElsewhere(toks[i+1].key) {
		// A cabinet is named after its prime minister (Qeveria Hoti,
		// Qeverinë Kurti): the word after it is a surname, unless the
		// text writes it in lowercase too, a mocking common word (Qeveria
		// “Koti”, "in vain").
		x.used[i] = true
		x.part(i+1, j, true)
		return
	}
	if x.lang == "sq" && j-i == 1 && i > 0 && !toks[i].upper && isQeveri(keyOf(toks[i-1])) && !x.lowerElsewhere(toks[i].key) &&
		(toks[i].gap == gapSpace || toks[i].gap == gapPunct && x.quoteBefore(i) && strings.TrimSpace(x.text[toks[i-1].start+len(toks[i-1].text):toks[i].start]) != ",") {
		// The same in lowercase or in quotes (qeverisë Hoti, Qeveria
		// “Hoti”).
		x.part(i, j, true)
		return
	}
	// A word of institutions right after the run (lowercase ilçesi, company)
	// makes the last part an institution's name.
	orgAfter := j < len(toks) && toks[j].gap <= gapSpace && !toks[j-1].suffix &&
		(toks[j].cap && x.isOrg(&toks[j]) || x.lang == "tr" && hasPrefixIn(keyOf(toks[j]), trPlaceStems) || x.lang == "en" && !toks[j].cap && thingAfterEn[toks[j].key])
	orgAfter = orgAfter || x.lang == "en" && x.tickerAfter(j)
	start := i
	for k := i; k < j; {
		switch t := toks[k]; {
		case k == start && x.strongName(k, j, titled || k > i && x.isTitle(&toks[k-1])):
			// A name-like place holds a name whose words are also common
			// or institution words (Prof. Dr. Savaş Abak; a byline Özgür
			// ALTUNCU - Özgür ARSLAN; Ezgi Akıncılar, Belediye Başkanı,).
			x.add(k, j, x.knownFull(k, j), x.allUpper(k, j))
			x.persons[len(x.persons)-1].titled = true
			return
		case x.isOrg(&t) && t.cls&cOrgBefore != 0:
			// An Albanian head before the name (Universitetin George
			// Mason, Institutit Robert Koch): the rest of the run is the
			// institution's name.
			x.block(start, j)
			return
		case x.isOrg(&t) && titled && x.lang == "tr" && k-start >= 2 && k-start <= 3 && x.trNounAfterName(t) &&
			(toks[start].upper || x.givenFirst(start, k)):
			// A title, a name, then a common noun with an ending that a
			// heading in capitals or title case capitalized (GENEL MÜDÜRÜ
			// SERDAR URÇAR RÖPORTAJI): the noun ends the name, it names no
			// institution.
			x.part(start, k, true)
			titled = false
			start, k = k+1, k+1
		case x.isOrg(&t) && !orgAfter && x.orgSurname(start, k, j, titled):
			k++ // BBC correspondent Simon Hall; Greg Mills, program director (round 17)
		case x.isOrg(&t) && titled && x.trNameBeforeOrg(start, k):
			x.part(start, start+2, true) // round 17
			x.block(start+2, k+1)
			titled = false
			start, k = k+1, k+1
		case x.isOrg(&t):
			// The capitals before the institution word and the word are
			// the institution's name (Toll Brothers, Güven Hastanesi); a
			// name may follow it (Onur Ödülü Kadir İnanır'ın).
			x.block(start, k+1)
			titled = false
			start, k = k+1, k+1
		case x.isTitle(&t) && x.titleHere(k, i, j) && !(x.lang == "en" && k == j-1 && k > start && toks[k-1].cls&cGiven != 0 && !toks[k-1].upper):
			// An English title word after a given name, last in the run, is
			// a surname (Kristin King, Carole King), not a title.
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

// strongName tells whether toks[i:j], in a Turkish text, is two or three
// words that open with a given name, common-word ones included (Savaş, Umut,
// Özgür), and stand where only a name stands: after a title (Prof. Dr.,
// Av., Doç.), as a line of bylines in capitals joined by dashes or slashes
// (Özgür ALTUNCU - Özgür ARSLAN), or before a comma and a role that a comma
// or a sentence end closes (Savaş Abak, AK Parti Milletvekili,). There a word
// that is also a common noun or an institution's stem (savaş, war) does not
// make the run an institution; a title's stem or an office noun still does
// (Savaş Bakanlığı).
func (x *personScan) strongName(i, j int, titled bool) bool {
	if x.lang != "tr" || j-i < 2 || j-i > 3 {
		return false
	}
	toks := x.toks
	g := toks[i]
	if g.cls&(cGiven|cGivenTr) == 0 && !trCommonGivens[g.key] && !x.pt.notGivenTr[g.key] {
		return false
	}
	for k := i; k < j; k++ {
		t := toks[k]
		if !x.nameWord(&t) || utf8.RuneCountInString(t.text) < 2 || k > i && t.gap != gapSpace ||
			k < j-1 && t.suffix || x.isTitle(&t) || x.isStop(&t) || x.isPlace(&t) || t.cls&(cNotName|cParticle|cKnown) != 0 && k > i ||
			t.cls&(cFamiliar|cHonorific) != 0 || hasPrefixIn(t.key, trTitleStems) || trAbstract(t.key) || isAcronym(t) ||
			k > i && (x.isTrOrg(t.key) || x.isOrg(&t) && trPossessed(x.pt, t.key) || !t.upper && x.pt.isTrCommon(t.key)) {
			return false
		}
	}
	if j-i == 3 && toks[j-1].suffix {
		return false // Bakan Zafer Çağlayan Fitch'in: the next noun (part)
	}
	if x.bylineLine(i, j) {
		return true
	}
	// Elsewhere a word in capitals is a heading's (SAYIN ARINÇ HERHALDE),
	// and a run of listed given names and surnames without a common word
	// is part's to judge.
	hard := g.cls&(cGiven|cGivenTr) == 0 || x.isOrg(&g)
	for k := i; k < j; k++ {
		if toks[k].upper {
			return false
		}
		hard = hard || x.isOrg(&toks[k]) && !toks[k].suffix
	}
	return hard && (titled || x.roleAfter(j))
}

// trPossessed tells whether a Turkish key is a common noun with a
// possessive ending (Röportajı, Kitabı): after a name it is the noun the name
// is of (Murat Acar Röportajı), where a case ending on a surname is the
// name's (Korkutan).
func trPossessed(t *personTables, k string) bool {
	n := len(k)
	return n > 0 && (k[n-1] == 'i' || k[n-1] == 'u') && trInflected(t, k)
}

// allUpper tells whether toks[i:j] are written in capitals (initials aside).
func (x *personScan) allUpper(i, j int) bool {
	for k := i; k < j; k++ {
		if !x.toks[k].upper && utf8.RuneCountInString(x.toks[k].text) > 1 {
			return false
		}
	}
	return true
}

// bylineLine tells whether toks[i:j] is one of two or three names that
// make a line of their own, joined by dashes or slashes, the surnames in
// capitals (Özgür ALTUNCU - Özgür ARSLAN, SAVAŞ ABAK / EZGİ AKINCILAR).
func (x *personScan) bylineLine(i, j int) bool {
	if !x.toks[j-1].upper {
		return false
	}
	ls := strings.LastIndexByte(x.text[:x.toks[i].start], '\n') + 1
	last := x.toks[j-1]
	le := strings.IndexByte(x.text[last.start:], '\n')
	if le < 0 {
		le = len(x.text)
	} else {
		le += last.start
	}
	line := x.text[ls:le]
	if strings.TrimSpace(line) == "" || len(line) > 120 {
		return false
	}
	items := strings.FieldsFunc(line, func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '/' })
	if len(items) < 2 || len(items) > 3 {
		return false
	}
	for _, it := range items {
		ws := strings.Fields(it)
		if len(ws) < 2 || len(ws) > 3 {
			return false
		}
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) || strings.ContainsAny(w, ".,:;!?\"“”") {
				return false
			}
		}
	}
	return true
}

// roleAfter tells whether a comma, then one to four capitalized words that
// end with a title, then a comma or a sentence end follow token j (Savaş
// Abak, AK Parti Milletvekili, dedi).
func (x *personScan) roleAfter(j int) bool {
	toks := x.toks
	if j >= len(toks) || toks[j].gap != gapPunct || strings.TrimSpace(x.text[toks[j-1].start+len(toks[j-1].text):toks[j].start]) != "," {
		return false
	}
	for k := j; k < j+4 && k < len(toks); k++ {
		t := toks[k]
		if !t.cap || k > j && t.gap > gapSpace {
			return false
		}
		if hasPrefixIn(t.key, trTitleStems) || x.isTitle(&t) {
			return k+1 == len(toks) || toks[k+1].gap >= gapPunct
		}
	}
	return false
}

// quoteBefore tells whether a quotation mark stands between token i and the
// one before it (rrugën “Bardhyl Qaushi”).
// quotedAfter tells whether toks[i:j] stands alone in quotes right after
// the word before it (UP “Haxhi Zeka”): an opening quote before it and a
// closing one after it, nothing else.
func (x *personScan) quotedAfter(i, j int) bool {
	p, l := x.toks[i-1], x.toks[j-1]
	switch strings.TrimSpace(x.text[p.start+len(p.text) : x.toks[i].start]) {
	case "“", "\"", "„", "«":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(x.text[l.start+len(l.text):])
	return r == '”' || r == '"' || r == '“' || r == '»'
}

func (x *personScan) quoteBefore(i int) bool {
	p := x.toks[i-1]
	return strings.ContainsAny(x.text[p.start+len(p.text):x.toks[i].start], "\"“”„«»'‘’")
}

// titleHere tells whether the title at k opens a name. In Albanian, roles
// are written in lowercase before names (kryeministri Hoti); a capitalized
// one inside a sentence is an office's name (Zyra e Prokurorit Special).
//
// A capitalized role right before a known person's surname, the run's last
// word, is the role all the same (Kryeministrit Hoti): an office is named by
// its role and what it is of, not by a surname.
func (x *personScan) titleHere(k, runStart, runEnd int) bool {
	if x.sqMiddleInitial(k, runStart, runEnd) {
		return false // Bedri Z. Islami: an initial, not the title z. (round 17)
	}
	if x.lang != "sq" || abbrevTitles[x.toks[k].key] {
		return true
	}
	if k == runStart && x.toks[k].gap >= gapStop {
		return true
	}
	return k+2 == runEnd && x.toks[k+1].gap == gapSpace && !x.toks[k+1].upper && x.knownSurname(x.toks[k+1].key) != nil
}

// isOrg tells whether a word is a word of institutions, places or events.
func (x *personScan) isOrg(t *ptoken) bool {
	if c := x.c(t); c&cOrg != 0 || t.upper && c&cOrgUp != 0 {
		return true
	}
	return x.lang == "tr" && t.cap && t.cls&cOrgTr != 0
}

// markTrOrg sets cOrgTr on the capitalized words of a Turkish text that are
// institution words (Kurulunun, İlçesindeki) or common nouns with an ending
// (Bölgesi), once per word rather than at every isOrg.
func (x *personScan) markTrOrg() {
	for i := range x.toks {
		t := &x.toks[i]
		if t.cap && (x.isTrOrg(t.key) || t.cls&(cGiven|cTitleTr|cKnown) == 0 && trInflected(x.pt, t.key)) {
			t.cls |= cOrgTr
		}
	}
}

// trInflected tells whether a Turkish word is a common noun or adjective
// with a case, possessive or plural ending written without an apostrophe
// (Bölgesi, Cerrahisi, Mozaiği, Koalisyona, Lacivertliler): Turkish spelling
// sets a name's endings off with an apostrophe, so such a word in capitals is
// a part of an institution's or a thing's name, not a surname.
func trInflected(t *personTables, k string) bool {
	if len(k) < 6 || t.isTrCommon(k) || strings.HasSuffix(k, "oglu") {
		return false
	}
	for _, s := range trInflections {
		if !strings.HasSuffix(k, s) || len(k)-len(s) < 4 || len(s) == 1 && len(k) < 7 {
			// A vowel alone after a short stem is as often a surname's
			// own end (Hariri, Çelebi).
			continue
		}
		st := k[:len(k)-len(s)]
		if t.isTrCommon(st) {
			return true
		}
		// Consonant softening before a vowel: mozaiği → mozaik. The
		// stem's hash goes on from its prefix's, and the stem is built
		// only when the bloom filter lets it through.
		if soft, ok := trSoftened[st[len(st)-1]]; ok {
			pre := st[:len(st)-1]
			if h := (fnv(pre) ^ uint32(soft[0])) * fnvPrime; t.trCommonBloom.has(h) && t.trCommon[pre+soft] {
				return true
			}
		}
	}
	return false
}

// trInflections are Turkish endings on folded keys: possessive, plural
// possessive, case endings and the -lI adjective's plural. Plural -lAr alone is left out: it ends surnames (Keçeciler, Türkler).
var trInflections = []string{"liler", "lilar", "lular", "luler", "lari", "leri", "si", "su",
	"ndan", "nden", "nda", "nde", "dan", "den", "tan", "ten", "da", "de", "ta", "te",
	"nin", "nun", "in", "un", "ya", "ye", "na", "ne", "yi", "yu", "ni", "nu", "a", "e", "i", "u"}

var trSoftened = map[byte]string{'g': "k", 'b': "p", 'c': "c", 'd': "t"}

func (x *personScan) isTrOrg(k string) bool {
	if len(k) < 3 {
		return false
	}
	return hasPrefixIn(k, x.pt.trOrg[k[:3]]) && !trOrgAdjective(k, x.pt.trOrg[k[:3]])
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
	for e > i && x.isOrg(&x.toks[e-1]) {
		e--
	}
	if e <= i {
		return
	}
	if x.toks[i].upper && x.toks[e-1].upper {
		return // a heading in capitals (ALZHEIMER HASTASI) names no institution
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
	// After a title a capitalized particle that two capitalized words
	// follow opens the name: it is a surname (Başbakanı Le Duc Tho), and a
	// name is not cut after its first word.
	keepParticle := titled && j-i >= 3 && toks[i].cap && !toks[i].upper && toks[i].cls&(cParticle|cNotName) == cParticle
	// An English given name that is a particle elsewhere opens the name
	// (quarterback Ben Roethlisberger; round 17).
	keepParticle = keepParticle || x.lang == "en" && j-i >= 2 && toks[i].cap && !toks[i].upper && givenEn[toks[i].key]
	for i < j && !keepParticle && !x.initialPair(i, j) && !x.initialGiven(i, j) && !x.sqInitialSurname(i, j) && !(sqWordGiven[toks[i].key] && x.sqGivenShape(i, j)) && !(titled && x.monthGiven(i, j)) && !x.knownPair(i, j) &&
		(toks[i].cls&cNotName != 0 || x.isStop(&toks[i]) || x.isPlace(&toks[i]) || x.c(&toks[i])&cParticle != 0) {
		i++
	}
	for j > i && x.c(&toks[j-1])&cParticle != 0 {
		j--
	}
	if x.lang == "tr" && j-i >= 3 && trEpithets[toks[i].key] && !toks[i].upper && toks[i+1].gap == gapSpace && toks[i+1].cls&(cGiven|cGivenTr) != 0 {
		// An epithet before a given name and more is no part of the name
		// (Gazi Mustafa Kemal, Şehit Ahmet Yılmaz); as a given name it
		// stands before a surname alone (Gazi Yaşargil).
		x.used[i] = true
		i++
		titled = true
	}
	if j-i >= 2 && toks[j-1].cls&cFamiliar != 0 {
		j-- // Kadir Ağabey: a given name and a familiar word
	}
	if i >= j {
		return
	}
	if titled && i > 0 && toks[i].gap <= gapInitial && x.pt.notPersonFirst[toks[i-1].key] && x.pt.notPersons[string(x.slugBytes(i-1, j))] {
		// A brand that reads as a title and a surname (Dr Pepper).
		x.block(i, j)
		return
	}
	if x.lang == "tr" && !titled && i > 0 && toks[i].gap == gapSpace && isDigits(toks[i-1].text) && !toks[i-1].suffix && x.knownFull(i, j) == nil {
		// Capitals right after a number are a nickname or a title (12 Dev
		// Adam, the national team; 7 Kocalı Hürmüz), not a name: Turkish
		// sets figures before nouns, and a list's numbers stand before a
		// dot.
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if x.blocked != nil && !(titled && x.lang == "tr" && j-i >= 2 && !x.roleNext(i, j)) && (x.blocked[string(x.slugBytes(i, j))] || j-i == 1 && x.blocked[toks[i].key]) {
		// The name of an institution met earlier (Ted Bates Worldwide ...
		// Ted Bates is now owned by). A Turkish firm named after its
		// founder, then the founder in full after a role (Adil Işık Giyim
		// ... başkanı Adil Işık): the role makes it a person's (round 17).
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
			if toks[k].cls&cGiven == 0 && (k != j-2 || !x.trCommonGiven(k, j)) {
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
	for i < j && !keepParticle && x.c(&toks[i])&cParticle != 0 {
		i++
	}
	if x.lang == "en" && i < j && x.blocked != nil && x.blocked[string(x.slugBytes(i, j))] {
		// The institution met earlier, after capitals cut before its
		// given name (Aa-2 Dayton Hudson's ... Dayton Hudson Corp).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if x.rankAfterTitle(i, j, titled) {
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if x.workTitle(i, titled) {
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if x.rankBefore(i, j) {
		// General Musharraf, President General Pervez Musharraf (round 17).
		x.used[i] = true
		i++
		titled = true
	}
	if i > 0 && i < j && toks[i].gap == gapSpace && toks[i-1].cap && placePrefixes[toks[i-1].key] {
		// Spanish and Portuguese saints name places (San Luis Obispo,
		// São João del Rei), not the saint.
		x.loose = append(x.loose, [2]int{i, j})
		return
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
	if x.lang == "tr" && n >= 3 && toks[j-1].suffix && toks[j-1].gap != gapHyphen && toks[j-2].gap != gapHyphen &&
		x.knownFull(i, j) == nil && x.elsewhere(j-1) && x.elsewhere(j-2) {
		// Turkish full names are given names and one surname: a third
		// word with a case ending after the surname is the next noun
		// (Zafer Çağlayan Fitch'in raporuna), when the second word comes
		// back without the first as a surname does; when only the third
		// does, it is the surname of a name of three words (Nuray Bucak
		// Güngör'ün ... Güngör).
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
	if known == nil && !titled && n == 2 && toks[j-1].cls&cGenerational != 0 && toks[j-1].upper && toks[j-1].key != "jr" && toks[j-1].key != "sr" {
		// A roman numeral is no surname: a given name and a numeral is a
		// product or a firm (Mark IV); a monarch has his title (King
		// Abdullah II).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if known == nil && !titled && n == 2 && toks[i+1].gap == gapHyphen {
		// Two capitalized words joined by a hyphen and nothing else are
		// a double given name or a double surname without its given name,
		// or a brand (Mercedes-Benz, Rolls-Royce, Clinton-D'Alema), or a
		// hyphenated given name whose surname went before (Koo Bon-yong):
		// no full name.
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if known == nil && !titled && x.lang == "en" && n == 2 && stateSurnames[toks[j-1].key] && !toks[j-1].suffix {
		// A capitalized word and a US state without a title is a firm
		// (Murray Ohio), not a person (round 16).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if known == nil && x.lang == "en" && n >= 2 && x.allInitials(i, j) {
		// Initials alone are an abbreviation (chief U.S. weapons
		// inspector: U. S), not a name (round 16).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	last := toks[j-1]
	if known == nil && titled && n == 1 {
		// A title and the surname of a known person name them even when
		// the surname alone would not (kryeministri Hoti, Bakan Şimşek).
		if known = x.knownSurname(last.key); known != nil && x.namesake(known, last.key) {
			known = nil
		}
	}
	if known == nil && x.lang == "tr" && n == 2 && !titled && x.trThingName(i, j) && !x.roleAfter(j) {
		// A given name that is a common word before a common noun, a
		// possessive, a club or a place's adjective names a thing
		// (İpek Yolu, Toprak Yılı, Altın Oran, Çaykur Rizespor, Pınar
		// Karşıyakalı), unless a role follows it (round 15).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if known == nil && x.lang == "tr" && n >= 2 && utf8.RuneCountInString(last.text) == 1 {
		// A given name and an initial alone (Ertan Ş., a suspect the
		// news does not name) or initials cut (J. R. R): no full name
		// (round 15).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if x.lang == "tr" && allUpper && x.trVerbIn(i, j) {
		// A heading in capitals with a verb (ÖRGÜTÜN LİDERİ OLMAKLA
		// SUÇLANIYOR) names nobody after its title word (round 15).
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	for k := i; k < j; k++ {
		if mixedCaps(toks[k].text) {
			// A handle or a brand in mixed case (ZoRRoKiN) is no name
			// (round 15).
			x.loose = append(x.loose, [2]int{i, j})
			return
		}
	}
	honor := n >= 2 && last.cls&cHonorific != 0
	asian := false
	switch {
	case known != nil:
	case x.pt.notPersonFirst[toks[i].key] && x.pt.notPersons[string(x.slugBytes(i, j))]:
		x.block(i, j)
		return
	case titled && i > 0 && castCues[keyOf(toks[i-1])] && (n == 1 || toks[i-1].cap && !x.givenFirst(i, j)):
		// A cast's cue names persons in full (starring Aamir Khan); one
		// word after it is a film or a union (actors Equity), and a
		// capitalized cue opens a heading or a title (Starring Role
		// Models) unless a given name follows.
		x.loose = append(x.loose, [2]int{i, j})
		return
	case titled && x.lang == "sq" && n == 1 && (x.sqOrg(last.key) || sqAdjective(last.key)):
		// A title and an institution or an adjective (kryetar Kuvendi,
		// Koordinatori Shkencor): an office, no name (round 17).
		x.loose = append(x.loose, [2]int{i, j})
		return
	case titled && n == 1 && last.cls&cGiven != 0 && !x.titledSurname(i):
		// A title and a given name alone (kızı Selin'e, Mr Howard): no full
		// name of its own, a surname mention if the article has the person.
		x.loose = append(x.loose, [2]int{i, j})
		return
	case titled && x.lang == "tr" && n <= 2 && hasPrefixIn(last.key, trTitleStems) && !x.givenFirst(i, j):
		// A title after a title, inflected (Sayın Genel Başkandır).
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
	case titled && (n <= 3 || n == 4 && x.givenFirst(i, j)) && !x.isStop(&last) && !x.isPlace(&last):
	case n >= 2 && x.givenFirst(i, j) && (!x.isStop(&last) && last.cls&cNotName == 0 || x.monthSurname(j-1)):
		// The last word may be a country's name: Bülent Karadağ.
	case x.trCommonGiven(i, j):
	case honor && last.cls&cGiven == 0:
	case x.slavicShape(i, j):
	case x.asianName(i, j):
		asian = true
	case x.sqInitialSurname(i, j):
	default:
		x.loose = append(x.loose, [2]int{i, j})
		return
	}
	if (!titled || x.lang == "en" && (allUpper || i < x.head)) && known == nil && (allUpper && !x.byline(i, j) || i < x.head) {
		if titled && allUpper && !x.givenFirst(i, j) {
			// A heading's title and capitals (FINANCE MINISTER MEETS
			// STOLTENBERG): its last word may name a person of the text.
			i = j - 1
		}
		x.pending = append(x.pending, [2]int{i, j})
		return
	}
	x.add(i, j, known, allUpper)
	if titled {
		x.persons[len(x.persons)-1].titled = true
	}
	if asian {
		x.familyFirst(i)
	}
	if x.lang == "sq" && known == nil && !allUpper {
		x.sqCoordinated(i, j)
	}
}

// castCues are the English words before a film's or a show's cast, titles
// of the names they come before only when those are full names.
var castCues = wordSet("starring co-starring actors actresses singers")

// trEpithets are Turkish epithets that stand before a full name.
var trEpithets = wordSet("gazi şehit merhum rahmetli")

// allInitials tells whether every word of toks[i:j] is a single letter.
func (x *personScan) allInitials(i, j int) bool {
	for k := i; k < j; k++ {
		if utf8.RuneCountInString(x.toks[k].text) != 1 {
			return false
		}
	}
	return true
}

// knownPair tells whether toks[i] and toks[i+1] are a known person's given
// name and surname: a day or a month that is a given name then opens the name
// (Sali Berisha; sali is the Turkish Tuesday), which it opens no other.
func (x *personScan) knownPair(i, j int) bool {
	if j-i < 2 || x.toks[i+1].gap != gapSpace {
		return false
	}
	kp := x.knownFull(i, i+2)
	return kp != nil && x.pt.knownGiven[kp][x.toks[i].key]
}

// placePrefixes open the names of places named after saints in Spanish and
// Portuguese; part cuts a run before its first given name (San | Luis
// Obispo), so it asks for them before the name that is left.
var placePrefixes = wordSet("san santa santo sao")

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// trCommonGivens are Turkish given names that are common words too (Barış
// peace, Deniz sea, Can soul), left out of the given names because a
// sentence or a name of a thing starts with them as often (Deniz
// Kuvvetleri, Barış Pınarı).
var trCommonGivens = wordSet(`Can Bahar Barış Umut Güneş Yıldız Deniz Doğan Derya Nur Gül Özgür
Bora Ege Arda Tuna Başar Erdem Ergin Zafer Bayram Ramazan Sevgi Irmak Toprak Devrim Cumhur Kader Güven
Ay Demir Kaya Çelik`)

// trCommonGiven tells whether toks[i:j], in a Turkish text, is a given name
// of trCommonGivens and a surname: two words in mixed case inside a sentence
// (not its first word), the second no common word, given name (Gül Eda are
// two given names), plural possessive (Bahar Şiirleri), place, institution,
// title or function word, and not written in lowercase in the article
// (Barış Hersek, Deniz Baykal, Can Emici; not Deniz Kuvvetleri, Ege Denizi,
// whose second word is a common noun with an ending).
func (x *personScan) trCommonGiven(i, j int) bool {
	if x.lang != "tr" || j-i != 2 {
		return false
	}
	g, s := x.toks[i], x.toks[i+1]
	if !trCommonGivens[g.key] && !trCommonGivensMore[g.key] || g.upper || s.upper || g.gap >= gapStop || s.gap != gapSpace || utf8.RuneCountInString(s.text) < 3 ||
		x.pt.isTrCommon(s.key) || s.cls&(cGiven|cGivenTr) != 0 || strings.HasSuffix(s.key, "lari") || strings.HasSuffix(s.key, "leri") || x.isPlace(&s) || x.isOrg(&s) || x.isTitle(&s) || x.isStop(&s) || s.cls&(cNotName|cParticle) != 0 ||
		x.lowerElsewhere(s.key) {
		return false
	}
	return true
}

// initialPair tells whether toks[i] is the first of two initials written
// together before a surname (A.R. Suhud): a capital and a dot glued to the
// next capital and its dot is no article or function word.
func (x *personScan) initialPair(i, j int) bool {
	if i+2 >= j {
		return false
	}
	a, b := x.toks[i], x.toks[i+1]
	return a.cap && b.cap && len(a.text) == 1 && len(b.text) == 1 && b.gap == gapInitial &&
		x.text[a.start+1:b.start] == "." && x.toks[i+2].gap == gapInitial
}

// initialGiven tells whether toks[i] is an initial before a given name of
// the lists and a surname (E.Sude Adik, A. Ekin Uysal): a capital that is
// also a function word (A, E) is no article there (round 12).
func (x *personScan) initialGiven(i, j int) bool {
	a := x.toks[i]
	return j-i >= 3 && a.cap && len(a.text) == 1 && x.toks[i+1].gap == gapInitial && x.toks[i+1].cls&(cGiven|cGivenTr) != 0 &&
		x.toks[i+2].gap == gapSpace
}

// months are the month words of notNameWords: a month after a title
// (TABA Başkanı Ekim Alptekin) or after a given name (Theresa May) and
// before no number is a name, not a date (round 12).
var months = wordSet(`january february march april may june july august september october november december
ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik`)

// monthGiven tells whether the month word toks[i] opens a name toks[i:j]
// of two or three words: no number after it.
func (x *personScan) monthGiven(i, j int) bool {
	return months[x.toks[i].key] && j-i >= 2 && j-i <= 3 && x.toks[i+1].gap == gapSpace && !x.toks[i].upper && !x.toks[i+1].upper &&
		x.toks[i+1].cls&cNotName == 0
}

// titledSurname tells whether the word at k, a given name of the lists
// after a title, is a surname there: the article writes it after a title
// twice or more, alone each time, and never before another capitalized word
// as a given name would stand (Sayın Arınç ... Sayın Arınç herhalde;
// Arınç is a given name too). Kinship words name family members by their
// given names and open no title here (kızı Selin'e).
func (x *personScan) titledSurname(k int) bool {
	key := x.toks[k].key
	n := 0
	for m, t := range x.toks {
		if t.key != key || !t.cap {
			continue
		}
		if m+1 < len(x.toks) && !t.suffix && (x.toks[m+1].gap == gapHyphen ||
			x.toks[m+1].gap == gapSpace && x.nameWord(&x.toks[m+1]) && !t.upper) {
			return false // Ahmed-i Hânî; a heading in capitals runs on (SAYIN ARINÇ ...)
		}
		if m > 0 && t.gap <= gapInitial && x.isTitle(&x.toks[m-1]) && !kinTitles[keyOf(x.toks[m-1])] {
			n++
		}
	}
	return n >= 2
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
			return x.toks[k].cls&cGiven != 0 || k == i && (x.trGiven(i, j) || x.sqGivenShape(i, j))
		}
	}
	return false
}

// trGiven tells whether toks[i:j], in a Turkish text, starts with a given
// name of the Turkish lexicon (tr_given.txt). That list is larger than the
// others and holds brands and clubs too (Toyota, Fenerbahçe), so its names
// count only as the first of two or three words in mixed case, before no
// common word, place or institution, and never written elsewhere in the
// article without the word after it: news repeats a brand alone, not a
// given name.
func (x *personScan) trGiven(i, j int) bool {
	t := x.toks[i]
	if x.lang != "tr" || t.cls&cGivenTr == 0 || t.upper || j-i > 3 {
		return false
	}
	for k := i + 1; k < j; k++ {
		u := x.toks[k]
		if u.upper || x.pt.isTrCommon(u.key) || x.isPlace(&u) || x.isOrg(&u) || x.isTitle(&u) {
			return false
		}
	}
	again := false
	last := x.toks[j-1].key
	for k, u := range x.toks {
		if k != i && u.key == t.key && (k+1 >= len(x.toks) || x.toks[k+1].key != x.toks[i+1].key) {
			return false
		}
		if k != j-1 && u.key == last && u.cap && (k == 0 || x.toks[k-1].key != x.toks[j-2].key) {
			again = true
		}
	}
	return again
}

// sqGivenShape tells whether toks[i:j], in an Albanian text, is a given
// name and a surname by the shape of the given name: Albanian forms new given
// names productively with a few endings (Eriona, Adrola, Arbana, Kushtrim,
// Saimir, Amarildo, Nexhmije, Rudina) and writes the Arabic-Turkish ones
// with xh (Xhavit, Xhafer), so no list can hold them all. Only two words in
// mixed case, neither written in lowercase in the article (a common word) nor
// a place's or an institution's.
func (x *personScan) sqGivenShape(i, j int) bool {
	if x.lang != "sq" || j-i != 2 {
		return false
	}
	g, s := x.toks[i], x.toks[i+1]
	if g.upper || s.upper || !s.cap || s.gap != gapSpace || !(len(g.key) >= 5 && sqGivenForm(g.key) || sqWordGiven[g.key]) || len(s.key) < 3 || !sqSurnameForm(s.key) {
		return false
	}
	for _, t := range []ptoken{g, s} {
		if x.isPlace(&t) || x.isOrg(&t) || x.isStop(&t) && !(t == g && sqWordGiven[g.key]) || x.isTitle(&t) || t.cls&cNotName != 0 || x.sqOrg(t.key) || x.lowerElsewhere(t.key) {
			return false
		}
	}
	return true
}

// slavicShape tells whether toks[i:j] is a given name and a surname by the
// shape of the surname: Slavic surnames end in a few productive suffixes
// (Stanchev, Georgievski, Ugljanin is not one, Blagovčanin neither; Đurić,
// Mijalkov), which Balkan news writes with given names that no list holds
// (Stancho, Ljubco, Sasho). Only two words in mixed case, the first of three
// letters or more, neither a place's, an institution's, a title or a word
// the article writes in lowercase (Kosovo's cities end otherwise: -ovo,
// -evo).
func (x *personScan) slavicShape(i, j int) bool {
	if j-i != 2 {
		return false
	}
	g, s := x.toks[i], x.toks[i+1]
	if g.upper || s.upper || s.gap != gapSpace || utf8.RuneCountInString(g.text) < 3 || !slavicSurname(s.key) {
		return false
	}
	for _, t := range []ptoken{g, s} {
		if x.isPlace(&t) || x.isOrg(&t) || x.isStop(&t) || x.isTitle(&t) || t.cls&(cNotName|cParticle) != 0 ||
			x.lang == "sq" && x.sqOrg(t.key) || x.lowerElsewhere(t.key) || x.lang == "tr" && x.pt.isTrCommon(t.key) {
			return false
		}
	}
	return true
}

// slavicSurname tells whether a folded word ends as Slavic surnames do:
// -ov/-ev and their feminines, -ski/-ska/-sky, -vic/-vich (and Albanian
// -viq), -enko; four letters before the ending at least.
func slavicSurname(k string) bool {
	for _, e := range []string{"ov", "ev", "ova", "eva", "ski", "ska", "sky", "vic", "vich", "viq", "enko"} {
		if len(k) >= len(e)+4 && strings.HasSuffix(k, e) {
			return true
		}
	}
	return false
}

// sqGivenForm tells whether a folded word has the shape of an Albanian
// given name (see sqGivenShape).
func sqGivenForm(k string) bool {
	if strings.HasPrefix(k, "xh") && !strings.HasPrefix(k, "xham") {
		return true // xhami, a mosque, is the one common noun names meet
	}
	for _, e := range sqGivenEndings {
		if len(k) > len(e)+1 && strings.HasSuffix(k, e) {
			return true
		}
	}
	return false
}

// sqSurnameForm tells whether a folded word can be an Albanian surname as
// written: a vowel or -j at its end (Vyshka, Ukaj, Haliti, Kthella), or a
// case ending (Halitin, Ukajt), which the English words that Albanian news
// capitalizes beside a name seldom have (Prishtina Insight, Prokurim Publik).
func sqSurnameForm(k string) bool {
	return strings.ContainsRune("aeiouyj", rune(k[len(k)-1])) || sqObliqueKey(k)
}

// sqGivenEndings are the endings of Albanian given names that other
// capitalized words of Albanian news seldom have: feminine -ona, -jeta, -eta,
// -ola, -ije, -ina, -ana, -ane, -ita; masculine -rim, -tim, -mir, -jan,
// -ildo.
var sqGivenEndings = []string{"ona", "jeta", "eta", "ola", "ije", "ina", "ana", "ane", "ita", "rim", "tim", "mir", "jan", "ildo"}

// hyphenWords are the English words that a hyphen glues to a name
// (Blair-led, Bush-era): not the second part of a given name.
var hyphenWords = wordSet("led era run old day age year like type free made wide long held born size less only back up in out off on to and or ran due " +
	"driven proven taken given shaken broken spoken chosen frozen stolen woven fallen beaten eaten grown known shown sworn blown thrown drawn action strong listen")

// asianSyllable tells whether a lowercase piece of five or six letters
// after a hyphen reads as the second syllable of a Chinese or Korean given
// name (Chang Chi-cheng, Lee Kuan-hsiung): it ends in -ng or -n after a
// vowel (round 12). English words glued by hyphens end otherwise (-based,
// -owned, -style) or are in hyphenWords.
func asianSyllable(k string) bool {
	n := len(k)
	if n < 5 || n > 6 || !isASCII(k) {
		return false
	}
	if strings.HasSuffix(k, "ng") {
		n -= 2
	} else if k[n-1] == 'n' {
		n--
	} else {
		return false
	}
	return strings.IndexByte("aeiou", k[n-1]) >= 0
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
	if x.toks[i].cls&cGzFirst == 0 {
		return false
	}
	for _, e := range geo().gz[x.toks[i].key] {
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
	return string(x.slugBytes(i, j))
}

// slugBytes is slug in a buffer of x, valid until the next call: a map
// lookup with string(x.slugBytes(i, j)) allocates nothing.
func (x *personScan) slugBytes(i, j int) []byte {
	b := x.sbuf[:0]
	for k := i; k < j; k++ {
		if particles[x.toks[k].key] || x.toks[k].key == "and" {
			continue
		}
		if len(b) > 0 {
			b = append(b, '-')
		}
		b = append(b, x.toks[k].key...)
	}
	x.sbuf = b
	return b
}

func (x *personScan) isStop(t *ptoken) bool {
	return x.c(t)&(cStopSq<<x.shift) != 0
}

// isPlace tells whether a word names a country or an organization on its own
// (Kosovës, Turkish, NATO): such words start or end no person's name.
func (x *personScan) isPlace(t *ptoken) bool {
	c := x.c(t)
	return c&(cPlaceSq<<x.shift) != 0 || t.upper && c&(cPlaceUpSq<<x.shift) != 0
}

// knownFull returns the known person whose name toks[i:j] writes: a given
// name and a surname of theirs, or a surname alone that names them alone.
func (x *personScan) knownFull(i, j int) *knownPerson {
	last := &x.toks[j-1]
	var cands []*knownPerson
	if last.cap || last.lc {
		cands = x.pt.bySurnameHash(last.key, last.h) // the tokenizer hashed its key
	} else {
		cands = x.pt.bySurname(last.key)
	}
	if x.lang == "sq" && len(cands) == 0 {
		sqNominatives(last.key, func(s string) bool {
			cands = x.pt.bySurname(s)
			return len(cands) > 0
		})
	}
	for _, kp := range cands {
		if j-i == 1 {
			if x.pt.namesAlone(kp, last.key) || x.lang == "sq" && x.pt.namesAloneSq(kp, last.key) {
				return kp
			}
			continue
		}
		for k := i; k < j-1; k++ {
			if x.pt.knownGiven[kp][x.toks[k].key] {
				return kp
			}
		}
	}
	return nil
}

// knownSurname returns the known person one of whose surnames key is, if
// only one has it.
func (x *personScan) knownSurname(k string) *knownPerson {
	cands := x.pt.bySurname(k)
	if x.lang == "sq" && len(cands) == 0 {
		sqNominatives(k, func(s string) bool {
			cands = x.pt.bySurname(s)
			return len(cands) > 0
		})
	}
	if len(cands) == 1 && (cands[0].alone == "" || x.pt.knownAlone[k] != nil) {
		// The surname of a person the news names by another one name is
		// no name of theirs after a title (King Hussein is not Saddam).
		return cands[0]
	}
	return nil
}

// namesAlone tells whether the word k names the known person kp alone:
// their surname, when it does, or the one name they are known by.
func (t *personTables) namesAlone(kp *knownPerson, k string) bool {
	a := t.knownAlone[k]
	return a == kp || a == nil && kp.surnameAlone
}

// namesAloneSq is namesAlone of an Albanian case form (Skënderbeut).
func (t *personTables) namesAloneSq(kp *knownPerson, k string) bool {
	return sqNominatives(k, func(s string) bool { return t.namesAlone(kp, s) })
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
		p = &pperson{surname: last.key, known: known, upper: upper}
		x.persons = append(x.persons, p)
	}
	if len(given) > len(p.given) || (p.upper && !upper && len(given) >= len(p.given)) ||
		len(given) == len(p.given) && len(given) > 0 && len(strings.TrimRight(p.given[0], " -.")) == 1 && len(strings.TrimRight(given[0], " -.")) > 1 ||
		len(given) == len(p.given) && len(given) > 0 && p.givenAt < x.firstLineEnd() && i >= x.firstLineEnd() &&
			!strings.HasPrefix(given[0], strings.TrimRight(p.given[0], " -.")) {
		// A second spelling in the text below wins over the headline's
		// (Behxhet Pacolli: ... ; Behgjet Pacolli, ...), unless it only
		// adds an ending to it (Xhavit Halitin ... Xhaviti Haliti).
		p.given, p.givenAt = given, i
	}
	if gen != "" {
		p.gen = gen
	}
	if !upper {
		p.upper = false
	}
	if p.known == nil && (len(given) > 0 || len(p.given) == 0 || x.knownGivenIn(known, p.given)) {
		// A known person's surname alone after a namesake the article
		// names in full is the namesake's (Milletvekili Dilek Öcalan ...
		// Öcalan'ın), as link gives it.
		p.known = known
	}
	if x.family[last.key] == p && p.surname != last.key {
		p.count(p.forms[0].form) // Mr Wang of Wang Xuebing (round 17)
	} else {
		p.count(last.text)
	}
	p.last = j - 1
}

// count records one mention written with this surname form.
func (p *pperson) count(form string) {
	for i := range p.forms {
		if p.forms[i].form == form {
			p.forms[i].n++
			p.mentions++
			return
		}
	}
	p.forms = append(p.forms, formCount{form, 1})
	p.mentions++
}

// find returns the person of this article with this surname and compatible
// given names (none, or one of them shared), nil when there is none.
func (x *personScan) find(surname string, given []string, known *knownPerson) *pperson {
	var best *pperson
	if p := x.family[surname]; p != nil && len(given) == 0 {
		return p // Mr Wang of Wang Xuebing (round 17)
	}
	for _, p := range x.persons {
		if known != nil && p.known == known {
			return p
		}
		if len(given) == 0 && x.doubleFirst(p, surname) {
			return p // Haradinaj of Meliza Haradinaj-Stublla
		}
		if !x.sameSurname(p.surname, surname) {
			// Kollçaku and Kollqaku: one person when a given name is shared.
			if (len(surname) < 6 || !oneEdit(p.surname, surname)) && !x.sqOneSpelling(p.surname, surname) || !sharesGiven(p.given, given) {
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

// doubleFirst tells whether surname is the first part of p's double
// surname (Haradinaj of Meliza Haradinaj-Stublla, or Haradinaj Stublla):
// the word before the last, after a given name, and no given name itself.
func (x *personScan) doubleFirst(p *pperson, surname string) bool {
	if len(p.given) < 2 {
		return false
	}
	g := fold(strings.TrimRight(p.given[len(p.given)-1], " -."))
	return x.pt.class[g]&cGiven == 0 && x.sameSurname(g, surname)
}

// namesake tells whether the article names someone else with the known
// person kp's surname k: after a given name that is none of kp's, or in a
// double surname (Meliza Haradinaj-Stublla). A title and the surname alone
// (ministres Haradinaj) then need not be kp, and a wrong id is a false person.
func (x *personScan) namesake(kp *knownPerson, k string) bool {
	t := x.toks
	for m := 1; m < len(t); m++ {
		if !t[m].cap || !x.sameSurname(t[m].key, k) {
			continue
		}
		if t[m].gap == gapHyphen && t[m-1].cap || m+1 < len(t) && t[m+1].gap == gapHyphen && t[m+1].cap {
			return true
		}
		if t[m].gap == gapSpace && t[m-1].cap && t[m-1].cls&cGiven != 0 && !x.knownGivenIn(kp, []string{t[m-1].text}) {
			return true
		}
	}
	return false
}

func (x *personScan) knownGivenIn(kp *knownPerson, given []string) bool {
	for _, g := range given {
		if x.pt.knownGiven[kp][fold(strings.TrimRight(g, " -."))] {
			return true
		}
	}
	return false
}

// cqSame tells whether two different keys differ only where one has q and
// the other c, the fold of ç (Kuqi, Kuçi): Albanian typed without ç writes
// q for it, so they are one surname (round 12); two given names that share
// nothing still make two persons (find).
// cqPair tells whether bytes a and b are c and q (either way round), the
// letters cqSame takes for one.
func cqPair(a, b byte) bool {
	return a == 'q' && b == 'c' || a == 'c' && b == 'q'
}

func cqSame(a, b string) bool {
	if a == b || len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] && !(a[i] == 'q' && b[i] == 'c' || a[i] == 'c' && b[i] == 'q') {
			return false
		}
	}
	return true
}

// sharesGiven tells whether two lists of given names share one: the same,
// one edit apart (Hashin, Hashim), the short form that starts the long one
// (Phil, Phillip), or the same but for Albanian gj written xh (Behgjet,
// Behxhet): a text's second spelling of its person.
func sharesGiven(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			kx, ky := fold(strings.TrimRight(x, " -.")), fold(strings.TrimRight(y, " -."))
			if kx == ky || len(kx) >= 5 && oneEdit(kx, ky) {
				return true
			}
			if len(kx) >= 4 && len(ky) >= 4 && (strings.HasPrefix(kx, ky) || strings.HasPrefix(ky, kx)) {
				return true
			}
			if (len(kx) == 1) != (len(ky) == 1) && kx != "" && ky != "" && kx[0] == ky[0] {
				return true // an initial and the given name it opens (B. Tupella, Basri Tupella; round 17)
			}
			if strings.Contains(kx, "gj") != strings.Contains(ky, "gj") && strings.ReplaceAll(kx, "gj", "xh") == strings.ReplaceAll(ky, "gj", "xh") {
				return true
			}
		}
	}
	return false
}

func (x *personScan) sameSurname(a, b string) bool {
	if a == b || x.lang == "sq" && cqSame(a, b) {
		return true
	}
	// Stems are three letters at least and start the key: two keys with
	// different first three letters share none.
	if x.lang != "sq" || len(a) < 3 || len(b) < 3 || a[:3] != b[:3] {
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
		if j-i < 2 || j-i > 3 || x.used[i] {
			continue
		}
		// A person named only by a title and a surname so far (Ms James)
		// gets the full name a run of the article ends with (Shani Rhys
		// James is worried), even at a sentence's start.
		bare := x.titledBare(x.toks[j-1].key)
		if !bare && (x.toks[i].gap >= gapStop || x.toks[i].gap <= gapSpace && i > 0 && x.toks[i-1].cap) {
			continue // a sentence's first word is too often no name (However, Tutje)
		}
		ok := true
		for k := i; k < j && ok; k++ {
			t := x.toks[k]
			ok = t.cap && !t.upper && utf8.RuneCountInString(t.text) >= 3 && (k == i || t.gap == gapSpace) &&
				!x.isStop(&t) && t.cls&(cNotName|cParticle) == 0 && !x.isPlace(&t) && !x.isOrg(&t) && !x.isTitle(&t)
		}
		if !ok || x.blocked != nil && x.blocked[string(x.slugBytes(i, j))] || x.lang == "sq" && sqObliqueKey(x.toks[i].key) ||
			x.lang == "tr" && j-i == 2 && x.trThingName(i, j) {
			continue // a thing's name: its last word alone is the thing again (Çaykur Rizespor ... Rizespor'da)
		}
		if j < len(x.toks) && x.toks[j].gap <= gapSpace && strings.ContainsAny(x.toks[j].text, "0123456789") {
			// Words before a figure or a model code are a table's label
			// and its value (Teknik Veriler Volvo XC70 2.0, Bagaj hacmi
			// 575 lt), not a name and its surname again.
			continue
		}
		first, last := x.toks[i].key, x.toks[j-1].key
		again := false
		for k := range x.toks {
			if k >= i && k < j {
				continue
			}
			t := &x.toks[k] // not a copy: this loop runs over the text once per loose run
			// A lowercase word of another letter: no need to fold it. Its
			// first byte is what fold(t.text[:1]) was compared by: an ASCII
			// letter folds to itself, and a lone lead byte of a longer
			// letter folds to U+FFFD, never one byte.
			if t.key == "" && (t.text[0] >= utf8.RuneSelf || t.text[0] != first[0]) {
				continue
			}
			// sameSurname needs the same first letter (or c for q in
			// Albanian): most words fail here, before a fold or a call. (A
			// word without its key has passed the first-byte test above.)
			maySame := t.key == "" || t.key[0] == first[0] || cqPair(t.key[0], first[0])
			if maySame && x.sameSurname(first, keyOf(*t)) && (k+1 >= len(x.toks) || x.toks[k+1].key != x.toks[i+1].key) {
				// The first word stands elsewhere without this surname: a
				// word of the text (Klasik Müzik, Radios Evropa), not a
				// given name, which news does not repeat alone.
				again, bare = false, false
				break
			}
			if again || !t.cap || t.upper || x.used[k] {
				continue
			}
			alone := (k == 0 || !x.nameWord(&x.toks[k-1]) || t.gap > gapSpace) &&
				(k+1 == len(x.toks) || !x.nameWord(&x.toks[k+1]) || x.toks[k+1].gap > gapSpace || t.suffix)
			if alone && k > 0 && articles[keyOf(x.toks[k-1])] {
				alone = false // Shtëpinë e Bardhë: a noun after an article
			}
			if alone && x.sameSurname(last, t.key) {
				again = true
			}
		}
		if again || bare {
			x.add(i, j, nil, false)
		}
	}
}

// lists accepts the single capitalized words of a line that is a list of
// names (a team sheet: Pilkington, Talbot, Buxton, Dimech, ... Subs Not
// Used: White, McIntosh): a line of five items or more separated by commas
// or stops, each one to three capitalized words and nothing else, two of
// which at least are the surnames of persons the article names in full.
// Those two make it a list of people, and the others are surnames too. A
// list of places or firms holds no such two; an item before a colon is the
// list's label (Subs Not Used), and a word that is a function word, a
// place, an institution, a title or written in lowercase in the article is
// no surname.
//
// A line of the same shape right after an accepted one is the same sheet's
// next part (the substitutes after the side: Brady, McCormick, Longwell,
// ...), though it names nobody the article named in full.
func (x *personScan) lists() {
	if len(x.persons) < 2 {
		return
	}
	prev := false
	for a := 0; a < len(x.toks); {
		b := a + 1
		for b < len(x.toks) && !x.newlineBefore(b) {
			b++
		}
		prev = x.list(a, b, prev)
		a = b
	}
}

// newlineBefore tells whether a line break stands between token k and the
// one before it.
func (x *personScan) newlineBefore(k int) bool {
	return x.toks[k].nl // the tokenizer saw it: lists ask it of every word
}

// list judges the line toks[a:b] (see lists); after tells whether the line
// before it was an accepted list. It returns whether this one is.
func (x *personScan) list(a, b int, after bool) bool {
	var items [][2]int
	anchors := 0
	for s := a; s < b; {
		e := s + 1
		for e < b && x.toks[e].gap <= gapInitial {
			e++
		}
		for k := s; k < e; k++ {
			if !x.nameWord(&x.toks[k]) {
				return false
			}
		}
		if e-s > 3 {
			return false
		}
		label := e < len(x.toks) && strings.Contains(x.text[x.toks[e-1].start+len(x.toks[e-1].text):x.toks[e].start], ":")
		if !label {
			items = append(items, [2]int{s, e})
			if x.hasSurname(x.toks[e-1].key) {
				anchors++
			}
		}
		s = e
	}
	if len(items) < 5 || anchors < 2 && !after {
		return false
	}
	for _, it := range items {
		k := it[0]
		t := x.toks[k]
		if it[1]-k == 2 && x.initialItem(k) {
			continue
		}
		if it[1]-k != 1 || x.used[k] || t.upper || utf8.RuneCountInString(t.text) < 3 || x.hasSurname(t.key) ||
			x.isStop(&t) || x.isPlace(&t) || x.isOrg(&t) || x.isTitle(&t) || t.cls&(cNotName|cParticle) != 0 || x.lowerElsewhere(t.key) {
			continue
		}
		x.add(k, k+1, nil, false)
	}
	return true
}

// initialItem accepts the list item of an initial with its dot and a
// surname (S. Best, N. Best): a person, unless the article named one of that
// surname and initial before (then it is a later mention, read as such).
// It tells whether the item was such a pair.
func (x *personScan) initialItem(k int) bool {
	i, s := x.toks[k], x.toks[k+1]
	if !i.cap || utf8.RuneCountInString(i.text) != 1 || s.gap != gapInitial {
		return false
	}
	if x.used[k] || x.used[k+1] || s.upper || utf8.RuneCountInString(s.text) < 3 || x.mentionOf(k, k+2) ||
		x.isStop(&s) || x.isPlace(&s) || x.isOrg(&s) || x.isTitle(&s) || s.cls&(cNotName|cParticle) != 0 {
		return true // a word also written in lowercase is kept: the initial says it is a name (S. Best ... our best rugby)
	}
	x.add(k, k+2, nil, false)
	return true
}

// titledBare tells whether a person of the article has the surname k, no
// given name, and was named after a title (Ms James, Sayın Arınç).
func (x *personScan) titledBare(k string) bool {
	for _, p := range x.persons {
		if p.titled && len(p.given) == 0 && p.known == nil && x.sameSurname(p.surname, k) {
			return true
		}
	}
	return false
}

// sayers accepts, in Albanian, a capitalized word alone right after a verb
// of saying or "sipas" (ka pohuar Abrashi, është shprehur Pacolli, sipas
// Abrashit): Albanian puts the subject after such verbs, and news names a
// person there by surname alone. The word must be no function word, place,
// institution or title, in mixed case, and not written in lowercase
// elsewhere in the article (sipas Kushtetutës ... kushtetuta).
func (x *personScan) sayers() {
	for k := 1; k < len(x.toks); k++ {
		t := x.toks[k]
		if !t.cap || t.upper || x.used[k] || t.gap != gapSpace || !sqSayVerbs[keyOf(x.toks[k-1])] || x.toks[k-1].cap {
			continue
		}
		if k+1 < len(x.toks) && x.toks[k+1].gap <= gapInitial && x.nameWord(&x.toks[k+1]) && !x.toks[k].suffix {
			continue // a run of capitals: runs() judged it
		}
		if utf8.RuneCountInString(t.text) < 4 || x.blocked[t.key] || t.cls&(cNotName|cParticle|cGiven) != 0 ||
			x.isStop(&t) || x.isPlace(&t) || x.isOrg(&t) || x.isTitle(&t) || x.sqOrg(t.key) {
			continue
		}
		if x.lowerElsewhere(t.key) || sqStems(t.key, func(s string) bool { return x.pt.class[s]&cGiven != 0 }) {
			continue // a common word, or a given name in a case form (Astritit)
		}
		if x.hasSurname(t.key) {
			continue // a later mention of a person named before: link() counts it
		}
		if x.sqDroppedJ(t.key) {
			continue // Hoxha for Daut Hoxhaj, Lleshi for Sandër Lleshaj: a typo of the surname
		}
		if m := x.fullNameOf(k); m >= 0 {
			// The article writes the full name elsewhere (Muhedin Nushi ...
			// tha Nushi), with a given name in no list.
			x.add(m, m+2, nil, false)
			continue
		}
		x.add(k, k+1, x.knownSurname(t.key), false)
	}
}

// appositions accepts, in Albanian, a capitalized word alone in the genitive
// after its article, set off by a comma before a lowercase noun in the same
// case (shtëpia e Ciceronit, oratorit romak): the noun after the comma says
// who the word is, and a role in apposition is said of persons. A place or
// an institution gets such a noun too (e Durrësit, qytetit; e Erzenit,
// lumit): such nouns, and words that are places, institutions, given names
// in a case form or written in lowercase in the article, name nobody.
func (x *personScan) appositions() {
	for k := 1; k+1 < len(x.toks); k++ {
		t, n := x.toks[k], x.toks[k+1]
		if !t.cap || t.upper || x.used[k] || t.gap != gapSpace || !sqGenArticles[keyOf(x.toks[k-1])] || x.toks[k-1].cap {
			continue
		}
		end := ""
		for _, e := range []string{"it", "ut", "es"} {
			if strings.HasSuffix(t.key, e) {
				end = e
			}
		}
		if end == "" || n.cap || !strings.HasSuffix(n.key, end) || strings.IndexByte(x.between(k+1), ',') < 0 ||
			sqPlaceNouns[n.key] || x.sqOrg(n.key) {
			continue
		}
		if utf8.RuneCountInString(t.text) < 5 || x.blocked[t.key] || t.cls&(cNotName|cParticle|cGiven) != 0 ||
			x.isStop(&t) || x.isPlace(&t) || x.isOrg(&t) || x.isTitle(&t) || x.sqOrg(t.key) || x.hasSurname(t.key) {
			continue
		}
		if x.lowerElsewhere(t.key) || sqStems(t.key, func(s string) bool { return x.pt.class[s]&cGiven != 0 }) {
			continue
		}
		x.add(k, k+1, x.knownSurname(t.key), false)
	}
}

// sqInnerHonorifics are the Ottoman honorifics Albanian writes in lowercase
// inside a name (Esat pashë Toptani, Ismail bej Vlora, Ali pasha Tepelena).
var sqInnerHonorifics = wordSet(`pashë pasha bej beu efendi aga agë`)

// sqGenArticles are the Albanian articles before a genitive.
var sqGenArticles = wordSet(`e te i se`)

// sqPlaceNouns are Albanian nouns, in the genitive and dative, that stand in
// apposition to places, waters and bodies rather than persons.
var sqPlaceNouns = wordSet(`qytetit qytezes fshatit lumit liqenit detit malit malesise rajonit krahines
qarkut komunes shtetit vendit kryeqytetit zones lagjes rruges sheshit portit fushes luginës lugines
kalase ishullit gadishullit partise shoqates kompanise firmes klubit ekipit skuadres gazetes televizionit
organizates institucionit universitetit shkolles spitalit kishes xhamise manastirit`)

// hasSurname tells whether a person of the article has the surname k.
func (x *personScan) hasSurname(k string) bool {
	for _, p := range x.persons {
		if x.sameSurname(p.surname, k) {
			return true
		}
	}
	return false
}

// sqDroppedJ tells whether the Albanian surname k alone is a surname the
// article names in full with the ending -j or -aj it lacks (Hoxha, Hoxhaj;
// Lleshi, Lleshaj): news typos of one person, not a second one.
func (x *personScan) sqDroppedJ(k string) bool {
	if x.hasSurname(k + "j") {
		return true
	}
	n := len(k)
	return n > 4 && (k[n-1] == 'i' || k[n-1] == 'a') && x.hasSurname(k[:n-1]+"aj")
}

// fullNameOf returns the index of a capitalized word written right before
// another form of the surname at k, a two-word name, or -1.
func (x *personScan) fullNameOf(k int) int {
	for m := 1; m < len(x.toks); m++ {
		t, g := x.toks[m], x.toks[m-1]
		if m == k || !t.cap || x.used[m] || x.used[m-1] || t.gap != gapSpace || !x.nameWord(&g) || g.upper ||
			!x.sameSurname(x.toks[k].key, t.key) || m+1 < len(x.toks) && x.nameWord(&x.toks[m+1]) && x.toks[m+1].gap == gapSpace {
			continue
		}
		if m >= 2 && x.nameWord(&x.toks[m-2]) && g.gap <= gapInitial {
			continue
		}
		if utf8.RuneCountInString(g.text) < 3 || g.cls&(cNotName|cParticle) != 0 || x.isStop(&g) || x.isPlace(&g) ||
			x.isOrg(&g) || x.isTitle(&g) || x.sqOrg(g.key) || sqSayVerbs[g.key] || x.lowerElsewhere(g.key) {
			continue
		}
		return m - 1
	}
	return -1
}

// lowerElsewhere tells whether the text writes a word of the stem of k in
// lowercase: then k is a common word that a sentence or a name capitalized.
func (x *personScan) lowerElsewhere(k string) bool {
	for _, u := range x.toks {
		if u.cap || len(u.text) < 3 || u.text[0] != k[0] && u.text[0] < utf8.RuneSelf {
			continue
		}
		if x.sameSurname(k, keyOf(u)) {
			return true
		}
	}
	return false
}

// sqOrg tells whether an Albanian word is a form of a noun of institutions
// and offices (Policia, Ministrisë, Kuvendit, Qeverisë, Kushtetutës).
func (x *personScan) sqOrg(k string) bool {
	return hasPrefixIn(k, sqOrgStems)
}

// sqSayVerbs are the Albanian verb forms of saying (past, perfect
// participle, present), after which the subject stands. "sipas" (according
// to) and the verbs of writing and reporting (shkruan, njofton) are left
// out: a newspaper or an agency follows them as often.
var sqSayVerbs = wordSet(`tha thotë thënë deklaroi deklaron deklaruar pohoi pohon pohuar theksoi thekson
theksuar shtoi shton shtuar tregoi tregon treguar nënvizoi nënvizon nënvizuar shpreh shprehur shprehet kërkoi kërkon kërkuar reagoi reagon reaguar ditur
konfirmoi konfirmon konfirmuar paralajmëroi paralajmëron paralajmëruar akuzoi akuzon akuzuar
sqaroi sqaron sqaruar`)

// sqOrgStems are folded stems of Albanian nouns of institutions, offices and
// laws, whose capitalized forms name an institution, not a person.
var sqOrgStems = []string{"polici", "ministri", "kushtetut", "kuvend", "gjykat", "qeveri", "komun",
	"parlament", "prokurori", "agjenci", "zyr", "presidenc", "drejtori", "kryeministri", "ambasad",
	"komision", "keshill", "asamble", "ushtri", "forcat", "bashkim", "organizat", "shoqat",
	"sindikat", "lidhj", "levizj", "aleanc", "koalicion", "fakultet", "akademi", "radio", "televizion",
	"gazet", "portal", "agjensi", "ligj", "rregullor", "marreveshj", "deklarat", "raport", "kod",
	"departament", "kushtetues", "reporter", "gjyqtar", "avokat", "institut", "universitet"}

// articles are words that stand before nouns, not before a person's surname
// (Shtëpinë e Bardhë, the Spanish powerhouse).
var articles = wordSet("e i të së në nga me për the of in a an at to for from on by")

// link counts the surname-alone mentions: of the article's persons first,
// then of known persons whose surname names them alone.
func (x *personScan) link() {
	for k := range x.toks {
		// A pointer, not a copy of each token: link walks every token of
		// the text.
		t := &x.toks[k]
		if x.used[k] || !x.nameWord(t) || x.blocked[t.key] {
			continue
		}
		if k+1 < len(x.toks) && x.toks[k+1].gap <= gapSpace && x.c(&x.toks[k+1])&cOrg != 0 && !t.suffix {
			continue // Kurti Foundation, Erdoğan Stadı
		}
		var best *pperson
		for _, p := range x.persons {
			if x.sameSurname(p.surname, t.key) && (best == nil || p.last > best.last) {
				best = p
			}
		}
		if p := x.family[t.key]; best == nil && p != nil {
			p.count(p.forms[0].form) // Wang of Wang Xuebing (round 17)
			p.last = k
			x.used[k] = true
			continue
		}
		if best == nil {
			if kp := x.knownFull(k, k+1); kp != nil && !x.inName(k) {
				x.add(k, k+1, kp, t.upper)
			} else if kp := x.sqKnownAlone(k); kp != nil {
				x.add(k, k+1, kp, t.upper)
			}
			continue
		}
		best.count(t.text)
		best.last = k
		x.used[k] = true
	}
}

// runOns gives to a person of the article the mentions of a longer name
// that is theirs run into the next words (Mansur Topçuoğlu Sosyal Marka
// başlığı ... Avukat Mansur Topçuoğlu): the longer one starts with their
// given names and surname, and what follows holds no given name.
func (x *personScan) runOns() {
	if len(x.persons) < 2 {
		return
	}
	keep := x.persons[:0]
	for _, p := range x.persons {
		q := x.runOnOf(p)
		if q == nil {
			q = x.givenPairOf(p) // round 17
		}
		if q != nil {
			q.mentions += p.mentions
			continue
		}
		keep = append(keep, p)
	}
	x.persons = keep
}

func (x *personScan) runOnOf(p *pperson) *pperson {
	if len(p.given) < 2 || p.known != nil || x.pt.class[p.surname]&(cGiven|cGivenTr) != 0 {
		return nil
	}
	g := func(w string) string { return fold(strings.TrimRight(w, " -.")) }
	for _, q := range x.persons {
		n := len(q.given)
		if q == p || n == 0 || n >= len(p.given) || g(p.given[n]) != q.surname {
			continue
		}
		ok := true
		for m := 0; m < n && ok; m++ {
			ok = g(p.given[m]) == g(q.given[m])
		}
		for _, w := range p.given[n+1:] {
			ok = ok && x.pt.class[g(w)]&(cGiven|cGivenTr) == 0
		}
		if ok {
			return q
		}
	}
	return nil
}

// inName tells whether token k is a part of a longer run of capitals that
// holds a given name before it (Bilal Erdoğan is not the president): only
// surnames standing alone or after a title name a known person by surname.
func (x *personScan) inName(k int) bool {
	return k > 0 && x.toks[k].gap <= gapSpace && x.toks[k-1].cls&cGiven != 0 && x.toks[k-1].cap && !x.isTitle(&x.toks[k-1])
}

func (x *personScan) result() []PersonMention {
	if len(x.persons) == 0 {
		return nil
	}
	x.doubleSurnames()
	x.knownHeads()
	out := make([]PersonMention, 0, len(x.persons))
	seen := map[string]int{}
	for _, p := range x.persons {
		if p.known == nil && !p.titled && x.blocked[p.surname] && !x.trFamilyFirm(p) {
			continue // Adem Jashari of aeroporti Adem Jashari, met before the airport
		}
		name := x.displayName(p)
		id := ""
		if p.known != nil {
			id = x.pt.knownID[p.known]
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

// doubleSurnames gives a surname alone, met before the full name, to the
// person whose double surname it opens (ministres Haradinaj ... Meliza
// Haradinaj Stublla), as find gives it when the full name comes first.
func (x *personScan) doubleSurnames() {
	kept := x.persons[:0]
	for _, q := range x.persons {
		if len(q.given) == 0 && q.known == nil {
			var to *pperson
			for _, p := range x.persons {
				if p != q && x.doubleFirst(p, q.surname) {
					to = p
					break
				}
			}
			if to != nil {
				to.mentions += q.mentions
				continue
			}
		}
		kept = append(kept, q)
	}
	x.persons = kept
}

// knownHeads gives a person written as a known person's name without its
// last word (Gazi Mustafa Kemal'in) to that known person, where the article
// names them too (Atatürk): a name of three words or more cut before its
// surname is that person's, not a namesake's, when the two stand in one
// text; alone it stays a name of its own.
func (x *personScan) knownHeads() {
	for _, p := range x.persons {
		if p.known == nil || len(strings.Fields(p.known.name)) < 3 {
			continue
		}
		name := p.known.name
		head := fold(name[:strings.LastIndexByte(name, ' ')])
		for _, q := range x.persons {
			if q.known == nil && len(q.given) > 0 && fold(strings.TrimSpace(strings.Join(q.given, ""))+" "+q.surname) == head {
				q.known = p.known
			}
		}
	}
}

// displayName is the fullest form of p: its given names and its most
// nominative surname form (Albanian Shala over Shalën, Grenell over
// Grenellin), in mixed case.
func (x *personScan) displayName(p *pperson) string {
	// The best form: mixed case, then (Albanian) nominative, then the most
	// written, then the first met (forms are in the order met).
	better := func(a, b formCount) bool {
		if ua, ub := isUpperWord(a.form), isUpperWord(b.form); ua != ub {
			return !ua
		}
		if x.lang == "sq" {
			if oa, ob := sqOblique(a.form), sqOblique(b.form); oa != ob {
				return !oa
			}
			// Albanian typed without ç writes q for it (Kuqi for Kuçi):
			// the spelling with ç is the name's own (round 12).
			if ca, cb := strings.ContainsRune(a.form, 'ç'), strings.ContainsRune(b.form, 'ç'); ca != cb && cqSame(fold(a.form), fold(b.form)) {
				return ca
			}
		}
		return a.n > b.n
	}
	best := p.forms[0]
	for _, f := range p.forms[1:] {
		if better(f, best) {
			best = f
		}
	}
	surname := best.form
	if x.lang == "sq" && sqOblique(surname) && !x.sqKeepIn(p, surname) {
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

// sqKeepIn tells whether an Albanian surname form in -in is a nominative to
// keep as written rather than the accusative of a name in -i: foreign
// surnames end so (Josef Helfenstein, Selma Parbin, Sulejman Ugljanin). It
// is kept when its nominative in -i is attested nowhere (not written in the
// article, no known surname or listed given name, not reached from another
// case form) and the form itself is written as a subject: more than once
// (an Albanian name in -i written several times takes several cases, the
// nominative most of all) or right after a verb of saying, where Albanian
// puts the subject (ka thënë Josef Helfenstein, tha Parbin). Other case
// endings (-it, -ut, -un, -jn, -ës, -ën) seldom end a foreign name and are
// turned back as before (Jasharit, Malokun, Zemajn).
func (x *personScan) sqKeepIn(p *pperson, form string) bool {
	k := fold(form)
	if !strings.HasSuffix(k, "in") {
		return false
	}
	nom := k[:len(k)-1]
	if x.pt.class[nom]&(cGiven|cKnown) != 0 {
		return false
	}
	n, sayer := 0, false
	for m, t := range x.toks {
		if !t.cap {
			continue
		}
		switch keyOf(t) {
		case nom:
			return false
		case k:
			n++
			r := m // the run's first word: the say verb stands before the given name
			for r > 0 && x.toks[r-1].cap && x.toks[r].gap <= gapInitial {
				r--
			}
			if r > 0 && !x.toks[r-1].cap && sqSayVerbs[keyOf(x.toks[r-1])] {
				sayer = true
			}
		}
	}
	for _, f := range p.forms {
		if f.form != form && sqOblique(f.form) && fold(sqNominative(f.form)) == nom {
			return false
		}
	}
	return n >= 2 || sayer
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
		// A foreign name ending in a consonant takes -u before them
		// (Lajçakut of Lajçak) (round 17).
		return f(k[:n-1]) || f(k[:n-2])
	case "es", "en":
		// Kadaresë, Kadarenë of Kadare: names in -e add -s, -n (round 17).
		return f(k[:n-2]+"a") || f(k[:n-1])
	case "ne", "se":
		return f(k[:n-2])
	}
	return k[n-1] == 'i' && f(k[:n-1])
}

var sqNameEndings = []string{"it", "in", "ut", "un", "es", "en", "se", "ne", "i", "u", "a", "e", "n", "t", "s"}

// PersonID is the id of a person written name (a full name or a surname):
// the known person's id when the name is one of theirs, else the folded
// words joined by hyphens ("Arban Abrashi" → "arban-abrashi").
func PersonID(name string) string {
	pt := tables()
	ks := personKeys(name)
	if len(ks) == 0 {
		return ""
	}
	for _, kp := range pt.knownBySurname[ks[len(ks)-1]] {
		if len(ks) == 1 && pt.namesAlone(kp, ks[0]) {
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
	pt := tables()
	for _, k := range PersonQueryKeys(word) {
		for _, kp := range pt.knownBySurname[k] {
			if pt.namesAlone(kp, k) {
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
	return personQueryKeys(keyOf(toks[0]))
}

// personQueryKeys is PersonQueryKeys of a word's key.
func personQueryKeys(k string) []string {
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
	pt := tables()
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
	pt := tables()
	kp, ok := pt.knownByID[id]
	if !ok {
		return "", false
	}
	return kp.name, true
}

// PersonSurnames gives the spellings of a known person's surname in the
// three languages and their transliterations (Tokayev, Tokaev, Toqaev), and
// of the one name they are known by (Saddam), so
// that a text found through the person can show where it names them; nil
// for other ids.
func PersonSurnames(id string) []string {
	kp, ok := tables().knownByID[id]
	if !ok {
		return nil
	}
	return strings.Fields(kp.surnames + " " + kp.alone)
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
	for k := range t.org {
		if orgUpperOnly[k] {
			t.class[k] |= cOrgUp
		} else {
			t.class[k] |= cOrg
		}
	}
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
	for k, es := range geo().gz {
		for _, e := range es {
			if len(e.words) >= 2 {
				t.class[k] |= cGzFirst
			}
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
	notPersonFirst map[string]bool     // first words of notPersons, to build a slug only when one may match
	trCommon       map[string]bool     // Turkish common nouns and adjectives (trInflected)
	trCommonBloom  bigBloom            // hashes of the keys of trCommon (isTrCommon)
	class          map[string]uint32   // word classes by key (cGiven...)
	words          *wordTable          // the same, with the key's string (capKey)
	lower          *wordTable          // the classes a lowercase word is asked for (lowerClass)
	capBloom       bigBloom            // hashes of the keys of words (and class)
	surnameBloom   bloom               // hashes of the keys of knownBySurname
	lowerBloom     bloom               // hashes of the keys of lower
	trOrg          map[string][]string // trOrgStems by their first three bytes
	knownBySurname map[string][]*knownPerson
	knownGiven     map[*knownPerson]map[string]bool
	knownAlone     map[string]*knownPerson // the one names of knownPerson.alone
	notGivenTr     map[string]bool         // given names left out as common words (notGiven), for strongName
	knownID        map[*knownPerson]string
	knownByID      map[string]*knownPerson
}

// tables are built on first use, not when the package loads (~8 MB of
// maps): a program that imports extract without reading persons pays
// nothing for them. People takes them once per call and hands them down.
var tables = sync.OnceValue(buildPersonTables)

func buildPersonTables() *personTables {
	gz := geo().gz
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
		knownAlone:     map[string]*knownPerson{},
		knownID:        map[*knownPerson]string{},
		knownByID:      map[string]*knownPerson{},
	}
	not := wordSet(notGiven)
	t.notGivenTr = not
	lines := func(file string, f func(k string)) {
		for _, line := range strings.Split(file, "\n") {
			line = strings.TrimSpace(line)
			if line != "" && line[0] != '#' {
				f(fold(line))
			}
		}
	}
	lines(givenNamesFile, func(k string) {
		if !not[k] && len(k) >= 3 {
			t.given[k] = true
		}
	})
	for k := range wordSet(givenExtra, givenSq, givenForeign, givenSqWritten) {
		t.given[k] = true
	}
	givenTr := map[string]bool{}
	lines(trGivenFile, func(k string) {
		if !not[k] && !t.given[k] {
			givenTr[k] = true
		}
	})
	t.trCommon = map[string]bool{}
	lines(trCommonFile, func(k string) {
		t.trCommon[k] = true
		t.trCommonBloom.add(fnv(k))
	})
	for k := range wordSet(givenTrWritten) {
		// Round 17: common words stay out (tr_common.txt, notGiven).
		if !not[k] && !t.trCommon[k] {
			t.given[k] = true
			delete(givenTr, k)
		}
	}
	notGivenHere := func(k string) bool {
		// Function words and country words are no given names here (Said,
		// India, Israel): a run they start is a sentence or a place.
		if w := stopW[k]; w != nil && (w[dSq] > 0 || w[dTr] > 0 || w[dEn] > 0) {
			return true
		}
		// Country names and demonyms are no given names (German, India):
		// a run they start is a place's or an institution's name.
		for _, e := range gz[k] {
			if len(e.words) == 1 && e.kind != kindBlock {
				return true
			}
		}
		return false
	}
	for _, set := range []map[string]bool{t.given, givenTr} {
		for k := range set {
			if notGivenHere(k) {
				delete(set, k)
			}
		}
	}
	for _, st := range append(trOrgStems[:len(trOrgStems):len(trOrgStems)], trThingStems...) {
		st = fold(st)
		t.trOrg[st[:3]] = append(t.trOrg[st[:3]], st)
	}
	t.notPersonFirst = map[string]bool{}
	for _, n := range strings.Fields(notPersons) {
		t.notPersons[n] = true
		t.notPersonFirst[strings.Split(n, "-")[0]] = true
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
		for _, s := range strings.Fields(kp.alone) {
			k := fold(s)
			t.knownBySurname[k] = append(t.knownBySurname[k], kp)
			t.knownAlone[k] = kp
		}
	}
	for k, kps := range t.knownBySurname {
		// A surname that names a known person alone is no given name
		// (Erdoğan is one in Turkey; Erdoğan Kılıçdaroğlu'na is two men).
		for _, kp := range kps {
			if t.namesAlone(kp, k) {
				delete(t.given, k)
				delete(givenTr, k)
			}
		}
	}
	for k := range t.knownBySurname {
		t.surnameBloom.add(fnv(k))
	}
	t.buildClasses()
	for k := range givenTr {
		t.class[k] |= cGivenTr
	}
	t.words = newWordTable(len(t.class))
	const lowerAsked = cTitleSq | cTitleTr | cTitleEn | cOrg | cOrgUp | cOrgBefore | cParticle | cPlaceSq | cPlaceTr | cPlaceEn
	nLower := 0
	for _, c := range t.class {
		if c&lowerAsked != 0 {
			nLower++
		}
	}
	t.lower = newWordTable(nLower)
	for k, c := range t.class {
		t.words.add(k, c)
		t.capBloom.add(fnv(k))
		if c&lowerAsked != 0 {
			t.lower.add(k, c)
			t.lowerBloom.add(fnv(k))
		}
	}
	return t
}

// isTrCommon is trCommon[k]: the Turkish rules ask it of every capitalized
// word and of its stems, and most are in no list.
func (t *personTables) isTrCommon(k string) bool {
	return t.trCommonBloom.has(fnv(k)) && t.trCommon[k]
}

// bySurname is knownBySurname[k]. Every capitalized word of a text is asked
// whether it is a known person's surname, and few are: a bloom filter
// answers most of them without the map's probe.
func (t *personTables) bySurname(k string) []*knownPerson {
	return t.bySurnameHash(k, fnv(k))
}

// bySurnameHash is bySurname for a key whose fnv is h.
func (t *personTables) bySurnameHash(k string, h uint32) []*knownPerson {
	if !t.surnameBloom.has(h) {
		return nil
	}
	return t.knownBySurname[k]
}

// trNounAfterName tells whether a Turkish word marked as an institution's is
// only a common noun with an ending (Röportajı, Açıklaması), not a word of
// institutions or places (Hastanesi, Kurulu): after a title and a name it
// is the heading's next word.
func (x *personScan) trNounAfterName(t ptoken) bool {
	return t.cls&cOrgTr != 0 && x.c(&t)&cOrg == 0 && !x.isTrOrg(t.key) && trInflected(x.pt, t.key)
}

// isQeveri tells whether an Albanian key is a form of "qeveri" (government):
// qeveria, qeverisë, qeverinë, qeverit.
func isQeveri(k string) bool {
	return strings.HasPrefix(k, "qeveri") && len(k) <= 10
}

// trThingGivens are Turkish given names that are common nouns too, which
// open the names of things as often as of persons: a route (İpek Yolu), a
// year (Toprak Yılı), a project (Altın Oran), a club's sponsor (Pınar
// Karşıyakalı).
var trThingGivens = wordSet(`İpek Altın Toprak Deniz Gül Pınar Umut Barış Yıldız Ay Güneş Bahar Ekin Çaykur Gıda Su Yağmur
Çiçek Bal Şeker Irmak Nur Özgür Can Doğan Derya Kader Güven Devrim Zafer Bayram Sevgi Ümit Dolunay Tuna Ege Arda Demir Kaya Çelik Ozan Erdem Başar Ergin Inci İnci Mercan Elmas Yakut Zümrüt Kartal Aslan Şahin Doğa Orman Bulut Ceylan Serin Duru Nehir Ada Yeşil Mavi Kutlu`)

// trThingNouns are common nouns the Turkish lexicon leaves out because they
// are names too, and which follow a given name of trThingGivens in the
// names of things (yıl, yol, oran): bare or possessed.
var trThingNouns = wordSet(`yol yolu yollari yıl yılı yillari oran oranı tarım tarımı altın toprak ipek deniz denizi su suyu
gün günü ay ayı yıldız yıldızı bahar çağ çağı kent kenti köy köyü vadi vadisi tepe tepesi ada adası park parkı
bayram bayramı vakıf vakfı sokak sokağı cadde caddesi meydan meydanı koleji kolej grup grubu market marketi`)

// trThingName tells whether toks[i:j], two Turkish words, are a given name
// of trThingGivens and a word no surname is: a common noun (bare, possessed
// or inflected), a club (-spor) or a place's adjective in -lı (Karşıyakalı).
func (x *personScan) trThingName(i, j int) bool {
	g, s := x.toks[i], x.toks[j-1]
	if !trThingGivens[g.key] || g.upper {
		return false
	}
	k := s.key
	switch {
	case trThingNouns[k] || trPossessed(x.pt, k) || trInflected(x.pt, k):
		return true
	case strings.HasSuffix(k, "spor") && len(k) > 5:
		return true
	}
	for _, suf := range []string{"li", "lu"} {
		if st := strings.TrimSuffix(k, suf); st != k && len(st) >= 3 && (x.pt.isTrCommon(k) || x.pt.class[st]&(cPlaceSq<<x.shift) != 0 || strings.HasSuffix(st, "spor")) {
			return true
		}
	}
	return false
}

// trVerbIn tells whether a Turkish word of toks[i:j] ends as a finite verb
// or a verbal noun does (Suçlanıyor, Olmakla): a name has none.
func (x *personScan) trVerbIn(i, j int) bool {
	for k := i; k < j; k++ {
		w := x.toks[k].key
		for _, suf := range []string{"iyor", "uyor", "yor", "makla", "mekle", "acak", "ecek", "mistir", "mustur"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
				return true
			}
		}
	}
	return false
}

// mixedCaps tells whether a word has two capitals or more after a lowercase
// letter (ZoRRoKiN), as handles and brands are written; a name has one at
// most (McKellen, DiCaprio).
func mixedCaps(w string) bool {
	lower, caps := false, 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r) && lower:
			caps++
		}
	}
	return caps >= 2
}

// sqInitialSurname tells whether toks[i:j], in an Albanian text, is an
// initial with its dot and a surname (T. Ramadanin, S. Sahiti): the initial
// is no function word there, and a surname the text never writes in
// lowercase makes the pair a name (round 17).
func (x *personScan) sqInitialSurname(i, j int) bool {
	if x.lang != "sq" || j-i != 2 {
		return false
	}
	a, b := x.toks[i], x.toks[i+1]
	return a.cap && utf8.RuneCountInString(a.text) == 1 && b.gap == gapInitial && x.text[a.start+1:b.start] == ". " &&
		b.cap && !b.upper && utf8.RuneCountInString(b.text) >= 3 && b.cls&cNotName == 0 &&
		!x.isStop(&b) && !x.isPlace(&b) && !x.isOrg(&b) && !x.isTitle(&b) && !x.lowerElsewhere(b.key)
}

// sqMiddleInitial tells whether the capital at k, in an Albanian run, is a
// middle initial between a given name and a surname (Bedri Z. Islami), not
// the abbreviated title z. (zoti) (round 17).
func (x *personScan) sqMiddleInitial(k, runStart, runEnd int) bool {
	t := x.toks
	return x.lang == "sq" && k > runStart && k+1 < runEnd && t[k].cap && utf8.RuneCountInString(t[k].text) == 1 &&
		t[k-1].cls&cGiven != 0 && !t[k-1].upper && t[k+1].gap == gapInitial && t[k+1].cap && !t[k+1].upper
}

// sqKnownAlone gives the known person whose surname the Albanian word at k
// is, when the surname alone does not name them (Haradinaj, Mustafa,
// Osmani: namesakes are many) but the article writes it alone twice or more
// and names no namesake: news of the region names its leaders by surname
// (Haradinaj apo Mustafa?, tha Osmani) (round 17).
func (x *personScan) sqKnownAlone(k int) *knownPerson {
	t := x.toks[k]
	if x.lang != "sq" || t.upper || x.inName(k) || k+1 < len(x.toks) && x.nameWord(&x.toks[k+1]) && x.toks[k+1].gap <= gapSpace {
		return nil
	}
	kp := x.knownSurname(t.key)
	if kp == nil || kp.surnameAlone || x.lowerElsewhere(t.key) || x.namesake(kp, t.key) {
		return nil
	}
	n := 0
	for m, u := range x.toks {
		if !u.cap || u.upper || x.inName(m) || m+1 < len(x.toks) && x.nameWord(&x.toks[m+1]) && x.toks[m+1].gap <= gapSpace {
			continue
		}
		if u.key == t.key || x.knownSurname(u.key) == kp {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	return kp
}

// sqOneSpelling tells whether two Albanian surname keys, case forms
// included, are one surname spelled twice: their nominatives one edit apart
// (Demhasën and Demhasaj, Radojviç and Radojeviç) or apart by the j of -aj
// (Boga, Bogaj). find asks a shared given name besides (round 17).
func (x *personScan) sqOneSpelling(a, b string) bool {
	if x.lang != "sq" {
		return false
	}
	return sqNominatives(a, func(s string) bool {
		return sqNominatives(b, func(t string) bool {
			if len(s) < 4 || len(t) < 4 {
				return false
			}
			return s+"j" == t || t+"j" == s || len(s) >= 6 && len(t) >= 6 && oneEdit(s, t)
		})
	})
}

// sqCoordinated reads, in Albanian, a given name alone before dhe or e and
// the full name just added at toks[i:j] as a second person of the same
// family name (Stefania dhe Assunta Del Mondo, Gabriel dhe Gaspër Pepaj):
// both words are given names of the lists in mixed case, and the first is
// no other person's of the article (round 17).
func (x *personScan) sqCoordinated(i, j int) {
	t := x.toks
	if i < 2 || j-i < 2 || t[i].gap != gapSpace || t[i-1].gap != gapSpace || t[i-1].cap || (t[i-1].key != "dhe" && t[i-1].key != "e") {
		return
	}
	g := t[i-2]
	if !g.cap || g.upper || x.used[i-2] || g.cls&cGiven == 0 || t[i].cls&cGiven == 0 || i > 2 && x.nameWord(&t[i-3]) && g.gap <= gapInitial {
		return
	}
	for _, p := range x.persons {
		if sharesGiven(p.given, []string{g.text}) && !x.sameSurname(p.surname, t[j-1].key) {
			return
		}
	}
	given := []string{g.text + " "}
	for k := i + 1; k < j-1; k++ {
		given = append(given, t[k].text+" ")
	}
	last := t[j-1]
	p := x.find(last.key, given, nil)
	if p == nil || !sharesGiven(p.given, given[:1]) {
		p = &pperson{surname: last.key, given: given, givenAt: i - 2}
		x.persons = append(x.persons, p)
	}
	x.used[i-2] = true
	p.count(last.text)
	p.last = j - 1
}

// sqAdjective tells whether a folded Albanian word has the shape of an
// adjective of offices (shkencor, kombetar, ekzekutiv) of eight letters or
// more: such endings end no Albanian surname, which ends in a vowel or -j,
// and short words so ending are given names (Mentor, Viktor) (round 17).
func sqAdjective(k string) bool {
	if len(k) < 8 {
		return false
	}
	for _, e := range []string{"or", "ore", "tar", "tare", "iv", "ive"} {
		if strings.HasSuffix(k, e) {
			return true
		}
	}
	return false
}
