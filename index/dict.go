package index

import (
	"context"
	"errors"
	"fmt"

	bindex "github.com/blevesearch/bleve_index_api"
)

// Did-you-mean, suggestions and related articles read the index's own term
// dictionaries, which Bleve offers on a reader of one index, not on the
// alias that searches go through.

// errClosed is returned when the index was closed under a dictionary read.
var errClosed = errors.New("index is closed")

// withReader runs fn on a reader of the open generation. It holds ix.mu
// shared, so a Reload waits for fn rather than closing the generation under
// it while other readers run alongside; fn must be quick.
func (ix *Index) withReader(fn func(r bindex.IndexReader) error) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.open == nil {
		return errClosed
	}
	adv, err := ix.open.Advanced()
	if err != nil {
		return fmt.Errorf("index internals: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("index reader: %w", err)
	}
	defer r.Close()
	return fn(r)
}

// termCount is the number of live articles with term in field. It reads
// the term's postings list directly: a one-term dictionary range walks an
// FST iterator for the same count at several times the cost, and related
// articles ask this for every distinct word of an article.
func termCount(r bindex.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("postings of %q in %s: %w", term, field, err)
	}
	n := tfr.Count()
	if err := tfr.Close(); err != nil {
		return 0, fmt.Errorf("postings of %q in %s: %w", term, field, err)
	}
	return n, nil
}
