package corpus

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDeriveTitle(t *testing.T) {
	tests := []struct {
		name, text, want string
		headline         bool
	}{
		// Abbreviations, initials and ordinals do not end a sentence.
		{"Turkish title", "Dr. Kayalar, yaptığı açıklamada, kronik yorgunluğun tatille geçmediğini söyledi. Uzmanlar uyarıyor.", "Dr. Kayalar, yaptığı açıklamada, kronik yorgunluğun tatille geçmediğini söyledi", false},
		{"stacked titles", "Doç. Dr. Hakan Çoksüer, hamilelere dikkatli olmalarını önerdi. Sonra ekledi.", "Doç. Dr. Hakan Çoksüer, hamilelere dikkatli olmalarını önerdi", false},
		{"Prof. and Opr.", "Opr. Dr. Kamil Furtun hastanede konuştu. Vali de katıldı.", "Opr. Dr. Kamil Furtun hastanede konuştu", false},
		{"Hz.", "Hz. Muhammed'in dış görünüşünü anlatan hat sergisi açıldı. Sergi bir ay sürecek.", "Hz. Muhammed'in dış görünüşünü anlatan hat sergisi açıldı", false},
		{"vb. mid-sentence", "Elma, armut vb. meyveler pahalandı. Fiyatlar arttı.", "Elma, armut vb. meyveler pahalandı", false},
		{"St.", "St. Petersburg forumunda anlaşma imzalandı. Heyetler döndü.", "St. Petersburg forumunda anlaşma imzalandı", false},
		{"Mr. and initials", "Mr. J. Smith said the bank would lend more. Others disagreed.", "Mr. J. Smith said the bank would lend more", false},
		{"Albanian Z. and etj.", "Z. Rama foli për rrugët, urat etj. në Tiranë. Pastaj iku.", "Z. Rama foli për rrugët, urat etj. në Tiranë", false},
		{"ordinal at the start", "9. Cumhurbaşkanı Süleyman Demirel için tören düzenlendi. Törende konuşuldu.", "9. Cumhurbaşkanı Süleyman Demirel için tören düzenlendi", false},
		{"ordinal mid-sentence", "PTT 1. Lig ekibi Karşıyaka transfer yaptı. Kulüp açıkladı.", "PTT 1. Lig ekibi Karşıyaka transfer yaptı", false},
		{"quoted ordinal", "\"5. yıl\" etkinliği başladı. Herkes davetli.", "\"5. yıl\" etkinliği başladı", false},
		{"U.S. and dates", "The U.S. economy grew on 10.11.2012 as expected. More followed.", "The U.S. economy grew on 10.11.2012 as expected", false},
		{"one-word sentence goes on", "Eyvah! Hem diyabetli hem hamileyim! Doktorlar uyarıyor.", "Eyvah! Hem diyabetli hem hamileyim!", false},
		{"closing quote after the period", "Erdoğan: \"Çok mutluyuz.\" Sonra salondan ayrıldı.", "Erdoğan: \"Çok mutluyuz.\"", false},

		// Datelines and bylines are stripped; the first sentence after them
		// is the title, whatever line breaks a scraper left inside it.
		{"dateline line", "RADİKAL -\nTürkiye\nİhracatçılar Meclisi ödül verdi. Tören yapıldı.", "Türkiye İhracatçılar Meclisi ödül verdi", false},
		{"dateline before the text", "RADİKAL -  Pepsi, aspartamı kullanmama kararı aldı. Satışlar düştü.", "Pepsi, aspartamı kullanmama kararı aldı", false},
		{"dateline attached", "RADİKAL-Merkez Bankası'ndan kritik açıklama geldi. Faiz sabit.", "Merkez Bankası'ndan kritik açıklama geldi", false},
		{"city on its line, dash on the next", "İSTANBUL\n-  Yatırımcılar Derneği Başkanı açıklama yaptı. Seçim bitti.", "Yatırımcılar Derneği Başkanı açıklama yaptı", false},
		{"bare city line", "İSTANBUL\nKonut satışlarında artış yavaşladı. Uzmanlar konuştu.", "Konut satışlarında artış yavaşladı", false},
		{"agency", "ANKARA (AA) - Bakan yeni paketi açıkladı. Detaylar yarın.", "Bakan yeni paketi açıkladı", false},
		{"agency before the text on one line", "ŞANLIURFA (AA) - Kulübün\nfutbol\nşube sorumlusu konuştu. Sonra gitti.", "Kulübün futbol şube sorumlusu konuştu", false},
		{"English dateline with a date", "WASHINGTON, March 3 - The Federal Reserve left rates unchanged. Markets rose.", "The Federal Reserve left rates unchanged", false},
		{"Reuters dateline", "LONDON, Feb 26 - The Bank of England provided 120 mln stg. Dealers said so.", "The Bank of England provided 120 mln stg", false},
		{"agency in English", "NEW YORK (Reuters) - Stocks fell on Monday. Bonds rose.", "Stocks fell on Monday", false},
		{"several cities", "MONCTON-MONTREAL-VANCOUVER - FIFA Kadınlar\nDünya\nKupası'nda üç takım elendi. Brezilya da elendi.", "FIFA Kadınlar Dünya Kupası'nda üç takım elendi", false},
		{"byline", "SALİHA ÇOLAK - HABERTÜRK\n9’uncu Cumhurbaşkanı için tören düzenlendi. Erdoğan konuştu.", "9’uncu Cumhurbaşkanı için tören düzenlendi", false},
		{"source line", "HT GAZETE\nAvustralya’da bir anne mahkemeyi kazandı. Karar bozuldu.", "Avustralya’da bir anne mahkemeyi kazandı", false},
		{"byline with a slash", "VOLKAN YANARDAĞ/HT GAZETE\nAK Parti’de seçim hesapları başladı. Görüşmeler sürüyor.", "AK Parti’de seçim hesapları başladı", false},
		{"paper and city", "HABERTÜRK-ANKARA\nBahçeli’nin toplantıda söyledikleri konuşuluyor. Parti sessiz.", "Bahçeli’nin toplantıda söyledikleri konuşuluyor", false},
		{"scraped link words", "ABD\n'deki Columbia Üniversitesi bilim adamları koku testi yaptı. Sonuçlar şaşırttı.", "ABD'deki Columbia Üniversitesi bilim adamları koku testi yaptı", false},

		// What is not a dateline stays.
		{"hyphenated word", "E-reçete yazmayan doktorun ilacını eczane vermeyecek\nYeni dönem başlıyor.", "E-reçete yazmayan doktorun ilacını eczane vermeyecek", true},
		{"acronym and dash", "AKP - CHP görüşmesi sona erdi\nİki parti açıklama yapmadı.", "AKP - CHP görüşmesi sona erdi", true},
		{"compound", "AR-GE TÜBİTAK’TAN yeni destek\nHükümet karar verdi.", "AR-GE TÜBİTAK’TAN yeni destek", true},
		{"capitals headline", "COCOA REVIEW\nShowers continued throughout the week.", "COCOA REVIEW", true},
		{"only a dateline", "İSTANBUL -", "İSTANBUL -", false},

		// Headlines.
		{"headline", "İş GYO İzmir’e temel attı\nŞirket yeni projesini tanıttı.", "İş GYO İzmir’e temel attı", true},
		{"headline before a quote", "'Futbolda şike' davasında şok itiraz\n'Futbolda şike' iddialarına ilişkin davada itiraz edildi.", "'Futbolda şike' davasında şok itiraz", true},
		{"headline before a brand", "iPhone'lara geri dönüyor\niOS 6 sürümüyle kaldırılan harita geri dönüyor.", "iPhone'lara geri dönüyor", true},
		{"acronym alone is no headline", "CHP\nGenel Başkan Yardımcısı Faik Öztrak konuştu. Dolar yükseldi.", "CHP Genel Başkan Yardımcısı Faik Öztrak konuştu", false},
		{"a line cut mid-sentence is no headline", "Transfer çalışmalarını sürdüren\nGalatasaray\n, sözleşmesi biten Sabri ile anlaştı. İmza atıldı.", "Transfer çalışmalarını sürdüren Galatasaray, sözleşmesi biten Sabri ile anlaştı", false},
		{"a line before a lower-case one is no headline", "Yaş\nbir sır olarak saklansa bile cilt bunu tutamaz. Kremler yardımcı olur.", "Yaş bir sır olarak saklansa bile cilt bunu tutamaz", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, headline, _ := deriveTitle(tt.text)
			if got != tt.want || headline != tt.headline {
				t.Errorf("deriveTitle(%q) = %q, headline %v; want %q, %v", tt.text, got, headline, tt.want, tt.headline)
			}
		})
	}
}

func TestClipTitle(t *testing.T) {
	long := strings.Repeat("Kazakistan ", 30)
	tests := []struct{ in, want string }{
		{"  Kısa başlık \n", "Kısa başlık"},
		{"Two\nlines\t and  tabs", "Two lines and  tabs"},
		{"Kept\u00a0as\u2028written", "Kept\u00a0as\u2028written"},
		{long, strings.TrimSpace(strings.Repeat("Kazakistan ", 18)) + "…"},
		{strings.Repeat("x", 500), strings.Repeat("x", MaxTitleRunes-1) + "…"},
	}
	for _, tt := range tests {
		got := ClipTitle(tt.in)
		if got != tt.want {
			t.Errorf("ClipTitle(%q) = %q; want %q", clip(tt.in, 30), got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > MaxTitleRunes {
			t.Errorf("ClipTitle(%q) has %d runes; want at most %d", clip(tt.in, 30), n, MaxTitleRunes)
		}
	}
}

// TestReader_TitlesBoundedInEveryFormat checks that a hostile title is
// clipped the same way from a JSON line as from a .txt file, and that the
// JSON one is reported as repaired.
func TestReader_TitlesBoundedInEveryFormat(t *testing.T) {
	huge := strings.Repeat("Kazakhstan ", 200_000) // 2.2 MB
	line, _ := json.Marshal(map[string]string{"id": "j", "title": huge, "body": "Body."})
	dir := writeFiles(t, map[string]string{
		"t.txt":      huge + "\nBody.",
		"f.jsonl":    string(line) + "\n",
		"body.jsonl": `{"id":"b","body":"` + strings.Repeat("Kazakhstan ", 100_000) + `"}` + "\n",
	})
	arts, probs := readAll(t, dir)
	if len(arts) != 3 {
		t.Fatalf("got %d articles; want 3 (problems %v)", len(arts), probs)
	}
	for _, a := range arts {
		if n := utf8.RuneCountInString(a.Title); n > MaxTitleRunes || !strings.HasPrefix(a.Title, "Kazakhstan Kazakhstan") || !strings.HasSuffix(a.Title, "…") {
			t.Errorf("%s: title of %d runes %q; want the start clipped to at most %d with an ellipsis", a.ID, n, clip(a.Title, 40), MaxTitleRunes)
		}
	}
	var clipped int
	for _, p := range probs {
		if strings.HasSuffix(p.File, "f.jsonl") && p.Action == Repaired && strings.Contains(p.Reason, "title clipped") {
			clipped++
		}
	}
	if clipped != 1 {
		t.Errorf("problems %v; want one 'title clipped' for f.jsonl", probs)
	}
}

// TestReader_JSONLBodyBound checks that a JSON body is bounded as a .txt
// file is: over MaxArticleBytes it is skipped with a report, and the lines
// around it are kept.
func TestReader_JSONLBodyBound(t *testing.T) {
	big := strings.Repeat("a", MaxArticleBytes+1)
	data := `{"id":"1","body":"ok"}` + "\n" + `{"id":"2","body":"` + big + `"}` + "\n" + `{"id":"3","body":"ok too"}` + "\n"
	dir := writeFiles(t, map[string]string{"f.jsonl": data})
	arts, probs := readAll(t, dir)
	if len(arts) != 2 || arts[0].ID != "1" || arts[1].ID != "3" {
		t.Errorf("articles %v; want 1 and 3", arts)
	}
	if len(probs) != 1 || probs[0].Line != 2 || probs[0].Action != Skipped || !strings.Contains(probs[0].Reason, "body too large") {
		t.Errorf("problems %v; want line 2 skipped as body too large", probs)
	}
}

// TestReader_BodiesClippedInEveryFormat checks that a body longer than
// MaxBodyBytes, from a .txt file or a JSON line, is clipped at a break
// with "…" and its article kept and reported as repaired, while a body
// within the bound is kept whole.
func TestReader_BodiesClippedInEveryFormat(t *testing.T) {
	para := strings.Repeat("Kazakhstan grain exports rose. ", 100) + "\n\n" // 3,102 bytes
	long := strings.Repeat(para, MaxBodyBytes/len(para)+100)                // ~1.3 MB
	fits := strings.Repeat(para, MaxBodyBytes/len(para)-1)
	line, _ := json.Marshal(map[string]string{"id": "j", "title": "Long", "body": long})
	dir := writeFiles(t, map[string]string{
		"t.txt":    "Long\n" + long,
		"f.jsonl":  string(line) + "\n",
		"fits.txt": "Fits\n" + fits,
	})
	arts, probs := readAll(t, dir)
	if len(arts) != 3 {
		t.Fatalf("got %d articles; want 3 (problems %v)", len(arts), probs)
	}
	for _, a := range arts {
		if a.ID == "fits" {
			if a.Body != strings.TrimSpace(fits) {
				t.Errorf("fits: body of %d bytes; want it whole (%d)", len(a.Body), len(strings.TrimSpace(fits)))
			}
			continue
		}
		if len(a.Body) > MaxBodyBytes || len(a.Body) < MaxBodyBytes-len(para) || !strings.HasSuffix(a.Body, "rose.…") || !utf8.ValidString(a.Body) {
			t.Errorf("%s: body of %d bytes ending %q; want at most %d, cut after a sentence with …", a.ID, len(a.Body), a.Body[max(0, len(a.Body)-20):], MaxBodyBytes)
		}
	}
	clipped := map[string]bool{}
	for _, p := range probs {
		if p.Action == Repaired && strings.Contains(p.Reason, "body clipped") {
			clipped[filepath.Base(strings.Split(p.File, ":")[0])] = true
		}
	}
	if !clipped["t.txt"] || !clipped["f.jsonl"] || len(clipped) != 2 {
		t.Errorf("body clipped reported for %v; want t.txt and f.jsonl", clipped)
	}
}
