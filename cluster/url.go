package cluster

import (
	"fmt"
	"net"
	"strings"
)

// Address is a parsed nats:// address: the servers of one cluster and,
// for a stream, its name.
type Address struct {
	Servers []string // nats://host:port each
	Stream  string   // the path, if any ("" for none)
}

// ParseAddress reads nats://H:P[,H:P...][/STREAM]. A host without a port
// gets NATS's 4222.
func ParseAddress(s string) (Address, error) {
	rest, ok := strings.CutPrefix(s, "nats://")
	if !ok {
		return Address{}, fmt.Errorf("address %q: want nats://host:port[,host:port...][/STREAM]", s)
	}
	hosts, stream, _ := strings.Cut(rest, "/")
	var a Address
	for _, h := range strings.Split(hosts, ",") {
		h = strings.TrimPrefix(strings.TrimSpace(h), "nats://")
		if h == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(h); err != nil {
			h = net.JoinHostPort(h, "4222")
		}
		a.Servers = append(a.Servers, "nats://"+h)
	}
	if len(a.Servers) == 0 {
		return Address{}, fmt.Errorf("address %q names no server", s)
	}
	a.Stream = strings.Trim(stream, "/")
	if a.Stream != "" && !validName(a.Stream) {
		return Address{}, fmt.Errorf("address %q: stream name %q may hold only letters, digits, - and _", s, a.Stream)
	}
	return a, nil
}

func validName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return s != ""
}

// String is the address as ParseAddress reads it.
func (a Address) String() string {
	hosts := make([]string, len(a.Servers))
	for i, s := range a.Servers {
		hosts[i] = strings.TrimPrefix(s, "nats://")
	}
	s := "nats://" + strings.Join(hosts, ",")
	if a.Stream != "" {
		s += "/" + a.Stream
	}
	return s
}
