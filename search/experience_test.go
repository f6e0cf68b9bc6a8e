package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"kerko/internal/fixture"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func barSum(bs []Bucket) int {
	n := 0
	for _, b := range bs {
		n += b.Count
	}
	return n
}

func TestSearch_Timeline(t *testing.T) {
	ix := openSeeds(t)
	feb := Request{From: day("2026-02-01"), To: day("2026-02-28")}
	tests := []struct {
		name      string
		req       Request
		wantIDs   []string
		wantBars  int // dated hits the timeline counts (ignoring the date filter)
		wantUndat int
	}{
		{"everything", Request{}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, 4, 1},
		{"a month keeps the whole timeline", feb, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKZTR}, 4, 1},
		{"undated included beside a range", Request{From: feb.From, To: feb.To, Undated: UndatedInclude}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKZTR, fixture.SeedEnUndated}, 4, 1},
		{"undated excluded", Request{Undated: UndatedExclude}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR, fixture.SeedEnErdogan2}, 4, 1},
		{"only undated", Request{Undated: UndatedOnly}, []string{fixture.SeedEnUndated}, 4, 1},
		{"query narrows the timeline", Request{Query: "Erdoğan"}, []string{fixture.SeedSqTurqiKZ, fixture.SeedEnUndated, fixture.SeedEnErdogan2}, 2, 1},
		{"other filters narrow it", Request{Langs: []string{"tr"}}, []string{fixture.SeedTrKGKZ, fixture.SeedTrKZTR}, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, tt.req)
			got := hitIDs(res)
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.wantIDs))
			if !slices.Equal(got, want) {
				t.Errorf("hits = %v; want %v", got, want)
			}
			if n := barSum(res.Timeline); n != tt.wantBars {
				t.Errorf("timeline counts %d hits; want %d (%v)", n, tt.wantBars, res.Timeline)
			}
			if res.Undated != tt.wantUndat {
				t.Errorf("Undated = %d; want %d", res.Undated, tt.wantUndat)
			}
		})
	}

	res := search(t, ix, Request{})
	if res.Interval != IntervalMonth {
		t.Fatalf("Interval = %q; want month for a 46-month span", res.Interval)
	}
	first, last := res.Timeline[0], res.Timeline[len(res.Timeline)-1]
	if !first.From.Equal(day("2022-05-01")) || !last.To.Equal(day("2026-02-28")) || len(res.Timeline) != 46 {
		t.Errorf("timeline %s..%s in %d bars; want 2022-05-01..2026-02-28 in 46", first.From, last.To, len(res.Timeline))
	}
	if last.Count != 2 {
		t.Errorf("2026-02 has %d hits; want 2", last.Count)
	}

	if _, err := ix.Search(context.Background(), Request{Undated: "sometimes"}); !errors.Is(err, ErrBadRequest) {
		t.Errorf("unknown undated option: err = %v; want ErrBadRequest", err)
	}
}

func TestTimeline_Years(t *testing.T) {
	bars, interval, undated, zoomed := timeline([]FacetValue{{"2010-03", 2}, {"2019-11", 1}, {"2019-01", 4}, {undatedMonth, 7}}, time.Time{}, time.Time{})
	if interval != IntervalYear || undated != 7 || len(bars) != 10 || zoomed {
		t.Fatalf("timeline = %d bars per %s, %d undated; want 10 per year, 7", len(bars), interval, undated)
	}
	if !bars[0].From.Equal(day("2010-01-01")) || !bars[0].To.Equal(day("2010-12-31")) || bars[0].Count != 2 || bars[9].Count != 5 {
		t.Errorf("bars = %v", bars)
	}
	// A chosen year is drawn per month.
	bars, interval, _, zoomed = timeline([]FacetValue{{"2010-03", 2}, {"2019-11", 1}, {"2019-01", 4}}, day("2019-01-01"), day("2019-12-31"))
	if !zoomed || interval != IntervalMonth || len(bars) != 12 || !bars[0].From.Equal(day("2019-01-01")) || bars[0].Count != 4 || bars[10].Count != 1 {
		t.Errorf("zoomed into 2019: %d bars per %s: %v; want its 12 months", len(bars), interval, bars)
	}
	// Too many years chosen stay per year.
	if _, interval, _, _ = timeline([]FacetValue{{"2010-03", 2}, {"2019-11", 1}}, day("2011-01-01"), day("2018-12-31")); interval != IntervalYear {
		t.Errorf("eight years chosen: per %s; want per year", interval)
	}
	if bars, _, _, _ := timeline(nil, time.Time{}, time.Time{}); len(bars) != 0 {
		t.Errorf("no months: %d bars; want none", len(bars))
	}
}

func TestSearch_CrossLanguage(t *testing.T) {
	ix := openSeeds(t)
	tests := []struct {
		query      string
		direct     []string // match the words themselves: ranked first
		viaEntity  []string // match only through the country or organization
		wantKind   string
		wantEntity string
	}{
		{"Kazakhstan", []string{fixture.SeedEnUndated, fixture.SeedEnErdogan2}, []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR}, FacetCountry, "KZ"},
		{"Kazakistan", []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR}, []string{fixture.SeedEnUndated, fixture.SeedEnErdogan2}, FacetCountry, "KZ"},
		{"Kazakistan'ın", []string{fixture.SeedSqTurqiKZ, fixture.SeedTrKGKZ, fixture.SeedTrKZTR}, []string{fixture.SeedEnUndated, fixture.SeedEnErdogan2}, FacetCountry, "KZ"},
		{"Kyrgyzstan", nil, []string{fixture.SeedTrKGKZ}, FacetCountry, "KG"},
		{"BM", []string{fixture.SeedTrKZTR}, []string{fixture.SeedEnErdogan2}, FacetOrg, "UN"},
		// A quoted multi-word name crosses languages as a whole.
		{`"Birleşmiş Milletler"`, []string{fixture.SeedTrKZTR}, []string{fixture.SeedEnErdogan2}, FacetOrg, "UN"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, ix, Request{Query: tt.query})
			got := hitIDs(res)
			if len(got) != len(tt.direct)+len(tt.viaEntity) {
				t.Fatalf("hits = %v; want %v then %v", got, tt.direct, tt.viaEntity)
			}
			if !sameSet(got[:len(tt.direct)], tt.direct) || !sameSet(got[len(tt.direct):], tt.viaEntity) {
				t.Errorf("hits = %v; want %v ranked before %v", got, tt.direct, tt.viaEntity)
			}
			if len(res.Expanded) != 1 || res.Expanded[0].Kind != tt.wantKind || res.Expanded[0].ID != tt.wantEntity {
				t.Errorf("Expanded = %+v; want one %s %s", res.Expanded, tt.wantKind, tt.wantEntity)
			}
		})
	}
	// An article found through its country shows the name as it writes it.
	for _, h := range search(t, ix, Request{Query: "Kazakhstan"}).Hits {
		if h.Lang == "tr" && !strings.Contains(h.Snippet, "<mark>Kazakistan</mark>") {
			t.Errorf("Kazakhstan: Turkish snippet %q does not mark Kazakistan", h.Snippet)
		}
	}
	if res := search(t, ix, Request{Query: "strategic"}); len(res.Expanded) != 0 {
		t.Errorf("strategic: Expanded = %+v; want none", res.Expanded)
	}
}

func TestSearch_DidYouMean(t *testing.T) {
	ix := openSeeds(t)
	tests := []struct {
		req  Request
		want string
	}{
		{Request{Query: "Kazakistn"}, "Kazakistan"},
		{Request{Query: "Tokayv ticaret"}, "Tokayev ticaret"},
		{Request{Query: "Kazakistan"}, ""},                    // many hits: meant as typed
		{Request{Query: "Kyrgyzstan"}, ""},                    // few hits, no commoner neighbour
		{Request{Query: "zzzzqqq"}, ""},                       // nothing close
		{Request{Query: "Erdgan", Langs: []string{"tr"}}, ""}, // the respelling finds nothing more under the filters
	}
	for _, tt := range tests {
		res := search(t, ix, tt.req)
		if res.DidYouMean != tt.want {
			t.Errorf("Search(%+v).DidYouMean = %q (total %d); want %q", tt.req, res.DidYouMean, res.Total, tt.want)
		}
	}
}

func TestIndex_Suggest(t *testing.T) {
	ix := openSeeds(t)
	tests := []struct {
		prefix, ui string
		wantKind   string
		wantText   string
		wantValue  string
	}{
		{"kirg", "en", SuggestCountry, "Kırgızistan", "KG"},
		{"Kyrg", "en", SuggestCountry, "Kyrgyzstan", "KG"},
		{"kaz", "en", SuggestCountry, "Kazakhstan", "KZ"},
		{"kaz", "tr", SuggestCountry, "Kazakistan", "KZ"},
		{"turq", "sq", SuggestCountry, "Turqi", "TR"},
		{"Erdog", "en", SuggestTerm, "Erdoğan", ""}, // as the articles write it
		{"ankara tic", "en", SuggestTerm, "ankara ticaret", ""},
		{"Kırgızistan ile", "en", SuggestTitle, "Kırgızistan ile Kazakistan, 2030 için ticaret hedefini 3 milyar dolara yükseltmeyi planlıyor", fixture.SeedTrKGKZ},
	}
	for _, tt := range tests {
		got, err := ix.Suggest(context.Background(), tt.prefix, tt.ui, 10)
		if err != nil {
			t.Fatalf("Suggest(%q): %v", tt.prefix, err)
		}
		found := false
		for _, s := range got {
			if s.Kind == tt.wantKind && s.Text == tt.wantText && s.Value == tt.wantValue {
				found = true
			}
		}
		if !found {
			t.Errorf("Suggest(%q, %q) = %+v; want a %s %q", tt.prefix, tt.ui, got, tt.wantKind, tt.wantText)
		}
	}
	if got, _ := ix.Suggest(context.Background(), "k", "en", 10); len(got) != 0 {
		t.Errorf("Suggest(one letter) = %+v; want none", got)
	}
	if got, _ := ix.Suggest(context.Background(), "kaz", "en", 2); len(got) != 2 {
		t.Errorf("Suggest(kaz, n=2) gave %d; want 2", len(got))
	}
}

func TestIndex_Related(t *testing.T) {
	ix := openSeeds(t)
	rs, err := ix.Related(context.Background(), fixture.SeedEnErdogan2, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 {
		t.Fatalf("Related = %d articles; want the 4 others", len(rs))
	}
	if rs[0].ID != fixture.SeedEnUndated {
		t.Errorf("most related = %s; want %s (same visit, same words)", rs[0].ID, fixture.SeedEnUndated)
	}
	langs := map[string]bool{}
	for _, r := range rs {
		if r.ID == fixture.SeedEnErdogan2 {
			t.Errorf("an article is related to itself")
		}
		if !slices.Contains(r.SharedCountries, "KZ") {
			t.Errorf("%s: shared countries %v; want KZ among them", r.ID, r.SharedCountries)
		}
		langs[r.Lang] = true
	}
	if !langs["tr"] || !langs["sq"] {
		t.Errorf("related languages %v; want Turkish and Albanian articles too", langs)
	}
	if len(rs[0].SharedTerms) == 0 {
		t.Errorf("most related shares no words: %+v", rs[0])
	}
	// The Albanian article is related to the English ones through names
	// every language writes alike.
	rs, err = ix.Related(context.Background(), fixture.SeedSqTurqiKZ, 2)
	if err != nil {
		t.Fatal(err)
	}
	// Shared words are given as the article writes them.
	if len(rs) != 2 || rs[0].Lang != "en" || !slices.Contains(rs[0].SharedTerms, "Erdogan") {
		t.Errorf("Related(Albanian) = %+v; want English articles sharing Erdogan first", rs)
	}
	if _, err := ix.Related(context.Background(), "nope", 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("Related(unknown) err = %v; want ErrNotFound", err)
	}
}
