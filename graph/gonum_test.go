package graph

import (
	"math"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/coauthnet/coauthnet/internal/sample"
)

// TestGonumPageRank runs gonum's network.PageRank on the view directly
// and on a copy built the ordinary gonum way: the results must be equal,
// which checks the adapter, and sum to 1.
func TestGonumPageRank(t *testing.T) {
	g := Yearly(sample.Generate(sample.Config{Papers: 5000}), Options{}).At(2019)
	view := g.Weighted(BiFrac)
	got := network.PageRank(view, 0.85, 1e-12)

	cp := simple.NewWeightedDirectedGraph(0, 0)
	for v := 0; v < g.Len(); v++ {
		cp.AddNode(simple.Node(v))
	}
	for e := range g.Edges() {
		cp.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: e.W[BiFrac]})
		cp.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.To), T: simple.Node(e.From), W: e.W[BiFrac]})
	}
	want := network.PageRank(cp, 0.85, 1e-12)
	var sum float64
	for id, w := range want {
		if math.Abs(got[id]-w) > 1e-9 {
			t.Errorf("PageRank %s = %v, copy %v", g.Label(int(id)), got[id], w)
		}
		sum += got[id]
	}
	if math.Abs(sum-1) > 1e-9 || len(got) != g.Len() {
		t.Errorf("Σ PageRank = %v over %d nodes", sum, len(got))
	}
}

// TestGonumModularity: community.Q on the view equals Q on a
// simple.WeightedUndirectedGraph copy for the same partition.
func TestGonumModularity(t *testing.T) {
	g := Yearly(sample.Generate(sample.Config{Papers: 5000}), Options{}).At(2020)
	view := g.Weighted(Full)
	cp := simple.NewWeightedUndirectedGraph(0, 0)
	for v := 0; v < g.Len(); v++ {
		cp.AddNode(simple.Node(v))
	}
	for e := range g.Edges() {
		cp.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: e.W[Full]})
	}
	var a, b []int64
	for v := 0; v < g.Len(); v++ {
		if v%2 == 0 {
			a = append(a, int64(v))
		} else {
			b = append(b, int64(v))
		}
	}
	part := [][]int64{a, b}
	q1 := community.Q(view, nodeSets(part), 1)
	q2 := community.Q(cp, nodeSets(part), 1)
	if math.Abs(q1-q2) > 1e-12 {
		t.Errorf("Q on view %v, on copy %v", q1, q2)
	}
}

func nodeSets(part [][]int64) [][]gonum.Node {
	out := make([][]gonum.Node, len(part))
	for i, ids := range part {
		for _, id := range ids {
			out[i] = append(out[i], simple.Node(id))
		}
	}
	return out
}
