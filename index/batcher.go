package index

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"kerko/internal/blevex"
)

// buildConfig is the Bleve configuration of a generation while it is built.
//
// unsafe_batch lets Batch return once a batch is searchable in memory, without
// waiting for it to reach disk, so the next batch is analyzed while the last
// one is written. That is safe here because a generation is published only
// after the build has waited for every batch to be persisted (batcher.finish):
// a crash before that leaves an unpublished directory, which is garbage.
// The default persister would otherwise write every small batch as its own
// file and merge them again and again; napping lets in-memory segments merge
// first, so each byte is written and merged fewer times.
//
// The background merger is held back during a build (a tier would need
// more than maxBuildSegments segments): its tiered merges rewrite the same
// postings several times, and finish merges everything once anyway.
func buildConfig() map[string]any {
	blevex.RegisterAsyncErrors(asyncErrorCallback, routeAsyncError)
	return map[string]any{
		"unsafe_batch":           true,
		"asyncErrorCallbackName": asyncErrorCallback,
		"bolt_timeout":           "5s",
		"scorchPersisterOptions": map[string]any{
			"PersisterNapTimeMSec":      200,
			"PersisterNapUnderNumFiles": 1000,
		},
		"scorchMergePlanOptions": map[string]any{
			"MaxSegmentsPerTier":   maxBuildSegments,
			"SegmentsPerMergeTask": maxBuildSegments,
		},
	}
}

// With unsafe batches a write error (a full disk) happens in scorch's
// persister, which reports it through an async error callback and retries
// for ever: without the callback the build would wait for batches that never
// reach disk. Scorch names callbacks globally, so one callback routes each
// error to the batcher building under that path.
const asyncErrorCallback = "kerko-build"

var building sync.Map // generation path -> *batcher

func routeAsyncError(err error, path string) {
	building.Range(func(k, v any) bool {
		if strings.HasPrefix(path, k.(string)) {
			v.(*batcher).fail(fmt.Errorf("write index: %w", err))
		}
		return true
	})
}

// maxBuildSegments is how many segments a build lets pile up before the
// background merger steps in, and how many the final merge takes at once.
const maxBuildSegments = 1000

// finalMerge merges every segment into one in a single pass.
var finalMerge = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = maxBuildSegments
	return o
}()

// batcher indexes batches on several goroutines at once: Bleve analyzes a
// batch on its worker queue but builds its segment on the calling goroutine,
// so with one caller the analysis workers wait while segments are built.
// Concurrent batches are safe in a build because a corpus delivers each id at
// most once, and deletions are only submitted after every addition.
type batcher struct {
	idx  bleve.Index
	work chan job
	wg   sync.WaitGroup // indexing goroutines

	persisted sync.WaitGroup // batches not yet on disk

	mu     sync.Mutex
	err    error         // first error
	failCh chan struct{} // closed with the first error
}

// maxSegments is how many segments an incremental build leaves unmerged.
const maxSegments = 8

type job struct {
	batch *bleve.Batch
	done  func(error) // marks the batch as settled
}

// newBatcher starts workers indexing into idx, the generation being built
// at path.
func newBatcher(idx bleve.Index, path string, workers int) *batcher {
	b := &batcher{idx: idx, work: make(chan job), failCh: make(chan struct{})}
	building.Store(path, b)
	for i := 0; i < max(1, workers); i++ {
		b.wg.Add(1)
		go func() {
			defer b.wg.Done()
			for j := range b.work {
				if b.failed() != nil {
					j.done(nil) // never indexed: nothing to wait for
					continue
				}
				if err := b.idx.Batch(j.batch); err != nil {
					b.fail(fmt.Errorf("index batch: %w", err))
					j.done(nil)
				}
			}
		}()
	}
	return b
}

func (b *batcher) fail(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
		close(b.failCh)
	}
}

// wait runs f (a wait for Bleve) until it returns, the build fails or ctx
// ends, whichever is first. On failure f's goroutine is left to end when the
// index is closed.
func (b *batcher) wait(ctx context.Context, f func()) error {
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
		return b.failed()
	case <-b.failCh:
		return b.failed()
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (b *batcher) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// submit hands batch to an indexing goroutine; it blocks while all of them
// are busy, which bounds the memory a build holds. It returns the first
// error of any earlier batch.
func (b *batcher) submit(ctx context.Context, batch *bleve.Batch) error {
	if err := b.failed(); err != nil {
		return err
	}
	// Done exactly once per batch: from the persister, or here when the
	// batch never reaches it.
	var once sync.Once
	b.persisted.Add(1)
	done := func(err error) {
		if err != nil {
			b.fail(fmt.Errorf("persist batch: %w", err))
		}
		once.Do(b.persisted.Done)
	}
	batch.SetPersistedCallback(done)
	select {
	case b.work <- job{batch, done}:
		return nil
	case <-ctx.Done():
		done(nil)
		return ctx.Err()
	}
}

// drain waits until every submitted batch is indexed, so deletions can
// follow additions safely.
func (b *batcher) drain(ctx context.Context) error {
	close(b.work)
	return b.wait(ctx, b.wg.Wait)
}

// release stops routing write errors to b.
func (b *batcher) release() {
	building.Range(func(k, v any) bool {
		if v == b {
			building.Delete(k)
		}
		return true
	})
}

// finish waits for every batch to reach disk, then merges the generation
// into one segment: a build is written once and searched for a long time,
// and one segment is both smaller (one term dictionary) and faster to search
// than the handful the background merger leaves. Bleve's Close does not wait
// for unsafe batches, so nothing may be closed before finish returns.
//
// An incremental build merges only when segments have piled up (more than
// maxSegments), so a small update does not rewrite the whole index.
func (b *batcher) finish(ctx context.Context, full bool) error {
	if err := b.wait(ctx, b.persisted.Wait); err != nil {
		return err
	}
	s, err := blevex.Scorch(b.idx)
	if err != nil {
		return err
	}
	// A merge task takes at most SegmentsPerMergeTask segments; a huge
	// build may need a second round.
	for round := 0; round < 4 && blevex.Segments(s) > 1 && (full || blevex.Segments(s) > maxSegments); round++ {
		if err := s.ForceMerge(ctx, &finalMerge); err != nil {
			return fmt.Errorf("merge segments: %w", err)
		}
	}
	// The merged root, and any batch submitted outside the batcher (the
	// deletions), reach disk with the next persisted snapshot: a marker
	// batch gives one to wait for.
	done := make(chan error, 1)
	mark := b.idx.NewBatch()
	mark.SetInternal([]byte("kerko:merged"), []byte("1"))
	mark.SetPersistedCallback(func(err error) { done <- err })
	if err := b.idx.Batch(mark); err != nil {
		return fmt.Errorf("mark merged index: %w", err)
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("persist merged index: %w", err)
		}
	case <-b.failCh:
		return b.failed()
	case <-ctx.Done():
		return ctx.Err()
	}
	awaitCleanup(ctx, s)
	return nil
}

// awaitCleanup gives the persister a moment to delete the segment files the
// merge replaced: it does so after the persisted callbacks, and Close does
// not wait for it, which left a full build with twice its size on disk.
func awaitCleanup(ctx context.Context, s *scorch.Scorch) {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if blevex.OnDiskFiles(s) <= blevex.Segments(s)+1 { // the segments plus root.bolt
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}
