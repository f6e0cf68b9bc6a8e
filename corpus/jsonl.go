package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// jsonArticle is one line of a JSON Lines export.
type jsonArticle struct {
	ID     json.RawMessage `json:"id"`
	Title  string          `json:"title"`
	Body   string          `json:"body"`
	Date   string          `json:"date"`
	Lang   string          `json:"lang"`
	Source string          `json:"source"`
	URL    string          `json:"url"`
}

// maxLineBytes bounds one JSON line, so a file without newlines cannot take
// all memory.
const maxLineBytes = 16 << 20

// readJSONL reads one article per line. Malformed lines are reported and
// skipped; reading goes on with the next line.
func readJSONL(ctx context.Context, r io.Reader, origin string, now time.Time, emit func(*Article) error, report func(Problem)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br)
		if errors.Is(err, errLineTooLong) {
			report(Problem{File: origin, Line: lineNo, Action: Skipped, Reason: fmt.Sprintf("line longer than %d bytes", maxLineBytes)})
			continue
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if a, ok := parseJSONLine(line, origin, lineNo, now, report); ok {
				if err := emit(a); err != nil {
					return err
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s line %d: %w", origin, lineNo, err)
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its end; an over-long line is
// consumed and reported as errLineTooLong.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > maxLineBytes {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// newlines turns CRLF and lone CR line ends into "\n", as in .txt files.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// Bounds on the fields of a JSON line besides the title (MaxTitleRunes):
// a body is bounded as a .txt file is, a source like a title, and a URL
// that no browser would open is dropped.
const (
	maxSourceRunes = 200
	maxURLBytes    = 4096
)

func parseJSONLine(line []byte, origin string, lineNo int, now time.Time, report func(Problem)) (*Article, bool) {
	skip := func(reason string) (*Article, bool) {
		report(Problem{File: origin, Line: lineNo, Action: Skipped, Reason: reason})
		return nil, false
	}
	var repairs []string
	if !utf8.Valid(line) {
		repairs = append(repairs, "invalid UTF-8 replaced with U+FFFD")
	}
	// encoding/json replaces invalid UTF-8 and lone UTF-16 surrogates
	// with U+FFFD without a word: the checks above and below say so.
	var j jsonArticle
	if err := json.Unmarshal(line, &j); err != nil {
		return skip("malformed JSON: " + err.Error())
	}
	if !utf8.Valid(j.ID) {
		return skip("id is not valid UTF-8")
	}
	if esc, ok := loneSurrogate(j.ID); ok {
		// An id is a name: one with a character replaced would be another
		// article's, or a different one at every export.
		return skip(fmt.Sprintf("id holds a lone UTF-16 surrogate (%s), which is no character: %s", esc, clip(string(j.ID), 40)))
	}
	if esc, ok := loneSurrogate(line); ok {
		repairs = append(repairs, fmt.Sprintf("lone UTF-16 surrogate (%s) replaced with U+FFFD", esc))
	}
	id, err := jsonID(j.ID)
	if err != nil {
		return skip(err.Error())
	}
	if reason := validID(id); reason != "" {
		return skip(reason)
	}
	if len(j.Body) > MaxArticleBytes {
		return skip(fmt.Sprintf("body too large (%d bytes, limit %d)", len(j.Body), MaxArticleBytes))
	}
	title, c1t := normalize(j.Title)
	body, c1b := normalize(newlines.Replace(j.Body))
	source, c1s := normalize(j.Source)
	a := &Article{
		ID:            id,
		Title:         ClipTitle(title),
		Body:          strings.TrimSpace(body),
		Source:        cutWords(oneLine(source), maxSourceRunes),
		URL:           strings.TrimSpace(j.URL),
		Origin:        fmt.Sprintf("%s:%d", origin, lineNo),
		RepairedChars: c1t + c1b + c1s,
	}
	if n := utf8.RuneCountInString(oneLine(title)); n > MaxTitleRunes {
		repairs = append(repairs, fmt.Sprintf("title clipped (%d characters, limit %d)", n, MaxTitleRunes))
	}
	if len(a.URL) > maxURLBytes || strings.IndexFunc(a.URL, unicode.IsControl) >= 0 {
		repairs = append(repairs, fmt.Sprintf("url dropped (longer than %d bytes or holding a control character)", maxURLBytes))
		a.URL = ""
	}
	if a.Title == "" && a.Body == "" {
		return skip(fmt.Sprintf("article has neither title nor body: %q", clip(id, 40)))
	}
	if a.Title == "" {
		a.Title, _, _ = deriveTitle(a.Body)
	}
	switch lang := strings.ToLower(strings.TrimSpace(j.Lang)); lang {
	case "", "sq", "tr", "en":
		a.Lang = lang
	default:
		report(Problem{File: origin, Line: lineNo, Action: Repaired, Reason: fmt.Sprintf("unknown lang %q: language will be detected", clip(j.Lang, 20))})
	}
	if d := strings.TrimSpace(j.Date); d != "" {
		t, err := ParseDate(d)
		if err != nil {
			report(Problem{File: origin, Line: lineNo, Action: Repaired, Reason: err.Error() + ": article kept undated"})
		} else {
			a.Date = t
			if w := checkDate(t, now); w != "" {
				report(Problem{File: origin, Line: lineNo, Action: Warned, Reason: w})
			}
		}
	}
	for _, r := range repairs {
		report(Problem{File: origin, Line: lineNo, Action: Repaired, Reason: r})
	}
	return a, true
}

// loneSurrogate finds a \uD800-\uDFFF escape in JSON text that is not half
// of a surrogate pair, and returns it as written.
func loneSurrogate(b []byte) (string, bool) {
	if !bytes.Contains(b, []byte(`\u`)) {
		return "", false
	}
	for i := 0; i < len(b)-1; i++ {
		if b[i] != '\\' {
			continue
		}
		if b[i+1] != 'u' {
			i++ // an escaped character, "\\" included
			continue
		}
		r, ok := hex4(b, i+2)
		if !ok {
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if lo, ok := hex4(b, i+8); ok && i+7 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' && lo >= 0xDC00 && lo < 0xE000 {
				i += 11 // a pair: one character
				continue
			}
			return string(b[i : i+6]), true
		case r >= 0xDC00 && r < 0xE000:
			return string(b[i : i+6]), true
		}
		i += 5
	}
	return "", false
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// jsonID accepts a string or an integer id; anything else is an error.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New("missing id")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		if _, err := n.Int64(); err == nil {
			return n.String(), nil
		}
	}
	return "", fmt.Errorf("id must be a string or an integer, got %s", clip(string(raw), 40))
}
