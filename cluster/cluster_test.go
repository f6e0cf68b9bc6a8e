package cluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"kerko/cluster/clustertest"
	"kerko/corpus"
	"kerko/index"
	"kerko/search"
)

// testOptions keep failure tests short: a call gives up after 1 s, twice.
func testOptions() Options {
	return Options{Replicas: 3, Keep: 3, CallTimeout: time.Second, Attempts: 2}
}

func connect(t *testing.T, c *clustertest.Cluster, o Options) *Conn {
	t.Helper()
	a, err := ParseAddress(c.URL())
	if err != nil {
		t.Fatal(err)
	}
	conn, err := Connect(a, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	return conn
}

func openStore(t *testing.T, conn *Conn) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	st, err := conn.OpenStore(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// build indexes articles (the seed corpus when none) into dir.
func build(t *testing.T, dir string, arts ...*corpus.Article) {
	t.Helper()
	read := func(ctx context.Context, r *corpus.Reader) error {
		if len(arts) == 0 {
			return r.ReadFS(ctx, corpus.Seeds(), "seeds")
		}
		for _, a := range arts {
			if err := r.Emit(a); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := index.Build(context.Background(), dir, read, index.BuildOptions{Full: true}); err != nil {
		t.Fatal(err)
	}
}

func article(i int, body string) *corpus.Article {
	return &corpus.Article{ID: fmt.Sprintf("a%03d", i), Title: fmt.Sprintf("Article %d about Tirana", i),
		Body: body, Lang: "en", Date: time.Date(2026, 1, 1+i%28, 0, 0, 0, 0, time.UTC)}
}

func TestParseAddress(t *testing.T) {
	for _, tc := range []struct {
		in, servers, stream string
		bad                 bool
	}{
		{in: "nats://127.0.0.1:4222", servers: "nats://127.0.0.1:4222"},
		{in: "nats://a:1,b:2/ARTICLES", servers: "nats://a:1 nats://b:2", stream: "ARTICLES"},
		{in: "nats://host", servers: "nats://host:4222"},
		{in: "http://a:1", bad: true},
		{in: "nats://a:1/bad.name", bad: true},
		{in: "nats://", bad: true},
	} {
		a, err := ParseAddress(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("ParseAddress(%q) = %v, want an error", tc.in, a)
			}
			continue
		}
		if err != nil || strings.Join(a.Servers, " ") != tc.servers || a.Stream != tc.stream {
			t.Errorf("ParseAddress(%q) = %v, %v", tc.in, a, err)
		}
	}
}

func TestStore_PublishFollow(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()

	src := t.TempDir()
	build(t, src)
	p, err := st.Publish(ctx, src, Pointer{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Generation != 1 || p.Mapping != index.MappingVersion() || p.Articles != 5 {
		t.Fatalf("published %+v", p)
	}
	again, err := st.Publish(ctx, src, p, nil)
	if err != nil || again.Revision != p.Revision {
		t.Fatalf("publishing the same generation again: %+v, %v; want the pointer unchanged", again, err)
	}

	dst := t.TempDir()
	f := conn.NewFollower(dst)
	if err := f.step(ctx); err != nil {
		t.Fatal(err)
	}
	name, _, m, err := index.Published(dst)
	if err != nil || name != "gen-000001" || m.Articles != 5 {
		t.Fatalf("replica has %q %+v %v", name, m, err)
	}
	if d, _ := publishedDigest(dst); d != p.Digest {
		t.Fatalf("replica's generation has digest %s, published %s", d, p.Digest)
	}
	ix, err := search.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Count() != 5 {
		t.Fatalf("replica serves %d articles", ix.Count())
	}
}

func TestStore_PublishRace(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	a, b := t.TempDir(), t.TempDir()
	build(t, a, article(1, "one"))
	build(t, b, article(2, "two"))
	base, err := st.Current(ctx, index.MappingVersion())
	if !errors.Is(err, ErrNoPointer) {
		t.Fatalf("fresh store: %v", err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, dir := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = st.Publish(ctx, dir, base, nil)
		}()
	}
	wg.Wait()
	won, lost := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case errors.Is(err, ErrLostRace):
			lost++
			if !strings.Contains(err.Error(), "not published") {
				t.Errorf("loser's message %q does not say its build is not published", err)
			}
		default:
			t.Errorf("publish: %v", err)
		}
	}
	if won != 1 || lost != 1 {
		t.Fatalf("%d won, %d lost: %v", won, lost, errs)
	}
	objs, _ := st.Objects(ctx)
	if len(objs) != 1 {
		t.Fatalf("store holds %v, want only the winner's generation", objs)
	}
}

// lostAnswerKV answers the first swap with a timeout, as a try whose answer
// was lost; with applied, that swap went through all the same.
type lostAnswerKV struct {
	jetstream.KeyValue
	applied bool
	tries   int
}

func (kv *lostAnswerKV) Update(ctx context.Context, key string, val []byte, rev uint64) (uint64, error) {
	kv.tries++
	if kv.tries > 1 {
		return kv.KeyValue.Update(ctx, key, val, rev)
	}
	if kv.applied {
		if _, err := kv.KeyValue.Update(ctx, key, val, rev); err != nil {
			return 0, err
		}
	}
	return 0, context.DeadlineExceeded
}

// TestStore_PublishLostAnswer: a swap whose answer was lost but that went
// through is a win; one that did not, after another indexer's swap, is a
// lost race, even when the winner's pointer names the same object and
// digest (two indexers that read only resent messages both keep the
// base's generation and record new stream progress). Telling them apart
// by object and digest made both racers report success.
func TestStore_PublishLostAnswer(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	dir := t.TempDir()
	build(t, dir, article(1, "one"))
	base, err := st.Publish(ctx, dir, Pointer{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	lossy := func(applied bool) *Store {
		return &Store{c: st.c, kv: &lostAnswerKV{KeyValue: st.kv, applied: applied}, obs: st.obs}
	}

	p, err := lossy(true).Publish(ctx, dir, base, &StreamProgress{LastSeq: 10, Consumed: 10})
	if err != nil || p.StreamSeq != 10 || p.Object != base.Object {
		t.Fatalf("a swap that went through but whose answer was lost: %+v, %v; want a win recording stream seq 10", p, err)
	}
	if cur, err := st.Current(ctx, index.MappingVersion()); err != nil || cur.Revision != p.Revision {
		t.Fatalf("pointer after the win: %+v, %v; want revision %d", cur, err, p.Revision)
	}
	base = p

	won, err := st.Publish(ctx, dir, base, &StreamProgress{LastSeq: 20, Consumed: 10})
	if err != nil {
		t.Fatal(err)
	}
	late, err := lossy(false).Publish(ctx, dir, base, &StreamProgress{LastSeq: 30, Consumed: 20})
	if !errors.Is(err, ErrLostRace) {
		t.Fatalf("a racer whose swap did not go through, after a swap naming the same object: %+v, %v; want ErrLostRace", late, err)
	}
	if cur, err := st.Current(ctx, index.MappingVersion()); err != nil || cur.Revision != won.Revision || cur.StreamSeq != 20 {
		t.Fatalf("pointer after the race: %+v, %v; want the winner's (revision %d, stream seq 20)", cur, err, won.Revision)
	}
	if objs, _ := st.Objects(ctx); len(objs) != 1 || objs[0] != base.Object {
		t.Fatalf("store holds %v, want the one generation %s", objs, base.Object)
	}
}

func TestStore_KeepsLastK(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	dir := t.TempDir()
	var p Pointer
	for i := 1; i <= 5; i++ {
		build(t, dir, article(i, strings.Repeat("word ", i)))
		var err error
		if p, err = st.Publish(ctx, dir, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	objs, _ := st.Objects(ctx)
	if p.Generation != 5 || len(objs) != 3 || genOf(objs[0]) != "000003" {
		t.Fatalf("after 5 publishes: pointer %d, store %v; want generations 3-5", p.Generation, objs)
	}
}

// TestStore_ReadsItsWrites: the pointer read right after a write is that
// write, and so is the newest value of the history that collect reads.
// JetStream's KV reads may be answered by a follower that is behind (Get
// is a direct get, History an R1 consumer on any peer): on a loaded
// machine about one such read in twenty missed the write just made, which
// is how TestStore_KeepsLastK came to keep a generation too many.
func TestStore_ReadsItsWrites(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	const mapping = "kerko-test/reads-its-writes"
	for i := 1; i <= 100; i++ {
		p, err := st.SetPointer(ctx, mapping, Pointer{Generation: i, Object: fmt.Sprintf("gen-%06d", i)})
		if err != nil {
			t.Fatal(err)
		}
		cur, err := st.Current(ctx, mapping)
		if err != nil || cur.Revision != p.Revision || cur.Generation != i {
			t.Fatalf("write %d at revision %d, then read generation %d at revision %d (%v)", i, p.Revision, cur.Generation, cur.Revision, err)
		}
		hist, err := st.history(ctx, mapping)
		var revs []uint64
		for _, h := range hist {
			revs = append(revs, h.Revision)
		}
		if err != nil || len(hist) == 0 || hist[len(hist)-1].Revision != p.Revision {
			t.Fatalf("write %d at revision %d, then the history read revisions %v (%v)", i, p.Revision, revs, err)
		}
		if want := min(i, 3); len(hist) != want {
			t.Fatalf("history of %d values after %d writes, want the bucket's %d", len(hist), i, want)
		}
	}
	if err := st.kv.Delete(ctx, PointerKey(mapping)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Current(ctx, mapping); !errors.Is(err, ErrNoPointer) {
		t.Fatalf("pointer after its key was deleted: %v, want ErrNoPointer", err)
	}
	if _, err := st.Current(ctx, "kerko-test/never-published"); !errors.Is(err, ErrNoPointer) {
		t.Fatalf("pointer of a mapping never published: %v, want ErrNoPointer", err)
	}
}

// TestFollower_ObjectNotYetReadable: a pointer naming an object its
// follower cannot read yet (a replica of the object stream behind the
// upload, which the pointer, read from its leader, already names) is
// tried again at the next step, not refused for a minute.
func TestFollower_ObjectNotYetReadable(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	src := t.TempDir()
	build(t, src)
	_, genDir, m, err := index.Published(src)
	if err != nil {
		t.Fatal(err)
	}
	digest, size, err := archiveDigest(genDir)
	if err != nil {
		t.Fatal(err)
	}
	p := Pointer{Generation: 1, Object: PointerKey(m.Version) + "/gen-000001-late", Digest: digest, Size: size,
		Mapping: m.Version, Articles: m.Articles, Built: m.Built, Published: time.Now().UTC()}
	if p, err = st.SetPointer(ctx, m.Version, p); err != nil {
		t.Fatal(err)
	}
	f := conn.NewFollower(t.TempDir())
	if err := f.step(ctx); err == nil || f.Status().Installed.Generation != 0 {
		t.Fatalf("step with the object not there: %v, installed %d; want an error and nothing installed", err, f.Status().Installed.Generation)
	}
	if err := st.upload(ctx, genDir, p); err != nil {
		t.Fatal(err)
	}
	if err := f.step(ctx); err != nil || f.Status().Installed.Generation != 1 {
		t.Fatalf("step once the object is there: %v, installed %d; want generation 1", err, f.Status().Installed.Generation)
	}
}

func TestFollower_Refuses(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	src := t.TempDir()
	build(t, src)
	good, err := st.Publish(ctx, src, Pointer{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	f := conn.NewFollower(dst)
	if err := f.step(ctx); err != nil {
		t.Fatal(err)
	}

	// A generation whose archive is not the one the pointer names.
	build(t, src, article(1, "other"))
	bad, err := st.Publish(ctx, src, good, nil)
	if err != nil {
		t.Fatal(err)
	}
	bad.Digest = good.Digest
	bad.Generation++
	bad, err = st.SetPointer(ctx, index.MappingVersion(), bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.step(ctx); err == nil || !strings.Contains(err.Error(), "digest mismatch") {
		t.Fatalf("a wrong digest: %v, want refused for its digest", err)
	}
	if name, _, _, _ := index.Published(dst); name != "gen-000001" {
		t.Fatalf("replica moved to %s", name)
	}

	// A generation built with another mapping, published under this one's key.
	other := t.TempDir()
	build(t, other)
	_, genDir, _, _ := index.Published(other)
	mf := filepath.Join(genDir, index.MarkerFile)
	b, _ := os.ReadFile(mf)
	os.WriteFile(mf, []byte(strings.Replace(string(b), index.MappingVersion(), "kerko-mapping-1/old/old", 1)), 0o644)
	wrong, err := st.Publish(ctx, other, Pointer{}, nil) // under the old mapping's key
	if err != nil {
		t.Fatal(err)
	}
	wrong.Mapping = index.MappingVersion()
	wrong.Generation += 10
	if _, err := st.SetPointer(ctx, index.MappingVersion(), wrong); err != nil {
		t.Fatal(err)
	}
	if err := f.step(ctx); err == nil || !errors.Is(err, index.ErrVersion) {
		t.Fatalf("a generation of another mapping: %v, want refused for its version", err)
	}
	if name, _, _, _ := index.Published(dst); name != "gen-000001" {
		t.Fatalf("replica moved to %s", name)
	}
	if ents, _ := filepath.Glob(filepath.Join(dst, incomingPrefix+"*")); len(ents) != 0 {
		t.Fatalf("refused downloads left behind: %v", ents)
	}
}

func TestStore_NodeLoss(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	dir := t.TempDir()
	build(t, dir, article(1, "first"))
	p, err := st.Publish(ctx, dir, Pointer{}, nil)
	if err != nil {
		t.Fatal(err)
	}

	c.Stop(2)
	build(t, dir, article(2, "second"))
	start := time.Now()
	var p2 Pointer
	// The streams whose leader was on the dead node elect another within
	// seconds; a publish tried meanwhile fails, as a CronJob's would, and
	// the next run succeeds.
	for time.Since(start) < 30*time.Second {
		if p2, err = st.Publish(ctx, dir, p, nil); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("publish with one of three nodes dead: %v", err)
	}
	t.Logf("publish with one node dead succeeded %s after the node stopped", time.Since(start).Round(time.Millisecond))

	c.Stop(1)
	build(t, dir, article(3, "third"))
	_, err = st.Publish(ctx, dir, p2, nil)
	if err == nil || !strings.Contains(err.Error(), "majority") {
		t.Fatalf("publish with two of three nodes dead: %v, want a clear failure", err)
	}
	c.Restart(1)
	c.Restart(2)
	c.WaitLeader(30 * time.Second)
	var now Pointer
	for time.Since(start) < 60*time.Second {
		if now, err = st.Current(ctx, index.MappingVersion()); err == nil {
			break
		}
	}
	if err != nil || now.Generation != p2.Generation || now.Digest != p2.Digest {
		t.Fatalf("pointer after the failed publish: %+v, %v; want generation %d unchanged", now, err, p2.Generation)
	}
}

func TestConsumer_Stream(t *testing.T) {
	c := clustertest.Start(t, 3)
	conn := connect(t, c, testOptions())
	st := openStore(t, conn)
	ctx := context.Background()
	if err := conn.EnsureStream(ctx, "ARTICLES"); err != nil {
		t.Fatal(err)
	}
	var msgs []Message
	// More than one fetch (500) of messages.
	for i := 0; i < 1200; i++ {
		msgs = append(msgs, ArticleMessage(article(i, fmt.Sprintf("body number %d", i))))
	}
	// A resend changes nothing; a tombstone removes its article.
	msgs = append(msgs, msgs[:20]...)
	msgs = append(msgs, Message{ID: "a007", Deleted: true})
	if err := conn.Push(ctx, "ARTICLES", msgs); err != nil {
		t.Fatal(err)
	}
	cons, err := conn.Consumer(ctx, "ARTICLES", "kerko-indexer", 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	b, err := cons.Read(ctx, t.TempDir(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if b.Articles() != 1199 || len(b.Deletes) != 1 {
		t.Fatalf("batch of %d messages: %d articles, deletes %v; want 1199 and [a007]", b.Messages, b.Articles(), b.Deletes)
	}
	if _, err := index.Build(ctx, dir, b.Read, index.BuildOptions{Keep: true, Delete: b.Deletes}); err != nil {
		t.Fatal(err)
	}
	p, err := st.Publish(ctx, dir, Pointer{}, &StreamProgress{LastSeq: b.LastSeq, Consumed: uint64(b.Messages)})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Ack(ctx); err != nil {
		t.Fatal(err)
	}
	if p.Articles != 1199 || p.StreamSeq != b.LastSeq {
		t.Fatalf("published %+v", p)
	}
	again, err := cons.Read(ctx, t.TempDir(), 0, p.StreamSeq)
	if err != nil || again.Messages != 0 {
		t.Fatalf("after the acknowledgement: %d messages again, %v", again.Messages, err)
	}
}
