package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"kerko/cluster"
	"kerko/corpus"
	"kerko/index"
)

// natsFlags are kerko index's flags for a NATS cluster.
type natsFlags struct {
	publish   string
	from      string
	replicas  int
	keep      int
	consumer  string
	ackWait   time.Duration
	max       int
	timeout   time.Duration
	logFormat string
}

func (nf *natsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&nf.publish, "publish", "", "after the build, publish the generation to this NATS cluster (nats://H:P[,H:P...]); see docs/scale-out.md")
	fs.StringVar(&nf.from, "from", "", "index the articles waiting in this NATS stream (nats://H:P[,H:P...]/STREAM) on top of the published generation, and publish the result")
	fs.IntVar(&nf.replicas, "replicas", 3, "replicas of the generation store and pointer, when kerko creates them (1 for a single nats-server)")
	fs.IntVar(&nf.keep, "keep", 3, "published generations kept in the store")
	fs.StringVar(&nf.consumer, "consumer", "kerko-indexer", "durable consumer name with --from")
	fs.DurationVar(&nf.ackWait, "ack-wait", 30*time.Second, "with --from: how long messages read by an indexer that died wait before they are delivered again")
	fs.IntVar(&nf.max, "max-articles", 0, "with --from: read at most this many messages into one generation (0: all waiting)")
	fs.DurationVar(&nf.timeout, "nats-timeout", 5*time.Second, "bound of one JetStream call; a call that times out is tried again, four times in all")
	fs.StringVar(&nf.logFormat, "log-format", "text", "log lines (NATS retries, warnings) as text or json")
}

// publishRun is one indexer's work with the cluster: the pointer as it was
// before the build, and with --from the messages read.
type publishRun struct {
	conn   *cluster.Conn
	store  *cluster.Store
	base   cluster.Pointer
	from   string
	batch  *cluster.Batch
	tmp    string
	start  time.Time
	stderr io.Writer
}

// start connects, reads the pointer (the compare-and-swap's base) and,
// with --from, brings dir to the published generation and reads the stream.
func (nf *natsFlags) start(ctx context.Context, dir string, stderr io.Writer) (*publishRun, error) {
	log, err := newLogger(stderr, nf.logFormat)
	if err != nil {
		return nil, err
	}
	target := nf.publish
	var stream string
	if nf.from != "" {
		fa, err := cluster.ParseAddress(nf.from)
		if err != nil {
			return nil, fmt.Errorf("--from: %w", err)
		}
		if fa.Stream == "" {
			return nil, fmt.Errorf("--from %s names no stream: want nats://H:P/STREAM", nf.from)
		}
		stream = fa.Stream
		if target == "" {
			fa.Stream = ""
			target = fa.String()
		}
	}
	a, err := cluster.ParseAddress(target)
	if err != nil {
		return nil, fmt.Errorf("--publish: %w", err)
	}
	a.Stream = ""
	conn, err := cluster.Connect(a, cluster.Options{Replicas: nf.replicas, Keep: nf.keep, CallTimeout: nf.timeout, Logger: log, Name: "kerko index"})
	if err != nil {
		return nil, err
	}
	pr := &publishRun{conn: conn, from: nf.from, start: time.Now(), stderr: stderr}
	if pr.store, err = conn.OpenStore(ctx, true); err != nil {
		conn.Close()
		return nil, fmt.Errorf("publish to %s: %w", a, err)
	}
	pr.base, err = pr.store.Current(ctx, index.MappingVersion)
	if err != nil && !errors.Is(err, cluster.ErrNoPointer) {
		conn.Close()
		return nil, fmt.Errorf("publish to %s: %w", a, err)
	}
	if stream == "" {
		return pr, nil
	}
	if pr.base.Generation > 0 {
		if err := pr.store.Sync(ctx, dir, pr.base); err != nil {
			conn.Close()
			return nil, fmt.Errorf("bring %s to the published generation %d: %w", dir, pr.base.Generation, err)
		}
	}
	cons, err := conn.Consumer(ctx, stream, nf.consumer, nf.ackWait)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if pr.tmp, err = os.MkdirTemp("", "kerko-stream-"); err != nil {
		conn.Close()
		return nil, err
	}
	if pr.batch, err = cons.Read(ctx, pr.tmp, nf.max, pr.base.StreamSeq); err != nil {
		pr.close()
		return nil, fmt.Errorf("read %s: %w", nf.from, err)
	}
	log.Info("read the article stream", "stream", stream, "messages", pr.batch.Messages,
		"articles", pr.batch.Articles(), "tombstones", len(pr.batch.Deletes), "last_seq", pr.batch.LastSeq)
	return pr, nil
}

// finish publishes dir's generation and, with --from, acknowledges the
// messages it holds.
func (pr *publishRun) finish(ctx context.Context, dir string) (*cluster.Pointer, error) {
	var sp *cluster.StreamProgress
	if pr.batch != nil {
		sp = &cluster.StreamProgress{LastSeq: pr.batch.LastSeq, Consumed: uint64(pr.batch.Messages)}
	}
	p, err := pr.store.Publish(ctx, dir, pr.base, sp)
	if errors.Is(err, cluster.ErrLostRace) {
		return nil, fmt.Errorf("publish to %s: %w", pr.conn.Addr, err)
	}
	if err != nil {
		return nil, fmt.Errorf("publish to %s: %w", pr.conn.Addr, err)
	}
	if pr.batch != nil {
		if err := pr.batch.Ack(ctx); err != nil {
			return nil, err
		}
	}
	return &p, nil
}

func (pr *publishRun) printPublished(w io.Writer, p cluster.Pointer) {
	if p.Generation == pr.base.Generation && p.Object == pr.base.Object {
		fmt.Fprintf(w, "nothing new to publish: %s names generation %d already", pr.conn.Addr, p.Generation)
		if p.StreamSeq != pr.base.StreamSeq {
			fmt.Fprintf(w, " (it now records the stream read through message %d)", p.StreamSeq)
		}
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "published generation %d to %s (%s, %.1f MiB) in %s\n", p.Generation, pr.conn.Addr, p.Object,
		float64(p.Size)/(1<<20), time.Since(pr.start).Round(10*time.Millisecond))
}

func (pr *publishRun) close() {
	if pr.tmp != "" {
		os.RemoveAll(pr.tmp)
	}
	pr.conn.Close()
}

// runPush sends a corpus to an article stream.
func runPush(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("push", stderr)
	to := fs.String("to", "", "the stream: nats://H:P[,H:P...]/STREAM (created if missing)")
	replicas := fs.Int("replicas", 3, "replicas of the stream, when kerko creates it (1 for a single nats-server)")
	var deletes listFlag
	fs.Var(&deletes, "delete", "send a tombstone for this article id (repeatable)")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	paths := fs.Args()
	if *to == "" || (len(paths) == 0 && len(deletes) == 0) {
		fmt.Fprintln(stderr, "usage: kerko push --to nats://H:P/STREAM [--delete ID ...] [FILE.jsonl|DIR ...]")
		return exitError(2)
	}
	a, err := cluster.ParseAddress(*to)
	if err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	if a.Stream == "" {
		return fmt.Errorf("--to %s names no stream: want nats://H:P/STREAM", *to)
	}
	conn, err := cluster.Connect(a, cluster.Options{Replicas: *replicas, Name: "kerko push",
		Logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.EnsureStream(ctx, a.Stream); err != nil {
		return err
	}
	start := time.Now()
	sent, problems := 0, 0
	var pending []cluster.Message
	flush := func() error {
		if err := conn.Push(ctx, a.Stream, pending); err != nil {
			return err
		}
		sent += len(pending)
		pending = pending[:0]
		return nil
	}
	r := &corpus.Reader{
		Emit: func(art *corpus.Article) error {
			pending = append(pending, cluster.ArticleMessage(art))
			if len(pending) >= 1000 {
				return flush()
			}
			return nil
		},
		Report: func(p corpus.Problem) {
			problems++
			if !*quiet {
				fmt.Fprintln(stderr, p)
			}
		},
	}
	for _, p := range paths {
		if err := r.ReadPath(ctx, p); err != nil {
			return fmt.Errorf("push %s: %w (%d articles sent before)", p, err, sent)
		}
	}
	for _, id := range deletes {
		pending = append(pending, cluster.Message{ID: id, Deleted: true})
	}
	if err := flush(); err != nil {
		return fmt.Errorf("%w (%d articles sent before)", err, sent)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "pushed %d messages (%d tombstones) to %s in %s; %d problems with the input\n",
			sent, len(deletes), a, time.Since(start).Round(10*time.Millisecond), problems)
	}
	return nil
}
