package index

import (
	"encoding/binary"
	"errors"
	"strconv"
	"time"
)

// What a result shows of an article (title, language, source, URL, date,
// mention counts, language confidence, persons) is stored as one value, fieldRecord,
// not as a stored field each: zap keeps several bytes of metadata per stored
// value besides the value itself, so six values cost more than one.
// Nothing reads one of them without the others.
// The body is stored apart (bodycodec.go): titles, suggestions and related
// articles do not decode it.

// recordParts is the number of parts in a record, in this order.
const recordParts = 8

// record packs a's shown fields: each part is its length as a uvarint, then
// its bytes.
func (a *Article) record() string {
	day := ""
	if !a.Date.IsZero() {
		day = a.Date.Format(dayLayout)
	}
	parts := [recordParts]string{a.Title, a.Lang, a.Source, a.URL, day,
		encodeMentions(a.Countries, a.Orgs), strconv.FormatFloat(a.LangConf, 'g', -1, 64), encodePeople(a.People)}
	n := 0
	for _, p := range parts {
		n += binary.MaxVarintLen32 + len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	return string(b)
}

var errRecord = errors.New("malformed stored record")

// readRecord unpacks a record into an Article without its body.
func readRecord(id, rec string) (*Article, error) {
	var parts [recordParts]string
	for i := range parts {
		n, w := binary.Uvarint([]byte(rec[:min(len(rec), binary.MaxVarintLen64)]))
		if w <= 0 || uint64(len(rec)-w) < n {
			return nil, errRecord
		}
		parts[i], rec = rec[w:w+int(n)], rec[w+int(n):]
	}
	a := &Article{ID: id, Title: parts[0], Lang: parts[1], Source: parts[2], URL: parts[3]}
	if parts[4] != "" {
		d, err := time.Parse(dayLayout, parts[4])
		if err != nil {
			return nil, errRecord
		}
		a.Date = d
	}
	a.Countries, a.Orgs = decodeMentions(parts[5])
	conf, err := strconv.ParseFloat(parts[6], 64)
	if err != nil {
		return nil, errRecord
	}
	a.LangConf = conf
	if a.People, err = decodePeople(parts[7]); err != nil {
		return nil, err
	}
	return a, nil
}
