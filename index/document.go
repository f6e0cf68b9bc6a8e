package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kerko/analyzers"
	"kerko/corpus"
	"kerko/extract"
	"kerko/internal/utf8cut"
)

// Article is an article as kerko stores it: the corpus article plus the facets
// extracted from it.
type Article struct {
	ID       string
	Title    string
	Body     string
	Lang     string    // "sq", "tr", "en" or Und
	LangConf float64   // detection confidence; 1 when the input gave the language
	Date     time.Time // zero when undated
	Source   string
	URL      string
	// Countries are ISO 3166-1 alpha-2 codes with how often each is named,
	// most named first.
	Countries []extract.Mention
	Orgs      []extract.Mention
	// People are the persons the article names, most named first, each
	// with the fullest name the article writes.
	People []extract.PersonMention
	// Hash is the content hash an incremental build compares (Enrich sets
	// it). A generation keeps it in its id list, not in the index, so it is
	// empty in articles read back from an index.
	Hash string
}

// CountryCodes returns the article's country codes, most named first.
func (a *Article) CountryCodes() []string { return ids(a.Countries) }

// OrgIDs returns the article's organization ids, most named first.
func (a *Article) OrgIDs() []string { return ids(a.Orgs) }

func ids(ms []extract.Mention) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

// Enrich detects the language when the input did not give it and extracts
// the entity facets. It is the whole per-article analysis kerko does outside
// Bleve.
func Enrich(a *corpus.Article) *Article {
	out := &Article{
		ID: a.ID, Title: a.Title, Body: a.Body, Date: a.Date,
		Source: a.Source, URL: a.URL, Lang: a.Lang, LangConf: 1,
		Hash: contentHash(a),
	}
	text := a.Title + "\n" + a.Body
	if out.Lang == "" {
		out.Lang, out.LangConf = extract.DetectLanguage(text)
	}
	if !isLang(out.Lang) {
		out.Lang = Und
	}
	out.Countries, out.Orgs = extract.Mentions(text, out.Lang)
	out.People = extractPeople(text, out.Lang)
	return out
}

// extractPeople is extract.People; BenchmarkBuild's -build.persons=off
// replaces it to measure a build without persons.
var extractPeople = extract.People

// docHook, when set (by BenchmarkBuild's -build.persons), edits every
// document before Bleve indexes it, to measure what each field costs.
var docHook func(*Article, map[string]any)

// contentHash identifies an article's content, so an incremental build can
// tell changed articles from unchanged ones. It covers everything that is
// indexed; the mapping version is checked separately.
func contentHash(a *corpus.Article) string {
	h := sha256.New()
	for _, s := range []string{a.ID, a.Title, a.Body, a.Lang, a.Source, a.URL, a.Date.Format(time.DateOnly)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func isLang(l string) bool {
	for _, x := range Langs {
		if l == x {
			return true
		}
	}
	return false
}

// MaxPhraseBody bounds the bytes of a body indexed with positions (the
// folded body, where phrases match). Bleve matches a phrase in a document
// by comparing every position of one word with every position of the next
// (searcher.findPhrasePaths), so one article of megabytes made of common
// words took seconds of every phrase search that found it, past the
// deadline. No article of the bench corpus is half as long (the longest is
// 38 KB); a longer body is still found by its words everywhere, and by a
// phrase within its first 64 KiB.
const MaxPhraseBody = 64 << 10

// bleveDoc is the document Bleve indexes for a, with its body stored as
// storedBody (see bodycodec.go).
func (a *Article) bleveDoc(storedBody string) map[string]any {
	d := map[string]any{
		fieldRecord:              a.record(),
		fieldBody:                storedBody,
		fieldLang:                a.Lang,
		titleField(foldedSuffix): a.Title,
		bodyField(foldedSuffix):  utf8cut.Prefix(a.Body, MaxPhraseBody),
		fieldCountry:             a.CountryCodes(),
		fieldAbout:               strings.Join(aboutTerms(a.Countries, a.Orgs, a.People), " "),
		fieldOrg:                 a.OrgIDs(),
	}
	if len(a.People) > 0 {
		// One string each, not one value per person: see
		// analyzers.ValueListAnalyzer.
		d[fieldPerson], d[fieldPersonName] = personValues(a.People)
	}
	if a.Source != "" {
		d[fieldSource] = a.Source
	}
	if !a.Date.IsZero() {
		d[fieldDate] = a.Date.Format(dayLayout)
		d[fieldYear] = strconv.Itoa(a.Date.Year())
		d[fieldMonth] = a.Date.Format(monthLayout)
	} else {
		// An explicit value, not a missing field: Bleve has no "field is
		// missing" query, and the undated filter needs one.
		d[fieldMonth] = undatedMonth
	}
	if isLang(a.Lang) {
		d[fieldType] = a.Lang
		d[titleField(a.Lang)] = a.Title
		d[bodyField(a.Lang)] = a.Body
	}
	if docHook != nil {
		docHook(a, d)
	}
	return d
}

// maxAboutRepeats caps the weight of one entity: past a few mentions an
// article is about it, and more only says the article is long.
const maxAboutRepeats = 8

// aboutLen is the fixed number of terms in fieldAbout. Bleve's scoring
// divides term frequency by the square root of the field's length, which
// would cancel the repeats exactly; padding every article's field to the
// same length keeps the norm equal, so the score grows with mentions.
const aboutLen = 64

// aboutPad fills fieldAbout up to aboutLen; it is never a filter value.
const aboutPad = "_"

// aboutTerms lists each entity id once per mention (capped), padded to
// aboutLen terms. Every entity is listed at least once, whatever the length,
// since filters match on this field.
func aboutTerms(countries, orgs []extract.Mention, people []extract.PersonMention) []string {
	type entity struct {
		term  string
		count int
	}
	var ents []entity
	for _, m := range countries {
		ents = append(ents, entity{aboutTerm(AboutCountry, m.ID), min(m.Count, maxAboutRepeats)})
	}
	for _, m := range orgs {
		ents = append(ents, entity{aboutTerm(AboutOrg, m.ID), min(m.Count, maxAboutRepeats)})
	}
	for _, p := range people {
		ents = append(ents, entity{aboutTerm(AboutPerson, p.ID), min(p.Mentions, maxAboutRepeats)})
	}
	out := make([]string, 0, max(aboutLen, len(ents)))
	for _, e := range ents {
		out = append(out, e.term)
	}
	for repeat := 1; repeat < maxAboutRepeats; repeat++ {
		for _, e := range ents {
			if e.count > repeat && len(out) < aboutLen {
				out = append(out, e.term)
			}
		}
	}
	for len(out) < aboutLen {
		out = append(out, aboutPad)
	}
	return out
}

// aboutTerm prefixes an id with its kind: the African Union's "AU" is not
// Australia's.
func aboutTerm(kind, id string) string { return kind + ":" + id }

// encodeMentions stores mention counts as "c:KZ=5 c:TR=2 o:NATO=1".
func encodeMentions(countries, orgs []extract.Mention) string {
	var b strings.Builder
	for _, m := range countries {
		fmt.Fprintf(&b, "c:%s=%d ", m.ID, m.Count)
	}
	for _, m := range orgs {
		fmt.Fprintf(&b, "o:%s=%d ", m.ID, m.Count)
	}
	return strings.TrimSpace(b.String())
}

func decodeMentions(s string) (countries, orgs []extract.Mention) {
	for _, f := range strings.Fields(s) {
		kind, rest, ok := strings.Cut(f, ":")
		if !ok {
			continue
		}
		id, n, ok := strings.Cut(rest, "=")
		if !ok {
			continue
		}
		count, err := strconv.Atoi(n)
		if err != nil {
			continue
		}
		m := extract.Mention{ID: id, Count: count}
		if kind == "c" {
			countries = append(countries, m)
		} else {
			orgs = append(orgs, m)
		}
	}
	return countries, orgs
}

// personValues are the values of fieldPerson and fieldPersonName, each one
// string of terms joined by analyzers.ValueSep: each person's id, and each
// person's id and the name the article writes (personNameTerm), so that
// the name field's dictionary counts the articles that write each name of
// each person (PersonNameTerm).
func personValues(people []extract.PersonMention) (ids, names string) {
	var i, n strings.Builder
	for k, p := range people {
		if k > 0 {
			i.WriteString(analyzers.ValueSep)
			n.WriteString(analyzers.ValueSep)
		}
		i.WriteString(p.ID)
		n.WriteString(p.ID)
		n.WriteString(personNameSep)
		n.WriteString(cleanName(p.Name))
	}
	return i.String(), n.String()
}

// personNameSep separates a person's id from a name in fieldPersonName; it
// is in no id and no name.
const personNameSep = "\x1f"

func personNameTerm(id, name string) string { return id + personNameSep + cleanName(name) }

// cleanName keeps a name to one line of printable text: it is stored in
// records whose separators are tabs and newlines.
func cleanName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, name)
}

// encodePeople stores persons as one "id\tmentions\tname" line each.
func encodePeople(people []extract.PersonMention) string {
	var b []byte // appended, not Fprintf'd: this runs for every article
	for _, p := range people {
		b = append(b, p.ID...)
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(p.Mentions), 10)
		b = append(b, '\t')
		b = append(b, cleanName(p.Name)...)
		b = append(b, '\n')
	}
	return string(b)
}

func decodePeople(s string) ([]extract.PersonMention, error) {
	var out []extract.PersonMention
	for line := range strings.Lines(s) {
		id, rest, ok1 := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		n, name, ok2 := strings.Cut(rest, "\t")
		count, err := strconv.Atoi(n)
		if !ok1 || !ok2 || err != nil || id == "" {
			return nil, errRecord
		}
		out = append(out, extract.PersonMention{ID: id, Name: name, Mentions: count})
	}
	return out, nil
}
