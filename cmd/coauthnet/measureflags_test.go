package main

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// column returns the named column of a CSV table.
func column(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	i := slices.Index(rows[0], name)
	if i < 0 {
		t.Fatalf("no column %s in %v", name, rows[0])
	}
	var col []string
	for _, r := range rows[1:] {
		col = append(col, r[i])
	}
	return col
}

// TestNodesMeasures: nodes computes the cheap measures by default, only
// the listed ones with --measures, the same values as with all, and
// says what each cost.
func TestNodesMeasures(t *testing.T) {
	code, all, stderr := runCmd(t, "", "nodes", "--sample", "--years", "2019", "--measures", "all")
	if code != 0 {
		t.Fatal(stderr)
	}
	allRows := readCSV(t, all)
	code, def, stderr := runCmd(t, "", "nodes", "--sample", "--years", "2019")
	if code != 0 {
		t.Fatal(stderr)
	}
	defRows := readCSV(t, def)
	if got := strings.Join(defRows[0][9:], ","); got != "degree,strength,eigenvector,pagerank" {
		t.Errorf("default measure columns %s", got)
	}
	if !strings.Contains(stderr, "measure costs: degree ") || !strings.Contains(stderr, "pagerank ") || strings.Contains(stderr, "betweenness ") {
		t.Errorf("stderr does not give the cost of the default measures alone:\n%s", stderr)
	}
	code, pr, stderr := runCmd(t, "", "nodes", "--sample", "--years", "2019", "--measures", "pagerank,harmonic")
	if code != 0 {
		t.Fatal(stderr)
	}
	prRows := readCSV(t, pr)
	if got := strings.Join(prRows[0][9:], ","); got != "harmonic,pagerank" {
		t.Errorf("--measures pagerank,harmonic: columns %s", got)
	}
	for _, m := range []string{"harmonic", "pagerank"} {
		if !slices.Equal(column(t, prRows, m), column(t, allRows, m)) {
			t.Errorf("%s differs from its value with --measures all", m)
		}
	}
	if code, _, stderr := runCmd(t, "", "nodes", "--sample", "--measures", "pagerank,katz"); code != 2 || !strings.Contains(stderr, `unknown measure "katz"`) {
		t.Errorf("--measures katz: exit %d, %s", code, stderr)
	}
}

// TestNodesWorkers: the institution table with betweenness is
// byte-identical for 1 and 2 workers (277 institutions in 2019: 18
// source blocks of 16).
func TestNodesWorkers(t *testing.T) {
	var outs []string
	for _, w := range []string{"1", "2"} {
		code, out, stderr := runCmd(t, "", "nodes", "--sample", "--level", "institution", "--years", "2019", "--measures", "betweenness,closeness", "--workers", w)
		if code != 0 {
			t.Fatal(stderr)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] {
		t.Error("--workers 1 and 2 differ")
	}
}

// TestBetweennessSamples: --betweenness-samples states its error bound;
// the estimate differs from the exact value but stays within it.
func TestBetweennessSamples(t *testing.T) {
	code, out, stderr := runCmd(t, "", "nodes", "--sample", "--level", "institution", "--years", "2019", "--measures", "betweenness", "--betweenness-samples", "100")
	if code != 0 {
		t.Fatal(stderr)
	}
	if !strings.Contains(stderr, "betweenness estimated from 100 pivot sources (seed 1): each value within ±0.136 of the exact one with probability 0.95") {
		// Bound by hand: n = 277, k = 100: 277/276 · sqrt(ln 40 / 200) = 1.00362 · 0.13581 = 0.1363…
		t.Errorf("no error bound stated:\n%s", stderr)
	}
	_, exact, _ := runCmd(t, "", "nodes", "--sample", "--level", "institution", "--years", "2019", "--measures", "betweenness")
	if exact == out {
		t.Error("sampled betweenness equals the exact one")
	}
}

// TestCommunitiesAlgorithm: both algorithms run and are named in the
// output; the sample's 2019 institution graph has Q ≈ 0.28 with either
// (a sanity floor of 0.2 here; community's tests compare with gonum).
func TestCommunitiesAlgorithm(t *testing.T) {
	for _, alg := range []string{"leiden", "louvain"} {
		code, out, stderr := runCmd(t, "", "communities", "--sample", "--years", "2019", "--level", "institution", "--algorithm", alg, "--format", "json")
		if code != 0 {
			t.Fatal(stderr)
		}
		var doc struct {
			Algorithm string
			Periods   []struct{ Modularity float64 }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Algorithm != alg || len(doc.Periods) != 1 || doc.Periods[0].Modularity < 0.2 {
			t.Errorf("--algorithm %s: algorithm %q, periods %+v", alg, doc.Algorithm, doc.Periods)
		}
	}
	if code, _, stderr := runCmd(t, "", "communities", "--sample", "--algorithm", "infomap"); code != 2 || !strings.Contains(stderr, "want leiden or louvain") {
		t.Errorf("--algorithm infomap: exit %d, %s", code, stderr)
	}
}
