// Package web serves kerko's search page and JSON API with Echo.
//
// The server holds a small Searcher interface, not the index, so its tests
// run against a real index built from the seed corpus in a temp dir.
// Templates and static files are embedded and parsed once at start-up; every
// page works without JavaScript, and all article text is HTML-escaped by
// html/template except the snippets, which the index package escapes itself
// before marking matches.
//
// Each route checks its query string (params.go): the API refuses unknown
// parameters, a page drops them, and every link of a page is made from the
// validated search (searchValues), never copied from the request, so a page
// is bounded by the parameter limits (render.go). Pages are rendered whole
// into a bounded buffer, at most MaxSearches at once, then sent. Errors on
// pages are pages of the product (errors.go): the search box keeps the
// search, the message says what to fix in the interface's language, and the
// corrected search is a link.
//
// The timeline is an SVG chart drawn by the server (timeline.go) whose bars
// are links; static/kerko.js only adds the "/" shortcut and the suggestion
// dropdown over GET /api/suggest, since the Content-Security-Policy allows
// no inline script. Static files are named by content hash (static.go). The
// interface speaks en, sq and tr (i18n.go).
//
// Answers of searches, articles and related articles are cached per index
// generation (cache.go, over package cache), and a cache hit does not wait
// for a search slot; GET /healthz reports the hits and misses.
package web
