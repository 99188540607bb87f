package main

import (
	"github.com/coauthnet/coauthnet/summary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// withoutProvenance drops the GraphML lines that describe the run rather
// than the graph (inputs, record counts, dedup), which differ between
// runs that read the same papers from different files.
func withoutProvenance(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, `<data key="inputs"`) || strings.Contains(l, `<data key="records_read"`) ||
			strings.Contains(l, `"dedup"`) || strings.Contains(l, `"records_duplicate"`) {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// Issue 14: the same file given twice, or concatenated with itself, gives
// the graph of the file given once; the summary says what each rule
// dropped.
func TestDuplicateInputsSameGraph(t *testing.T) {
	dir := t.TempDir()
	a := "testdata/worked.jsonl"
	b, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	aa := filepath.Join(dir, "aa.jsonl")
	os.WriteFile(aa, append(append([]byte{}, b...), b...), 0o644)
	code, want, stderr := runCmd(t, "", "build", a)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{{a, a}, {aa}, {a, aa, a}} {
		code, got, stderr := runCmd(t, "", append([]string{"build"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if withoutProvenance(got) != withoutProvenance(want) {
			t.Errorf("%v: graph differs from %s given once", args, a)
		}
		// worked.jsonl has 4 records (P1-P4): every copy after the first
		// is a duplicate by id.
		n := 4 * (len(args) - 1)
		if args[0] == aa {
			n = 4
		} else if len(args) == 3 {
			n = 4 * 3
		}
		if !strings.Contains(stderr, summary.Plural(n, "record")+" dropped as duplicates ("+strconv.Itoa(n)+" with the same ID)") {
			t.Errorf("%v: summary lacks %d duplicates by id:\n%s", args, n, stderr)
		}
		if !strings.Contains(got, `<data key="records_duplicate">`+strconv.Itoa(n)+`</data>`) {
			t.Errorf("%v: provenance lacks records_duplicate %d", args, n)
		}
	}
	// --dedup none counts them twice: the graph differs.
	_, got, _ := runCmd(t, "", "build", "--dedup", "none", a, a)
	if withoutProvenance(got) == withoutProvenance(want) {
		t.Error("--dedup none: same graph as with dedup")
	}
}

// Records with new ids but the same DOI (written with another case and a
// resolver prefix) are duplicates by DOI.
func TestDuplicatesByDOI(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.jsonl")
	two := filepath.Join(dir, "two.jsonl")
	os.WriteFile(one, []byte(`{"id":"W1","doi":"10.1000/ABC","year":2019,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"US"}]}]}
`), 0o644)
	os.WriteFile(two, []byte(`{"id":"2-s2.0-1","doi":"https://doi.org/10.1000/abc","year":2019,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"US"}]}]}
{"id":"2-s2.0-2","year":2019,"authors":[{"affiliations":[{"country":"CN"}]},{"affiliations":[{"country":"DE"}]}]}
`), 0o644)
	code, out, stderr := runCmd(t, "", "build", "-v", one, two)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "1 record dropped as duplicates (1 with the same DOI)") ||
		!strings.Contains(stderr, "duplicate: "+two+" (id 2-s2.0-1): same DOI as a record read before from "+one+" (kept)") {
		t.Errorf("summary:\n%s", stderr)
	}
	// CN-US once (weight 1 in full counting), CN-DE once.
	if !strings.Contains(stderr, "3 nodes, 2 edges") {
		t.Errorf("graph: %s", stderr)
	}
	_ = out
}

// A real WoS export given twice, and with its tab-delimited copy (same
// UTs), gives the graph of the export given once.
func TestDuplicateRealWoS(t *testing.T) {
	const real = "../../../shared/testdata-real/wos-wosfile/"
	plain, tab := real+"wos_plaintext.txt", real+"wos_tab_delimited_win_utf16.txt"
	if _, err := os.Stat(plain); err != nil {
		t.Skipf("real test data not available: %v", err)
	}
	_, want, _ := runCmd(t, "", "build", plain)
	for _, args := range [][]string{{plain, plain}, {plain, tab}} {
		code, got, stderr := runCmd(t, "", append([]string{"build"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if withoutProvenance(got) != withoutProvenance(want) {
			t.Errorf("%v: graph differs from %s given once", args, plain)
		}
		// 50 records in each file (SOURCES.md), all found again by UT.
		if !strings.Contains(stderr, "50 records dropped as duplicates (50 with the same ID)") {
			t.Errorf("%v: %s", args, stderr)
		}
	}
}

// --strict turns a skipped record or a warning into exit status 1, after
// the summary and before any output; without it the same input is read.
func TestStrict(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.graphml")
	// bad.jsonl: 6 records skipped, and 2 of its 3 papers with a country
	// (66.7 %, below 80 %: a warning; see testdata/bad.stderr).
	code, _, stderr := runCmd(t, "", "build", "--strict", "-o", out, "testdata/bad.jsonl")
	if code != 1 || !strings.Contains(stderr, "--strict: 6 records skipped, 1 warning") || !strings.Contains(stderr, "WARNING: only 66.7%") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written under --strict: %v", err)
	}
	if code, _, stderr := runCmd(t, "", "convert", "--strict", "--to", "jsonl", "-o", out, "testdata/bad.jsonl"); code != 1 || !strings.Contains(stderr, "not written") {
		t.Errorf("convert: exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("convert wrote under --strict: %v", err)
	}
	if code, _, stderr := runCmd(t, "", "build", "--strict", "-o", out, "testdata/worked.jsonl"); code != 0 {
		t.Errorf("clean input: exit %d:\n%s", code, stderr)
	}
}
