package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxCommandLines is issue 20's bound on the command's own code: flag
// parsing, wiring and printing only, everything else in the library.
const maxCommandLines = 1500

// TestCommandSize counts the lines of the command's non-test Go files
// (what `wc -l $(ls cmd/coauthnet/*.go | grep -v _test)` counts) and
// fails above maxCommandLines: logic that a library user would need
// belongs in a package, not here.
func TestCommandSize(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		total += bytes.Count(b, []byte("\n"))
	}
	if total == 0 || total > maxCommandLines {
		t.Errorf("cmd/coauthnet has %d lines of non-test code; want at most %d (move logic into the library)", total, maxCommandLines)
	}
}
