package export

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/tables"
)

// Attach says which node columns [Attachments] computes. The zero value
// attaches nothing.
type Attach struct {
	// Centrality: the node measures Measures (0: every measure: degree,
	// strength, betweenness, closeness and harmonic with distance
	// 1/weight, eigenvector, PageRank), computed by metrics.Nodes.
	Centrality bool
	Measures   metrics.Measures
	// Communities: communities (1-based) found by Algorithm (Leiden
	// unless "louvain", community.Detect) with Resolution (1 is the
	// modularity of Newman and Girvan; 0 means 1) and Seed.
	Communities bool
	Algorithm   community.Algorithm
	Resolution  float64
	Seed        uint64
	// Bloc, when not nil, maps node labels to their bloc ("partner",
	// "competitor", "hedger", "focal pole", "rival pole"; "" or absent:
	// unclassified), attached as column bloc.
	Bloc map[string]string
}

// Parse sets the attachments named in list, a comma-separated list of
// centrality, communities and blocs (spaces around names and empty
// names ignored), as coauthnet build --attach takes it. Blocs are not a
// field of Attach (they need poles: Bloc, PoleBlocs), so Parse reports
// whether they were asked for. An unknown name is an error naming it.
func (x *Attach) Parse(list string) (blocs bool, err error) {
	for _, a := range strings.Split(list, ",") {
		switch strings.TrimSpace(a) {
		case "":
		case "centrality":
			x.Centrality = true
		case "communities":
			x.Communities = true
		case "blocs":
			blocs = true
		default:
			return blocs, fmt.Errorf("export: attachment %q: want a list of centrality, communities, blocs", a)
		}
	}
	return blocs, nil
}

// Attachments returns the node columns a asks for on g with weight c,
// and the partition for formats with one cluster per node (communities
// when attached, else blocs) with its legend (nil for communities).
func Attachments(g *graph.Graph, c graph.Counting, x Attach) (cols []table.Column, cluster []int, legend []string) {
	if x.Centrality {
		ms := x.Measures
		if ms == 0 {
			ms = metrics.AllMeasures
		}
		v := metrics.Nodes(g, metrics.NodeOptions{Counting: c, Measures: ms})
		for _, m := range ms.List() {
			if m == metrics.MeasureDegree {
				cols = append(cols, table.Ints("degree", v.Degree))
			} else {
				cols = append(cols, table.Floats(m.String(), v.Float(m)))
			}
		}
	}
	if x.Communities {
		res := x.Resolution
		if res == 0 {
			res = 1
		}
		part := community.Detect(g, community.Options{Counting: c, Algorithm: x.Algorithm, Resolution: res, Seed: x.Seed})
		ids := part.Labels()
		for i := range ids {
			ids[i]++ // 1-based, as Pajek and VOSviewer number clusters
		}
		cols = append(cols, table.Ints("community", ids))
		cluster = ids
	}
	if x.Bloc != nil {
		names := make([]string, g.Len())
		for v := range names {
			names[v] = x.Bloc[g.Label(v)]
		}
		cols = append(cols, table.Strings("bloc", names))
		if cluster == nil {
			legend = []string{"partner", "competitor", "hedger", "focal pole", "rival pole"}
			cluster = make([]int, g.Len())
			for v, b := range names {
				cluster[v] = slices.Index(legend, b) + 1 // 0: unclassified
			}
		}
	}
	return cols, cluster, legend
}

// MeasureColumns are the node and edge measures as columns: nodes
// intl_rate, first (or corresponding: named after leader), first_intl
// and with impact also impact and impact_papers; edges lead_source and
// lead_target (source = the edge's From), and with impact impact,
// impact_papers. The graph must have been counted with that leader (and
// graph.Options.Impact for impact).
func MeasureColumns(g *graph.Graph, leader graph.Leader, impact bool) (nodes, edges []table.Column) {
	n, m := g.Len(), g.NumEdges()
	rate, lead, leadIntl := make([]float64, n), make([]float64, n), make([]float64, n)
	imp, impN := make([]float64, n), make([]int, n)
	for v := range n {
		nw := g.Node(v)
		rate[v], lead[v], leadIntl[v] = tables.Ratio(float64(nw.Intl), float64(nw.Papers)), nw.Lead, nw.LeadIntl
		imp[v], impN[v] = nw.Impact.Mean(), nw.Impact.N
	}
	l := leader.String()
	nodes = []table.Column{table.Floats("intl_rate", rate), table.Floats(l, lead), table.Floats(l+"_intl", leadIntl)}
	ls, lt, eimp, eimpN := make([]float64, m), make([]float64, m), make([]float64, m), make([]int, m)
	for i := range m {
		e := g.Edge(i)
		ls[i], lt[i], eimp[i], eimpN[i] = e.Lead[0], e.Lead[1], e.Impact.Mean(), e.Impact.N
	}
	edges = []table.Column{table.Floats("lead_source", ls), table.Floats("lead_target", lt)}
	if impact {
		nodes = append(nodes, table.Floats("impact", imp), table.Ints("impact_papers", impN))
		edges = append(edges, table.Floats("impact", eimp), table.Ints("impact_papers", eimpN))
	}
	return nodes, edges
}

// Positions lays g out with gonum's EadesR2 force-directed layout,
// seeded, on edge weights c scaled so that the largest is 1. It returns
// nil slices when the layout does not converge to finite coordinates.
func Positions(g *graph.Graph, c graph.Counting, seed uint64) (xs, ys []float64) {
	sg := simple.NewWeightedUndirectedGraph(0, 0)
	for v := 0; v < g.Len(); v++ {
		sg.AddNode(simple.Node(v))
	}
	maxW := 0.0
	for e := range g.Edges() {
		maxW = max(maxW, e.W[c])
	}
	for e := range g.Edges() {
		if w := e.W[c]; w > 0 {
			sg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: w / maxW})
		}
	}
	eades := layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: 100, Theta: 0.2, Src: rand.NewPCG(seed, seed)}
	opt := layout.NewOptimizerR2(ordered{sg}, eades.Update)
	for opt.Update() {
	}
	xs, ys = make([]float64, g.Len()), make([]float64, g.Len())
	for v := range xs {
		p := opt.Coord2(int64(v))
		if math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
			return nil, nil
		}
		xs[v], ys[v] = p.X, p.Y
	}
	return xs, ys
}

// ordered iterates a gonum simple graph in node id order: its own
// iterators follow map order, which would make the layout differ
// between runs.
type ordered struct {
	*simple.WeightedUndirectedGraph
}

func (g ordered) Nodes() gonum.Nodes {
	ns := gonum.NodesOf(g.WeightedUndirectedGraph.Nodes())
	slices.SortFunc(ns, func(a, b gonum.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(ns)
}

func (g ordered) From(id int64) gonum.Nodes {
	ns := gonum.NodesOf(g.WeightedUndirectedGraph.From(id))
	slices.SortFunc(ns, func(a, b gonum.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(ns)
}
