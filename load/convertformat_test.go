package load

import (
	"path/filepath"
	"strings"
	"testing"
)

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

// TestConvertFormatDirectory: an -o in a directory that does not exist
// is an error before any input is read (atomicfile.CheckParent; convert
// used to read everything and then fail with open's raw message).
func TestConvertFormatDirectory(t *testing.T) {
	dir := t.TempDir()
	if _, err := ConvertFormat(filepath.Join(dir, "x.jsonl"), ""); err != nil {
		t.Errorf("existing directory: %v", err)
	}
	if _, err := ConvertFormat(filepath.Join(dir, "no", "x.jsonl"), ""); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing directory: %v", err)
	}
}
