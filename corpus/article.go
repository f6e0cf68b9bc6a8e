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

// ProblemKind is what kind of problem a report is about, without its
// details: what a build counts skipped input by.
type ProblemKind string

// The kinds of skipped input.
const (
	Unreadable    ProblemKind = "unreadable"
	NotRegular    ProblemKind = "not a regular file"
	TooLarge      ProblemKind = "file too large"
	EmptyFile     ProblemKind = "empty file"
	BinaryFile    ProblemKind = "binary file"
	InvalidID     ProblemKind = "invalid id"
	DuplicateID   ProblemKind = "duplicate id"
	EmptyArticle  ProblemKind = "empty article"
	LineTooLong   ProblemKind = "line too long"
	MalformedJSON ProblemKind = "malformed JSON"
	NoTitleOrBody ProblemKind = "no title or body"
	Symlink       ProblemKind = "symbolic link"
	// Held is a summary of skips not shown one by one (ReportLimiter);
	// each was counted with its own kind.
	Held ProblemKind = "held"
	// Repairs and warnings are of one kind each.
	RepairedInput ProblemKind = "repaired"
	Suspicious    ProblemKind = "suspicious"
)

// Problem is one report about bad input: Reason is the message, with the
// details of Kind.
type Problem struct {
	File   string
	Line   int // 0 when the problem concerns the whole file
	Action Action
	Kind   ProblemKind
	Reason string
}
