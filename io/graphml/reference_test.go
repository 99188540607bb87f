package graphml

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

// writeReference is Write as it was before the writer appended to
// byte slices (commit 8602d1c): fmt.Fprintf per line. The tests check
// that Write gives the same bytes. It writes g as GraphML to w. It panics if a column's length is not
// g.Len() or a column name repeats a built-in one (programmer errors),
// and returns the first write error.
func writeReference(w io.Writer, g *graph.Graph, opts Options) error {
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

// tricky returns exporttest's tricky graph of n nodes (one year) with
// node and edge columns of every kind and provenance to escape.
func tricky(t testing.TB, n int, seed uint64) (*graph.Graph, Options) {
	s, err := exporttest.TrickySeries(n, 1, seed)
	if err != nil {
		t.Fatal(err)
	}
	g := s.At(2020)
	return g, Options{Nodes: exporttest.TrickyColumns(g.Len(), seed), Edges: exporttest.TrickyColumns(g.NumEdges(), seed+100),
		Meta: []Meta{{Key: "k&", Value: "v\x00<"}, table.MetaInt("m", 3)}}
}

// TestSameBytesAsReference: Write gives the bytes of the fmt-based
// writer it replaced, on graphs with adversarial strings and floats
// (several blocks of nodes and of edges), for several GOMAXPROCS and
// counting lists.
func TestSameBytesAsReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for seed := range uint64(3) {
		g, opts := tricky(t, 1500, seed)
		if g.NumEdges() < 2*4096 {
			t.Fatalf("%d edges: want several blocks", g.NumEdges())
		}
		for _, cs := range [][]graph.Counting{nil, {graph.Full}, {graph.Share, graph.Full, graph.Share}} {
			opts.Counting = cs
			var want bytes.Buffer
			if err := writeReference(&want, g, opts); err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 2, 5} {
				runtime.GOMAXPROCS(procs)
				var got bytes.Buffer
				if err := Write(&got, g, opts); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					i := 0
					for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
						i++
					}
					t.Fatalf("seed %d, countings %v, GOMAXPROCS %d: differs at byte %d: %q, want %q", seed, cs, procs, i,
						got.Bytes()[max(0, i-40):min(got.Len(), i+40)], want.Bytes()[max(0, i-40):min(want.Len(), i+40)])
				}
			}
		}
	}
}
