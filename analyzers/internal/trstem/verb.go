package trstem

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// VerbGroup is one verbal suffix in its vowel-harmony variants.
type VerbGroup struct {
	Name     string
	Variants []string
}

// VerbGroups are the verbal suffixes the verb layer may strip, each a
// candidate the harness may switch on or off. The first fifteen are the
// round 2 layer; ken, an, ar, ıl, sa, ış and dığ are candidates from the
// grammar that round 2 did not use.
var VerbGroups = []VerbGroup{
	{"ıyor", strings.Fields("ıyor iyor uyor üyor")},            // present continuous
	{"acak", strings.Fields("acak ecek acağ eceğ")},            // future
	{"abil", strings.Fields("abil ebil")},                      // ability
	{"mış", strings.Fields("mış miş muş müş")},                 // evidential past
	{"madan", strings.Fields("madan meden")},                   // without doing
	{"mak", strings.Fields("mak mek")},                         // infinitive
	{"mas", strings.Fields("mas mes")},                         // infinitive before a possessive (yapması)
	{"ma", strings.Fields("ma me")},                            // negation, verbal noun
	{"maz", strings.Fields("maz mez")},                         // negative aorist
	{"malı", strings.Fields("malı meli mal mel")},              // necessity
	{"arak", strings.Fields("arak erek")},                      // by doing
	{"dık", strings.Fields("dık dik duk dük tık tik tuk tük")}, // object participle
	{"dı", strings.Fields("dı di du dü tı ti tu tü")},          // past
	{"ınca", strings.Fields("ınca ince unca ünce")},            // when
	{"ıp", strings.Fields("ıp ip up üp")},                      // and then
	{"ken", strings.Fields("ken")},                             // while
	{"an", strings.Fields("an en")},                            // subject participle (gelen, yapan)
	{"ar", strings.Fields("ar er ır ir ur ür")},                // aorist
	{"ıl", strings.Fields("ıl il ul ül")},                      // passive
	{"sa", strings.Fields("sa se")},                            // conditional
	{"ış", strings.Fields("ış iş uş üş")},                      // verbal noun (gidiş, bakış)
}

// VerbSet is a set of VerbGroups, bit i for VerbGroups[i].
type VerbSet uint32

func verbBit(name string) VerbSet {
	for i, g := range VerbGroups {
		if g.Name == name {
			return 1 << i
		}
	}
	panic("trstem: no verb group " + name)
}

// VerbSetOf returns the set of the named verb groups; it panics on an
// unknown name.
func VerbSetOf(names ...string) VerbSet {
	var s VerbSet
	for _, n := range names {
		s |= verbBit(n)
	}
	return s
}

// verbIndex lists, per last byte, the enabled suffixes of each VerbSet in use
// (longest first), built on first use: the harness tries many sets.
type verbIndex [256][]string

func indexFor(set VerbSet) *verbIndex {
	if ix, ok := loadIndex(set); ok {
		return ix
	}
	var out []string
	for i, g := range VerbGroups {
		if set&(1<<i) != 0 {
			out = append(out, g.Variants...)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(out[j]) > utf8.RuneCountInString(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	ix := new(verbIndex)
	for _, suf := range out {
		last := suf[len(suf)-1]
		ix[last] = append(ix[last], suf)
	}
	return storeIndex(set, ix)
}

// voiceless are the consonants after which suffix-initial d becomes t
// (yaptı, gitti); after anything else it stays d (kazandı). A t-suffix after
// a voiced letter is not a suffix at all (sıkıntı, toplantı: -ntI nouns).
const voiceless = "çfhkpsşt"

// shortRoots are the common two-letter verb roots (ed is et before a vowel).
var shortRoots = map[string]bool{
	"ol": true, "et": true, "ed": true, "al": true, "at": true, "aç": true, "iç": true,
	"öl": true, "de": true, "di": true, "ye": true, "uç": true, "er": true, "ez": true,
}

// stripVerb strips enabled verbal suffixes, longest first, up to four times
// (olmayacak → olmay → olma → ol).
func (r *Rules) stripVerb(s string) string {
	ix := indexFor(r.Verb)
	for round := 0; round < 4; round++ {
		stripped := false
		if len(s) == 0 {
			break
		}
		for _, suf := range ix[s[len(s)-1]] {
			if !strings.HasSuffix(s, suf) {
				continue
			}
			rest := s[:len(s)-len(suf)]
			if !harmonyOK(rest, suf) {
				continue
			}
			if n := utf8.RuneCountInString(rest); n < r.MinVerbRoot && !(r.ShortRoots && n == 2 && shortRoots[rest]) || !hasVowel(rest) {
				continue
			}
			s = rest
			// The y buffer between a vowel-final stem and a vowel-initial suffix.
			if strings.HasSuffix(s, "y") && utf8.RuneCountInString(s) > r.MinVerbRoot {
				s = s[:len(s)-1]
			}
			stripped = true
			break
		}
		if !stripped {
			break
		}
	}
	// et and git (and the many compounds of et: kaybet, hisset) voice their
	// final t before a vowel (ediyor, gidecek); join those forms to the root.
	if r.VoiceT && (s == "ed" || s == "gid" || (strings.HasSuffix(s, "ed") && utf8.RuneCountInString(s) >= 5)) {
		s = s[:len(s)-1] + "t"
	}
	return s
}

// harmonyOK reports whether a d/t-initial suffix agrees with the consonant
// before it.
func harmonyOK(rest, suf string) bool {
	if rest == "" || (suf[0] != 'd' && suf[0] != 't') {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(rest)
	isVoiceless := strings.ContainsRune(voiceless, last)
	return (suf[0] == 't') == isVoiceless
}

var verbIndexMap sync.Map // VerbSet → *verbIndex

func loadIndex(set VerbSet) (*verbIndex, bool) {
	v, ok := verbIndexMap.Load(set)
	if !ok {
		return nil, false
	}
	return v.(*verbIndex), true
}

func storeIndex(set VerbSet, ix *verbIndex) *verbIndex {
	v, _ := verbIndexMap.LoadOrStore(set, ix)
	return v.(*verbIndex)
}

// MarshalJSON writes a VerbSet as the names of its groups.
func (s VerbSet) MarshalJSON() ([]byte, error) {
	names := []string{}
	for i, g := range VerbGroups {
		if s&(1<<i) != 0 {
			names = append(names, g.Name)
		}
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads a VerbSet from the names of its groups.
func (s *VerbSet) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return fmt.Errorf("verb groups: %w", err)
	}
	*s = 0
	for _, n := range names {
		found := false
		for i, g := range VerbGroups {
			if g.Name == n {
				*s |= 1 << i
				found = true
			}
		}
		if !found {
			return fmt.Errorf("verb groups: no group %q", n)
		}
	}
	return nil
}
