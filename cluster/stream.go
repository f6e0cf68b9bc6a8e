package cluster

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"kerko/corpus"
)

// An article message is one JSON object with the fields of a JSONL corpus
// line (id, title, body, date, lang, source, url); a tombstone is
// {"id": ..., "deleted": true}. The message id (Nats-Msg-Id) is the
// article's id and a hash of its content, so the stream drops a resend of
// the same article within its duplicate window, and a resend after it
// changes nothing in the index (an article with the hash it already has is
// skipped).

// Message is an article or a tombstone as sent to the stream.
type Message struct {
	ID      string `json:"id"`
	Title   string `json:"title,omitempty"`
	Body    string `json:"body,omitempty"`
	Date    string `json:"date,omitempty"`
	Lang    string `json:"lang,omitempty"`
	Source  string `json:"source,omitempty"`
	URL     string `json:"url,omitempty"`
	Deleted bool   `json:"deleted,omitempty"`
}

// ArticleMessage is the message that sends a.
func ArticleMessage(a *corpus.Article) Message {
	m := Message{ID: a.ID, Title: a.Title, Body: a.Body, Lang: a.Lang, Source: a.Source, URL: a.URL}
	if a.Dated() {
		m.Date = a.Date.Format(time.DateOnly)
	}
	return m
}

// StreamSubject is the subject a stream's articles are published on.
func StreamSubject(stream string) string { return stream + ".articles" }

// EnsureStream creates the article stream if it does not exist.
func (c *Conn) EnsureStream(ctx context.Context, stream string) error {
	err := c.call(ctx, "create stream "+stream, func(ctx context.Context) error {
		_, err := c.js.CreateStream(ctx, jetstream.StreamConfig{Name: stream, Subjects: []string{StreamSubject(stream)},
			Description: "kerko: articles to index", Replicas: c.opts.Replicas, Storage: jetstream.FileStorage,
			Duplicates: 2 * time.Minute})
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			_, err = c.js.Stream(ctx, stream)
		}
		return err
	})
	return replicasHint(err, c.opts.Replicas)
}

// Push sends messages to the stream, a window of them at a time, and waits
// for the stream to store each (retrying those it did not confirm).
func (c *Conn) Push(ctx context.Context, stream string, msgs []Message) error {
	const window = 256
	subj := StreamSubject(stream)
	for start := 0; start < len(msgs); start += window {
		part := msgs[start:min(start+window, len(msgs))]
		err := c.call(ctx, "push articles", func(ctx context.Context) error {
			futs := make([]jetstream.PubAckFuture, len(part))
			for i, m := range part {
				data, _ := json.Marshal(m)
				sum := sha256.Sum256(data)
				msg := &nats.Msg{Subject: subj, Data: data, Header: nats.Header{}}
				f, err := c.js.PublishMsgAsync(msg, jetstream.WithMsgID(m.ID+"@"+hex.EncodeToString(sum[:8])))
				if err != nil {
					return err
				}
				futs[i] = f
			}
			for _, f := range futs {
				select {
				case <-f.Ok():
				case err := <-f.Err():
					return err
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("push to %s: %w", stream, err)
		}
	}
	return nil
}

// Batch is what a consumer read from the stream and has not acknowledged:
// the newest message of each id, in stream order.
type Batch struct {
	Stream   string
	Messages int    // messages read, redeliveries included once
	LastSeq  uint64 // the highest stream sequence read
	Deletes  []string
	// Unacknowledged counts, when nothing was read, the messages an
	// indexer read and never acknowledged (it died): they come back when
	// their acknowledgement wait is over.
	Unacknowledged int
	file           string // the articles as a JSONL file, for corpus.Reader
	lines          []uint64
	last           jetstream.Msg
	c              *Conn
}

// Consumer is the indexer's durable consumer of an article stream.
type Consumer struct {
	c      *Conn
	stream string
	cons   jetstream.Consumer
}

// Consumer binds (or creates) the durable consumer name of stream.
// AckWait is how long a message read by an indexer that died stays
// invisible before it is delivered again.
func (c *Conn) Consumer(ctx context.Context, stream, name string, ackWait time.Duration) (*Consumer, error) {
	cs := &Consumer{c: c, stream: stream}
	err := c.call(ctx, "bind consumer "+name, func(ctx context.Context) error {
		var err error
		cs.cons, err = c.js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
			Durable: name, Description: "kerko index --from", AckPolicy: jetstream.AckAllPolicy,
			AckWait: ackWait, MaxAckPending: -1, DeliverPolicy: jetstream.DeliverAllPolicy,
			FilterSubject: StreamSubject(stream), MaxRequestBatch: 1000,
		})
		return err
	})
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, fmt.Errorf("stream %s does not exist on %s: send articles with kerko push first", stream, c.Addr)
	}
	if err != nil {
		return nil, err
	}
	return cs, nil
}

// Read fetches up to max messages (all that are waiting, when max is 0)
// into a Batch in tmpDir. Messages at or below skipThrough are in the
// published generation already (their acknowledgement was lost): they are
// counted and skipped. Nothing is acknowledged.
func (cs *Consumer) Read(ctx context.Context, tmpDir string, max int, skipThrough uint64) (*Batch, error) {
	b := &Batch{Stream: cs.stream, c: cs.c}
	type entry struct {
		seq  uint64
		data []byte
		del  bool
	}
	latest := map[string]entry{}
	var bad []entry // messages without a readable id: reported by corpus.Reader
	for max == 0 || b.Messages < max {
		n := 500
		if max > 0 {
			n = min(n, max-b.Messages)
		}
		var got int
		err := cs.c.call(ctx, "fetch articles", func(ctx context.Context) error {
			// What is waiting now, redeliveries included; not waiting for
			// more (a message's NumPending counts no redelivery, so it
			// cannot tell the end).
			batch, err := cs.cons.FetchNoWait(n)
			if err != nil {
				return err
			}
			for m := range batch.Messages() {
				md, err := m.Metadata()
				if err != nil {
					continue
				}
				got++
				b.Messages++
				seq := md.Sequence.Stream
				if seq > b.LastSeq {
					b.LastSeq, b.last = seq, m
				}
				if seq <= skipThrough {
					continue
				}
				id, del, ok := messageID(m.Data())
				if !ok {
					bad = append(bad, entry{seq: seq, data: m.Data()})
					continue
				}
				if old, had := latest[id]; !had || old.seq < seq {
					latest[id] = entry{seq: seq, data: m.Data(), del: del}
				}
			}
			return batch.Error()
		})
		if err != nil {
			return nil, err
		}
		if got == 0 {
			break
		}
	}
	if b.Messages == 0 {
		err := cs.c.call(ctx, "consumer info", func(ctx context.Context) error {
			info, err := cs.cons.Info(ctx)
			if err == nil {
				b.Unacknowledged = info.NumAckPending
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	var all []entry
	for id, e := range latest {
		if e.del {
			b.Deletes = append(b.Deletes, id)
			continue
		}
		all = append(all, e)
	}
	all = append(all, bad...)
	sort.Strings(b.Deletes)
	sort.Slice(all, func(i, j int) bool { return all[i].seq < all[j].seq })
	b.file = filepath.Join(tmpDir, cs.stream+".jsonl")
	f, err := os.Create(b.file)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriter(f)
	for _, e := range all {
		w.Write(e.data)
		w.WriteByte('\n')
		b.lines = append(b.lines, e.seq)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return nil, err
	}
	return b, f.Close()
}

// messageID reads a message's id and whether it is a tombstone.
func messageID(data []byte) (string, bool, bool) {
	var m struct {
		ID      json.RawMessage `json:"id"`
		Deleted bool            `json:"deleted"`
	}
	if json.Unmarshal(data, &m) != nil {
		return "", false, false
	}
	var s string
	if json.Unmarshal(m.ID, &s) == nil {
		s = strings.TrimSpace(s)
		return s, m.Deleted, s != ""
	}
	var n json.Number
	if json.Unmarshal(m.ID, &n) == nil {
		if _, err := n.Int64(); err == nil {
			return n.String(), m.Deleted, true
		}
	}
	return "", false, false
}

// Articles is the number of articles (not tombstones) in the batch.
func (b *Batch) Articles() int { return len(b.lines) }

// Read feeds the batch's articles to r, naming problems by stream sequence.
func (b *Batch) Read(ctx context.Context, r *corpus.Reader) error {
	report := r.Report
	r.Report = func(p corpus.Problem) {
		if p.Line > 0 && p.Line <= len(b.lines) {
			p.File = fmt.Sprintf("stream %s, message %d", b.Stream, b.lines[p.Line-1])
			p.Line = 0
		}
		if report != nil {
			report(p)
		}
	}
	defer func() { r.Report = report }()
	return r.ReadPath(ctx, b.file)
}

// Ack acknowledges every message of the batch (the consumer acknowledges
// all up to a sequence at once) and waits for the stream to confirm.
func (b *Batch) Ack(ctx context.Context) error {
	if b.last == nil {
		return nil
	}
	err := b.c.call(ctx, "acknowledge articles", func(ctx context.Context) error { return b.last.DoubleAck(ctx) })
	if err != nil {
		return fmt.Errorf("acknowledge through message %d (the generation is published; the messages will be read again and change nothing): %w", b.LastSeq, err)
	}
	return nil
}
