package cluster

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
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
	Mapping    string    `json:"mapping"`    // index.MappingVersion() of the kerko that built it
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

// Current reads the pointer of a mapping version from its stream's leader
// (see leaderGet): an indexer's base, the check after a swap, and a
// replica's poll all see every swap acknowledged before they read.
func (s *Store) Current(ctx context.Context, mapping string) (Pointer, error) {
	key := PointerKey(mapping)
	var m *storedMsg
	err := s.c.call(ctx, "read pointer", func(ctx context.Context) error {
		var err error
		m, err = s.leaderGet(ctx, msgGetRequest{LastFor: pointerSubject(key)})
		return err
	})
	if err != nil {
		return Pointer{}, err
	}
	if m == nil || m.removed() {
		return Pointer{}, ErrNoPointer
	}
	return decodePointer(key, m)
}

// history reads every value the pointer of a mapping version still keeps
// (the bucket's History), oldest first, from its stream's leader.
func (s *Store) history(ctx context.Context, mapping string) ([]Pointer, error) {
	key := PointerKey(mapping)
	var hist []Pointer
	err := s.scan(ctx, mapping, 0, func(m *storedMsg) bool {
		if p, err := decodePointer(key, m); err == nil && !m.removed() {
			hist = append(hist, p) // an undecodable value names nothing to keep
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return hist, nil
}

// wrote reports whether the pointer of a mapping version took the value
// val after revision after, and the pointer as written: a swap whose
// answer was lost may have gone through, and only the very bytes it wrote
// tell. Another indexer's value can name the same object and digest (two
// indexers that read only resent messages both keep the base's
// generation), so the object and digest do not.
func (s *Store) wrote(ctx context.Context, mapping string, val []byte, after uint64) (Pointer, bool, error) {
	var found *storedMsg
	err := s.scan(ctx, mapping, after, func(m *storedMsg) bool {
		if !m.removed() && bytes.Equal(m.Data, val) {
			found = m
			return false
		}
		return true
	})
	if err != nil || found == nil {
		return Pointer{}, false, err
	}
	p, err := decodePointer(PointerKey(mapping), found)
	return p, err == nil, err
}

// scan calls fn with each value the pointer of a mapping version keeps
// above revision after, oldest first, read from its stream's leader, until
// fn returns false.
func (s *Store) scan(ctx context.Context, mapping string, after uint64, fn func(*storedMsg) bool) error {
	subject := pointerSubject(PointerKey(mapping))
	for seq := after + 1; ; {
		var m *storedMsg
		err := s.c.call(ctx, "read pointer history", func(ctx context.Context) error {
			var err error
			m, err = s.leaderGet(ctx, msgGetRequest{Seq: seq, NextFor: subject})
			return err
		})
		if err != nil {
			return err
		}
		if m == nil || !fn(m) {
			return nil
		}
		seq = m.Sequence + 1
	}
}

func decodePointer(key string, m *storedMsg) (Pointer, error) {
	var p Pointer
	if err := json.Unmarshal(m.Data, &p); err != nil {
		return Pointer{}, fmt.Errorf("pointer %s at revision %d: %w", key, m.Sequence, err)
	}
	p.Revision = m.Sequence
	return p, nil
}

// The pointer bucket's stream, and the subject of a key in it (JetStream's
// names for a KV bucket).
const pointerStream = "KV_" + PointerBucket

func pointerSubject(key string) string { return "$KV." + PointerBucket + "." + key }

// msgGetRequest and storedMsg are JetStream's STREAM.MSG.GET request and
// the message of its answer.
type msgGetRequest struct {
	Seq     uint64 `json:"seq,omitempty"`
	LastFor string `json:"last_by_subj,omitempty"`
	NextFor string `json:"next_by_subj,omitempty"`
}

type storedMsg struct {
	Subject  string `json:"subject"`
	Sequence uint64 `json:"seq"`
	Header   []byte `json:"hdrs,omitempty"`
	Data     []byte `json:"data,omitempty"`
}

// removed reports whether the message is a KV delete or purge marker.
func (m *storedMsg) removed() bool {
	if len(m.Header) == 0 {
		return false
	}
	h, err := nats.DecodeHeadersMsg(m.Header)
	if err != nil {
		return false
	}
	op := h.Get("KV-Operation")
	return op == "DEL" || op == "PURGE"
}

// leaderGet asks the pointer stream's leader for one message; nil when
// there is none. The KV API's reads may be answered by any replica of the
// bucket (Get is a direct get, History an R1 consumer placed on any peer),
// and a follower can be behind a swap already acknowledged: under load
// about one read in twenty made right after a write missed it. A stale
// base makes an indexer lose its swap to nobody; a stale read after a swap
// whose answer was lost made the winner report a lost race and delete the
// generation the pointer had just moved to; a stale history kept
// generations that should have gone. STREAM.MSG.GET is answered by the
// stream's leader alone, which holds every acknowledged write.
func (s *Store) leaderGet(ctx context.Context, req msgGetRequest) (*storedMsg, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	reply, err := s.c.nc.RequestWithContext(ctx, "$JS.API.STREAM.MSG.GET."+pointerStream, body)
	if err != nil {
		return nil, err
	}
	var resp struct {
		Error   *jetstream.APIError `json:"error,omitempty"`
		Message *storedMsg          `json:"message,omitempty"`
	}
	if err := json.Unmarshal(reply.Data, &resp); err != nil {
		return nil, fmt.Errorf("answer to a pointer read: %w", err)
	}
	switch {
	case resp.Error != nil && resp.Error.ErrorCode == jetstream.JSErrCodeMessageNotFound:
		return nil, nil
	case resp.Error != nil:
		return nil, resp.Error
	case resp.Message == nil:
		return nil, errors.New("answer to a pointer read holds no message")
	}
	return resp.Message, nil
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
		if tries > 1 {
			mine, ok, werr := s.wrote(ctx, m.Version, val, base.Revision)
			if werr != nil {
				// The upload stays: the pointer may name it.
				return Pointer{}, fmt.Errorf("move pointer to generation %d: the answer to a try was lost and the pointer's history could not be read, so whether this build is published is not known: %w", p.Generation, werr)
			}
			if ok {
				// An earlier try went through; its answer was lost.
				s.collect(ctx, m.Version, mine)
				return mine, nil
			}
		}
		now, rerr := s.Current(ctx, m.Version)
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
	s.collect(ctx, m.Version, p)
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
// published is the pointer just written: a history without it is not the
// latest, and nothing is deleted on its word.
func (s *Store) collect(ctx context.Context, mapping string, published Pointer) {
	keep := map[string]bool{}
	hist, err := s.history(ctx, mapping)
	if err != nil {
		s.c.opts.Logger.Warn("old generations kept: could not read the pointer's history", "err", err)
		return
	}
	sort.Slice(hist, func(i, j int) bool { return hist[i].Revision > hist[j].Revision })
	if len(hist) == 0 || hist[0].Revision < published.Revision {
		s.c.opts.Logger.Warn("old generations kept: the pointer's history read lacks the value just published", "revision", published.Revision)
		return
	}
	for i, p := range hist {
		if i >= s.c.opts.Keep {
			break
		}
		keep[p.Object] = true
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
