package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_Messages: what the binary says when it is used wrongly or on
// little data: usage without an "exit status" tail, how to build a missing
// index, no rate for a handful of articles, no empty timeline.
func TestCLI_Messages(t *testing.T) {
	c := newTestCorpus(t, 6, 1) // six undated articles
	idx := filepath.Join(t.TempDir(), "idx")
	tests := []struct {
		name     string
		args     []string
		code     int
		stream   string // "stdout" or "stderr"
		want     []string
		unwanted []string
	}{
		{"no command", nil, 2, "stderr", []string{"Usage:"}, []string{"exit status"}},
		{"serve -h", []string{"serve", "-h"}, 0, "stderr", []string{"-addr"}, []string{"exit status"}},
		{"index -h", []string{"index", "-h"}, 0, "stderr", []string{"-corpus"}, []string{"exit status"}},
		{"search -h", []string{"search", "-h"}, 0, "stderr", []string{"-lang"}, []string{"exit status"}},
		{"push -h", []string{"push", "-h"}, 0, "stderr", []string{"-to"}, []string{"exit status"}},
		{"bad flag", []string{"serve", "--nope"}, 2, "stderr", []string{"flag provided but not defined: -nope"}, []string{"exit status"}},
		{"search without an index", []string{"search", "--index", filepath.Join(t.TempDir(), "none"), "Kazakistan"}, 1, "stderr",
			[]string{"build one: kerko index", "kerko search --index DIR"}, nil},
		{"index six articles", []string{"index", "--corpus", c.dir, "--index", idx, "--no-nice"}, 0, "stdout",
			[]string{"6 articles in"}, []string{"articles/s"}},
		{"search undated articles", []string{"search", "--index", idx, "Kazakistan"}, 0, "stdout",
			[]string{"timeline: none dated; undated"}, []string{"timeline (per"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := kerko(t, tt.args...)
			if code != tt.code {
				t.Fatalf("kerko %v: exit %d; want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, out, errOut)
			}
			s := out
			if tt.stream == "stderr" {
				s = errOut
			}
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("kerko %v: %s lacks %q:\n%s", tt.args, tt.stream, w, s)
				}
			}
			for _, u := range tt.unwanted {
				if strings.Contains(out+errOut, u) {
					t.Errorf("kerko %v: output has %q:\nstdout: %s\nstderr: %s", tt.args, u, out, errOut)
				}
			}
		})
	}
}

// TestRunAnalyze_Stdin: without TEXT, analyze reads stdin when something
// is piped in, and on a terminal says how to give it text instead of
// waiting silently.
func TestRunAnalyze_Stdin(t *testing.T) {
	defer func(f func(io.Reader) bool) { readerIsTerminal = f }(readerIsTerminal)
	tests := []struct {
		terminal bool
		stdin    string
		wantErr  bool
		want     string // in stdout, or in stderr for an error
	}{
		{false, "Kazakistan'ın", false, "Kazakistan'ın        0-14"},
		{true, "Kazakistan'ın", true, "no TEXT given; pass it as arguments or on stdin"},
	}
	for _, tt := range tests {
		readerIsTerminal = func(io.Reader) bool { return tt.terminal }
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{"analyze", "--lang", "tr"}, strings.NewReader(tt.stdin), &out, &errOut)
		var ee exitError
		if tt.wantErr != (err != nil) || tt.wantErr && (!errors.As(err, &ee) || ee != 2) {
			t.Errorf("terminal %v: err %v; want exit status 2: %v", tt.terminal, err, tt.wantErr)
		}
		got := out.String()
		if tt.wantErr {
			got = errOut.String()
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("terminal %v: output %q lacks %q", tt.terminal, got, tt.want)
		}
	}
}
