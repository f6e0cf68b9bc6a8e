package extract

import "testing"

func TestIsName(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Kyrgyz Republic", true},
		{"Turkey", true},
		{"Kazakistan'ın", true},
		{"Birleşmiş Milletler", true},
		{"United Nations", true},
		{"Kombet e Bashkuara", true},
		{"relations with Turkey", false},
		{"Türkiye ile", false},
		{"Kosova dhe", false},
		{"Turkey and Greece", false},
		{"", false},
		{"Latin America", false},
	} {
		if got := IsName(c.text); got != c.want {
			t.Errorf("IsName(%q) = %v; want %v", c.text, got, c.want)
		}
	}
}
