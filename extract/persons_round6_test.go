package extract

import (
	"testing"
)

// TestPeople_Round6Rules pins the general rules added after batch 5's first
// run (extract/PERSONS.md, round 6): each with texts that must find the
// person and texts that must find nobody.
func TestPeople_Round6Rules(t *testing.T) {
	tests := []idCase{
		// Publication, company and finance words end an institution's name.
		{"newspapers", "en", "The Houston Chronicle and the San Francisco Examiner were sold, the Guardian Reporter said.", ""},
		{"a paper beside a person", "en", "Hearst chairman Frank Bennack said the Houston Chronicle was sold.", "frank-bennack"},
		{"firms in limited and minerals", "en", "St. Joe Minerals and Berg Harmon Limited partners agreed.", ""},
		{"an interest rate", "en", "loans at 7/8 point over the London Interbank Offered Rate, said John Smith.", "john-smith"},
		{"a law", "en", "under the Hart-Scott-Rodino Antitrust Improvements Act of 1976.", ""},
		{"an aircraft maker", "en", "Bell Helicopter Textron said it won the contract.", ""},
		{"a courier is no firm word (Jim Courier)", "en", "Top seed Jim Courier beat Andre Agassi.", "andre-agassi jim-courier"},
		// What an institution is of is no person.
		{"the bank of a province", "en", "the committee led by the Bank of Nova Scotia said.", ""},
		{"a title after the place opens a name", "en", "warnings by Bank of Israel Governor Michael Bruno and others.", "michael-bruno"},
		{"a given name after the place opens a name", "en", "and Governor of the Bank of England Robin Leigh-Pemberton said.", "robin-leigh-pemberton"},
		{"of after no institution", "en", "the wife of John Smith said.", "john-smith"},
		// Roman numerals are no surnames.
		{"a firm named with a numeral", "en", "Mark IV Industries Inc said it plans a tender. Mark IV said it owns shares.", ""},
		{"a numeral after a given name", "en", "The Rocky II sequel opened.", ""},
		{"a king keeps his numeral after a title", "en", "Jordan's King Abdullah II met the envoy.", "abdullah-ii"},
		{"a generational suffix after a full name", "en", "said Frank Bennack Jr, the chairman.", "frank-bennack"},
		// Hyphenated given names kept whole.
		{"korean given names", "en", "Deputy Prime Minister Kim Mahn-je said. Trade Minister Rha Woong-bae agreed.", "kim-mahn-je rha-woong-bae"},
		{"an english word after a hyphen", "en", "the Tony Blair-led government fell.", "tony-blair"},
		{"a surname then a hyphenated given name alone", "en", "Koo Bon-yong, an aide, said.", ""},
		{"two capitalized words joined by a hyphen", "en", "vying with Mercedes-Benz and Rolls-Royce for the title.", ""},
		{"a double surname with its given name", "en", "Governor Robin Leigh-Pemberton said.", "robin-leigh-pemberton"},
		{"a hyphen pair in albanian", "sq", "takimi Clinton-D’Alema u mbajt në Romë.", ""},
		// Albanian given names by their shape.
		{"feminine endings", "sq", "Sipas Eriona Vyshka, drejtoreshë, dhe Adrola Dushi, filmi u shfaq.", "adrola-dushi eriona-vyshka"},
		{"masculine endings", "sq", "Në takim ishin Amarildo Pregapuca dhe Kushtrim Thaçi, vëllai i Hashim Thaçit.", "amarildo-pregapuca hashim-thaci kushtrim-thaci"},
		{"xh names, with a case ending", "sq", "Pyetje për Xhavit Halitin dhe grupin e tij.", "xhavit-haliti"},
		{"a city and an english word", "sq", "sipas Prishtina Insight dhe Prokurim Publik, tenderi u anulua.", ""},
		{"a shape written in lowercase too", "sq", "Makina Ford u shit, pasi makina ishte e vjetër.", ""},
		{"a common word after the shape", "sq", "Ekspozita Kosova Sot u hap.", ""},
		{"a mosque is no xh name", "sq", "Xhamia Sulltan u rindërtua.", ""},
		{"capitals only", "sq", "ERIONA VYSHKA tha.", ""},
	}
	checkIDs(t, tests)
}
