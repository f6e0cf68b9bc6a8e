package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"kerko/index"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		pr    index.Progress
		total int
		want  string
	}{
		{index.Progress{Read: 1000, Written: 900, Elapsed: 2 * time.Second}, 3000,
			"indexing: 1000 of ~3000 articles read (33%), 900 written, 500 articles/s, 2s elapsed, ETA 4s"},
		{index.Progress{Read: 1000, Written: 10, Elapsed: 2 * time.Second}, 0,
			"indexing: 1000 articles read, 10 written, 500 articles/s, 2s elapsed"},
		{index.Progress{Read: 1200, Written: 1200, Elapsed: 3 * time.Second}, 1000, // the estimate was short
			"indexing: 1200 articles read, 1200 written, 400 articles/s, 3s elapsed"},
	}
	for _, tt := range tests {
		if got := progressLine(tt.pr, tt.total); got != tt.want {
			t.Errorf("progressLine(%+v, %d) = %q; want %q", tt.pr, tt.total, got, tt.want)
		}
	}
}

func TestPrintSummary(t *testing.T) {
	st := &index.Stats{
		Generation: 3, Full: true, FullReason: index.FullReason{Cause: index.FullVersion, Detail: "analyzers changed since the index was built"},
		Added: 90, Updated: 5, Deleted: 2, Unchanged: 0, Skipped: 4, Repaired: 1,
		SkipReasons: map[string]int{"empty file": 1, "unreadable": 2, "binary file": 1},
		Articles:    95, Published: true, Elapsed: 2 * time.Second, IndexBytes: 3 << 20,
		TextRepairedArticles: 7, TextRepairedChars: 31,
	}
	var b bytes.Buffer
	printSummary(&b, "idx", st)
	want := []string{
		"full build: analyzers changed since the index was built",
		"indexed 95 (added 90, updated 5), deleted 2, unchanged 0",
		"skipped 4: 2 unreadable, 1 binary file, 1 empty file",
		"repaired 1, warnings 0 (reported above)",
		"text repaired: 7 articles, 31 characters (Windows-1252 punctuation read as control characters, now ’ “ ” … –)",
		"95 articles in idx (published generation 3, 3.0 MiB) in 2.00s", // too few for a rate
	}
	if got := strings.Split(strings.TrimSpace(b.String()), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("printSummary =\n%s\nwant\n%s", b.String(), strings.Join(want, "\n"))
	}
}

func TestRateText(t *testing.T) {
	tests := []struct {
		n       int
		elapsed time.Duration
		want    string
	}{
		{6, 200 * time.Millisecond, ""}, // "29 articles/s" for a handful says nothing
		{5000, 400 * time.Millisecond, ""},
		{99, 10 * time.Second, ""},
		{100, time.Second, ", 100 articles/s"},
		{36462, 20 * time.Second, ", 1823 articles/s"},
	}
	for _, tt := range tests {
		if got := rateText(tt.n, tt.elapsed); got != tt.want {
			t.Errorf("rateText(%d, %v) = %q; want %q", tt.n, tt.elapsed, got, tt.want)
		}
	}
}
