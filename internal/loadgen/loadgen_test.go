package loadgen

import (
	"context"
	"net/http"
	"net/http/httptest"
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
