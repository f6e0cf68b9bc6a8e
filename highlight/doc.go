// Package highlight marks a query's words in article text: given a parsed
// query and a text in a language, it finds the byte spans that match (Spans),
// and renders an escaped title or snippet window with them in <mark> (Title,
// Snippet). A word matches when the folded analyzer or the text's language
// analyzer makes of it a term the query's words also make, so "Kazakistan'ın"
// is marked for "kazakistan" and "relations" for "relation".
//
// It needs no index. Marking is on every results page, so it memoizes what
// the analyzers make of each raw word and each run of text between spaces
// (process-wide, pure functions of the text; memo.go). Runs of text no
// query term can begin are passed over (initials.go).
//
// Its output is the only article text that reaches HTML outside
// html/template: FuzzHighlight checks it holds no markup but <mark>.
package highlight
