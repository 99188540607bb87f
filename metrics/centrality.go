package metrics

import (
	"math"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"

	"github.com/coauthnet/coauthnet/graph"
)

// Degree returns the number of neighbours of every node.
func Degree(g *graph.Graph) []int {
	d := make([]int, g.Len())
	for v := range d {
		d[v] = g.Degree(v)
	}
	return d
}

// Strength returns the sum of edge weight c of every node.
func Strength(g *graph.Graph, c graph.Counting) []float64 {
	s := make([]float64, g.Len())
	for e := range g.Edges() {
		s[e.From] += e.W[c]
		s[e.To] += e.W[c]
	}
	return s
}

// PageRankOptions configure [PageRank]. The zero value means bifrac,
// damping 0.85 and tolerance 1e-10.
type PageRankOptions struct {
	Counting graph.Counting // weight used; zero value is graph.Full, so set it
	Damping  float64        // default 0.85
	Tol      float64        // stop when Σ|Δx| < n·Tol; default 1e-10
}

// PageRank returns the weighted PageRank of every node (package doc):
// power iteration from the uniform vector,
//
//	x' = d·(Σ_u x_u·w(u,v)/s_u + Σ_{dangling u} x_u/n) + (1−d)/n
//
// until Σ|x'−x| < n·Tol (networkx's criterion) or 10000 iterations.
//
// gonum's network.PageRank is not used: it starts from a random vector
// drawn from the global source, so its results differ from run to run in
// the last bits, and coauthnet's output must be byte-identical.
func PageRank(g *graph.Graph, o PageRankOptions) []float64 {
	if o.Damping == 0 {
		o.Damping = 0.85
	}
	if o.Tol == 0 {
		o.Tol = 1e-10
	}
	n := g.Len()
	x := make([]float64, n)
	if n == 0 {
		return x
	}
	strength := Strength(g, o.Counting)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	d, fn := o.Damping, float64(n)
	for it := 0; it < 10000; it++ {
		var dangling float64
		for u := range x {
			if strength[u] == 0 {
				dangling += x[u]
			}
		}
		base := d*dangling/fn + (1-d)/fn
		for v := range next {
			next[v] = base
		}
		for e := range g.Edges() {
			w := e.W[o.Counting]
			if w == 0 {
				continue
			}
			next[e.To] += d * x[e.From] * w / strength[e.From]
			next[e.From] += d * x[e.To] * w / strength[e.To]
		}
		var diff float64
		for i := range next {
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < fn*o.Tol {
			break
		}
	}
	return x
}

// Eigenvector returns the eigenvector centrality of every node for
// weight c: power iteration x ← (A+I)x / ‖(A+I)x‖ from the uniform
// vector until Σ|Δx| < n·1e-12 or 10000 iterations. It returns zeros for
// a graph without edges.
func Eigenvector(g *graph.Graph, c graph.Counting) []float64 {
	n := g.Len()
	x := make([]float64, n)
	if n == 0 || g.NumEdges() == 0 {
		return x
	}
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for it := 0; it < 10000; it++ {
		copy(next, x)
		for e := range g.Edges() {
			next[e.To] += x[e.From] * e.W[c]
			next[e.From] += x[e.To] * e.W[c]
		}
		var norm float64
		for _, v := range next {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			return make([]float64, n)
		}
		var diff float64
		for i := range next {
			next[i] /= norm
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*1e-12 {
			break
		}
	}
	return x
}

// Betweenness returns the normalised weighted betweenness of every node
// (package doc): distance 1/w of weight c.
func Betweenness(g *graph.Graph, c graph.Counting) []float64 {
	n := g.Len()
	out := make([]float64, n)
	if n < 3 {
		return out
	}
	d := distances{g.Weighted(c)}
	raw := network.BetweennessWeighted(d, path.DijkstraAllPaths(d))
	// gonum sums ordered pairs (s,t) and (t,s): divide by (n−1)(n−2),
	// twice the number of unordered pairs without v.
	scale := 1 / float64((n-1)*(n-2))
	for id, b := range raw {
		out[id] = b * scale
	}
	return out
}

// Closeness returns the Wasserman–Faust closeness and the harmonic
// centrality of every node, for distance 1/w of weight c.
func Closeness(g *graph.Graph, c graph.Counting) (closeness, harmonic []float64) {
	n := g.Len()
	closeness, harmonic = make([]float64, n), make([]float64, n)
	d := distances{g.Weighted(c)}
	for u := 0; u < n; u++ {
		sp := path.DijkstraFrom(d.Node(int64(u)), d)
		var sum, h float64
		reach := 0
		for v := 0; v < n; v++ {
			if v == u {
				continue
			}
			w := sp.WeightTo(int64(v))
			if math.IsInf(w, 1) {
				continue
			}
			reach++
			sum += w
			h += 1 / w
		}
		harmonic[u] = h
		if sum > 0 && n > 1 {
			r := float64(reach)
			closeness[u] = r / sum * r / float64(n-1)
		}
	}
	return closeness, harmonic
}

// distances presents a weighted view with edge length 1/w; edges of
// weight 0 are absent.
type distances struct {
	graph.Weighted
}

func (d distances) Weight(xid, yid int64) (float64, bool) {
	w, ok := d.Weighted.Weight(xid, yid)
	if !ok {
		return math.Inf(1), false
	}
	if xid == yid {
		return 0, true
	}
	if w <= 0 {
		return math.Inf(1), false
	}
	return 1 / w, true
}

func (d distances) From(id int64) gonum.Nodes {
	var ns []gonum.Node
	it := d.Weighted.From(id)
	for it.Next() {
		if w, ok := d.Weighted.Weight(id, it.Node().ID()); ok && w > 0 {
			ns = append(ns, it.Node())
		}
	}
	if len(ns) == 0 {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(ns)
}

func (d distances) WeightedEdge(uid, vid int64) gonum.WeightedEdge {
	w, ok := d.Weight(uid, vid)
	if !ok || uid == vid {
		return nil
	}
	e := d.Weighted.WeightedEdge(uid, vid)
	return weightedEdge{e, w}
}

func (d distances) Edge(uid, vid int64) gonum.Edge {
	if e := d.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

type weightedEdge struct {
	gonum.WeightedEdge
	w float64
}

func (e weightedEdge) Weight() float64 { return e.w }
