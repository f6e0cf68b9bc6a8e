package index

import (
	"strings"
	"testing"

	"kerko/internal/benchcorpus"
)

// TestBodyEncoder_RoundTrip checks that every body comes back as it went in,
// whether it was compressed with its language's dictionary, held back to
// make one, or without one (an undetermined language, an empty body).
func TestBodyEncoder_RoundTrip(t *testing.T) {
	var arts []*Article
	for i := 0; i < dictSample+20; i++ {
		arts = append(arts, &Article{ID: "sq" + strings.Repeat("x", i%7), Lang: "sq", Body: strings.Repeat("Marrëdhëniet mes Shqipërisë dhe Kosovës. ", i%13+1)})
	}
	arts = append(arts,
		&Article{ID: "tr", Lang: "tr", Body: "Türkiye'nin ekonomisi büyüdü."},
		&Article{ID: "und", Lang: Und, Body: "Lorem ipsum dolor sit amet."},
		&Article{ID: "empty", Lang: "en", Body: ""},
	)
	enc, got := encodeAll(t, arts)
	if len(got) != len(arts) {
		t.Fatalf("encoded %d articles; want %d", len(got), len(arts))
	}
	dec, err := newBodyDecoder(enc.dicts)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range got {
		body, err := dec.decode(e.body)
		if err != nil || body != e.a.Body {
			t.Errorf("decode(encoded %q) = %q, %v; want %q", e.a.ID, body, err, e.a.Body)
		}
		if e.a.Body != "" && len(e.body) >= len(e.a.Body) && len(e.a.Body) > 200 {
			t.Errorf("body of %q stored in %d bytes, not less than its %d", e.a.ID, len(e.body), len(e.a.Body))
		}
	}
	// A reader that opens the generation later finds the dictionaries.
	dir := t.TempDir()
	if err := writeDicts(dir, enc.dicts); err != nil {
		t.Fatal(err)
	}
	dicts, err := readDicts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(dicts) != 2 {
		t.Errorf("readDicts = %d dictionaries; want 2 (sq, tr)", len(dicts))
	}
	for _, lang := range []string{"sq", "tr"} {
		if d := dicts[lang]; len(d) == 0 || string(d) != string(enc.dicts[lang]) {
			t.Errorf("dictionary of %s: %d bytes read back; want the %d written", lang, len(d), len(enc.dicts[lang]))
		}
	}
	if d, err := readDicts(t.TempDir()); err != nil || d != nil {
		t.Errorf("readDicts(no file) = %v, %v; want none", d, err)
	}
}

// BenchmarkDecodeBody is the cost of decoding one stored body, which every
// hit on a results page pays before its snippet is marked.
func BenchmarkDecodeBody(b *testing.B) {
	docs := benchcorpus.Sample(b, 8)
	enc, err := newBodyEncoder(nil)
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
	dec, err := newBodyDecoder(enc.dicts)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(raw / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := dec.decode(stored[i%len(stored)]); err != nil {
			b.Fatal(err)
		}
	}
}

// encodeAll compresses the bodies of arts as a build does, with fresh
// dictionaries, and returns the encoder with them.
func encodeAll(tb testing.TB, arts []*Article) (*bodyEncoder, []encoded) {
	tb.Helper()
	enc, err := newBodyEncoder(nil)
	if err != nil {
		tb.Fatal(err)
	}
	var out []encoded
	for _, a := range arts {
		r, err := enc.add(a)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, r...)
	}
	r, err := enc.flush()
	if err != nil {
		tb.Fatal(err)
	}
	return enc, append(out, r...)
}
