package analyzers

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/registry"
)

// TermListAnalyzer is the registry name of the analyzer for a field given as
// a space-separated list of exact terms ("c:TR c:TR c:KZ _"): whitespace
// tokenizer, no filters. One string of n terms indexes as n keyword values
// would (same terms, frequencies and field length, so the same scores), but
// Bleve maps, analyzes and merges one field instead of n.
const TermListAnalyzer = "kerko_terms"

func init() {
	err := registry.RegisterAnalyzer(TermListAnalyzer, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tok, err := cache.TokenizerNamed(whitespace.Name)
		if err != nil {
			return nil, fmt.Errorf("analyzer %q: tokenizer %q: %w", TermListAnalyzer, whitespace.Name, err)
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
	})
	if err != nil {
		panic(err)
	}
}
