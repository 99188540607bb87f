package tables

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/io/table"
)

// A Sheet is rows of values under named columns, written as CSV or JSON.
// Values are string, int or float64; NaN and ±Inf are written empty
// (CSV) or null (JSON).
type Sheet struct {
	Columns []string
	Rows    [][]any
	Meta    [][2]string // JSON only: written before "rows"
	Raw     [][2]string // JSON only: name and JSON text, after Meta
}

// Write writes t as "csv" (a header row, then the rows) or "json" (an
// object with Meta, Raw and "rows", an array of objects keyed by column).
func (t *Sheet) Write(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	switch format {
	case "csv":
		cw := csv.NewWriter(bw)
		cw.Write(t.Columns)
		rec := make([]string, len(t.Columns))
		for _, r := range t.Rows {
			for i, v := range r {
				rec[i] = Cell(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case "json":
		bw.WriteString("{")
		for _, m := range t.Meta {
			k, _ := json.Marshal(m[0])
			v, _ := json.Marshal(m[1])
			fmt.Fprintf(bw, "%s:%s,", k, v)
		}
		for _, m := range t.Raw {
			k, _ := json.Marshal(m[0])
			fmt.Fprintf(bw, "%s:%s,", k, m[1])
		}
		bw.WriteString("\"rows\":")
		bw.WriteString(RowsJSON(t))
		bw.WriteString("}\n")
	default:
		return fmt.Errorf("tables: format %q: want csv or json", format)
	}
	return bw.Flush()
}

// WriteCSV writes t as CSV for people: floats formatted by
// o.FormatFloat against the largest |value| of their column (6
// significant digits and noise below 1e-12 of the column's scale as 0
// by default; never 0 in a [Probability] column), the UTF-8 byte order mark first when o.BOM; ints and
// strings as Write writes them. table.Exact gives Write's exact form.
func (t *Sheet) WriteCSV(w io.Writer, o table.CSVOptions) error {
	bw := bufio.NewWriter(w)
	if o.BOM {
		bw.WriteString("\ufeff")
	}
	scale := make([]float64, len(t.Columns))
	for _, r := range t.Rows {
		for j, v := range r {
			if x, ok := v.(float64); ok && !math.IsNaN(x) && !math.IsInf(x, 0) && j < len(scale) && !Probability(t.Columns[j]) {
				scale[j] = max(scale[j], math.Abs(x))
			}
		}
	}
	cw := csv.NewWriter(bw)
	cw.Write(t.Columns)
	rec := make([]string, len(t.Columns))
	for _, r := range t.Rows {
		for i, v := range r {
			if x, ok := v.(float64); ok {
				rec[i] = o.FormatFloat(x, scale[i])
			} else {
				rec[i] = Cell(v)
			}
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Cell is the CSV text of a value.
func Cell(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// JSONValue is the JSON text of a value (null for NaN and ±Inf).
func JSONValue(v any) string {
	switch x := v.(type) {
	case string:
		b, _ := json.Marshal(x)
		return string(b)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "null"
		}
	}
	return Cell(v)
}

// Typed returns the sheet as a table of typed columns: a column of ints
// is Int, of numbers Float ([table.Probabilities] when [Probability]),
// otherwise String.
func (t *Sheet) Typed() *table.Table {
	tb := &table.Table{}
	for j, name := range t.Columns {
		kind := table.Int
		for _, r := range t.Rows {
			switch r[j].(type) {
			case int:
			case float64:
				if kind == table.Int {
					kind = table.Float
				}
			default:
				kind = table.String
			}
		}
		switch kind {
		case table.Int:
			v := make([]int, len(t.Rows))
			for i, r := range t.Rows {
				v[i] = r[j].(int)
			}
			tb.Columns = append(tb.Columns, table.Ints(name, v))
		case table.Float:
			v := make([]float64, len(t.Rows))
			for i, r := range t.Rows {
				switch x := r[j].(type) {
				case int:
					v[i] = float64(x)
				case float64:
					v[i] = x
				}
			}
			if Probability(name) {
				tb.Columns = append(tb.Columns, table.Probabilities(name, v))
			} else {
				tb.Columns = append(tb.Columns, table.Floats(name, v))
			}
		default:
			v := make([]string, len(t.Rows))
			for i, r := range t.Rows {
				v[i] = Cell(r[j])
			}
			tb.Columns = append(tb.Columns, table.Strings(name, v))
		}
	}
	return tb
}

// RowsJSON returns the rows as a JSON array of objects keyed by column.
func RowsJSON(t *Sheet) string {
	var sb strings.Builder
	sb.WriteString("[")
	for i, r := range t.Rows {
		if i > 0 {
			sb.WriteString(",")
		}
		sb.WriteString("\n{")
		for j, v := range r {
			if j > 0 {
				sb.WriteString(",")
			}
			sb.WriteString(JSONValue(t.Columns[j]) + ":" + JSONValue(v))
		}
		sb.WriteString("}")
	}
	sb.WriteString("\n]")
	return sb.String()
}

// StringsJSON returns ss as a JSON array of strings.
func StringsJSON(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(parts, ",") + "]"
}
