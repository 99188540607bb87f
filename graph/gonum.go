package graph

import (
	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Weighted is a view of a [Graph] under one counting method that
// implements gonum's graph.WeightedUndirected, and graph.WeightedDirected
// with both arcs of every edge, so gonum algorithms (network.PageRank,
// community.Modularize, path.DijkstraAllPaths, …) run on it without a
// copy. Node ids are the graph's node indices.
//
// Weight(x, x) is (0, true): a co-authorship graph has no self-loops
// (within-node collaboration is the node weight Domestic).
type Weighted struct {
	g *Graph
	c Counting
}

// Weighted returns the gonum view of g with weight c.
func (g *Graph) Weighted(c Counting) Weighted { return Weighted{g, c} }

var (
	_ gonum.WeightedUndirected = Weighted{}
	_ gonum.WeightedDirected   = Weighted{}
)

// Graph returns the underlying graph.
func (w Weighted) Graph() *Graph { return w.g }

// Counting returns the counting method whose weight the view presents.
func (w Weighted) Counting() Counting { return w.c }

func (w Weighted) valid(id int64) bool { return id >= 0 && id < int64(w.g.Len()) }

// Node returns the node with the given id, or nil.
func (w Weighted) Node(id int64) gonum.Node {
	if !w.valid(id) {
		return nil
	}
	return simple.Node(id)
}

// Nodes returns all nodes in index order.
func (w Weighted) Nodes() gonum.Nodes {
	ns := make([]gonum.Node, w.g.Len())
	for i := range ns {
		ns[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(ns)
}

// From returns the neighbours of id in index order.
func (w Weighted) From(id int64) gonum.Nodes {
	if !w.valid(id) {
		return gonum.Empty
	}
	u := int(id)
	w.g.adjacency()
	lst := w.g.nbr[w.g.start[u]:w.g.start[u+1]]
	if len(lst) == 0 {
		return gonum.Empty
	}
	ns := make([]gonum.Node, len(lst))
	for i, v := range lst {
		ns[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(ns)
}

// To returns the same nodes as From: the graph is undirected.
func (w Weighted) To(id int64) gonum.Nodes { return w.From(id) }

// HasEdgeBetween reports whether x and y are adjacent.
func (w Weighted) HasEdgeBetween(xid, yid int64) bool {
	_, ok := w.g.Between(int(xid), int(yid))
	return ok && w.valid(xid) && w.valid(yid)
}

// HasEdgeFromTo is HasEdgeBetween.
func (w Weighted) HasEdgeFromTo(uid, vid int64) bool { return w.HasEdgeBetween(uid, vid) }

// Edge returns the edge from u to v, or nil.
func (w Weighted) Edge(uid, vid int64) gonum.Edge { return w.WeightedEdge(uid, vid) }

// EdgeBetween returns the edge between x and y, or nil.
func (w Weighted) EdgeBetween(xid, yid int64) gonum.Edge { return w.WeightedEdge(xid, yid) }

// WeightedEdgeBetween returns the weighted edge between x and y, or nil.
func (w Weighted) WeightedEdgeBetween(xid, yid int64) gonum.WeightedEdge {
	return w.WeightedEdge(xid, yid)
}

// WeightedEdge returns the weighted edge from u to v, or nil.
func (w Weighted) WeightedEdge(uid, vid int64) gonum.WeightedEdge {
	if !w.valid(uid) || !w.valid(vid) {
		return nil
	}
	ws, ok := w.g.Between(int(uid), int(vid))
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: ws[w.c]}
}

// Weight returns the weight of the edge between x and y: (0, true) when
// x == y, (0, false) when there is no edge.
func (w Weighted) Weight(xid, yid int64) (float64, bool) {
	if xid == yid {
		return 0, w.valid(xid)
	}
	if !w.valid(xid) || !w.valid(yid) {
		return 0, false
	}
	ws, ok := w.g.Between(int(xid), int(yid))
	return ws[w.c], ok
}
