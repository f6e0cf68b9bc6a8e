package extract

import (
	"testing"
)

// TestPeople_Round17En pins the English rules added after batches 16 and
// 17 (round 17): names of East and Southeast Asian traditions by their
// family names (Wang Xuebing, Xianglin Hou, Yun Young-Chul) and the family
// name alone after them (Mr Wang); given names no list held (Cherie, Fearne,
// Susilo) and English ones that Albanian or Turkish function words removed
// (Jane, Tim, Pat); ranks before a name are titles (General Musharraf) and
// after a title no surname (Attorney General); headings in capitals and in
// title case name nobody after a title or across their line's end; a
// Reuters ticker, a lowercase business noun, an event word (Marathon), a
// party or church word end no person's name; a given name and an
// institution word that is a common surname is a person after a title or
// before a role; peerages, sports positions and professions are titles
// (Baroness Morgan, quarterback Ben Roethlisberger); a work's title after
// its noun names nobody (his album Innocent Man). Each kind has texts of
// the same shape that must still find their persons, or still find none.
func TestPeople_Round17En(t *testing.T) {
	tests := []idCase{
		{"a Chinese name family first", "en", "The former head of the bank, Wang Xuebing, was jailed in 2003.", "wang-xuebing"},
		{"a Chinese premier after a comma", "en", "China's premier, Wen Jiabao, spoke about lending.", "wen-jiabao"},
		{"a Chinese name given name first", "en", "The deal was signed by Xianglin Hou and two others.", "xianglin-hou"},
		{"a Chinese name of three words", "en", "Shares were bought by Zhai Guang Ming on Monday.", "zhai-guang-ming"},
		{"a Korean name with a hyphen", "en", "The ruling was read by Yun Young-Chul in Seoul.", "yun-young-chul"},
		{"a Wade-Giles name", "en", "The figures were given by Yu Chien-ming on Friday.", "yu-chien-ming"},
		{"a Japanese name", "en", "The plan was backed by Junichiro Koizumi in Tokyo.", "junichiro-koizumi"},
		{"the family name alone later", "en", "The case involved Wang Xuebing. Mr Wang was head of a bank.", "wang-xuebing"},
		{"a family name and one syllable is a place", "en", "Police cordoned off the district of Chow Kit at midnight.", ""},
		{"a Chinese place", "en", "Banks in Hong Kong raised their rates on Monday.", ""},
		{"a firm after a family name", "en", "Shares of Wang Laboratories rose on Monday.", ""},
		{"a given name no list held", "en", "It is a member of Cherie Blair's chambers.", "cherie-blair"},
		{"a presenter's given name", "en", "The host was replaced by Fearne Cotton last week.", "fearne-cotton"},
		{"an Indonesian given name", "en", "Voters backed ex-general Susilo Bambang Yudhoyono on Monday.", "susilo-bambang-yudhoyono"},
		{"an English given name that is an Albanian word", "en", "The final was won by Pat Cash and Brenda Fricker watched.", "brenda-fricker pat-cash"},
		{"another one", "en", "The show was fronted by newcomer Tim Kash and Jane Austen.", "jane-austen tim-kash"},
		{"a rank before a surname written again", "en", "General Musharraf said so. President Musharraf left.", "musharraf"},
		{"a rank after a title before a full name", "en", "It is clear that President General Pervez Musharraf will stay.", "pervez-musharraf"},
		{"a rank after a title alone", "en", "The advice was given by the Attorney General. He spoke.", ""},
		{"a rank in an agreement's name", "en", "It violates the General Agreement on Tariffs. The agreement failed.", ""},
		{"a rank and a feast", "en", "The song refers to Father Christmas and sleigh bells.", ""},
		{"a title in a heading in capitals", "en", "WORLD BANK CHIEF PLEDGES SUPPORT TO INDONESIA\nWorld Bank president Barber Conable pledged support.", "barber-conable"},
		{"a title in a heading in title case", "en", "Chinese President Meets With Castro (AP)\nAP - Chinese President Hu Jintao met with Fidel Castro.", "fidel-castro hu-jintao"},
		{"a heading runs into the first line", "en", "NIGERIA RESTORES MINIMUM WAGE\nNigeria's military government retreated.", ""},
		{"a heading's title across the line", "en", "MOULINEX NOMINATES NEW GENERAL MANAGER\nElectrical appliance maker Moulinex said so.", ""},
		{"a company before its ticker", "en", "It bought two companies, Atlas Copco <ASTS ST> and Stora <SKPS ST>.", ""},
		{"a company in a heading before its ticker", "en", "DAYTON HUDSON <XXX> DOWNGRADED BY MOODY'S\nMoody's cut Dayton Hudson Corp's debt. Dayton Hudson's returns fell.", ""},
		{"a business noun after the name", "en", "Its newly acquired Dayton Walther business is integrated.", ""},
		{"a facility noun after the name", "en", "It will complete work at its Brady Hot Springs facility soon.", ""},
		{"an event word", "en", "She prepares for the London Marathon on 17 April.", ""},
		{"a unit's word", "en", "The Economist Intelligence Unit said growth would slow.", ""},
		{"a bank's word first", "en", "The loan was arranged by Banque Paribas in Paris.", ""},
		{"a tournament's word", "en", "Wales won the Six Nations title on Saturday.", ""},
		{"a party word after a state", "en", "Senator Jesse Helms, a North Carolina Republican, spoke.", "jesse-helms"},
		{"a party word after a title", "en", "The Senate went to the opposition Democratic party in 1986.", ""},
		{"a church word", "en", "The nation's Roman Catholic bishops met on Friday.", ""},
		{"a party word still opens a name", "en", "The bill was backed by Democrat Tom Foley on Friday.", "tom-foley"},
		{"a surname that is an institution word after a title", "en", "BBC correspondent Simon Hall at Postbridge said 2,000 came.", "simon-hall"},
		{"the same before a comma and a role", "en", "Greg Mills, program director at AOL, said it grew.", "greg-mills"},
		{"an institution word stays one without a title", "en", "The concert was held at Albert Hall on Monday.", ""},
		{"a peer's title", "en", "Lord Falconer and Baroness Warsi played no part in it.", "falconer warsi"},
		{"a sports position", "en", "He would hit Pittsburgh quarterback Ben Roethlisberger hard.", "ben-roethlisberger"},
		{"a profession", "en", "It was put together by producer Andi Peters for the BBC.", "andi-peters"},
		{"a verb that is a role is no title", "en", "The club will host Manchester United on Sunday.", ""},
		{"a person of a firm after a title", "en", "Analyst Millard Phelps of Hambrecht and Quist Inc said so.", "millard-phelps"},
		{"a person of a place after a title", "en", "Finance Minister Dilson Funaro of Brazil arrived on Monday.", "dilson-funaro"},
		{"an album's title", "en", "He spent thousands producing his album Innocent Man last year.", ""},
		{"a film's title in quotes", "en", "She stars in the comedy \"Harry Potter\" this year.", ""},
		{"a person after a work noun and a title", "en", "The album producer Andi Peters said it sold well.", "andi-peters"},
	}
	checkIDs(t, tests)
}
