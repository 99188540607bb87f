package metrics

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	dgraph "github.com/dominikbraun/graph"

	"github.com/coauthnet/coauthnet/graph"
)

// MaximumSpanningTree returns, per edge of g in edge order, whether it is
// in the maximum spanning tree (a forest when g is disconnected) for
// weight c. It uses dominikbraun/graph's Kruskal, which takes integer
// weights and breaks ties in map order: each edge is given its rank in a
// total order (weight, then the node keys) instead, so the tree is unique
// and the same on every run.
func MaximumSpanningTree(g *graph.Graph, c graph.Counting) ([]bool, error) {
	m := g.NumEdges()
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		ea, eb := g.Edge(a), g.Edge(b)
		if x := cmp.Compare(ea.W[c], eb.W[c]); x != 0 {
			return x
		}
		if x := cmp.Compare(g.Label(eb.From), g.Label(ea.From)); x != 0 {
			return x
		}
		return cmp.Compare(g.Label(eb.To), g.Label(ea.To))
	})
	d := dgraph.New(dgraph.IntHash, dgraph.Weighted())
	for v := 0; v < g.Len(); v++ {
		if err := d.AddVertex(v); err != nil {
			return nil, fmt.Errorf("metrics: spanning tree: %w", err)
		}
	}
	edgeOf := map[[2]int]int{}
	for rank, i := range order {
		e := g.Edge(i)
		edgeOf[[2]int{e.From, e.To}] = i
		if err := d.AddEdge(e.From, e.To, dgraph.EdgeWeight(rank+1)); err != nil {
			return nil, fmt.Errorf("metrics: spanning tree: %w", err)
		}
	}
	tree, err := dgraph.MaximumSpanningTree(d)
	if err != nil {
		return nil, fmt.Errorf("metrics: spanning tree: %w", err)
	}
	edges, err := tree.Edges()
	if err != nil {
		return nil, fmt.Errorf("metrics: spanning tree: %w", err)
	}
	keep := make([]bool, m)
	for _, e := range edges {
		a, b := e.Source, e.Target
		if a > b {
			a, b = b, a
		}
		keep[edgeOf[[2]int{a, b}]] = true
	}
	return keep, nil
}

// Disparity returns, per edge, whether the disparity filter keeps it at
// significance alpha (Serrano, Boguñá & Vespignani 2009,
// doi:10.1073/pnas.0808904106): for an endpoint i of degree k_i > 1 and
// strength s_i, the edge's normalised weight p = w/s_i has
//
//	α_ij = (1 − p)^(k_i − 1)
//
// and the edge is kept when α_ij < alpha at either endpoint. An endpoint
// of degree 1 does not make its edge significant. Edges of weight 0 are
// never kept.
func Disparity(g *graph.Graph, c graph.Counting, alpha float64) []bool {
	s := Strength(g, c)
	keep := make([]bool, g.NumEdges())
	for i := range keep {
		e := g.Edge(i)
		w := e.W[c]
		if w <= 0 {
			continue
		}
		for _, v := range []int{e.From, e.To} {
			k := g.Degree(v)
			if k > 1 && math.Pow(1-w/s[v], float64(k-1)) < alpha {
				keep[i] = true
			}
		}
	}
	return keep
}
