// Package web serves kerko's search page and JSON API with Echo.
//
// The server holds a small Searcher interface, not the index, so its tests
// run against a real index built from the seed corpus in a temp dir.
// Templates and static files are embedded and parsed once at start-up; every
// page works without JavaScript, and all article text is HTML-escaped by
// html/template except the snippets, which the index package escapes itself
// before marking matches.
//
// The timeline is an SVG chart drawn by the server (timeline.go) whose bars
// are links; static/kerko.js only adds the "/" shortcut and the suggestion
// dropdown over GET /api/suggest, since the Content-Security-Policy allows
// no inline script. The interface speaks en, sq and tr (i18n.go).
//
// Answers of searches, articles and related articles are cached per index
// generation (cache.go, over package cache), and a cache hit does not wait
// for a search slot; GET /healthz reports the hits and misses.
package web
