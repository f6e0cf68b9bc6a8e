package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// rulesRevisionFile records RulesRevision on its first line and, after it,
// every line of the golden score files, which change whenever the rules
// change what they find.
const rulesRevisionFile = "testdata/rules_revision.txt"

// goldenScoreLines reads the lines of testdata/*.golden by their key (the
// golden file's name and a line's first two fields: "persons-batch16 sq").
func goldenScoreLines(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden score files in testdata (%v)", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			line = filepath.Base(f) + " " + strings.TrimSpace(line)
			out[keyOfScoreLine(line)] = line
		}
	}
	return out
}

// keyOfScoreLine is a recorded line's key: its first three fields.
func keyOfScoreLine(line string) string {
	f := strings.Fields(line)
	return strings.Join(f[:min(3, len(f))], " ")
}

// TestRulesRevision fails when a recorded golden score changed without a new
// RulesRevision, so that indexes built under the old rules are extracted
// again. Lines new to the golden files (a new batch of labels) need no new
// revision: the rules find what they found, on more articles. Run with
// -update to record the golden lines after bumping the revision or adding
// labels.
func TestRulesRevision(t *testing.T) {
	got := goldenScoreLines(t)
	b, err := os.ReadFile(rulesRevisionFile)
	if err != nil && !*update {
		t.Fatalf("%v: run go test ./extract -run TestRulesRevision -update", err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	rev, _ := strconv.Atoi(lines[0])
	var changed, stale []string
	seen := map[string]bool{}
	for _, line := range lines[1:] {
		k := keyOfScoreLine(line)
		seen[k] = true
		if got[k] != line {
			changed = append(changed, fmt.Sprintf("%q is now %q", line, got[k]))
		}
	}
	for k := range got {
		if !seen[k] {
			stale = append(stale, got[k])
		}
	}
	sort.Strings(stale)
	// -update records new lines, and changed ones only under a new revision.
	if *update && (len(changed) == 0 || rev != RulesRevision) {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := []string{strconv.Itoa(RulesRevision)}
		for _, k := range keys {
			out = append(out, got[k])
		}
		if err := os.WriteFile(rulesRevisionFile, []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	switch {
	case len(changed) > 0 && rev == RulesRevision:
		t.Errorf("%d golden scores changed but RulesRevision is still %d: the rules find something else now, so bump extract.RulesRevision (indexes built under the old rules are then extracted again) and run go test ./extract -run TestRulesRevision -update; first: %s", len(changed), rev, changed[0])
	case len(changed) > 0 || rev != RulesRevision:
		t.Errorf("%s records revision %d and %d scores that changed; now %d: run go test ./extract -run TestRulesRevision -update", rulesRevisionFile, rev, len(changed), RulesRevision)
	case len(stale) > 0:
		t.Errorf("%d golden scores are not recorded in %s (first %q): run go test ./extract -run TestRulesRevision -update", len(stale), rulesRevisionFile, stale[0])
	}
}
