// Package query parses what people type into kerko's search box.
//
// The syntax is the one search users already know: words (all must match),
// "exact phrases", -excluded words or phrases, and OR between two words or
// phrases. Parse never fails: an unbalanced quote is closed at the end of the
// input, stray operators are ignored, and the work a query can cause is bounded
// (MaxTerms). Turning the parsed query into Bleve queries is the index
// package's job; this package knows nothing about fields or analyzers.
package query
