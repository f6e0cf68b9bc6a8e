package extract

import (
	_ "embed"
	"unicode"
	"unicode/utf8"

	"kerko/internal/utf8cut"
)

// Language detection scores each word of a text against function-word lists
// (generated from shared/data/stopwords for sq and tr, hand-written below for
// en, stopwords-iso for languages we do not index) and adds letter evidence
// (ë is Albanian, ı ğ ş are Turkish). Function words are the most frequent
// words of any text, so a few hundred per language decide even a headline;
// a word shared by k languages counts 1/k for each.

// stopEn: the most frequent English function words, written by hand because
// stopwords-iso's English list (1,298 words) holds many content words.
var stopEn = []string{
	"a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at",
	"be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
	"could", "did", "do", "does", "down", "during", "each", "few", "for", "from", "further",
	"had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i",
	"if", "in", "into", "is", "it", "its", "itself", "just", "more", "most", "my", "no",
	"nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out",
	"over", "own", "said", "same", "she", "should", "since", "so", "some", "such", "than",
	"that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
	"through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
	"when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
	"you", "your", "says", "year", "new", "us", "may", "last", "told", "first", "two",
	"who", "percent", "pct", "mln", "billion", "million", "company", "shares", "week",
	"news", "reuters", "today", "says", "inc", "corp", "ltd", "dlrs", "vs", "cts", "net",
	"profit", "quarter", "oil", "trade", "government", "market", "bank", "world", "people",
	"game", "win", "wins", "against", "up", "off", "over", "back",
}

// otherWeight scales the evidence for languages we do not index.
const otherWeight = 0.6

// otherLetter is the evidence one letter that none of sq, tr, en writes (ä,
// é, ñ, č...) gives its language.
const otherLetter = 0.35

const (
	dSq = iota
	dTr
	dEn
	dOther // one slot per other language follows
)

// stopW maps a folded word to its weight per class (sq, tr, en, others...).
var stopW, numClasses = buildStopWeights()

func buildStopWeights() (map[string][]float32, int) {
	stopW := map[string][]float32{}
	lists := [][]string{stopSq, stopTr, stopEn}
	for _, l := range otherLangOrder() {
		if l == "az" {
			lists = append(lists, stopAz)
			continue
		}
		lists = append(lists, stopOther[l])
	}
	numClasses := len(lists)
	member := map[string][]int{}
	for c, ws := range lists {
		seen := map[string]bool{}
		for _, w := range ws {
			k := fold(w)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			member[k] = append(member[k], c)
		}
	}
	for k, cs := range member {
		v := make([]float32, numClasses)
		for _, c := range cs {
			v[c] = 1 / float32(len(cs))
			if c >= dOther {
				// stopwords-iso lists for other languages are long and hold
				// content words; trust them less than our curated lists.
				v[c] *= otherWeight
			}
		}
		stopW[k] = v
	}
	return stopW, numClasses
}

func otherLangOrder() []string {
	return []string{"de", "fr", "es", "it", "pt", "nl", "ro", "pl", "hr", "sv", "cs", "hu", "id", "az"}
}

// Slots of some other languages, for letter evidence (order of otherLangOrder).
const (
	dDe = dOther + iota
	dFr
	dEs
	_ // it
	dPt
	_ // nl
	dRo
	dPl
	dHr
	dSv
	dCs
	dHu
	_ // id
	dAz
)

// stopAz: stopwords-iso has no Azerbaijani list; it is the language most easily
// mistaken for Turkish, so its most frequent function words are written
// here by hand, only the forms that differ from Turkish ones (və, ilə,
// üçün; not bir, bu, da, sonra, onlar).
var stopAz = []string{
	"və", "ilə", "üçün", "də", "isə", "ən", "həm", "hər", "görə", "qədər", "deyil",
	"edir", "edib", "olub", "olaraq", "etdi", "etmək", "yox", "mən", "sən",
	"artıq", "həmçinin", "əgər", "yəni", "çünki", "əsasən", "haqqında",
	"tərəfindən", "bildirib", "qeyd", "ölkə", "respublikası", "ildə",
}

// detectPrefix is how much of a text DetectLanguage reads: the first 2 kB hold
// dozens of function words, and reading no further keeps detection of long
// articles as cheap as that of short ones.
const detectPrefix = 2048

// ngramTab holds letter-trigram costs for sq, tr, en, generated from the UD
// treebanks by internal/gen: for each trigram over a-z and the word boundary
// (27^3), three bytes -ln P(c3 | c1 c2) * ngramCostScale. It decides texts
// with few or no function words: all-caps wire headlines (U.S. BANK DISCOUNT
// BORROWINGS), titles typed without diacritics.
//
//go:embed ngrams.bin
var ngramTab string

// undMin is the least evidence (function words and letters) for another
// language that makes a text "und": one stray foreign word or accented name
// (Nestlé, São Paulo) in an English headline is not enough.
var undMin float32 = 1.0

const (
	ngramN         = 27
	ngramCostScale = 8 // must match internal/gen
	// ngramWeight converts one nat of trigram log-likelihood ratio into the
	// units of the function-word scores (one function word = 1).
	ngramWeight = 0.25
	// shortText is the length (bytes) under which a text counts as a title.
	shortText = 300
)

// DetectLanguage returns "sq", "tr", "en", or "und" when the text is in none of
// them, with a confidence in [0,1]. A text without letters (numbers, symbols)
// is "und" with confidence 0.
func DetectLanguage(text string) (lang string, confidence float64) {
	var e langEvidence
	e.collect(text)
	return e.decide()
}

// langEvidence is what DetectLanguage gathers from a text before deciding.
type langEvidence struct {
	score           [32]float32 // function words and letters, per class
	cost            [3]int32    // trigram costs of sq, tr, en
	trigrams        int
	latin, nonLatin int
}

func (e *langEvidence) collect(text string) {
	text = utf8cut.Prefix(text, detectPrefix)
	score := &e.score
	cost := &e.cost
	var latin, nonLatin, trigrams int
	var buf [64]byte
	n := 0 // bytes of the current word in buf; words longer than buf are skipped
	var prev rune
	p2, p1 := 0, 0 // the two previous trigram symbols (0 = word boundary)
	sym := func(s int) {
		if s == 0 && p1 == 0 {
			return
		}
		i := ((p2*ngramN+p1)*ngramN + s) * 3
		cost[0] += int32(ngramTab[i])
		cost[1] += int32(ngramTab[i+1])
		cost[2] += int32(ngramTab[i+2])
		trigrams++
		p2, p1 = p1, s
	}
	// In a short text (a title) a repeated word is one piece of evidence, not
	// several: wire headlines repeat tickers (ITT <ITT>) that happen to be
	// function words of another language.
	var seen [16]*float32
	nSeen := 0
	if len(text) >= shortText {
		nSeen = -1
	}
	endWord := func() {
		if n > 0 && n <= len(buf) {
			if v, ok := stopW[string(buf[:n])]; ok {
				dup := false
				if nSeen >= 0 {
					for _, p := range seen[:nSeen] {
						dup = dup || p == &v[0]
					}
					if !dup && nSeen < len(seen) {
						seen[nSeen] = &v[0]
						nSeen++
					}
				}
				if !dup {
					for c, x := range v {
						score[c] += x
					}
				}
			}
		}
		n = 0
		sym(0)
	}
	for _, r := range text {
		var f rune // folded letter or digit, 0 if r ends a word
		switch {
		case r < 0x80:
			switch {
			case 'a' <= r && r <= 'z':
				f = r
				latin++
			case '0' <= r && r <= '9':
				f = r
			case 'A' <= r && r <= 'Z':
				f = r + 32
				latin++
			}
		case r < 0x250:
			f = foldTab[r]
			if f != 0 {
				latin++
			}
			switch r {
			case 'ë', 'Ë':
				score[dSq] += 0.7
			case 'ı', 'ğ', 'ş', 'İ', 'Ş', 'Ğ':
				score[dTr] += 0.7
			case 'ç', 'Ç':
				score[dSq] += 0.15
				score[dTr] += 0.15
			case 'ö', 'ü', 'Ö', 'Ü':
				score[dTr] += 0.2
			// Letters none of sq, tr, en write: evidence for "und", weak
			// enough that a foreign name in an English text does not flip it.
			case 'ä', 'ß', 'Ä':
				score[dDe] += otherLetter
			case 'é', 'è', 'ê', 'à', 'ù', 'œ', 'É':
				score[dFr] += otherLetter
			case 'ñ', 'á', 'í', 'ó', 'ú', 'Ñ':
				score[dEs] += otherLetter
			case 'ã', 'õ':
				score[dPt] += otherLetter
			case 'ă', 'ș', 'ț', 'Ș', 'Ț':
				score[dRo] += otherLetter
			case 'ł', 'ą', 'ę', 'ś', 'ż', 'ź', 'ń', 'Ł':
				score[dPl] += otherLetter
			case 'č', 'ć', 'đ', 'ž', 'š', 'Č', 'Ć', 'Đ', 'Ž', 'Š':
				score[dHr] += otherLetter
			case 'å', 'ø', 'æ', 'Å':
				score[dSv] += otherLetter
			case 'ř', 'ě', 'ů':
				score[dCs] += otherLetter
			case 'ő', 'ű':
				score[dHu] += otherLetter
			}
		case 0x300 <= r && r <= 0x36f:
			// NFD input: credit the mark as if precomposed, keep the word going.
			switch {
			case r == 0x308 && (prev == 'e' || prev == 'E'):
				score[dSq] += 0.7
			case r == 0x308:
				score[dTr] += 0.2
			case r == 0x306 || r == 0x307 || r == 0x327 && (prev == 's' || prev == 'S'):
				score[dTr] += 0.7
			case r == 0x327:
				score[dSq] += 0.15
				score[dTr] += 0.15
			}
			prev = r
			continue
		case r == 'ə' || r == 'Ə':
			// Azerbaijani's commonest vowel, unknown to Turkish.
			score[dAz] += 1.5
			f = 'ə'
			latin++
		case unicode.IsLetter(r):
			if unicode.Is(unicode.Latin, r) {
				latin++
			} else {
				nonLatin++
			}
			f = unicode.ToLower(r)
		}
		prev = r
		if f == 0 {
			endWord()
			continue
		}
		if 'a' <= f && f <= 'z' {
			sym(int(f-'a') + 1)
		} else {
			sym(0)
		}
		if f < 0x80 {
			if n < len(buf) {
				buf[n] = byte(f)
			}
			n++
		} else {
			if n+utf8.RuneLen(f) <= len(buf) {
				utf8.EncodeRune(buf[n:], f)
			}
			n += utf8.RuneLen(f)
		}
	}
	endWord()
	e.latin, e.nonLatin, e.trigrams = latin, nonLatin, trigrams
}

func (e *langEvidence) decide() (lang string, confidence float64) {
	score, cost, latin, nonLatin := &e.score, &e.cost, e.latin, e.nonLatin
	if latin+nonLatin == 0 {
		return "und", 0
	}
	if nonLatin > latin {
		return "und", 1
	}
	// Among sq, tr, en: function words and letters, minus how much worse
	// than the best language the trigrams fit.
	minCost := min(cost[0], cost[1], cost[2])
	var total [3]float32
	for c := range total {
		total[c] = score[c] - ngramWeight*float32(cost[c]-minCost)/ngramCostScale
	}
	best, second := 0, 1
	if total[1] > total[0] {
		best, second = 1, 0
	}
	if total[2] > total[best] {
		best, second = 2, best
	} else if total[2] > total[second] {
		second = 2
	}
	other := dOther
	for c := dOther + 1; c < numClasses; c++ {
		if score[c] > score[other] {
			other = c
		}
	}
	if score[other] >= undMin && score[other] > score[best] {
		return "und", float64((score[other] - score[best]) / score[other])
	}
	margin := float64(total[best] - total[second])
	return [3]string{"sq", "tr", "en"}[best], margin / (margin + 1)
}
