package extract

import (
	"testing"
)

// TestPeople_Round9Rules pins the rules added after batch 8's first run
// (extract/PERSONS.md, round 9): initials with a dot in team sheets, a
// substitutes' line after an accepted sheet, Turkish professional
// abbreviations, Albanian genitives in apposition and honorifics inside a
// name; with texts of the same shapes that must find nobody.
func TestPeople_Round9Rules(t *testing.T) {
	tests := []idCase{
		{"initials with a dot in a sheet", "en", "Paul Steinmetz and Bryn Cunningham scored. Adam Larkin kicked.\n\nCunningham, Maxwell, Steinmetz, Larkin, S. Best, Shields, N. Best.\n\nIt was our best game.\n",
			"adam-larkin bryn-cunningham maxwell n-best paul-steinmetz s-best shields"},
		{"substitutes after the sheet", "en", "Paul Steinmetz and Bryn Cunningham scored. Adam Larkin kicked.\n\nCunningham, Maxwell, Steinmetz, Larkin, Shields, Frost.\n\nBrady, McCormick, Longwell, Browne, Doak, S. Young, Bowe.\n",
			"adam-larkin bowe brady browne bryn-cunningham doak frost longwell maxwell mccormick paul-steinmetz s-young shields"},
		{"an initial of a person named before", "en", "Simon Best and Paul Steinmetz scored.\n\nBest, Steinmetz, Maxwell, Shields, S. Best, Frost.\n",
			"frost maxwell paul-steinmetz shields simon-best"},
		{"a line of places after prose is no sheet", "en", "Paul Steinmetz and Adam Larkin scored.\n\nThe tour visits towns.\n\nLeeds, York, Hull, Derby, Bath, St. Ives.\n", "adam-larkin paul-steinmetz"},
		{"a sheet needs its anchors or an accepted line before", "en", "The clubs met.\n\nBrady, McCormick, Longwell, Browne, Doak, S. Young, Bowe.\n", ""},
		{"Opr. and Psk. open a name", "tr", "Opr. Dr. Cemal Yetiş ile Uzm. Psk. Yetiş konuştu.", "cemal-yetis"},
		{"a lone abbreviation is nobody", "tr", "Randevu için Psk. Dan. servisine, Opr. Dr. odasına gidin.", ""},
		{"a genitive in apposition", "sq", "Aty ishte shtëpia e Ciceronit, oratorit të dëgjuar romak. Ciceroni i madh jetoi aty.", "ciceroni"},
		{"a place in apposition is nobody", "sq", "Vila është afër Durrësit, pranë Erzenit, në brigjet e Erzenit, lumit të madh.", ""},
		{"a genitive with no apposition is nobody", "sq", "Ai mori anën e Pompeit dhe iku.", ""},
		{"a lowercase honorific inside a name", "sq", "Kjo është vila e Esat pashë Toptanit në Reth.", "esat-pashe-toptani"},
		{"an honorific without a given name before is no name", "sq", "Dje erdhi pasha Toptani me njerëzit e vet, tha gazeta.", ""},
	}
	checkIDs(t, tests)
}
