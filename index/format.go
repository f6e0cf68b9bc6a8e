package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// The format of a published generation, as the read side (package search)
// needs it: field names, how dates are kept, how stored values decode, and
// opening a generation read-only. Everything else about the format stays
// inside this package.

// Field names (see mapping.go).
const (
	FieldRecord  = fieldRecord
	FieldBody    = fieldBody
	FieldLang    = fieldLang
	FieldCountry = fieldCountry
	FieldAbout   = fieldAbout
	FieldOrg     = fieldOrg
	FieldPerson  = fieldPerson
	// FieldPersonName holds PersonNameTerm(id, name) for each person an
	// article names; indexed only, for its dictionary.
	FieldPersonName = fieldPersonName
	FieldYear       = fieldYear
	FieldMonth      = fieldMonth
	FieldDate       = fieldDate
	FieldSource     = fieldSource
	// Folded is the "language" of the folded text fields, which every
	// article has whatever its language.
	Folded = foldedSuffix
)

// TitleField and BodyField name the analyzed text fields of a language
// ("sq", "tr", "en") or of the folded text (Folded).
func TitleField(lang string) string { return titleField(lang) }
func BodyField(lang string) string  { return bodyField(lang) }

// How dates are kept.
const (
	// DayLayout is how FieldDate holds a date: one keyword term per
	// article whose byte order is date order.
	DayLayout = dayLayout
	// MonthLayout is how FieldMonth holds a month.
	MonthLayout = monthLayout
	// UndatedMonth is the FieldMonth of an article without a date.
	UndatedMonth = undatedMonth
)

const (
	monthLayout  = "2006-01"
	dayLayout    = "20060102"
	undatedMonth = "undated"
)

// The kinds of FieldAbout terms; they are also the names of the country,
// organization and person facet groups.
const (
	AboutCountry = "country"
	AboutOrg     = "org"
	AboutPerson  = "person"
)

// AboutTerm is the FieldAbout term of a country or organization: kind is
// AboutCountry or AboutOrg.
func AboutTerm(kind, id string) string { return aboutTerm(kind, id) }

// PersonNameTerm is the FieldPersonName term of a person's id and one name
// an article writes; SplitPersonNameTerm splits it again.
func PersonNameTerm(id, name string) string { return personNameTerm(id, name) }

// SplitPersonNameTerm splits a FieldPersonName term into id and name.
func SplitPersonNameTerm(term string) (id, name string, ok bool) {
	return strings.Cut(term, personNameSep)
}

// ReadRecord decodes the stored FieldRecord of article id.
func ReadRecord(id, rec string) (*Article, error) { return readRecord(id, rec) }

// PublishedName returns the name of the generation CURRENT names in dir,
// or an error saying why there is none; OpenPublished checks it.
func PublishedName(dir string) (string, error) { return CurrentGeneration(dir) }

// BodyDecoder decodes the stored FieldBody of one generation's articles. It
// is safe for concurrent use.
type BodyDecoder struct{ d *bodyDecoder }

// Decode returns the text of a stored body.
func (d *BodyDecoder) Decode(stored string) (string, error) { return d.d.decode(stored) }

// Close releases the decoder; no Decode may follow.
func (d *BodyDecoder) Close() { d.d.close() }

// OpenPublished opens the published generation of the index directory dir
// for reading: its name, its Bleve index (read-only) and the decoder of its
// bodies. Its state is checked first (ReadState: sizes against its
// manifest, version) so that Bleve maps nothing damaged or foreign; an
// error says what is wrong and what to do (ErrVersion, StateError).
func OpenPublished(dir string) (name string, idx bleve.Index, dec *BodyDecoder, err error) {
	st := ReadState(dir)
	if err := st.Err(); err != nil {
		return "", nil, nil, err
	}
	name, genDir := st.Generation, st.GenDir()
	dicts, err := readDicts(genDir)
	if err != nil {
		return "", nil, nil, fmt.Errorf("open index %q generation %s: %w", dir, name, err)
	}
	d, err := newBodyDecoder(dicts)
	if err != nil {
		return "", nil, nil, fmt.Errorf("open index %q generation %s: %w", dir, name, err)
	}
	idx, err = bleve.OpenUsing(filepath.Join(genDir, bleveSubdir), map[string]any{"read_only": true, "bolt_timeout": "5s"})
	if err != nil {
		d.close()
		return "", nil, nil, ExplainOpenError(genDir, err)
	}
	return name, idx, &BodyDecoder{d}, nil
}

// ErrVersion is returned when the published generation was built with other
// analyzers, mapping or extraction than this kerko's: it needs a full rebuild.
var ErrVersion = errors.New("index built by another kerko version")
