package tables

import (
	"bytes"
	"math"
	"testing"

	"github.com/coauthnet/coauthnet/io/table"
)

// TestSheetWriteCSV: 6 significant digits, noise below 1e-12 of the
// column's scale as 0 (a Fiedler value of -2.2e-16 next to 0.5), NaN
// empty, ints and strings as they are, the BOM only when asked;
// table.Exact writes what Write writes.
func TestSheetWriteCSV(t *testing.T) {
	s := &Sheet{Columns: []string{"node", "n", "x", "f"}, Rows: [][]any{
		{"Côte d'Ivoire", 3, 1.0 / 3, -2.2e-16},
		{"DE", 12, 1234567.891, 0.5},
		{"FR", 0, math.NaN(), 7.6e-32},
	}}
	var b bytes.Buffer
	if err := s.WriteCSV(&b, table.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "node,n,x,f\nCôte d'Ivoire,3,0.333333,0\nDE,12,1234570,0.5\nFR,0,,0\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	s.WriteCSV(&b, table.CSVOptions{BOM: true, Digits: 3})
	if want := "\ufeffnode,n,x,f\nCôte d'Ivoire,3,0.333,0\nDE,12,1230000,0.5\nFR,0,,0\n"; b.String() != want {
		t.Errorf("BOM, 3 digits: got\n%q\nwant\n%q", b.String(), want)
	}
	var exact bytes.Buffer
	b.Reset()
	s.WriteCSV(&b, table.Exact)
	s.Write(&exact, "csv")
	if b.String() != exact.String() {
		t.Errorf("Exact: got\n%s\nwant\n%s", b.String(), exact.String())
	}
}
