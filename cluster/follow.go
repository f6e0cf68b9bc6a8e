package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"kerko/index"
)

// Follower keeps a local index directory at the generation the shared
// pointer names.
type Follower struct {
	c   *Conn
	dir string
	// OnInstall hears of each generation installed in dir (the server
	// reloads at once rather than at its next poll).
	OnInstall func(p Pointer, local string)
	// Poll is how often the pointer is read besides the watch (default 5s):
	// a watch broken by an outage is noticed and made again.
	Poll time.Duration

	store *Store // bound once the buckets exist; used by Run's goroutine only

	mu           sync.Mutex
	status       FollowStatus
	refused      string // key of the last pointer refused, left alone until refusedUntil
	refusedUntil time.Time
	lastErr      string
	installed    Pointer
}

// FollowStatus is what a replica knows of the pointer and its own copy.
type FollowStatus struct {
	Source    string    // the nats:// address followed
	Pointer   Pointer   // the newest pointer seen (zero before the first)
	Seen      time.Time // when Pointer was read
	Installed Pointer   // the pointer whose generation dir holds (zero if none came from NATS)
	Connected bool
	Err       string // the last failure to follow, "" after a success
}

// NewFollower follows the pointer of this kerko's mapping version into dir.
func (c *Conn) NewFollower(dir string) *Follower {
	return &Follower{c: c, dir: dir, Poll: 5 * time.Second, status: FollowStatus{Source: c.Addr.String()}}
}

// Status says where the follower is.
func (f *Follower) Status() FollowStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := f.status
	st.Connected = f.c.nc.IsConnected()
	return st
}

// Run follows the pointer until ctx ends. Failures (NATS away, a damaged
// generation) are logged and retried; the local generation serves meanwhile.
func (f *Follower) Run(ctx context.Context) {
	log := f.c.opts.Logger
	f.cleanIncoming()
	notify := make(chan struct{}, 1)
	go f.watch(ctx, notify)
	t := time.NewTicker(f.Poll)
	defer t.Stop()
	for {
		if err := f.step(ctx); err != nil && ctx.Err() == nil {
			f.mu.Lock()
			f.status.Err = err.Error()
			repeat := err.Error() == f.lastErr
			f.lastErr = err.Error()
			f.mu.Unlock()
			if !repeat {
				log.Warn("index generation not followed; still serving the local one", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-notify:
		case <-t.C:
		}
	}
}

// watch signals notify at each change of the pointer, making the watch
// again whenever it breaks.
func (f *Follower) watch(ctx context.Context, notify chan<- struct{}) {
	for ctx.Err() == nil {
		st, err := f.c.OpenStore(ctx, false)
		if err == nil {
			var w jetstream.KeyWatcher
			err = f.c.call(ctx, "watch pointer", func(cctx context.Context) error {
				var err error
				// The watch lives as long as ctx; cctx bounds its setup only.
				w, err = st.kv.Watch(ctx, PointerKey(index.MappingVersion()), jetstream.UpdatesOnly())
				return err
			})
			if err == nil {
				f.drain(ctx, w, notify)
				w.Stop()
			}
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (f *Follower) drain(ctx context.Context, w jetstream.KeyWatcher, notify chan<- struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-w.Updates():
			if !ok {
				return
			}
			if e != nil {
				select {
				case notify <- struct{}{}:
				default:
				}
			}
		}
	}
}

// step reads the pointer once and installs its generation if it is new.
func (f *Follower) step(ctx context.Context) error {
	if f.store == nil {
		st, err := f.c.OpenStore(ctx, false)
		if errors.Is(err, ErrNoPointer) {
			return nil
		}
		if err != nil {
			return err
		}
		f.store = st
	}
	st := f.store
	p, err := st.Current(ctx, index.MappingVersion())
	if errors.Is(err, ErrNoPointer) {
		return nil
	}
	if err != nil {
		return err
	}
	f.mu.Lock()
	f.status.Pointer, f.status.Seen = p, time.Now()
	refused := f.refused == p.key() && time.Now().Before(f.refusedUntil)
	installed := f.installed
	f.mu.Unlock()
	if refused {
		return nil
	}
	if p.Mapping != index.MappingVersion() {
		return f.refuse(p, fmt.Errorf("%w: pointer names mapping %s, this kerko has %s", errRefused, p.Mapping, index.MappingVersion()))
	}
	if installed.key() == p.key() {
		f.mu.Lock()
		f.status.Err = ""
		f.mu.Unlock()
		return nil
	}
	local, _, m, lerr := index.Published(f.dir)
	if lerr == nil {
		n, _ := index.GenerationNumber(local)
		if n == p.Generation && m.Articles == p.Articles && m.Built.Equal(p.Built) {
			// Already there (a restart): nothing to download.
			f.setInstalled(p)
			return nil
		}
		if n >= p.Generation {
			return fmt.Errorf("local generation %s is not older than the cluster's generation %d: empty %s to follow this cluster", local, p.Generation, f.dir)
		}
	}
	name, err := f.install(ctx, st, p)
	if err != nil {
		if errors.Is(err, jetstream.ErrObjectNotFound) {
			// The pointer is read from its stream's leader, the object
			// from any replica of its own stream: one behind the upload
			// (acknowledged before the swap) does not have it yet. Not
			// a refusal, which would leave the generation for a minute:
			// the next step tries again.
			return fmt.Errorf("generation %d (%s): the object is not readable yet: %w", p.Generation, p.Object, err)
		}
		if !isPermanent(err) && !errors.Is(err, errDigest) && !errors.Is(err, index.ErrVersion) && !errors.Is(err, errRefused) {
			return err
		}
		return f.refuse(p, err)
	}
	f.setInstalled(p)
	f.mu.Lock()
	f.status.Err = ""
	f.mu.Unlock()
	f.c.opts.Logger.Info("installed index generation", "generation", name, "articles", p.Articles,
		"lag", time.Since(p.Published).Round(time.Millisecond).String())
	if f.OnInstall != nil {
		f.OnInstall(p, name)
	}
	return nil
}

// refuseFor is how long a refused pointer is left alone before it is tried
// again (an operator may have repaired the object under it).
const refuseFor = time.Minute

func (f *Follower) refuse(p Pointer, err error) error {
	f.mu.Lock()
	f.refused, f.refusedUntil = p.key(), time.Now().Add(refuseFor)
	f.mu.Unlock()
	return fmt.Errorf("generation %d (%s) refused: %w", p.Generation, p.Object, err)
}

// key tells pointers to different content apart.
func (p Pointer) key() string {
	return fmt.Sprintf("%d %s %s %s", p.Generation, p.Object, p.Digest, p.Mapping)
}

func (f *Follower) setInstalled(p Pointer) {
	f.mu.Lock()
	f.installed, f.status.Installed = p, p
	f.mu.Unlock()
}

var errRefused = errors.New("not installable")

const incomingPrefix = ".incoming-"

// install downloads p's generation beside dir's generations and installs it.
func (f *Follower) install(ctx context.Context, st *Store, p Pointer) (string, error) {
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		return "", fmt.Errorf("create index dir: %w", err)
	}
	tmp, err := os.MkdirTemp(f.dir, incomingPrefix)
	if err != nil {
		return "", fmt.Errorf("make download dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := st.Download(ctx, p, tmp); err != nil {
		return "", err
	}
	m, err := index.CheckGeneration(tmp)
	if err != nil {
		return "", fmt.Errorf("%w: %w", errRefused, err)
	}
	if m.Articles != p.Articles {
		return "", fmt.Errorf("%w: marker says %d articles, pointer %d", errRefused, m.Articles, p.Articles)
	}
	return index.Install(f.dir, tmp, p.Generation)
}

// Download fetches p's archive into dst and checks it against p's digest.
func (s *Store) Download(ctx context.Context, p Pointer, dst string) error {
	timeout := 30*time.Second + time.Duration(p.Size/(10<<20))*time.Second
	return s.c.callFor(ctx, "download generation", timeout, func(ctx context.Context) error {
		// A failed try leaves files behind: start each one afresh.
		entries, _ := os.ReadDir(dst)
		for _, e := range entries {
			os.RemoveAll(filepath.Join(dst, e.Name()))
		}
		// A download whose chunks stop coming, or that cannot start (its
		// stream's leader died under it), waits for its whole deadline in
		// the client: give up on it after a few seconds without a byte
		// instead, and try again.
		ctx, cancel := context.WithCancelCause(ctx)
		defer cancel(nil)
		pr := &progressReader{}
		go func() {
			last, idle := int64(-1), time.Duration(0)
			for ctx.Err() == nil {
				time.Sleep(250 * time.Millisecond)
				n := pr.n.Load()
				if n != last {
					last, idle = n, 0
					continue
				}
				if idle += 250 * time.Millisecond; idle >= stallTimeout {
					cancel(fmt.Errorf("download stalled: no data for %s after %d bytes", stallTimeout, n))
					return
				}
			}
		}()
		r, err := s.obs.Get(ctx, p.Object)
		if err != nil {
			if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
				err = fmt.Errorf("%w (%v)", cause, err)
			}
			return err
		}
		defer r.Close()
		pr.r = r
		err = extractArchive(pr, dst, p.Digest)
		if cause := context.Cause(ctx); err != nil && cause != nil && !errors.Is(cause, context.Canceled) {
			err = fmt.Errorf("%w (%v)", cause, err)
		}
		return err
	})
}

// cleanIncoming removes downloads a killed replica left behind.
func (f *Follower) cleanIncoming() {
	matches, _ := filepath.Glob(filepath.Join(f.dir, incomingPrefix+"*"))
	for _, m := range matches {
		os.RemoveAll(m)
	}
}

// Sync makes p's generation the published one of dir unless dir publishes
// the same content already: an indexer of the article stream builds on
// top of the shared generation, not on whatever its disk held.
func (s *Store) Sync(ctx context.Context, dir string, p Pointer) error {
	local, _, _, err := index.Published(dir)
	if err == nil {
		if d, derr := publishedDigest(dir); derr == nil && d == p.Digest {
			return nil
		}
	}
	n := p.Generation
	if l, ok := index.GenerationNumber(local); ok && l >= n {
		n = l + 1
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create index dir: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, incomingPrefix)
	if err != nil {
		return fmt.Errorf("make download dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := s.Download(ctx, p, tmp); err != nil {
		return fmt.Errorf("download generation %d: %w", p.Generation, err)
	}
	_, err = index.Install(dir, tmp, n)
	return err
}

// stallTimeout is how long a download may go without a byte.
const stallTimeout = 5 * time.Second

// progressReader counts the bytes read through it.
type progressReader struct {
	r io.Reader
	n atomic.Int64
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n.Add(int64(n))
	return n, err
}
