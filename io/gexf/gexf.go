// Package gexf writes co-authorship graphs as GEXF 1.2
// (https://gexf.net/), the native format of Gephi, as one static graph
// or as one dynamic graph over a sequence of years that Gephi's timeline
// plays year by year.
//
// The element and attribute names are those of gonum's
// graph/formats/gexf12 structs (which the tests use to read the files
// back), but the writer is our own: gexf12.Edge.Weight is tagged
// omitempty, so an edge whose weight is 0 (a link carried only by one
// author's dual affiliation has bifrac = 0) would be read as weight 1 by
// Gephi and networkx, and encoding/xml gives no control over the order
// of attributes for byte-stable output.
//
// Static graph ([Write]): node id = node key, label = display name;
// node attributes country, papers, intl, output, domestic and any extra
// columns; edge weight = the first counting method, one edge attribute
// per counting method, and any extra edge columns. Float values are written in the
// shortest form that reads back exactly; NaN and ±Inf are never
// written (the attvalue is left out).
//
// Dynamic graph ([WriteDynamic]): timeformat "integer", times are
// publication years and every interval is closed. A node or edge carries
// spells, one per run of consecutive years in which it is present
// (2005–2010 and 2013–2024, say); its per-year values (papers, intl,
// output, domestic and the extra columns for nodes; weight and each
// counting method and the extra edge columns for edges) are dynamic
// attributes with one attvalue per year, start = end = the year. The edge element's weight attribute
// is the sum over all years of the first counting method, for readers
// that ignore dynamics.
//
// Positions, when given, are written as viz:position (z = 0).
// Provenance ([Options.Meta]) goes into the meta element's description,
// one "key: value" per line. Nodes are in key order and edges in (source
// key, target key) order, so the same input gives the same bytes.
package gexf

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/xmltext"
	"github.com/coauthnet/coauthnet/io/table"
)

// Options say what to write beyond the graph's own weights.
type Options struct {
	// Counting lists the edge weights to write, in order; the first is
	// also the edge weight. Nil means graph.Countings.
	Counting []graph.Counting
	// Nodes are extra node attributes, one value per node of the graph
	// (static) or of the frame's graph (dynamic).
	Nodes []table.Column
	// Edges are extra edge attributes of a static graph, one value per
	// edge in edge order.
	Edges []table.Column
	// Meta is provenance, written in the meta element.
	Meta []table.Meta
	// X and Y, when not nil, are node positions (len = number of nodes;
	// for WriteDynamic, in the order of the union of nodes by key).
	X, Y []float64
}

// A Frame is the graph of one year of a dynamic GEXF with its extra
// node columns (one value per node of G).
type Frame struct {
	G     *graph.Graph
	Nodes []table.Column
	// Edges are extra edge columns, one value per edge of G in edge
	// order; every frame has the same (names and kinds, in order).
	Edges []table.Column
}

var builtin = []string{"country", "papers", "intl", "output", "domestic"}

func countings(opts *Options) []graph.Counting {
	if opts.Counting == nil {
		return graph.Countings
	}
	if len(opts.Counting) == 0 {
		panic("gexf: no counting")
	}
	return opts.Counting
}

// checkColumns checks that every column has n values (one per node or
// edge: what) and a name that no built-in attribute (reserved) or
// earlier column has.
func checkColumns(cols []table.Column, n int, what string, reserved []string) error {
	seen := map[string]bool{}
	for _, r := range reserved {
		seen[r] = true
	}
	for _, c := range cols {
		if c.Len() != n {
			return fmt.Errorf("gexf: %s column %s has %d values for %d %ss", what, c.Name, c.Len(), n, what)
		}
		if seen[c.Name] {
			return fmt.Errorf("gexf: %s column %s repeats a built-in attribute", what, c.Name)
		}
		seen[c.Name] = true
	}
	return nil
}

// reserved returns the built-in attribute names of nodes and edges.
func reserved() (nodes, edges []string) {
	edges = []string{"weight"}
	for _, c := range graph.Countings {
		edges = append(edges, c.String())
	}
	return append(append([]string{"label"}, builtin...), edges...), edges
}

// differ returns the first column of b whose name or kind differs from
// a's, or -1; a length difference is the column after the shorter.
func differ(a, b []table.Column) int {
	for j := range max(len(a), len(b)) {
		if j >= len(a) || j >= len(b) || a[j].Name != b[j].Name || a[j].Kind() != b[j].Kind() {
			return j
		}
	}
	return -1
}

type writer struct {
	*bufio.Writer
}

// header writes the XML declaration, the gexf element, the meta element
// (creator and provenance) and the opening of the graph element (mode
// static or dynamic, default edge type undirected or directed).
func (w writer) header(mode, edgeType string, meta []table.Meta, timeAttrs string) {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">` + "\n")
	creator := "coauthnet"
	var desc []string
	for _, m := range meta {
		if m.Key == "coauthnet_version" {
			creator += " " + m.Value
		}
		desc = append(desc, m.Key+": "+m.Value)
	}
	fmt.Fprintf(w, "  <meta>\n    <creator>%s</creator>\n", esc(creator))
	if len(desc) > 0 {
		fmt.Fprintf(w, "    <description>%s</description>\n", esc(strings.Join(desc, "\n")))
	}
	w.WriteString("  </meta>\n")
	fmt.Fprintf(w, "  <graph mode=\"%s\" defaultedgetype=\"%s\"%s>\n", mode, edgeType, timeAttrs)
}

type attr struct{ id, typ string }

func (w writer) attributes(class, mode string, as []attr) {
	if len(as) == 0 {
		return
	}
	fmt.Fprintf(w, "    <attributes class=\"%s\" mode=\"%s\">\n", class, mode)
	for _, a := range as {
		fmt.Fprintf(w, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", esc(a.id), esc(a.id), a.typ)
	}
	w.WriteString("    </attributes>\n")
}

// value writes one attvalue; span is "" or ` start="Y" end="Y"`.
func (w writer) value(id, v, span string) {
	fmt.Fprintf(w, "          <attvalue for=\"%s\" value=\"%s\"%s/>\n", esc(id), esc(v), span)
}

func colType(c table.Column) string {
	if c.Kind() == table.Int {
		return "long"
	}
	return c.Kind().String()
}

func checkPositions(opts *Options, n int) error {
	if (opts.X == nil) != (opts.Y == nil) || opts.X != nil && (len(opts.X) != n || len(opts.Y) != n) {
		return fmt.Errorf("gexf: positions for %d/%d of %d nodes", len(opts.X), len(opts.Y), n)
	}
	return nil
}

// Write writes g as a static GEXF graph. It returns an error, before
// writing anything, if a column or the positions do not have one value
// per node or a column repeats a built-in name.
func Write(w io.Writer, g *graph.Graph, opts Options) error {
	cs := countings(&opts)
	nodeRes, edgeRes := reserved()
	if err := checkColumns(opts.Nodes, g.Len(), "node", nodeRes); err != nil {
		return err
	}
	if err := checkColumns(opts.Edges, g.NumEdges(), "edge", edgeRes); err != nil {
		return err
	}
	if err := checkPositions(&opts, g.Len()); err != nil {
		return err
	}
	bw := writer{bufio.NewWriterSize(w, 1<<16)}
	meta := append([]table.Meta{{Key: "level", Value: g.Level().String()}, {Key: "years", Value: g.Period().String()}}, opts.Meta...)
	bw.header("static", "undirected", meta, "")
	nodeAttrs := []attr{{"country", "string"}, {"papers", "long"}, {"intl", "long"}, {"output", "double"}, {"domestic", "double"}}
	for _, c := range opts.Nodes {
		nodeAttrs = append(nodeAttrs, attr{c.Name, colType(c)})
	}
	bw.attributes("node", "static", nodeAttrs)
	var edgeAttrs []attr
	for _, c := range cs {
		edgeAttrs = append(edgeAttrs, attr{c.String(), "double"})
	}
	for _, c := range opts.Edges {
		edgeAttrs = append(edgeAttrs, attr{c.Name, colType(c)})
	}
	bw.attributes("edge", "static", edgeAttrs)
	labels := xmltext.NewEscaped(g.Len(), g.Label) // node keys, escaped once
	nodeOpen, edgeOpen := valueOpeners(opts.Nodes), valueOpeners(opts.Edges)
	bw.WriteString("    <nodes>\n")
	err := xmltext.WriteBlocks(bw, g.Len(), 1024, func(b []byte, lo, hi int, fc *xmltext.FloatCache) []byte {
		for v := lo; v < hi; v++ {
			nw := g.Node(v)
			b = append(b, "      <node id=\""...)
			b = labels.Append(b, v)
			b = append(b, "\" label=\""...)
			b = xmltext.AppendEscape(b, g.Name(v))
			b = append(b, "\">\n        <attvalues>\n"...)
			if c := g.Country(v); c != "" {
				b = appendString(b, openCountry, c, "")
			}
			b = appendInt(b, openPapers, nw.Papers, "")
			b = appendInt(b, openIntl, nw.Intl, "")
			b = appendFloat(b, fc, openOutput, nw.Output, "")
			b = appendFloat(b, fc, openDomestic, nw.Domestic, "")
			b = appendColumns(b, fc, opts.Nodes, nodeOpen, v, "")
			b = append(b, "        </attvalues>\n"...)
			b = appendPosition(b, fc, &opts, v)
			b = append(b, "      </node>\n"...)
		}
		return b
	})
	if err != nil {
		return err
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	csOpen := make([]string, len(cs))
	for k, c := range cs {
		csOpen[k] = valueOpener(c.String())
	}
	err = xmltext.WriteBlocks(bw, g.NumEdges(), 4096, func(b []byte, lo, hi int, fc *xmltext.FloatCache) []byte {
		for i := lo; i < hi; i++ {
			e := g.Edge(i)
			b = append(b, "      <edge id=\""...)
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, "\" source=\""...)
			b = labels.Append(b, e.From)
			b = append(b, "\" target=\""...)
			b = labels.Append(b, e.To)
			b = append(b, '"')
			b = appendWeight(b, fc, e.W[cs[0]])
			b = append(b, ">\n        <attvalues>\n"...)
			for k, c := range cs {
				b = appendFloat(b, fc, csOpen[k], e.W[c], "")
			}
			b = appendColumns(b, fc, opts.Edges, edgeOpen, i, "")
			b = append(b, "        </attvalues>\n      </edge>\n"...)
		}
		return b
	})
	if err != nil {
		return err
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// The opening of an attvalue element up to its value, by attribute.
const attOpen = "          <attvalue for=\""

var (
	openCountry  = valueOpener("country")
	openPapers   = valueOpener("papers")
	openIntl     = valueOpener("intl")
	openOutput   = valueOpener("output")
	openDomestic = valueOpener("domestic")
	openWeight   = valueOpener("weight")
)

// valueOpener returns the opening of an attvalue element of attribute
// id, up to its value.
func valueOpener(id string) string { return attOpen + esc(id) + "\" value=\"" }

// valueOpeners returns the valueOpener of each column.
func valueOpeners(cols []table.Column) []string {
	open := make([]string, len(cols))
	for k, c := range cols {
		open[k] = valueOpener(c.Name)
	}
	return open
}

// appendString appends an attvalue element (open: its valueOpener)
// with value v, escaped; span is "" or ` start="Y" end="Y"`.
func appendString(b []byte, open, v, span string) []byte {
	b = append(b, open...)
	b = xmltext.AppendEscape(b, v)
	return closeValue(b, span)
}

func closeValue(b []byte, span string) []byte {
	b = append(b, '"')
	b = append(b, span...)
	return append(b, "/>\n"...)
}

// appendInt appends an attvalue element with integer value n.
func appendInt(b []byte, open string, n int, span string) []byte {
	b = append(b, open...)
	b = strconv.AppendInt(b, int64(n), 10)
	return closeValue(b, span)
}

// appendFloat appends an attvalue element with value f as
// table.FormatFloat writes it (−0 as 0), or nothing for NaN and ±Inf.
func appendFloat(b []byte, fc *xmltext.FloatCache, open string, f float64, span string) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b
	}
	if f == 0 {
		f = 0 // −0 → 0
	}
	b = append(b, open...)
	b = fc.Append(b, f)
	return closeValue(b, span)
}

// appendColumns appends value i of each column (open: their
// valueOpeners) that is Valid.
func appendColumns(b []byte, fc *xmltext.FloatCache, cols []table.Column, open []string, i int, span string) []byte {
	for k, c := range cols {
		if c.Valid(i) {
			b = append(b, open[k]...)
			b = fc.AppendValue(b, c, i)
			b = closeValue(b, span)
		}
	}
	return b
}

// appendWeight appends the weight attribute of an edge, or nothing for
// NaN and ±Inf.
func appendWeight(b []byte, fc *xmltext.FloatCache, w float64) []byte {
	if math.IsNaN(w) || math.IsInf(w, 0) {
		return b
	}
	if w == 0 {
		w = 0
	}
	b = append(b, ` weight="`...)
	b = fc.Append(b, w)
	return append(b, '"')
}

// appendPosition appends node i's viz:position when opts has positions
// and both coordinates are finite.
func appendPosition(b []byte, fc *xmltext.FloatCache, opts *Options, i int) []byte {
	if opts.X == nil {
		return b
	}
	x, y := opts.X[i], opts.Y[i]
	if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) {
		return b
	}
	if x == 0 {
		x = 0
	}
	if y == 0 {
		y = 0
	}
	b = append(b, "        <viz:position x=\""...)
	b = fc.Append(b, x)
	b = append(b, "\" y=\""...)
	b = fc.Append(b, y)
	return append(b, "\" z=\"0\"/>\n"...)
}

// WriteDynamic writes frames, one per year in increasing order, as one
// dynamic GEXF graph. Every frame's graph must cover a single year, and
// frames with the same extra columns (names and kinds) in the same
// order; options.Nodes is ignored. It returns an error, before writing
// anything, if they do not.
func WriteDynamic(w io.Writer, frames []Frame, opts Options) error {
	cs := countings(&opts)
	if len(frames) == 0 {
		return fmt.Errorf("gexf: no frames")
	}
	years := make([]int, len(frames))
	nodeRes, edgeRes := reserved()
	for i, f := range frames {
		p := f.G.Period()
		if p.From != p.To {
			return fmt.Errorf("gexf: frame %d covers %s, want a single year", i, p)
		}
		years[i] = p.From
		if i > 0 && years[i] <= years[i-1] {
			return fmt.Errorf("gexf: frame years %d then %d: want increasing years", years[i-1], years[i])
		}
		if err := checkColumns(f.Nodes, f.G.Len(), "node", nodeRes); err != nil {
			return fmt.Errorf("%w (year %d)", err, years[i])
		}
		if err := checkColumns(f.Edges, f.G.NumEdges(), "edge", edgeRes); err != nil {
			return fmt.Errorf("%w (year %d)", err, years[i])
		}
		if j := differ(frames[0].Nodes, f.Nodes); j >= 0 {
			return fmt.Errorf("gexf: year %d and year %d differ in node column %d", years[0], years[i], j)
		}
		if j := differ(frames[0].Edges, f.Edges); j >= 0 {
			return fmt.Errorf("gexf: year %d and year %d differ in edge column %d", years[0], years[i], j)
		}
		if f.G.Level() != frames[0].G.Level() {
			return fmt.Errorf("gexf: frames at levels %s and %s", frames[0].G.Level(), f.G.Level())
		}
	}

	// The union of nodes, by key; for each, its index in every frame.
	type nodeU struct {
		key, name, country string
		at                 []int // index in frame i, or -1
	}
	byKey := map[string]*nodeU{}
	for i, f := range frames {
		for v := 0; v < f.G.Len(); v++ {
			k := f.G.Label(v)
			n := byKey[k]
			if n == nil {
				n = &nodeU{key: k, at: slices.Repeat([]int{-1}, len(frames))}
				byKey[k] = n
			}
			n.name, n.country = f.G.Name(v), f.G.Country(v) // the latest year's
			n.at[i] = v
		}
	}
	nodes := make([]*nodeU, 0, len(byKey))
	for _, n := range byKey {
		nodes = append(nodes, n)
	}
	slices.SortFunc(nodes, func(a, b *nodeU) int { return strings.Compare(a.key, b.key) })
	if err := checkPositions(&opts, len(nodes)); err != nil {
		return err
	}
	type edgeKey struct{ a, b string }
	edges := map[edgeKey][]int{} // edge index in frame i, or -1
	for i, f := range frames {
		for j := 0; j < f.G.NumEdges(); j++ {
			e := f.G.Edge(j)
			k := edgeKey{f.G.Label(e.From), f.G.Label(e.To)}
			at := edges[k]
			if at == nil {
				at = slices.Repeat([]int{-1}, len(frames))
				edges[k] = at
			}
			at[i] = j
		}
	}
	ekeys := make([]edgeKey, 0, len(edges))
	for k := range edges {
		ekeys = append(ekeys, k)
	}
	slices.SortFunc(ekeys, func(x, y edgeKey) int {
		if c := strings.Compare(x.a, y.a); c != 0 {
			return c
		}
		return strings.Compare(x.b, y.b)
	})

	bw := writer{bufio.NewWriterSize(w, 1<<16)}
	span := graph.Period{From: years[0], To: years[len(years)-1]}
	meta := append([]table.Meta{{Key: "level", Value: frames[0].G.Level().String()}, {Key: "years", Value: span.String()}}, opts.Meta...)
	bw.header("dynamic", "undirected", meta, fmt.Sprintf(` timeformat="integer" start="%d" end="%d"`, span.From, span.To))
	bw.attributes("node", "static", []attr{{"country", "string"}})
	dyn := []attr{{"papers", "long"}, {"intl", "long"}, {"output", "double"}, {"domestic", "double"}}
	for _, c := range frames[0].Nodes {
		dyn = append(dyn, attr{c.Name, colType(c)})
	}
	bw.attributes("node", "dynamic", dyn)
	edgeAttrs := []attr{{"weight", "double"}}
	for _, c := range cs {
		edgeAttrs = append(edgeAttrs, attr{c.String(), "double"})
	}
	for _, c := range frames[0].Edges {
		edgeAttrs = append(edgeAttrs, attr{c.Name, colType(c)})
	}
	bw.attributes("edge", "dynamic", edgeAttrs)

	spans := make([]string, len(years)) // ` start="Y" end="Y"` of each frame
	for i, y := range years {
		spans[i] = ` start="` + strconv.Itoa(y) + `" end="` + strconv.Itoa(y) + `"`
	}
	spells := func(b []byte, at []int) []byte {
		b = append(b, "        <spells>\n"...)
		for i := 0; i < len(at); {
			if at[i] < 0 {
				i++
				continue
			}
			j := i
			for j+1 < len(at) && at[j+1] >= 0 && years[j+1] == years[j]+1 {
				j++
			}
			b = append(b, "          <spell start=\""...)
			b = strconv.AppendInt(b, int64(years[i]), 10)
			b = append(b, "\" end=\""...)
			b = strconv.AppendInt(b, int64(years[j]), 10)
			b = append(b, "\"/>\n"...)
			i = j + 1
		}
		return append(b, "        </spells>\n"...)
	}
	nodeOpen, edgeOpen := valueOpeners(frames[0].Nodes), valueOpeners(frames[0].Edges)
	bw.WriteString("    <nodes>\n")
	err := xmltext.WriteBlocks(bw, len(nodes), 1024, func(b []byte, lo, hi int, fc *xmltext.FloatCache) []byte {
		for ni := lo; ni < hi; ni++ {
			n := nodes[ni]
			b = append(b, "      <node id=\""...)
			b = xmltext.AppendEscape(b, n.key)
			b = append(b, "\" label=\""...)
			b = xmltext.AppendEscape(b, n.name)
			b = append(b, "\">\n        <attvalues>\n"...)
			if n.country != "" {
				b = appendString(b, openCountry, n.country, "")
			}
			for i, v := range n.at {
				if v < 0 {
					continue
				}
				nw, ys := frames[i].G.Node(v), spans[i]
				b = appendInt(b, openPapers, nw.Papers, ys)
				b = appendInt(b, openIntl, nw.Intl, ys)
				b = appendFloat(b, fc, openOutput, nw.Output, ys)
				b = appendFloat(b, fc, openDomestic, nw.Domestic, ys)
				b = appendColumns(b, fc, frames[i].Nodes, nodeOpen, v, ys)
			}
			b = append(b, "        </attvalues>\n"...)
			b = spells(b, n.at)
			b = appendPosition(b, fc, &opts, ni)
			b = append(b, "      </node>\n"...)
		}
		return b
	})
	if err != nil {
		return err
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	csOpen := make([]string, len(cs))
	for k, c := range cs {
		csOpen[k] = valueOpener(c.String())
	}
	err = xmltext.WriteBlocks(bw, len(ekeys), 1024, func(b []byte, lo, hi int, fc *xmltext.FloatCache) []byte {
		for ei := lo; ei < hi; ei++ {
			k := ekeys[ei]
			at := edges[k]
			total := 0.0
			for i, j := range at {
				if j >= 0 {
					total += frames[i].G.Edge(j).W[cs[0]]
				}
			}
			b = append(b, "      <edge id=\""...)
			b = strconv.AppendInt(b, int64(ei), 10)
			b = append(b, "\" source=\""...)
			b = xmltext.AppendEscape(b, k.a)
			b = append(b, "\" target=\""...)
			b = xmltext.AppendEscape(b, k.b)
			b = append(b, '"')
			b = appendWeight(b, fc, total)
			b = append(b, ">\n        <attvalues>\n"...)
			for i, j := range at {
				if j < 0 {
					continue
				}
				e, ys := frames[i].G.Edge(j), spans[i]
				b = appendFloat(b, fc, openWeight, e.W[cs[0]], ys)
				for k, c := range cs {
					b = appendFloat(b, fc, csOpen[k], e.W[c], ys)
				}
				b = appendColumns(b, fc, frames[i].Edges, edgeOpen, j, ys)
			}
			b = append(b, "        </attvalues>\n"...)
			b = spells(b, at)
			b = append(b, "      </edge>\n"...)
		}
		return b
	})
	if err != nil {
		return err
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

func esc(s string) string { return xmltext.Escape(s) }
