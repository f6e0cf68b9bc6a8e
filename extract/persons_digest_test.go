package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kerko/internal/benchcorpus"
)

// TestPeople_Digest runs People over every article of the bench corpus and
// compares a hash of its whole output (ids, names, mention counts, in order)
// with testdata/persons_digest.txt. The person rules are frozen between
// labelled batches, so a change made for speed must not move one person:
// the golden scores cover only the labelled articles, this covers all of
// them. A deliberate rule change rewrites the file with -update (and bumps
// RulesRevision). Skipped without the shared corpus and under -short.
func TestPeople_Digest(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: whole bench corpus")
	}
	docs := benchcorpus.Articles(t)
	h := sha256.New()
	persons := 0
	for _, d := range docs {
		fmt.Fprintf(h, "%s\x00", d.ID)
		for _, p := range People(d.Title+"\n"+d.Body, d.Lang) {
			fmt.Fprintf(h, "%s\x01%s\x01%d\x00", p.ID, p.Name, p.Mentions)
			persons++
		}
		h.Write([]byte{'\n'})
	}
	got := fmt.Sprintf("articles %d persons %d sha256 %s\n", len(docs), persons, hex.EncodeToString(h.Sum(nil)))
	path := filepath.Join("testdata", "persons_digest.txt")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v (write it with -update)", path, err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(got) {
		t.Errorf("People's output over the bench corpus changed:\n got %s want %s", got, want)
	}
}
