package corpus

import (
	"fmt"
	"strings"
	"time"
)

// parseTxt turns the cleaned text of a .txt article into an Article. The seed
// format may start with " date YYYY-MM-DD " on the first line, followed by
// the article text. origin names the file for problem reports.
func parseTxt(id, origin, text string, now time.Time, report func(Problem)) (*Article, bool) {
	text = strings.TrimLeft(text, " \t\n\f\v")
	a := &Article{ID: id, Origin: origin}
	if rest, ok := cutDateHeader(text); ok {
		val := datePrefix.FindString(rest)
		if val == "" {
			// "date" followed by something that is no date: keep the text,
			// drop the header word and the bad value.
			bad, after, _ := strings.Cut(rest, " ")
			report(Problem{File: origin, Action: Repaired, Reason: fmt.Sprintf("unparseable date header %q: article kept undated", clip(bad, 40))})
			text = after
		} else {
			t, err := ParseDate(val)
			if err != nil {
				report(Problem{File: origin, Action: Repaired, Reason: err.Error() + ": article kept undated"})
			} else {
				a.Date = t
				if w := checkDate(t, now); w != "" {
					report(Problem{File: origin, Action: Warned, Reason: w})
				}
			}
			text = rest[len(val):]
		}
	}
	text = strings.TrimSpace(text)
	if text == "" {
		report(Problem{File: origin, Action: Skipped, Reason: "empty article (no text)"})
		return nil, false
	}
	a.Title, a.Body = splitTitle(text)
	return a, true
}

// cutDateHeader recognises the "date" header word at the very start of text
// and returns what follows it.
func cutDateHeader(text string) (string, bool) {
	const word = "date"
	if len(text) <= len(word) || !strings.EqualFold(text[:len(word)], word) {
		return "", false
	}
	if c := text[len(word)]; c != ' ' && c != '\t' && c != ':' {
		return "", false
	}
	return strings.TrimLeft(text[len(word):], " \t:"), true
}
