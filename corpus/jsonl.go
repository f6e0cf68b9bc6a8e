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
			report(Problem{File: origin, Line: lineNo, Action: Skipped, Kind: LineTooLong, Reason: fmt.Sprintf("line longer than %d bytes", maxLineBytes)})
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

func parseJSONLine(line []byte, origin string, lineNo int, now time.Time, report func(Problem)) (*Article, bool) {
	skip := func(kind ProblemKind, reason string) (*Article, bool) {
		report(Problem{File: origin, Line: lineNo, Action: Skipped, Kind: kind, Reason: reason})
		return nil, false
	}
	repaired := ""
	if !utf8.Valid(line) {
		line = bytes.ToValidUTF8(line, []byte("\uFFFD"))
		repaired = "invalid UTF-8 replaced with U+FFFD"
	}
	var j jsonArticle
	if err := json.Unmarshal(line, &j); err != nil {
		return skip(MalformedJSON, "malformed JSON: "+err.Error())
	}
	id, err := jsonID(j.ID)
	if err != nil {
		return skip(InvalidID, err.Error())
	}
	if reason := validID(id); reason != "" {
		return skip(InvalidID, reason)
	}
	a := &Article{
		ID:     id,
		Title:  strings.TrimSpace(Normalize(j.Title)),
		Body:   strings.TrimSpace(Normalize(newlines.Replace(j.Body))),
		Source: strings.TrimSpace(Normalize(j.Source)),
		URL:    strings.TrimSpace(j.URL),
		Origin: fmt.Sprintf("%s:%d", origin, lineNo),
	}
	if a.Title == "" && a.Body == "" {
		return skip(NoTitleOrBody, fmt.Sprintf("article %q has neither title nor body", clip(id, 40)))
	}
	if a.Title == "" {
		a.Title = firstSentence(a.Body)
	}
	switch lang := strings.ToLower(strings.TrimSpace(j.Lang)); lang {
	case "", "sq", "tr", "en":
		a.Lang = lang
	default:
		report(Problem{File: origin, Line: lineNo, Action: Repaired, Kind: RepairedInput, Reason: fmt.Sprintf("unknown lang %q: language will be detected", clip(j.Lang, 20))})
	}
	if d := strings.TrimSpace(j.Date); d != "" {
		t, err := ParseDate(d)
		if err != nil {
			report(Problem{File: origin, Line: lineNo, Action: Repaired, Kind: RepairedInput, Reason: err.Error() + ": article kept undated"})
		} else {
			a.Date = t
			if w := checkDate(t, now); w != "" {
				report(Problem{File: origin, Line: lineNo, Action: Warned, Kind: Suspicious, Reason: w})
			}
		}
	}
	if repaired != "" {
		report(Problem{File: origin, Line: lineNo, Action: Repaired, Kind: RepairedInput, Reason: repaired})
	}
	return a, true
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
