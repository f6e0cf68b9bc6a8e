// Package web serves kerko's search page and JSON API with Echo.
//
// The server holds a small Searcher interface, not the index, so its tests
// run against a real index built from the seed corpus in a temp dir.
// Templates and static files are embedded and parsed once at start-up; every
// page works without JavaScript, and all article text is HTML-escaped by
// html/template except the snippets, which the index package escapes itself
// before marking matches.
package web
