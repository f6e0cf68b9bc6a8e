package extract

import (
	"testing"
)

// TestPeople_Round16 pins the rules added after batch 15's first run
// (extract/PERSONS.md, round 16): a firm named after its founders ends in a
// corporate word (Pictures, Cinema, Motors, Airlines) and names nobody,
// and so does a capitalized word before a US state without a title;
// initials alone (U.S. after a title) are no name; a surname after Mr with
// a possessive is kept. Each kind has texts of the same
// shape that must still find their persons.
func TestPeople_Round16(t *testing.T) {
	tests := []idCase{
		{"a firm ending in Pictures", "en", "The film was released by Harold Lloyd Pictures last spring.", ""},
		{"a firm ending in Motors", "en", "Sales at Henry Kaiser Motors rose in the quarter.", ""},
		{"a firm ending in Airlines", "en", "Shares of Frank Lorenzo Airlines fell sharply on Monday.", ""},
		{"a firm ending in Studios", "en", "Walter Lantz Studios made the short in a month.", ""},
		{"a firm ending in Records", "en", "She signed with Berry Gordy Records after the show.", ""},
		{"a firm ending in Industries", "en", "The bid came from Armand Hammer Industries on Tuesday.", ""},
		{"a dotted country", "en", "Officials of the U. S. Treasury met bankers.", ""},
		{"a dotted country after a title", "en", "A report by the chief U.S. weapons inspector came out.", ""},
		{"a full name with initials is kept", "en", "Author J. R. Tolkien wrote it. Chief T. S. Eliot said so.", "j-r-tolkien t-s-eliot"},
		{"a surname with a possessive after Mr", "en", "Critics of Mr Gate's plan spoke. Mr Gate said nothing.", "gate"},
		{"a person before a firm's word in lower case", "en", "Analyst John Reidy said the records were sealed.", "john-reidy"},
		{"a person whose surname is no corporate word", "en", "Chairman Henry Kaiser said the motors were ready.", "henry-kaiser"},
		{"a firm ending in Cinema", "en", "The film was released by New Line Cinema last spring.", ""},
		{"a given name and a US state", "en", "Murray Ohio said sales fell in the quarter.", ""},
		{"a surname that is a state left out", "en", "Quarterback Joe Montana said he was ready.", "joe-montana"},
	}
	checkIDs(t, tests)
}
