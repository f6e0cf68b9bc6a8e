package extract

import "strings"

// givenEn are given names that English news writes and that no list held
// (round 17), written from knowledge: English, Scottish, Irish and Welsh
// short forms and names (Cherie, Fearne, Geoff, Niamh, Rhys), Russian and
// Ukrainian transliterations (Yury, Vyacheslav), and names of South and
// Southeast Asian, Middle Eastern, African and Japanese public figures'
// traditions (Pervez, Susilo, Megawati, Olusegun, Junichiro). Also the
// English given names that the function words of Albanian or Turkish remove
// from the shared list (Ben, Jane, Kim, Tim, Pat: ben is Turkish "I"): in
// English text they are names. They count in English text only.
var givenEn = wordSet(`
Aamir Abdelaziz Abdoulaye Abdurrahman Abhishek Ailsa Aishwarya Akbar Akihito Akira Alasdair Aled
Alesha Alexey Alfie Alistair Altaf Amadou Amien Amitabh Amr Amram Ana Anatoliy Anatoly Andrey Anwar
Aoife Araminta Asif Atal Avigdor Avril Baine Ben Benazir Bertie Bess Biff Bihari Binyamin Boutros
Brenda Brid Calum Cath Catriona Cerys Chandrababu Chas Cherie Chuck Ciaran Cillian Clemency Colm
Cormac Cressida Dafydd Danni Dannii Debby Debs Dermot Diarmuid Dmitriy Dmitry Donal Dottie Dov Eamon
Eamonn Ehud Eilidh Eisuke Emlyn Enda Eoin Euan Ewan Farooq Fearne Fergal Fergus Fintan Fionnuala
Gareth Gennadiy Gennady Geoff Geraint Geri Gethin Ghazi Glenys Gnassingbe Graeme Grainne Grigoriy
Grigory Gwyneth Haile Hanan Harbhajan Haruki Hasyim Heizo Hermione Hideki Hideo Hirohito Hiroshi
Hisashi Hoshyar Hosni Hrithik Hywel Iain Ianto Ichiro Idriss Ieuan Inzamam Isamu Iyad Jalal Jamelia
Jane Jaswant Javagal Javed Javine Jawaharlal Jayalalitha Jemima Jocasta Jomo Jonny Jools Joss
Judi Junichiro Kajol Kapil Kareena Kath Kaye Kazuo Keiko Keizo Khaled Kiichi Kim Kirsty Kiyoshi Koji
Kym Lalu Lemar Lorcan Maggy Mairead Makoto Manmohan Marwan Masahiro Masako Masayoshi Massoud
Mayawati Meg Megawati Mel Meles Mhairi Mia Michiko Micky Mikhail Mochtar Moqtada Morag Morihiro
Muammar Mulayam Muqtada Murdo Mutya Mwai Myleene Nabil Naoto Naruhito Nawaz Nerys Niall Niamh Nicky
Nikolay Noboru Nobuo Noriko Nuala Nursultan Nwankwo Obafemi Oisin Olly Olusegun Oonagh Orla Osama
Ousmane Padraic Padraig Palaniappan Pat Persephone Pervez Pranab Priyanka Raila Rani Raza Rhian
Ringo Rob Roisin Ruairi Ruaridh Ryutaro Sadako Saeb Satoshi Shahbaz Shahid Shahrukh Sharleen Shaukat
Shaul Shigeru Shimon Shintaro Shinzo Shoaib Shona Sian Sinead Siobhan Sourav Struan Sunil Susilo
Tadhg Takashi Takeo Takeshi Tallulah Tamsin Tariq Taro Tetsuya Thabo Tim Tomiichi Toshiki Toyoo
Trish Trudy Tsutomu Tzipi Uhuru Uzi Valeriy Valery Vikki Virender Vitaliy Vitaly Vyacheslav Waqar
Wasim Winnie Wiranto Yashwant Yasir Yasser Yasuhiro Yasuo Yegor Yevgeniy Yevgeny Yitzhak Yoko
Yoshihiko Yoshiro Yossi Yousuf Yoweri Yukio Yuko Yuliya Yuriy Yury Zafarullah Zaheer Zine
`)

// asianFamilyNames are common family names of the Chinese (pinyin, Wade-Giles,
// Cantonese), Korean, Vietnamese and Japanese traditions, written from
// knowledge (round 17). A run of two or three words is a name when one of
// them, first or last, is such a family name and the others are romanized
// syllables (Wang Xuebing, Wen Jiabao, Xianglin Hou, Yun Young-Chul, Yu
// Chien-ming, Junichiro Koizumi): English news writes these names without a
// given name of the lists. Family names that are English words (Do, Le, Oh,
// Ha, Son, Moon, Long, Young) are left out.
var asianFamilyNames = wordSet(`
Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Sun Zhu Hu Guo Gao Lin Luo Zheng Liang Xie
Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Wei Su Lu Ding
Ren Shen Yao Jin Zhong Tan Fang Shi Xiong Dai Qian Qin Kong Mao Hou Wen Jia Xia Bai Lei Hao
Gong Yan Zhai Qiao Qu Wu Li Ma Chang Chiang Chou Hsu Hsieh Chao Chu Kuo Lai Tsai Tseng Wong
Chan Leung Cheung Lam Ng Kwok Yip Tsang Mak Chow Lau Tse Tsui Fung Ho Lee Teo Goh Ong Koh
Kim Park Choi Jung Jeong Kang Cho Yoon Yun Jang Lim Han Shin Seo Kwon Hwang Ahn Song Hong Jeon
Ko Bae Baek Heo Nam Roh Noh Kwak Sung Chung Rhee Ryu Yoo
Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Ly Trinh Truong
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada
Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Ikeda Hashimoto Ishikawa Ogawa
Okada Hasegawa Fujita Goto Kondo Murakami Endo Aoki Sakamoto Saito Fukuda Nishimura Miyazaki
Nakajima Koizumi Obuchi Takeshita Nakasone Miyazawa Hosokawa Murayama Hatoyama Ozawa Okamoto
Kaifu Uno Kishi Sumita Mieno Miyazawa Abe Aso Noda
`)

// rankWordsEn are English ranks and church titles that open a person's
// name but are also words of institutions' names (General Motors, the
// General Assembly, Father Christmas): before a name of two words or more,
// or before a surname the text writes again, they are a title and no part
// of the name (General Musharraf, President General Pervez Musharraf).
var rankWordsEn = wordSet(`general father brother sister bishop archbishop cardinal rabbi imam
ayatollah reverend rev pastor major marshal`)

// titleWordsEn are English peerages, sports positions, professions and roles
// that stand before a name as titles do (Baroness Morgan, Pittsburgh
// quarterback Ben Roethlisberger, producer Andi Peters, rapper Jadakiss),
// written from knowledge (round 17). Words that are verbs or adjectives
// before a team or a place as well (host, model, rival, forward, shadow)
// are left out.
var titleWordsEn = wordSet(`baroness baron viscount countess duchess marquess marquis
quarterback pitcher batsman bowler fullback halfback linebacker skipper flanker fly-half scrum-half
chef designer producer presenter newcomer comedian novelist poet artist photographer rapper
guitarist drummer bassist pianist violinist composer conductor architect historian scientist
researcher lecturer consultant adviser advisor aide tycoon billionaire magnate banker investor
entrepreneur businessman businesswoman activist campaigner lawmaker legislator diplomat teammate
compatriot countryman filmmaker director-general chairman-elect vice-chairman backbencher pundit
commentator broadcaster newsreader playwright screenwriter sculptor painter dancer ballerina
choreographer supermodel heiress socialite`)

// notNameEn are words that end or follow a run of capitals in English
// news without naming anyone: feasts after a rank (Father Christmas), and
// the party and church words of descriptions (the Washington Democrat, the
// North Carolina Republican, the opposition Democratic party, Roman
// Catholic bishops). As the first word of a run a party word is still a
// title (Democrat Tom Foley).
var notNameEn = wordSet(`christmas easter xmas democrat democrats democratic republican
republicans catholic catholics protestant protestants anglican anglicans methodist methodists
baptist baptists lutheran lutherans presbyterian presbyterians evangelical evangelicals`)

// tickerAfter tells whether a stock ticker in angle brackets follows the
// run that ends before token j: Reuters writes one after a company's name
// (Atlas Copco <ASTS ST>, DAYTON HUDSON <XXX> DOWNGRADED), never after a
// person's.
func (x *personScan) tickerAfter(j int) bool {
	last := x.toks[j-1]
	rest := strings.TrimLeft(x.text[last.start+len(last.text):], " \t\r\n")
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		rest = strings.TrimLeft(rest[strings.Index(rest, "s")+1:], " \t\r\n")
	}
	return strings.HasPrefix(rest, "<")
}

// orgSurnamesEn are institution words that are common English surnames
// too (Hall, Mills, House): after a given name they end a person's name
// where only a name stands (round 17).
var orgSurnamesEn = wordSet(`hall mills house church castle park bridge tower lane post press`)

// orgSurname tells whether the institution word at k, in English text,
// is the surname of the given name before it: the run is those two words,
// after a title (BBC correspondent Simon Hall) or before a comma and a role
// (Greg Mills, program director at AOL).
func (x *personScan) orgSurname(start, k, j int, titled bool) bool {
	t := x.toks
	if x.lang != "en" || k != j-1 || k-start != 1 || !orgSurnamesEn[t[k].key] || t[k].upper || t[start].upper ||
		t[start].cls&cGiven == 0 || t[k].gap != gapSpace {
		return false
	}
	return titled || x.enRoleAfter(j)
}

// enRoleAfter tells whether a comma and a role follow the run that ends
// before token j: a title word within the next four words (Greg Mills,
// program director at AOL; Simon Hall, the BBC's correspondent).
func (x *personScan) enRoleAfter(j int) bool {
	t := x.toks
	if j >= len(t) || t[j].gap != gapPunct || strings.TrimSpace(x.text[t[j-1].start+len(t[j-1].text):t[j].start]) != "," {
		return false
	}
	for k := j; k < j+4 && k < len(t); k++ {
		if k > j && t[k].gap > gapSpace && !t[k].suffix && !t[k-1].suffix {
			return false
		}
		if x.isTitle(&t[k]) {
			return true
		}
	}
	return false
}

// thingAfterEn are English nouns that, in lowercase right after a run of
// capitals, make it the name of a firm or a site (its newly acquired Dayton
// Walther business, the Brady Hot Springs facility): no person. Nouns that
// are verbs too (plants, shares, stakes) are left out.
var thingAfterEn = wordSet(`business businesses facility facilities subsidiary subsidiaries unit
division divisions refinery refineries affiliate affiliates franchise brand brands label
venture complex plant oilfield field fields mine smelter shipyard`)

// orgWordsEn are English words of events, units and banks that end or open
// their names like an institution's word (London Marathon, Economist
// Intelligence Unit, Westpac Finance, Six Nations, Banque Paribas): no
// person.
var orgWordsEn = wordSet(`marathon marathons regatta triathlon unit units finance nations banque
banca banco`)

// enTokens marks, in English text, the titles of titleWordsEn, the given
// names of givenEn, the words of notNameEn and the event words of orgWordsEn on the capitalized
// words (round 17).
func (x *personScan) enTokens() {
	for i := range x.toks {
		t := &x.toks[i]
		if !(t.cap && !t.upper || t.lc) {
			continue
		}
		e := enClass(t.key, t.h) // capitalized or lc: h is the key's
		if e&enTitle != 0 {
			t.cls |= cTitleEn
		}
		if !t.cap || t.upper {
			continue
		}
		if e&enNotName != 0 {
			t.cls |= cNotName
			continue
		}
		if e&enOrg != 0 {
			t.cls |= cOrg
			continue
		}
		if t.cls&(cGiven|cNotName|cParticle) == 0 && e&enGiven != 0 && !x.isPlace(t) && !x.isStop(t) {
			t.cls |= cGiven
		}
	}
}

// The English lists enTokens asks of every capitalized word, as bits of one
// map behind a bloom filter: most words are in none, and one bit test
// replaced up to four map probes a word.
const (
	enTitle   uint8 = 1 << iota // titleWordsEn
	enNotName                   // notNameEn
	enOrg                       // orgWordsEn
	enGiven                     // givenEn
)

var enWords, enBloom = func() (map[string]uint8, *bloom) {
	m := map[string]uint8{}
	for _, l := range []struct {
		set map[string]bool
		bit uint8
	}{{titleWordsEn, enTitle}, {notNameEn, enNotName}, {orgWordsEn, enOrg}, {givenEn, enGiven}} {
		for k, ok := range l.set {
			if ok {
				m[k] |= l.bit
			}
		}
	}
	b := new(bloom)
	for k := range m {
		b.add(fnv(k))
	}
	return m, b
}()

// enClass is the enWords bits of key, whose fnv is h.
func enClass(key string, h uint32) uint8 {
	if !enBloom.has(h) {
		return 0
	}
	return enWords[key]
}

// asianName tells whether toks[i:j], in English text, is a name of an East
// or Southeast Asian tradition: two or three words in mixed case, one of
// them, first or last, a family name of asianFamilyNames and every other one
// made of romanized syllables (round 17).
func (x *personScan) asianName(i, j int) bool {
	n := j - i
	if x.lang != "en" || n < 2 || n > 3 {
		return false
	}
	toks := x.toks
	for k := i; k < j; k++ {
		t := toks[k]
		if t.upper && len(t.text) > 1 || !isASCII(t.text) || len(t.text) < 2 || x.isOrg(&t) || x.isTitle(&t) || x.isStop(&t) ||
			t.cls&(cNotName|cParticle) != 0 || k > i && t.gap > gapHyphen {
			return false
		}
	}
	// The given name has two syllables or more (Xuebing, Young-Chul,
	// Guang Ming): a family name and one syllable is too often a place or
	// a firm (Chow Kit, Sun Life).
	syl := func(a, b int) bool {
		n := 0
		for k := a; k < b; k++ {
			s := romanizedSyllables(toks[k].key)
			if s == 0 {
				return false
			}
			n += s
		}
		return n >= 2
	}
	if asianFamilyNames[toks[i].key] && !x.isPlace(&toks[i]) && toks[i+1].gap == gapSpace && syl(i+1, j) {
		return true
	}
	// Given name first: the family name last, after one word or two
	// joined by a hyphen (Xianglin Hou, Junichiro Koizumi).
	return asianFamilyNames[toks[j-1].key] && toks[j-1].gap == gapSpace && !x.isPlace(&toks[j-1]) &&
		(n == 2 || toks[i+1].gap == gapHyphen) && syl(i, j-1)
}

// familyFirst records that the person just added from the Asian name
// that starts at token i writes its family name first (Wang Xuebing): the
// family name alone later names them (Mr Wang, Wang said), though their
// surname, as the rules keep it, is the last word.
func (x *personScan) familyFirst(i int) {
	t := x.toks[i]
	if !asianFamilyNames[t.key] || x.toks[i+1].gap != gapSpace {
		return
	}
	if x.family == nil {
		x.family = map[string]*pperson{}
	}
	x.family[t.key] = x.persons[len(x.persons)-1]
}

// romanizedInitials and romanizedFinals are the onsets and codas of
// pinyin, Wade-Giles, Korean, Vietnamese and Japanese romanizations.
var (
	romanizedInitials = []string{"zh", "ch", "sh", "ts", "tz", "hs", "ng", "nh", "th", "tr", "ph", "kh", "gi", "ky", "ry", "ny", "hy", "my", "by", "gy", "py",
		"b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", "v", ""}
	romanizedFinals = []string{"ng", "nh", "ch", "hn", "h", "n", "m", "l", "k", "p", "t", "c", ""}
)

// romanizedSyllables returns into how few syllables of an East or
// Southeast Asian romanization (an onset, one to three vowels, a coda) the
// folded word k splits, at most four (xue-bing, jia-bao, chien, young,
// chul, ju-ni-chi-ro); 0 when it does not.
func romanizedSyllables(k string) int {
	if len(k) < 2 || len(k) > 12 || !isASCII(k) {
		return 0
	}
	for n := 1; n <= 4; n++ {
		if romanizedSplit(k, n) {
			return n
		}
	}
	return 0
}

// romanizedSplit tells whether k splits into exactly left syllables.
func romanizedSplit(k string, left int) bool {
	var split func(s string, left int) bool
	split = func(s string, left int) bool {
		if s == "" {
			return left == 0
		}
		if left == 0 {
			return false
		}
		for _, on := range romanizedInitials {
			if !strings.HasPrefix(s, on) {
				continue
			}
			r := s[len(on):]
			v := 0
			for v < len(r) && v < 3 && strings.IndexByte("aeiou", r[v]) >= 0 {
				v++
			}
			if v == 0 {
				continue
			}
			for nv := v; nv >= 1; nv-- {
				for _, co := range romanizedFinals {
					if strings.HasPrefix(r[nv:], co) && split(r[nv+len(co):], left-1) {
						return true
					}
				}
			}
		}
		return false
	}
	return split(k, left)
}

// capsLineEnd tells whether a line break parts the word at j from the
// word before it and one of them is in capitals, the other in mixed case:
// a wire's heading in capitals runs into the text's first line there
// (RESTORES MINIMUM WAGE / Nigeria's military), no name across it.
func (x *personScan) capsLineEnd(j int) bool {
	a, b := x.toks[j-1], x.toks[j]
	return a.upper != b.upper && len(a.text) > 1 && len(b.text) > 1 && strings.IndexByte(x.text[a.start:b.start], '\n') >= 0
}

// rankBefore tells whether the word at i, in English text, is a rank of
// rankWordsEn that opens the name toks[i+1:j]: not after "the" (the
// General Assembly), before two words or more, or before one that the text
// writes again without it (General Musharraf ... President Musharraf).
func (x *personScan) rankBefore(i, j int) bool {
	if x.lang != "en" || j-i < 2 || !rankWordsEn[x.toks[i].key] || x.toks[i].upper || x.toks[i+1].gap != gapSpace {
		return false
	}
	if i > 0 && x.toks[i-1].key == "the" {
		return false
	}
	if j-i >= 3 {
		return true
	}
	// One word: the text writes it again without the rank, never in
	// lowercase, and no "of" or "on" follows it (General Agreement on
	// Tariffs, the agreement).
	t := x.toks
	if j < len(t) && t[j].gap == gapSpace && !t[j].cap && (t[j].key == "of" || t[j].key == "on" || t[j].key == "for") {
		return false
	}
	return x.elsewhere(j-1) && !x.lowerElsewhere(t[j-1].key)
}

// workNounsEn are English nouns of works that stand before a work's
// title (his album Innocent Man, the comedy Dil Jo Bhi Kahey): the capitals
// after one, without a title, name nobody (round 17).
var workNounsEn = wordSet(`album albums single song songs film films movie movies book books novel
novels play musical opera series sitcom comedy drama documentary soap programme track hit video
videogame game ballet poem painting sculpture exhibition`)

// workTitle tells whether the run that starts at i, in English text, is
// a work's title: right after a lowercase noun of workNounsEn, or after
// it and an opening quote.
func (x *personScan) workTitle(i int, titled bool) bool {
	t := x.toks
	if x.lang != "en" || titled || i == 0 || t[i-1].cap || !workNounsEn[t[i-1].key] {
		return false
	}
	return t[i].gap == gapSpace || t[i].gap == gapPunct && x.quoteBefore(i)
}

// rankAfterTitle tells whether toks[i:j], in English text after a title,
// is a rank word alone: the title goes on (Attorney General, Solicitor
// General), no surname.
func (x *personScan) rankAfterTitle(i, j int, titled bool) bool {
	return x.lang == "en" && titled && j-i == 1 && rankWordsEn[x.toks[i].key]
}
