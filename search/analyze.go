package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

var analyzerCache = registry.NewCache()

// analyze returns the tokens of text under the named analyzer.
func analyze(name, text string) analysis.TokenStream {
	a, err := analyzerCache.AnalyzerNamed(name)
	if err != nil || a == nil {
		return nil
	}
	return a.Analyze([]byte(text))
}
