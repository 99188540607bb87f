// Package table holds typed columns and provenance metadata, the plain
// form in which analysis results travel to the exports, and writes flat
// tables of them as CSV or Parquet.
//
// A [Column] has a name and one value per row, all float64, int or
// string. Floats are written in the shortest form that reads back
// exactly (strconv 'g', -1); NaN and ±Inf are never written: a CSV cell
// is left empty and a Parquet value is null (float columns are
// optional). A [Table] is columns of equal length; its [Meta] is
// provenance, written as Parquet key-value metadata.
package table

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"

	pq "github.com/parquet-go/parquet-go"
)

// A Kind is the type of a column's values.
type Kind int

const (
	Float Kind = iota
	Int
	String
)

func (k Kind) String() string {
	switch k {
	case Float:
		return "double"
	case Int:
		return "int"
	case String:
		return "string"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// A Column is a named sequence of values of one kind.
type Column struct {
	Name string
	kind Kind
	prob bool // Probabilities: small values mean something
	f    []float64
	i    []int
	s    []string
}

// Floats returns a column of floats. It keeps v.
func Floats(name string, v []float64) Column { return Column{Name: name, kind: Float, f: v} }

// Probabilities returns a column of floats whose small values mean
// something — p-values, probabilities, likelihoods — rather than being
// the rounding noise of a sum: [CSVOptions] never writes them 0 (Digits
// still apply: 1.70791e-15 stays 1.70791e-15, not 0). Everywhere else it
// is a Float column. It keeps v.
func Probabilities(name string, v []float64) Column {
	return Column{Name: name, kind: Float, prob: true, f: v}
}

// Probability reports whether the column was made by [Probabilities].
func (c Column) Probability() bool { return c.prob }

// Ints returns a column of integers. It keeps v.
func Ints(name string, v []int) Column { return Column{Name: name, kind: Int, i: v} }

// Strings returns a column of strings. It keeps v.
func Strings(name string, v []string) Column { return Column{Name: name, kind: String, s: v} }

// Kind returns the type of the column's values.
func (c Column) Kind() Kind { return c.kind }

// Len returns the number of values.
func (c Column) Len() int {
	switch c.kind {
	case Float:
		return len(c.f)
	case Int:
		return len(c.i)
	}
	return len(c.s)
}

// Float returns value i of a Float column, or of an Int column as a
// float. It panics for a String column.
func (c Column) Float(i int) float64 {
	switch c.kind {
	case Float:
		return c.f[i]
	case Int:
		return float64(c.i[i])
	}
	panic("table: Float of string column " + c.Name)
}

// Int returns value i of an Int column. It panics for other kinds.
func (c Column) Int(i int) int {
	if c.kind != Int {
		panic("table: Int of " + c.kind.String() + " column " + c.Name)
	}
	return c.i[i]
}

// Text returns value i as text: strings as they are, integers in
// decimal, floats in the shortest form that reads back exactly, and ""
// for NaN and ±Inf.
func (c Column) Text(i int) string {
	switch c.kind {
	case Float:
		return FormatFloat(c.f[i])
	case Int:
		return strconv.Itoa(c.i[i])
	}
	return c.s[i]
}

// Valid reports whether value i is written: false only for NaN and ±Inf.
func (c Column) Valid(i int) bool {
	return c.kind != Float || !(math.IsNaN(c.f[i]) || math.IsInf(c.f[i], 0))
}

// FormatFloat formats f in the shortest form that reads back exactly,
// with −0 written as 0, or returns "" for NaN and ±Inf.
func FormatFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	if f == 0 {
		f = 0 // −0 → 0
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// A Meta is one provenance attribute: a string, or an integer when Long.
type Meta struct {
	Key, Value string
	Long       bool
}

// MetaInt returns an integer provenance attribute.
func MetaInt(key string, n int) Meta { return Meta{Key: key, Value: strconv.Itoa(n), Long: true} }

// A Table is columns of equal length with provenance.
type Table struct {
	Columns []Column
	Meta    []Meta
}

// Len returns the number of rows.
func (t *Table) Len() int {
	if len(t.Columns) == 0 {
		return 0
	}
	return t.Columns[0].Len()
}

// Check reports whether the columns have equal lengths and distinct,
// non-empty names.
func (t *Table) Check() error {
	seen := map[string]bool{}
	for _, c := range t.Columns {
		if c.Name == "" {
			return fmt.Errorf("table: column without a name")
		}
		if seen[c.Name] {
			return fmt.Errorf("table: column %s twice", c.Name)
		}
		seen[c.Name] = true
		if c.Len() != t.Len() {
			return fmt.Errorf("table: column %s has %d values, column %s has %d", c.Name, c.Len(), t.Columns[0].Name, t.Len())
		}
	}
	return nil
}

// WriteCSV writes a header of column names and one record per row
// (RFC 4180 quoting), floats in the shortest form that reads back
// exactly: WriteCSVWith(w, Exact). Meta is not written: CSV has no place
// for it. For files people open, see [CSVOptions].
func (t *Table) WriteCSV(w io.Writer) error { return t.WriteCSVWith(w, Exact) }

// WriteParquet writes the table as one flat Parquet file: a column per
// Column in order (float → optional DOUBLE, null for NaN and ±Inf; int
// → INT64; string → BYTE_ARRAY UTF8), zstd compression, row groups of
// 64k rows, and Meta as key-value metadata. Column names must be
// letters, digits and '_'.
func (t *Table) WriteParquet(w io.Writer) error {
	if err := t.Check(); err != nil {
		return err
	}
	// A struct type built at run time keeps the column order (a
	// parquet.Group sorts its fields by name).
	fields := make([]reflect.StructField, len(t.Columns))
	for j, c := range t.Columns {
		for _, r := range c.Name {
			if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return fmt.Errorf("table: column name %q: want letters, digits and _", c.Name)
			}
		}
		var typ reflect.Type
		tag := c.Name
		switch c.kind {
		case Float:
			typ, tag = reflect.TypeFor[*float64](), tag+",optional"
		case Int:
			typ = reflect.TypeFor[int64]()
		case String:
			typ = reflect.TypeFor[string]()
		}
		fields[j] = reflect.StructField{Name: "F" + strconv.Itoa(j), Type: typ, Tag: reflect.StructTag(`parquet:"` + tag + `"`)}
	}
	rowType := reflect.StructOf(fields)
	opts := []pq.WriterOption{pq.Compression(&pq.Zstd), pq.MaxRowsPerRowGroup(1 << 16)}
	for _, m := range t.Meta {
		opts = append(opts, pq.KeyValueMetadata(m.Key, m.Value))
	}
	opts = append(opts, pq.SchemaOf(reflect.New(rowType).Interface()))
	pw := pq.NewWriter(w, opts...)
	row := reflect.New(rowType)
	floats := make([]float64, len(t.Columns))
	for i := 0; i < t.Len(); i++ {
		rv := row.Elem()
		for j, c := range t.Columns {
			f := rv.Field(j)
			switch c.kind {
			case Float:
				if c.Valid(i) {
					floats[j] = c.f[i]
					f.Set(reflect.ValueOf(&floats[j]))
				} else {
					f.SetZero()
				}
			case Int:
				f.SetInt(int64(c.i[i]))
			case String:
				f.SetString(c.s[i])
			}
		}
		if err := pw.Write(row.Interface()); err != nil {
			return err
		}
	}
	return pw.Close()
}
