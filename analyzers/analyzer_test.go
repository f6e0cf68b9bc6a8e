package analyzers

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/registry"

	"kerko/analyzers/internal/trstem"
)

// analyzeTerms runs a registered analyzer looked up through Bleve's registry,
// the way an index mapping gets it.
func analyzeTerms(t *testing.T, name, text string) []string {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		t.Fatalf("AnalyzerNamed(%q): %v", name, err)
	}
	var terms []string
	for _, tok := range a.Analyze([]byte(text)) {
		if !utf8.Valid(tok.Term) {
			t.Errorf("%s(%q): invalid UTF-8 term %q", name, text, tok.Term)
		}
		terms = append(terms, string(tok.Term))
	}
	return terms
}

type analyzerCase struct {
	in   string
	want []string
}

func runAnalyzerCases(t *testing.T, name string, cases []analyzerCase) {
	t.Helper()
	for _, c := range cases {
		got := analyzeTerms(t, name, c.in)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s(%q) = %q; want %q", name, c.in, got, c.want)
		}
	}
}

func TestAnalyzer_Turkish(t *testing.T) {
	runAnalyzerCases(t, TurkishAnalyzer, []analyzerCase{
		{"İstanbul'da", []string{"istanbul"}},
		{"İstanbul’da", []string{"istanbul"}},
		{"IŞIK", []string{"ışık"}},
		{"ve bu", nil}, // stop words
		{"Türkiye'nin", []string{stemTr("türkiye")}},
		{"ISPARTA", []string{stemTr("ısparta")}},
		{"İ\u0307", []string{stemTr("i\u0307")}}, // stays valid UTF-8
	})
	// Bare nouns and their inflected forms get one term.
	for _, g := range trstem.JoinSplits(func(w string) string { return strings.Join(analyzeTerms(t, TurkishAnalyzer, w), " ") }) {
		var got []string
		for _, w := range g {
			got = append(got, w+"→"+strings.Join(analyzeTerms(t, TurkishAnalyzer, w), " "))
		}
		t.Errorf("%s splits a group of trstem.JoinGroups: %s", TurkishAnalyzer, strings.Join(got, ", "))
	}
}

func TestAnalyzer_Folded(t *testing.T) {
	runAnalyzerCases(t, FoldedAnalyzer, []analyzerCase{
		{"marrëdhëniet", []string{"marredheniet"}},
		{"İSTANBUL", []string{"istanbul"}},
		{"İstanbul'da", []string{"istanbul"}},
		{"Erdoğan", []string{"erdogan"}},
		{"işbirliği", []string{"isbirligi"}},
		{"ÇÖÜŞĞIıâîû", []string{"cousgiiaiu"}},
		{"çështja e", []string{"ceshtja", "e"}},                // no stop words
		{"marre\u0308dhe\u0308niet", []string{"marredheniet"}}, // decomposed input
		{"s'ka", []string{"ka"}},
	})
}

func TestAnalyzer_Albanian(t *testing.T) {
	runAnalyzerCases(t, AlbanianAnalyzer, []analyzerCase{
		{"e të së i", nil},
		{"Turqia Turqisë Turqinë", []string{stemSq("turqia"), stemSq("turqia"), stemSq("turqia")}},
		{"İSTANBUL", []string{stemSq("istanbul")}},
	})
}

// TestAnalyzer_AlbanianDiacritics: Albanian is often written and searched
// without ë and ç; each group must get a single term.
func TestAnalyzer_AlbanianDiacritics(t *testing.T) {
	for _, group := range [][]string{
		{"marredhenie", "marrëdhëniet", "marrëdhënie", "marredheniet", "marrëdhënia", "marrëdhënieve"},
		{"ceshtja", "çështja", "çështjes", "çështje", "ceshtjet"},
		{"Shqiperise", "Shqipërisë", "Shqipëria", "Shqipëri"},
		{"Kosoves", "Kosovës", "Kosova", "Kosovë", "Kosovën"},
		{"Turqia", "Turqisë", "Turqinë", "Turqi", "Turqise"},
		{"nevojë", "nevoja", "nevojat", "nevojave", "nevoje"},
		// The ë of -ër/-ël falls out under inflection.
		{"qendër", "qendra", "qendrës", "qender", "qendrat"},
		{"ministër", "ministri", "ministrat", "ministrit", "minister"},
		// Bare masculine nouns in -et/-em/-in.
		{"qytet", "qyteti", "qytetin", "qytetet", "qyteteve"},
		{"sistem", "sistemi", "sistemin", "sistemet"},
		{"Berlin", "Berlini", "Berlinit"},
		{"president", "presidenti", "presidentë", "presidentët", "presidenteve"},
		{"Kanada", "Kanadaja", "Kanadasë", "Kanadase"},
		{"punoj", "punova", "punoi", "punon", "punuar", "puno", "punojmë", "punojme"},
		// Irregular verbs: suppletive stems from the exception table.
		{"jap", "jep", "japin", "dha", "dhanë", "dhashe", "dhënë", "jepet"},
		{"vij", "vjen", "erdhi", "erdhën", "ardhur", "vinte"},
		{"them", "thotë", "thonë", "tha", "thane", "thënë", "thuhet"},
		{"kundërthem", "kundërthotë", "kundërthanë"},
		{"bëj", "bën", "bëri", "bërë", "bëhet", "behet", "bënte"},
		{"marr", "merr", "mori", "morën", "marrë", "merret"},
		{"dal", "del", "doli", "dolën", "dalë"},
		{"heq", "hoqi", "hequr", "heqin"},
		{"tërheq", "tërhoqi", "terhequr", "tërhiqet"},
	} {
		want := analyzeTerms(t, AlbanianAnalyzer, group[0])
		if len(want) != 1 {
			t.Fatalf("%s(%q) = %q; want one term", AlbanianAnalyzer, group[0], want)
		}
		for _, w := range group[1:] {
			if got := analyzeTerms(t, AlbanianAnalyzer, w); !reflect.DeepEqual(got, want) {
				t.Errorf("%s(%q) = %q; want %q (as %q)", AlbanianAnalyzer, w, got, want, group[0])
			}
		}
	}
	// Words that look like irregular verb forms but belong to another
	// lemma keep their own term.
	for _, c := range []struct{ word, verb string }{
		{"kisha", "kam"}, {"lajme", "laj"}, {"parë", "shoh"}, {"ditën", "di"}, {"pika", "pi"},
	} {
		if got, verb := analyzeTerms(t, AlbanianAnalyzer, c.word), analyzeTerms(t, AlbanianAnalyzer, c.verb); reflect.DeepEqual(got, verb) {
			t.Errorf("%s(%q) = %q, the term of the verb %q", AlbanianAnalyzer, c.word, got, c.verb)
		}
	}
	// Folded stop words are still stop words, but content words that fold
	// to a stop word are not dropped.
	runAnalyzerCases(t, AlbanianAnalyzer, []analyzerCase{{"ne te se eshte per", nil}})
	for _, w := range []string{"palët", "herë", "lë"} {
		if got := analyzeTerms(t, AlbanianAnalyzer, w); len(got) != 1 {
			t.Errorf("%s(%q) = %q; want one term", AlbanianAnalyzer, w, got)
		}
	}
}

func TestAnalyzer_English(t *testing.T) {
	runAnalyzerCases(t, EnglishAnalyzer, []analyzerCase{
		{"The President's meetings", []string{"presid", "meet"}},
		{"IRAN", []string{"iran"}},
		{"running runs", []string{"run", "run"}},
	})
}

func TestAnalyze_Offsets(t *testing.T) {
	text := "Në Tiranë e\u0308 marre\u0308dhëniet İstanbul'da"
	toks, err := Analyze(FoldedAnalyzer, text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Token{
		{"ne", 0, 3, 1},
		{"tirane", 4, 11, 2},
		{"e", 12, 15, 3},
		{"marredheniet", 16, 31, 4},
		{"istanbul", 32, 44, 5},
	}
	if !reflect.DeepEqual(toks, want) {
		t.Errorf("Analyze(%q) = %+v; want %+v", text, toks, want)
	}
	for _, tok := range toks {
		t.Logf("%q -> %q", text[tok.Start:tok.End], tok.Term)
	}
}

// TestAnalyze_Normalization: compatibility characters and invisible ones
// make the same terms as the plain text, in every analyzer, with offsets
// still on the characters as written (so highlights mark them).
func TestAnalyze_Normalization(t *testing.T) {
	const plain = "Kazakhstan finance office Türkiye'nin"
	for _, text := range []string{
		"ＫＡＺＡＫＨＳＴＡＮ ﬁnance ofﬁce Ｔüｒｋｉｙｅ＇ｎｉｎ",                                 // fullwidth, ligatures
		"Kazakh\u200bstan fi\u00adnance of\u200dfice Türki\ufeffye'nin",       // zero-width space, soft hyphen, ZWJ, BOM
		"Kazakh\u2060stan\u200b fi\u200cnance office\u200b Türkiye\u200e'nin", // word joiner, ZWNJ, LRM
	} {
		for _, name := range []string{AlbanianAnalyzer, TurkishAnalyzer, EnglishAnalyzer, FoldedAnalyzer} {
			want := analyzeTerms(t, name, plain)
			if got := analyzeTerms(t, name, text); !reflect.DeepEqual(got, want) {
				t.Errorf("%s(%q) = %q; want %q, as for %q", name, text, got, want, plain)
			}
		}
		toks, err := Analyze(FoldedAnalyzer, text)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range toks {
			if Fold(text[tok.Start:tok.End]) == "" || !strings.HasPrefix(Fold(Written(text, tok)), tok.Term) {
				t.Errorf("%q: token %q at %d-%d covers %q, written %q", text, tok.Term, tok.Start, tok.End, text[tok.Start:tok.End], Written(text, tok))
			}
		}
	}
	// Zero-width spaces cost no offsets: each token covers its word with
	// what is inside it.
	text := "a Kazakh\u200bstan b"
	toks, _ := Analyze(FoldedAnalyzer, text)
	if len(toks) != 3 || text[toks[1].Start:toks[1].End] != "Kazakh\u200bstan" {
		t.Errorf("Analyze(%q) = %+v; want the middle token over Kazakh\\u200bstan", text, toks)
	}
}

func TestWritten(t *testing.T) {
	text := "Kazakistan'ın t'i Bişkek’e e\u0308 verës.Barcelona 'Tirana' İSTANBUL"
	toks, err := Analyze(FoldedAnalyzer, text)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ term, written string }{
		{"kazakistan", "Kazakistan"}, // Turkish case ending after the apostrophe
		{"i", "i"},                   // Albanian elided clitic before it
		{"biskek", "Bişkek"},
		{"e", "ë"}, // combining diaeresis composed
		{"veres", "verës"},
		{"barcelona", "Barcelona"},
		{"tirana", "Tirana"}, // quotes are not part of the word
		{"istanbul", "İSTANBUL"},
	}
	if len(toks) != len(want) {
		t.Fatalf("Analyze(%q) = %+v; want %d tokens", text, toks, len(want))
	}
	for i, tok := range toks {
		got := Written(text, tok)
		if tok.Term != want[i].term || got != want[i].written {
			t.Errorf("Written(%q, %q) = %q; want %q of term %q", text, tok.Term, got, want[i].written, want[i].term)
		}
		if Fold(got) != tok.Term {
			t.Errorf("Fold(Written(%q)) = %q; want the term %q", got, Fold(got), tok.Term)
		}
	}
}

func TestFoldedIndexAnalyzer_SameTermsNoOffsets(t *testing.T) {
	text := "Në Tiranë e\u0308 marre\u0308dhëniet İstanbul'da, the President's verës.Barcelona ÇÖZÜM"
	folded, err := Analyze(FoldedAnalyzer, text)
	if err != nil {
		t.Fatal(err)
	}
	indexed, err := Analyze(FoldedIndexAnalyzer, text)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]Token, len(folded))
	for i, tok := range folded {
		want[i] = Token{Term: tok.Term, Position: tok.Position}
	}
	if !reflect.DeepEqual(indexed, want) {
		t.Errorf("Analyze(FoldedIndexAnalyzer, %q) = %+v; want %+v", text, indexed, want)
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Erdoğan", "erdogan"},
		{"İSTANBUL", "istanbul"},
		{"IŞIK", "isik"},
		{"Çështja", "ceshtja"},
		{"marre\u0308dhe\u0308nie", "marredhenie"},
		{"abc", "abc"},
		{"ＫＡＺＡＫ", "kazak"},
		{"ﬁn", "fin"},
		{"kaz\u200bak\u00ad", "kazak"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestFoldBytes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"marrëdhënie", "marredhenie"},
		{"çështja", "ceshtja"},
		{"\xffë\xfe", "\xffe\xfe"}, // invalid bytes kept, not widened to U+FFFD
		{"i\u0307stanbul", "istanbul"},
		{"абв", "абв"},
	} {
		if got := string(foldBytes([]byte(c.in))); got != c.want {
			t.Errorf("foldBytes(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestForLang(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"sq", AlbanianAnalyzer}, {"tr", TurkishAnalyzer}, {"en", EnglishAnalyzer}, {"de", ""}, {"", ""},
	} {
		if got := ForLang(c.in); got != c.want {
			t.Errorf("ForLang(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"tr", "İstanbul'da", "istanbul"},
		{"tr", "ve", "ve"}, // stop word: the word itself
		{"folded", "Erdoğan'ın", "erdogan"},
		{"en", "The", "The"},
		{"en", "meetings", "meet"},
		{"sq", "...", "..."},
	} {
		got, err := Stem(c.lang, c.in)
		if err != nil {
			t.Fatalf("Stem(%q, %q): %v", c.lang, c.in, err)
		}
		if got != c.want {
			t.Errorf("Stem(%q, %q) = %q; want %q", c.lang, c.in, got, c.want)
		}
	}
	if _, err := Stem("de", "Haus"); err == nil {
		t.Errorf("Stem(%q, %q): want error", "de", "Haus")
	}
}
