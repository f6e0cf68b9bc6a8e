package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"kerko/index"
)

// Pointer is the value of the shared pointer: the published generation of
// one mapping version.
type Pointer struct {
	Generation int       `json:"generation"` // one more at each publish, cluster-wide
	Object     string    `json:"object"`     // its archive in GenerationsBucket
	Digest     string    `json:"digest"`     // sha256 of the archive
	Size       int64     `json:"size"`       // bytes of the archive
	Mapping    string    `json:"mapping"`    // index.MappingVersion of the kerko that built it
	Articles   int       `json:"articles"`
	Built      time.Time `json:"built"`
	Published  time.Time `json:"published"`
	Publisher  string    `json:"publisher"` // who moved the pointer
	// StreamSeq is the last article-stream sequence the generation holds,
	// Consumed how many stream messages its line of generations has read.
	StreamSeq uint64 `json:"stream_seq,omitempty"`
	Consumed  uint64 `json:"consumed,omitempty"`

	Revision uint64 `json:"-"` // the KV revision it was read at
}

// PointerKey is the KV key of the pointer for a mapping version: kerko
// versions that build different indexes follow different keys, so during
// a rolling upgrade each replica follows a generation it can open.
func PointerKey(mapping string) string {
	return "current." + strings.NewReplacer("/", ".", " ", "_").Replace(mapping)
}

// ErrNoPointer is returned while nothing has been published for a mapping
// version.
var ErrNoPointer = errors.New("no generation published yet")

// ErrLostRace is returned by Publish when another indexer moved the
// pointer first.
var ErrLostRace = errors.New("another indexer published first")

// Store is the replicated store of generations and its pointer.
type Store struct {
	c   *Conn
	kv  jetstream.KeyValue
	obs jetstream.ObjectStore
}

// OpenStore binds the buckets, creating them (with Replicas) if create is
// set. Without create a missing bucket is ErrNoPointer: nothing was ever
// published there.
func (c *Conn) OpenStore(ctx context.Context, create bool) (*Store, error) {
	s := &Store{c: c}
	err := c.call(ctx, "open pointer bucket", func(ctx context.Context) error {
		var err error
		if create {
			s.kv, err = c.js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: PointerBucket, History: uint8(min(c.opts.Keep, 64)),
				Replicas: c.opts.Replicas, Storage: jetstream.FileStorage, Description: "kerko: the published index generation per mapping version"})
			if errors.Is(err, jetstream.ErrBucketExists) {
				s.kv, err = c.js.KeyValue(ctx, PointerBucket)
			}
			return err
		}
		s.kv, err = c.js.KeyValue(ctx, PointerBucket)
		return err
	})
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil, ErrNoPointer
	}
	if err != nil {
		return nil, replicasHint(err, c.opts.Replicas)
	}
	err = c.call(ctx, "open generations bucket", func(ctx context.Context) error {
		var err error
		if create {
			s.obs, err = c.js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: GenerationsBucket,
				Replicas: c.opts.Replicas, Storage: jetstream.FileStorage, Description: "kerko: index generations, one tar each"})
			if errors.Is(err, jetstream.ErrBucketExists) {
				s.obs, err = c.js.ObjectStore(ctx, GenerationsBucket)
			}
			return err
		}
		s.obs, err = c.js.ObjectStore(ctx, GenerationsBucket)
		return err
	})
	if errors.Is(err, jetstream.ErrBucketNotFound) || errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, ErrNoPointer
	}
	if err != nil {
		return nil, replicasHint(err, c.opts.Replicas)
	}
	return s, nil
}

func replicasHint(err error, replicas int) error {
	if err != nil && replicas > 1 && strings.Contains(err.Error(), "replicas") {
		return fmt.Errorf("%w (kerko asked for %d replicas: a single nats-server needs --replicas 1)", err, replicas)
	}
	return err
}

// Current reads the pointer of a mapping version.
func (s *Store) Current(ctx context.Context, mapping string) (Pointer, error) {
	var e jetstream.KeyValueEntry
	err := s.c.call(ctx, "read pointer", func(ctx context.Context) error {
		var err error
		e, err = s.kv.Get(ctx, PointerKey(mapping))
		return err
	})
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return Pointer{}, ErrNoPointer
	}
	if err != nil {
		return Pointer{}, err
	}
	return decodePointer(e)
}

func decodePointer(e jetstream.KeyValueEntry) (Pointer, error) {
	var p Pointer
	if err := json.Unmarshal(e.Value(), &p); err != nil {
		return Pointer{}, fmt.Errorf("pointer %s at revision %d: %w", e.Key(), e.Revision(), err)
	}
	p.Revision = e.Revision()
	return p, nil
}

// Stream progress carried by a generation built from the article stream.
type StreamProgress struct {
	LastSeq  uint64
	Consumed uint64
}

// Publish uploads the generation published in the local index directory
// dir and moves the pointer to it, if the pointer is still at base (as read
// before the build; the zero Pointer for none). It returns the new pointer,
// or base unchanged when dir's generation is already the published one.
// When another indexer moved the pointer first it removes its upload and
// returns ErrLostRace. Nothing is published until the swap: an indexer
// that dies before leaves at most an unreferenced object, removed by a
// later publish.
func (s *Store) Publish(ctx context.Context, dir string, base Pointer, sp *StreamProgress) (Pointer, error) {
	name, genDir, m, err := index.Published(dir)
	if err != nil {
		return Pointer{}, err
	}
	digest, size, err := archiveDigest(genDir)
	if err != nil {
		return Pointer{}, err
	}
	if digest == base.Digest && (sp == nil || sp.LastSeq <= base.StreamSeq) {
		return base, nil
	}
	p := Pointer{Generation: base.Generation + 1, Digest: digest, Size: size, Mapping: m.Version,
		Articles: m.Articles, Built: m.Built, Publisher: s.c.opts.Name,
		StreamSeq: base.StreamSeq, Consumed: base.Consumed}
	if sp != nil {
		p.StreamSeq, p.Consumed = max(sp.LastSeq, base.StreamSeq), base.Consumed+sp.Consumed
	}
	p.Object = fmt.Sprintf("%s/gen-%06d-%s", PointerKey(m.Version), p.Generation, short(digest))
	if digest != base.Digest {
		if err := s.upload(ctx, genDir, p); err != nil {
			return Pointer{}, fmt.Errorf("upload %s: %w", name, err)
		}
	} else {
		// New stream progress, same index (every message read was a
		// resend): the generation stays, so replicas have nothing to do.
		p.Object, p.Generation = base.Object, base.Generation
	}
	p.Published = time.Now().UTC()
	val, _ := json.Marshal(p)
	key := PointerKey(m.Version)
	tries := 0
	err = s.c.call(ctx, "move pointer", func(ctx context.Context) error {
		tries++
		var err error
		if base.Revision == 0 {
			p.Revision, err = s.kv.Create(ctx, key, val)
		} else {
			p.Revision, err = s.kv.Update(ctx, key, val, base.Revision)
		}
		return err
	})
	if errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
		now, rerr := s.Current(ctx, m.Version)
		if rerr == nil && tries > 1 && now.Object == p.Object && now.Digest == p.Digest {
			// An earlier try went through; its answer was lost.
			return now, nil
		}
		if p.Object != base.Object {
			s.deleteObject(ctx, p.Object)
		}
		if rerr != nil {
			return Pointer{}, fmt.Errorf("%w: the pointer moved past revision %d while this build ran; this build is not published", ErrLostRace, base.Revision)
		}
		return Pointer{}, fmt.Errorf("%w: generation %d (by %s at %s) while this build ran; this build is not published: run kerko index again to build on top of it",
			ErrLostRace, now.Generation, now.Publisher, now.Published.Format(time.RFC3339))
	}
	if err != nil {
		if p.Object != base.Object {
			s.deleteObject(ctx, p.Object)
		}
		return Pointer{}, fmt.Errorf("move pointer to generation %d (the pointer is unchanged): %w", p.Generation, err)
	}
	s.collect(ctx, m.Version)
	return p, nil
}

// upload streams genDir's archive into the object store, checking that it
// is the archive whose digest p names.
func (s *Store) upload(ctx context.Context, genDir string, p Pointer) error {
	// Uploads take longer than one call: the probe measured ~1.9 s for an
	// 85 MiB generation at three replicas; allow 10 MB/s with a floor.
	timeout := 30*time.Second + time.Duration(p.Size/(10<<20))*time.Second
	return s.c.callFor(ctx, "upload generation", timeout, func(ctx context.Context) error {
		pr, pw := io.Pipe()
		h := newDigest()
		go func() {
			pw.CloseWithError(writeArchive(io.MultiWriter(pw, h), genDir))
		}()
		_, err := s.obs.Put(ctx, jetstream.ObjectMeta{Name: p.Object, Description: fmt.Sprintf("generation %d, %d articles", p.Generation, p.Articles),
			Metadata: map[string]string{"digest": p.Digest, "mapping": p.Mapping}}, pr)
		pr.CloseWithError(errors.New("upload ended"))
		if err != nil {
			return err
		}
		if got := digestString(h); got != p.Digest {
			return fmt.Errorf("%w: the generation changed while it was uploaded (%s, then %s)", errNotRetryable, short(p.Digest), short(got))
		}
		return nil
	})
}

func (s *Store) deleteObject(ctx context.Context, name string) {
	err := s.c.call(ctx, "delete object", func(ctx context.Context) error { return s.obs.Delete(ctx, name) })
	if err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
		s.c.opts.Logger.Warn("could not delete an unpublished generation from the store", "object", name, "err", err)
	}
}

// objectGrace is how long an object no pointer names is left alone: it
// may be the upload of an indexer that has not swapped yet.
const objectGrace = 10 * time.Minute

// collect keeps the generations named by the pointer's last Keep values
// and deletes the other objects of its mapping version older than the grace.
func (s *Store) collect(ctx context.Context, mapping string) {
	keep := map[string]bool{}
	var hist []jetstream.KeyValueEntry
	err := s.c.call(ctx, "read pointer history", func(ctx context.Context) error {
		var err error
		hist, err = s.kv.History(ctx, PointerKey(mapping))
		return err
	})
	if err != nil {
		s.c.opts.Logger.Warn("old generations kept: could not read the pointer's history", "err", err)
		return
	}
	sort.Slice(hist, func(i, j int) bool { return hist[i].Revision() > hist[j].Revision() })
	for i, e := range hist {
		if i >= s.c.opts.Keep {
			break
		}
		if p, err := decodePointer(e); err == nil {
			keep[p.Object] = true
		}
	}
	var objs []*jetstream.ObjectInfo
	err = s.c.call(ctx, "list generations", func(ctx context.Context) error {
		var err error
		objs, err = s.obs.List(ctx)
		if errors.Is(err, jetstream.ErrNoObjectsFound) {
			err = nil
		}
		return err
	})
	if err != nil {
		s.c.opts.Logger.Warn("old generations kept: could not list them", "err", err)
		return
	}
	prefix := PointerKey(mapping) + "/"
	for _, o := range objs {
		if !strings.HasPrefix(o.Name, prefix) || keep[o.Name] {
			continue
		}
		// Superseded generations go at once; unreferenced ones after the grace.
		superseded := len(hist) > 0 && olderThanKept(o.Name, keep)
		if superseded || time.Since(o.ModTime) > objectGrace {
			s.deleteObject(ctx, o.Name)
		}
	}
}

// olderThanKept reports whether an object's generation number is below
// every kept one's (the names sort by number within a mapping version).
func olderThanKept(name string, keep map[string]bool) bool {
	for k := range keep {
		if genOf(name) >= genOf(k) {
			return false
		}
	}
	return len(keep) > 0
}

func genOf(object string) string {
	_, rest, _ := strings.Cut(object, "/gen-")
	n, _, _ := strings.Cut(rest, "-")
	return n
}

// Objects lists the names of the stored generations (for tests and status).
func (s *Store) Objects(ctx context.Context) ([]string, error) {
	var objs []*jetstream.ObjectInfo
	err := s.c.call(ctx, "list generations", func(ctx context.Context) error {
		var err error
		objs, err = s.obs.List(ctx)
		if errors.Is(err, jetstream.ErrNoObjectsFound) {
			err = nil
		}
		return err
	})
	names := make([]string, len(objs))
	for i, o := range objs {
		names[i] = o.Name
	}
	sort.Strings(names)
	return names, err
}

// SetPointer writes p as the pointer of a mapping version without a
// compare-and-swap. It exists for tests that publish a damaged generation
// and for an operator rolling back to a kept one.
func (s *Store) SetPointer(ctx context.Context, mapping string, p Pointer) (Pointer, error) {
	val, _ := json.Marshal(p)
	err := s.c.call(ctx, "set pointer", func(ctx context.Context) error {
		var err error
		p.Revision, err = s.kv.Put(ctx, PointerKey(mapping), val)
		return err
	})
	return p, err
}

// helper for tests: the local archive digest of a directory's published generation.
func publishedDigest(dir string) (string, error) {
	_, genDir, _, err := index.Published(dir)
	if err != nil {
		return "", err
	}
	d, _, err := archiveDigest(genDir)
	return d, err
}
