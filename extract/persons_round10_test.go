package extract

import (
	"testing"
)

// TestPeople_Round10Firms pins the rules added after batch 9's first run
// (extract/PERSONS.md, round 10): a person-shaped name that a firm word
// continues or opens names a firm, everywhere in its article; with texts of
// the same shapes that must still find their persons.
func TestPeople_Round10Firms(t *testing.T) {
	tests := []idCase{
		{"and Co", "en", "The stake was sold to John Blair and Co last week.", ""},
		{"& Co", "en", "Analysts at James Capel & Co were cautious.", ""},
		{"and Sons", "en", "The company named Alex Brown and Sons Inc as lead manager.", ""},
		{"Labs in a headline", "en", "MARION LABS VOTES SPLIT\nThe board of Marion Laboratories Inc met.", ""},
		{"Securities", "en", "Yamaichi said Kenji Sato Securities would lead.", ""},
		{"a lowercase stand after the", "en", "Fans in the Matthew Harding stand sang.", ""},
		{"a capitalized Stand", "en", "Fans in the Matthew Harding Stand sang.", ""},
		{"a firm word before the name", "en", "The report, by consultants Booz Allen Hamilton, was late.", ""},
		{"the firm's name written before the firm word", "en", "James Capel said on Monday it would expand. \"We are cautious,\" said Brian Waterhouse at James Capel and Co.", "brian-waterhouse"},
		{"the firm's name after it, without the firm word", "en", "Booz Allen Hamilton wrote the report. Allen Hamilton did not comment.", ""},
		{"a person next to a firm of another name", "en", "Brian Waterhouse of James Capel and Co said so.", "brian-waterhouse"},
		{"a person who shares the firm's surname keeps his name", "en", "Gordon Capel, no kin of James Capel and Co, spoke.", "gordon-capel"},
		{"a person alone", "en", "John Blair said the deal was done.", "john-blair"},
		{"and a lowercase co is no firm", "en", "Arsene Wenger and co were beaten.", "arsene-wenger"},
		{"and a given name in Co", "en", "John Blair and Colin Smith met.", "colin-smith john-blair"},
		{"and Co- is a prefix", "en", "John Blair and Co-chairman Tom Hale spoke.", "john-blair tom-hale"},
		{"stand as a verb", "en", "Gordon Brown stand firm, he said. Mr Brown and Mary Jones stand accused.", "gordon-brown mary-jones"},
		{"Sons and Co only in English", "tr", "Ahmet Yılmaz and Co geldi.", "ahmet-yilmaz"},
	}
	checkIDs(t, tests)
}
