// Package clustertest starts a real NATS cluster with JetStream inside a
// test process: nodes of github.com/nats-io/nats-server on loopback ports,
// routed to each other, each with its own store in the test's temporary
// directory. Nodes can be stopped and started again on the same ports and
// store, to test what kerko does when the cluster loses them.
package clustertest

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Cluster is a running NATS cluster.
type Cluster struct {
	t     testing.TB
	Nodes []*Node
}

// Node is one server of a Cluster.
type Node struct {
	Name       string
	ClientPort int
	RoutePort  int
	StoreDir   string
	srv        *server.Server
}

// Start starts an n-node cluster with JetStream and waits until it has
// elected its JetStream meta leader. The cluster stops when the test ends.
func Start(t testing.TB, n int) *Cluster {
	t.Helper()
	c := &Cluster{t: t}
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		c.Nodes = append(c.Nodes, &Node{Name: fmt.Sprintf("n%d", i+1), ClientPort: freePort(t), RoutePort: freePort(t),
			StoreDir: filepath.Join(dir, fmt.Sprintf("n%d", i+1))})
	}
	for i := range c.Nodes {
		c.Restart(i)
	}
	t.Cleanup(func() {
		for i := range c.Nodes {
			c.Stop(i)
		}
	})
	c.WaitLeader(30 * time.Second)
	return c
}

func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// URL is the cluster's address for kerko: nats://H:P,H:P,...
func (c *Cluster) URL() string {
	hosts := make([]string, len(c.Nodes))
	for i, n := range c.Nodes {
		hosts[i] = fmt.Sprintf("127.0.0.1:%d", n.ClientPort)
	}
	return "nats://" + strings.Join(hosts, ",")
}

// Stop shuts node i down (its store stays).
func (c *Cluster) Stop(i int) {
	n := c.Nodes[i]
	if n.srv == nil {
		return
	}
	n.srv.Shutdown()
	n.srv.WaitForShutdown()
	n.srv = nil
}

// Restart starts node i (again) on its ports and store.
func (c *Cluster) Restart(i int) {
	c.t.Helper()
	n := c.Nodes[i]
	if n.srv != nil {
		return
	}
	var routes []*url.URL
	for j, m := range c.Nodes {
		if j != i {
			routes = append(routes, &url.URL{Scheme: "nats", Host: fmt.Sprintf("127.0.0.1:%d", m.RoutePort)})
		}
	}
	opts := &server.Options{
		ServerName: n.Name, Host: "127.0.0.1", Port: n.ClientPort,
		Cluster:   server.ClusterOpts{Name: "kerko-test", Host: "127.0.0.1", Port: n.RoutePort},
		Routes:    routes,
		JetStream: true, StoreDir: n.StoreDir,
		JetStreamMaxMemory: 64 << 20, JetStreamMaxStore: 2 << 30,
		NoLog: true, NoSigs: true,
	}
	if len(c.Nodes) == 1 {
		opts.Cluster, opts.Routes = server.ClusterOpts{}, nil
	}
	s, err := server.NewServer(opts)
	if err != nil {
		c.t.Fatalf("nats node %s: %v", n.Name, err)
	}
	s.Start()
	// A node is ready in milliseconds alone, but CI runs the packages'
	// tests at once on two cores, and a JetStream node recovering its
	// store there once took more than 10 s (TestCluster_Stream).
	if !s.ReadyForConnections(30 * time.Second) {
		c.t.Fatalf("nats node %s not ready in 30s", n.Name)
	}
	n.srv = s
}

// WaitLeader waits until a running node is the JetStream meta leader,
// knows every running node as a peer, and every running node is current.
func (c *Cluster) WaitLeader(timeout time.Duration) {
	c.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		running, current := 0, 0
		leader := false
		for _, n := range c.Nodes {
			if n.srv == nil {
				continue
			}
			running++
			if n.srv.JetStreamIsCurrent() {
				current++
			}
			if !n.srv.JetStreamIsClustered() {
				leader = n.srv.JetStreamEnabled()
			} else if n.srv.JetStreamIsLeader() && len(n.srv.JetStreamClusterPeers()) >= running {
				leader = true
			}
		}
		if leader && current == running {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	c.t.Fatalf("no JetStream meta leader in %s", timeout)
}
