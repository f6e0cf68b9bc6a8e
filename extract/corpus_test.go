package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"kerko/internal/fixture"
)

type article struct {
	ID    string `json:"id"`
	Lang  string `json:"lang"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

func (a article) text() string {
	if a.Title == "" {
		return a.Body
	}
	return a.Title + "\n" + a.Body
}

var (
	corpusOnce sync.Once
	corpusDocs []article
	corpusErr  error
)

// loadCorpus reads every article of ../shared/bench/corpus, skipping the test
// when the folder is absent (it is not part of the repository).
func loadCorpus(tb testing.TB) []article {
	tb.Helper()
	corpusOnce.Do(func() {
		dir, err := fixture.SharedDir("bench", "corpus")
		if err != nil {
			corpusErr = err
			return
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		if err != nil || len(files) == 0 {
			corpusErr = os.ErrNotExist
			return
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				corpusErr = err
				return
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(make([]byte, 1<<20), 1<<24)
			for sc.Scan() {
				var a article
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					corpusErr = err
					fh.Close()
					return
				}
				corpusDocs = append(corpusDocs, a)
			}
			fh.Close()
		}
	})
	if corpusErr != nil {
		if fixture.Required() {
			tb.Fatalf("benchmark corpus: %v; KERKO_REQUIRE_SHARED=1 requires it", corpusErr)
		}
		tb.Skipf("benchmark corpus: %v: skipping", corpusErr)
	}
	return corpusDocs
}
