package index

import (
	"reflect"
	"testing"
	"time"

	"kerko/extract"
)

func TestArticle_Record(t *testing.T) {
	tests := []*Article{
		{ID: "a", Title: "Erdoğan në Tiranë", Lang: "sq", Source: "x", URL: "https://example.org/a",
			Date: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC), LangConf: 0.8734512,
			Countries: []extract.Mention{{ID: "TR", Count: 3}, {ID: "AL", Count: 1}}, Orgs: []extract.Mention{{ID: "NATO", Count: 1}},
			People: []extract.PersonMention{{ID: "recep-tayyip-erdogan", Name: "Recep Tayyip Erdoğan", Mentions: 4}, {ID: "edi-rama", Name: "Edi Rama", Mentions: 1}}},
		{ID: "b", Lang: Und, LangConf: 1, Countries: []extract.Mention{}, Orgs: []extract.Mention{}},
	}
	for _, a := range tests {
		got, err := readRecord(a.ID, a.record())
		if err != nil {
			t.Errorf("readRecord(record of %q): %v", a.ID, err)
			continue
		}
		want := *a
		if want.Countries == nil {
			want.Countries = []extract.Mention{}
		}
		got.Countries, got.Orgs = orEmpty(got.Countries), orEmpty(got.Orgs)
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("readRecord(record of %q) = %+v; want %+v", a.ID, *got, want)
		}
	}
	for _, bad := range []string{"", "\x05ab", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"} {
		if _, err := readRecord("x", bad); err == nil {
			t.Errorf("readRecord(%q) = nil error; want one", bad)
		}
	}
}

func orEmpty(ms []extract.Mention) []extract.Mention {
	if ms == nil {
		return []extract.Mention{}
	}
	return ms
}
