package tables

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFormat walks the rules of OutputFormat's doc, one case each.
func TestOutputFormat(t *testing.T) {
	for _, c := range []struct {
		path, format string
		named        bool
		want, err    string
	}{
		{"-", "csv", false, "csv", ""},
		{"-", "json", true, "json", ""},
		{"nodes", "csv", false, "csv", ""},
		{"nodes.CSV", "csv", false, "csv", ""},
		{"nodes.json", "csv", false, "json", ""}, // the default csv gives way to the extension
		{"nodes.json", "csv", true, "", "-o nodes.json with --format csv: the extension .json is json's; use .csv or leave --format out"},
		{"nodes.CSV", "json", true, "", "the extension .csv is csv's; use .json"},
		// An extension of no table format is an error whatever --format
		// says, and --format cannot mend it: the message says what can.
		{"nodes.xlsx", "csv", false, "", "-o nodes.xlsx: .xlsx is not the extension of a table format (csv .csv, json .json): end -o with one of them"},
		{"nodes.xlsx", "json", true, "", ".xlsx is not the extension of a table format"},
		{"nodes", "json", true, "json", ""},
		{"-", "xml", true, "", `--format "xml": want csv or json`},
	} {
		got, err := OutputFormat(c.path, c.format, c.named)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("OutputFormat(%q, %q, %v) = %q, %v; want an error with %q", c.path, c.format, c.named, got, err, c.err)
			}
		} else if got != c.want || err != nil {
			t.Errorf("OutputFormat(%q, %q, %v) = %q, %v; want %q", c.path, c.format, c.named, got, err, c.want)
		}
	}
}

// TestOutputFormatDirectory: an -o in a directory that does not exist is
// an error before any input is read (atomicfile.CheckParent).
func TestOutputFormatDirectory(t *testing.T) {
	dir := t.TempDir()
	if _, err := OutputFormat(filepath.Join(dir, "x.csv"), "csv", false); err != nil {
		t.Errorf("existing directory: %v", err)
	}
	if _, err := OutputFormat(filepath.Join(dir, "no", "x.csv"), "csv", false); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing directory: %v", err)
	}
}
