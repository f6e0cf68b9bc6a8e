package reliability

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// runKerko runs the binary to completion and returns its output and exit code.
func runKerko(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(kerkoBin, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("run kerko %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return o.String(), e.String(), code
}

// mustKerko runs the binary and fails the test unless it exits 0.
func mustKerko(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := runKerko(t, args...)
	if code != 0 {
		t.Fatalf("kerko %v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errOut)
	}
	return out
}

// testCorpus is a folder of generated articles the tests change between
// builds; each article holds the word of its version ("ver3"), so a search
// tells which version the index has.
type testCorpus struct {
	t    *testing.T
	dir  string
	rng  *rand.Rand
	docs map[string]string // id -> version word
	keep map[string]bool   // ids change never touches
	next int
}

var filler = strings.Fields(`Kazakistan Türkiye işbirliği anlaşması imzalandı Astana Ankara görüşmeler
 dışişleri bakanı ekonomik ticaret enerji ulaştırma Kırgızistan Bişkek zirvesi
 Marrëdhëniet Turqisë Kazakistanit bashkëpunimi ministri takimin Tiranë qeveria
 The summit between Kazakhstan and Turkey ended with a strategic partnership on energy trade transport
 president minister talks agreement Uzbekistan Tashkent Azerbaijan Baku pipeline railway`)

func newTestCorpus(t *testing.T, n int, seed int64) *testCorpus {
	c := &testCorpus{t: t, dir: t.TempDir(), rng: rand.New(rand.NewSource(seed)), docs: map[string]string{}, keep: map[string]bool{}}
	for i := 0; i < n; i++ {
		c.write(c.newID(), "ver0")
	}
	return c
}

func (c *testCorpus) newID() string {
	c.next++
	return fmt.Sprintf("batch%d/doc-%05d", c.next%7, c.next)
}

// write stores an article of about 1.5 KB.
func (c *testCorpus) write(id, version string) {
	c.t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "Headline %s %s\n", id, version)
	for b.Len() < 1500 {
		b.WriteString(filler[c.rng.Intn(len(filler))])
		b.WriteByte(' ')
	}
	fmt.Fprintf(&b, "%s %s.\n", version, strings.ReplaceAll(id, "/", "x"))
	p := filepath.Join(c.dir, id+".txt")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		c.t.Fatal(err)
	}
	c.docs[id] = version
}

func (c *testCorpus) remove(id string) {
	c.t.Helper()
	if err := os.Remove(filepath.Join(c.dir, id+".txt")); err != nil {
		c.t.Fatal(err)
	}
	delete(c.docs, id)
}

// change updates, adds and removes articles, giving the changed and new
// ones the version word.
func (c *testCorpus) change(updated, added, removed int, version string) {
	var ids []string
	for _, id := range c.ids() {
		if !c.keep[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids) // map order would make the seed useless
	c.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	for _, id := range ids[:updated] {
		c.write(id, version)
	}
	for _, id := range ids[updated : updated+removed] {
		c.remove(id)
	}
	for i := 0; i < added; i++ {
		c.write(c.newID(), version)
	}
}

func (c *testCorpus) ids() []string {
	ids := make([]string, 0, len(c.docs))
	for id := range c.docs {
		ids = append(ids, id)
	}
	return ids
}

// count is how many articles hold version.
func (c *testCorpus) count(version string) int {
	n := 0
	for _, v := range c.docs {
		if v == version {
			n++
		}
	}
	return n
}

// snapshot copies the corpus state, to compare an index with later.
func (c *testCorpus) snapshot() map[string]string {
	s := make(map[string]string, len(c.docs))
	for id, v := range c.docs {
		s[id] = v
	}
	return s
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(d time.Duration, cond func() bool) bool {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if cond() {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cond()
}
