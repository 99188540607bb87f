package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxLines is issue 20's ceiling on the command's non-test code: flag
// parsing, wiring and printing only; the logic lives in the library
// packages (ARCHITECTURE.md).
const maxLines = 1500

// TestCommandSize counts the lines of the non-test Go files of the
// command as `wc -l $(ls cmd/coauthnet/*.go | grep -v _test)` does (newline
// characters) and fails above maxLines.
func TestCommandSize(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	var per []string
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		n := bytes.Count(b, []byte("\n"))
		total += n
		per = append(per, fmt.Sprintf("%s %d", name, n))
	}
	if total > maxLines {
		t.Errorf("cmd/coauthnet has %d lines of non-test code, more than %d: move logic into a library package (%s)", total, maxLines, strings.Join(per, ", "))
	}
}
