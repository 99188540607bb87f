package table

import (
	"bytes"
	"math"
	"strconv"
	"testing"
)

func TestFormatFloatOptions(t *testing.T) {
	def := CSVOptions{}
	for _, tt := range []struct {
		o     CSVOptions
		x     float64
		scale float64
		want  string
	}{
		// 6 significant digits, correctly rounded, plain notation.
		{def, 1.0 / 3, 1, "0.333333"},
		{def, 2.0 / 3, 1, "0.666667"},
		{def, 1234567.891, 1e7, "1234570"},
		{def, 0.5, 1, "0.5"},
		{def, 100, 100, "100"},
		{def, -0.000123456789, 1, "-0.000123457"},
		{def, 1.5e-7, 1e-7, "1.5e-07"}, // small, but not relative to its column
		{def, 1.23456789e20, 1e20, "1.23457e+20"},
		// Noise below 1e-12 of the column's scale is 0 (the examples).
		{def, 7.6e-32, 3.5, "0"},
		{def, -2.2e-16, 0.42, "0"},
		{def, 1e-12 * 0.42, 0.42, "4.2e-13"}, // exactly at the threshold: kept
		{def, math.Copysign(0, -1), 1, "0"},
		{def, math.NaN(), 1, ""},
		{def, math.Inf(-1), 1, ""},
		// Other digits and thresholds.
		{CSVOptions{Digits: 3}, 2.0 / 3, 1, "0.667"},
		{CSVOptions{Zero: 1e-3}, 0.0005, 1, "0"},
		{CSVOptions{Zero: -1}, 7.6e-32, 3.5, "7.6e-32"},
		// Exact: as WriteCSV has always written.
		{Exact, 1.0 / 3, 1, "0.3333333333333333"},
		{Exact, 1234567.891, 1e7, "1.234567891e+06"},
		{Exact, 7.6e-32, 3.5, "7.6e-32"},
	} {
		if got := tt.o.FormatFloat(tt.x, tt.scale); got != tt.want {
			t.Errorf("%+v.FormatFloat(%v, %v) = %q, want %q", tt.o, tt.x, tt.scale, got, tt.want)
		}
	}
}

func TestWriteCSVWith(t *testing.T) {
	tb := &Table{Columns: []Column{
		Strings("node", []string{"CI", "TR", "CN"}),
		Ints("papers", []int{3, 0, 1234567}),
		Floats("output", []float64{1.0 / 3, 7.6e-32, 2.5}),
		Floats("fiedler", []float64{-2.2e-16, 0.125, math.NaN()}),
	}}
	var b bytes.Buffer
	if err := tb.WriteCSVWith(&b, Excel); err != nil {
		t.Fatal(err)
	}
	// The BOM, then: output's scale is 2.5, fiedler's 0.125; ints untouched.
	want := "\xef\xbb\xbfnode,papers,output,fiedler\nCI,3,0.333333,0\nTR,0,0,0.125\nCN,1234567,2.5,\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	if err := tb.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want = "node,papers,output,fiedler\nCI,3,0.3333333333333333,-2.2e-16\nTR,0,7.6e-32,0.125\nCN,1234567,2.5,\n"
	if b.String() != want {
		t.Errorf("WriteCSV (exact) got\n%q\nwant\n%q", b.String(), want)
	}
}

// TestWriteCSVWithProbabilities: the zero rule is for rounding noise in
// sums; a p-value of 1.7e-15 next to one of 0.5 is a result (KR's
// two-sided p in blocs --sample --poles CN,US is Erfc(|Δ/SE|/√2) ≈
// 1.70791e-15, written 0 before this column kind), so a Probabilities
// column keeps it at any precision, while a Floats column with the same
// values zeroes it (1.7e-15 < 1e-12 · 0.5).
func TestWriteCSVWithProbabilities(t *testing.T) {
	v := []float64{1.7079123e-15, 0.5, math.NaN()}
	tb := &Table{Columns: []Column{Probabilities("p", v), Floats("f", v)}}
	if !tb.Columns[0].Probability() || tb.Columns[1].Probability() || tb.Columns[0].Kind() != Float {
		t.Fatalf("kinds: %v %v %v", tb.Columns[0].Probability(), tb.Columns[1].Probability(), tb.Columns[0].Kind())
	}
	for _, c := range []struct {
		o    CSVOptions
		want string
	}{
		{CSVOptions{}, "p,f\n1.70791e-15,0\n0.5,0.5\n,\n"},
		{CSVOptions{Digits: 3}, "p,f\n1.71e-15,0\n0.5,0.5\n,\n"},
		{Exact, "p,f\n1.7079123e-15,1.7079123e-15\n0.5,0.5\n,\n"},
	} {
		var b bytes.Buffer
		if err := tb.WriteCSVWith(&b, c.o); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%+v: got %q, want %q", c.o, b.String(), c.want)
		}
	}
}

// TestPrecision: 0 is Exact (every digit, no zeroing); 1 to 17 digits
// round as CSVOptions.Digits does, small values still zeroed; outside
// 0–17 is an error naming the value. 2/3 to 3 digits is 0.667 and to 17
// is 0.66666666666666663 (the float64 nearest 2/3, printed to 17
// significant digits by strconv 'g' 17), which 'f' -1 writes shortest,
// 0.6666666666666666.
func TestPrecision(t *testing.T) {
	for _, tt := range []struct {
		n       int
		x, want string // x formatted at scale 1: 2/3 and 7.6e-32
	}{
		{0, "0.6666666666666666", "7.6e-32"},
		{3, "0.667", "0"},
		{17, "0.6666666666666666", "0"},
	} {
		o, err := Precision(tt.n)
		if err != nil {
			t.Fatalf("Precision(%d): %v", tt.n, err)
		}
		if got := o.FormatFloat(2.0/3, 1); got != tt.x {
			t.Errorf("Precision(%d): 2/3 written %q, want %q", tt.n, got, tt.x)
		}
		if got := o.FormatFloat(7.6e-32, 1); got != tt.want {
			t.Errorf("Precision(%d): 7.6e-32 written %q, want %q", tt.n, got, tt.want)
		}
		if o.BOM {
			t.Errorf("Precision(%d) sets BOM", tt.n)
		}
	}
	if o, _ := Precision(0); o != Exact {
		t.Errorf("Precision(0) = %+v, want Exact %+v", o, Exact)
	}
	for _, n := range []int{-1, 18} {
		want := "table: precision " + strconv.Itoa(n) + ": want 1 to 17 significant digits, or 0 for every digit"
		if _, err := Precision(n); err == nil || err.Error() != want {
			t.Errorf("Precision(%d): error %v, want %q", n, err, want)
		}
	}
}
