package analyzers

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// ZeroWidthCharFilterName is the registry name of the char filter that
// keeps a word with a zero-width space inside in one piece. CMSs and
// typesetters put U+200B into long words as an invisible break
// opportunity (Kazakh\u200Bstan); Unicode word segmentation splits words
// there, so neither half, nor the word, could be found. The filter
// replaces it with U+2060 WORD JOINER, which segmentation ignores inside a
// word, and NormalizeFilter then drops from the term like every other
// default-ignorable code point. Both are three bytes in UTF-8, so offsets
// still point into the original text.
const ZeroWidthCharFilterName = "kerko_zero_width"

// ZeroWidthCharFilter joins words split by zero-width spaces; see
// ZeroWidthCharFilterName.
type ZeroWidthCharFilter struct{}

var (
	zeroWidthSpace = []byte("\u200b")
	wordJoiner     = []byte("\u2060")
)

// Filter returns input with every U+200B replaced by U+2060.
func (ZeroWidthCharFilter) Filter(input []byte) []byte {
	i := bytes.Index(input, zeroWidthSpace)
	if i < 0 {
		return input
	}
	out := append([]byte(nil), input...) // copied on the first change only
	for i >= 0 {
		copy(out[i:], wordJoiner)
		j := bytes.Index(out[i+len(wordJoiner):], zeroWidthSpace)
		if j < 0 {
			break
		}
		i += len(wordJoiner) + j
	}
	return out
}

func init() {
	err := registry.RegisterCharFilter(ZeroWidthCharFilterName, func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) {
		return ZeroWidthCharFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
