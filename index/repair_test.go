package index

import (
	"testing"
	"testing/fstest"
)

// TestSearch_RepairedC1Text builds a real index from articles whose
// apostrophes and quotes are Windows-1252 bytes read as C1 controls
// (U+0092, U+0093, U+0094), as 740 of the Turkish bench articles are, in
// both input formats. Repaired at read time, their Turkish case endings are
// cut as apostrophe endings: the article is found whether the reader
// types the ending glued, with an apostrophe, or the name alone.
func TestSearch_RepairedC1Text(t *testing.T) {
	fsys := fstest.MapFS{
		"picasso.txt": {Data: []byte("Picasso sergisi açıldı\n\nPicasso\u0092nun 1940\u0092larda yaptığı resimler İstanbul\u0092da sergileniyor. Sergi \u0093Modern\u0094 adını taşıyor.\n")},
		"other.txt":   {Data: []byte("Başka bir haber\n\nAnkara'da bugün toplantı yapıldı ve kararlar alındı.\n")},
		"feed.jsonl": {Data: []byte(`{"id":"j","lang":"tr","title":"Kazakistan\u0092ın ekonomisi","body":"Kazakistan\u0092ın 2015\u0092te büyümesi \u0085 yavaşladı."}` + "\n" +
			`{"id":"k","lang":"tr","title":"Düz metin","body":"Hiç onarım gerekmeyen bir metin."}` + "\n")},
	}
	dir := t.TempDir()
	st := buildFS(t, dir, fsys, BuildOptions{})
	// picasso.txt: ’ ’ ’ “ ”; feed.jsonl line 1: ’ in the title, ’ ’ … in the body.
	if st.TextRepairedArticles != 2 || st.TextRepairedChars != 5+4 {
		t.Errorf("repaired %d articles, %d characters; want 2 and 9", st.TextRepairedArticles, st.TextRepairedChars)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ query, id string }{
		{"1940larda", "picasso"},
		{"1940'larda", "picasso"},
		{"1940’larda", "picasso"},
		{"Picasso'nun", "picasso"},
		{"Picasso’nun", "picasso"},
		{"İstanbul'da", "picasso"},
		{`"Picasso'nun 1940'larda"`, "picasso"},
		{"Kazakistan'ın", "j"},
		{"2015te", "j"},
	} {
		res := search(t, ix, Request{Query: tt.query, Size: 10})
		if !contains(hitIDs(res), tt.id) {
			t.Errorf("search %q: %v; want it to find %q", tt.query, hitIDs(res), tt.id)
		}
	}
	a, err := ix.Article(t.Context(), "picasso")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Picasso’nun 1940’larda yaptığı resimler İstanbul’da sergileniyor. Sergi “Modern” adını taşıyor."; a.Body != want {
		t.Errorf("body %q; want %q", a.Body, want)
	}
}
