package netview

import (
	"math"
	"math/rand/v2"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
)

// layoutGraph is the union graph the positions are computed on, as a
// gonum graph.Weighted whose Nodes and From iterate in index order: the
// Eades layout sums forces in iteration order and draws the initial
// positions in node order, so a map-backed gonum graph (simple.*) would
// give different positions on each run.
//
// Node n (one past the last real node) is a hub joined to every node
// with weight gravity: it pulls every component towards the centre, so
// that nodes without edges and small components do not drift away
// under the global repulsion (Eades' model has no gravity of its own).
type layoutGraph struct {
	n       int
	adj     []map[int]float64 // real nodes only
	nbrs    [][]int           // ascending, with the hub last
	gravity float64
}

func newLayoutGraph(n int, gravity float64) *layoutGraph {
	lg := &layoutGraph{n: n, adj: make([]map[int]float64, n), gravity: gravity}
	for i := range lg.adj {
		lg.adj[i] = map[int]float64{}
	}
	return lg
}

// add adds w to the weight of u–v.
func (lg *layoutGraph) add(u, v int, w float64) {
	if u == v || w <= 0 {
		return
	}
	lg.adj[u][v] += w
	lg.adj[v][u] += w
}

// seal divides every weight by the largest node strength and sorts the
// neighbour lists; call it once after the last add.
func (lg *layoutGraph) seal() {
	var top float64
	for _, m := range lg.adj {
		var s float64
		for _, w := range m {
			s += w
		}
		top = max(top, s)
	}
	if top > 0 {
		for _, m := range lg.adj {
			for v := range m {
				m[v] /= top
			}
		}
	}
	lg.nbrs = make([][]int, lg.n+1)
	for u := 0; u < lg.n; u++ {
		for v := 0; v < lg.n; v++ { // ascending without a sort
			if _, ok := lg.adj[u][v]; ok {
				lg.nbrs[u] = append(lg.nbrs[u], v)
			}
		}
		lg.nbrs[u] = append(lg.nbrs[u], lg.n)
		lg.nbrs[lg.n] = append(lg.nbrs[lg.n], u)
	}
}

func (lg *layoutGraph) valid(id int64) bool { return id >= 0 && id <= int64(lg.n) }

func (lg *layoutGraph) Node(id int64) gonum.Node {
	if !lg.valid(id) {
		return nil
	}
	return simple.Node(id)
}

func (lg *layoutGraph) nodes(ids []int) gonum.Nodes {
	ns := make([]gonum.Node, len(ids))
	for i, v := range ids {
		ns[i] = simple.Node(v)
	}
	return iterator.NewOrderedNodes(ns)
}

func (lg *layoutGraph) Nodes() gonum.Nodes {
	ids := make([]int, lg.n+1)
	for i := range ids {
		ids[i] = i
	}
	return lg.nodes(ids)
}

func (lg *layoutGraph) From(id int64) gonum.Nodes {
	if !lg.valid(id) {
		return gonum.Empty
	}
	return lg.nodes(lg.nbrs[id])
}

func (lg *layoutGraph) HasEdgeBetween(x, y int64) bool {
	_, ok := lg.Weight(x, y)
	return ok && x != y
}

func (lg *layoutGraph) Edge(u, v int64) gonum.Edge { return lg.WeightedEdge(u, v) }

func (lg *layoutGraph) WeightedEdge(u, v int64) gonum.WeightedEdge {
	w, ok := lg.Weight(u, v)
	if !ok || u == v {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: w}
}

func (lg *layoutGraph) Weight(x, y int64) (float64, bool) {
	if !lg.valid(x) || !lg.valid(y) {
		return 0, false
	}
	if x == y {
		return 0, true
	}
	if x == int64(lg.n) || y == int64(lg.n) {
		return lg.gravity, true
	}
	w, ok := lg.adj[x][int(y)]
	return w, ok
}

// Layout constants. The view is drawn by cytoscape.js with its preset
// layout, which scales the positions to the canvas ("fit"), so only the
// shape matters. Eades' attraction on a node is Σ w·log(d)·(unit
// vector)·d over its edges: with raw weights (hundreds of papers) one
// gradient step overshoots and the layout diverges (seen on the sample:
// coordinates of 1e259 after 100 updates). Weights are therefore divided
// by the largest node strength Σ_v w(u,v), which bounds each node's total
// attraction coefficient by 1; repulsion 1, rate 0.1 and θ 0.2 are
// gonum's own example and test values. The optimisation stops when no
// node moved by more than settle × the drawing's span in one update
// (TestLayoutSettles), or after maxUpdates.
const (
	layoutRate  = 0.1
	layoutTheta = 0.2
	settle      = 1e-3
	minUpdates  = 50
	maxUpdates  = 3000
	// gravity is the weight of each node's tie to the hub, relative to
	// the largest strength (1).
	gravity = 0.05
	// extent is the side of the square the positions are scaled into.
	extent = 1000
)

// positions returns a position for each of n nodes of lg (already
// sealed), scaled into [0, extent]², computed with gonum's Eades layout
// from a PCG source seeded with seed. The same graph and seed give the
// same positions on every platform that rounds float64 as IEEE 754 does.
// It also returns the number of updates made.
func positions(lg *layoutGraph, seed uint64) ([][2]float64, int) {
	pos := make([][2]float64, lg.n)
	if lg.n == 0 {
		return pos, 0
	}
	eades := layout.EadesR2{Repulsion: 1, Rate: layoutRate, Updates: maxUpdates, Theta: layoutTheta, Src: rand.NewPCG(seed, seed)}
	opt := layout.NewOptimizerR2(lg, eades.Update)
	prev := make([][2]float64, lg.n)
	updates := 0
	for opt.Update() {
		updates++
		var moved float64
		minX, minY := math.Inf(1), math.Inf(1)
		maxX, maxY := math.Inf(-1), math.Inf(-1)
		for i := range pos {
			c := opt.Coord2(int64(i))
			moved = max(moved, math.Hypot(c.X-prev[i][0], c.Y-prev[i][1]))
			prev[i] = [2]float64{c.X, c.Y}
			minX, maxX = min(minX, c.X), max(maxX, c.X)
			minY, maxY = min(minY, c.Y), max(maxY, c.Y)
		}
		if updates >= minUpdates && moved <= settle*max(maxX-minX, maxY-minY) {
			break
		}
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range pos {
		c := opt.Coord2(int64(i))
		pos[i] = [2]float64{c.X, c.Y}
		minX, maxX = min(minX, c.X), max(maxX, c.X)
		minY, maxY = min(minY, c.Y), max(maxY, c.Y)
	}
	// One scale for both axes keeps the shape.
	span := max(maxX-minX, maxY-minY)
	for i := range pos {
		if span > 0 && !math.IsNaN(span) && !math.IsInf(span, 0) {
			pos[i][0] = (pos[i][0] - minX) / span * extent
			pos[i][1] = (pos[i][1] - minY) / span * extent
		} else {
			pos[i] = [2]float64{extent / 2, extent / 2}
		}
	}
	return pos, updates
}
