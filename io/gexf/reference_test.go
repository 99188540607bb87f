package gexf

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

// writeReference is Write as it was before the writer appended to byte
// slices (commit 8602d1c); the tests check that Write gives the same
// bytes. It writes g as a static GEXF graph. It returns an error, before
// writing anything, if a column or the positions do not have one value
// per node or a column repeats a built-in name.
func writeReference(w io.Writer, g *graph.Graph, opts Options) error {
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
	bw.WriteString("    <nodes>\n")
	for v := 0; v < g.Len(); v++ {
		nw := g.Node(v)
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", esc(g.Label(v)), esc(g.Name(v)))
		if c := g.Country(v); c != "" {
			bw.value("country", c, "")
		}
		bw.value("papers", strconv.Itoa(nw.Papers), "")
		bw.value("intl", strconv.Itoa(nw.Intl), "")
		floatValue(bw, "output", nw.Output, "")
		floatValue(bw, "domestic", nw.Domestic, "")
		for _, c := range opts.Nodes {
			if c.Valid(v) {
				bw.value(c.Name, c.Text(v), "")
			}
		}
		bw.WriteString("        </attvalues>\n")
		bw.position(&opts, v)
		bw.WriteString("      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	i := 0
	for e := range g.Edges() {
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\"%s>\n        <attvalues>\n", i, esc(g.Label(e.From)), esc(g.Label(e.To)), weightAttr(e.W[cs[0]]))
		for _, c := range cs {
			floatValue(bw, c.String(), e.W[c], "")
		}
		for _, c := range opts.Edges {
			if c.Valid(i) {
				bw.value(c.Name, c.Text(i), "")
			}
		}
		bw.WriteString("        </attvalues>\n      </edge>\n")
		i++
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// writeDynamicReference is WriteDynamic as it was before the writer
// appended to byte slices (commit 8602d1c). It writes frames, one per year in increasing order, as one
// dynamic GEXF graph. Every frame's graph must cover a single year, and
// frames with the same extra columns (names and kinds) in the same
// order; options.Nodes is ignored. It returns an error, before writing
// anything, if they do not.
func writeDynamicReference(w io.Writer, frames []Frame, opts Options) error {
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

	yearSpan := func(y int) string { return fmt.Sprintf(` start="%d" end="%d"`, y, y) }
	spells := func(at []int) {
		bw.WriteString("        <spells>\n")
		for i := 0; i < len(at); {
			if at[i] < 0 {
				i++
				continue
			}
			j := i
			for j+1 < len(at) && at[j+1] >= 0 && years[j+1] == years[j]+1 {
				j++
			}
			fmt.Fprintf(bw, "          <spell start=\"%d\" end=\"%d\"/>\n", years[i], years[j])
			i = j + 1
		}
		bw.WriteString("        </spells>\n")
	}
	bw.WriteString("    <nodes>\n")
	for ni, n := range nodes {
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", esc(n.key), esc(n.name))
		if n.country != "" {
			bw.value("country", n.country, "")
		}
		for i, v := range n.at {
			if v < 0 {
				continue
			}
			nw, ys := frames[i].G.Node(v), yearSpan(years[i])
			bw.value("papers", strconv.Itoa(nw.Papers), ys)
			bw.value("intl", strconv.Itoa(nw.Intl), ys)
			floatValue(bw, "output", nw.Output, ys)
			floatValue(bw, "domestic", nw.Domestic, ys)
			for _, c := range frames[i].Nodes {
				if c.Valid(v) {
					bw.value(c.Name, c.Text(v), ys)
				}
			}
		}
		bw.WriteString("        </attvalues>\n")
		spells(n.at)
		bw.position(&opts, ni)
		bw.WriteString("      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for ei, k := range ekeys {
		at := edges[k]
		total := 0.0
		for i, j := range at {
			if j >= 0 {
				total += frames[i].G.Edge(j).W[cs[0]]
			}
		}
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\"%s>\n        <attvalues>\n", ei, esc(k.a), esc(k.b), weightAttr(total))
		for i, j := range at {
			if j < 0 {
				continue
			}
			e, ys := frames[i].G.Edge(j), yearSpan(years[i])
			floatValue(bw, "weight", e.W[cs[0]], ys)
			for _, c := range cs {
				floatValue(bw, c.String(), e.W[c], ys)
			}
			for _, c := range frames[i].Edges {
				if c.Valid(j) {
					bw.value(c.Name, c.Text(j), ys)
				}
			}
		}
		bw.WriteString("        </attvalues>\n")
		spells(at)
		bw.WriteString("      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// The helpers of the reference writers.

func (w writer) position(opts *Options, i int) {
	if opts.X == nil {
		return
	}
	x, y := table.FormatFloat(opts.X[i]), table.FormatFloat(opts.Y[i])
	if x == "" || y == "" {
		return
	}
	fmt.Fprintf(w, "        <viz:position x=\"%s\" y=\"%s\" z=\"0\"/>\n", x, y)
}

func weightAttr(w float64) string {
	if s := table.FormatFloat(w); s != "" {
		return ` weight="` + s + `"`
	}
	return ""
}

func floatValue(w writer, id string, f float64, span string) {
	if s := table.FormatFloat(f); s != "" {
		w.value(id, s, span)
	}
}

// firstDiff reports where got and want differ, for a failure message.
func firstDiff(got, want []byte) string {
	i := 0
	for i < min(len(got), len(want)) && got[i] == want[i] {
		i++
	}
	return fmt.Sprintf("differs at byte %d of %d (want %d): %q, want %q", i, len(got), len(want),
		got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
}

// TestSameBytesAsReference: Write and WriteDynamic give the bytes of
// the fmt-based writers they replaced, on graphs with adversarial
// strings and floats (exporttest.TrickySeries; several blocks of nodes
// and edges), with positions (NaN, ±Inf, −0 among them), for several
// GOMAXPROCS and counting lists.
func TestSameBytesAsReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for seed := range uint64(2) {
		s, err := exporttest.TrickySeries(1500, 1, seed)
		if err != nil {
			t.Fatal(err)
		}
		g := s.At(2020)
		if g.NumEdges() < 2*4096 {
			t.Fatalf("%d edges: want several blocks", g.NumEdges())
		}
		pos := exporttest.Floats(g.Len(), seed)
		opts := Options{Nodes: exporttest.TrickyColumns(g.Len(), seed), Edges: exporttest.TrickyColumns(g.NumEdges(), seed+100),
			Meta: []table.Meta{{Key: "k&", Value: "v\x00<"}, table.MetaInt("m", 3)},
			X:    pos[:g.Len()], Y: pos[len(pos)-g.Len():]}
		dyn, err := exporttest.TrickySeries(1500, 4, seed)
		if err != nil {
			t.Fatal(err)
		}
		var frames []Frame
		union := map[string]bool{}
		for y, fg := range dyn.All() {
			frames = append(frames, Frame{G: fg, Nodes: exporttest.TrickyColumns(fg.Len(), uint64(y)), Edges: exporttest.TrickyColumns(fg.NumEdges(), uint64(y+100))})
			for v := range fg.Len() {
				union[fg.Label(v)] = true
			}
		}
		dynOpts := Options{Meta: opts.Meta, X: pos[:len(union)], Y: pos[len(pos)-len(union):]}
		for _, cs := range [][]graph.Counting{nil, {graph.Full}, {graph.Share, graph.Full, graph.Share}} {
			opts.Counting, dynOpts.Counting = cs, cs
			var want, wantDyn bytes.Buffer
			if err := writeReference(&want, g, opts); err != nil {
				t.Fatal(err)
			}
			if err := writeDynamicReference(&wantDyn, frames, dynOpts); err != nil {
				t.Fatal(err)
			}
			for _, procs := range []int{1, 2, 5} {
				runtime.GOMAXPROCS(procs)
				var got, gotDyn bytes.Buffer
				if err := Write(&got, g, opts); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("seed %d, countings %v, GOMAXPROCS %d: static %s", seed, cs, procs, firstDiff(got.Bytes(), want.Bytes()))
				}
				if err := WriteDynamic(&gotDyn, frames, dynOpts); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(gotDyn.Bytes(), wantDyn.Bytes()) {
					t.Fatalf("seed %d, countings %v, GOMAXPROCS %d: dynamic %s", seed, cs, procs, firstDiff(gotDyn.Bytes(), wantDyn.Bytes()))
				}
			}
		}
	}
}
