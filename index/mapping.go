package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"kerko/analyzers"
	"kerko/corpus"
	"kerko/extract"
)

// Langs are the languages kerko analyzes with their own analyzer; an article
// in any other language ("und") is searchable through the folded fields only.
var Langs = []string{"sq", "tr", "en"}

// Und is the language of text in none of Langs.
const Und = "und"

// Field names. Two stored-only fields hold what results and snippets show;
// the indexed fields hold no stored copy (snippets re-analyze the stored
// body), which keeps the index small.
const (
	// fieldRecord is title, language, source, URL, date, mention counts
	// and language confidence in one stored value (record.go).
	fieldRecord  = "rec"
	fieldBody    = "body"    // stored as a zstd frame (bodycodec.go), decoded where read
	fieldLang    = "lang"    // keyword facet
	fieldCountry = "country" // keyword facet, one value per country; not stored
	// fieldAbout repeats each country code once per mention (up to
	// maxAboutRepeats), so the term frequency of a code scores how much an
	// article is about that country. Filters match on it, which makes
	// articles about a country rank above ones that name it once.
	fieldAbout = "about"
	fieldOrg   = "org" // keyword facet
	// fieldPerson is a keyword facet of person ids (extract.People).
	fieldPerson = "person"
	// fieldPersonName holds "id\x1fname" once per person an article names,
	// indexed only: its dictionary counts the articles that write each name
	// of each person, which is how a generation picks the name it shows for
	// a person without reading stored records (search's entity counts).
	fieldPersonName = "person_name"
	fieldYear       = "year"  // keyword facet
	fieldMonth      = "month" // keyword facet: "2026-02", or undatedMonth; the timeline
	fieldDate       = "date"  // keyword "20260202" (dayLayout): filters and sort
	// fieldSource is the article's source as written (one value, absent
	// when it has none): the source facet and filter.
	fieldSource = "source"
	// fieldType picks the document mapping (the article's language); it
	// is not a field of the index.
	fieldType = "_type"

	foldedSuffix = "f"
)

// titleField and bodyField name the analyzed text fields for a language
// ("sq", "tr", "en") or for the folded representation (foldedSuffix).
func titleField(lang string) string { return "title_" + lang }
func bodyField(lang string) string  { return "body_" + lang }

// mappingRevision is bumped by hand when the mapping changes.
const mappingRevision = "kerko-mapping-17" // 2: month field; 3: about field; 4: no positions in stemmed fields; 5: folded fields without byte offsets; 6: about as one term list; 7: facet values not stored; 8: hash not stored; 9: bodies stored zstd-compressed; 10: no stop words in the folded body; 11: date as a day keyword; 12: shown fields stored as one record; 13: id list gzipped; 14: source facet field; 15: persons (facet, names, about, record); 16: folded body positions for the first 64 KiB only; 17: person and person_name given as one joined value each (same terms), which a 16 index's keyword analyzer would index as one term

// MappingVersion changes whenever the mapping, the output of an analyzer or
// the output of extraction changes, so that an index built by an older kerko
// is rebuilt rather than searched with analyzers it was not built with, or
// faceted on countries an older gazetteer found. Its parts, joined by "/",
// are mappingRevision, a fingerprint of what the analyzers make of a probe
// text (a stemmer change cannot be forgotten) and a fingerprint of what
// Enrich makes of the seed corpus and the probe text (language detection,
// countries, organizations, persons: the content hash of an article does not cover
// them, so without this an incremental build would keep stale facets).
//
// It is computed on first use, not when the package loads: it runs every
// analyzer and extraction over the seeds, which a program that imports
// kerko's packages without building or opening an index should not pay for.
var MappingVersion = sync.OnceValue(func() string {
	return mappingRevision + "/" + analysisFingerprint() + "/" + extractionFingerprint()
})

// probeText has the hard cases of each language: casing, apostrophes,
// diacritics, inflection and stop words; numbers with endings;
// compatibility and invisible characters, a spelling variant of a name and a
// demonym as a family name.
const probeText = `İstanbul'da IŞIK Türkiye'nin Kazakistan'ın işbirliği anlaşmaları ülkelerin görüşmeler yapıldı oda kitaplarımızdan geliyorlar 1940’larda 1940larda G20'den ` +
	`Marrëdhëniet Turqisë Kazakistanit Shqipërisë vajzës punojmë shkruan qytetet të së i e një ` +
	`verës.Barcelona The President's relations countries running cooperated strategic partnership Erdoğan ÇÖZÜM marredhenie ` +
	"ＫＡＺＡＫＨＳＴＡＮ ﬁnance Kazakh\u200bstan Kazakstan eve aklı Başkan Dursun Özbek"

func analysisFingerprint() string {
	h := sha256.New()
	for _, name := range []string{analyzers.AlbanianAnalyzer, analyzers.TurkishAnalyzer, analyzers.EnglishAnalyzer, analyzers.FoldedAnalyzer, analyzers.FoldedIndexAnalyzer,
		analyzers.FoldedIndexAnalyzerSq, analyzers.FoldedIndexAnalyzerTr, analyzers.FoldedIndexAnalyzerEn} {
		fmt.Fprintf(h, "%s:", name)
		for _, tok := range analyze(name, probeText) {
			fmt.Fprintf(h, "%s@%d-%d ", tok.Term, tok.Start, tok.End)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

func extractionFingerprint() string {
	h := sha256.New()
	// The seeds show only some rules' effects: the rules' own revision
	// covers the rest.
	fmt.Fprintf(h, "rules %d\n", extract.RulesRevision)
	texts := []string{probeText}
	fs.WalkDir(corpus.Seeds(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := fs.ReadFile(corpus.Seeds(), p); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	for _, t := range texts {
		a := Enrich(&corpus.Article{ID: "probe", Body: t})
		fmt.Fprintf(h, "%s %.3f %v %v %v\n", a.Lang, a.LangConf, a.Countries, a.Orgs, a.People)
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// newMapping builds the static mapping: no dynamic fields, no _all field,
// doc values only where kerko facets or sorts. An article in one of Langs is
// mapped by its language's document mapping (fieldType), which differs from
// the default only in the analyzer of the folded body: that language's stop
// words are not indexed there (see analyzers.FoldedIndexAnalyzerEn). Queries
// on the folded body must therefore name their analyzer: Bleve picks a
// field's analyzer for a query from any of the document mappings.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	var err error
	if m.DefaultMapping, err = docMapping(analyzers.FoldedIndexAnalyzer); err != nil {
		return nil, err
	}
	m.TypeField = fieldType
	for _, lang := range Langs {
		if m.TypeMapping[lang], err = docMapping(analyzers.FoldedIndexForLang(lang)); err != nil {
			return nil, err
		}
	}
	m.DefaultAnalyzer = analyzers.FoldedAnalyzer
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("validate mapping: %w", err)
	}
	return m, nil
}

// docMapping is the document mapping of an article whose folded body is
// indexed by bodyFolded.
func docMapping(bodyFolded string) (*mapping.DocumentMapping, error) {
	doc := bleve.NewDocumentStaticMapping()

	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	keywordFacet := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = true
		return f
	}
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		// Positions (term vectors) are what phrase queries need.
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}

	// The language fields carry no positions: phrases match in the folded
	// fields only. Bleve stores every position with its byte offsets,
	// uncompressed, so positions in both would cost a fifth of the index
	// (measured: 5,061 → 4,083 bytes per article on a corpus sample).
	stemmed := func(analyzer string) *mapping.FieldMapping {
		f := text(analyzer)
		f.IncludeTermVectors = false
		return f
	}
	for _, name := range []string{fieldRecord, fieldBody} {
		doc.AddFieldMappingsAt(name, stored())
	}
	for _, name := range []string{fieldLang, fieldCountry, fieldOrg, fieldPerson, fieldYear, fieldMonth, fieldSource} {
		f := keywordFacet()
		// Results show the language, countries and organizations from
		// fieldRecord (the same ids in the same order), and nothing shows
		// year or month: stored copies of those only cost bytes (each
		// stored value carries ~7 bytes of metadata).
		f.Store = false
		if name == fieldPerson {
			// Persons come as one joined string (bleveDoc).
			f.Analyzer = analyzers.ValueListAnalyzer
		}
		doc.AddFieldMappingsAt(name, f)
	}
	names := keywordFacet()
	names.Analyzer = analyzers.ValueListAnalyzer
	names.Store, names.DocValues = false, false
	doc.AddFieldMappingsAt(fieldPersonName, names)
	// One space-separated string of aboutLen terms rather than aboutLen
	// keyword values: the same postings and norms, but one field per
	// article for Bleve to map and analyze instead of 64.
	about := bleve.NewTextFieldMapping()
	about.Analyzer = analyzers.TermListAnalyzer
	about.Store, about.IncludeInAll, about.IncludeTermVectors, about.DocValues = false, false, false, false
	doc.AddFieldMappingsAt(fieldAbout, about)
	// A keyword, not a datetime: Bleve indexes a datetime as 16 terms at
	// decreasing precision, for range queries, but dates are filtered and
	// sorted from the facet table (filter.go, sort.go), which reads them
	// from doc values; the Bleve queries left for when it cannot are a
	// term range over at most a few thousand days. One term per article.
	date := keywordFacet()
	date.Store = false // results read it from fieldRecord
	doc.AddFieldMappingsAt(fieldDate, date)

	for _, lang := range Langs {
		a := analyzers.ForLang(lang)
		if a == "" {
			return nil, fmt.Errorf("no analyzer for language %q", lang)
		}
		doc.AddFieldMappingsAt(titleField(lang), stemmed(a))
		doc.AddFieldMappingsAt(bodyField(lang), stemmed(a))
	}
	// The folded fields keep positions for phrases but not byte offsets:
	// nothing reads offsets from the index (snippets re-analyze the stored
	// text), and zap spends two to three bytes on each (see
	// analyzers.PositionsOnlyFilter).
	doc.AddFieldMappingsAt(titleField(foldedSuffix), text(analyzers.FoldedIndexAnalyzer))
	doc.AddFieldMappingsAt(bodyField(foldedSuffix), text(bodyFolded))

	// Without this Bleve adds an empty composite "_all" field to every
	// document and still composes every analyzed field into it.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	return doc, nil
}
