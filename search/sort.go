package search

import (
	"encoding/binary"
	"errors"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"kerko/internal/blevex"
)

// Sorting by date (newest, oldest, and browsing without words) read every
// hit's date from Bleve's doc values and, for the tie-break on the
// article id, every hit's external id from its stored fields: together
// more than the rest of such a search. The facet table holds each
// document's date and the rank of its id among all ids, so the same order
// is computed from two array reads per hit.

// sortBinding is the facet table a table sort reads, set by the counting
// query once the search's index reader is known.
type sortBinding struct {
	t *facetTable
}

// errNoTableSort: the generation's table cannot sort; Search then sorts
// with Bleve (dateSort).
var errNoTableSort = errors.New("facet table cannot sort this generation")

// tableDateSort is dateSort(desc) answered from the table bound to b:
// date (undated last), then score, then article id.
func tableDateSort(desc bool, b *sortBinding) bsearch.SortOrder {
	return bsearch.SortOrder{
		&tableSort{b: b, byDate: true, desc: desc},
		&bsearch.SortScore{Desc: true},
		&tableSort{b: b},
	}
}

// tableSort sorts by the table's date (byDate) or id rank.
type tableSort struct {
	b      *sortBinding
	byDate bool
	desc   bool
}

// Sort values compare as strings; dates are big-endian with the sign bit
// flipped so that they order as numbers. An undated document gets a value
// below every date when sorting down and above every date when sorting up,
// so it comes last either way (Bleve's SortFieldMissingLast).
var undatedLast = strings.Repeat("\xff", 9)

func (s *tableSort) Value(dm *bsearch.DocumentMatch) string {
	t := s.b.t
	num, _ := blevex.DocNum(dm.IndexInternalID)
	if !s.byDate {
		var b [4]byte
		if num < uint64(len(t.idRank)) {
			binary.BigEndian.PutUint32(b[:], t.idRank[num])
		}
		return string(b[:])
	}
	ns := int64(noDate)
	if num < uint64(len(t.dates)) {
		ns = t.dates[num]
	}
	if ns == noDate {
		if s.desc {
			return ""
		}
		return undatedLast
	}
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(ns)^(1<<63))
	return string(b[:])
}

func (s *tableSort) UpdateVisitor(string, []byte) {}
func (s *tableSort) DecodeValue(v string) string  { return v }
func (s *tableSort) Descending() bool             { return s.desc }
func (s *tableSort) RequiresDocID() bool          { return false }
func (s *tableSort) RequiresScoring() bool        { return false }
func (s *tableSort) RequiresFields() []string     { return nil }
func (s *tableSort) Reverse()                     { s.desc = !s.desc }
func (s *tableSort) Copy() bsearch.SearchSort     { c := *s; return &c }
