// Package search is the read side of kerko's index: it opens the published
// generation of an index directory, follows new ones (Reload, Watch), and
// answers searches, articles, suggestions and related articles from it.
//
// A generation is one value (generation.go) that owns everything derived
// from it: the Bleve index, its facet table, its body decoder and decoded
// bodies, its entity counts. Reload opens and warms a new one while the old one serves, swaps
// it in atomically, and the old one closes when its last search ends; two
// indexes in one process share nothing.
//
// A search (search.go) reads the query (reading.go: the field filters typed
// beside the words join the request's), turns the rest of its tree into one
// Bleve query (tree.go; prefixes in prefix.go, proximity in near.go) with
// its filters (filter.go) and the cross-language entity expansions
// (crosslang.go), runs it while counting facets against the generation's
// facet table (facets.go) and sorting from it (sort.go), builds the timeline
// (histogram.go), marks titles and snippets, and respells a query that finds
// little (didyoumean.go). A phrase across a stop-word gap is checked against
// the stored text (phrasecheck.go); a plain word query no article has whole
// is relaxed to the articles with the most of its words (relax.go); Marker
// (mark.go) marks an article's text as hits are marked. Suggest (suggest.go,
// suggestwords.go) and Related (related.go) read the folded fields' term
// dictionaries (dict.go); TellingWords (terms.go) weighs the words of the
// best hits against the stemmed ones. A panic or a fault on the mapped
// files while reading index data fails the one request (safely.go), and a
// segment file that changed size fails searches before they read it
// (intact.go). The scorch internals it relies on are in internal/blevex.
package search
