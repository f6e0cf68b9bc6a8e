package corpus

import (
	"time"
)

// Article is one news article as read from a corpus, before analysis.
type Article struct {
	ID     string
	Title  string
	Body   string
	Lang   string    // "sq", "tr", "en", or "" when the input does not say
	Date   time.Time // zero when the article is undated
	Source string
	URL    string

	// Origin names where the article was read from ("dir/a.txt" or
	// "export.jsonl:12"), for messages.
	Origin string

	// RepairedChars counts the characters of the article's text that were
	// Windows-1252 punctuation read as C1 controls, and are now the
	// characters meant (’ “ ” … –); see Normalize.
	RepairedChars int
}

// Dated reports whether the article has a publication date.
func (a *Article) Dated() bool { return !a.Date.IsZero() }

// Action says what happened to a bad piece of input.
type Action string

const (
	// Skipped input was not indexed.
	Skipped Action = "skipped"
	// Repaired input was indexed after a fix (a date dropped, a title made up...).
	Repaired Action = "repaired"
	// Warned input was indexed as it is, but looks wrong (a date in the future...).
	Warned Action = "warning"
)

// Problem is one report about bad input.
type Problem struct {
	File   string
	Line   int // 0 when the problem concerns the whole file
	Action Action
	Reason string
}
