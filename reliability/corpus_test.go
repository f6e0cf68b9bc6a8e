package reliability

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeCorpusFiles writes files (name -> content) into a new folder.
func writeCorpusFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestIndex_FIFOInCorpus is issue 13's reproduction: a named pipe in a
// corpus folder made `kerko index` wait forever in open(2), deaf to SIGTERM
// and SIGINT, with the build lock held. The build must end by itself,
// report the pipe, and leave the index free for the next build; should it
// hang, SIGTERM must still end it.
func TestIndex_FIFOInCorpus(t *testing.T) {
	src := writeCorpusFiles(t, map[string]string{
		"a.txt": "Kazakistan ile ticaret\nTicaret hedefi yükseltildi.",
		"b.txt": "Kosova dhe Shqipëria\nTakimi u mbajt në Tiranë.",
	})
	for _, name := range []string{"pipe.txt", "pipe.jsonl", "sub/pipe.txt"} {
		os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755)
		if err := syscall.Mkfifo(filepath.Join(src, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx := t.TempDir()
	cmd := exec.Command(kerkoBin, "index", "--corpus", src, "--index", idx)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
			t.Fatalf("kerko index hung on the FIFO for 60s (it ended on SIGTERM):\n%s", out.String())
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("kerko index hung on the FIFO and ignored SIGTERM:\n%s", out.String())
		}
	}
	if err != nil {
		t.Fatalf("kerko index: %v\n%s", err, out.String())
	}
	text := out.String()
	if n := strings.Count(text, "not a regular file: named pipe (FIFO)"); n != 3 {
		t.Errorf("%d FIFO reports; want 3:\n%s", n, text)
	}
	if !strings.Contains(text, "indexed 2 (added 2") {
		t.Errorf("the two articles beside the pipes were not indexed:\n%s", text)
	}
	// The lock was released: a second build runs (and finds nothing new).
	if o, err := kerko(t, time.Minute, "index", "--corpus", src, "--index", idx); err != nil || !strings.Contains(o, "nothing changed") {
		t.Errorf("second kerko index: %v\n%s", err, o)
	}
}

// TestIndex_SymlinkOutOfCorpus is issue 13's `ln -s /etc/passwd
// corpus/passwd.txt`: the file the link leads to, outside the corpus, is
// not indexed (and so not served) unless --follow-symlinks says so, and
// the skipped link is reported.
func TestIndex_SymlinkOutOfCorpus(t *testing.T) {
	secretDir := t.TempDir()
	secret := filepath.Join(secretDir, "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\nsecretword:x:1000:1000::/home/secretword:/bin/sh\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	src := writeCorpusFiles(t, map[string]string{"news.txt": "Kazakistan ile ticaret\nTicaret hedefi yükseltildi."})
	if err := os.Symlink(secret, filepath.Join(src, "passwd.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secretDir, filepath.Join(src, "etc")); err != nil {
		t.Fatal(err) // a linked folder: never walked
	}

	idx := t.TempDir()
	o, err := kerko(t, time.Minute, "index", "--corpus", src, "--index", idx)
	if err != nil {
		t.Fatalf("kerko index: %v\n%s", err, o)
	}
	if !strings.Contains(o, "passwd.txt: skipped: symbolic link out of the corpus folder not followed (kerko index --follow-symlinks reads it)") {
		t.Errorf("no report of the skipped link:\n%s", o)
	}
	srv := startServe(t, idx)
	for _, path := range []string{"/api/articles/passwd", "/articles/passwd", "/api/search?q=secretword", "/?q=secretword"} {
		body := get(t, srv.URL+path)
		if strings.Contains(body, "secretword") && !strings.Contains(path, "q=") || strings.Contains(body, "/home/secretword") {
			t.Errorf("GET %s serves the linked file's content", path)
		}
	}
	if body := get(t, srv.URL+"/api/search?q=secretword"); !strings.Contains(body, `"total":0`) {
		t.Errorf("a search finds the linked file: %.300s", body)
	}
	srv.cmd.Process.Signal(syscall.SIGTERM)
	<-srv.done

	// Asked for, the link is followed.
	idx2 := t.TempDir()
	if o, err := kerko(t, time.Minute, "index", "--follow-symlinks", "--corpus", src, "--index", idx2); err != nil || !strings.Contains(o, "indexed 2") {
		t.Errorf("kerko index --follow-symlinks: %v\n%s", err, o)
	}
	if o, _ := kerko(t, time.Minute, "index", "-h"); !strings.Contains(o, "-follow-symlinks") {
		t.Errorf("kerko index -h does not document --follow-symlinks:\n%s", o)
	}
}

// get fetches u and returns the body, whatever the status.
func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := client().Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// TestIndex_ArticleIDsReachable indexes JSON lines with ids of every shape
// a feed may send and checks that each article indexed is served at
// /articles/{id} and /api/articles/{id}, with each "/"-separated part
// escaped as the pages link it; ids no URL can reach (a backslash) are
// reported at index time instead of indexed.
func TestIndex_ArticleIDsReachable(t *testing.T) {
	ids := []string{
		"plain", "with space", "dir/sub/leaf", "ë-ç-ı-İ", "q?x#y", "semi;colon", "plus+amp&eq=",
		"per%cent", "a%2fb", "a%5cb", "~tilde", "quote\"s", "<b>tag</b>", "trailing.", "Kazakistan'ın", "☃",
	}
	var lines strings.Builder
	for i, id := range ids {
		fmt.Fprintf(&lines, `{"id":%q,"lang":"tr","title":"Haber %d","body":"Metin %d burada."}`+"\n", id, i, i)
	}
	lines.WriteString(`{"id":"win\\dir\\file","title":"Backslash","body":"x"}` + "\n")
	lines.WriteString(`{"id":"x\ud800","title":"Surrogate","body":"x"}` + "\n")
	src := writeCorpusFiles(t, map[string]string{"feed.jsonl": lines.String()})
	idx := t.TempDir()
	o, err := kerko(t, time.Minute, "index", "--corpus", filepath.Join(src, "feed.jsonl"), "--index", idx)
	if err != nil {
		t.Fatalf("kerko index: %v\n%s", err, o)
	}
	if !strings.Contains(o, fmt.Sprintf("indexed %d", len(ids))) ||
		!strings.Contains(o, `feed.jsonl:17: skipped: id contains a backslash`) ||
		!strings.Contains(o, `feed.jsonl:18: skipped: id holds a lone UTF-16 surrogate (\ud800)`) {
		t.Errorf("kerko index output:\n%s", o)
	}
	srv := startServe(t, idx)
	for _, id := range ids {
		segs := strings.Split(id, "/")
		for i, s := range segs {
			segs[i] = url.PathEscape(s)
		}
		for _, prefix := range []string{"/articles/", "/api/articles/"} {
			u := srv.URL + prefix + strings.Join(segs, "/")
			resp, err := client().Get(u)
			if err != nil {
				t.Fatalf("GET %s: %v", u, err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("id %q: GET %s = %d; want 200", id, u, resp.StatusCode)
				continue
			}
			if prefix == "/api/articles/" {
				var a struct{ ID string }
				if err := json.Unmarshal(b, &a); err != nil || a.ID != id {
					t.Errorf("id %q: GET %s answers id %q (%v)", id, u, a.ID, err)
				}
			}
		}
	}
}

// TestIndex_ProblemReports is issue 13's report flood and split lines:
// 200,000 bad lines give a handful of report lines and one count, the
// summary counts them all, and a file name holding a line end stays on
// its report's line.
func TestIndex_ProblemReports(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"ok","title":"Geçerli haber","body":"Metin."}` + "\n")
	for range 200_000 {
		b.WriteString("{not json\n")
	}
	src := writeCorpusFiles(t, map[string]string{
		"flood.jsonl":       b.String(),
		"evil\nname.txt":    "",
		"good.txt":          "Başlık\nGövde.",
		"c1.txt":            "Picasso sergisi\n\nPicasso\u0092nun 1940\u0092larda yaptığı \u0093resimler\u0094.",
		"many/e1.txt":       "",
		"many/e2.txt":       "",
		"many/e3.txt":       "",
		"many/e4.txt":       "",
		"many/e5.txt":       "",
		"many/e6.txt":       "",
		"many/e7.txt":       "",
		"many/e8.txt":       "",
		"many/e9.txt":       "",
		"many/e10.txt":      "",
		"many/e11.txt":      "",
		"many/e12.txt":      "",
		"many/nested.jsonl": `{"id":"n","body":"ok"}` + "\n",
	})
	idx := t.TempDir()
	cmd := exec.Command(kerkoBin, "index", "--corpus", src, "--index", idx)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("kerko index: %v\n%s%s", err, stderr.String(), stdout.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	flood := 0
	for _, l := range lines {
		if strings.Contains(l, "flood.jsonl") {
			flood++
		}
	}
	// 10 lines, then the count.
	if flood != 11 || !strings.Contains(stderr.String(), "flood.jsonl: skipped: … and 199990 more lines of this kind (malformed JSON)") {
		t.Errorf("%d report lines about flood.jsonl; want 10 and one count:\n%.3000s", flood, stderr.String())
	}
	if !strings.Contains(stderr.String(), "many: skipped: … and 2 more files of this kind (empty file)") {
		t.Errorf("the folder's 12 empty files are not grouped:\n%.3000s", stderr.String())
	}
	if !strings.Contains(stderr.String(), `/evil\nname.txt": skipped: empty file`) {
		t.Errorf("the name with a line end is not quoted on its report's line:\n%.3000s", stderr.String())
	}
	for _, l := range lines {
		if l == `name.txt: skipped: empty file` || strings.HasPrefix(l, "name.txt") {
			t.Errorf("a report line was split: %q", l)
		}
	}
	if len(lines) > 40 {
		t.Errorf("%d lines on stderr; want a few dozen at most", len(lines))
	}
	summary := stdout.String()
	for _, want := range []string{"skipped 200013:", "200000 malformed JSON", "13 empty file", "text repaired: 1 articles, 4 characters"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}

	// The same build's --json summary carries the repair counts.
	o, err := kerko(t, time.Minute, "index", "--full", "--json", "--quiet", "--corpus", src, "--index", idx)
	if err != nil {
		t.Fatalf("kerko index --json: %v\n%s", err, o)
	}
	var st map[string]any
	if err := json.Unmarshal([]byte(o), &st); err != nil {
		t.Fatalf("--json output %q: %v", o, err)
	}
	if st["text_repaired_articles"] != 1.0 || st["text_repaired_chars"] != 4.0 || st["skipped"] != 200013.0 {
		t.Errorf("--json = %s; want 1 article and 4 characters repaired, 200013 skipped", o)
	}
}
