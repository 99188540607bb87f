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

	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(id, target, typ string) {
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", esc(id), target, esc(id), typ)
	}
	for _, m := range meta {
		if m.Long {
			key(m.Key, "graph", "long")
		} else {
			key(m.Key, "graph", "string")
		}
	}
	key("label", "node", "string")
	key("country", "node", "string")
	key("papers", "node", "int")
	key("intl", "node", "int")
	key("output", "node", "double")
	key("domestic", "node", "double")
	for _, c := range opts.Nodes {
		key(c.Name, "node", c.Kind().String())
	}
	key("weight", "edge", "double")
	for _, c := range cs {
		key(c.String(), "edge", "double")
	}
	for _, c := range opts.Edges {
		key(c.Name, "edge", c.Kind().String())
	}
	bw.WriteString("  <graph id=\"G\" edgedefault=\"undirected\">\n")
	for _, m := range meta {
		fmt.Fprintf(bw, "    <data key=\"%s\">%s</data>\n", esc(m.Key), esc(m.Value))
	}
	var num []byte
	data := func(indent, k string, f float64) {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return
		}
		num = strconv.AppendFloat(num[:0], f, 'g', -1, 64)
		fmt.Fprintf(bw, "%s<data key=\"%s\">%s</data>\n", indent, k, num)
	}
	const in3 = "      "
	for v := 0; v < g.Len(); v++ {
		nw := g.Node(v)
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", esc(g.Label(v)))
		fmt.Fprintf(bw, in3+"<data key=\"label\">%s</data>\n", esc(g.Name(v)))
		if c := g.Country(v); c != "" {
			fmt.Fprintf(bw, in3+"<data key=\"country\">%s</data>\n", esc(c))
		}
		fmt.Fprintf(bw, in3+"<data key=\"papers\">%d</data>\n", nw.Papers)
		fmt.Fprintf(bw, in3+"<data key=\"intl\">%d</data>\n", nw.Intl)
		data(in3, "output", nw.Output)
		data(in3, "domestic", nw.Domestic)
		for _, c := range opts.Nodes {
			if c.Valid(v) {
				fmt.Fprintf(bw, in3+"<data key=\"%s\">%s</data>\n", esc(c.Name), esc(c.Text(v)))
			}
		}
		bw.WriteString("    </node>\n")
	}
	i := 0
	for e := range g.Edges() {
		fmt.Fprintf(bw, "    <edge source=\"%s\" target=\"%s\">\n", esc(g.Label(e.From)), esc(g.Label(e.To)))
		data(in3, "weight", e.W[cs[0]])
		for _, c := range cs {
			data(in3, c.String(), e.W[c])
		}
		for _, c := range opts.Edges {
			if c.Valid(i) {
				fmt.Fprintf(bw, in3+"<data key=\"%s\">%s</data>\n", esc(c.Name), esc(c.Text(i)))
			}
		}
		i++
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// esc escapes s for XML text and attribute values.
func esc(s string) string { return xmltext.Escape(s) }
