package index

import (
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

// termCount is the number of articles with term in field.
func termCount(r bindex.IndexReader, field, term string) (uint64, error) {
	d, err := r.FieldDictRange(field, []byte(term), []byte(term))
	if err != nil {
		return 0, err
	}
	defer d.Close()
	var n uint64
	for {
		e, err := d.Next()
		if err != nil {
			return 0, err
		}
		if e == nil {
			return n, nil
		}
		if e.Term == term {
			n += e.Count
		}
	}
}
