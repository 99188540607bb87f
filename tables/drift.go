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
		part := community.Detect(g, community.Options{Counting: c})
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

// EdgeTrends is the table of drift.Edges: source, target, peak_year,
// change_point (empty when not significant), slope_before, slope_after,
// f, change. With focal set, each edge of the focal node is oriented
// focal → partner (the other edges as they are).
func EdgeTrends(trends []drift.EdgeTrend, focal string) *Sheet {
	t := &Sheet{Columns: strings.Split("source,target,peak_year,change_point,slope_before,slope_after,f,change", ",")}
	for _, x := range trends {
		src, dst := x.Source, x.Target
		if focal != "" && dst == focal {
			src, dst = dst, src
		}
		cp := ""
		if x.ChangePoint >= 0 {
			cp = x.ChangePeriod.String()
		}
		t.Rows = append(t.Rows, []any{src, dst, x.PeakPeriod.String(), cp, x.SlopeBefore, x.SlopeAfter, x.F, x.Change()})
	}
	return t
}

// EdgeStepsTable is the table of drift.EdgeSteps, only the focal node's
// edges when focal is set.
func EdgeStepsTable(steps []drift.EdgeStep, focal string) *Sheet {
	t := &Sheet{Columns: strings.Split("from,to,source,target,weight_from,weight_to,change,relative,log_ratio,status", ",")}
	for _, x := range steps {
		if focal != "" && x.Source != focal && x.Target != focal {
			continue
		}
		t.Rows = append(t.Rows, []any{x.From.String(), x.To.String(), x.Source, x.Target, x.WeightFrom, x.WeightTo, x.Change(), x.Relative(), x.LogRatio(), x.Status()})
	}
	return t
}

// BlocsTable is the table of countries' leans and blocs (package
// community's InferBlocs): with user blocs the bloc column is the user's
// and inferred_bloc the rule's.
func BlocsTable(b *community.Blocs, user map[string]string) *Sheet {
	t := &Sheet{Columns: strings.Split("node,label,bloc,lean_before,lean_after,delta,low,high,p,p_adj,papers,min_cell,inferred_bloc", ",")}
	for _, a := range b.Assignments {
		given := a.Bloc
		if user != nil {
			given = user[a.Node]
			if given == "" {
				given = community.Hedger
			}
		}
		t.Rows = append(t.Rows, []any{a.Node, a.Label, given, a.LeanBefore, a.LeanAfter, a.Delta, a.Low, a.High, a.P, a.PAdj, a.Papers, a.MinCell, a.Bloc})
	}
	return t
}

// IndicesTable is the table of yearly bifurcation indices, each with its
// bootstrap interval (columns NAME, NAME_low, NAME_high).
func IndicesTable(bi *community.BifurcationResult) *Sheet {
	t := &Sheet{Columns: []string{"year"}}
	for _, n := range community.IndexNames {
		t.Columns = append(t.Columns, n, n+"_low", n+"_high")
	}
	for _, x := range bi.Years {
		r := []any{x.Year}
		for k := range community.IndexNames {
			r = append(r, x.Value(k), x.CI[k][0], x.CI[k][1])
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// TrendsTable is the table of each index's change across the split year
// and its verdict (rising, falling, flat within noise).
func TrendsTable(bi *community.BifurcationResult) *Sheet {
	t := &Sheet{Columns: strings.Split("index,before,after,change,low,high,verdict", ",")}
	for _, tr := range bi.Trends {
		t.Rows = append(t.Rows, []any{tr.Index, tr.Before, tr.After, tr.Change, tr.Low, tr.High, tr.Verdict})
	}
	return t
}
