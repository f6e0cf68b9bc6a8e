package index

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
	zapx "github.com/blevesearch/zapx/v17"

	"kerko/corpus"
	"kerko/extract"
	"kerko/internal/benchcorpus"
)

// benchQueries are the peer comparison's queries (queries-real.txt), so a
// benchmark's figures line up with the comparison table.
var benchQueries = []string{
	"oil", "trade", "ekonomi", "qeveria", "chernobyl", "fındık", "tërmeti",
	"oil prices", "kurti osmani", `"central bank"`, `"merkez bankası"`,
	"Türkiye'nin", "ekonomisi", "qeverise", "Kosova", "Turkey",
}

// readArticles feeds a build from memory, so benchmarks time indexing and
// not the disk.
func readArticles(docs []*corpus.Article) ReadFunc {
	return func(ctx context.Context, r *corpus.Reader) error {
		for _, d := range docs {
			c := *d
			if err := r.Emit(&c); err != nil {
				return err
			}
		}
		return nil
	}
}

// BenchmarkBuild times a whole build (enrichment, analysis, Bleve batches,
// persisting, the final merge) of a sample of the shared corpus: every 8th
// article, about 4,600, all languages in proportion. -build.step=1 builds
// the whole corpus, e.g. for a CPU profile of the real thing.
func BenchmarkBuild(b *testing.B) {
	docs := benchcorpus.Sample(b, *buildStep)
	setPersons(b, *buildPersons)
	size := 0
	for _, d := range docs {
		size += len(d.Title) + len(d.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	warmExtraction()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		st, err := Build(context.Background(), dir, readArticles(docs), BuildOptions{Full: true})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.IndexBytes)/float64(len(docs)), "index-B/doc")
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	// The process's CPU time holds on a loaded machine, where wall time
	// does not: the figure to compare two builds by there.
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(len(docs)*b.N), "cpu-ns/doc")
}

// warmExtraction builds extraction's tables, which are built on first use,
// so that a benchmark of one pass does not count them.
func warmExtraction() {
	Enrich(&corpus.Article{ID: "warm", Title: "Kazakistan", Body: "Cumhurbaşkanı Recep Tayyip Erdoğan Astana'da."})
	MappingVersion()
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEnrich times language detection and entity extraction, the work
// a build does per article before Bleve sees it.
func BenchmarkEnrich(b *testing.B) {
	docs := benchcorpus.Sample(b, 8)
	size := 0
	for _, d := range docs {
		size += len(d.Title) + len(d.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	warmExtraction()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Enrich(d)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(len(docs)*b.N), "cpu-ns/doc")
}

// BenchmarkBatch times one Bleve batch of 500 enriched articles into an
// index that already holds a few batches: analysis plus segment building.
func BenchmarkBatch(b *testing.B) {
	const batchSize = 500
	m, ready := benchDocs(b, 8)
	idx, err := bleve.New(filepath.Join(b.TempDir(), "b"), m)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		batch := idx.NewBatch()
		for j := 0; j < batchSize; j++ {
			e := ready[(i*batchSize+j)%len(ready)]
			if err := batch.Index(fmt.Sprintf("%s-%d", e.a.ID, i), e.a.bleveDoc(e.body)); err != nil {
				b.Fatal(err)
			}
		}
		if err := idx.Batch(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(batchSize*b.N), "cpu-ns/doc")
}

// BenchmarkSegment times what Bleve does with the sample's batches before
// it writes or merges anything: mapping, analysis, and building each
// batch's in-memory segment (zapx), on one goroutine with nothing in the
// background. Its allocations are the same from run to run and its CPU
// time holds better on a busy machine than BenchmarkBuild's, so it is the
// figure to compare two document forms by (e.g. -build.persons).
func BenchmarkSegment(b *testing.B) {
	m, ready := benchDocs(b, *buildStep)
	const batchSize = 500 // BuildOptions.BatchSize's default
	var zap zapx.ZapPlugin
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for start := 0; start < len(ready); start += batchSize {
			var batch []bindex.Document
			for _, e := range ready[start:min(start+batchSize, len(ready))] {
				doc := document.NewDocument(e.a.ID)
				if err := m.MapDocument(doc, e.a.bleveDoc(e.body)); err != nil {
					b.Fatal(err)
				}
				doc.AddIDField()
				analyzeDoc(doc) // as scorch does before building a segment
				batch = append(batch, doc)
			}
			seg, _, err := zap.New(batch)
			if err != nil {
				b.Fatal(err)
			}
			seg.Close()
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(len(ready)*b.N), "cpu-ns/doc")
}

// benchDocs enriches every step-th article of the shared corpus, with
// persons as -build.persons says, and compresses their bodies as a build
// does, outside the timing; m is a fresh mapping to index them with.
func benchDocs(b *testing.B, step int) (m *mapping.IndexMappingImpl, ready []encoded) {
	b.Helper()
	docs := benchcorpus.Sample(b, step)
	setPersons(b, *buildPersons)
	enriched := make([]*Article, len(docs))
	for i, d := range docs {
		enriched[i] = Enrich(d)
	}
	m, err := newMapping()
	if err != nil {
		b.Fatal(err)
	}
	_, ready = encodeAll(b, enriched)
	return m, ready
}

// analyzeDoc analyzes d's indexed fields, as scorch's Batch does.
func analyzeDoc(d *document.Document) {
	d.VisitFields(func(f bindex.Field) {
		if !f.Options().IsIndexed() {
			return
		}
		f.Analyze()
		if d.HasComposite() && f.Name() != "_id" {
			d.VisitComposite(func(cf bindex.CompositeField) {
				cf.Compose(f.Name(), f.AnalyzedLength(), f.AnalyzedTokenFrequencies())
			})
		}
	})
}

var buildPersons = flag.String("build.persons", "on", "BenchmarkBuild's persons: on, off (not extracted), or the comma-separated person parts extracted but not indexed: "+
	"person, person_name, about, rec, all")

// setPersons sets the build's persons as -build.persons says, until b ends.
func setPersons(b *testing.B, v string) {
	switch v {
	case "on":
		return
	case "off":
		extractPeople = func(string, string) []extract.PersonMention { return nil }
		b.Cleanup(func() { extractPeople = extract.People })
		return
	}
	drop := map[string]bool{}
	for _, f := range strings.Split(v, ",") {
		switch f {
		case "all":
			for _, g := range []string{fieldPerson, fieldPersonName, fieldAbout, fieldRecord} {
				drop[g] = true
			}
		case fieldPerson, fieldPersonName, fieldAbout, fieldRecord:
			drop[f] = true
		default:
			b.Fatalf("-build.persons: unknown part %q", f)
		}
	}
	docHook = func(a *Article, d map[string]any) {
		if drop[fieldPerson] {
			delete(d, fieldPerson)
		}
		if drop[fieldPersonName] {
			delete(d, fieldPersonName)
		}
		if drop[fieldAbout] {
			d[fieldAbout] = strings.Join(aboutTerms(a.Countries, a.Orgs, nil), " ")
		}
		if drop[fieldRecord] {
			c := *a
			c.People = nil
			d[fieldRecord] = c.record()
		}
	}
	b.Cleanup(func() { docHook = nil })
}

var buildStep = flag.Int("build.step", 8, "BenchmarkBuild indexes every n-th article of the shared corpus")
