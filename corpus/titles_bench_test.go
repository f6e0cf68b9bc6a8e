package corpus_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"kerko/corpus"
	"kerko/internal/benchcorpus"
)

var update = flag.Bool("update", false, "rewrite testdata/bench-titles.golden with the measured figures")

const titlesGolden = "testdata/bench-titles.golden"

// TestTitles_TurkishBench measures the titles kerko derives for the Turkish
// bench articles, which come without one (their JSONL rows have "title":
// ""), in both forms of the set: the JSONL export and the raw .txt folder.
// A title is bad when it has three characters or fewer ("Dr", "1", "\"5")
// or is a dateline or byline alone ("RADİKAL -", "İSTANBUL", "HT GAZETE").
// The figures and the ids of the bad titles are guarded by a golden file
// (-update rewrites it); run with -v to see them:
//
//	go test ./corpus -run TestTitles_TurkishBench -v
func TestTitles_TurkishBench(t *testing.T) {
	dir, err := benchcorpus.Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	sources := []struct{ name, path string }{
		{"jsonl", filepath.Join(dir, "tr-ttc3600-2015.jsonl")},
		{"raw", filepath.Join(filepath.Dir(dir), "raw", "ttc3600")},
	}
	var out strings.Builder
	for _, src := range sources {
		var total, datelineFirst int
		bad := map[string][]string{}
		r := &corpus.Reader{Emit: func(a *corpus.Article) error {
			total++
			if kind := badTitle(a.Title); kind != "" {
				bad[kind] = append(bad[kind], a.ID)
			}
			if datelineFront.MatchString(a.Title) {
				datelineFirst++
			}
			return nil
		}}
		if err := r.ReadPath(context.Background(), src.path); err != nil {
			t.Fatal(err)
		}
		n := len(bad["short"]) + len(bad["dateline"])
		share := 100 * float64(n) / float64(max(total, 1))
		fmt.Fprintf(&out, "%s: %d titles; %d of 3 characters or fewer, %d a dateline or byline alone: %.2f%%; %d begin with a dateline\n",
			src.name, total, len(bad["short"]), len(bad["dateline"]), share, datelineFirst)
		if share >= 0.5 {
			t.Errorf("%s: %.2f%% of the titles are bad; want under 0.5%%", src.name, share)
		}
		for _, kind := range []string{"short", "dateline"} {
			sort.Strings(bad[kind])
			for _, id := range bad[kind] {
				fmt.Fprintf(&out, "  %s %s\n", kind, id)
			}
		}
	}
	t.Logf("Turkish bench titles:\n%s", out.String())
	if *update {
		if err := os.WriteFile(titlesGolden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(titlesGolden)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("titles differ from %s (rerun with -update if the change is meant):\ngot:\n%s\nwant:\n%s", titlesGolden, got, want)
	}
}

// badTitle says why title is no title ("short", "dateline"), or "". It is
// written apart from the title code on purpose, so that the figure does not
// measure the rules with themselves.
func badTitle(title string) string {
	if utf8.RuneCountInString(title) <= 3 {
		return "short"
	}
	if strings.IndexFunc(title, unicode.IsLower) >= 0 {
		return ""
	}
	// Capitals only: a place, paper or byline, with what datelines carry
	// after it ("(AA)", a dash, a page or section number).
	s := agencyParens.ReplaceAllString(title, " ")
	s = strings.TrimRight(s, " -–—0123456789")
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '/' || r == '-' || r == '–' || r == '—'
	})
	if len(words) <= 3 || strings.Contains(s, "/") && len(words) <= 5 {
		return "dateline"
	}
	return ""
}

var (
	agencyParens  = regexp.MustCompile(`\([^()]*\)`)
	datelineFront = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{M}.' ]*(\([^()]*\))?(\s+[-–—]|[-–—]\s)`)
)

func TestBadTitle(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Dr", "short"},
		{`"5`, "short"},
		{"RADİKAL -", "dateline"},
		{"RADİKAL-  9", "dateline"},
		{"İSTANBUL", "dateline"},
		{"ANKARA (AA) -", "dateline"},
		{"HT GAZETE", "dateline"},
		{"VOLKAN YANARDAĞ/HT GAZETE", "dateline"},
		{"UCUZ AMA ÇİFTÇİ SATAMIYOR", ""},
		{"İş GYO İzmir’e temel attı", ""},
		{"Kulüp Başkanı Tuna Aktürk, geçen sezon…", ""},
	}
	for _, tt := range tests {
		if got := badTitle(tt.title); got != tt.want {
			t.Errorf("badTitle(%q) = %q; want %q", tt.title, got, tt.want)
		}
	}
}
