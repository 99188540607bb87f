package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/jsonl"
)

// TestSplitAggregateMerge is issue 18's must-show at test size: a corpus
// split 7 ways by paper, aggregated per part and merged (parts given in
// two orders), gives the edge table of a single pass — same periods,
// nodes and edges, weights to 1e-12 relative — and merged files of the
// same bytes whatever the order of the parts.
func TestSplitAggregateMerge(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "papers.jsonl")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	w := jsonl.NewWriter(f)
	for _, p := range sample.Generate(sample.Config{Papers: 4000, Seed: 21}) {
		w.Write(&p)
	}
	for _, p := range sample.Institutions(sample.InstitutionsConfig{Papers: 3000, Institutions: 500, Seed: 4}) {
		w.Write(&p)
	}
	w.Flush()
	f.Close()
	cli := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(args, nil, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	cli("split", "--by", "id", "-n", "7", "-o", filepath.Join(dir, "part-{i}.jsonl"), in)
	for _, level := range []string{"country", "institution"} {
		var parts []string
		for i := 1; i <= 7; i++ {
			p := filepath.Join(dir, fmt.Sprintf("%s-%d.parquet", level, i))
			cli("aggregate", "--level", level, "-o", p, filepath.Join(dir, fmt.Sprintf("part-%d.jsonl", i)))
			parts = append(parts, p)
		}
		all1, all2 := filepath.Join(dir, level+"-all1.parquet"), filepath.Join(dir, level+"-all2.parquet")
		cli(append([]string{"merge", "-o", all1}, parts...)...)
		rev := []string{"merge", "-o", all2}
		for i := len(parts) - 1; i >= 0; i-- {
			rev = append(rev, parts[(i*3)%len(parts)])
		}
		cli(rev...)
		b1, _ := os.ReadFile(all1)
		b2, _ := os.ReadFile(all2)
		if len(b1) == 0 || !bytes.Equal(b1, b2) {
			t.Errorf("%s: merged bytes depend on the order of the parts", level)
		}
		whole := cli("edges", "--level", level, "--by-year", in)
		merged := cli("edges", "--level", level, "--by-year", all1)
		compareEdgeTables(t, level, whole, merged)
	}
	// Refusals: other flags, and an analysis with flags other than the
	// aggregate's.
	var errb bytes.Buffer
	if code := run([]string{"merge", "-o", filepath.Join(dir, "x.parquet"), filepath.Join(dir, "country-1.parquet"), filepath.Join(dir, "institution-2.parquet")}, nil, io.Discard, &errb); code != 1 || !strings.Contains(errb.String(), "different flags") {
		t.Errorf("merge of country and institution aggregates: exit %d, %s", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"edges", "--level", "institution", filepath.Join(dir, "country-all1.parquet")}, nil, io.Discard, &errb); code != 1 || !strings.Contains(errb.String(), "same counting flags") {
		t.Errorf("edges --level institution of a country aggregate: exit %d, %s", code, errb.String())
	}
}

// compareEdgeTables checks that two edge tables have the same rows
// (period, source, target) and the same weights to 1e-12 relative.
// Columns derived by ranking (rank_for_*) are left out: near-ties may
// order differently after rounding.
func compareEdgeTables(t *testing.T, level, whole, merged string) {
	t.Helper()
	a, err := csv.NewReader(strings.NewReader(whole)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	b, err := csv.NewReader(strings.NewReader(merged)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(a) < 100 || len(a) != len(b) || strings.Join(a[0], ",") != strings.Join(b[0], ",") {
		t.Fatalf("%s: %d rows, merged %d", level, len(a), len(b))
	}
	worst := 0.0
	for i := 1; i < len(a); i++ {
		for j, h := range a[0] {
			x, y := a[i][j], b[i][j]
			if j < 3 {
				if x != y {
					t.Fatalf("%s row %d: %v, merged %v", level, i, a[i][:3], b[i][:3])
				}
				continue
			}
			if strings.HasPrefix(h, "rank_") || x == y {
				continue
			}
			fx, ex := strconv.ParseFloat(x, 64)
			fy, ey := strconv.ParseFloat(y, 64)
			if ex != nil || ey != nil {
				t.Fatalf("%s row %d %s: %q, merged %q", level, i, h, x, y)
			}
			worst = max(worst, math.Abs(fx-fy)/math.Max(math.Abs(fx), math.Abs(fy)))
		}
	}
	if worst > 1e-12 {
		t.Errorf("%s: merged weights differ by %g relative", level, worst)
	}
}
