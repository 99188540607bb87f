package tables

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/table"
)

// TestBlocsPValuesNotZeroed: on the embedded sample with poles CN and
// US, KR's lean moves by Δ ≈ −1.574 with a z far out in the tail, so
// its two-sided p = Erfc(|Δ/SE|/√2) is about 1.7e-15: a result, below
// 1e-12 of the column's largest p (about 1), which the CSV zero rule
// used to write as 0 (blocs --sample --poles CN,US printed "…,0,0,807,…").
// The p and p_adj cells must be KR's values at 6 significant digits, in
// the CSV and in the typed table.
func TestBlocsPValuesNotZeroed(t *testing.T) {
	b, err := community.InferBlocs(graph.Yearly(sample.Generate(sample.Config{}), graph.Options{}), community.BlocOptions{Focal: "CN", Rival: "US"})
	if err != nil {
		t.Fatal(err)
	}
	var kr community.Assignment
	for _, a := range b.Assignments {
		if a.Node == "KR" {
			kr = a
		}
	}
	if !(kr.P > 0 && kr.P < 1e-12 && kr.PAdj > 0 && kr.PAdj < 1e-12) {
		t.Fatalf("KR: p %v, p_adj %v: not the tiny p-values this test is about", kr.P, kr.PAdj)
	}
	sh := BlocsTable(b, nil)
	var buf bytes.Buffer
	if err := sh.WriteCSV(&buf, table.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "," + strconv.FormatFloat(kr.P, 'g', 6, 64) + "," + strconv.FormatFloat(kr.PAdj, 'g', 6, 64) + ","
	var row string
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "KR,") {
			row = l
		}
	}
	if !strings.Contains(row, want) {
		t.Errorf("KR row %q: want p and p_adj %q", row, want)
	}
	typed := sh.Typed()
	for _, c := range typed.Columns {
		if c.Probability() != (c.Name == "p" || c.Name == "p_adj") {
			t.Errorf("typed column %s: Probability %v", c.Name, c.Probability())
		}
	}
	// The rule still zeroes noise in the other columns.
	noise := &Sheet{Columns: []string{"p", "weight_change"}, Rows: [][]any{{1e-15, 7.6e-32}, {0.5, 3.5}}}
	buf.Reset()
	noise.WriteCSV(&buf, table.CSVOptions{})
	if got, want := buf.String(), "p,weight_change\n1e-15,0\n0.5,3.5\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
