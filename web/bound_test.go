package web

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"kerko/extract"
)

// worstCorpus is 120 English articles that each name every country and
// organization kerko knows, dated over 27 years: the most links a hit,
// a facet group and the timeline can have.
func worstCorpus() fstest.MapFS {
	var names []string
	for _, c := range extract.CountryCodes() {
		names = append(names, extract.CountryName(c, "en"))
	}
	for _, o := range extract.OrganizationIDs() {
		names = append(names, o)
	}
	fsys := fstest.MapFS{}
	for i := range 120 {
		// Five persons each, 490 in all: more than the person group
		// shows. One of ten long-named ones, whose filter keeps every
		// hit when all ten are chosen (worstPerson).
		people := []string{"President " + worstPerson(i%10)}
		for _, given := range []string{"Mary", "John", "Anne", "Peter"} {
			people = append(people, fmt.Sprintf("President %s Ştefănescu%c%c", given, 'a'+rune(i%26), 'a'+rune(i/26)))
		}
		body := fmt.Sprintf(" date %d-%02d-15 Trade talks %d\n\nTrade ministers from %s met. %s spoke.", 2000+i%27, 1+i%12, i, strings.Join(names, ", "), strings.Join(people, ", "))
		fsys[fmt.Sprintf("w%03d.txt", i)] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// worstPerson is the k-th of ten persons with names as long as extraction
// takes them (five words), whose ids are as long as a search may carry ten
// of (maxPersonBytes).
func worstPerson(k int) string {
	return fmt.Sprintf("Christopher Bartholomaeusjunior Constantinopolitanus Wolfgangusamadeusxyz Ştefănescuvwxyzabc%c", 'a'+rune(k))
}

// TestPage_WorstCaseIsBounded builds the largest search page a valid
// request can make (100 hits, a 1,000-byte query that needs escaping in
// every link, 50 countries and 50 organizations chosen, persons chosen up
// to their bound, every facet value present) and checks it stays under maxPageBytes: the bound docs/api.md
// states holds by construction, not by luck.
func TestPage_WorstCaseIsBounded(t *testing.T) {
	ts := fsServer(t, worstCorpus())
	base := func() url.Values {
		v := url.Values{"size": {"100"}, "lang": {"en", "sq", "tr", "und"}, "sort": {"newest"},
			"from": {"2000-01-01"}, "to": {"2026-12-31"}, "undated": {"include"}, "ui": {"tr"}}
		v["country"] = extract.CountryCodes()[:maxFilterVals]
		orgs := extract.OrganizationIDs()
		v["org"] = orgs[:min(maxFilterVals, len(orgs))]
		for k := range 10 {
			v.Add("person", extract.PersonID(worstPerson(k)))
		}
		if n := len(strings.Join(v["person"], "")); n > maxPersonBytes || n < maxPersonBytes*8/10 {
			t.Fatalf("worst-case person ids are %d bytes together; want close to maxPersonBytes %d", n, maxPersonBytes)
		}
		return v
	}
	// The longest query, which every link escapes to three times its size.
	longest := "trade"
	for len(longest)+len(" OR ğüşıöç") <= maxQueryBytes {
		longest += " OR ğüşıöç"
	}
	// The longest query whose hits' country tags are still links.
	small := func() url.Values {
		v := base()
		v.Del("country")
		v.Del("org")
		v.Del("person")
		return v
	}
	tagged := "trade"
	for {
		v := small()
		v.Set("q", tagged+" OR ğü")
		if len(v.Encode()) > placeLinkState {
			break
		}
		tagged += " OR ğü"
	}
	for _, c := range []struct {
		q    string
		base func() url.Values
	}{{longest, base}, {tagged, small}} {
		v, q := c.base(), c.q
		v.Set("q", q)
		code, page := get(t, ts, "/?"+v.Encode())
		if code != 200 {
			t.Fatalf("worst case: status %d: %.300s", code, page)
		}
		if n := strings.Count(page, `<li class="hit">`); n != 100 {
			t.Fatalf("worst case shows %d hits; want 100", n)
		}
		links := strings.Count(page, "href=")
		t.Logf("worst-case page for a query of %d bytes: %d bytes, %d links (bound %d)", len(q), len(page), links, maxPageBytes)
		if len(page) > maxPageBytes {
			t.Errorf("worst-case page of %d bytes is over maxPageBytes %d", len(page), maxPageBytes)
		}
	}
}

// TestTrendsPage_WorstCaseIsBounded builds the largest trends page a valid
// request can make: five 1,000-byte queries, every filter at its limit,
// ten years of days.
func TestTrendsPage_WorstCaseIsBounded(t *testing.T) {
	ts := fsServer(t, worstCorpus())
	q := "trade"
	for len(q)+len(" OR ğüşıöç") <= maxQueryBytes {
		q += " OR ğüşıöç"
	}
	v := url.Values{"lang": {"en", "sq", "tr", "und"}, "from": {"2016-01-01"}, "to": {"2025-12-31"},
		"interval": {"day"}, "ui": {"tr"}}
	v["country"] = extract.CountryCodes()[:maxFilterVals]
	for i := range maxTrendQueries {
		v.Add("q", fmt.Sprintf("%s OR x%d", q[:len(q)-len(" OR ğüşıöç")], i))
	}
	code, page := get(t, ts, "/trends?"+v.Encode())
	if code != 200 {
		t.Fatalf("worst case: status %d: %.300s", code, page)
	}
	t.Logf("worst-case trends page: %d bytes, %d links, %d points (bound %d)", len(page), strings.Count(page, "href="), strings.Count(page, `class="dot"`), maxTrendsPageBytes)
	if len(page) > maxTrendsPageBytes {
		t.Errorf("worst-case trends page of %d bytes is over %d", len(page), maxTrendsPageBytes)
	}
}
