package web

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestCorrect(t *testing.T) {
	tests := []struct {
		raw      string
		want     string // the corrected search, encoded
		firstKey string // the first error fixed, "" for none
	}{
		{"q=x&from=2026-02-02&to=2025-01-01", "from=2025-01-01&q=x&to=2026-02-02", "fromafter"},
		{"q=x&country=KG&country=ZZ&country=kz", "country=KG&country=KZ&q=x", "country"},
		{"q=x&lang=tr&lang=de&sort=best&page=0", "lang=tr&q=x", "lang"},
		{"q=" + strings.Repeat("ğ", 600), "q=" + url.QueryEscape(strings.Repeat("ğ", 500)), "toolong"},
		{"q=a%FFb", "q=ab", "utf8"},
		{"q=x&page=5000&size=50", "page=200&q=x&size=50", "toodeep"},
		{"q=x&from=yesterday&undated=maybe", "q=x", "date"},
		{"q=x&lang=tr", "lang=tr&q=x", ""},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.raw)
		req, first, ok := correct(v)
		if !ok {
			t.Errorf("correct(%.60q): no valid search found", tt.raw)
			continue
		}
		if got := searchValues(req, "").Encode(); got != tt.want {
			t.Errorf("correct(%.60q) = %.80q; want %.80q", tt.raw, got, tt.want)
		}
		key := ""
		if first != nil {
			key = first.key
		}
		if key != tt.firstKey {
			t.Errorf("correct(%.60q) fixed %q first; want %q", tt.raw, key, tt.firstKey)
		}
	}
}

func TestClipMarked(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"<mark>Kazakistan</mark> ile Türkiye", 14, "<mark>Kazakistan</mark> ile…"},
		{"a <mark>long mark</mark>", 6, "a <mark>long</mark>…"},
		{"&lt;script&gt; x", 8, "&lt;script&gt;…"},
		{"İstanbul'da", 3, "İst…"},
	}
	for _, tt := range tests {
		if got := clipMarked(tt.in, tt.n); got != tt.want {
			t.Errorf("clipMarked(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
	}
	if got := clipText("Ankara'da", 6); got != "Ankara…" {
		t.Errorf("clipText = %q", got)
	}
}

func TestSearchValues_OnlyWhatDiffersFromDefaults(t *testing.T) {
	v, _ := url.ParseQuery("q=x&country=kz&page=1&size=10&ui=de&sort=")
	req, err := parseSearch(v)
	if err != nil {
		t.Fatal(err)
	}
	if got := searchValues(req, "de").Encode(); got != "country=KZ&q=x" {
		t.Errorf("searchValues = %q; want country=KZ&q=x", got)
	}
	req.From = time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	if got := searchValues(req, "tr").Encode(); got != "country=KZ&from=2025-01-02&q=x&ui=tr" {
		t.Errorf("searchValues = %q", got)
	}
}
