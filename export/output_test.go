package export

import (
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
		{path: "x.xlsx", err: "extension of a graph format"},
		{path: "x.xlsx", name: "graphml", format: "graphml"}, // an extension no format has, with --to: as named
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
