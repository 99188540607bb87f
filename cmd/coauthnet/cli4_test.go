package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpListsApplicableFlags: a command's -h leaves out the input
// flags it rejects (notFor), and keeps the others.
func TestHelpListsApplicableFlags(t *testing.T) {
	_, _, report := runCmd(t, "", "report", "-h")
	for _, name := range []string{"-by-year", "-by-field"} {
		if strings.Contains(report, "  "+name+" ") || strings.Contains(report, "  "+name+"\n") {
			t.Errorf("report -h lists %s, which report rejects", name)
		}
	}
	if !strings.Contains(report, "  -years ") {
		t.Errorf("report -h lost -years:\n%s", report)
	}
	if _, _, build := runCmd(t, "", "build", "-h"); !strings.Contains(build, "  -by-year") {
		t.Errorf("build -h lost -by-year")
	}
}

// TestBuildMeasuresNeedAColumn: --measures on a graph format without
// --attach centrality would compute nothing: a usage error.
func TestBuildMeasuresNeedAColumn(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, "", "build", "--sample", "--years", "2019", "--measures", "pagerank", "-o", filepath.Join(dir, "g.graphml"))
	if code != 2 || !strings.Contains(stderr, "--attach centrality") {
		t.Errorf("exit %d, %q; want 2 and a pointer to --attach centrality", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "build", "--sample", "--years", "2019", "--measures", "pagerank", "-o", filepath.Join(dir, "t.csv")); code != 0 {
		t.Errorf("table format: exit %d, %s", code, stderr)
	}
}
