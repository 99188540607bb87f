// Package export writes a co-authorship graph in the formats that network
// tools read, through one registry: a [Format] is looked up by its name
// (what coauthnet build --to takes) or by a file extension, and writes
// one graph, with its measure columns, attachments and provenance, to
// one or more files. A new format is one file of this package that
// calls [Register] from its init function.
//
// Registered formats: graphml, gexf, pajek (.net, and .clu for clusters),
// vosviewer (map and network files), dot, csv and parquet (node and edge
// tables).
package export

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/tables"
)

// Data is what a format writes: the graph and everything attached to it.
type Data struct {
	G *graph.Graph
	// Countings are the edge weights written; the first is also "weight"
	// (formats with one weight write only the first). At least one.
	Countings []graph.Counting
	// Nodes and Edges are extra columns, one value per node or edge of G
	// in G's order (measures, centralities, communities, blocs).
	Nodes, Edges []table.Column
	// Cluster, when not nil, is a partition of the nodes (1-based; 0
	// unclassified) for formats with one cluster per node, with Legend
	// naming the clusters (nil: numbered).
	Cluster []int
	Legend  []string
	// X and Y, when not nil, are node positions for formats that take
	// them (gexf, pajek, vosviewer).
	X, Y []float64
	// Meta is the provenance, written where the format has room for it.
	Meta []table.Meta
	// Tables are the options of the node and edge tables (csv, parquet).
	Tables tables.Options
}

// A Create function writes one output file: it calls write with the
// file's writer and returns write's error or the file's own.
type Create func(path string, write func(io.Writer) error) error

// A Format writes graphs in one file format.
type Format struct {
	// Name is the name coauthnet build --to takes.
	Name string
	// Exts are the file extensions (with the dot, lower case) that
	// select this format when none is named.
	Exts []string
	// Files returns the files written for the output path (several for
	// formats made of several files, named after path).
	Files func(path string, d *Data) []string
	// Write writes d to files (as Files returned them) through create.
	Write func(d *Data, files []string, create Create) error
	// Positions: the format stores node positions (Data.X, Data.Y).
	Positions bool
	// Tables: the format writes the node and edge tables of package
	// tables, which already hold the measures (Data.Nodes are appended
	// to the node table; Data.Edges are not used).
	Tables bool
	// Stdout: the format can write to standard output ("-").
	Stdout bool
}

var registry []*Format

// Register adds a format; it panics when the name is taken.
func Register(f *Format) {
	if _, ok := Lookup(f.Name); ok {
		panic("export: format " + f.Name + " registered twice")
	}
	registry = append(registry, f)
}

// Lookup returns the format of a name.
func Lookup(name string) (*Format, bool) {
	for _, f := range registry {
		if f.Name == name {
			return f, true
		}
	}
	return nil, false
}

// ByPath returns the format that path's extension selects, or graphml.
func ByPath(path string) *Format {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range registry {
		if slices.Contains(f.Exts, ext) {
			return f
		}
	}
	f, _ := Lookup("graphml")
	return f
}

// Names returns the names of the registered formats, in the order of
// the package documentation.
func Names() []string {
	var ns []string
	for _, f := range registry {
		ns = append(ns, f.Name)
	}
	order := []string{"graphml", "gexf", "pajek", "vosviewer", "dot", "csv", "parquet"}
	slices.SortStableFunc(ns, func(a, b string) int {
		i, j := slices.Index(order, a), slices.Index(order, b)
		if i < 0 {
			i = len(order)
		}
		if j < 0 {
			j = len(order)
		}
		return i - j
	})
	return ns
}

// Write writes d in the named format to the files for path and returns
// the files written.
func Write(format string, d *Data, path string, create Create) ([]string, error) {
	f, ok := Lookup(format)
	if !ok {
		return nil, fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(Names(), ", "))
	}
	files := f.Files(path, d)
	return files, f.Write(d, files, create)
}

// one is Files for formats that write one file.
func one(path string, _ *Data) []string { return []string{path} }

// pair names two files after path: base-a.ext and base-b.ext.
func pair(a, b string) func(string, *Data) []string {
	return func(path string, _ *Data) []string {
		ext := filepath.Ext(path)
		base := strings.TrimSuffix(path, ext)
		return []string{base + "-" + a + ext, base + "-" + b + ext}
	}
}

// Options of [WriteGraph]: what coauthnet build adds to a graph.
type Options struct {
	// Countings are the edge weights; the first is the weight of every
	// measure and the only one of single-weight formats. Required (the
	// command's default is bifrac, full, frac, share).
	Countings []graph.Counting
	// Leader and Impact must be those the graph was counted with; they
	// name and add the measure columns ([MeasureColumns]).
	Leader graph.Leader
	Impact bool
	// Attach are the node columns to compute and attach.
	Attach Attach
	// Measure chooses the node measures of the table formats' node table
	// (tables.MeasureOptions; 0 Measures: all of them with
	// Attach.Centrality, else degree and strength).
	Measure tables.MeasureOptions
	// Layout computes node positions ([Positions], seeded with
	// Attach.Seed) for the formats that store them. Default false.
	Layout bool
	// Meta is the provenance (summary.Provenance gives what coauthnet
	// build writes).
	Meta []table.Meta
	// Warn, when not nil, is told about a layout that gave no finite
	// positions (none are written then).
	Warn func(msg string)
}

// WriteGraph writes g in the named format to the files for path as
// coauthnet build does: with the measure columns (or, for the table
// formats, the full node and edge tables), the attachments, positions and
// provenance. It returns the files written.
func WriteGraph(format string, g *graph.Graph, path string, o Options, create Create) ([]string, error) {
	f, ok := Lookup(format)
	if !ok {
		return nil, fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(Names(), ", "))
	}
	if len(o.Countings) == 0 {
		return nil, fmt.Errorf("export: no counting given")
	}
	c := o.Countings[0]
	xa := o.Attach
	xa.Measures = o.Measure.Measures
	if f.Tables {
		xa.Centrality = false // the node table has the centralities and measures already
	}
	d := &Data{G: g, Countings: o.Countings, Meta: o.Meta,
		Tables: tables.Options{Counting: c, Leader: o.Leader, Impact: o.Impact, Centrality: o.Attach.Centrality, Measure: o.Measure}}
	d.Nodes, d.Cluster, d.Legend = Attachments(g, c, xa)
	if !f.Tables {
		ncols, ecols := MeasureColumns(g, o.Leader, o.Impact)
		d.Nodes, d.Edges = append(ncols, d.Nodes...), ecols
	}
	if o.Layout && f.Positions {
		if d.X, d.Y = Positions(g, c, o.Attach.Seed); d.X == nil && o.Warn != nil {
			o.Warn(fmt.Sprintf("the layout of %s did not give finite positions; none written", g))
		}
	}
	return Write(format, d, path, create)
}
