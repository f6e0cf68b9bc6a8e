package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"kerko/internal/utf8cut"
)

// dateLayouts are the publication-date forms real feeds use, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02, 15:04:05",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"02-Jan-2006 15:04:05.00",
	"02-Jan-2006 15:04:05",
	"2-Jan-2006 15:04:05.00",
	"2-Jan-2006 15:04:05",
	"02-Jan-2006",
	"2-Jan-2006",
	time.RFC1123Z,
	time.RFC1123,
}

// datePrefix matches a date in one of dateLayouts at the start of a header,
// so that the text after it can be told apart from the date itself.
var datePrefix = regexp.MustCompile(`^(?:` +
	`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?` +
	`|\d{4}/\d{2}/\d{2}(?:,? \d{2}:\d{2}:\d{2})?` +
	`|\d{1,2}-[A-Za-z]{3}-\d{4}(?: \d{2}:\d{2}:\d{2}(?:\.\d+)?)?` +
	`)`)

// ParseDate parses a publication date in any of the forms kerko accepts
// (2026-02-02, 2020/07/29, 23:12:48, 26-FEB-1987 15:01:01.79, RFC 3339...).
// The result keeps the date's own calendar day: kerko facets and filters on
// days, not instants, so the time of day and zone are dropped.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("empty date")
	}
	// Go's month names are case-sensitive ("Feb"); feeds write "FEB".
	norm := s
	if m := monthWord.FindStringIndex(norm); m != nil {
		w := norm[m[0]:m[1]]
		norm = norm[:m[0]] + strings.ToUpper(w[:1]) + strings.ToLower(w[1:]) + norm[m[1]:]
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, norm); err == nil {
			y, mo, d := t.Date()
			return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q (want e.g. 2026-02-02)", clip(s, 40))
}

var monthWord = regexp.MustCompile(`[A-Za-z]{3}`)

// checkDate returns a warning for dates that parse but are unlikely to be
// publication dates, or "" when the date looks plausible.
func checkDate(t, now time.Time) string {
	switch {
	case t.Year() < 1900:
		return "date before 1900: " + t.Format("2006-01-02")
	case t.After(now.AddDate(0, 0, 1)):
		return "date in the future: " + t.Format("2006-01-02")
	}
	return ""
}

// clip shortens s for messages, at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return utf8cut.Prefix(s, n) + "…"
}
