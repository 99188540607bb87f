// Package graphml writes a co-authorship [graph.Graph] as GraphML
// (http://graphml.graphdrawing.org/), the format networkx, igraph, Gephi
// and Cytoscape all open.
//
// The document has typed key declarations (for="graph", "node" or
// "edge", never "all", which Gephi rejects), with key id equal to
// attr.name. Nodes have id = node key (ISO code or institution key) and
// the data label, country, papers, intl, output and domestic, then any
// extra columns; edges the same after their weights. Edges have one double per counting method requested and
// weight, a copy of the first (the key Gephi and networkx take as the
// edge weight). The graph element carries provenance: level, years,
// counting, and whatever [Options.Meta] adds.
//
// Every value is written explicitly (networkx ignores key defaults);
// floats use the shortest representation that reads back exactly
// (strconv 'g', -1); NaN and ±Inf are never written: their data element
// is left out. Nodes and edges come in index order, so the same graph
// gives the same bytes.
package graphml

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/xmltext"
	"github.com/coauthnet/coauthnet/io/table"
)

// Column and Meta are the shared types of io/table: a node attribute
// with one value per node, and a graph-level provenance attribute.
type (
	Column = table.Column
	Meta   = table.Meta
)

// Options say what to write beyond the graph's own weights.
type Options struct {
	// Counting lists the edge weights to write, in order; the first is
	// also written as "weight". Nil means graph.Countings.
	Counting []graph.Counting
	// Nodes are extra node attributes. Each must have g.Len() values.
	Nodes []Column
	// Edges are extra edge attributes, one value per edge in edge order
	// (g.NumEdges() values).
	Edges []Column
	// Meta are graph-level provenance attributes, written after level,
	// years and counting.
	Meta []Meta
}

// Write writes g as GraphML to w. It panics if a column's length is not
// g.Len() or a column name repeats a built-in one (programmer errors),
// and returns the first write error.
func Write(w io.Writer, g *graph.Graph, opts Options) error {
	cs := opts.Counting
	if cs == nil {
		cs = graph.Countings
	}
	if len(cs) == 0 {
		panic("graphml: no counting")
	}
	builtin := map[string]bool{"label": true, "country": true, "papers": true, "intl": true, "output": true, "domestic": true}
	for _, c := range opts.Nodes {
		if c.Len() != g.Len() {
			panic(fmt.Sprintf("graphml: column %s has %d values for %d nodes", c.Name, c.Len(), g.Len()))
		}
		if builtin[c.Name] {
			panic("graphml: column " + c.Name + " repeats a built-in attribute")
		}
		builtin[c.Name] = true
	}
	edgeBuiltin := map[string]bool{"weight": true}
	for _, c := range cs {
		edgeBuiltin[c.String()] = true
	}
	for _, c := range opts.Edges {
		if c.Len() != g.NumEdges() {
			panic(fmt.Sprintf("graphml: edge column %s has %d values for %d edges", c.Name, c.Len(), g.NumEdges()))
		}
		if edgeBuiltin[c.Name] {
			panic("graphml: edge column " + c.Name + " repeats a built-in attribute")
		}
		edgeBuiltin[c.Name] = true
	}
	countingList := ""
	for i, c := range cs {
		if i > 0 {
			countingList += ","
		}
		countingList += c.String()
	}
	meta := append([]Meta{
		{Key: "level", Value: g.Level().String()},
		{Key: "years", Value: g.Period().String()},
		{Key: "counting", Value: countingList},
		{Key: "weight_counting", Value: cs[0].String()},
	}, opts.Meta...)

	keys := metaKeys(meta)
	keys = append(keys, key{"label", "node", "string"}, key{"country", "node", "string"},
		key{"papers", "node", "int"}, key{"intl", "node", "int"},
		key{"output", "node", "double"}, key{"domestic", "node", "double"})
	for _, c := range opts.Nodes {
		keys = append(keys, key{c.Name, "node", c.Kind().String()})
	}
	keys = append(keys, key{"weight", "edge", "double"})
	for _, c := range cs {
		keys = append(keys, key{c.String(), "edge", "double"})
	}
	for _, c := range opts.Edges {
		keys = append(keys, key{c.Name, "edge", c.Kind().String()})
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	header(bw, keys, "undirected", meta)

	// Node keys are escaped once, not at every edge.
	labels := xmltext.NewEscaped(g.Len(), g.Label)
	nodeCols, edgeCols := openers(opts.Nodes), openers(opts.Edges)
	const in3 = "      "
	err := xmltext.WriteBlocks(bw, g.Len(), 1024, func(b []byte, lo, hi int, fc *xmltext.FloatCache) []byte {
		for v := lo; v < hi; v++ {
			nw := g.Node(v)
			b = append(b, "    <node id=\""...)
			b = labels.Append(b, v)
			b = append(b, "\">\n"+in3+"<data key=\"label\">"...)
			b = xmltext.AppendEscape(b, g.Name(v))
			b = append(b, "</data>\n"...)
			if c := g.Country(v); c != "" {
				b = append(b, in3+"<data key=\"country\">"...)
				b = xmltext.AppendEscape(b, c)
				b = append(b, "</data>\n"...)
			}
			b = append(b, in3+"<data key=\"papers\">"...)
			b = strconv.AppendInt(b, int64(nw.Papers), 10)
			b = append(b, "</data>\n"+in3+"<data key=\"intl\">"...)
			b = strconv.AppendInt(b, int64(nw.Intl), 10)
			b = append(b, "</data>\n"...)
			b = appendData(b, fc, in3+"<data key=\"output\">", nw.Output)
			b = appendData(b, fc, in3+"<data key=\"domestic\">", nw.Domestic)
			b = columns(b, fc, opts.Nodes, nodeCols, v)
			b = append(b, "    </node>\n"...)
		}
		return b
	})
	if err != nil {
		return err
	}
	// Each counting's opening tag; the key is not escaped (counting
	// names are plain words), as before.
	weightOpen := make([]string, len(cs))
	for k, c := range cs {
		weightOpen[k] = in3 + "<data key=\"" + c.String() + "\">"
	}
	err = xmltext.WriteBlocks(bw, g.NumEdges(), 4096, func(b []byte, lo, hi int, fc *xmltext.FloatCache) []byte {
		for i := lo; i < hi; i++ {
			e := g.Edge(i)
			b = append(b, "    <edge source=\""...)
			b = labels.Append(b, e.From)
			b = append(b, "\" target=\""...)
			b = labels.Append(b, e.To)
			b = append(b, "\">\n"...)
			// weight is the first counting: format it once.
			const weightOpen0 = in3 + "<data key=\"weight\">"
			start := len(b)
			b = appendData(b, fc, weightOpen0, e.W[cs[0]])
			var first []byte // the number and end tag, or nil for NaN, ±Inf
			if len(b) > start {
				first = b[start+len(weightOpen0):]
			}
			for k, c := range cs {
				if c == cs[0] && first != nil {
					b = append(b, weightOpen[k]...)
					b = append(b, first...)
				} else {
					b = appendData(b, fc, weightOpen[k], e.W[c])
				}
			}
			b = columns(b, fc, opts.Edges, edgeCols, i)
			b = append(b, "    </edge>\n"...)
		}
		return b
	})
	if err != nil {
		return err
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// A key is the declaration of one attribute.
type key struct{ id, target, typ string }

// metaKeys declares the graph attributes meta: long or string.
func metaKeys(meta []Meta) []key {
	keys := make([]key, len(meta))
	for i, m := range meta {
		keys[i] = key{m.Key, "graph", "string"}
		if m.Long {
			keys[i].typ = "long"
		}
	}
	return keys
}

// header writes the XML declaration, the graphml element, the key
// declarations, the graph element and its data (meta), for Write and
// WriteNetwork.
func header(bw *bufio.Writer, keys []key, edgedefault string, meta []Meta) {
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range keys {
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", esc(k.id), k.target, esc(k.id), k.typ)
	}
	fmt.Fprintf(bw, "  <graph id=\"G\" edgedefault=\"%s\">\n", edgedefault)
	for _, m := range meta {
		fmt.Fprintf(bw, "    <data key=\"%s\">%s</data>\n", esc(m.Key), esc(m.Value))
	}
}

// appendData appends a data element, open + f + its end tag, for a finite f:
// NaN and ±Inf are left out. f is in the shortest form that reads back
// exactly (strconv 'g', -1; −0 stays "-0").
func appendData(b []byte, fc *xmltext.FloatCache, open string, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b
	}
	b = append(b, open...)
	b = fc.Append(b, f)
	return append(b, "</data>\n"...)
}

// openers returns the opening data tag of each column.
func openers(cols []Column) []string {
	open := make([]string, len(cols))
	for k, c := range cols {
		open[k] = "      <data key=\"" + esc(c.Name) + "\">"
	}
	return open
}

// columns appends row i of cols as data elements (open: their
// openers), leaving out the values that are not Valid.
func columns(b []byte, fc *xmltext.FloatCache, cols []Column, open []string, i int) []byte {
	for k, c := range cols {
		if c.Valid(i) {
			b = append(b, open[k]...)
			b = fc.AppendValue(b, c, i)
			b = append(b, "</data>\n"...)
		}
	}
	return b
}

// esc escapes s for XML text and attribute values.
func esc(s string) string { return xmltext.Escape(s) }
