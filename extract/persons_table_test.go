package extract

import "testing"

// TestWordTable_Find checks the hash tables of the lists against the map
// they were built from: every key is found with its classes, and words of
// no list are not (capKey and lowerClass answer from them).
func TestWordTable_Find(t *testing.T) {
	pt := tables()
	lowerAsked := 0
	for k, c := range pt.class {
		got, cls, ok := pt.words.find(fnv(k), []byte(k))
		if !ok || got != k || cls != c {
			t.Fatalf("words.find(%q) = %q, %d, %v; want %q, %d, true", k, got, cls, ok, k, c)
		}
		if _, lc, ok := pt.lower.findString(fnv(k), k); ok {
			lowerAsked++
			if lc != c {
				t.Fatalf("lower.findString(%q) classes %d, want %d", k, lc, c)
			}
		}
	}
	if lowerAsked == 0 || lowerAsked == len(pt.class) {
		t.Errorf("lower holds %d of %d keys: want some, not all", lowerAsked, len(pt.class))
	}
	for _, w := range []string{"", "xqzzyv", "notalistedwordatall", "kërkojmë"} {
		if _, ok := pt.class[w]; ok {
			continue
		}
		if k, _, ok := pt.words.find(fnv(w), []byte(w)); ok {
			t.Errorf("words.find(%q) found %q", w, k)
		}
		if k, _, ok := pt.lower.findString(fnv(w), w); ok {
			t.Errorf("lower.findString(%q) found %q", w, k)
		}
	}
}

// TestPtokens_Hash checks that the tokenizer's hash of a capitalized word,
// or of a lowercase one whose classes it looked up, is the hash of its key:
// the bloom filters of enClass and knownFull read it instead of hashing.
func TestPtokens_Hash(t *testing.T) {
	for _, text := range []string{
		"Kryeministri Edi Rama takoi sot në Tiranë Presidentin Bajram Begaj dhe ministrin e Jashtëm.",
		"Cumhurbaşkanı Recep Tayyip Erdoğan'ın ÇAĞRISI, Dışişleri Bakanı Hakan Fidan ile İstanbul'da.",
		"Treasury Secretary James A. Baker III met O'Neill and Ramon del\nRosario at the U.N.",
	} {
		for _, tok := range ptokens(text) {
			if (tok.cap || tok.lc) && tok.h != fnv(tok.key) {
				t.Errorf("%q: h = %d, fnv(%q) = %d", tok.text, tok.h, tok.key, fnv(tok.key))
			}
		}
	}
}
