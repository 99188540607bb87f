package community

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/coauthnet/coauthnet/graph"
)

// Indices are the bifurcation indices of one year for a two-bloc
// partition: side A is the focal pole and its partners, side B the rival
// pole and its competitors; hedgers belong to neither. How to read them:
// a split into two camps shows as rising Modularity and falling
// CrossShare and EI over the years, a falling Fiedler value (the graph
// is closer to falling apart), and hedgers' leans spreading out.
type Indices struct {
	Year int
	// Modularity is Q (bifrac, resolution 1) of the partition {A, B} on
	// the edges among A ∪ B.
	Modularity float64
	// CrossShare is the bifrac weight of A–B edges over that of all edges
	// among A ∪ B.
	CrossShare float64
	// EI is Krackhardt's E–I index (E − I)/(E + I), with E the weight
	// between and I within the two sides (doi:10.2307/2786655); it equals
	// 2·CrossShare − 1.
	EI float64
	// Fiedler is the second-smallest eigenvalue of the normalised
	// Laplacian I − D^{-1/2} W D^{-1/2} of the year's graph with the
	// collaboration intensity as W (nodes with at least one edge).
	Fiedler float64
	// HedgerLeanMean and HedgerLeanSD summarise the leans
	// ln(I(X,P)/I(X,Q)) of the hedgers that collaborate with both poles
	// that year (population standard deviation).
	HedgerLeanMean, HedgerLeanSD float64
}

// Bifurcation returns the indices of every year of s in which both poles
// are present, and a note for each year left out. bloc gives "partner"
// or "competitor" for node keys; every other node but the poles is a
// hedger.
func Bifurcation(s *graph.Series, focal, rival string, bloc map[string]string) ([]Indices, []string) {
	var out []Indices
	var notes []string
	for y, g := range s.All() {
		_, okP := g.Index(focal)
		_, okQ := g.Index(rival)
		if !okP || !okQ {
			missing := focal
			if okP {
				missing = rival
			}
			notes = append(notes, fmt.Sprintf("%d: %s has no papers; year left out", y, missing))
			continue
		}
		side := make([]int, g.Len()) // 0 neither, 1 A, 2 B
		for v := 0; v < g.Len(); v++ {
			switch k := g.Label(v); {
			case k == focal || bloc[k] == "partner":
				side[v] = 1
			case k == rival || bloc[k] == "competitor":
				side[v] = 2
			}
		}
		var within, between float64
		for e := range g.Edges() {
			a, b := side[e.From], side[e.To]
			if a == 0 || b == 0 {
				continue
			}
			if a == b {
				within += e.W[graph.BiFrac]
			} else {
				between += e.W[graph.BiFrac]
			}
		}
		if within+between == 0 {
			notes = append(notes, fmt.Sprintf("%d: no collaboration among the two blocs; year left out", y))
			continue
		}
		ix := Indices{Year: y, CrossShare: between / (within + between), EI: (between - within) / (between + within)}
		// Modularity on the edges among A ∪ B; other nodes are isolated
		// singletons there and add nothing to Q.
		sub := g.Filter(func(i int) bool { e := g.Edge(i); return side[e.From] != 0 && side[e.To] != 0 })
		labels := make([]int, g.Len())
		for v := range labels {
			labels[v] = side[v]
			if side[v] == 0 {
				labels[v] = 3 + v
			}
		}
		ix.Modularity = FromLabels(sub, labels, graph.BiFrac).Modularity()
		ix.Fiedler = fiedler(g)
		var leans []float64
		for v := 0; v < g.Len(); v++ {
			if k := g.Label(v); side[v] == 0 && k != focal && k != rival {
				a, b := Intensity(g, k, focal), Intensity(g, k, rival)
				if a > 0 && b > 0 {
					leans = append(leans, math.Log(a/b))
				}
			}
		}
		ix.HedgerLeanMean, ix.HedgerLeanSD = meanSD(leans)
		out = append(out, ix)
	}
	return out, notes
}

// fiedler returns the second-smallest eigenvalue of the normalised
// Laplacian of g weighted by intensity, over the nodes with an edge of
// positive intensity; NaN when fewer than two such nodes.
func fiedler(g *graph.Graph) float64 {
	w := make([]float64, g.NumEdges())
	deg := make([]float64, g.Len())
	for i := range w {
		e := g.Edge(i)
		d := math.Sqrt(g.Node(e.From).Output * g.Node(e.To).Output)
		if d > 0 {
			w[i] = e.W[graph.BiFrac] / d
		}
		deg[e.From] += w[i]
		deg[e.To] += w[i]
	}
	idx := make([]int, g.Len())
	n := 0
	for v := range idx {
		idx[v] = -1
		if deg[v] > 0 {
			idx[v] = n
			n++
		}
	}
	if n < 2 {
		return math.NaN()
	}
	l := mat.NewSymDense(n, nil)
	for v := range idx {
		if idx[v] >= 0 {
			l.SetSym(idx[v], idx[v], 1)
		}
	}
	for i, x := range w {
		if x == 0 {
			continue
		}
		e := g.Edge(i)
		l.SetSym(idx[e.From], idx[e.To], -x/math.Sqrt(deg[e.From]*deg[e.To]))
	}
	var es mat.EigenSym
	if !es.Factorize(l, false) {
		return math.NaN()
	}
	return es.Values(nil)[1] // ascending
}

func meanSD(xs []float64) (mean, sd float64) {
	if len(xs) == 0 {
		return math.NaN(), math.NaN()
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}
