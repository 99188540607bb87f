package graph

import (
	"fmt"
	"iter"
	"slices"
	"sort"
	"sync"
)

// A Graph is an undirected weighted co-authorship graph over one period.
//
// Nodes are numbered 0..Len()-1 in increasing order of their keys (byte
// order of [Graph.Label]), so the same papers always give the same
// indices and the same output. Only nodes with at least one paper in the
// period are present. Edges join two different nodes that share at least
// one paper (Full > 0) and carry a weight for every [Counting]; their
// BiFrac and Frac weights can be 0 when the only link is one author's
// dual affiliation.
//
// A Graph is immutable and safe for concurrent use.
type Graph struct {
	level     Level
	period    Period
	papers    int
	keys      []string
	names     []string
	countries []string
	nodes     []NodeWeights
	edges     []Edge // sorted by (From, To), From < To

	// The key index and the adjacency are built on first use (by
	// indexed), so that a graph that is only written out never pays for
	// them.
	indexed  sync.Once
	keyIndex map[string]int
	// Compressed adjacency: the neighbours of u are nbr[start[u]:start[u+1]],
	// ascending, and eid holds the index in edges of each.
	start []int
	nbr   []int
	eid   []int
}

// An Edge joins From and To (From < To) with weights W.
type Edge struct {
	From, To int
	W        Weights
	// Lead are the papers of the pair led by each side, Lead[0] by From
	// and Lead[1] by To: Σ_p w_l (the lead author's share in the node)
	// over the papers with both nodes. W[Full] − Lead[0] − Lead[1] are
	// the pair's papers led by a third node or by nobody known.
	Lead [2]float64
	// Impact sums the normalised citation impact of the pair's papers
	// (with Options.Impact); see [Impact].
	Impact Impact
}

// adjacency builds the key index and the adjacency if not yet built.
func (g *Graph) adjacency() { g.indexed.Do(g.index) }

// index builds the key index and the adjacency from keys and edges.
func (g *Graph) index() {
	n := len(g.keys)
	g.keyIndex = make(map[string]int, n)
	for i, k := range g.keys {
		g.keyIndex[k] = i
	}
	g.start = make([]int, n+1)
	for _, e := range g.edges {
		g.start[e.From+1]++
		g.start[e.To+1]++
	}
	for i := 0; i < n; i++ {
		g.start[i+1] += g.start[i]
	}
	g.nbr = make([]int, 2*len(g.edges))
	g.eid = make([]int, 2*len(g.edges))
	fill := slices.Clone(g.start[:n])
	// Edges sorted by (From, To) fill each list in ascending order: for
	// node u, the edges (x, u) with x < u come before the edges (u, y)
	// (From x < u), each kind in ascending order of the other end.
	for i, e := range g.edges {
		g.nbr[fill[e.To]] = e.From
		g.eid[fill[e.To]] = i
		fill[e.To]++
		g.nbr[fill[e.From]] = e.To
		g.eid[fill[e.From]] = i
		fill[e.From]++
	}
}

// Level returns the level of the nodes.
func (g *Graph) Level() Level { return g.level }

// Period returns the years the graph covers.
func (g *Graph) Period() Period { return g.period }

// Papers returns the number of papers counted in the graph's period
// (papers with at least one known node).
func (g *Graph) Papers() int { return g.papers }

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.keys) }

// Label returns the key of node v: an ISO 3166-1 alpha-2 code, a group
// name, "ZZ", or an institution key. It panics if v is out of range.
func (g *Graph) Label(v int) string { return g.keys[v] }

// Name returns the display name of node v: the country's short name, or
// the institution's most frequent name in the input.
func (g *Graph) Name(v int) string { return g.names[v] }

// Country returns the ISO code of node v's country: the node itself at
// level Countries, the most frequent country of an institution, or "" for
// groups and unknown.
func (g *Graph) Country(v int) string { return g.countries[v] }

// Index returns the node with key label.
func (g *Graph) Index(label string) (int, bool) {
	g.adjacency()
	v, ok := g.keyIndex[label]
	return v, ok
}

// Node returns the weights of node v.
func (g *Graph) Node(v int) NodeWeights { return g.nodes[v] }

// NumEdges returns the number of edges.
func (g *Graph) NumEdges() int { return len(g.edges) }

// Edge returns edge i of 0..NumEdges()-1, in (From, To) order.
func (g *Graph) Edge(i int) Edge { return g.edges[i] }

// Edges yields every edge once, in increasing (From, To) order.
func (g *Graph) Edges() iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		for _, e := range g.edges {
			if !yield(e) {
				return
			}
		}
	}
}

// Degree returns the number of neighbours of u.
func (g *Graph) Degree(u int) int {
	g.adjacency()
	return g.start[u+1] - g.start[u]
}

// From yields the neighbours of u in increasing order with the weights of
// the edge to each.
func (g *Graph) From(u int) iter.Seq2[int, Weights] {
	g.adjacency()
	return func(yield func(int, Weights) bool) {
		for i := g.start[u]; i < g.start[u+1]; i++ {
			if !yield(g.nbr[i], g.edges[g.eid[i]].W) {
				return
			}
		}
	}
}

// Between returns the weights of the edge between u and v, and whether
// there is one. Cost: O(log degree(u)).
func (g *Graph) Between(u, v int) (Weights, bool) {
	if i, ok := g.EdgeIndex(u, v); ok {
		return g.edges[i].W, true
	}
	return Weights{}, false
}

// EdgeIndex returns the index (in edge order) of the edge between u and
// v, and whether there is one. Cost: O(log degree(u)).
func (g *Graph) EdgeIndex(u, v int) (int, bool) {
	if u < 0 || v < 0 || u >= len(g.keys) || v >= len(g.keys) {
		return 0, false
	}
	g.adjacency()
	lst := g.nbr[g.start[u]:g.start[u+1]]
	i := sort.SearchInts(lst, v)
	if i < len(lst) && lst[i] == v {
		return g.eid[g.start[u]+i], true
	}
	return 0, false
}

// Total returns the sum of weight c over all edges.
func (g *Graph) Total(c Counting) float64 {
	var t float64
	for _, e := range g.edges {
		t += e.W[c]
	}
	return t
}

// Prune returns the graph without the edges whose weight c is below min.
// Nodes are kept, with their weights, even when they lose every edge.
func (g *Graph) Prune(c Counting, min float64) *Graph {
	return g.Filter(func(i int) bool { return g.edges[i].W[c] >= min })
}

// Filter returns the graph with only the edges i (in edge order) for
// which keep(i) is true, such as a backbone from package metrics. Nodes
// are kept, with their weights.
func (g *Graph) Filter(keep func(i int) bool) *Graph {
	h := &Graph{
		level: g.level, period: g.period, papers: g.papers,
		keys: g.keys, names: g.names, countries: g.countries, nodes: g.nodes,
	}
	for i, e := range g.edges {
		if keep(i) {
			h.edges = append(h.edges, e)
		}
	}
	return h
}

// String returns a one-line summary such as "country graph 2019: 35 nodes, 402 edges".
func (g *Graph) String() string {
	return fmt.Sprintf("%s graph %s: %d nodes, %d edges", g.level, g.period, g.Len(), g.NumEdges())
}
