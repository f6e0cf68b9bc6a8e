package index

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"kerko/internal/benchcorpus"
)

// TestBodyEncoder_RoundTrip checks that every body comes back as it went in,
// whether it was compressed with its language's dictionary, held back to
// make one, or without one (an undetermined language, an empty body).
func TestBodyEncoder_RoundTrip(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.New(t.TempDir()+"/b", m)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	var arts []*Article
	for i := 0; i < dictSample+20; i++ {
		arts = append(arts, &Article{ID: "sq" + strings.Repeat("x", i%7), Lang: "sq", Body: strings.Repeat("Marrëdhëniet mes Shqipërisë dhe Kosovës. ", i%13+1)})
	}
	arts = append(arts,
		&Article{ID: "tr", Lang: "tr", Body: "Türkiye'nin ekonomisi büyüdü."},
		&Article{ID: "und", Lang: Und, Body: "Lorem ipsum dolor sit amet."},
		&Article{ID: "empty", Lang: "en", Body: ""},
	)
	enc, err := newBodyEncoder(idx)
	if err != nil {
		t.Fatal(err)
	}
	var got []encoded
	for _, a := range arts {
		r, err := enc.add(a)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r...)
	}
	r, err := enc.flush()
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, r...)
	if err := enc.keep(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(arts) {
		t.Fatalf("encoded %d articles; want %d", len(got), len(arts))
	}
	for _, e := range got {
		body, err := decodeBody(e.body)
		if err != nil || body != e.a.Body {
			t.Errorf("decodeBody(encoded %q) = %q, %v; want %q", e.a.ID, body, err, e.a.Body)
		}
		if e.a.Body != "" && len(e.body) >= len(e.a.Body) && len(e.a.Body) > 200 {
			t.Errorf("body of %q stored in %d bytes, not less than its %d", e.a.ID, len(e.body), len(e.a.Body))
		}
	}
	// A reader that opens the index later finds the dictionaries in it.
	for _, lang := range []string{"sq", "tr"} {
		if d, err := readDict(idx, lang); err != nil || len(d) == 0 || string(d) != string(enc.made[lang]) {
			t.Errorf("dictionary of %s: %d bytes, %v; want one", lang, len(d), err)
		}
	}
}

// BenchmarkDecodeBody is the cost of decoding one stored body, which every
// hit on a results page pays before its snippet is marked.
func BenchmarkDecodeBody(b *testing.B) {
	docs := benchcorpus.Sample(b, 8)
	m, err := newMapping()
	if err != nil {
		b.Fatal(err)
	}
	idx, err := bleve.New(b.TempDir()+"/b", m)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	enc, err := newBodyEncoder(idx)
	if err != nil {
		b.Fatal(err)
	}
	var stored []string
	raw := 0
	for _, d := range docs {
		r, err := enc.add(Enrich(d))
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range r {
			stored = append(stored, e.body)
		}
	}
	r, err := enc.flush()
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range r {
		stored = append(stored, e.body)
	}
	for _, d := range docs {
		raw += len(d.Body)
	}
	b.SetBytes(int64(raw / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := decodeBody(stored[i%len(stored)]); err != nil {
			b.Fatal(err)
		}
	}
}
