package corpus

import (
	"encoding/json"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"named entities", "G&uuml;ney Kore&#39;nin, T&Uuml;RK&Ccedil;E", "Güney Kore'nin, TÜRKÇE"},
		{"wire ticker", "STANDARD OIL &lt;SRD> TO FORM UNIT", "STANDARD OIL <SRD> TO FORM UNIT"},
		{"numeric control reference dropped", "profit rose.\n Reuter\n&#3;", "profit rose.\n Reuter\n"},
		{"Windows-1252 quotes read as Latin-1", "ABD\u0092li \u0093ok\u0094 \u0085", "ABD’li “ok” …"},
		{"raw controls dropped, newline and tab kept", "a\x03b\x7fc\n\td", "abc\n\td"},
		{"ampersand that is no reference", "AT&T and R&D & co", "AT&T and R&D & co"},
		{"decomposed letters composed", "Shqipe\u0308ri", "Shqipëri"},
		{"plain text untouched", "Kazakistan'ın ekonomisi", "Kazakistan'ın ekonomisi"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestReader_DecodesEntities checks that both formats give the same clean
// text: a .txt file and a JSONL line carrying HTML character references.
func TestReader_DecodesEntities(t *testing.T) {
	line, _ := json.Marshal(map[string]string{"id": "j1", "title": "BP &lt;BP> PROFIT", "body": "T&uuml;rkiye&#39;de\r\nb&uuml;y&uuml;me\rReuter &#3;"})
	dir := writeFiles(t, map[string]string{
		"t1.txt":     "T&uuml;rkiye&#39;de b&uuml;y&uuml;me\n\nG&uuml;ney Kore nin ekonomisi.",
		"feed.jsonl": string(line) + "\n",
	})
	arts, probs := readAll(t, dir)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	got := map[string]*Article{}
	for _, a := range arts {
		got[a.ID] = a
	}
	if a := got["t1"]; a == nil || a.Title != "Türkiye'de büyüme" || a.Body != "Güney Kore nin ekonomisi." {
		t.Errorf("t1 = %+v", a)
	}
	if a := got["j1"]; a == nil || a.Title != "BP <BP> PROFIT" || a.Body != "Türkiye'de\nbüyüme\nReuter" {
		t.Errorf("j1 = %+v", a)
	}
}
