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
	// FullReason says why a full build ran.
	FullReason FullReason
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

// FullCause is why a build ran in full instead of updating the published
// generation.
type FullCause int

const (
	NotFull           FullCause = iota
	FullRequested               // BuildOptions.Full
	FullNoIndex                 // nothing was published yet
	FullVersion                 // the published generation was built by another kerko version
	FullIDsUnreadable           // its id list could not be read
	// FullCorrupt: a file of the published generation does not match the
	// checksum or size its manifest recorded, so carrying its segments into
	// the next generation would carry the damage.
	FullCorrupt
	// FullNoManifest: the published generation has no manifest (an older
	// kerko built it), so what would be carried over cannot be verified.
	FullNoManifest
)

// FullReason is a FullCause with its particulars (the file that failed, the
// versions that differ); its String is the message a build prints.
type FullReason struct {
	Cause FullCause
	// Generation is the published generation the reason is about.
	Generation string
	Detail     string
}

func (r FullReason) String() string {
	switch r.Cause {
	case NotFull:
		return ""
	case FullRequested:
		return "full rebuild requested"
	case FullNoIndex:
		return "no index yet"
	case FullVersion:
		return r.Detail
	case FullIDsUnreadable:
		return fmt.Sprintf("published generation's id list unreadable (%s)", r.Detail)
	case FullCorrupt:
		return fmt.Sprintf("published generation %s failed verification against its manifest: %s; it is kept, and a new generation is built from the corpus", r.Generation, r.Detail)
	case FullNoManifest:
		return fmt.Sprintf("published generation %s has no manifest to verify its segments against (built by an older kerko)", r.Generation)
	}
	return fmt.Sprintf("FullCause(%d) %s", int(r.Cause), r.Detail)
}

// Indexed is the number of articles written by this build.
func (s *Stats) Indexed() int { return s.Added + s.Updated }

// ReadFunc feeds a build: it reads every corpus source through r.
type ReadFunc func(ctx context.Context, r *corpus.Reader) error

// Build updates (or, with Full, rebuilds) the index in dir from what read
// delivers, and publishes the result as a new generation. It returns ErrBusy
// when another build holds dir.
//
// When ctx ends, Build stops wherever it is and returns ctx's error; the
// published generation is untouched. The unfinished generation is removed
// and the lock released before it returns, or, when Bleve is still busy
// with batches in flight after interruptGrace, in the background, with an
// *UnfinishedError in the error chain: a process that exits then leaves the
// directory for the next build to remove (the lock goes with the process).
func Build(ctx context.Context, dir string, read ReadFunc, opts BuildOptions) (_ *Stats, err error) {
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
	defer func() {
		if release != nil {
			release()
		}
	}()

	start0, err := startingPoint(ctx, dir, opts.Full)
	if err != nil {
		return nil, err
	}
	cur, base := start0.published, start0.base
	if err := removeLeftovers(dir, start0.complete); err != nil {
		return nil, fmt.Errorf("clean up unfinished generations: %w", err)
	}
	gens, err := generations(dir)
	if err != nil {
		return nil, err
	}
	next := 1
	if len(gens) > 0 {
		next = gens[len(gens)-1] + 1
	}
	st := &Stats{Generation: next, Full: start0.reason.Cause != NotFull, FullReason: start0.reason}

	genDir := filepath.Join(dir, genName(next))
	idx, err := createGeneration(ctx, dir, cur, genDir, st.Full)
	if err != nil {
		os.RemoveAll(genDir)
		return nil, err
	}
	// Until it is published, the generation is garbage if anything fails.
	published := false
	defer func() {
		if published {
			return
		}
		// Close waits for Bleve's batches in flight, which no context
		// stops: an interrupted build waits for them only so long.
		done, unlock := make(chan struct{}), release
		release = nil
		go func() {
			idx.Close()
			os.RemoveAll(genDir)
			unlock()
			close(done)
		}()
		if ctx.Err() == nil {
			<-done
			return
		}
		select {
		case <-done:
		case <-time.After(interruptGrace):
			err = fmt.Errorf("%w; %w", err, &UnfinishedError{Dir: genDir})
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
		// Nothing changed, and the published generation verified: keep it.
		// A build killed after it published cur but before its prune was
		// done left superseded generations, which only a later publish
		// would remove: however long nothing changes, finish that prune.
		if cm, err := readMeta(filepath.Join(dir, cur)); err == nil && cm.Previous != "" {
			pruneAndReport(dir, cur, cm.Previous, true, opts.Report)
		}
		st.Generation, _ = genNumber(cur)
		st.Elapsed = time.Since(start)
		st.IndexBytes = dirSize(filepath.Join(dir, cur))
		return st, nil
	}
	if err := idx.Close(); err != nil {
		return nil, fmt.Errorf("close new generation: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Bleve fsyncs its segment files and root, not the directory naming
	// them: sync it too, so that after a power loss the published pointer
	// never names a generation whose files are lost.
	if err := syncDir(filepath.Join(genDir, bleveSubdir, "store")); err != nil {
		return nil, fmt.Errorf("sync new generation: %w", err)
	}
	if err := syncDir(filepath.Join(genDir, bleveSubdir)); err != nil {
		return nil, fmt.Errorf("sync new generation: %w", err)
	}
	if err := writeDicts(genDir, bodies.dicts); err != nil {
		return nil, fmt.Errorf("write body dictionaries: %w", err)
	}
	if err := writeIDs(filepath.Join(genDir, idsFile), ids); err != nil {
		return nil, fmt.Errorf("write id list: %w", err)
	}
	// The manifest comes last but for the marker: it records the files as
	// they are published. Files carried over keep the checksums verified
	// at the start of the build.
	prevDir := ""
	if !st.Full {
		prevDir = filepath.Join(dir, cur)
	}
	sum, err := writeManifest(ctx, genDir, prevDir, start0.manifest)
	if err != nil {
		return nil, fmt.Errorf("write manifest: %w", err)
	}
	mb, _ := json.MarshalIndent(meta{Version: MappingVersion(), Generation: next, Articles: len(ids), Built: time.Now().UTC(), Manifest: sum,
		Previous: start0.previous}, "", "  ")
	if err := writeFileAtomic(filepath.Join(genDir, metaFile), mb); err != nil {
		return nil, fmt.Errorf("write completion marker: %w", err)
	}
	// The last moment a signal can stop the build: once CURRENT is
	// renamed, the new generation is published.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := writeFileAtomic(filepath.Join(dir, currentFile), []byte(genName(next)+"\n")); err != nil {
		return nil, fmt.Errorf("publish generation: %w", err)
	}
	published = true
	st.Published = true
	pruneAndReport(dir, genName(next), start0.previous, false, opts.Report)
	st.Elapsed = time.Since(start)
	st.IndexBytes = dirSize(genDir)
	return st, nil
}

// interruptGrace is how long an interrupted build waits for Bleve to let go
// of the unfinished generation before it returns anyway.
const interruptGrace = 5 * time.Second

// UnfinishedError is an unfinished generation an interrupted build could not
// remove before returning; it is removed in the background, or by the next
// build if the process ends first.
type UnfinishedError struct {
	Dir string
}

func (e *UnfinishedError) Error() string {
	return fmt.Sprintf("the unfinished %s is removed by the next build", e.Dir)
}

// buildStart is where a build starts from, as found under the lock.
type buildStart struct {
	// published is the generation an incremental build updates ("" for a
	// full build).
	published string
	// previous is the generation CURRENT named when the build started, if
	// it is on disk, whatever its state: it is kept after the new one is
	// published (a server may still serve it; it is the way back).
	previous string
	// complete is previous when its completion marker is sound.
	complete string
	reason   FullReason
	base     map[string]string // id -> hash in published
	manifest *manifest         // published's, verified
}

// startingPoint reads dir's state and decides between an incremental and a
// full build. A build never decides on its own to replace a generation it
// cannot read: with CURRENT missing, not a generation's name, naming a
// missing or unfinished generation, it returns the state's error unless
// full is set. A published generation that is damaged, built by another
// version, or whose files do not match their recorded checksums is rebuilt
// in full (and kept).
func startingPoint(ctx context.Context, dir string, full bool) (buildStart, error) {
	state := ReadState(dir)
	var b buildStart
	switch state.Kind {
	case StateEmpty, StateNotIndex:
		b.reason = FullReason{Cause: FullNoIndex}
		return b, nil
	case StateUnreadable:
		return b, state.Err()
	case StateNoPointer, StateBadPointer, StateMissingGeneration:
		if !full {
			return b, state.Err()
		}
		b.reason = FullReason{Cause: FullRequested}
		return b, nil
	case StateNoMarker, StateBadMarker:
		if !full {
			return b, state.Err()
		}
		b.previous, b.reason = state.Generation, FullReason{Cause: FullRequested}
		return b, nil
	}
	b.previous, b.complete = state.Generation, state.Generation
	switch {
	case full:
		b.reason = FullReason{Cause: FullRequested}
	case state.Kind == StateVersion:
		b.reason = FullReason{Cause: FullVersion, Generation: state.Generation, Detail: versionChange(state.Version)}
	case state.Kind == StateDamaged:
		b.reason = FullReason{Cause: FullCorrupt, Generation: state.Generation, Detail: strings.TrimPrefix(fmt.Sprint(state.Cause), dir+string(filepath.Separator))}
	case state.Kind == StatePublished:
		return verifyPublished(ctx, dir, state)
	}
	return b, nil
}

// verifyPublished checks every file of the published generation against
// its manifest before an incremental build carries them into the next
// one: a damaged segment would otherwise be hard-linked forward and
// published again, and an unchanged corpus would keep it for good.
func verifyPublished(ctx context.Context, dir string, state State) (buildStart, error) {
	b := buildStart{previous: state.Generation, complete: state.Generation}
	genDir := state.GenDir()
	m, err := readMeta(genDir)
	if err != nil {
		return b, err
	}
	mf, err := readManifest(genDir, m)
	switch {
	case errors.Is(err, errNoManifest):
		b.reason = FullReason{Cause: FullNoManifest, Generation: state.Generation}
		return b, nil
	case err != nil:
		b.reason = FullReason{Cause: FullCorrupt, Generation: state.Generation, Detail: err.Error()}
		return b, nil
	}
	checks, err := verifyFiles(ctx, genDir, mf, true, false)
	if err != nil {
		return b, err
	}
	var bad []string
	for _, c := range checks {
		if c.Problem != FileOK {
			bad = append(bad, c.String())
		}
	}
	if len(bad) > 0 {
		detail := bad[0]
		if len(bad) > 1 {
			detail += fmt.Sprintf(" (and %d more files)", len(bad)-1)
		}
		b.reason = FullReason{Cause: FullCorrupt, Generation: state.Generation, Detail: detail}
		return b, nil
	}
	ids, err := readIDs(filepath.Join(genDir, idsFile))
	if err != nil {
		b.reason = FullReason{Cause: FullIDsUnreadable, Generation: state.Generation, Detail: err.Error()}
		return b, nil
	}
	b.published, b.base, b.manifest = state.Generation, ids, mf
	return b, nil
}

// removeLeftovers removes the generations builds left unfinished. A build
// numbers its generation past every one present and writes the manifest and
// then the completion marker last; so when CURRENT names a complete
// generation (complete), a generation above it without a marker is a build
// that never finished, and when it does not, one above every generation
// with a marker or manifest and with neither is. A generation that lost its
// marker to damage is never numbered above the generation that was
// published after it, and keeps its manifest.
func removeLeftovers(dir, complete string) error {
	if err := emptyTrash(dir); err != nil {
		return err
	}
	gens, _, err := scanDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	above, ok := genNumber(complete)
	leftover := func(g genEntry) bool { return errors.Is(g.metaErr, os.ErrNotExist) }
	if !ok {
		for _, g := range gens {
			if g.hasData() {
				above = g.n
			}
		}
		leftover = func(g genEntry) bool { return !g.hasData() }
	}
	for _, g := range gens {
		if g.n > above && leftover(g) {
			if err := removeGeneration(dir, g.name); err != nil {
				return err
			}
		}
	}
	return nil
}

// prune runs after pub is published. It keeps pub and previous (the
// generation CURRENT named before, whatever its state: a server may still
// serve it, and it is the way back); when previous has no sound completion
// marker, it keeps the newest complete generation older than pub as well,
// so that pub is never the only intact one. It removes the other complete
// generations (superseded, among them one a killed build completed but
// never published), and keeps, and returns, generations it cannot tell are
// safe to remove: a generation whose marker is missing or damaged may be
// the only copy of an index someone broke by hand. When previous is ""
// (CURRENT named nothing on disk when the build started) it removes
// nothing: which generation was meant to be published is not known.
func prune(dir, pub, previous string) (kept []string, err error) {
	return pruneGens(dir, pub, previous, false)
}

// pruneGens is prune; with again (a build that publishes nothing, pruning
// again after the build that published pub) it leaves every generation
// numbered above pub alone: that build's own unfinished generation, or one
// an operator rolled back from.
func pruneGens(dir, pub, previous string, again bool) (kept []string, err error) {
	gens, _, err := scanDir(dir)
	if err != nil {
		return nil, err
	}
	pubN, _ := genNumber(pub)
	previousSound := false
	before := ""
	for _, g := range gens {
		if g.n < pubN && g.metaErr == nil {
			before = g.name
		}
		if g.name == previous && g.metaErr == nil {
			previousSound = true
		}
	}
	if previousSound {
		before = previous
	}
	for _, g := range gens {
		switch {
		case g.name == pub || g.name == previous || g.name == before, again && g.n > pubN:
		case g.metaErr != nil:
			kept = append(kept, g.name)
		case previous == "":
		default:
			if err := removeGeneration(dir, g.name); err != nil {
				return kept, err
			}
		}
	}
	return kept, nil
}

// pruneAndReport prunes after pub (see pruneGens) and reports what it could
// not remove and what it kept: pub is published, so an old generation left
// behind is only disk space.
func pruneAndReport(dir, pub, previous string, again bool, report func(corpus.Problem)) {
	kept, err := pruneGens(dir, pub, previous, again)
	if report == nil {
		return
	}
	if err != nil {
		report(corpus.Problem{File: dir, Action: corpus.Warned, Reason: "could not remove old generations: " + err.Error()})
	}
	if len(kept) > 0 {
		report(corpus.Problem{File: dir, Action: corpus.Warned, Reason: fmt.Sprintf(
			"kept damaged generations %s (not removed without your word: delete them once you no longer need them)", strings.Join(kept, ", "))})
	}
}

// createGeneration makes a new, writable generation: empty for a full
// build, a clone of the published one for an incremental build.
func createGeneration(ctx context.Context, dir, cur, genDir string, full bool) (bleve.Index, error) {
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
	if err := cloneDir(ctx, filepath.Join(dir, cur, bleveSubdir), path); err != nil {
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
	for {
		// The loop waits on ctx too: a corpus read that ignores ctx (an
		// open that blocks) must not keep a stopped build, and its lock,
		// alive.
		var a *Article
		var ok bool
		select {
		case a, ok = <-enriched:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if !ok {
			break
		}
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
