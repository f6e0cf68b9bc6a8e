package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// readAll reads p with a fresh Reader and returns what it emitted and reported.
func readAll(t *testing.T, p string) ([]*Article, []Problem) {
	t.Helper()
	var arts []*Article
	var probs []Problem
	r := &Reader{
		Emit:   func(a *Article) error { arts = append(arts, a); return nil },
		Report: func(p Problem) { probs = append(probs, p) },
		Now:    testNow,
	}
	if err := r.ReadPath(context.Background(), p); err != nil {
		t.Fatalf("ReadPath(%q): %v", p, err)
	}
	return arts, probs
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReader_Txt(t *testing.T) {
	tests := []struct {
		name      string
		content   string
		wantTitle string
		wantBody  string // prefix
		wantDate  string // "" = undated
		wantProb  string // substring of the single expected problem, "" = none
	}{
		{
			name:      "seed header with headline",
			content:   " date 2025-08-22 Kırgızistan ile Kazakistan ticaret hedefini yükseltiyor\n\nResmi ziyaret kapsamında geldi.\n",
			wantTitle: "Kırgızistan ile Kazakistan ticaret hedefini yükseltiyor",
			wantBody:  "Resmi ziyaret",
			wantDate:  "2025-08-22",
		},
		{
			name:      "seed header with a sentence: first sentence is the title, body keeps it",
			content:   " date 2026-02-02 Ministri i Jashtëm i Turqisë takoi homologun. Takimi u mbajt në Ankara.\nMë pas foli.",
			wantTitle: "Ministri i Jashtëm i Turqisë takoi homologun",
			wantBody:  "Ministri i Jashtëm",
			wantDate:  "2026-02-02",
		},
		{
			name:      "no header",
			content:   "At the invitation of the Minister, he arrived in Ankara.\nMore text.",
			wantTitle: "At the invitation of the Minister, he arrived in Ankara",
			wantBody:  "At the invitation",
		},
		{
			name:      "BOM, CRLF, leading blank lines and tabs, trailing blank lines",
			content:   "\ufeff\r\n\t\r\n\t Ekonomi haberi başlığı\r\nGövde metni burada.\r\n\r\n\t\r\n",
			wantTitle: "Ekonomi haberi başlığı",
			wantBody:  "Gövde metni burada.",
		},
		{
			name:      "NFD text becomes NFC",
			content:   "Marre\u0308dhe\u0308niet Turqi-Kazakistan\nTekst i plote\u0308.",
			wantTitle: "Marrëdhëniet Turqi-Kazakistan",
			wantBody:  "Tekst i plotë.",
		},
		{
			name:      "other date formats",
			content:   " date 26-FEB-1987 15:01:01.79 COCOA REVIEW\nShowers continued.",
			wantTitle: "COCOA REVIEW",
			wantBody:  "Showers",
			wantDate:  "1987-02-26",
		},
		{
			name:      "unparseable date is repaired to undated",
			content:   " date yesterday Headline here\nBody text.",
			wantTitle: "Headline here",
			wantBody:  "Body text.",
			wantProb:  `unparseable date header "yesterday"`,
		},
		{
			name:      "future date is a warning",
			content:   " date 2099-01-01 Headline\nBody.",
			wantTitle: "Headline",
			wantBody:  "Body.",
			wantDate:  "2099-01-01",
			wantProb:  "in the future",
		},
		{
			name:      "invalid UTF-8 is repaired",
			content:   "Başlık \xff burada\nGövde.",
			wantTitle: "Başlık \uFFFD burada",
			wantBody:  "Gövde.",
			wantProb:  "invalid UTF-8",
		},
		{
			name:      "long single line is cut at a word boundary",
			content:   strings.Repeat("kelime ", 40),
			wantTitle: strings.TrimSpace(strings.Repeat("kelime ", 17)) + "…",
			wantBody:  "kelime kelime",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.txt": tt.content})
			arts, probs := readAll(t, dir)
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1 (problems %v)", len(arts), probs)
			}
			a := arts[0]
			if a.ID != "a" {
				t.Errorf("ID = %q; want %q", a.ID, "a")
			}
			if a.Title != tt.wantTitle {
				t.Errorf("Title = %q; want %q", a.Title, tt.wantTitle)
			}
			if !strings.HasPrefix(a.Body, tt.wantBody) {
				t.Errorf("Body = %q; want prefix %q", a.Body, tt.wantBody)
			}
			if strings.Contains(a.Body, "\r") || strings.HasSuffix(a.Body, "\n") {
				t.Errorf("Body = %q; has CR or trailing newline", a.Body)
			}
			gotDate := ""
			if a.Dated() {
				gotDate = a.Date.Format("2006-01-02")
			}
			if gotDate != tt.wantDate {
				t.Errorf("Date = %q; want %q", gotDate, tt.wantDate)
			}
			switch {
			case tt.wantProb == "" && len(probs) > 0:
				t.Errorf("problems = %v; want none", probs)
			case tt.wantProb != "" && (len(probs) != 1 || !strings.Contains(probs[0].Reason, tt.wantProb)):
				t.Errorf("problems = %v; want one containing %q", probs, tt.wantProb)
			case tt.wantProb != "" && !strings.HasSuffix(probs[0].File, "a.txt"):
				t.Errorf("problem names file %q; want a.txt", probs[0].File)
			}
		})
	}
}

func TestReader_BadFilesAreReportedAndGoodOnesKept(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good/one.txt":        "Headline one\nBody one.",
		"good/nested/two.txt": "Headline two\nBody two.",
		"empty.txt":           "",
		"blank.txt":           "\n\t\n  \n",
		"binary.txt":          "\x00\x01\x02\x03PNG\x00\x00",
		"notes.md":            "ignored: not an article format",
		"export.jsonl": `{"id":"j1","title":"T1","body":"B1","date":"2020-07-29","lang":"sq"}
{"id":"j2","title":"T2","body":"B2","date":"2020/07/29, 23:12:48"}
{"id":"j3", "title": broken
{"id":"j4","title":"T4","body":"B4","date":"29th of July"}
{"id":"j1","title":"dup","body":"dup"}
{"title":"no id","body":"x"}

{"id":"j5","title":"","body":"Only a body. Second sentence.","lang":"xx"}
{"id":7,"title":"numeric id","body":"ok"}
`,
	})
	arts, probs := readAll(t, dir)
	got := map[string]*Article{}
	for _, a := range arts {
		got[a.ID] = a
	}
	for _, id := range []string{"good/one", "good/nested/two", "j1", "j2", "j4", "j5", "7"} {
		if got[id] == nil {
			t.Errorf("article %q missing; got %d articles", id, len(arts))
		}
	}
	if len(arts) != 7 {
		t.Errorf("got %d articles; want 7", len(arts))
	}
	if a := got["j2"]; a != nil && a.Date.Format("2006-01-02") != "2020-07-29" {
		t.Errorf("j2 date = %v; want 2020-07-29", a.Date)
	}
	if a := got["j4"]; a != nil && a.Dated() {
		t.Errorf("j4 date = %v; want undated", a.Date)
	}
	if a := got["j5"]; a != nil && (a.Title != "Only a body" || a.Lang != "") {
		t.Errorf("j5 = title %q lang %q; want derived title and no lang", a.Title, a.Lang)
	}
	if a := got["j1"]; a != nil && a.Title != "T1" {
		t.Errorf("j1 title = %q; want the first article with the id to win", a.Title)
	}
	wantProbs := []struct{ file, reason string }{
		{"empty.txt", "empty file"},
		{"blank.txt", "empty article"},
		{"binary.txt", "binary"},
		{"export.jsonl:3", "malformed JSON"},
		{"export.jsonl:4", "unrecognised date"},
		{"export.jsonl:5", `duplicate id "j1"`},
		{"export.jsonl:6", "missing id"},
		{"export.jsonl:8", `unknown lang "xx"`},
	}
	if len(probs) != len(wantProbs) {
		t.Errorf("got %d problems; want %d:\n%v", len(probs), len(wantProbs), probs)
	}
	for _, w := range wantProbs {
		found := false
		for _, p := range probs {
			if strings.Contains(p.String(), w.file+":") && strings.Contains(p.Reason, w.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem for %s containing %q in %v", w.file, w.reason, probs)
		}
	}
}

func TestSeeds(t *testing.T) {
	var arts []*Article
	r := &Reader{Emit: func(a *Article) error { arts = append(arts, a); return nil },
		Report: func(p Problem) { t.Errorf("seed problem: %v", p) }, Now: testNow}
	if err := r.ReadFS(context.Background(), Seeds(), "seeds"); err != nil {
		t.Fatal(err)
	}
	if len(arts) != 5 {
		t.Fatalf("got %d seed articles; want 5", len(arts))
	}
	byID := map[string]*Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	tests := []struct{ id, title, date string }{
		{"001_f67958c7595deab4", "Kırgızistan ile Kazakistan, 2030 için ticaret hedefini 3 milyar dolara yükseltmeyi planlıyor", "2025-08-22"},
		{"003_17e3604612c61f8f", "", ""},
		{"004_76c739ae50ea2fb1", "", "2022-05-11"},
	}
	for _, tt := range tests {
		a := byID[tt.id]
		if a == nil {
			t.Errorf("seed %q missing", tt.id)
			continue
		}
		if tt.title != "" && a.Title != tt.title {
			t.Errorf("seed %s Title = %q; want %q", tt.id, a.Title, tt.title)
		}
		d := ""
		if a.Dated() {
			d = a.Date.Format("2006-01-02")
		}
		if d != tt.date {
			t.Errorf("seed %s Date = %q; want %q", tt.id, d, tt.date)
		}
		if a.Title == "" || len(a.Title) > 400 || strings.HasPrefix(a.Body, " date") {
			t.Errorf("seed %s: title %q / body %q…", tt.id, a.Title, clip(a.Body, 30))
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string // want "" = error
	}{
		{"2026-02-02", "2026-02-02"},
		{"2020/07/29, 23:12:48", "2020-07-29"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"2024-03-01T23:30:00+03:00", "2024-03-01"},
		{"2024-03-01T10:00:00Z", "2024-03-01"},
		{"", ""},
		{"2026-13-01", ""},
		{"yesterday", ""},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		gs := ""
		if err == nil {
			gs = got.Format("2006-01-02")
		}
		if gs != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, gs, err, tt.want)
		}
	}
}

func TestReader_IDPrefix(t *testing.T) {
	dir := writeFiles(t, map[string]string{"sub/c (1).txt": "Headline\nBody."})
	var ids []string
	r := &Reader{Emit: func(a *Article) error { ids = append(ids, a.ID); return nil }, IDPrefix: "spor", Now: testNow}
	if err := r.ReadPath(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || ids[0] != "spor/sub/c (1)" {
		t.Errorf("ids = %q; want [spor/sub/c (1)]", ids)
	}
}
