package search

import (
	"context"
	"testing"
	"time"
)

// TestSearch_DateBoundsOutsideBleveRange: Bleve cannot represent dates
// outside 1677..2262; a user may still type any date (FuzzServeHTTP found
// to=0001-10-01 answered 500).
func TestSearch_DateBoundsOutsideBleveRange(t *testing.T) {
	ix := openSeeds(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		from, to time.Time
		want     int // hits for "erdogan" (3 seeds, one undated)
	}{
		{"to year 1", time.Time{}, day(1, 10, 1), 0},
		{"from year 1", day(1, 1, 2), time.Time{}, 2}, // 0001-01-01 itself is the zero time: no bound
		{"to year 9999", time.Time{}, day(9999, 12, 31), 2},
		{"from 9999", day(9999, 1, 1), time.Time{}, 0},
		{"year 1 to 9999", day(1, 1, 2), day(9999, 12, 31), 2},
		{"both before 1677", day(1000, 1, 1), day(1200, 1, 1), 0},
		{"both after 2262", day(3000, 1, 1), day(3001, 1, 1), 0},
		{"edges", day(1677, 9, 21), day(2262, 4, 12), 2},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: "erdogan", From: tt.from, To: tt.to})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if int(res.Total) != tt.want {
			t.Errorf("%s: %d hits; want %d", tt.name, res.Total, tt.want)
		}
	}
}
