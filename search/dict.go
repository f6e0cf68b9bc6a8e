package search

import (
	"context"
	"fmt"

	bindex "github.com/blevesearch/bleve_index_api"
)

// Did-you-mean, suggestions and related articles read the generation's own
// term dictionaries, from a reader of its index (generation.withReader).

// termCount is the number of live articles with term in field. It reads
// the term's postings list directly: a one-term dictionary range walks an
// FST iterator for the same count at several times the cost, and related
// articles ask this for every distinct word of an article.
func termCount(ctx context.Context, r bindex.IndexReader, field, term string) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("postings of %q in %s: %w", term, field, err)
	}
	n := tfr.Count()
	if err := tfr.Close(); err != nil {
		return 0, fmt.Errorf("postings of %q in %s: %w", term, field, err)
	}
	return n, nil
}
