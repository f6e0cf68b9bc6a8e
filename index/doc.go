// Package index is the write side of kerko's Bleve index and its format: the
// mapping (one text field per language plus a folded field for every
// article, keyword facets), the documents made from corpus articles
// (language, countries, organizations: Enrich), how bodies and the shown
// fields are stored (bodycodec.go, record.go), and building generations of
// the index from a corpus and publishing them atomically (build.go,
// batcher.go, store.go). Reading a published generation is package search's
// job; format.go is what it needs of the format.
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
// Check (manifest.go, check.go). MappingVersion names the mapping,
// analyzers and extraction a generation was built with; a generation of
// another version is rebuilt, not searched.
package index
