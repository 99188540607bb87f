package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sameNumbers compares two outputs token by token (split at commas,
// quotes, spaces and angle brackets): words equal, numbers equal to
// 1e-12 relative. Lines containing skip are left out of both.
func sameNumbers(t *testing.T, what, got, want, skip string) {
	t.Helper()
	drop := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if skip == "" || !strings.Contains(l, skip) {
				out = append(out, strings.FieldsFunc(l, func(r rune) bool { return strings.ContainsRune(`,"<> =`+"\t", r) })...)
			}
		}
		return out
	}
	g, w := drop(got), drop(want)
	if len(g) != len(w) {
		t.Fatalf("%s: %d tokens, want %d", what, len(g), len(w))
	}
	for i := range w {
		if g[i] == w[i] {
			continue
		}
		a, errA := strconv.ParseFloat(g[i], 64)
		b, errB := strconv.ParseFloat(w[i], 64)
		if errA != nil || errB != nil || math.Abs(a-b) > 1e-12*math.Max(math.Abs(a), math.Abs(b)) {
			t.Fatalf("%s: token %d is %q, want %q", what, i, g[i], w[i])
		}
	}
}

// TestSplitAggregateMerge runs the whole workflow on the sample: split
// into 7 shards by DOI, aggregate each, merge (in two orders: the same
// bytes), and check that build, edges, nodes, communities, blocs and
// drift on the merged aggregate write what they write from the papers
// (numbers to 1e-12; measured worst 6e-14, report included).
func TestSplitAggregateMerge(t *testing.T) {
	dir := t.TempDir()
	papers := filepath.Join(dir, "papers.jsonl")
	if code, _, stderr := runCmd(t, "", "convert", "--sample", "-o", papers); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runCmd(t, "", "split", "-n", "7", "-o", filepath.Join(dir, "p{n}.jsonl"), papers); code != 0 {
		t.Fatal(stderr)
	}
	var parts []string
	for i := 1; i <= 7; i++ {
		part := filepath.Join(dir, "a"+strconv.Itoa(i)+".parquet")
		if code, _, stderr := runCmd(t, "", "aggregate", "-o", part, filepath.Join(dir, "p"+strconv.Itoa(i)+".jsonl")); code != 0 {
			t.Fatal(stderr)
		}
		parts = append(parts, part)
	}
	all := filepath.Join(dir, "all.parquet")
	if code, _, stderr := runCmd(t, "", append([]string{"merge", "-o", all}, parts...)...); code != 0 {
		t.Fatal(stderr)
	}
	rev := filepath.Join(dir, "rev.parquet")
	reversed := []string{"merge", "-o", rev}
	for i := len(parts) - 1; i >= 0; i-- {
		reversed = append(reversed, parts[i])
	}
	if code, _, stderr := runCmd(t, "", reversed...); code != 0 {
		t.Fatal(stderr)
	}
	a, _ := os.ReadFile(all)
	b, _ := os.ReadFile(rev)
	if !bytes.Equal(a, b) {
		t.Error("merge in reverse order wrote other bytes")
	}
	for _, cmd := range [][]string{{"edges"}, {"nodes"}, {"build", "-o", "-"}, {"communities"}, {"blocs", "--poles", "CN,US"},
		{"drift", "--between", "2013-2017,2018-2022"}, {"edges", "--focal", "CN", "--years", "2010-2020"}} {
		_, fromPapers, e1 := runCmd(t, "", append(cmd, papers)...)
		code, fromAgg, e2 := runCmd(t, "", append(cmd, all)...)
		if cmd[len(cmd)-1] == "2010-2020" {
			// --years is a counting flag: an aggregate counted over every
			// year cannot be narrowed afterwards.
			if code != 1 || !strings.Contains(e2, `counted with years "", not "2010-2020"`) {
				t.Errorf("%v on an aggregate: exit %d, %s", cmd, code, e2)
			}
			continue
		}
		if code != 0 {
			t.Fatalf("%v on the aggregate: %s", cmd, e2)
		}
		_ = e1
		sameNumbers(t, strings.Join(cmd, " "), fromAgg, fromPapers, "inputs")
	}
	// Partials with different flags are refused.
	other := filepath.Join(dir, "other.parquet")
	if code, _, stderr := runCmd(t, "", "aggregate", "--unknown", "node", "-o", other, filepath.Join(dir, "p1.jsonl")); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := runCmd(t, "", "merge", "-o", filepath.Join(dir, "x.parquet"), parts[0], other)
	if code != 1 || !strings.Contains(stderr, "different flags") {
		t.Errorf("merge of different flags: exit %d, %s", code, stderr)
	}
	// A part given twice would count its papers twice.
	code, _, stderr = runCmd(t, "", "merge", "-o", filepath.Join(dir, "x.parquet"), parts[0], parts[1], parts[0])
	if code != 1 || !strings.Contains(stderr, "was counted in part 1 and in part 3") {
		t.Errorf("merge of a part twice: exit %d, %s", code, stderr)
	}
	// aggregate counts papers, not aggregates.
	code, _, stderr = runCmd(t, "", "aggregate", "-o", filepath.Join(dir, "x.parquet"), all)
	if code != 2 || !strings.Contains(stderr, "is an aggregate: aggregate counts papers; coauthnet merge adds aggregates") {
		t.Errorf("aggregate of an aggregate: exit %d, %s", code, stderr)
	}
	// Aggregates and papers together are refused.
	code, _, stderr = runCmd(t, "", "edges", all, papers)
	if code != 1 || !strings.Contains(stderr, "1 of 2 inputs are aggregates") {
		t.Errorf("aggregate and papers: exit %d, %s", code, stderr)
	}
}

// TestAggregateFlagsCarried checks that an aggregate counted with
// --years, --country-policy and --group is analysed with them: build's
// provenance and period, and the summary, say what the count used,
// though the command line repeats none of them; and that a different
// value is refused.
func TestAggregateFlagsCarried(t *testing.T) {
	dir := t.TempDir()
	agg := filepath.Join(dir, "a.parquet")
	if code, _, stderr := runCmd(t, "", "aggregate", "--sample", "--years", "2010-2020", "--country-policy", "prc", "--group", "NORDIC=SE,DK,NO,FI", "-o", agg); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := runCmd(t, "", "build", "-o", "-", agg)
	if code != 0 {
		t.Fatal(stderr)
	}
	for _, want := range []string{`<data key="country_policy">prc</data>`, `<data key="groups">NORDIC</data>`, `2010-2020`} {
		if !strings.Contains(out, want) {
			t.Errorf("build on the aggregate: no %s in its GraphML", want)
		}
	}
	if !strings.Contains(stderr, "outside --years 2010-2020") || !strings.Contains(stderr, "merged into groups NORDIC") {
		t.Errorf("summary does not carry the aggregate's flags:\n%s", stderr)
	}
	code, _, stderr = runCmd(t, "", "nodes", "--country-policy", "iso", "--years", "2010-2020", agg)
	if code != 0 {
		t.Errorf("iso is the default, so not a change; --years repeats the aggregate's: exit %d, %s", code, stderr)
	}
	code, _, stderr = runCmd(t, "", "nodes", "--country-policy", "prc-sar", agg)
	if code != 1 || !strings.Contains(stderr, `counted with country_policy "prc", not "prc-sar"`) {
		t.Errorf("another policy: exit %d, %s", code, stderr)
	}
}
