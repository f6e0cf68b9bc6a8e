package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestUsage_MatchesFlags checks the one source of kerko's usage against
// what it describes: each command's synopsis names exactly the flags the
// command defines (as its -h lists them), and the README's command table
// shows each synopsis as it is.
func TestUsage_MatchesFlags(t *testing.T) {
	synFlag := regexp.MustCompile(`--([a-z][a-z-]*)`)
	helpFlag := regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`)
	for _, c := range commands {
		var stderr bytes.Buffer
		run(context.Background(), []string{c.name, "-h"}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
		help := stderr.String()
		if !strings.HasPrefix(help, "Usage: kerko "+c.name+" "+c.synopsis) {
			t.Errorf("kerko %s -h does not open with its synopsis:\n%s", c.name, help)
		}
		var defined, named []string
		for _, m := range helpFlag.FindAllStringSubmatch(help, -1) {
			defined = append(defined, m[1])
		}
		for _, m := range synFlag.FindAllStringSubmatch(c.synopsis, -1) {
			named = append(named, m[1])
		}
		slices.Sort(defined)
		slices.Sort(named)
		if !slices.Equal(defined, slices.Compact(named)) {
			t.Errorf("kerko %s: the synopsis names flags %v; the command defines %v", c.name, named, defined)
		}
	}

	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `kerko ([a-z]+) ((?:[^`])*)` \\|")
	rows := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		if _, dup := rows[m[1]]; dup {
			t.Errorf("README's command table has kerko %s twice", m[1])
		}
		rows[m[1]] = strings.ReplaceAll(m[2], `\|`, "|")
	}
	for _, c := range commands {
		got, ok := rows[c.name]
		switch {
		case !ok:
			t.Errorf("README's command table has no row for kerko %s", c.name)
		case got != c.synopsis:
			t.Errorf("README shows\n\tkerko %s %s\nkerko %s -h says\n\tkerko %s %s", c.name, got, c.name, c.name, c.synopsis)
		}
		delete(rows, c.name)
	}
	for name := range rows {
		t.Errorf("README's command table has kerko %s, which is no command", name)
	}
}
