package metrics

import (
	"math"

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

// PageRankOptions configure [PageRank]. The zero value means whole
// counting (graph.Full is the zero Counting: set Counting to graph.BiFrac
// for the fractional weights the command uses),
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
	el := edgeList(g, o.Counting)
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
		for i, w := range el.w {
			u, v := el.from[i], el.to[i]
			next[v] += d * x[u] * w / strength[u]
			next[u] += d * x[v] * w / strength[v]
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
	el := edgeList(g, c)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for it := 0; it < 10000; it++ {
		copy(next, x)
		for i, w := range el.w {
			u, v := el.from[i], el.to[i]
			next[v] += x[u] * w
			next[u] += x[v] * w
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

// Betweenness returns the exact normalised weighted betweenness of
// every node (package doc); see [Paths].
func Betweenness(g *graph.Graph, c graph.Counting) []float64 {
	b, _, _ := Paths(g, PathOptions{Counting: c})
	return b
}

// Closeness returns the Wasserman–Faust closeness and the harmonic
// centrality of every node, for distance 1/w of weight c; see [Paths].
func Closeness(g *graph.Graph, c graph.Counting) (closeness, harmonic []float64) {
	_, cl, hm := Paths(g, PathOptions{Counting: c})
	return cl, hm
}

// edges is a compact copy of a graph's edges of nonzero weight c, in
// the graph's edge order, for the iterative measures: the sums run in
// the same order as over g.Edges(), so the results are the same to the
// bit, with a fraction of the memory traffic.
type edges struct {
	from, to []int32
	w        []float64
}

func edgeList(g *graph.Graph, c graph.Counting) edges {
	var el edges
	for e := range g.Edges() {
		if w := e.W[c]; w != 0 {
			el.from = append(el.from, int32(e.From))
			el.to = append(el.to, int32(e.To))
			el.w = append(el.w, w)
		}
	}
	return el
}
