package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportMeasuresFlag: --measures decides the measure columns of the
// report's nodes.csv; without it the level decides (report.Options,
// tested in package report). Three years keep the report short.
func TestReportMeasuresFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	code, _, stderr := runCmd(t, "", "report", "--sample", "--years", "2018-2020", "--measures", "pagerank,degree", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(b), "\n")
	// Measures come in their fixed order (metrics.Measure), not the
	// order of the list.
	if !strings.HasSuffix(header, ",degree,pagerank") || strings.Contains(header, "betweenness") {
		t.Errorf("nodes.csv header %q: want the measures degree and pagerank only", header)
	}
	if code, _, stderr := runCmd(t, "", "report", "--sample", "--measures", "speed", "-o", dir+"2"); code != 2 || !strings.Contains(stderr, `unknown measure "speed"`) {
		t.Errorf("--measures speed: exit %d, %q; want 2 and the unknown measure", code, stderr)
	}
}
