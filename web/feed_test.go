package web

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
)

// checkAtom fails unless body is well-formed Atom 1.0 with what RFC 4287
// requires of a feed and its entries: an id, a title and an updated date,
// and per entry an alternate link; ids are unique.
func checkAtom(t *testing.T, what, body string) *atom.Feed {
	t.Helper()
	var strict struct {
		XMLName xml.Name
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Links   []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	d := xml.NewDecoder(strings.NewReader(body))
	d.Strict = true
	if err := d.Decode(&strict); err != nil {
		t.Fatalf("%s: not well-formed XML: %v\n%.300s", what, err, body)
	}
	if strict.XMLName.Space != "http://www.w3.org/2005/Atom" || strict.XMLName.Local != "feed" {
		t.Errorf("%s: root %v; want the Atom feed element", what, strict.XMLName)
	}
	if strict.ID == "" || strict.Title == "" || len(strict.Author) == 0 {
		t.Errorf("%s: feed id %q, title %q, %d authors; all are required", what, strict.ID, strict.Title, len(strict.Author))
	}
	if _, err := time.Parse(time.RFC3339, strict.Updated); err != nil {
		t.Errorf("%s: feed updated %q: %v", what, strict.Updated, err)
	}
	ids := map[string]bool{}
	for _, e := range strict.Entries {
		if e.ID == "" || ids[e.ID] || !strings.HasPrefix(e.ID, "tag:") {
			t.Errorf("%s: entry id %q missing, repeated or not a tag: URI", what, e.ID)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("%s: entry %s updated %q: %v", what, e.ID, e.Updated, err)
		}
		if len(e.Links) == 0 || e.Links[0].Rel != "alternate" || e.Links[0].Href == "" {
			t.Errorf("%s: entry %s has no alternate link", what, e.ID)
		}
	}
	f, err := (&atom.Parser{}).Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: the Atom parser rejects the feed: %v", what, err)
	}
	return f
}

// TestFeed_Atom reads the feed of a search with a real feed parser: the 50
// newest matches, newest first, ids that stay the same in every feed, links
// that open the article, and titles with markup given back as text.
func TestFeed_Atom(t *testing.T) {
	ts := researchServer(t, 200, Config{})
	resp, body, _ := getTimed(t, ts.URL+"/feed.atom?q=Kazakhstan")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	f := checkAtom(t, "feed", body)
	newest := searchAPI(t, ts.URL, url.Values{"q": {"Kazakhstan"}, "sort": {"newest"}, "size": {"50"}})
	if newest.Total < 60 || len(f.Entries) != 50 {
		t.Fatalf("%d entries of %d matches; want 50 (the corpus must have more)", len(f.Entries), newest.Total)
	}
	for i, e := range f.Entries {
		wantID := newest.Hits[i].ID
		if e.ID != "tag:kerko,2026:article/"+wantID || e.Title != newest.Hits[i].Title {
			t.Errorf("entry %d = %s %q; want the %d-th newest, %s %q", i, e.ID, e.Title, i+1, wantID, newest.Hits[i].Title)
		}
		if i > 0 && e.UpdatedParsed.After(*f.Entries[i-1].UpdatedParsed) {
			t.Errorf("entry %d (%s) is newer than the one before", i, e.Updated)
		}
		if !strings.Contains(strings.ToLower(e.Summary), "kaza") || strings.Contains(e.Summary, "<mark>") {
			t.Errorf("entry %s summary %q; want the snippet as plain text", e.ID, e.Summary)
		}
	}
	// The article a link names is there.
	link := f.Entries[0].Links[0].Href
	if !strings.HasPrefix(link, ts.URL+"/articles/") {
		t.Fatalf("entry link %q; want an article page of this server", link)
	}
	if resp, _, _ := getTimed(t, link); resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %d", link, resp.StatusCode)
	}
	// Another search's feed gives a shared article the same id.
	_, other, _ := getTimed(t, ts.URL+"/feed.atom?q=country:KZ+NATO&lang=en")
	g := checkAtom(t, "other feed", other)
	ids := map[string]string{}
	for _, e := range f.Entries {
		ids[e.Links[0].Href] = e.ID
	}
	shared := 0
	for _, e := range g.Entries {
		if id, ok := ids[e.Links[0].Href]; ok {
			shared++
			if id != e.ID {
				t.Errorf("article %s: id %s in one feed, %s in another", e.Links[0].Href, id, e.ID)
			}
		}
	}
	if shared == 0 {
		t.Error("the two feeds share no article: the stable-id check checked nothing")
	}

	// Markup in a title is text: escaped in the XML, given back whole.
	_, body, _ = getTimed(t, ts.URL+"/feed.atom?q=bold")
	if strings.Contains(body, "<b>") {
		t.Errorf("feed holds raw markup: %.300s", body)
	}
	gf, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	if len(gf.Items) == 0 || !strings.HasPrefix(gf.Items[0].Title, "<b>bold</b> & co") {
		t.Errorf("items %d, first title %q; want the title with its markup as text", len(gf.Items), gf.Items[0].Title)
	}
}

// TestFeed_LinkedFromResults: the results page names its feed in its head
// and links it ("Subscribe"), with the query and the filters.
func TestFeed_LinkedFromResults(t *testing.T) {
	ts := researchServer(t, 30, Config{})
	_, page, _ := getTimed(t, ts.URL+"/?q=Kazakhstan&lang=tr&sort=oldest")
	head, _, _ := strings.Cut(page, "</head>")
	want := `<link rel="alternate" type="application/atom+xml"`
	if !strings.Contains(head, want) || !strings.Contains(head, `href="/feed.atom?lang=tr&amp;q=Kazakhstan"`) {
		t.Errorf("head lacks the feed link: %s", head)
	}
	if !strings.Contains(page, `class="r-feed" href="/feed.atom?lang=tr&amp;q=Kazakhstan"`) {
		t.Error("results page lacks the Subscribe link")
	}
	resp, body, _ := getTimed(t, ts.URL+"/feed.atom?lang=tr&q=Kazakhstan")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, e := range checkAtom(t, "tr feed", body).Entries {
		if len(e.Links) == 0 || e.Links[0].Hreflang != "tr" {
			t.Errorf("entry %s: not a Turkish article", e.ID)
		}
	}
}
