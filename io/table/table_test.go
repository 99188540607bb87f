package table

import (
	"bytes"
	"math"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"
)

func sample() *Table {
	return &Table{
		Columns: []Column{
			Strings("node", []string{"CI", "TR", "x"}),
			Strings("label", []string{"Côte d'Ivoire", "Türkiye", `a "b", c; <d> & e`}),
			Ints("papers", []int{3, 0, -2}),
			Floats("output", []float64{0.5, math.NaN(), math.Inf(1)}),
		},
		Meta: []Meta{{Key: "level", Value: "country"}, MetaInt("records_read", 4)},
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := sample().WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	// RFC 4180: the field with quotes and a comma is quoted, quotes doubled;
	// NaN and +Inf are empty cells.
	want := "node,label,papers,output\nCI,Côte d'Ivoire,3,0.5\nTR,Türkiye,0,\nx,\"a \"\"b\"\", c; <d> & e\",-2,\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestParquet(t *testing.T) {
	var b bytes.Buffer
	tb := sample()
	if err := tb.WriteParquet(&b); err != nil {
		t.Fatal(err)
	}
	f, err := pq.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, fl := range f.Schema().Fields() {
		names = append(names, fl.Name())
	}
	if got := strings.Join(names, ","); got != "node,label,papers,output" {
		t.Errorf("columns %s, want the table's order", got)
	}
	if v, _ := f.Lookup("level"); v != "country" {
		t.Errorf("metadata level = %q", v)
	}
	if v, _ := f.Lookup("records_read"); v != "4" {
		t.Errorf("metadata records_read = %q", v)
	}
	for _, rg := range f.Metadata().RowGroups {
		for _, cc := range rg.Columns {
			if c := cc.MetaData.Codec.String(); c != "ZSTD" {
				t.Errorf("column %v compressed with %s, want ZSTD", cc.MetaData.PathInSchema, c)
			}
		}
	}
	r := pq.NewReader(f)
	rows := make([]pq.Row, 3)
	n, _ := r.ReadRows(rows)
	if n != 3 {
		t.Fatalf("read %d rows, want 3", n)
	}
	for i, row := range rows {
		for j, c := range tb.Columns {
			v := row[j]
			switch c.Kind() {
			case String:
				if v.String() != c.Text(i) {
					t.Errorf("row %d %s = %q, want %q", i, c.Name, v.String(), c.Text(i))
				}
			case Int:
				if int(v.Int64()) != c.Int(i) {
					t.Errorf("row %d %s = %d, want %d", i, c.Name, v.Int64(), c.Int(i))
				}
			case Float:
				if !c.Valid(i) {
					if !v.IsNull() {
						t.Errorf("row %d %s = %v, want null for %v", i, c.Name, v, c.Float(i))
					}
				} else if v.IsNull() || v.Double() != c.Float(i) {
					t.Errorf("row %d %s = %v, want %v", i, c.Name, v, c.Float(i))
				}
			}
		}
	}
}

func TestCheck(t *testing.T) {
	for _, tb := range []*Table{
		{Columns: []Column{Ints("a", []int{1}), Ints("a", []int{2})}},
		{Columns: []Column{Ints("a", []int{1}), Ints("b", []int{1, 2})}},
		{Columns: []Column{Ints("", []int{1})}},
	} {
		if err := tb.Check(); err == nil {
			t.Errorf("%v: no error", tb.Columns)
		}
		if err := tb.WriteParquet(new(bytes.Buffer)); err == nil {
			t.Errorf("%v: WriteParquet: no error", tb.Columns)
		}
	}
	bad := &Table{Columns: []Column{Ints("a,b", []int{1})}}
	if err := bad.WriteParquet(new(bytes.Buffer)); err == nil {
		t.Error(`column "a,b": no error`)
	}
}
