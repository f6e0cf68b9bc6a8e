package extract

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestExtract_InitCost runs this test binary again with the runtime's init
// trace and checks what loading the package allocates: the person tables
// and the gazetteer are built on first use, not by every program that
// imports extract (issue 15).
func TestExtract_InitCost(t *testing.T) {
	if os.Getenv("KERKO_INIT_PROBE") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestExtract_InitCost$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "KERKO_INIT_PROBE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run %s: %v\n%s", os.Args[0], err, out)
	}
	m := regexp.MustCompile(`init kerko/extract @\S+ ms, \S+ ms clock, (\d+) bytes`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no init trace of kerko/extract in:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	// The language detector's stop weights are still built at init (about
	// 3 MB); the gazetteer would add 4 MB more and the person tables 15 MB.
	const max = 5 << 20
	if n > max {
		t.Errorf("loading kerko/extract allocates %d bytes; want at most %d (build tables on first use)", n, max)
	}
	if c, ok := LookupCountry("Kazakistan'ın"); !ok || c != "KZ" {
		t.Errorf("LookupCountry(Kazakistan'ın) = %q, %v: the lazy gazetteer is not built on first use", c, ok)
	}
	if _, ok := LookupPerson("Erdoğan"); !ok {
		t.Errorf("LookupPerson(Erdoğan) found nobody: the lazy tables are not built on first use")
	}
}
