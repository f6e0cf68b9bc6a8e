package web

import (
	"strings"
	"testing"
)

// TestSearch_RelaxedSaid checks that a search no article fully matches
// shows the articles with most of its words, and says so in the API and on
// the page in every interface language.
func TestSearch_RelaxedSaid(t *testing.T) {
	ts := seedServer(t)
	const q = "q=Caparov+Tokayev+Bi%C5%9Fkek+z%C3%BCrafa"
	var res struct {
		Total   int `json:"total"`
		Relaxed *struct {
			MatchedWords int `json:"matched_words"`
			Of           int `json:"of"`
		} `json:"relaxed"`
	}
	getJSON(t, ts, "/api/search?"+q, &res)
	if res.Relaxed == nil || res.Relaxed.Of != 4 || res.Relaxed.MatchedWords != 3 || res.Total == 0 {
		t.Fatalf("relaxed = %+v, total %d; want 3 of 4 words and some hits", res.Relaxed, res.Total)
	}
	var full struct {
		Relaxed *struct{} `json:"relaxed"`
	}
	getJSON(t, ts, "/api/search?q=Erdo%C4%9Fan+Tokayev", &full)
	if full.Relaxed != nil {
		t.Error("a search with hits for every word says relaxed")
	}
	for ui, want := range map[string]string{
		"en": "No article has all 4 words; these have 3 of them.",
		"sq": "Asnjë artikull nuk i ka të 4 fjalët; këta kanë 3 prej tyre.",
		"tr": "4 kelimenin hepsini içeren haber yok; bunlar 3 tanesini içeriyor.",
	} {
		_, page := get(t, ts, "/?"+q+"&ui="+ui)
		if !strings.Contains(page, want) {
			t.Errorf("ui=%s: the page does not say %q", ui, want)
		}
		if strings.Contains(page, `class="empty"`) {
			t.Errorf("ui=%s: the page says nothing matched", ui)
		}
	}
}
