package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/labstack/echo/v4"

	"kerko/index"
	"kerko/search"
)

// An export streams every article a search matches, in its order, as CSV
// (for spreadsheets) or JSON Lines (for scripts). It pages through the
// index (index.ArticlesAfter) and writes each page as it comes, so memory
// holds one page however many rows go out.

// DefaultExportLimit is how many rows an export gives at most unless
// Config.ExportLimit says otherwise.
const DefaultExportLimit = 10000

// exportPage is how many articles are read per page.
const exportPage = 1000

// exportHeader is the CSV's first row.
var exportHeader = []string{"id", "title", "date", "lang", "countries", "orgs", "source", "url"}

func (s *Server) handleExportAPI(c echo.Context) error {
	v := copyValues(params(c))
	format := v.Get("format")
	switch format {
	case "":
		format = "csv"
	case "csv", "jsonl":
	default:
		return badParam("format", "format", "unknown format %q (want csv or jsonl)", clip(format))
	}
	limit, err := integer(v, "limit", s.cfg.ExportLimit, 1, s.cfg.ExportLimit)
	if err != nil {
		return badParam("limit", "limit", "%q is not a whole number from 1 to %d (kerko serve --export-limit raises the bound)", clip(v.Get("limit")), s.cfg.ExportLimit)
	}
	for _, k := range []string{"page", "size", "limit", "format"} {
		v.Del(k)
	}
	req, err := parseSearch(v)
	if err != nil {
		return err
	}

	// The first page is read before anything is written, so that a bad
	// request or a busy server still gets its status.
	req.Size = min(exportPage, limit)
	page, err := s.exportPage(c, req, nil)
	if err != nil {
		return err
	}
	name := "kerko-" + filenamePart(req.Query) + datesPart(req)
	var write func(a *index.Article) error
	var flush func() error
	if format == "csv" {
		w, err := startCSV(c, name+".csv", exportHeader)
		if err != nil {
			return err
		}
		write = func(a *index.Article) error {
			date := ""
			if !a.Date.IsZero() {
				date = a.Date.Format(time.DateOnly)
			}
			return w.Write([]string{a.ID, a.Title, date, a.Lang, strings.Join(a.CountryCodes(), ";"), strings.Join(a.OrgIDs(), ";"), a.Source, a.URL})
		}
		flush = w.Flush
	} else {
		h := c.Response().Header()
		h.Set(echo.HeaderContentType, "application/jsonl; charset=utf-8")
		h.Set(echo.HeaderContentDisposition, contentDisposition(name+".jsonl"))
		c.Response().WriteHeader(http.StatusOK)
		enc := json.NewEncoder(c.Response())
		write = func(a *index.Article) error {
			return enc.Encode(exportRow{ID: a.ID, Title: a.Title, Date: dateJSON(a.Date), Lang: a.Lang,
				Countries: a.CountryCodes(), Orgs: a.OrgIDs(), People: apiPeople(a.People), Source: a.Source, URL: a.URL})
		}
		flush = func() error { c.Response().Flush(); return nil }
	}
	sent := 0
	rc := http.NewResponseController(c.Response().Writer)
	for {
		// The server's write timeout is for one answer of a search; an
		// export may go on longer, so each page gets that time afresh.
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.SearchTimeout + 10*time.Second))
		for _, a := range page.Articles {
			if sent == limit {
				break
			}
			if err := write(a); err != nil {
				return nil // the client went away
			}
			sent++
		}
		if err := flush(); err != nil {
			return nil
		}
		if sent == limit || page.After == nil {
			return nil
		}
		req.Size = min(exportPage, limit-sent)
		if page, err = s.exportPage(c, req, page.After); err != nil {
			// The status is sent: end the stream without its proper end,
			// so that the client sees a failed download, not a short file.
			s.cfg.Logger.Error("export failed midway", "request_id", requestID(c), "rows", sent, "err", err)
			panic(http.ErrAbortHandler)
		}
	}
}

// exportRow is one line of a JSON Lines export.
type exportRow struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Date      *string  `json:"date"`
	Lang      string   `json:"lang"`
	Countries []string `json:"countries"`
	Orgs      []string `json:"orgs"`
	// People are only in JSON Lines: the CSV header is fixed (docs/api.md),
	// and a name list with counts does not fit one cell.
	People []apiPerson `json:"people"`
	Source string      `json:"source"`
	URL    string      `json:"url"`
}

// exportPage reads one page under the server's deadline and search gate.
func (s *Server) exportPage(c echo.Context, req search.Request, after []string) (*search.ArticlePage, error) {
	ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
	defer cancel()
	if err := s.gate.acquire(ctx); err != nil {
		return nil, err
	}
	defer s.gate.release(ctx)
	return s.cfg.Searcher.ArticlesAfter(ctx, req, after)
}

// csvWriter writes RFC 4180 rows whose cells cannot start a formula.
type csvWriter struct {
	c echo.Context
	w *csv.Writer
}

// startCSV sends the headers of a CSV download named filename, the UTF-8
// byte order mark (without it Excel reads the file as the local 8-bit
// code page) and the header row.
func startCSV(c echo.Context, filename string, header []string) (*csvWriter, error) {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, contentDisposition(filename))
	c.Response().WriteHeader(http.StatusOK)
	if _, err := c.Response().Write([]byte("\ufeff")); err != nil {
		return nil, err
	}
	w := &csvWriter{c: c, w: csv.NewWriter(c.Response())}
	w.w.UseCRLF = true // RFC 4180
	return w, w.Write(header)
}

func (w *csvWriter) Write(row []string) error {
	for i, cell := range row {
		row[i] = neutralise(cell)
	}
	return w.w.Write(row)
}

// Flush sends what is buffered to the client.
func (w *csvWriter) Flush() error {
	w.w.Flush()
	if err := w.w.Error(); err != nil {
		return err
	}
	w.c.Response().Flush()
	return nil
}

// neutralise keeps a spreadsheet from reading a cell as a formula (CSV
// injection): a cell that begins with =, +, -, @, a tab or a carriage
// return gets a leading apostrophe, which Excel and LibreOffice read as
// "text follows" and hide.
func neutralise(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

// filenamePart makes a query something a file may be named after: letters
// and digits of any script, the rest runs of "-", at most 60 letters;
// "all" for an empty query.
func filenamePart(q string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range q {
		if n >= 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			n++
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "all"
	}
	return s
}

// datesPart names the dates a download is limited to, so that the months
// a researcher downloads from a chart are told apart by name:
// "_2020-03-01_2020-03-31", "_from-2020-03-01", "_to-2020-03-31".
func datesPart(req search.Request) string {
	from, to := "", ""
	if !req.From.IsZero() {
		from = req.From.Format(time.DateOnly)
	}
	if !req.To.IsZero() {
		to = req.To.Format(time.DateOnly)
	}
	switch {
	case from != "" && to != "":
		return "_" + from + "_" + to
	case from != "":
		return "_from-" + from
	case to != "":
		return "_to-" + to
	}
	return ""
}

// contentDisposition names an attachment: an ASCII filename for old
// clients and the UTF-8 one for the rest (RFC 6266).
func contentDisposition(filename string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x80 && r != '"' && r != '\\' && unicode.IsPrint(r) {
			return r
		}
		return '_'
	}, filename)
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + url.PathEscape(filename)
}
