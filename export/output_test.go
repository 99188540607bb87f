package export

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestResolveOutput walks the rules of ResolveOutput's doc, one case each.
func TestResolveOutput(t *testing.T) {
	for _, c := range []struct {
		path, name      string
		byYear, byField bool
		format          string // "" when an error is expected
		dynamic         bool
		err             string
	}{
		{path: "-", format: "graphml"},
		{path: "out", format: "graphml"},
		{path: "x.GEXF", format: "gexf"},
		{path: "x.net", format: "pajek"},
		{path: "x.graphml", name: "graphml", format: "graphml"},
		{path: "x-{year}.graphml", byYear: true, format: "graphml"},
		{path: "x-{field}-{year}.gexf", byYear: true, byField: true, format: "gexf"},
		{path: "x.gexf", byYear: true, format: "gexf", dynamic: true},
		{path: "x.xlsx", err: ".xlsx is not the extension of a graph format (graphml .graphml, gexf .gexf, pajek .net, vosviewer .txt, dot .dot .gv, csv .csv, parquet .parquet): end -o with one of them"},
		// An extension no format has is an error with --to too: the
		// README's "-o x.xlsx is an error" (it used to write GraphML
		// into x.xlsx, exit 0).
		{path: "x.xlsx", name: "graphml", err: "-o x.xlsx with --to graphml: .xlsx is not the extension of a graph format; use .graphml"},
		{path: "x.tsv", name: "dot", err: "use .dot or .gv"},
		{path: "x.csv", name: "parquet", err: "the extension .csv is csv's; use .parquet"},
		// No extension or "-" takes the named format.
		{path: "out", name: "gexf", format: "gexf"},
		{path: "out", name: "csv", format: "csv"},
		{path: "-", name: "dot", format: "dot"},
		{path: "x.GV", name: "dot", format: "dot"},
		{path: "x.graphml", name: "gexf", err: "extension .graphml is graphml's"},
		{path: "x", name: "xlsx", err: `--to "xlsx": want graphml`},
		{path: "-", name: "csv", err: "writes two files"},
		{path: "x.graphml", byYear: true, err: "must contain {year}"},
		{path: "x-{year}.graphml", err: "add --by-year"},
		{path: "x.graphml", byField: true, err: "must contain {field}"},
		{path: "x-{field}.graphml", err: "{field} needs --by-field"},
	} {
		o, err := ResolveOutput(c.path, c.name, c.byYear, c.byField)
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ResolveOutput(%q, %q, %v, %v): %v, want an error with %q", c.path, c.name, c.byYear, c.byField, err, c.err)
			}
		case err != nil:
			t.Errorf("ResolveOutput(%q, %q, %v, %v): %v", c.path, c.name, c.byYear, c.byField, err)
		case o.Format.Name != c.format || o.Dynamic != c.dynamic:
			t.Errorf("ResolveOutput(%q, %q, %v, %v) = %s dynamic %v, want %s dynamic %v", c.path, c.name, c.byYear, c.byField, o.Format.Name, o.Dynamic, c.format, c.dynamic)
		}
	}
}

// TestResolveOutputDirectory: an -o in a directory that does not exist,
// or naming a directory, is an error before any input is read
// (atomicfile.CheckParent); {year} in the file name is checked with a
// year put in.
func TestResolveOutputDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		path   string
		byYear bool
		want   string // "" when it resolves
	}{
		{filepath.Join(dir, "x.graphml"), false, ""},
		{filepath.Join(dir, "g-{year}.graphml"), true, ""},
		{filepath.Join(dir, "no", "x.graphml"), false, "directory " + filepath.Join(dir, "no") + " does not exist"},
		{filepath.Join(dir, "no", "g-{year}.graphml"), true, "directory " + filepath.Join(dir, "no") + " does not exist"},
		{"-", false, ""},
	} {
		_, err := ResolveOutput(c.path, "", c.byYear, false)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("ResolveOutput(%q): %v; want %q", c.path, err, c.want)
		}
	}
	if _, err := ResolveOutput(dir, "graphml", false, false); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("ResolveOutput(a directory): %v", err)
	}
}
