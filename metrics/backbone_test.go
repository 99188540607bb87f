package metrics

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// papersFor makes, for each pair (a, b, k), k two-author papers a–b:
// full weight k.
func papersFor(pairs ...any) []coauthnet.Paper {
	var ps []coauthnet.Paper
	for i := 0; i < len(pairs); i += 3 {
		for j := 0; j < pairs[i+2].(int); j++ {
			ps = append(ps, paper("p", 2020, one(pairs[i].(string)), one(pairs[i+1].(string))))
		}
	}
	return ps
}

func kept(g *graph.Graph, keep []bool) []string {
	var out []string
	for i, k := range keep {
		if k {
			e := g.Edge(i)
			out = append(out, g.Label(e.From)+"-"+g.Label(e.To))
		}
	}
	return out
}

func TestMaximumSpanningTree(t *testing.T) {
	// Triangle AT–BE 3, AT–CH 2, BE–CH 1: the tree keeps 3 and 2.
	g := graph.Build(papersFor("AT", "BE", 3, "AT", "CH", 2, "BE", "CH", 1), graph.Options{})
	keep, err := MaximumSpanningTree(g, graph.Full)
	if err != nil {
		t.Fatal(err)
	}
	if got := kept(g, keep); len(got) != 2 || got[0] != "AT-BE" || got[1] != "AT-CH" {
		t.Errorf("tree %v, want [AT-BE AT-CH]", got)
	}
	// A square of equal weights: any 3 edges form a tree; the total
	// order (weight, then keys, larger ranks for smaller keys) picks the
	// same 3 every time.
	sq := graph.Build(papersFor("AT", "BE", 1, "BE", "CH", 1, "CH", "DE", 1, "AT", "DE", 1), graph.Options{})
	first, _ := MaximumSpanningTree(sq, graph.Full)
	for i := 0; i < 20; i++ {
		again, _ := MaximumSpanningTree(sq, graph.Full)
		for j := range first {
			if first[j] != again[j] {
				t.Fatalf("run %d: %v vs %v", i, kept(sq, again), kept(sq, first))
			}
		}
	}
	if n := len(kept(sq, first)); n != 3 {
		t.Errorf("square: %d edges, want 3", n)
	}
}

// TestSpanningTreeWeight: on the sample, the tree's total weight equals
// that of gonum's Kruskal minimum spanning tree on negated weights, and
// it has n − components edges.
func TestSpanningTreeWeight(t *testing.T) {
	g := sampleGraph()
	keep, err := MaximumSpanningTree(g, graph.BiFrac)
	if err != nil {
		t.Fatal(err)
	}
	var ours float64
	n := 0
	for i, k := range keep {
		if k {
			ours += g.Edge(i).W[graph.BiFrac]
			n++
		}
	}
	neg := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for v := 0; v < g.Len(); v++ {
		neg.AddNode(simple.Node(v))
	}
	for e := range g.Edges() {
		neg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: -e.W[graph.BiFrac]})
	}
	dst := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	theirs := -path.Kruskal(dst, neg)
	if math.Abs(ours-theirs) > 1e-9*theirs {
		t.Errorf("tree weight %v, gonum Kruskal %v", ours, theirs)
	}
	if want := dst.Edges().Len(); n != want {
		t.Errorf("%d tree edges, gonum %d", n, want)
	}
}

func TestDisparity(t *testing.T) {
	// Star: AT–BE 8, AT–CH 1, AT–DE 1. At AT (k=3, s=10):
	// α(BE) = (1 − 0.8)² = 0.04 < 0.05: kept; α(CH) = (1 − 0.1)² = 0.81: not.
	// BE, CH, DE have degree 1 and make nothing significant.
	g := graph.Build(papersFor("AT", "BE", 8, "AT", "CH", 1, "AT", "DE", 1), graph.Options{})
	if got := kept(g, Disparity(g, graph.Full, 0.05)); len(got) != 1 || got[0] != "AT-BE" {
		t.Errorf("kept %v, want [AT-BE]", got)
	}
	if got := kept(g, Disparity(g, graph.Full, 0.9)); len(got) != 3 {
		t.Errorf("alpha 0.9 kept %v, want all 3", got)
	}
}
