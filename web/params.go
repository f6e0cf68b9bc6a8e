package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kerko/extract"
	"kerko/index"
	"kerko/search"
)

// Limits on what a request may ask for: each bounds the work one request
// can cause.
const (
	maxQueryBytes  = 1000
	maxFilterVals  = 50
	maxSize        = 100
	defaultSize    = 10
	maxResultDepth = 10000 // page*size: Bleve collects every hit up to it
)

// paramError names the parameter that was wrong; it becomes a 400.
type paramError struct {
	param, msg string
}

func (e *paramError) Error() string { return e.param + ": " + e.msg }

func badParam(param, format string, args ...any) error {
	return &paramError{param: param, msg: fmt.Sprintf(format, args...)}
}

// parseSearch validates the query parameters of a search.
func parseSearch(v url.Values) (search.Request, error) {
	var req search.Request
	q := v.Get("q")
	if !utf8.ValidString(q) {
		return req, badParam("q", "not valid UTF-8")
	}
	if len(q) > maxQueryBytes {
		return req, badParam("q", "longer than %d bytes", maxQueryBytes)
	}
	req.Query = q

	var err error
	if req.Langs, err = values(v, "lang", func(s string) (string, error) {
		s = strings.ToLower(strings.TrimSpace(s))
		switch s {
		case "sq", "tr", "en", index.Und:
			return s, nil
		}
		return "", fmt.Errorf("unknown language %q (want sq, tr, en or und)", clip(s))
	}); err != nil {
		return req, err
	}
	if req.Countries, err = values(v, "country", func(s string) (string, error) {
		c := strings.ToUpper(strings.TrimSpace(s))
		if len(c) != 2 || !extract.IsCountry(c) {
			return "", fmt.Errorf("unknown country code %q (want ISO 3166-1 alpha-2, e.g. KZ)", clip(s))
		}
		return c, nil
	}); err != nil {
		return req, err
	}
	if req.Orgs, err = values(v, "org", func(s string) (string, error) {
		o := strings.ToUpper(strings.TrimSpace(s))
		if !extract.IsOrganization(o) {
			return "", fmt.Errorf("unknown organization %q", clip(s))
		}
		return o, nil
	}); err != nil {
		return req, err
	}
	if req.From, err = date(v, "from"); err != nil {
		return req, err
	}
	if req.To, err = date(v, "to"); err != nil {
		return req, err
	}
	if !req.From.IsZero() && !req.To.IsZero() && req.From.After(req.To) {
		return req, badParam("from", "%s is after to (%s)", req.From.Format(time.DateOnly), req.To.Format(time.DateOnly))
	}
	switch u := v.Get("undated"); u {
	case search.UndatedDefault, search.UndatedInclude, search.UndatedExclude, search.UndatedOnly:
		req.Undated = u
	default:
		return req, badParam("undated", "unknown option %q (want include, exclude or only)", clip(u))
	}
	switch s := v.Get("sort"); s {
	case "", search.SortRelevance, search.SortNewest, search.SortOldest:
		req.Sort = s
	default:
		return req, badParam("sort", "unknown order %q (want relevance, newest or oldest)", clip(s))
	}
	if req.Page, err = integer(v, "page", 1, 1, maxResultDepth); err != nil {
		return req, err
	}
	if req.Size, err = integer(v, "size", defaultSize, 1, maxSize); err != nil {
		return req, err
	}
	if req.Page*req.Size > maxResultDepth {
		return req, badParam("page", "page %d of size %d is past the first %d results", req.Page, req.Size, maxResultDepth)
	}
	return req, nil
}

// values validates each value of a repeatable parameter, dropping empty and
// duplicate ones.
func values(v url.Values, name string, check func(string) (string, error)) ([]string, error) {
	raw := v[name]
	if len(raw) > maxFilterVals {
		return nil, badParam(name, "more than %d values", maxFilterVals)
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range raw {
		if strings.TrimSpace(s) == "" {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, badParam(name, "not valid UTF-8")
		}
		c, err := check(s)
		if err != nil {
			return nil, badParam(name, "%v", err)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

func date(v url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, badParam(name, "%q is not a date (want YYYY-MM-DD)", clip(s))
	}
	return t, nil
}

func integer(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "%q is not a whole number from %d to %d", clip(s), lo, hi)
	}
	return n, nil
}

// clip shortens user input quoted back in error messages.
func clip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}
