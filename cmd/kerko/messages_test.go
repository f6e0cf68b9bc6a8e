package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

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
