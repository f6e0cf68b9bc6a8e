package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

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

// The parameters each route knows. A page drops any other parameter, so
// that it never reaches a link of the page (a shared link often carries a
// tracker's parameters, and a page should still open); the API answers 400
// naming it, so that a script's typo (contry=KZ) is not a silently wider
// search. docs/api.md says the same.
var (
	searchParams     = []string{"q", "lang", "country", "country_mode", "org", "person", "from", "to", "undated", "sort", "page", "size", "source"}
	searchPageParams = append(slices.Clip(searchParams), "ui", tellingParam)
	// The article page carries the search it was opened from, for its
	// back link and its search box.
	articlePageParams = append(slices.Clip(searchParams), "ui")
	tellingPartParams = append(slices.Clip(searchParams), "ui")
	searchAPIParams   = append(slices.Clip(searchParams), "ui", "pretty")
	suggestAPIParams  = []string{"q", "ui", "pretty"}
	articleAPIParams  = []string{"ui", "pretty"}
	healthParams      = []string{"pretty"}
	// The research routes (trends.go, export.go, feed.go, research.go).
	trendsFilterParams = []string{"q", "lang", "country", "country_mode", "org", "person", "from", "to", "undated", "interval", "source"}
	trendsPageParams   = append(slices.Clip(trendsFilterParams), "mode", "ui")
	trendsAPIParams    = append(slices.Clip(trendsFilterParams), "format", "ui", "pretty")
	exportAPIParams    = []string{"q", "lang", "country", "country_mode", "org", "person", "from", "to", "undated", "sort", "format", "limit", "ui", "source"}
	feedParams         = []string{"q", "lang", "country", "country_mode", "org", "person", "from", "to", "undated", "ui", "source"}
	helpParams         = []string{"ui"}
	termsAPIParams     = []string{"q", "lang", "country", "country_mode", "org", "person", "source", "from", "to", "undated", "size", "ui", "pretty"}
)

// paramError names the parameter that was wrong; it becomes a 400. The API
// shows Error() (English, "param: what was wrong"); a page shows the
// message key in the interface's language (messages in i18n.go).
type paramError struct {
	param, msg string
	key        string // message key, "err_" + key in i18n.go
	args       []any  // the key's arguments
	value      string // the bad value of a repeatable parameter, dropped by a correction
}

func (e *paramError) Error() string { return e.param + ": " + e.msg }

func badParam(param, key, format string, args ...any) *paramError {
	return &paramError{param: param, key: key, msg: fmt.Sprintf(format, args...), args: args}
}

// ctxValues is where the route's checked query parameters are kept on the
// Echo context.
const ctxValues = "kerko.values"

// queryParams parses the request's query string strictly (url.ParseQuery:
// a ';' separator or a bad %-escape is an error, where Echo drops the pair
// silently) and keeps only the known parameters. The values are kept on the
// context whatever happens, so that an error page can still show the
// query that did parse.
func queryParams(c echo.Context, known []string, strict bool) error {
	raw := c.Request().URL.RawQuery
	v, err := url.ParseQuery(raw)
	if err != nil && strings.Contains(raw, ";") {
		// Whoever wrote ';' meant '&': the error page offers that search.
		v, _ = url.ParseQuery(strings.ReplaceAll(raw, ";", "&"))
	}
	if v == nil {
		v = url.Values{}
	}
	var unknown []string
	for k := range v {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
			delete(v, k)
		}
	}
	c.Set(ctxValues, v)
	if err != nil {
		return badParam("query string", "querystring", "%s; separate parameters with & and write %% as %%25", err)
	}
	if strict && len(unknown) > 0 {
		slices.Sort(unknown)
		return badParam(clip(unknown[0]), "unknown", "unknown parameter (known: %s)", strings.Join(known, ", "))
	}
	if ui := v.Get("ui"); ui != "" && !isUILang(ui) {
		if strict {
			return badParam("ui", "ui", "unknown interface language %q (want en, sq or tr)", clip(ui))
		}
		// On a page the interface language is a preference, not part of
		// the search: a wrong one falls back to the browser's.
		delete(v, "ui")
	}
	return nil
}

// params returns the request's checked query parameters (see queryParams).
func params(c echo.Context) url.Values {
	if v, ok := c.Get(ctxValues).(url.Values); ok {
		return v
	}
	return url.Values{}
}

// checkParams is the middleware form of queryParams for a route.
func checkParams(known []string, strict bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := queryParams(c, known, strict); err != nil {
				return err
			}
			return next(c)
		}
	}
}

// parseSearch validates the query parameters of a search.
func parseSearch(v url.Values) (search.Request, error) {
	var req search.Request
	q := v.Get("q")
	if !utf8.ValidString(q) {
		return req, badParam("q", "utf8", "not valid UTF-8")
	}
	if len(q) > maxQueryBytes {
		return req, badParam("q", "toolong", "longer than %d bytes", maxQueryBytes)
	}
	req.Query = q

	var err error
	if req.Langs, err = values(v, "lang", func(s string) (string, *paramError) {
		s = strings.ToLower(strings.TrimSpace(s))
		switch s {
		case "sq", "tr", "en", index.Und:
			return s, nil
		}
		return "", badParam("lang", "lang", "unknown language %q (want sq, tr, en or und)", clip(s))
	}); err != nil {
		return req, err
	}
	if req.Countries, err = values(v, "country", func(s string) (string, *paramError) {
		c := strings.ToUpper(strings.TrimSpace(s))
		if len(c) != 2 || !extract.IsCountry(c) {
			return "", badParam("country", "country", "unknown country code %q (want ISO 3166-1 alpha-2, e.g. KZ)", clip(s))
		}
		return c, nil
	}); err != nil {
		return req, err
	}
	if req.Orgs, err = values(v, "org", func(s string) (string, *paramError) {
		o := strings.ToUpper(strings.TrimSpace(s))
		if !extract.IsOrganization(o) {
			return "", badParam("org", "org", "unknown organization %q", clip(s))
		}
		return o, nil
	}); err != nil {
		return req, err
	}
	if req.People, err = values(v, "person", func(s string) (string, *paramError) {
		p := strings.TrimSpace(s)
		if !validPersonID(p) {
			return "", badParam("person", "person", "not a person id %q (want an id as the API gives it, e.g. recep-tayyip-erdogan)", clip(s))
		}
		return p, nil
	}); err != nil {
		return req, err
	}
	// Every link of a page carries the chosen persons: their ids are
	// bounded together, as the query is, so a page stays bounded.
	if n := len(strings.Join(req.People, "")); n > maxPersonBytes {
		return req, badParam("person", "toolong", "longer than %d bytes", maxPersonBytes)
	}
	if req.Sources, err = values(v, "source", checkSource); err != nil {
		return req, err
	}
	if req.From, err = date(v, "from"); err != nil {
		return req, err
	}
	if req.To, err = date(v, "to"); err != nil {
		return req, err
	}
	if !req.From.IsZero() && !req.To.IsZero() && req.From.After(req.To) {
		return req, badParam("from", "fromafter", "%s is after to (%s)", req.From.Format(time.DateOnly), req.To.Format(time.DateOnly))
	}
	switch u := v.Get("undated"); u {
	case search.UndatedDefault, search.UndatedInclude, search.UndatedExclude, search.UndatedOnly:
		req.Undated = u
	default:
		return req, badParam("undated", "undated", "unknown option %q (want include, exclude or only)", clip(u))
	}
	switch s := v.Get("sort"); s {
	case "", search.SortRelevance, search.SortNewest, search.SortOldest:
		req.Sort = s
	default:
		return req, badParam("sort", "sort", "unknown order %q (want relevance, newest or oldest)", clip(s))
	}
	if req.Page, err = integer(v, "page", 1, 1, maxResultDepth); err != nil {
		return req, err
	}
	// size=0 is a count: the total, facets and timeline without hits.
	if req.Size, err = integer(v, "size", defaultSize, 0, maxSize); err != nil {
		return req, err
	}
	req.CountOnly = req.Size == 0
	if req.CountryMode, err = countryMode(v); err != nil {
		return req, err
	}
	if req.Page*req.Size > maxResultDepth {
		return req, badParam("page", "toodeep", "page %d of size %d is past the first %d results", req.Page, req.Size, maxResultDepth)
	}
	return req, nil
}

// countryMode reads country_mode: any (the default) or all of the chosen
// countries.
func countryMode(v url.Values) (string, error) {
	switch m := strings.TrimSpace(v.Get("country_mode")); m {
	case "", search.CountryAny:
		return "", nil
	case search.CountryAll:
		return m, nil
	default:
		return "", badParam("country_mode", "countrymode", "unknown mode %q (want any or all)", clip(m))
	}
}

// maxSourceRunes bounds a source= value; a source is at most 200 runes
// long in the index (corpus).
const maxSourceRunes = 200

// checkSource reads a source= value: as written, spaces trimmed.
func checkSource(s string) (string, *paramError) {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxSourceRunes {
		return "", badParam("source", "source", "longer than %d characters", maxSourceRunes)
	}
	return s, nil
}

// values validates each value of a repeatable parameter, dropping empty and
// duplicate ones.
func values(v url.Values, name string, check func(string) (string, *paramError)) ([]string, error) {
	raw := v[name]
	if len(raw) > maxFilterVals {
		return nil, badParam(name, "toomany", "more than %d values", maxFilterVals)
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range raw {
		if strings.TrimSpace(s) == "" {
			continue
		}
		if !utf8.ValidString(s) {
			pe := badParam(name, "utf8", "not valid UTF-8")
			pe.value = s
			return nil, pe
		}
		c, pe := check(s)
		if pe != nil {
			pe.value = s
			return nil, pe
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
		return time.Time{}, badParam(name, "date", "%q is not a date (want YYYY-MM-DD)", clip(s))
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
		return 0, badParam(name, "number", "%q is not a whole number from %d to %d", clip(s), lo, hi)
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

// searchValues is a validated search as the links of a page carry it: the
// parameters that differ from the defaults, each value as the search read
// it (country=kz becomes country=KZ), and ui only when it was asked for.
// Nothing else the request held reaches a link, so a link is never longer
// than a valid search can make it.
func searchValues(req search.Request, ui string) url.Values {
	v := url.Values{}
	if req.Query != "" {
		v.Set("q", req.Query)
	}
	for _, key := range search.FacetGroups {
		if vals := req.Filter(key); len(vals) > 0 {
			v[key] = slices.Clone(vals)
		}
	}
	if req.CountryMode == search.CountryAll {
		v.Set("country_mode", req.CountryMode)
	}
	if !req.From.IsZero() {
		v.Set("from", req.From.Format(time.DateOnly))
	}
	if !req.To.IsZero() {
		v.Set("to", req.To.Format(time.DateOnly))
	}
	if req.Undated != "" {
		v.Set("undated", req.Undated)
	}
	if req.Sort != "" {
		v.Set("sort", req.Sort)
	}
	if req.Page > 1 {
		v.Set("page", strconv.Itoa(req.Page))
	}
	switch {
	case req.CountOnly:
		v.Set("size", "0")
	case req.Size != 0 && req.Size != defaultSize:
		v.Set("size", strconv.Itoa(req.Size))
	}
	if isUILang(ui) {
		v.Set("ui", ui)
	}
	return v
}

// maxCorrections bounds how many bad parameters correct fixes in turn.
const maxCorrections = 8

// correct turns a search with bad parameters into the nearest valid one:
// reversed dates are swapped, a bad value is dropped (only that value of a
// repeatable parameter), an overlong query is cut, a page past the results
// becomes the last one. It returns the valid search and the first error it
// fixed (nil when v was valid); ok is false when no valid search was found
// within maxCorrections fixes.
func correct(v url.Values) (req search.Request, first *paramError, ok bool) {
	v = copyValues(v)
	for range maxCorrections {
		r, err := parseSearch(v)
		if err == nil {
			return r, first, true
		}
		pe, isParam := err.(*paramError)
		if !isParam {
			return r, first, false
		}
		if first == nil {
			first = pe
		}
		switch {
		case pe.key == "fromafter":
			from, to := v.Get("from"), v.Get("to")
			v.Set("from", to)
			v.Set("to", from)
		case pe.key == "toolong":
			q := v.Get("q")
			for len(q) > maxQueryBytes {
				_, size := utf8.DecodeLastRuneInString(q)
				q = q[:len(q)-size]
			}
			v.Set("q", q)
		case pe.key == "utf8" && pe.param == "q":
			v.Set("q", strings.ToValidUTF8(v.Get("q"), ""))
		case pe.key == "toomany":
			v[pe.param] = v[pe.param][:maxFilterVals]
		case pe.key == "toodeep":
			size, _ := strconv.Atoi(v.Get("size"))
			if size < 1 || size > maxSize {
				size = defaultSize
			}
			v.Set("page", strconv.Itoa(maxResultDepth/size))
		case pe.value != "":
			v[pe.param] = slices.DeleteFunc(v[pe.param], func(s string) bool { return s == pe.value })
		default:
			v.Del(pe.param)
		}
	}
	return search.Request{}, first, false
}

// maxPersonID bounds a person id (ids are a name's folded words, five at
// most), maxPersonBytes the ids of one search together.
const (
	maxPersonID    = 100
	maxPersonBytes = 1000
)

// validPersonID tells whether s can be a person id (extract.PersonID makes
// them: folded words joined by hyphens). Whether any article names that
// person is the search's answer, not a parameter error.
func validPersonID(s string) bool {
	if s == "" || len(s) > maxPersonID || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
