package extract

import (
	"unicode"
	"unicode/utf8"
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
	return []string{"de", "fr", "es", "it", "pt", "nl", "ro", "pl", "hr", "sv", "cs", "hu", "id"}
}

// detectPrefix is how much of a text DetectLanguage reads: the first 2 kB hold
// dozens of function words, and reading no further keeps detection of long
// articles as cheap as that of short ones.
const detectPrefix = 2048

// DetectLanguage returns "sq", "tr", "en", or "und" when the text is in none of
// them, with a confidence in [0,1].
func DetectLanguage(text string) (lang string, confidence float64) {
	if len(text) > detectPrefix {
		cut := detectPrefix
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var score [32]float32
	var latin, nonLatin int
	var buf [64]byte
	n := 0 // bytes of the current word in buf; words longer than buf are skipped
	var prev rune
	endWord := func() {
		if n > 0 && n <= len(buf) {
			if v, ok := stopW[string(buf[:n])]; ok {
				for c, x := range v {
					score[c] += x
				}
			}
		}
		n = 0
	}
	for _, r := range text {
		var f rune // folded letter, 0 if r ends a word
		switch {
		case r < 0x80:
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				f = r
				latin++
			case 'A' <= r && r <= 'Z':
				f = r + 32
				latin++
			}
		case r < 0x250:
			f = foldTab[r]
			latin++
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
	if latin+nonLatin == 0 || nonLatin > latin {
		return "und", 1
	}
	best, second := -1, -1
	for c := 0; c < numClasses; c++ {
		if best < 0 || score[c] > score[best] {
			best, second = c, best
		} else if second < 0 || score[c] > score[second] {
			second = c
		}
	}
	if score[best] == 0 {
		// No function word and no telling letter: Latin-script headlines
		// without them are overwhelmingly English in our sources.
		return "en", 0.3
	}
	conf := float64((score[best] - score[second]) / score[best])
	switch best {
	case dSq:
		return "sq", conf
	case dTr:
		return "tr", conf
	case dEn:
		return "en", conf
	}
	return "und", conf
}
