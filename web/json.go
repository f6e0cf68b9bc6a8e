package web

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"
)

// bufPool holds the buffers API answers are encoded into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuf keeps an unusually large answer's buffer out of the pool.
const maxPooledBuf = 1 << 20

// writeJSON answers with v as JSON, as c.JSON does, but encoded whole
// before it is sent: a search answer (13-16 kB, mostly facets) went out
// through net/http's 4 kB buffer as a chunked body in two or three write
// calls; with a Content-Length it is one. ?pretty still indents (c.JSON).
func writeJSON(c echo.Context, code int, v any) error {
	if _, pretty := c.QueryParams()["pretty"]; pretty {
		return c.JSON(code, v)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooledBuf {
			bufPool.Put(buf)
		}
	}()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	h.Set(echo.HeaderContentLength, strconv.Itoa(buf.Len()))
	c.Response().WriteHeader(code)
	_, err := c.Response().Write(buf.Bytes())
	return err
}

// writeJSONBytes answers with JSON already encoded, in parts.
func writeJSONBytes(c echo.Context, code int, parts ...[]byte) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	h.Set(echo.HeaderContentLength, strconv.Itoa(n))
	c.Response().WriteHeader(code)
	for _, p := range parts {
		if _, err := c.Response().Write(p); err != nil {
			return err
		}
	}
	return nil
}
