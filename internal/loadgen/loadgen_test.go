package loadgen

import (
	"context"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

func TestRun_Bounds(t *testing.T) {
	var served atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer ts.Close()

	res := Run(context.Background(), Paths{Base: ts.URL, Paths: []string{"/a", "/b", "/missing"}}, Options{Conns: 4, MaxRequests: 90})
	if res.Requests != 90 || served.Load() != 90 {
		t.Errorf("MaxRequests 90: sent %d, server saw %d", res.Requests, served.Load())
	}
	// A third of the paths is missing; how the 90 requests fall on them
	// depends on how fast each connection goes.
	if res.OK+res.Non200 != 90 || res.Non200 < 20 || res.Failed() != res.Non200 || len(res.Latencies) != res.OK {
		t.Errorf("result: %d ok, %d non-200, %d failed, %d latencies; want 90 answers, about a third 404", res.OK, res.Non200, res.Failed(), len(res.Latencies))
	}
	if len(res.Samples) == 0 {
		t.Errorf("no sample of the failures")
	}

	start := time.Now()
	res = Run(context.Background(), Paths{Base: ts.URL, Paths: []string{"/a"}}, Options{Conns: 2, Duration: 200 * time.Millisecond})
	if took := time.Since(start); took > 2*time.Second || res.OK == 0 || res.Failed() != 0 {
		t.Errorf("Duration 200ms: took %v, %+v", took, res)
	}

	stop := make(chan struct{})
	time.AfterFunc(100*time.Millisecond, func() { close(stop) })
	res = Run(context.Background(), Paths{Base: ts.URL, Paths: []string{"/a"}}, Options{Conns: 2, Stop: stop})
	if res.OK == 0 {
		t.Errorf("Stop: no requests answered")
	}

	ts.Close()
	res = Run(context.Background(), Paths{Base: ts.URL, Paths: []string{"/a"}}, Options{MaxRequests: 3})
	if res.Refused != 3 {
		t.Errorf("a closed server: %+v; want 3 refused", res)
	}
}

func TestLoopback(t *testing.T) {
	for base, ok := range map[string]bool{
		"http://127.0.0.1:8080": true, "http://localhost:1": true, "http://[::1]:80": true,
		"http://example.com": false, "http://10.0.0.1:8080": false,
	} {
		if err := Loopback(base); (err == nil) != ok {
			t.Errorf("Loopback(%q) = %v; want ok %v", base, err, ok)
		}
	}
}

// kindPaths gives request i of each connection the path i mod len, as kind
// i mod len.
type kindPaths struct {
	base  string
	paths []string
}

func (k kindPaths) Next(_ *rand.Rand, _, i int) Request {
	n := i % len(k.paths)
	return Request{URL: k.base + k.paths[n], Kind: n}
}

func TestRun_KindStats(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/small":
			w.Write([]byte("ok"))
		case "/big":
			w.Write(make([]byte, 5000))
		case "/refused":
			http.Error(w, "no", http.StatusBadRequest)
		}
	}))
	defer ts.Close()
	paths := []string{"/small", "/big", "/refused"}
	res := Run(context.Background(), kindPaths{ts.URL, paths}, Options{Conns: 2, MaxRequests: 30, Kinds: 3, MaxBody: 1000, Client: ts.Client()})
	for _, tc := range []struct {
		kind             int
		status           map[int]int
		failed, maxBytes int
		latencies        int
	}{
		{kind: 0, status: map[int]int{200: 10}, maxBytes: 2, latencies: 10},
		{kind: 1, status: map[int]int{}, failed: 10, maxBytes: 1001},
		{kind: 2, status: map[int]int{400: 10}, maxBytes: 3, latencies: 10},
	} {
		ks := res.Kind[tc.kind]
		if !maps.Equal(ks.Status, tc.status) || ks.Failed != tc.failed || ks.MaxBytes != int64(tc.maxBytes) || len(ks.Latencies) != tc.latencies {
			t.Errorf("%s: statuses %v, failed %d, max bytes %d, %d latencies; want %v, %d, %d, %d",
				paths[tc.kind], ks.Status, ks.Failed, ks.MaxBytes, len(ks.Latencies), tc.status, tc.failed, tc.maxBytes, tc.latencies)
		}
	}
	if res.Oversize != 10 || res.Non200 != 10 || res.OK != 10 || res.Failed() != 20 {
		t.Errorf("oversize %d, non-200 %d, ok %d, failed %d; want 10, 10, 10, 20", res.Oversize, res.Non200, res.OK, res.Failed())
	}
	if n := res.Statuses(400, 499); n != 10 {
		t.Errorf("Statuses(400, 499) = %d; want 10", n)
	}
}

func TestReadMemory(t *testing.T) {
	m, err := ReadMemory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if m.RSS <= 0 || m.Peak < m.RSS || m.Anon <= 0 || m.Anon+m.File > m.RSS {
		t.Errorf("ReadMemory(self) = %+v; want RSS > 0, Peak >= RSS, Anon > 0, Anon+File <= RSS", m)
	}
	if _, err := ReadMemory(1 << 30); err == nil {
		t.Error("ReadMemory of no process: no error")
	}
}

func TestAmplify_Next(t *testing.T) {
	for _, tc := range []struct {
		ids   []string
		kinds int
	}{{[]string{"h"}, len(AmplifyKinds)}, {nil, len(AmplifyKinds) - 2}} {
		a := NewAmplify(Amplify{Base: "http://127.0.0.1:1", PlainKinds: 3, Share: 1, Hostile: "Kazakhstan", HostileIDs: tc.ids})
		r := rand.New(rand.NewPCG(1, 2))
		seen := map[int]bool{}
		for i := 0; i < 500; i++ {
			req := a.Next(r, 0, i)
			if req.Kind < 3 || req.Kind >= 3+tc.kinds {
				t.Fatalf("ids %v: kind %d of %s out of [3, %d)", tc.ids, req.Kind, req.URL[:min(80, len(req.URL))], 3+tc.kinds)
			}
			if _, err := url.Parse(req.URL); err != nil {
				t.Fatalf("%.80s: %v", req.URL, err)
			}
			if len(req.URL) > 64<<10 {
				t.Errorf("%s: URL of %d bytes, over the 64 KiB a server takes", AmplifyKinds[req.Kind-3], len(req.URL))
			}
			seen[req.Kind] = true
		}
		if len(seen) != tc.kinds {
			t.Errorf("ids %v: %d kinds sent; want %d", tc.ids, len(seen), tc.kinds)
		}
	}
}
