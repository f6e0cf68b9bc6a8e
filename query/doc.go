// Package query parses what people type into kerko's search box.
//
// The syntax is the one search users already know: words (all must match),
// "exact phrases", -excluded words or phrases, and OR between two words or
// phrases; and for researchers, field forms (title:word, lang:tr,
// country:Kazakistan, org:NATO, source:…, from:2020-03, to:2020-06-15),
// prefix*, "phrase"~N, NOT and parentheses (docs/query-syntax.md).
//
// Parse never fails: an unbalanced quote or parenthesis is closed at the end
// of the input, stray operators are ignored, an unknown field is a word, a
// malformed date is dropped with a Note, and the work a query can cause is
// bounded (MaxTerms).
//
// A parsed Query carries the whole query as a tree (Expr), which the search
// package plans from (search.Read lifts the field filters beside the words,
// search/tree.go builds the rest as Bleve queries), and its text part
// flattened into Must and Not clauses (exact for the boolean structure
// whenever Approx is false), which highlighting reads. This package knows
// nothing about index fields, analyzers or names.
package query
