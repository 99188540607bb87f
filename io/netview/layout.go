package netview

import (
	"math"
	"math/rand/v2"
)

// A layoutGraph is the union graph the positions are computed on: n
// nodes and weighted edges, in a fixed order (every sum of forces is
// taken in that order, so the same graph gives the same positions).
type layoutGraph struct {
	n     int
	mass  []float64 // nil: all 1
	index map[[2]int]int
	edges []layoutEdge
}

type layoutEdge struct {
	u, v int
	w    float64
}

func newLayoutGraph(n int) *layoutGraph {
	return &layoutGraph{n: n, index: map[[2]int]int{}}
}

// add adds w to the weight of u–v (u ≠ v, w > 0; others are ignored).
func (lg *layoutGraph) add(u, v int, w float64) {
	if u == v || !(w > 0) {
		return
	}
	if u > v {
		u, v = v, u
	}
	if i, ok := lg.index[[2]int{u, v}]; ok {
		lg.edges[i].w += w
		return
	}
	lg.index[[2]int{u, v}] = len(lg.edges)
	lg.edges = append(lg.edges, layoutEdge{u, v, w})
}

// Layout constants (Fruchterman & Reingold 1991, with the ideal distance
// k = 1 and the initial temperature a tenth of the frame's side, as in
// their paper), checked on the sample (TestLayoutSample) and on planted
// clusters (TestLayoutSeparatesClusters).
const (
	iterations = 300
	// gravity pulls every node towards the centre with force gravity·d
	// (d its distance to the centre), so that an isolated node or a
	// small component settles about one frame's side away instead of
	// being pushed off indefinitely by the repulsion of the others.
	gravity = 0.5
	// extent is the side of the square the positions are scaled into.
	extent = 1000
)

// positions lays lg out with the force-directed algorithm of Fruchterman
// and Reingold (1991, doi:10.1002/spe.4380211102), weighted: an edge of
// weight w attracts its ends with force (w / max w)·d²/k; every pair
// repels with m_u·m_v·k²/d, m being lg.mass (1 by default: a heavier node
// keeps more room around it, as the degree-based repulsion of
// ForceAtlas2 does); and gravity·d pulls each node towards the centre.
// Each node moves by at most the temperature, which falls linearly from
// a tenth of the frame's side to 0 over the iterations, so the layout
// always settles. (gonum's Eades layout, tried first, diverged on the
// sample unless weights were scaled down, and then needed over a
// thousand updates for 300 institutions; gonum's Barnes-Hut
// approximation, tried for the repulsion, counts a node's own mass in
// the cells it approximates, which with unequal masses dragged the whole
// sample onto a line.)
//
// Initial positions are uniform in a square of side sqrt(n)·k, drawn from
// PCG seeded with seed. Positions are then scaled into [0, extent]² (one
// scale for both axes). The same graph and seed give the same positions.
//
// Cost: O(iterations · (n² + E)): 0.2–0.3 s for the sample's 371
// institutions and 13k edges (BenchmarkLayout, 2 shared cores); use
// Options.MaxNodes for larger graphs.
func positions(lg *layoutGraph, seed uint64) [][2]float64 {
	n := lg.n
	pos := make([][2]float64, n)
	if n == 0 {
		return pos
	}
	var maxW float64
	for _, e := range lg.edges {
		maxW = max(maxW, e.w)
	}
	mass := lg.mass
	if mass == nil {
		mass = make([]float64, n)
		for i := range mass {
			mass[i] = 1
		}
	}
	side := math.Sqrt(float64(n))
	rng := rand.New(rand.NewPCG(seed, seed))
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i] = rng.Float64()*side, rng.Float64()*side
	}
	dx, dy := make([]float64, n), make([]float64, n)
	t0 := side / 10
	for it := 0; it < iterations; it++ {
		for i := range dx {
			dx[i] = gravity * (side/2 - x[i])
			dy[i] = gravity * (side/2 - y[i])
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				vx, vy := x[i]-x[j], y[i]-y[j]
				d2 := vx*vx + vy*vy
				if d2 == 0 { // coincident: push apart along a fixed direction
					vx, vy, d2 = 1e-9, 0, 1e-18
				}
				f := mass[i] * mass[j] / d2 // k²/d along the unit vector
				dx[i] += f * vx
				dy[i] += f * vy
				dx[j] -= f * vx
				dy[j] -= f * vy
			}
		}
		for _, e := range lg.edges {
			vx, vy := x[e.v]-x[e.u], y[e.v]-y[e.u]
			f := e.w / maxW * math.Hypot(vx, vy) // w·d²/k along the unit vector
			dx[e.u] += f * vx
			dy[e.u] += f * vy
			dx[e.v] -= f * vx
			dy[e.v] -= f * vy
		}
		t := t0 * (1 - float64(it)/iterations)
		for i := range x {
			d := math.Hypot(dx[i], dy[i])
			if d == 0 || math.IsNaN(d) || math.IsInf(d, 0) {
				continue
			}
			s := min(d, t) / d
			x[i] += s * dx[i]
			y[i] += s * dy[i]
		}
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range x {
		minX, maxX = min(minX, x[i]), max(maxX, x[i])
		minY, maxY = min(minY, y[i]), max(maxY, y[i])
	}
	span := max(maxX-minX, maxY-minY)
	for i := range pos {
		if span > 0 {
			pos[i] = [2]float64{(x[i] - minX) / span * extent, (y[i] - minY) / span * extent}
		} else {
			pos[i] = [2]float64{extent / 2, extent / 2}
		}
	}
	return pos
}
