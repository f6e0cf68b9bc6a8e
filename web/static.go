package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// staticFile is an embedded static file with the hash of its content.
type staticFile struct {
	data []byte
	hash string // first 16 hex digits of its SHA-256
}

// staticFiles are the files under static/, read once: they are embedded,
// so they never change while the server runs.
var staticFiles = func() map[string]staticFile {
	out := map[string]staticFile{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(staticFS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[strings.TrimPrefix(p, "static/")] = staticFile{data: b, hash: hex.EncodeToString(sum[:8])}
		return nil
	})
	if err != nil {
		panic("web: read embedded static files: " + err.Error())
	}
	return out
}()

// staticURL is the address pages use for a static file: it names the
// file's content (?v=hash), so a browser may keep it for a year and still
// gets the new file with the next release.
func staticURL(name string) string {
	f, ok := staticFiles[name]
	if !ok {
		panic("web: no static file " + name) // a template error, caught at start-up by the tests
	}
	return "/static/" + name + "?v=" + f.hash
}

// handleStatic serves the embedded static files. Only a name that is in
// the map is served, so no path can reach anything else. The ETag is the
// content hash: a browser revalidating a file it has gets a 304. Asked for
// with the current ?v=, the answer may be kept for a year; without it (an
// old page, a hand-typed address) it must be revalidated.
func handleStatic(c echo.Context) error {
	name := strings.TrimPrefix(c.Request().URL.Path, "/static/")
	f, ok := staticFiles[name]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set("ETag", `"`+f.hash+`"`)
	if c.QueryParam("v") == f.hash {
		h.Set(echo.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		h.Set(echo.HeaderCacheControl, "no-cache")
	}
	http.ServeContent(c.Response(), c.Request(), path.Base(name), time.Time{}, bytes.NewReader(f.data))
	return nil
}
