package web

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"
)

// maxPageBytes bounds the HTML of a search or error page. A page's links
// carry only validated state (searchValues), so the largest page a valid
// request can make is bounded by the query limits (params.go);
// TestPage_WorstCaseIsBounded builds it, and docs/api.md gives its size.
// An article page is bounded by its article instead (corpus limits), plus
// this.
const maxPageBytes = 4 << 20

// errPageTooLarge stops a page that outgrew its bound: the bound is
// computed from the query limits, so this is a bug, not a request's fault.
var errPageTooLarge = errors.New("page larger than its bound")

// pagePool holds the buffers pages are rendered into.
var pagePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// limitedBuffer is a buffer that refuses to grow past max bytes.
type limitedBuffer struct {
	*bytes.Buffer
	max int
}

func (b limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		return 0, errPageTooLarge
	}
	return b.Buffer.Write(p)
}

// render executes a page's template into a buffer of at most limit bytes
// and sends it whole, with its length. A page is built before a byte of it
// is sent, so a template error still gets a proper error page, and a
// client that hangs up costs one failed write (see send), not a half-sent
// page.
func (s *Server) render(c echo.Context, code int, page string, data any, limit int) error {
	buf := pagePool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBuf {
			pagePool.Put(buf)
		}
	}()
	if err := s.tmpl[page].Execute(limitedBuffer{buf, limit}, data); err != nil {
		s.cfg.Logger.Error("render template", "page", page, "request_id", requestID(c), "bytes", buf.Len(), "err", err)
		if page == "error.html" {
			c.Response().WriteHeader(http.StatusInternalServerError)
			return nil
		}
		return errors.New("render " + page + ": " + err.Error())
	}
	s.send(c, code, echo.MIMETextHTMLCharsetUTF8, buf.Bytes())
	return nil
}

// send writes a whole answer. A write that fails means the client is gone
// (it hung up, or its connection broke): nothing failed on the server's
// side and nobody reads an error, so it is logged at debug level only.
func (s *Server) send(c echo.Context, code int, contentType string, body []byte) {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, contentType)
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(body)))
	c.Response().WriteHeader(code)
	if _, err := c.Response().Write(body); err != nil {
		s.cfg.Logger.Debug("client gone before the answer was sent", "request_id", requestID(c), "path", c.Request().URL.Path, "err", err)
	}
}
