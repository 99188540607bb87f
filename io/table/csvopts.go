package table

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// CSVOptions say how a table is written as CSV for people (spreadsheets,
// reading by eye) rather than for exact round trips. The zero value is
// the readable default: 6 significant digits, values below 1e-12 of
// their column's scale written as 0, no byte order mark. [Exact] is the
// exact form of [Table.WriteCSV]; Parquet always keeps full precision.
type CSVOptions struct {
	// BOM starts the file with the UTF-8 byte order mark (EF BB BF),
	// without which Excel reads UTF-8 as the local code page and garbles
	// "Côte d'Ivoire" and "Türkiye". Other readers (pandas with
	// encoding="utf-8-sig", R's readr, DuckDB) skip it.
	BOM bool
	// Digits is the number of significant digits of floats: 0 means
	// DefaultDigits, a negative value the shortest form that reads back
	// exactly (strconv 'g', -1).
	Digits int
	// Zero writes a float as 0 when |x| < Zero · scale, scale being the
	// largest |value| of its column: sums of fractions leave noise such
	// as 7.6e-32 where the exact answer is 0, and an eigenvalue solver a
	// Fiedler value of -2.2e-16 for a disconnected graph. 0 means
	// DefaultZero; a negative value turns the rule off. The rule is for
	// rounding noise only: columns of [Probabilities] (p-values, whose
	// 1e-15 is a result, not noise) are never zeroed — their scale is 0.
	Zero float64
}

const (
	// DefaultDigits is 6 significant digits: below the noise of any
	// count-based weight (an edge weight of 1234.56 is a sum of
	// fractions of papers), and what spreadsheets show by default.
	DefaultDigits = 6
	// DefaultZero is 1e-12: relative rounding noise of float64 sums over
	// many terms is of order 1e-16·(number of terms); a million papers
	// give 1e-10 at worst, and nothing a count-based measure produces is
	// meaningfully smaller than a 1e-12 part of its column's largest
	// value.
	DefaultZero = 1e-12
)

var (
	// Exact writes floats in the shortest form that reads back exactly
	// and never zeroes small values: the output of [Table.WriteCSV].
	Exact = CSVOptions{Digits: -1, Zero: -1}
	// Excel is the readable default with a byte order mark.
	Excel = CSVOptions{BOM: true}
)

// Precision returns the options that write n significant digits, as
// coauthnet's --precision takes them: n from 1 to 17 (17 digits read
// back as the same float64) with values below [DefaultZero] of their
// column's largest written 0 (never in [Probabilities] columns), or n = 0 for every digit, exactly
// ([Exact]: unlike CSVOptions.Digits, whose 0 means [DefaultDigits]).
// Another n is an error naming it. BOM is false: set it after.
func Precision(n int) (CSVOptions, error) {
	switch {
	case n == 0:
		return Exact, nil
	case n < 0 || n > 17:
		return CSVOptions{}, fmt.Errorf("table: precision %d: want 1 to 17 significant digits, or 0 for every digit", n)
	}
	return CSVOptions{Digits: n}, nil
}

// BOM is the UTF-8 byte order mark.
const BOM = "\ufeff"

func (o CSVOptions) digits() int {
	if o.Digits == 0 {
		return DefaultDigits
	}
	return o.Digits
}

func (o CSVOptions) zero() float64 {
	if o.Zero == 0 {
		return DefaultZero
	}
	return o.Zero
}

// FormatFloat writes x for a column of the given scale (the largest
// |value| of the column, see [Scale]): "" for NaN and ±Inf; "0" when
// |x| < Zero·scale or x rounds to 0; else x rounded to Digits
// significant digits, in plain decimal notation for 1e-4 ≤ |x| < 1e15
// ("1234570", "0.333333") and in exponent notation otherwise
// ("1.5e-07"), never with trailing zeros. −0 is written as 0. With
// negative Digits, x is written by the package's [FormatFloat] (shortest
// exact form, "1.234567e+06").
func (o CSVOptions) FormatFloat(x, scale float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	if z := o.zero(); z > 0 && math.Abs(x) < z*scale {
		return "0"
	}
	d := o.digits()
	if d < 0 {
		return FormatFloat(x) // exact, as WriteCSV has always written
	}
	x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', d, 64), 64) // correctly rounded
	if x == 0 {
		return "0"
	}
	if a := math.Abs(x); a >= 1e-4 && a < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// Scale returns the largest |x| over the finite values, 0 when there
// are none. A scale of 0 turns the zero rule off for the column, as
// [Table.WriteCSVWith] does for [Probabilities].
func Scale(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			s = max(s, math.Abs(x))
		}
	}
	return s
}

// WriteCSVWith writes the table as [Table.WriteCSV] does, with floats
// formatted by o.FormatFloat against their column's [Scale] (0, so never
// zeroed, for [Probabilities]), and the byte order mark first when o.BOM.
func (t *Table) WriteCSVWith(w io.Writer, o CSVOptions) error {
	if err := t.Check(); err != nil {
		return err
	}
	if o.BOM {
		if _, err := io.WriteString(w, BOM); err != nil {
			return err
		}
	}
	scales := make([]float64, len(t.Columns))
	for j, c := range t.Columns {
		if c.kind == Float && !c.prob {
			scales[j] = Scale(c.f)
		}
	}
	cw := csv.NewWriter(w)
	rec := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		rec[j] = c.Name
	}
	cw.Write(rec)
	for i := 0; i < t.Len(); i++ {
		for j, c := range t.Columns {
			if c.kind == Float {
				rec[j] = o.FormatFloat(c.f[i], scales[j])
			} else {
				rec[j] = c.Text(i)
			}
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}
