package metrics

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/coauthnet/coauthnet/graph"
)

// A Partner is one partner of a focal node: its index and label in the
// graph, the edge's weights, and the pair measures oriented from the
// focal node, so that Source is always the focal node: ShareOfSource is
// the partner's share of the focal node's collaboration, RankForSource
// the partner's rank among the focal node's partners, Lead[0] the pair's
// papers led by the focal node.
type Partner struct {
	Node  int
	Label string
	W     graph.Weights
	Lead  [2]float64
	Pair
}

// Partners returns the partners of the node labelled focal in g,
// strongest first by weight c (ties by label), with the pair measures of
// [Pairs] oriented focal → partner whatever the label order (an edge of g
// runs from the lower to the higher node index, so [Pairs] alone reads
// Chile's share of the Chile–China link for China's). It is an error when
// focal is not a node of g.
//
// Cost: that of [Pairs], O(E log E).
func Partners(g *graph.Graph, focal string, c graph.Counting) ([]Partner, error) {
	f, ok := g.Index(focal)
	if !ok {
		return nil, fmt.Errorf("metrics: %s is not a node of %s", focal, g)
	}
	pairs := Pairs(g, c)
	var out []Partner
	for i := 0; i < g.NumEdges(); i++ {
		e := g.Edge(i)
		if e.From != f && e.To != f {
			continue
		}
		p, pm, lead := e.To, pairs[i], e.Lead
		if e.To == f {
			p = e.From
			pm.ShareOfSource, pm.ShareOfTarget = pm.ShareOfTarget, pm.ShareOfSource
			pm.RankForSource, pm.RankForTarget = pm.RankForTarget, pm.RankForSource
			lead[0], lead[1] = lead[1], lead[0]
		}
		out = append(out, Partner{Node: p, Label: g.Label(p), W: e.W, Lead: lead, Pair: pm})
	}
	slices.SortFunc(out, func(a, b Partner) int {
		if x := cmp.Compare(b.W[c], a.W[c]); x != 0 {
			return x
		}
		return cmp.Compare(a.Label, b.Label)
	})
	return out, nil
}
