package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rulesRevisionFile records RulesRevision beside a digest of the golden
// score files, which change whenever the rules change what they find.
const rulesRevisionFile = "testdata/rules_revision.txt"

// TestRulesRevision fails when the golden scores changed without a new
// RulesRevision, so that indexes built under the old rules are extracted
// again. Run with -update after bumping it to record the new digest.
func TestRulesRevision(t *testing.T) {
	files, err := filepath.Glob("testdata/*.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden score files in testdata (%v)", err)
	}
	h := sha256.New()
	for _, f := range files { // Glob sorts
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(b))
		h.Write(b)
	}
	got := fmt.Sprintf("%d %s", RulesRevision, hex.EncodeToString(h.Sum(nil)[:8]))
	b, err := os.ReadFile(rulesRevisionFile)
	if err != nil && !*update {
		t.Fatalf("%v: run go test ./extract -run TestRulesRevision -update", err)
	}
	want := strings.TrimSpace(string(b))
	wantRev, wantSum, _ := strings.Cut(want, " ")
	gotRev, gotSum, _ := strings.Cut(got, " ")
	switch {
	case want != "" && gotSum != wantSum && gotRev == wantRev:
		t.Errorf("the golden score files changed (digest %s, recorded %s) but RulesRevision is still %s: the rules find something else now, so bump extract.RulesRevision (indexes built under the old rules are then extracted again) and run go test ./extract -run TestRulesRevision -update", gotSum, wantSum, gotRev)
	case got != want && *update:
		if err := os.WriteFile(rulesRevisionFile, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	case got != want:
		t.Errorf("%s records %q; now %q: run go test ./extract -run TestRulesRevision -update", rulesRevisionFile, want, got)
	}
}
