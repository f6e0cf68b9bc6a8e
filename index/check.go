package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"kerko/internal/blevex"
)

// CheckLine is one verdict of Check: on a file of the generation, or on one
// of Bleve's consistency checks.
type CheckLine struct {
	Subject string // a file, relative to the generation ("bleve/store/…zap"), or a check ("documents")
	OK      bool
	Detail  string
}

// Check verifies generation gen of the index in dir (the published one
// when gen is ""), without changing anything: the completion marker; every
// file against the size and CRC-32C its manifest recorded at publish time,
// and no file beside them; then, if every size is right, Bleve's own
// consistency: the generation opens read-only on the newest snapshot of its
// root.bolt (not an older one Bleve falls back to), its document count is the
// marker's, every stored document's record and body decode and its ids
// are those of the id list, and every field's term dictionary and doc
// values can be walked. report hears of each verdict as it is made. Check
// returns the number of problems found, and an error only when the check
// could not run at all (no such generation).
func Check(ctx context.Context, dir, gen string, report func(CheckLine)) (int, error) {
	if gen == "" {
		name, err := readPointer(dir)
		if err != nil {
			st := ReadState(dir)
			return 0, fmt.Errorf("%w\n  to check another generation: kerko index --check --index %s --generation gen-NNNNNN", st.Err(), shellQuote(dir))
		}
		gen = name
	}
	if _, ok := genNumber(gen); !ok {
		return 0, fmt.Errorf("%q is not a generation name such as gen-000001", gen)
	}
	genDir := filepath.Join(dir, gen)
	if info, err := os.Stat(genDir); err != nil || !info.IsDir() {
		gens, _ := generations(dir)
		names := make([]string, len(gens))
		for i, n := range gens {
			names[i] = genName(n)
		}
		return 0, fmt.Errorf("no generation %s in %s (generations here: %v)", gen, dir, names)
	}
	c := checker{ctx: ctx, genDir: genDir, report: report}
	return c.run()
}

type checker struct {
	ctx      context.Context
	genDir   string
	report   func(CheckLine)
	problems int
	dec      *bodyDecoder // the generation's, once its dictionaries are read
}

func (c *checker) ok(subject, format string, args ...any) {
	c.report(CheckLine{Subject: subject, OK: true, Detail: fmt.Sprintf(format, args...)})
}

func (c *checker) bad(subject, format string, args ...any) {
	c.problems++
	c.report(CheckLine{Subject: subject, Detail: fmt.Sprintf(format, args...)})
}

func (c *checker) run() (int, error) {
	m, err := readMeta(c.genDir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		c.bad(metaFile, "missing: the generation was never completed, or its marker was removed")
		m = nil
	case err != nil:
		c.bad(metaFile, "damaged: %v", err)
		m = nil
	default:
		c.ok(metaFile, "generation %d, %d articles, built %s", m.Generation, m.Articles, m.Built.UTC().Format("2006-01-02 15:04:05 UTC"))
		if m.Version != MappingVersion() {
			c.bad(metaFile, "built by another kerko version (index %s, this kerko %s): this kerko does not serve it; kerko index --full rebuilds", m.Version, MappingVersion())
		}
	}

	sizesOK := true
	mf, err := readManifest(c.genDir, m)
	switch {
	case err != nil:
		c.bad(manifestFile, "%v: the files cannot be verified", err)
		for _, fc := range essentialChecks(c.genDir) {
			if fc.Problem != FileOK {
				c.bad(fc.Path, "%s", fc.Verdict())
				sizesOK = false
			}
		}
	default:
		if m != nil {
			c.ok(manifestFile, "%d files, CRC-32C matches the one the marker recorded", len(mf.Files))
		} else {
			c.ok(manifestFile, "%d files (no marker to verify the manifest against)", len(mf.Files))
		}
		checks, err := verifyFiles(c.ctx, c.genDir, mf, true, true)
		if err != nil {
			return c.problems, err
		}
		for _, fc := range checks {
			switch fc.Problem {
			case FileOK:
				c.ok(fc.Path, "%s", fc.Verdict())
			case FileMissing, FileSize, FileUnreadable:
				sizesOK = false
				fallthrough
			default:
				c.bad(fc.Path, "%s", fc.Verdict())
			}
		}
	}
	if !sizesOK {
		// Bleve maps segments into memory: a short one faults when read.
		c.bad("bleve", "not opened: a file has the wrong size")
		return c.problems, nil
	}
	if err := c.bleve(m); err != nil {
		return c.problems, err
	}
	return c.problems, nil
}

// bleve runs Bleve's side of the check. Damaged segment bytes can make
// Bleve's decoders panic or, in a mapped file, fault: both become a
// problem reported on the check under way.
func (c *checker) bleve(m *meta) (err error) {
	path := filepath.Join(c.genDir, bleveSubdir)
	idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true, "bolt_timeout": "5s"})
	if err != nil {
		c.bad("bleve", "%v", ExplainOpenError(c.genDir, err))
		return nil
	}
	defer idx.Close()
	step := "bleve"
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			c.bad(step, "Bleve failed reading the index (damaged data): %v", r)
			err = nil
		}
	}()
	if err := newestSnapshotLoads(idx); err != nil {
		c.bad("bleve", "%v", err)
		return nil
	}
	n, err := idx.DocCount()
	if err != nil {
		c.bad("bleve", "opened read-only, but counting documents failed: %v", err)
		return nil
	}
	switch {
	case m == nil:
		c.ok("bleve", "opened read-only: %d documents (no marker to compare with)", n)
	case int(n) != m.Articles:
		c.bad("bleve", "opened read-only: %d documents, but the marker records %d articles", n, m.Articles)
	default:
		c.ok("bleve", "opened read-only: %d documents, as the marker records", n)
	}

	step = idsFile
	ids, err := readIDs(filepath.Join(c.genDir, idsFile))
	if err != nil {
		c.bad(idsFile, "cannot be read: %v", err)
		ids = nil
	} else if len(ids) != int(n) {
		c.bad(idsFile, "lists %d articles; the index holds %d documents", len(ids), n)
	} else {
		c.ok(idsFile, "%d articles, as in the index", len(ids))
	}
	dicts, err := readDicts(c.genDir)
	if err == nil {
		c.dec, err = newBodyDecoder(dicts)
	}
	if err != nil {
		c.bad(dictsFile, "cannot be loaded: %v", err)
		return nil
	}
	defer c.dec.close()

	adv, err := idx.Advanced()
	if err != nil {
		c.bad("bleve", "index internals: %v", err)
		return nil
	}
	r, err := adv.Reader()
	if err != nil {
		c.bad("bleve", "open a reader: %v", err)
		return nil
	}
	defer r.Close()
	step = "documents"
	if err := c.documents(r, ids); err != nil {
		return err
	}
	step = "dictionaries"
	return c.dictionaries(r)
}

// newestSnapshotLoads reports whether Bleve opened the newest snapshot of
// the index's root.bolt. Bleve opens the newest one it can load: when a
// segment the newest lists is damaged, it says nothing and opens an older
// snapshot, if the build left one in root.bolt (whether it did depends on
// how soon scorch pruned them before the build closed the index), or fails
// when none is left. Only the newest is the published index, so the
// documents and dictionaries of an older one prove nothing, and the same
// damage must get the same verdict however many snapshots were kept.
func newestSnapshotLoads(idx bleve.Index) error {
	s, err := blevex.Scorch(idx)
	if err != nil {
		return err
	}
	epochs, err := s.RootBoltSnapshotEpochs()
	if err != nil {
		return fmt.Errorf("list the snapshots in root.bolt: %w", err)
	}
	if len(epochs) == 0 {
		return nil // an index with nothing persisted; the document count tells
	}
	newest := slices.Max(epochs)
	snap, err := s.LoadSnapshot(newest)
	if err != nil {
		return fmt.Errorf("the newest snapshot in root.bolt (epoch %d, %d kept) does not load, so Bleve opened an older one instead of the published index: %v", newest, len(epochs), err)
	}
	if snap != nil {
		snap.DecRef()
	}
	return nil
}

// documents reads every stored document and its doc values.
func (c *checker) documents(r bindex.IndexReader, ids map[string]string) error {
	fields, err := r.Fields()
	if err != nil {
		c.bad("documents", "list fields: %v", err)
		return nil
	}
	dv, err := r.DocValueReader(fields)
	if err != nil {
		c.bad("documents", "doc values: %v", err)
		return nil
	}
	all, err := r.DocIDReaderAll()
	if err != nil {
		c.bad("documents", "list documents: %v", err)
		return nil
	}
	defer all.Close()
	seen := make(map[string]bool, len(ids))
	var bad []string
	badf := func(format string, args ...any) {
		if len(bad) < 5 {
			bad = append(bad, fmt.Sprintf(format, args...))
		}
	}
	docs, values := 0, 0
	for {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		iid, err := all.Next()
		if err != nil {
			c.bad("documents", "walk after %d: %v", docs, err)
			return nil
		}
		if iid == nil {
			break
		}
		docs++
		id, err := r.ExternalID(iid)
		if err != nil {
			badf("document %d: no id: %v", docs, err)
			continue
		}
		seen[id] = true
		if ids != nil {
			if _, ok := ids[id]; !ok {
				badf("%q is in the index but not in %s", id, idsFile)
			}
		}
		doc, err := r.Document(id)
		if err != nil || doc == nil {
			badf("%q: stored fields unreadable: %v", id, err)
			continue
		}
		var rec, body string
		doc.VisitFields(func(f bindex.Field) {
			switch f.Name() {
			case fieldRecord:
				rec = string(f.Value())
			case fieldBody:
				body = string(f.Value())
			}
		})
		if _, err := readRecord(id, rec); err != nil {
			badf("%q: stored record: %v", id, err)
		}
		if _, err := c.dec.decode(body); err != nil {
			badf("%q: stored body: %v", id, err)
		}
		if err := dv.VisitDocValues(iid, func(string, []byte) { values++ }); err != nil {
			badf("%q: doc values: %v", id, err)
		}
	}
	for id := range ids {
		if !seen[id] {
			badf("%q is in %s but not in the index", id, idsFile)
		}
	}
	if len(bad) > 0 {
		c.bad("documents", "%d read; %v", docs, bad)
		return nil
	}
	c.ok("documents", "%d read: every record and body decodes, %d doc values, ids as in %s", docs, values, idsFile)
	return nil
}

// dictionaries walks every field's term dictionary.
func (c *checker) dictionaries(r bindex.IndexReader) error {
	fields, err := r.Fields()
	if err != nil {
		c.bad("dictionaries", "list fields: %v", err)
		return nil
	}
	sort.Strings(fields)
	terms, failed := 0, false
	for _, f := range fields {
		d, err := r.FieldDict(f)
		if err != nil {
			c.bad("dictionaries", "field %s: %v", f, err)
			failed = true
			continue
		}
		for {
			e, err := d.Next()
			if err != nil {
				c.bad("dictionaries", "field %s after %d terms: %v", f, terms, err)
				failed = true
				break
			}
			if e == nil {
				break
			}
			terms++
			if terms%4096 == 0 {
				if err := c.ctx.Err(); err != nil {
					d.Close()
					return err
				}
			}
		}
		d.Close()
	}
	if !failed {
		c.ok("dictionaries", "%d fields, %d terms walked", len(fields), terms)
	}
	return nil
}
