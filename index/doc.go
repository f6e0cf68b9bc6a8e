// Package index owns kerko's Bleve index: the mapping (one text field per
// language plus a folded field for every article, keyword facets), building
// generations of the index from a corpus, publishing them atomically, and
// searching them with filters, facets and snippets.
//
// On disk an index is a directory of generations:
//
//	DIR/CURRENT         name of the published generation (written to a temp file, then renamed)
//	DIR/LOCK            held (flock) by the one process building a generation
//	DIR/gen-000007/     a complete Bleve index, manifest.json (size and CRC-32C of
//	                    every file) and kerko.json, its completion marker
//
// A searcher opens the published generation read-only and follows CURRENT;
// a builder writes a new generation beside it and publishes it when it is
// complete, so searches never see a half-built index and a crashed build
// leaves the published one untouched. ReadState says what a directory holds
// (state.go) as a typed value; nothing is rebuilt, replaced or removed from
// a directory whose published generation cannot be read, and the files of
// a generation are checked against its manifest when it is opened (sizes),
// before an incremental build carries them forward (checksums) and by
// Check (manifest.go, check.go).
//
// Beyond matching, a search gives what a reader needs to steer it (one file
// each): the timeline of hits per month or year with the undated ones
// counted apart (histogram.go); matches through the country or
// organization facet for a country or organization named in the query in
// any language (crosslang.go); a respelled query when the typed one finds
// little (didyoumean.go). Suggest completes a prefix (suggest.go) and
// Related finds similar articles in any language (related.go); the last
// three read the folded fields' term dictionaries (dict.go).
package index
