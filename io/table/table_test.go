package table

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
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

// TestPyarrow reads the Parquet file with pyarrow, and with DuckDB, when
// either is installed for python3 (neither is required).
func TestPyarrow(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	var buf bytes.Buffer
	if err := sample().WriteParquet(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.parquet")
	os.WriteFile(path, buf.Bytes(), 0o644)
	ran := false
	for _, reader := range []string{
		`import pyarrow.parquet as pq, json, sys; t = pq.read_table(sys.argv[1]); print(json.dumps({"columns": t.column_names, "label": t.column("label").to_pylist(), "output": t.column("output").to_pylist()}))`,
		`import duckdb, json, sys; r = duckdb.sql("select * from read_parquet('%s')" % sys.argv[1]); rows = r.fetchall(); print(json.dumps({"columns": r.columns, "label": [x[1] for x in rows], "output": [x[3] for x in rows]}))`,
	} {
		mod := strings.Fields(reader)[1]
		if exec.Command(py, "-c", "import "+mod).Run() != nil {
			continue
		}
		ran = true
		out, err := exec.Command(py, "-c", reader, path).Output()
		if err != nil {
			t.Fatalf("%s: %v", mod, err)
		}
		var got struct {
			Columns []string
			Label   []string
			Output  []*float64
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got.Columns, ",") != "node,label,papers,output" || got.Label[2] != sample().Columns[1].Text(2) ||
			got.Output[0] == nil || *got.Output[0] != 0.5 || got.Output[1] != nil || got.Output[2] != nil {
			t.Errorf("%s read %s", mod, out)
		}
	}
	if !ran {
		t.Skip("neither pyarrow nor duckdb installed for python3")
	}
}
