package web

import (
	"errors"
	"net/url"
	"testing"
	"unicode/utf8"

	"kerko/extract"
)

// FuzzParseSearch feeds raw query strings, parsed as Echo parses them, to
// the search parameter validation: it either names the bad parameter or
// returns a request within every bound the index relies on.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{
		"q=erdo%C4%9Fan&lang=tr&country=kz&country=KG&org=un&from=2024-01-01&to=2024-12-31&sort=newest&page=2&size=20",
		"q=%FF%FE", "q=a%00b", "page=99999999999999999999", "page=-1", "size=0", "page=1000&size=100",
		"country=XX", "country=%20kz%20&country=KZ", "from=2025-01-01&to=2024-01-01", "sort=%3Cscript%3E",
		"lang=und&lang=UND", "q=" + url.QueryEscape(`"""""`), "from=2024-02-30", "a=%zz&q=x", ";q=1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw) // Echo ignores the error and keeps what parsed
		req, err := parseSearch(v)
		if err != nil {
			var pe *paramError
			if !errors.As(err, &pe) || pe.param == "" {
				t.Fatalf("parseSearch(%q): error %v names no parameter", raw, err)
			}
			if !utf8.ValidString(err.Error()) || len(err.Error()) > 400 {
				t.Errorf("parseSearch(%q): error message %q is invalid or unbounded", raw, err)
			}
			return
		}
		if !utf8.ValidString(req.Query) || len(req.Query) > maxQueryBytes {
			t.Errorf("parseSearch(%q): query %q passed", raw, req.Query)
		}
		if req.Page < 1 || req.Size < 0 || req.Size == 0 && !req.CountOnly || req.Size > maxSize || req.Page*req.Size > maxResultDepth {
			t.Errorf("parseSearch(%q): page %d size %d passed", raw, req.Page, req.Size)
		}
		for _, l := range req.Langs {
			if l != "sq" && l != "tr" && l != "en" && l != "und" {
				t.Errorf("parseSearch(%q): lang %q passed", raw, l)
			}
		}
		for _, c := range req.Countries {
			if !extract.IsCountry(c) {
				t.Errorf("parseSearch(%q): country %q passed", raw, c)
			}
		}
		for _, o := range req.Orgs {
			if !extract.IsOrganization(o) {
				t.Errorf("parseSearch(%q): org %q passed", raw, o)
			}
		}
		if len(req.Langs) > maxFilterVals || len(req.Countries) > maxFilterVals || len(req.Orgs) > maxFilterVals {
			t.Errorf("parseSearch(%q): too many filter values passed", raw)
		}
		if !req.From.IsZero() && !req.To.IsZero() && req.From.After(req.To) {
			t.Errorf("parseSearch(%q): from after to passed", raw)
		}
	})
}
