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

func TestKnownPersonName(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
		{"recep tayyip erdogan", "recep-tayyip-erdogan"},
		{"Rexhep Tajip Erdoganit", "recep-tayyip-erdogan"},
		{"Tayyip Erdoğan'ın", "recep-tayyip-erdogan"},
		{"Kassym-Jomart Tokayev", "kassym-jomart-tokayev"},
		{"Kasım Cömert Tokayev", "kassym-jomart-tokayev"},
		{"Erdoğan", ""},                              // a surname alone: IsName's rule, a word is no full name
		{"talks with Recep Tayyip Erdoğan", ""},      // words around a name
		{"Recep Tayyip Erdoğan said", ""},            // the surname is not last
		{"Ahmet Erdoğan", ""},                        // not his given name
		{"Recep Tayyip Erdoğan Ahmet Davutoğlu", ""}, // two persons
		{"", ""},
	} {
		got, ok := KnownPersonName(c.text)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("KnownPersonName(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
}
