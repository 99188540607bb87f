package tables

import (
	"cmp"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
)

// DriftSteps is the table of drift.Steps between consecutive graphs,
// with the stability (NMI, ARI) of their Louvain partitions (computed
// with community.Options{Counting: c}: its defaults otherwise).
func DriftSteps(gs []*graph.Graph, c graph.Counting) *Sheet {
	st := &Sheet{Columns: strings.Split("from,to,jaccard,weight_change,edges_gained,edges_lost,nmi,ari", ",")}
	var prev *community.Partition
	for i, g := range gs {
		part := community.Louvain(g, community.Options{Counting: c})
		if i > 0 {
			x := drift.Steps(gs[i-1:i+1], c)[0]
			nmi, ari, _ := community.Stability(gs[i-1], prev, g, part)
			st.Rows = append(st.Rows, []any{x.From.String(), x.To.String(), x.Jaccard, x.WeightChange(), x.EdgesGained, x.EdgesLost, nmi, ari})
		}
		prev = part
	}
	return st
}

// A Mover is a node ranked in two graphs, with its profile drift
// (drift.ProfileDrift) and its rank in each.
type Mover struct {
	Node     string
	Drift    float64
	From, To int
}

// RankMovers returns every node ranked in both graphs, with its profile
// drift and its rank in each (by output, or as focal's partner by weight
// c when focal is set), sorted by rise (largest first), ties by key.
func RankMovers(first, last *graph.Graph, focal string, c graph.Counting) []Mover {
	rank := func(g *graph.Graph) map[string]int {
		type kv struct {
			k string
			w float64
		}
		var l []kv
		if focal != "" {
			if v, ok := g.Index(focal); ok {
				for u, w := range g.From(v) {
					l = append(l, kv{g.Label(u), w[c]})
				}
			}
		} else {
			for v := 0; v < g.Len(); v++ {
				l = append(l, kv{g.Label(v), g.Node(v).Output})
			}
		}
		slices.SortFunc(l, func(a, b kv) int {
			if x := cmp.Compare(b.w, a.w); x != 0 {
				return x
			}
			return strings.Compare(a.k, b.k)
		})
		m := map[string]int{}
		for i, x := range l {
			m[x.k] = i + 1
		}
		return m
	}
	rf, rt := rank(first), rank(last)
	var nodes []Mover
	for k, r := range rt {
		if _, ok := rf[k]; !ok {
			continue
		}
		d, _ := drift.ProfileDrift(first, last, k, c)
		nodes = append(nodes, Mover{k, d, rf[k], r})
	}
	slices.SortFunc(nodes, func(a, b Mover) int {
		if x := cmp.Compare(b.From-b.To, a.From-a.To); x != 0 {
			return x
		}
		return strings.Compare(a.Node, b.Node)
	})
	return nodes
}

// MoversTable is the table of rank movers: node, drift, rank_from,
// rank_to.
func MoversTable(nodes []Mover) *Sheet {
	nt := &Sheet{Columns: strings.Split("node,drift,rank_from,rank_to", ",")}
	for _, n := range nodes {
		nt.Rows = append(nt.Rows, []any{n.Node, n.Drift, n.From, n.To})
	}
	return nt
}
