package extract

import (
	"strings"
	"unicode/utf8"
)

// Labelled lists of people (round 8). News prints appointments and squads as
// lists whose shape says what the items are, where the words alone do not:
//
//	Adana: Kemal Kiraz
//	Adıyaman: Hüseyin Şen          (a label, a colon, a full name, per line)
//	M Blair (Edinburgh), A Craig (Glasgow), ...   (initial, surname, club)
//
// A list of appointments names people whose given names no list holds and
// whose surnames are common words (Şen, Taş, Çağ); a squad names them by
// initial and surname only. listItems finds such lists before the runs are
// read, so that a name does not run into the next line's label (Kemal Kiraz
// / Adıyaman) and the labels and clubs name nobody (London Irish).

// between returns the text between token k-1 and token k.
func (x *personScan) between(k int) string {
	p := x.toks[k-1]
	return x.text[p.start+len(p.text) : x.toks[k].start]
}

// listItems marks the items of labelled lists in x.item (nil when the text
// holds none): for an item toks[i:j], item[i] = j+1 and its label or bracket
// tokens -1.
func (x *personScan) listItems() {
	x.item = nil
	colons := strings.Count(x.text, ":") >= 3
	brackets := strings.Count(x.text, "(") >= 4
	commas := strings.Count(x.text, ",") >= commaListLen-1
	if !colons && !brackets && !commas || len(x.toks) < 8 {
		return
	}
	var group [][4]int // label start, label end (= item start), item end, line
	flush := func() {
		if len(group) >= 3 {
			x.colonGroup(group)
		}
		group = group[:0]
	}
	var titled [][3]int // name start, name end, line end
	flushTitled := func() {
		if len(titled) >= 3 {
			x.titleGroup(titled)
		}
		titled = titled[:0]
	}
	line := 0
	for a := 0; a < len(x.toks); line++ {
		b := a + 1
		for b < len(x.toks) && !x.newlineBefore(b) {
			b++
		}
		if brackets {
			x.initialList(a, b)
			x.nameGroupList(a, b)
		}
		if commas {
			x.commaList(a, b)
		}
		if colons {
			if e := x.titleLine(a, b); e > 0 {
				titled = append(titled, [3]int{a, e, b})
			} else {
				flushTitled()
			}
			items := x.colonLine(a, b)
			if len(items) == 0 || len(items) > 1 && len(group) > 0 {
				flush()
			}
			for _, it := range items {
				group = append(group, [4]int{it[0], it[1], it[2], line})
			}
			if len(items) > 1 {
				flush()
			}
		}
		a = b
	}
	flush()
	flushTitled()
}

// titleLine reads the line toks[a:b] as a line of a table of contents: a
// name of two to four capitalized words (an initial may open it), a colon,
// and a title in quotes up to the line's end (Şenol Tombaş: ”Ender Bulunan
// Gül”; Dursun Ali Akınet :“Palavra İsin”). It returns where the name ends;
// 0 when the line is no such line.
func (x *personScan) titleLine(a, b int) int {
	for e := a + 2; e <= a+4 && e < b; e++ {
		between := x.between(e)
		c := strings.IndexByte(between, ':')
		if c < 0 {
			continue
		}
		rest := strings.TrimLeft(between[c+1:], " \t\u00a0")
		r, _ := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune("\"“”„«»", r) {
			return 0
		}
		i := a
		if utf8.RuneCountInString(x.toks[a].text) == 1 && x.toks[a+1].gap == gapInitial {
			i++
		}
		if !x.nameSpan(i, e) || x.titledItem(a, e) {
			return 0
		}
		return e
	}
	return 0
}

// titleGroup accepts three lines or more of a table of contents in a row
// (titleLine) when half of their names or more, and three at least, open
// with a given name of the lists: every name is a person, and what the
// quotes hold names nobody (round 12).
func (x *personScan) titleGroup(lines [][3]int) {
	given := 0
	for _, l := range lines {
		k := l[0]
		if utf8.RuneCountInString(x.toks[k].text) == 1 {
			k++
		}
		if x.toks[k].cls&(cGiven|cGivenTr) != 0 {
			given++
		}
	}
	if given < 3 || 2*given < len(lines) {
		return
	}
	for _, l := range lines {
		x.mark(l[0], l[1], l[1], l[2])
	}
}

// mark records the item toks[i:j] and its label or bracket toks[l:m].
func (x *personScan) mark(i, j, l, m int) {
	if x.item == nil {
		x.item = make([]int, len(x.toks))
	}
	for k := l; k < m; k++ {
		x.item[k] = -1
	}
	x.item[i] = j + 1
}

// colonLine reads the line toks[a:b] as items of a labelled list: one label
// of up to three words (capitalized or numbers: Ankara 2, İstanbul Ana Güney)
// before a colon and a name of two to four capitalized words after it, up to
// the line's end; or, on one line, three labels or more of one word each,
// each after the name before it (Adana: Kemal Kiraz Adıyaman: Hüseyin Şen
// ...). It returns the items as label start, name start, name end; none when
// the line is no such list.
func (x *personScan) colonLine(a, b int) [][3]int {
	var cs []int // tokens a colon follows
	for k := a + 1; k < b; k++ {
		if strings.IndexByte(x.between(k), ':') >= 0 {
			cs = append(cs, k-1)
		}
	}
	if len(cs) == 0 || cs[0]-a > 2 || strings.IndexByte(x.text[x.toks[b-1].start:x.lineEnd(b)], ':') >= 0 {
		return nil
	}
	for k := a; k <= cs[0]; k++ {
		if t := x.toks[k]; !t.cap && (t.key == "" || t.key[0] < '0' || t.key[0] > '9') {
			return nil
		}
	}
	var out [][3]int
	if len(cs) == 1 {
		if x.nameSpan(cs[0]+1, b) {
			out = append(out, [3]int{a, cs[0] + 1, b})
		}
		return out
	}
	if len(cs) < 3 {
		return nil
	}
	label := a
	for n, c := range cs {
		end := b
		if n+1 < len(cs) {
			end = cs[n+1] // the next label is the one word before its colon
		}
		if !x.nameSpan(c+1, end) || n+1 < len(cs) && !x.toks[end].cap {
			return nil
		}
		out = append(out, [3]int{label, c + 1, end})
		label = end
	}
	return out
}

// lineEnd returns the byte offset where the line of token b-1 ends.
func (x *personScan) lineEnd(b int) int {
	if b < len(x.toks) {
		return x.toks[b].start
	}
	return len(x.text)
}

// nameSpan tells whether toks[i:j] may be a name in a list: two to four
// capitalized words in mixed case with nothing but spaces, hyphens or an
// initial's dot between them.
func (x *personScan) nameSpan(i, j int) bool {
	if j-i < 2 || j-i > 4 {
		return false
	}
	for k := i; k < j; k++ {
		t := x.toks[k]
		if !x.nameWord(&t) || t.upper || k > i && t.gap > gapInitial {
			return false
		}
	}
	return true
}

// colonGroup accepts a group of three items or more of consecutive lines
// (or of one line) when it is a list of people: at least three of its names,
// and half of them, start with a given name of the lists. That establishes
// the pattern, and every name in it counts, whether or not its given name is
// in a list (Vakkas Özmercan) or its surname is a common word (Hüseyin Şen,
// Yakup Çağ). A list of products, places or figures (Motor: Volvo D5) has no
// such three.
func (x *personScan) colonGroup(group [][4]int) {
	given := 0
	for _, g := range group {
		if t := x.toks[g[1]]; t.cls&(cGiven|cGivenTr) != 0 {
			given++
		}
	}
	if given < 3 || 2*given < len(group) {
		return
	}
	for _, g := range group {
		x.mark(g[1], g[2], g[0], g[1])
	}
}

// squadItem is an item of a squad line: the name toks[i:j] and what the
// brackets after it hold, toks[j:q] (q == j: no brackets).
type squadItem struct{ i, j, q int }

// squadLine splits the line toks[a:b] into the items of a squad: names
// between commas or semicolons, each maybe with a club or place in brackets
// after it (G Thomas (Toulouse, capt); K Morgan (Newport-Gwent), ...;
// Birkan Batuk, Cedi Osman (Anadolu Efes), ...). A label of up to three
// capitalized words and a colon may open the line (Replacements:): it
// returns where the items start. An item the shape does not fit (a word in
// lowercase, an unclosed bracket) is skipped up to the next comma and
// counted in bad. A bracket that the text forgot to open after an initial
// and a surname (C Sweeney Newport-Gwent)) is read as if it were there.
func (x *personScan) squadLine(a, b int) (start int, items []squadItem, bad int) {
	start = a
	for c := a; c < b-1 && c-a < 3 && x.nameWord(&x.toks[c]); c++ {
		if strings.IndexByte(x.between(c+1), ':') >= 0 {
			start = c + 1
			break
		}
	}
	sep := func(k int) bool { return hasAnyByte(x.between(k), ",;") }
	for k := start; k < b; {
		j := k
		for j < b && (j == k || !hasAnyByte(x.between(j), ",;()")) && x.nameWord(&x.toks[j]) && (j == k || x.toks[j].gap <= gapInitial) {
			j++
		}
		q := j
		switch {
		case j == k:
		case j == b:
		case strings.IndexByte(x.between(j), '(') >= 0:
			q = j + 1
			for q < b && strings.IndexByte(x.between(q), ')') < 0 {
				q++
			}
			if q-j > 4 || q == b && strings.IndexByte(x.text[x.toks[b-1].start:x.lineEnd(b)], ')') < 0 || q < b && !sep(q) {
				j = k // no closed bracket of a club: no item
			}
		case strings.IndexByte(x.between(j), ')') >= 0 && j-k >= 3 && utf8.RuneCountInString(x.toks[k].text) == 1 && sep(j):
			j, q = k+2, j
		case !sep(j):
			j = k
		}
		if j == k {
			bad++
			for k++; k < b && !sep(k); k++ {
			}
			continue
		}
		items = append(items, squadItem{k, j, q})
		k = q
	}
	return start, items, bad
}

// initialList reads the line toks[a:b] as a squad by initial and surname,
// each with a club or place in brackets (M Blair (Edinburgh), A Craig
// (Glasgow), G Bulloch (Glasgow, capt), ...; semicolons may part the
// positions, a label may open the line: Replacements: R McBryde
// (Llanelli), ...): three such items at least, and one item in four at most
// of another shape (a typo's). Each initial and surname is a person; what
// the brackets hold names nobody.
func (x *personScan) initialList(a, b int) {
	start, items, bad := x.squadLine(a, b)
	good := items[:0:0]
	for _, it := range items {
		ok := it.q > it.j && it.j-it.i >= 2 && it.j-it.i <= 3 && x.toks[it.i].cap && utf8.RuneCountInString(x.toks[it.i].text) == 1
		for k := it.i + 1; ok && k < it.j; k++ {
			t := x.toks[k]
			// A second word after a particle or a hyphen (M Di Rollo,
			// R Sowden-Taylor).
			ok = !t.upper && utf8.RuneCountInString(t.text) > 1 && (k == it.i+1 || t.gap == gapHyphen || x.toks[k-1].cls&cParticle != 0)
		}
		if ok {
			good = append(good, it)
		} else {
			bad++
		}
	}
	if len(good) < 3 || 4*bad > len(good)+bad {
		return
	}
	for _, m := range good {
		x.mark(m.i, m.j, m.j, m.q)
	}
	for k := a; k < start; k++ {
		x.item[k] = -1 // the label names nobody
	}
}

// nameGroupList reads the line toks[a:b] as a squad of full names in
// groups, each group before the club its players come from (Birkan Batuk,
// Cedi Osman, Emircan Koşut (Anadolu Efes), Can Maxim Mutaf (Banvit),
// ...): five names at least of two to four capitalized words, three
// brackets at least, three names and half of them opening with a given name
// of the lists, and one item in four at most of another shape. Every name
// is a person, whether or not its given name is in a list (Can is a common
// word too); what the brackets hold names nobody (Fenerbahçe Ülker).
func (x *personScan) nameGroupList(a, b int) {
	_, items, bad := x.squadLine(a, b)
	brackets, given := 0, 0
	good := items[:0:0]
	for _, it := range items {
		if !x.nameSpan(it.i, it.j) || utf8.RuneCountInString(x.toks[it.i].text) < 2 {
			bad++
			continue
		}
		good = append(good, it)
		if it.q > it.j {
			brackets++
		}
		if x.toks[it.i].cls&(cGiven|cGivenTr) != 0 {
			given++
		}
	}
	if len(good) < 5 || brackets < 3 || given < 3 || 2*given < len(good) || 4*bad > len(good)+bad {
		return
	}
	for _, m := range good {
		x.mark(m.i, m.j, m.j, m.q)
	}
}

// listItem judges the item toks[i:j] of a list. A surname the article has
// given a person already, with given names that may be the item's, is a
// later mention of them (C Paterson after Chris Paterson): the usual rules
// read it; R Lamont after S Lamont, Hasan Yılmaz after Mustafa Yılmaz are
// two. Any other item is a person by the list's pattern.
func (x *personScan) listItem(i, j int) {
	last := x.toks[j-1]
	// After a given name of the lists a function word or a title word is a
	// surname that is also a word (Hüseyin Şen: şen, folded sen, "you").
	given := x.toks[i].cls&(cGiven|cGivenTr) != 0
	// After a given name a Turkish stem of institutions is a surname too
	// (Oğuz Savaş: savaş, "war").
	org := x.isOrg(&last) && !(given && x.c(&last)&cOrg == 0)
	if x.mentionOf(i, j) || org || x.isPlace(&last) || !given && (x.isStop(&last) || x.isTitle(&last)) {
		x.run(i, j)
		return
	}
	x.add(i, j, x.knownFull(i, j), false)
}

// mentionOf tells whether the list item toks[i:j] may name a person the
// article has named already: the same surname, and no given name, or a first
// given name with the item's first letter (an initial) or shared with it.
func (x *personScan) mentionOf(i, j int) bool {
	first := x.toks[i].text
	initial := utf8.RuneCountInString(first) == 1
	for _, p := range x.persons {
		if !x.sameSurname(p.surname, x.toks[j-1].key) {
			continue
		}
		if len(p.given) == 0 || j-i == 1 {
			return true
		}
		g := strings.TrimRight(p.given[0], " -.")
		if initial && strings.HasPrefix(fold(g), fold(first)) || sharesGiven(p.given, []string{first}) {
			return true
		}
	}
	return false
}

// commaListLen is the least number of names in a row that make a list of
// people between commas (commaList).
const commaListLen = 6

// commaList reads the line toks[a:b] for lists of people written between
// commas alone, as magazines and fairs name their writers and artists
// (Mevlude Varol, Aysun Ateş, Dilşad İpar, Buse Adik, E.Sude Adik, ...):
// commaListLen names or more in a row, each of two to four capitalized words
// in mixed case (an initial may open it), half of them or more opening with
// a given name of the lists. That establishes the pattern, and every name in
// the row is a person, whether or not its given name is in a list or its
// surname is a common word (round 12). A row of places, firms or clubs has
// no such given names; the items the row's shape does not fit (the prose
// before the first comma, "X ve Y" at its end) are read as usual.
func (x *personScan) commaList(a, b int) {
	// Every item of a row but its last ends at a gap with a comma or a
	// semicolon, inside the line: a line with fewer of them holds no row
	// of commaListLen, and most lines of prose are such.
	line := x.text[x.toks[a].start:x.toks[b-1].start]
	if strings.Count(line, ",")+strings.Count(line, ";") < commaListLen-1 {
		return
	}
	_, items, _ := x.squadLine(a, b)
	row := items[:0:0]
	flush := func() {
		given := 0
		for _, it := range row {
			k := it.i
			if utf8.RuneCountInString(x.toks[k].text) == 1 {
				k++
			}
			if x.toks[k].cls&(cGiven|cGivenTr) != 0 {
				given++
			}
		}
		if len(row) >= commaListLen && 2*given >= len(row) {
			for _, m := range row {
				if x.item == nil || x.item[m.i] == 0 {
					x.mark(m.i, m.j, m.j, m.j)
				}
			}
		}
		row = row[:0]
	}
	for n, it := range items {
		if n > 0 && it.i != items[n-1].q {
			flush()
		}
		ok := it.q == it.j && x.nameSpan(it.i, it.j) && x.toks[it.i].cls&cNotName == 0 && !x.titledItem(it.i, it.j) ||
			it.q == it.j && it.j-it.i >= 3 && utf8.RuneCountInString(x.toks[it.i].text) == 1 && x.toks[it.i+1].gap == gapInitial && x.nameSpan(it.i+1, it.j)
		if !ok {
			flush()
			continue
		}
		row = append(row, it)
	}
	flush()
}

// titledItem tells whether a word of toks[i:j] is a title (Prof. Dr. Durali
// Yılmaz): such an item is no part of a row, the usual rules read it.
func (x *personScan) titledItem(i, j int) bool {
	for k := i; k < j; k++ {
		if x.toks[k].cls&(cTitleSq|cTitleTr|cTitleEn) != 0 {
			return true
		}
	}
	return false
}

// hasAnyByte is strings.ContainsAny for a set of ASCII bytes: what stands
// between two words is mostly one space, and squadLine asks it of every
// word of a list's lines, where ContainsAny's set building cost more than
// the scan.
func hasAnyByte(s, set string) bool {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(set); j++ {
			if s[i] == set[j] {
				return true
			}
		}
	}
	return false
}
