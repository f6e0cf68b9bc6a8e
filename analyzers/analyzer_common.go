package analyzers

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// newAnalyzer builds a unicode-tokenizer analyzer from registered filter
// names. Every kerko analyzer first joins words split by zero-width spaces
// and separates glued sentences, and keeps a number with its apostrophe
// ending (numberSuffixTokenizer), so that all fields see the same words.
func newAnalyzer(cache *registry.Cache, filters ...string) (analysis.Analyzer, error) {
	tok, err := cache.TokenizerNamed(unicode.Name)
	if err != nil {
		return nil, fmt.Errorf("tokenizer %q: %w", unicode.Name, err)
	}
	var chars []analysis.CharFilter
	for _, name := range []string{ZeroWidthCharFilterName, GluedSentenceCharFilterName} {
		c, err := cache.CharFilterNamed(name)
		if err != nil {
			return nil, fmt.Errorf("char filter %q: %w", name, err)
		}
		chars = append(chars, c)
	}
	a := &analysis.DefaultAnalyzer{Tokenizer: memoTokenizer{numberSuffixTokenizer{tok}}, CharFilters: chars}
	for _, name := range filters {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, fmt.Errorf("token filter %q: %w", name, err)
		}
		a.TokenFilters = append(a.TokenFilters, f)
	}
	return a, nil
}

func mustRegisterAnalyzer(name string, filters ...string) {
	err := registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		a, err := newAnalyzer(cache, filters...)
		if err != nil {
			return nil, fmt.Errorf("analyzer %q: %w", name, err)
		}
		return a, nil
	})
	if err != nil {
		panic(err)
	}
}
