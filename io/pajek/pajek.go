// Package pajek writes co-authorship graphs in Pajek's .net format, and
// partitions (communities, blocs) as .clu files, as read by Pajek,
// igraph and networkx.
//
// The .net file starts with provenance as comment lines ("% key: value"),
// then "*Vertices n" with one line per node, `i "label"` and, when
// positions are given, "x y 0" scaled to Pajek's unit square, and
// "*Edges" with one line per edge, `i j weight`, the weight being one
// counting method in the shortest form that reads back exactly. Vertices
// are numbered 1..n in node order (key order), edges come in (i, j)
// order.
//
// The vertex label is the node key (ISO code or institution key), not
// the display name: networkx and igraph identify vertices by label, and
// institution names are not unique. Pajek labels are double-quoted with
// no escape mechanism, so a double quote inside a key is written as an
// apostrophe and a backslash as '/' (networkx's reader would otherwise
// take \" as an escape, igraph's would end the label). Keys built by
// coauthnet from names never hold either; identifiers from a source can.
// Line breaks and other control characters become spaces. Text is UTF-8.
package pajek

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/oneline"
	"github.com/coauthnet/coauthnet/io/table"
)

// Options say which weight to write and what to add.
type Options struct {
	// Counting is the edge weight written.
	Counting graph.Counting
	// Meta is provenance, written as comment lines.
	Meta []table.Meta
	// X and Y, when not nil, are node positions (one per node), written
	// after scaling both axes by one factor into [0, 1].
	X, Y []float64
}

// Label returns s as a quoted Pajek label: see the package documentation
// for what is replaced.
func Label(s string) string {
	return `"` + strings.NewReplacer(`"`, "'", `\`, "/").Replace(oneline.Clean(s)) + `"`
}

func comment(s string) string { return oneline.Clean(s) }

// Write writes g as a Pajek network.
func Write(w io.Writer, g *graph.Graph, opts Options) error {
	n := g.Len()
	if (opts.X == nil) != (opts.Y == nil) || opts.X != nil && (len(opts.X) != n || len(opts.Y) != n) {
		return fmt.Errorf("pajek: positions for %d/%d of %d nodes", len(opts.X), len(opts.Y), n)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	meta := append([]table.Meta{{Key: "level", Value: g.Level().String()}, {Key: "years", Value: g.Period().String()},
		{Key: "weight", Value: opts.Counting.String()}}, opts.Meta...)
	for _, m := range meta {
		fmt.Fprintf(bw, "%% %s: %s\n", comment(m.Key), comment(m.Value))
	}
	x, y := unit(opts.X, opts.Y)
	fmt.Fprintf(bw, "*Vertices %d\n", n)
	for v := 0; v < n; v++ {
		fmt.Fprintf(bw, "%d %s", v+1, Label(g.Label(v)))
		if x != nil {
			fmt.Fprintf(bw, " %.4f %.4f 0", x[v], y[v])
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("*Edges\n")
	for e := range g.Edges() {
		fmt.Fprintf(bw, "%d %d %s\n", e.From+1, e.To+1, table.FormatFloat(e.W[opts.Counting]))
	}
	return bw.Flush()
}

// unit scales positions into [0, 1] with one factor for both axes
// (keeping the aspect ratio); non-finite coordinates become 0.5.
func unit(xs, ys []float64) ([]float64, []float64) {
	if xs == nil {
		return nil, nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	ok := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	for i := range xs {
		for _, f := range []float64{xs[i], ys[i]} {
			if ok(f) {
				lo, hi = min(lo, f), max(hi, f)
			}
		}
	}
	scale := func(f float64) float64 {
		if !ok(f) || !(hi > lo) {
			return 0.5
		}
		return (f - lo) / (hi - lo)
	}
	x, y := make([]float64, len(xs)), make([]float64, len(ys))
	for i := range xs {
		x[i], y[i] = scale(xs[i]), scale(ys[i])
	}
	return x, y
}

// WriteClusters writes a Pajek partition (.clu): "*Vertices n" and the
// cluster number of each vertex in node order. Legend, if not nil, names
// the clusters (legend[k-1] for cluster k) in comment lines.
func WriteClusters(w io.Writer, cluster []int, legend []string) error {
	bw := bufio.NewWriter(w)
	for k, name := range legend {
		fmt.Fprintf(bw, "%% %d %s\n", k+1, comment(name))
	}
	fmt.Fprintf(bw, "*Vertices %d\n", len(cluster))
	for _, c := range cluster {
		fmt.Fprintf(bw, "%d\n", c)
	}
	return bw.Flush()
}
