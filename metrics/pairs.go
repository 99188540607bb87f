package metrics

import (
	"cmp"
	"math"
	"slices"

	"github.com/coauthnet/coauthnet/graph"
)

// Pair holds the pair measures of one edge (package doc). NaN marks a
// measure that is undefined (a zero denominator); writers leave it empty.
type Pair struct {
	Intensity     float64 // bifrac / sqrt(R_A R_B)
	Association   float64 // m·c / (s_A s_B)
	Salton        float64 // c / sqrt(s_A s_B)
	Jaccard       float64 // c / (s_A + s_B − c)
	Inclusion     float64 // c / min(s_A, s_B)
	ShareOfSource float64 // w(A,B) / Σ_X w(A,X): B's share of A's collaboration
	ShareOfTarget float64 // w(A,B) / Σ_X w(B,X): A's share of B's collaboration
	RankForSource int     // rank of B among A's partners by w (1 = strongest)
	RankForTarget int     // rank of A among B's partners
}

// Pairs returns the pair measures of every edge of g, in edge order;
// m is g.Papers(); c is the weight used for shares and ranks.
//
// Cost: O(E log E).
func Pairs(g *graph.Graph, c graph.Counting) []Pair {
	out := make([]Pair, g.NumEdges())
	strength := Strength(g, c)
	rank := partnerRanks(g, c)
	m := float64(g.Papers())
	for i := 0; i < g.NumEdges(); i++ {
		e := g.Edge(i)
		a, b := g.Node(e.From), g.Node(e.To)
		co := e.W[graph.Full]
		sa, sb := float64(a.Papers), float64(b.Papers)
		out[i] = Pair{
			Intensity:     div(e.W[graph.BiFrac], math.Sqrt(a.Output*b.Output)),
			Association:   div(m*co, sa*sb),
			Salton:        div(co, math.Sqrt(sa*sb)),
			Jaccard:       div(co, sa+sb-co),
			Inclusion:     div(co, math.Min(sa, sb)),
			ShareOfSource: div(e.W[c], strength[e.From]),
			ShareOfTarget: div(e.W[c], strength[e.To]),
			RankForSource: rank[i][0],
			RankForTarget: rank[i][1],
		}
	}
	return out
}

func div(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// partnerRanks returns, per edge, the rank of To among From's partners
// and of From among To's, by weight c descending, ties by node key.
func partnerRanks(g *graph.Graph, c graph.Counting) [][2]int {
	type nb struct {
		v, edge int
		w       float64
		side    int // 0: this node is the edge's From
	}
	lists := make([][]nb, g.Len())
	for i := 0; i < g.NumEdges(); i++ {
		e := g.Edge(i)
		lists[e.From] = append(lists[e.From], nb{e.To, i, e.W[c], 0})
		lists[e.To] = append(lists[e.To], nb{e.From, i, e.W[c], 1})
	}
	ranks := make([][2]int, g.NumEdges())
	for _, l := range lists {
		slices.SortFunc(l, func(x, y nb) int {
			if c := cmp.Compare(y.w, x.w); c != 0 {
				return c
			}
			return cmp.Compare(g.Label(x.v), g.Label(y.v))
		})
		for r, x := range l {
			ranks[x.edge][x.side] = r + 1
		}
	}
	return ranks
}
