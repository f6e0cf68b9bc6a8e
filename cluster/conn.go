package cluster

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the JetStream resources kerko uses.
const (
	GenerationsBucket = "kerko_generations"
	PointerBucket     = "kerko_pointer"
)

// Options tune a connection. Zero fields take the defaults noted.
type Options struct {
	// Replicas of every bucket and stream kerko creates (default 3); 1 for
	// a single nats-server.
	Replicas int
	// Keep is how many published generations stay in the store (default 3).
	Keep int
	// CallTimeout bounds one JetStream call (default 5s); Attempts is how
	// many times a call that timed out or found no leader is tried
	// (default 4).
	CallTimeout time.Duration
	Attempts    int
	// Name tells the NATS servers who is connected.
	Name string
	// Wait makes Connect succeed with no server up: the connection keeps
	// trying in the background (a query replica). Without it Connect fails
	// when no server answers (an indexer, which should say so).
	Wait   bool
	Logger *slog.Logger
}

func (o *Options) defaults() {
	if o.Replicas <= 0 {
		o.Replicas = 3
	}
	if o.Keep <= 0 {
		o.Keep = 3
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = 5 * time.Second
	}
	if o.Attempts <= 0 {
		o.Attempts = 4
	}
	if o.Name == "" {
		host, _ := os.Hostname()
		o.Name = fmt.Sprintf("kerko %s:%d", host, os.Getpid())
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Conn is a connection to a NATS cluster with JetStream.
type Conn struct {
	Addr Address
	opts Options
	nc   *nats.Conn
	js   jetstream.JetStream
}

// Connect connects to the servers of addr.
func Connect(addr Address, opts Options) (*Conn, error) {
	opts.defaults()
	no := []nats.Option{
		nats.Name(opts.Name),
		nats.Timeout(2 * time.Second),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		nats.PingInterval(5 * time.Second),
		nats.MaxPingsOutstanding(2),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				opts.Logger.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) { opts.Logger.Info("nats reconnected", "server", nc.ConnectedUrl()) }),
	}
	if opts.Wait {
		no = append(no, nats.RetryOnFailedConnect(true))
	}
	nc, err := nats.Connect(strings.Join(addr.Servers, ","), no...)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", addr, err)
	}
	js, err := jetstream.New(nc, jetstream.WithDefaultTimeout(opts.CallTimeout))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream on %s: %w", addr, err)
	}
	return &Conn{Addr: addr, opts: opts, nc: nc, js: js}, nil
}

// Close closes the connection.
func (c *Conn) Close() { c.nc.Close() }

// permanent errors are answers, not outages: trying again cannot change them.
// A digest mismatch is not among them: a download can come out damaged
// (seen with three replicas downloading at once on two loaded cores) and
// the next try whole.
var permanent = []error{
	jetstream.ErrKeyExists, jetstream.ErrKeyRevisionMismatch, jetstream.ErrKeyNotFound,
	jetstream.ErrObjectNotFound, jetstream.ErrBucketNotFound, jetstream.ErrStreamNotFound,
	jetstream.ErrConsumerNotFound, jetstream.ErrBadBucket,
	jetstream.ErrInvalidKey, jetstream.ErrBucketExists, errNotRetryable,
}

var errNotRetryable = errors.New("not retryable")

func isPermanent(err error) bool {
	for _, p := range permanent {
		if errors.Is(err, p) {
			return true
		}
	}
	// Configuration the servers refuse (too many replicas for the cluster,
	// a bad name) is an answer too.
	// "No suitable peers" is an outage too: too few nodes are up (or the
	// cluster is still forming) to place the replicas.
	var api *jetstream.APIError
	if errors.As(err, &api) && api.Code == 400 && api.ErrorCode != errCodeNoPeers {
		return true
	}
	return false
}

// call runs fn under the per-call timeout, again after a pause while it
// fails with an outage (a timeout, no leader, no responders), up to
// Attempts times or until ctx ends. The error names what was tried.
func (c *Conn) call(ctx context.Context, what string, fn func(ctx context.Context) error) error {
	return c.callFor(ctx, what, c.opts.CallTimeout, fn)
}

func (c *Conn) callFor(ctx context.Context, what string, timeout time.Duration, fn func(ctx context.Context) error) error {
	var err error
	pause := 200 * time.Millisecond
	for i := 0; i < c.opts.Attempts; i++ {
		cctx, cancel := context.WithTimeout(ctx, timeout)
		err = fn(cctx)
		cancel()
		if err == nil || isPermanent(err) {
			return err
		}
		if ctx.Err() != nil {
			break
		}
		c.opts.Logger.Debug("jetstream call failed; retrying", "call", what, "attempt", i+1, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
		pause *= 2
	}
	if ctx.Err() != nil && err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, errDigest) {
		return fmt.Errorf("%s on %s: %d tries: %w", what, c.Addr, c.opts.Attempts, err)
	}
	return fmt.Errorf("%s on %s: no answer after %d tries of %s (is a majority of the NATS cluster up?): %w",
		what, c.Addr, c.opts.Attempts, timeout, err)
}

// errCodeNoPeers is JetStream's "no suitable peers for placement".
const errCodeNoPeers jetstream.ErrorCode = 10005
