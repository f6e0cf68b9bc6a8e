package index

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"kerko/corpus"
)

// BuildOptions tune a build. The zero value is an incremental build with
// default batch sizes and no reporting.
type BuildOptions struct {
	// Full rebuilds from scratch instead of updating the published generation.
	Full bool
	// Report receives every problem with the input.
	Report func(corpus.Problem)
	// Progress is called from time to time, and once at the end.
	Progress func(Progress)
	// BatchSize is the number of articles per Bleve batch (default 500).
	BatchSize int
	// Workers enrich articles (language, countries) in parallel (default GOMAXPROCS).
	Workers int
	// Indexers submit batches to Bleve concurrently (default 2): one builds
	// a segment while Bleve analyzes the other.
	Indexers int
	// Keep keeps the published articles that read does not deliver: read
	// gives changes (an article stream), not the whole corpus. Only the
	// ids in Delete are removed.
	Keep bool
	// Delete lists ids to remove (a stream's tombstones); with Keep.
	Delete []string
}

// Progress is a build's state so far.
type Progress struct {
	Read    int // articles read from the corpus
	Written int // articles added or updated in the index
	Elapsed time.Duration
}

// Stats summarise a finished build.
type Stats struct {
	Generation int
	Full       bool
	// FullReason says why a full build ran ("--full", "no index yet",
	// "analyzers or mapping changed ...").
	FullReason string
	Added      int
	Updated    int
	Deleted    int
	Unchanged  int
	Skipped    int // input reported and not indexed
	Repaired   int // input indexed after a repair
	Warnings   int
	Articles   int // articles in the published index
	Published  bool
	Elapsed    time.Duration
	IndexBytes int64

	// SkipReasons counts Skipped by the kind of reason ("empty file",
	// "binary file", "unreadable"...).
	SkipReasons map[string]int

	// TextRepairedArticles and TextRepairedChars count the articles read
	// whose text held Windows-1252 punctuation read as C1 controls, and
	// those characters, which corpus.Normalize turned into the ones meant.
	TextRepairedArticles int
	TextRepairedChars    int
}

// Indexed is the number of articles written by this build.
func (s *Stats) Indexed() int { return s.Added + s.Updated }

// ReadFunc feeds a build: it reads every corpus source through r.
type ReadFunc func(ctx context.Context, r *corpus.Reader) error

// Build updates (or, with Full, rebuilds) the index in dir from what read
// delivers, and publishes the result as a new generation. It returns ErrBusy
// when another build holds dir.
func Build(ctx context.Context, dir string, read ReadFunc, opts BuildOptions) (*Stats, error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Indexers <= 0 {
		opts.Indexers = 2
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index dir: %w", err)
	}
	release, err := lock(dir)
	if err != nil {
		return nil, err
	}
	defer release()

	cur, err := current(dir)
	if err != nil && !errors.Is(err, ErrNoIndex) {
		return nil, err
	}
	if err := collectGarbage(dir, cur); err != nil {
		return nil, fmt.Errorf("clean up old generations: %w", err)
	}
	gens, err := generations(dir)
	if err != nil {
		return nil, err
	}
	next := 1
	if len(gens) > 0 {
		next = gens[len(gens)-1] + 1
	}

	st := &Stats{Generation: next, Full: true}
	var base map[string]string // id -> hash in the published generation
	switch {
	case opts.Full:
		st.FullReason = "full rebuild requested"
	case cur == "":
		st.FullReason = "no index yet"
	default:
		m, err := readMeta(filepath.Join(dir, cur))
		switch {
		case err != nil:
			st.FullReason = fmt.Sprintf("published generation unreadable (%v)", err)
		case m.Version != MappingVersion:
			st.FullReason = versionChange(m.Version)
		default:
			base, err = readIDs(filepath.Join(dir, cur, idsFile))
			if err != nil {
				st.FullReason = fmt.Sprintf("published generation's id list unreadable (%v)", err)
				base = nil
			} else {
				st.Full = false
			}
		}
	}

	genDir := filepath.Join(dir, genName(next))
	idx, err := createGeneration(dir, cur, genDir, st.Full)
	if err != nil {
		os.RemoveAll(genDir)
		return nil, err
	}
	// Until it is published, the generation is garbage if anything fails.
	published := false
	defer func() {
		if !published {
			idx.Close()
			os.RemoveAll(genDir)
		}
	}()

	var dicts map[string][]byte
	if !st.Full {
		if dicts, err = readDicts(filepath.Join(dir, cur)); err != nil {
			return nil, err
		}
	}
	bodies, err := newBodyEncoder(dicts)
	if err != nil {
		return nil, err
	}
	ids, err := fill(ctx, idx, bodies, read, base, st, opts, start)
	if err != nil {
		return nil, err
	}
	st.Articles = len(ids)
	if !st.Full && st.Added+st.Updated+st.Deleted == 0 {
		// Nothing changed: keep the published generation.
		st.Generation, _ = genNumber(cur)
		st.Elapsed = time.Since(start)
		st.IndexBytes = dirSize(filepath.Join(dir, cur))
		return st, nil
	}
	if err := idx.Close(); err != nil {
		return nil, fmt.Errorf("close new generation: %w", err)
	}
	// Bleve fsyncs its segment files and root, not the directory naming
	// them: sync it too, so that after a power loss the published pointer
	// never names a generation whose files are lost.
	if err := syncDir(filepath.Join(genDir, bleveSubdir)); err != nil {
		return nil, fmt.Errorf("sync new generation: %w", err)
	}
	if err := writeDicts(genDir, bodies.dicts); err != nil {
		return nil, fmt.Errorf("write body dictionaries: %w", err)
	}
	if err := writeIDs(filepath.Join(genDir, idsFile), ids); err != nil {
		return nil, fmt.Errorf("write id list: %w", err)
	}
	mb, _ := json.MarshalIndent(meta{Version: MappingVersion, Generation: next, Articles: len(ids), Built: time.Now().UTC()}, "", "  ")
	if err := writeFileAtomic(filepath.Join(genDir, metaFile), mb); err != nil {
		return nil, fmt.Errorf("write completion marker: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dir, currentFile), []byte(genName(next)+"\n")); err != nil {
		return nil, fmt.Errorf("publish generation: %w", err)
	}
	published = true
	st.Published = true
	if err := collectGarbage(dir, genName(next)); err != nil && opts.Report != nil {
		// The new generation is published; an old one left behind is only disk space.
		opts.Report(corpus.Problem{File: dir, Action: corpus.Warned, Reason: "could not remove old generations: " + err.Error()})
	}
	st.Elapsed = time.Since(start)
	st.IndexBytes = dirSize(genDir)
	return st, nil
}

// collectGarbage removes generations that never completed and all but the
// published one and the one before it (a server may still be switching away
// from it).
func collectGarbage(dir, cur string) error {
	gens, err := generations(dir)
	if err != nil {
		return err
	}
	curN, _ := genNumber(cur)
	for _, n := range gens {
		p := filepath.Join(dir, genName(n))
		_, merr := readMeta(p)
		keep := n == curN || (merr == nil && n < curN && n >= previousComplete(dir, gens, curN))
		if !keep {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// previousComplete is the newest complete generation older than cur.
func previousComplete(dir string, gens []int, cur int) int {
	for i := len(gens) - 1; i >= 0; i-- {
		if gens[i] < cur {
			if _, err := readMeta(filepath.Join(dir, genName(gens[i]))); err == nil {
				return gens[i]
			}
		}
	}
	return cur
}

// createGeneration makes a new, writable generation: empty for a full
// build, a clone of the published one for an incremental build.
func createGeneration(dir, cur, genDir string, full bool) (bleve.Index, error) {
	if err := os.MkdirAll(genDir, 0o755); err != nil {
		return nil, fmt.Errorf("create generation: %w", err)
	}
	path := filepath.Join(genDir, bleveSubdir)
	if full {
		m, err := newMapping()
		if err != nil {
			return nil, err
		}
		idx, err := bleve.NewUsing(path, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, buildConfig())
		if err != nil {
			return nil, fmt.Errorf("create bleve index %q: %w", path, err)
		}
		return idx, nil
	}
	if err := cloneDir(filepath.Join(dir, cur, bleveSubdir), path); err != nil {
		return nil, fmt.Errorf("copy published generation: %w", err)
	}
	idx, err := bleve.OpenUsing(path, buildConfig())
	if err != nil {
		return nil, fmt.Errorf("open copy of published generation: %w", err)
	}
	return idx, nil
}

// fill reads the corpus into idx and returns the id -> hash list of the
// generation. Articles whose hash is unchanged from base are skipped, and
// ids of base that the corpus no longer has are deleted.
func fill(ctx context.Context, idx bleve.Index, bodies *bodyEncoder, read ReadFunc, base map[string]string, st *Stats, opts BuildOptions, start time.Time) (map[string]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var mu sync.Mutex // guards st counters touched by Report
	raw := make(chan *corpus.Article, 256)
	enriched := make(chan *Article, 256)

	var readErr error
	go func() {
		defer close(raw)
		r := &corpus.Reader{
			Emit: func(a *corpus.Article) error {
				if a.RepairedChars > 0 {
					mu.Lock()
					st.TextRepairedArticles++
					st.TextRepairedChars += a.RepairedChars
					mu.Unlock()
				}
				select {
				case raw <- a:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			},
			Report: func(p corpus.Problem) {
				mu.Lock()
				switch p.Action {
				case corpus.Skipped:
					st.Skipped++
					if st.SkipReasons == nil {
						st.SkipReasons = map[string]int{}
					}
					st.SkipReasons[reasonKind(p.Reason)]++
				case corpus.Repaired:
					st.Repaired++
				case corpus.Warned:
					st.Warnings++
				}
				mu.Unlock()
				if opts.Report != nil {
					opts.Report(p)
				}
			},
		}
		readErr = read(ctx, r)
	}()

	var wg sync.WaitGroup
	for i := 0; i < opts.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range raw {
				// An unchanged article is skipped below: spare it the
				// language detection and extraction, which cost more
				// than the hash.
				out := &Article{ID: a.ID, Hash: contentHash(a)}
				if base[a.ID] != out.Hash {
					out = Enrich(a)
				}
				select {
				case enriched <- out:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(enriched) }()

	ids := make(map[string]string, len(base))
	if opts.Keep {
		for id, h := range base {
			ids[id] = h
		}
	}
	bt := newBatcher(idx, idx.Name(), opts.Indexers)
	defer bt.release()
	batch := idx.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if err := bt.submit(ctx, batch); err != nil {
			return err
		}
		batch = idx.NewBatch()
		return nil
	}
	defer func() {
		if bt.work != nil {
			bt.drain(ctx)
		}
	}()
	prog := Progress{}
	lastProgress := time.Now()
	index := func(ready []encoded) error {
		for _, e := range ready {
			if err := batch.Index(e.a.ID, e.a.bleveDoc(e.body)); err != nil {
				return fmt.Errorf("index article %q: %w", e.a.ID, err)
			}
			prog.Written++
			if batch.Size() >= opts.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for a := range enriched {
		prog.Read++
		ids[a.ID] = a.Hash
		old, had := base[a.ID]
		switch {
		case had && old == a.Hash:
			st.Unchanged++
			continue
		case had:
			st.Updated++
		default:
			st.Added++
		}
		ready, err := bodies.add(a)
		if err != nil {
			return nil, err
		}
		if err := index(ready); err != nil {
			return nil, err
		}
		if opts.Progress != nil && time.Since(lastProgress) > 200*time.Millisecond {
			prog.Elapsed = time.Since(start)
			opts.Progress(prog)
			lastProgress = time.Now()
		}
	}
	if readErr != nil {
		return nil, fmt.Errorf("read corpus: %w", readErr)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ready, err := bodies.flush()
	if err != nil {
		return nil, err
	}
	if err := index(ready); err != nil {
		return nil, err
	}
	// Deletions follow every addition (an id may be deleted and re-added
	// under another one's batch otherwise).
	if err := flush(); err != nil {
		return nil, err
	}
	err = bt.drain(ctx)
	bt.work = nil
	if err != nil {
		return nil, err
	}
	// Only a complete read may delete: a corpus that failed half-way would
	// otherwise wipe the articles it did not reach.
	var gone []string
	for id := range base {
		if _, ok := ids[id]; !ok {
			gone = append(gone, id)
		}
	}
	if opts.Keep {
		gone = gone[:0]
		for _, id := range opts.Delete {
			if _, ok := ids[id]; ok {
				gone = append(gone, id)
			} else if opts.Report != nil {
				opts.Report(corpus.Problem{File: "tombstones", Action: corpus.Warned, Reason: fmt.Sprintf("deletion of %q: no such article", id)})
			}
		}
	}
	sort.Strings(gone)
	for _, id := range gone {
		batch.Delete(id)
		delete(ids, id)
		st.Deleted++
	}
	if batch.Size() > 0 {
		if err := idx.Batch(batch); err != nil {
			return nil, fmt.Errorf("delete articles: %w", err)
		}
	}
	if err := bt.finish(ctx, st.Full); err != nil {
		return nil, err
	}
	if opts.Progress != nil {
		prog.Elapsed = time.Since(start)
		opts.Progress(prog)
	}
	return ids, nil
}

// reasonKind shortens a problem's reason to its kind, the part before any
// detail: "file too large (9000000 bytes, limit 8388608)" is "file too large",
// "unreadable: permission denied" is "unreadable".
func reasonKind(reason string) string {
	if i := strings.IndexAny(reason, ":(\""); i > 0 {
		reason = reason[:i]
	}
	return strings.TrimSpace(reason)
}

func readIDs(name string) (map[string]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]string)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		id, hash, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("%s: malformed line %q", name, sc.Text())
		}
		ids[id] = hash
	}
	return ids, sc.Err()
}

func writeIDs(name string, ids map[string]string) error {
	keys := make([]string, 0, len(ids))
	for id := range ids {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	for _, id := range keys {
		zw.Write([]byte(id)) // corpus ids have no control characters
		zw.Write([]byte{'\t'})
		zw.Write([]byte(ids[id]))
		zw.Write([]byte{'\n'})
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writeFileAtomic(name, b.Bytes())
}
