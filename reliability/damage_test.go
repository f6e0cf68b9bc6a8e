package reliability

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kerko/internal/fixture"
)

// TestServe_DamageWhileServing is issue 13's fourth and fifth reproductions
// on the read side: the segment of the generation a server is answering
// from is damaged under it (truncated, or bytes flipped in place). Every
// request still gets an answer (a 500 where the damage is met, a 200 where
// it is not), the process lives on, and /healthz answers.
func TestServe_DamageWhileServing(t *testing.T) {
	for _, damage := range []string{"truncated", "flipped"} {
		t.Run(damage, func(t *testing.T) {
			dir := seedIndex(t)
			srv := startServe(t, dir)
			// Not one of damagedRequests: the answer cache would answer it.
			if code, body := getStatus(t, srv, "/api/search?q=Bi%C5%9Fkek"); code != 200 {
				t.Fatalf("before the damage: %d %s", code, body)
			}
			seg := zap(t, filepath.Join(dir, "gen-000001"))
			switch damage {
			case "truncated":
				info, err := os.Stat(seg)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.Truncate(seg, info.Size()/3); err != nil {
					t.Fatal(err)
				}
			case "flipped":
				flipBytes(t, seg, 4000)
			}
			codes := map[int]int{}
			for _, path := range damagedRequests() {
				code, body := getStatus(t, srv, path)
				select {
				case err := <-srv.done:
					t.Fatalf("kerko serve exited after GET %s: %v\n%s", path, err, firstLines(srv.stderr.String(), 20))
				default:
				}
				switch {
				case code == 200, code == 500:
				case code == 404 && strings.Contains(path, "/articles/"):
					// A damaged id lookup finds no article.
				default:
					t.Errorf("GET %s after the segment was %s = %d %.200s", path, damage, code, body)
				}
				codes[code]++
			}
			if code, body := getStatus(t, srv, "/healthz"); code != 200 {
				t.Errorf("/healthz after the damage = %d %s", code, body)
			}
			t.Logf("%s: answers by status %v", damage, codes)
			if damage == "truncated" {
				// Every request is refused before Bleve reads the file, and
				// the damage is logged once.
				if codes[500] != len(damagedRequests()) {
					t.Errorf("answers by status %v; want every request a 500", codes)
				}
				if n := strings.Count(srv.stderr.String(), "index damaged while serving"); n != 1 {
					t.Errorf("the damage was logged %d times; want once\n%s", n, firstLines(srv.stderr.String(), 5))
				}
			}
			if strings.Contains(srv.stderr.String(), "fatal error") || strings.Contains(srv.stderr.String(), "unexpected fault address") {
				t.Errorf("the server met a fatal fault:\n%s", firstLines(srv.stderr.String(), 20))
			}
		})
	}
}

// damagedRequests are distinct requests (none answered from the cache) over
// every read path: searches with and without facets and filters, suggestions,
// articles with their related articles, pages.
func damagedRequests() []string {
	var out []string
	for i, q := range []string{"erdogan", "Kazakistan", "istanbul", "isbirligi", "ticaret", "Tokayev", "marredhenie", `"joint declaration"`, "Kırgızstn", "-nato"} {
		v := url.Values{"q": {q}}
		out = append(out, "/api/search?"+v.Encode(), fmt.Sprintf("/api/search?%s&lang=tr&size=%d", v.Encode(), i+1), "/?"+v.Encode())
	}
	for _, p := range []string{"er", "kaz", "ist", "tic", "tok"} {
		out = append(out, "/api/suggest?q="+p)
	}
	for _, id := range fixture.SeedIDs {
		out = append(out, "/api/articles/"+id, "/articles/"+id+"?q=erdogan")
	}
	return append(out, "/api/search?country=KZ&country=TR&country_mode=all", "/api/search?size=0&sort=newest")
}

func getStatus(t *testing.T, srv *serverProc, path string) (int, string) {
	t.Helper()
	resp, err := client().Get(srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, srv.stderr)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
