// Package benchcorpus locates and loads the shared benchmark corpus (real sq,
// tr and en news, JSON Lines) for kerko's benchmarks and its bench tool.
//
// The corpus is not part of the repository: it is read from ../shared/bench
// relative to the module root, or from $KERKO_SHARED/bench. Benchmarks skip
// with a message saying where they looked when it is absent.
package benchcorpus

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"kerko/corpus"
	"kerko/internal/fixture"
)

// Dir returns the folder of the benchmark corpus (…/shared/bench/corpus),
// located by fixture.SharedDir.
func Dir() (string, error) {
	d, err := fixture.SharedDir("bench", "corpus")
	if err != nil {
		return "", fmt.Errorf("benchmark corpus: %w", err)
	}
	return d, nil
}

// Load reads every article of the corpus in dir.
func Load(ctx context.Context, dir string) ([]*corpus.Article, error) {
	var out []*corpus.Article
	r := &corpus.Reader{Emit: func(a *corpus.Article) error { out = append(out, a); return nil }}
	if err := r.ReadPath(ctx, dir); err != nil {
		return nil, fmt.Errorf("read benchmark corpus: %w", err)
	}
	if len(out) == 0 {
		return nil, errors.New("benchmark corpus is empty")
	}
	return out, nil
}

var (
	once     sync.Once
	articles []*corpus.Article
	loadErr  error
)

// Articles returns the whole corpus, loaded once per process, or skips tb
// when it is absent.
func Articles(tb testing.TB) []*corpus.Article {
	tb.Helper()
	once.Do(func() {
		var dir string
		dir, loadErr = Dir()
		if loadErr == nil {
			articles, loadErr = Load(context.Background(), dir)
		}
	})
	if loadErr != nil {
		tb.Skipf("skipping: %v", loadErr)
	}
	return articles
}

// Sample returns every step-th article of the corpus, so a sample has all
// languages and sources in their proportions.
func Sample(tb testing.TB, step int) []*corpus.Article {
	tb.Helper()
	all := Articles(tb)
	var out []*corpus.Article
	for i := 0; i < len(all); i += step {
		out = append(out, all[i])
	}
	return out
}
