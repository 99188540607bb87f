package load

import "testing"

// TestConvertFormat: a named format wins; else the path's ending names
// it; anything else is an error.
func TestConvertFormat(t *testing.T) {
	for _, c := range []struct{ path, format, want string }{
		{"x.parquet", "", "parquet"},
		{"x.csv", "", "csv"},
		{"x.jsonl", "", "jsonl"},
		{"x.csv", "jsonl", "jsonl"}, // --to wins over the extension
		{"-", "parquet", "parquet"},
		{"-", "", ""},
		{"x.jsonl.gz", "", ""},
		{"x.csv", "xml", ""},
	} {
		got, err := ConvertFormat(c.path, c.format)
		if got != c.want || (err != nil) != (c.want == "") {
			t.Errorf("ConvertFormat(%q, %q) = %q, %v; want %q", c.path, c.format, got, err, c.want)
		}
	}
}
