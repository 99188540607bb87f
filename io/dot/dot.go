// Package dot writes co-authorship graphs in Graphviz's DOT language,
// through gonum's graph/encoding/dot, which orders nodes and edges by id
// (so the same graph gives the same bytes).
//
// The graph is "strict graph coauthnet" with a comment attribute holding the
// provenance ("key: value; …"). Node ids are the node keys; node
// attributes are label (the display name), country, papers, intl,
// output, domestic and any extra columns; edge attributes are one per
// counting method, named after it (bifrac, full, frac, share). The
// weight attribute is not written: Graphviz's dot layout reads it as an
// integer layout hint and rejects fractions.
//
// Every id and value is written as a double-quoted DOT string with '"'
// and '\' escaped by a backslash, so that Graphviz draws a label as
// written (it sees no \n, \l or \N escapes it did not ask for) and
// gonum's reader gives it back exactly. Graphviz keeps "\\" as two
// characters in a node id, so a backslash in a node key is written as
// '/' instead (keys built by coauthnet never hold one). Line breaks and
// other control characters become spaces and invalid UTF-8 becomes
// U+FFFD. NaN and ±Inf are left out.
package dot

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	gdot "gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/iterator"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/oneline"
	"github.com/coauthnet/coauthnet/io/table"
)

// Options say what to write beyond the graph's own weights.
type Options struct {
	// Counting lists the edge weights to write; nil means graph.Countings.
	Counting []graph.Counting
	// Nodes are extra node attributes, one value per node.
	Nodes []table.Column
	// Edges are extra edge attributes, one value per edge in edge order.
	Edges []table.Column
	// Meta is provenance, written as the graph's comment.
	Meta []table.Meta
}

// Quote returns s as a double-quoted DOT string: see the package
// documentation.
func Quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(oneline.Clean(s)) + `"`
}

type node struct {
	id    int64
	key   string
	attrs []encoding.Attribute
}

func (n *node) ID() int64                        { return n.id }
func (n *node) DOTID() string                    { return Quote(strings.ReplaceAll(n.key, `\`, "/")) }
func (n *node) Attributes() []encoding.Attribute { return n.attrs }

type edge struct {
	f, t  *node
	attrs []encoding.Attribute
}

func (e *edge) From() gg.Node                    { return e.f }
func (e *edge) To() gg.Node                      { return e.t }
func (e *edge) ReversedEdge() gg.Edge            { return &edge{e.t, e.f, e.attrs} }
func (e *edge) Attributes() []encoding.Attribute { return e.attrs }

// adapter is the gonum view of one export: nodes with attributes and
// edges with attributes.
type adapter struct {
	g       *graph.Graph
	nodes   []*node
	edge    func(i int, w graph.Weights) []encoding.Attribute // edge i with weights w
	comment string
}

func (a *adapter) Node(id int64) gg.Node {
	if id < 0 || id >= int64(len(a.nodes)) {
		return nil
	}
	return a.nodes[id]
}

func (a *adapter) Nodes() gg.Nodes {
	ns := make([]gg.Node, len(a.nodes))
	for i, n := range a.nodes {
		ns[i] = n
	}
	return iterator.NewOrderedNodes(ns)
}

func (a *adapter) From(id int64) gg.Nodes {
	var ns []gg.Node
	for v := range a.g.From(int(id)) {
		ns = append(ns, a.nodes[v])
	}
	return iterator.NewOrderedNodes(ns)
}

func (a *adapter) HasEdgeBetween(x, y int64) bool {
	_, ok := a.g.Between(int(x), int(y))
	return ok
}

func (a *adapter) Edge(u, v int64) gg.Edge { return a.EdgeBetween(u, v) }

func (a *adapter) EdgeBetween(x, y int64) gg.Edge {
	i, ok := a.g.EdgeIndex(int(x), int(y))
	if !ok {
		return nil
	}
	return &edge{a.nodes[x], a.nodes[y], a.edge(i, a.g.Edge(i).W)}
}

func (a *adapter) DOTID() string { return "coauthnet" }

type attrs []encoding.Attribute

func (as attrs) Attributes() []encoding.Attribute { return as }

func (a *adapter) DOTAttributers() (g, n, e encoding.Attributer) {
	return attrs{{Key: "comment", Value: Quote(a.comment)}}, attrs{}, attrs{}
}

// Write writes g in DOT. It returns an error, before writing anything,
// if a column does not have one value per node.
func Write(w io.Writer, g *graph.Graph, opts Options) error {
	cs := opts.Counting
	if cs == nil {
		cs = graph.Countings
	}
	for _, c := range opts.Nodes {
		if c.Len() != g.Len() {
			return fmt.Errorf("dot: column %s has %d values for %d nodes", c.Name, c.Len(), g.Len())
		}
	}
	for _, c := range opts.Edges {
		if c.Len() != g.NumEdges() {
			return fmt.Errorf("dot: edge column %s has %d values for %d edges", c.Name, c.Len(), g.NumEdges())
		}
	}
	var comment []string
	for _, m := range append([]table.Meta{{Key: "level", Value: g.Level().String()}, {Key: "years", Value: g.Period().String()}}, opts.Meta...) {
		comment = append(comment, m.Key+": "+m.Value)
	}
	a := &adapter{g: g, comment: strings.Join(comment, "; ")}
	num := func(k string, f float64) []encoding.Attribute {
		if s := table.FormatFloat(f); s != "" {
			return []encoding.Attribute{{Key: k, Value: Quote(s)}}
		}
		return nil
	}
	for v := 0; v < g.Len(); v++ {
		nw := g.Node(v)
		as := []encoding.Attribute{{Key: "label", Value: Quote(g.Name(v))}}
		if c := g.Country(v); c != "" {
			as = append(as, encoding.Attribute{Key: "country", Value: Quote(c)})
		}
		as = append(as, encoding.Attribute{Key: "papers", Value: Quote(strconv.Itoa(nw.Papers))},
			encoding.Attribute{Key: "intl", Value: Quote(strconv.Itoa(nw.Intl))})
		as = append(as, num("output", nw.Output)...)
		as = append(as, num("domestic", nw.Domestic)...)
		for _, c := range opts.Nodes {
			if c.Valid(v) {
				as = append(as, encoding.Attribute{Key: Quote(c.Name), Value: Quote(c.Text(v))})
			}
		}
		a.nodes = append(a.nodes, &node{id: int64(v), key: g.Label(v), attrs: as})
	}
	a.edge = func(i int, w graph.Weights) []encoding.Attribute {
		var as []encoding.Attribute
		for _, c := range cs {
			as = append(as, num(c.String(), w[c])...)
		}
		for _, c := range opts.Edges {
			if c.Valid(i) {
				as = append(as, encoding.Attribute{Key: Quote(c.Name), Value: Quote(c.Text(i))})
			}
		}
		return as
	}
	b, err := gdot.Marshal(a, "", "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
