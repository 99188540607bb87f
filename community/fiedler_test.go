package community

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// denseFiedler is the reference: the second-smallest eigenvalue of the
// dense normalised Laplacian from mat.EigenSym, whatever n is.
func denseFiedler(n int, from, to []int, w []float64) float64 {
	deg := make([]float64, n)
	for i, x := range w {
		deg[from[i]] += x
		deg[to[i]] += x
	}
	l := mat.NewSymDense(n, nil)
	for v := range n {
		l.SetSym(v, v, 1)
	}
	for i, x := range w {
		l.SetSym(from[i], to[i], l.At(from[i], to[i])-x/math.Sqrt(deg[from[i]]*deg[to[i]]))
	}
	var es mat.EigenSym
	if !es.Factorize(l, false) {
		panic("no factorisation")
	}
	return es.Values(nil)[1]
}

// randomGraph is a connected random graph on n nodes: a random spanning
// tree plus extra edges, weights in (0, 1] (intensities), or weights
// spanning orders of magnitude when wide.
func randomGraph(rng *rand.Rand, n, extra int, wide bool) (from, to []int, w []float64) {
	weight := func() float64 {
		if wide {
			return math.Pow(10, -3*rng.Float64())
		}
		return 1 - rng.Float64()
	}
	seen := map[[2]int]bool{}
	add := func(a, b int) {
		if a == b || seen[[2]int{min(a, b), max(a, b)}] {
			return
		}
		seen[[2]int{min(a, b), max(a, b)}] = true
		from, to, w = append(from, a), append(to, b), append(w, weight())
	}
	for v := 1; v < n; v++ {
		add(rng.IntN(v), v)
	}
	for range extra {
		add(rng.IntN(n), rng.IntN(n))
	}
	return from, to, w
}

// TestFiedlerLanczosMatchesDense: the Lanczos path agrees with the dense
// factorisation (the reference, whatever n) to 1e-10 on connected
// random graphs from sparse trees (small spectral gaps, slow Lanczos
// convergence) to dense ones, with narrow and wide weights, and on a
// path (the worst gap: λ₂ = 1 − cos(π/(n−1)) for the normalised
// Laplacian of a path with equal weights).
func TestFiedlerLanczosMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, c := range []struct {
		n, extra int
		wide     bool
	}{{201, 0, false}, {250, 50, true}, {300, 600, false}, {400, 4000, true}, {350, 10000, false}} {
		from, to, w := randomGraph(rng, c.n, c.extra, c.wide)
		want := denseFiedler(c.n, from, to, w)
		got, _ := fiedlerOf(c.n, from, to, w, nil, false)
		if math.Abs(got-want) > 1e-10 {
			t.Errorf("n %d, %d edges, wide %v: Lanczos %.15g, dense %.15g", c.n, len(w), c.wide, got, want)
		}
	}
	// Path of 250 equal weights: the normalised Laplacian's eigenvalues
	// are 1 − cos(πk/(n−1)), k = 0…n−1 (Chung, Spectral Graph Theory,
	// 1997, Example 1.4), so λ₂ = 1 − cos(π/249) ≈ 7.96e-5. Lanczos needs
	// many steps here: the gap to λ₃ is tiny.
	n := 250
	var from, to []int
	var w []float64
	for v := 1; v < n; v++ {
		from, to, w = append(from, v-1), append(to, v), append(w, 1)
	}
	want := 1 - math.Cos(math.Pi/float64(n-1))
	if got, _ := fiedlerOf(n, from, to, w, nil, false); math.Abs(got-want) > 1e-10 {
		t.Errorf("path of %d: Fiedler %.15g, want 1−cos(π/%d) = %.15g", n, got, n-1, want)
	}
}

// TestFiedlerDisconnected: two components (or an edge of weight 0
// between them) give exactly 0, at either size.
func TestFiedlerDisconnected(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{20, 500} {
		f1, t1, w1 := randomGraph(rng, n, 3*n, false)
		f2, t2, w2 := randomGraph(rng, n, 3*n, false)
		for i := range f2 {
			f1, t1, w1 = append(f1, f2[i]+n), append(t1, t2[i]+n), append(w1, w2[i])
		}
		// An edge of zero weight between them does not connect them.
		f1, t1, w1 = append(f1, 0), append(t1, n), append(w1, 0)
		if got, _ := fiedlerOf(2*n, f1, t1, w1, nil, false); got != 0 {
			t.Errorf("two components of %d nodes: Fiedler %v, want 0", n, got)
		}
		// The dense reference says the same, to rounding.
		if n <= 50 {
			if ref := denseFiedler(2*n, f1[:len(f1)-1], t1[:len(t1)-1], w1[:len(w1)-1]); math.Abs(ref) > 1e-12 {
				t.Errorf("dense reference %v, want 0", ref)
			}
		}
	}
}

// BenchmarkFiedler times the dense and the Lanczos path on connected
// random graphs of n nodes and 8n edges (the crossover for
// denseFiedlerNodes).
func BenchmarkFiedler(b *testing.B) {
	for _, n := range []int{100, 200, 400, 2000, 16000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		from, to, w := randomGraph(rng, n, 8*n, true)
		if n <= 2000 {
			b.Run("dense/n="+itoa(n), func(b *testing.B) {
				for b.Loop() {
					denseFiedler(n, from, to, w)
				}
			})
		}
		b.Run("lanczos/n="+itoa(n), func(b *testing.B) {
			deg := make([]float64, n)
			idx := make([]int, n)
			for i, x := range w {
				deg[from[i]] += x
				deg[to[i]] += x
			}
			for v := range idx {
				idx[v] = v
			}
			for b.Loop() {
				fiedlerLanczos(n, idx, deg, from, to, w, nil, false)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFiedlerWarmStart: Lanczos started from the Fiedler vector of the
// unperturbed graph (as the bootstrap does) gives the perturbed graph's
// value to 1e-10 of the dense reference; so does a useless start (all
// zero, or D^(1/2)·1 itself, which the iteration must replace).
func TestFiedlerWarmStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	n := 300
	from, to, w := randomGraph(rng, n, 900, true)
	_, vec := fiedlerOf(n, from, to, w, nil, true)
	if vec == nil {
		t.Fatal("no Fiedler vector from the Lanczos path")
	}
	deg := make([]float64, n)
	for i, x := range w {
		deg[from[i]] += x
		deg[to[i]] += x
	}
	sqrtDeg := make([]float64, n)
	for v := range sqrtDeg {
		sqrtDeg[v] = math.Sqrt(deg[v])
	}
	pw := make([]float64, len(w))
	for i, x := range w {
		pw[i] = x * (0.5 + rng.Float64()) // a perturbation like a replicate's
	}
	want := denseFiedler(n, from, to, pw)
	for name, start := range map[string][]float64{"warm": vec, "zero": make([]float64, n), "sqrt(d)": sqrtDeg} {
		if got, _ := fiedlerOf(n, from, to, pw, start, false); math.Abs(got-want) > 1e-10 {
			t.Errorf("%s start: %.15g, dense %.15g", name, got, want)
		}
	}
}
