package community

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack"
	lapackgonum "gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/mat"

	"github.com/coauthnet/coauthnet/graph"
)

// fiedler returns the second-smallest eigenvalue of the normalised
// Laplacian of g weighted by intensity, over the nodes with an edge of
// positive intensity; NaN when fewer than two such nodes.
func fiedler(g *graph.Graph) float64 {
	var from, to []int
	var w []float64
	for e := range g.Edges() {
		from, to = append(from, e.From), append(to, e.To)
		x := 0.0
		if d := math.Sqrt(g.Node(e.From).Output * g.Node(e.To).Output); d > 0 {
			x = e.W[graph.BiFrac] / d
		}
		w = append(w, x)
	}
	f, _ := fiedlerOf(g.Len(), from, to, w, nil, false)
	return f
}

// denseFiedlerNodes is the largest node count whose Fiedler value is
// taken from a dense eigendecomposition (mat.EigenSym, O(n³) time,
// O(n²) memory); larger graphs use Lanczos iteration on the sparse
// matrix (fiedlerLanczos, O(k·(m + k·n)) for k steps). Both agree to
// 1e-10 (TestFiedlerLanczosMatchesDense); the crossover was measured
// with BenchmarkFiedler (BENCHMARKS.md): at and below it the dense
// factorisation is the faster of the two.
const denseFiedlerNodes = 200

// fiedlerOf is fiedler on n0 nodes and the edges from[i]–to[i] of
// weight w[i] ≥ 0 (no self-loops). On the Lanczos path and with
// wantVector it also returns the Fiedler vector of D^(−1/2) W D^(−1/2) by node (0 for nodes of
// degree 0), which a later call on a perturbed graph may pass as start
// (nil: a fixed pseudo-random start). A start close to the answer needs
// fewer steps; the value does not depend on it beyond the 1e-12
// convergence bound.
//
// The normalised Laplacian is L = I − D^(−1/2) W D^(−1/2) over the n
// nodes of positive degree. Its smallest eigenvalue is 0 with the
// eigenvector D^(1/2)·1 on each connected component, so the Fiedler
// value is exactly 0 when those nodes are disconnected (no
// factorisation is needed then); otherwise it is the second-smallest
// eigenvalue, from a dense factorisation when n ≤ denseFiedlerNodes,
// else from Lanczos iteration.
func fiedlerOf(n0 int, from, to []int, w []float64, start []float64, wantVector bool) (float64, []float64) {
	deg := make([]float64, n0)
	for i, x := range w {
		deg[from[i]] += x
		deg[to[i]] += x
	}
	idx := make([]int, n0)
	n := 0
	for v := range idx {
		idx[v] = -1
		if deg[v] > 0 {
			idx[v] = n
			n++
		}
	}
	if n < 2 {
		return math.NaN(), nil
	}
	if !connected(n, idx, from, to, w) {
		return 0, nil
	}
	if n > denseFiedlerNodes {
		return fiedlerLanczos(n, idx, deg, from, to, w, start, wantVector)
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
		u, v := from[i], to[i]
		l.SetSym(idx[u], idx[v], -x/math.Sqrt(deg[u]*deg[v]))
	}
	var es mat.EigenSym
	if !es.Factorize(l, false) {
		return math.NaN(), nil
	}
	return es.Values(nil)[1], nil // ascending
}

// connected reports whether the n nodes idx[v] ≥ 0 are connected by
// the edges of positive weight (union–find with path halving, O(m·α)).
func connected(n int, idx, from, to []int, w []float64) bool {
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	parts := n
	for i, x := range w {
		if x <= 0 {
			continue
		}
		a, b := find(int32(idx[from[i]])), find(int32(idx[to[i]]))
		if a != b {
			parent[a] = b
			parts--
		}
	}
	return parts == 1
}

// lanczosSteps bounds the Lanczos steps of fiedlerLanczos; it keeps
// every Lanczos vector (full reorthogonalisation), so memory is
// O(lanczosSteps · n).
const lanczosSteps = 600

// fiedlerLanczos returns 1 − μ₂ for the connected graph of n nodes,
// where μ₂ is the second-largest eigenvalue of M = D^(−1/2) W D^(−1/2)
// (so 1 − μ₂ is the Fiedler value of L = I − M). The largest eigenvalue
// of M is 1 with the known eigenvector u ∝ D^(1/2)·1; Lanczos iteration
// (Golub & Van Loan, Matrix Computations, 4th ed., §10.1) on M
// restricted to u's orthogonal complement, with full
// reorthogonalisation, converges to μ₂ from below as its largest Ritz
// value θ. It stops when the residual bound |β_k·s_k| (which bounds
// |θ − μ| for an eigenvalue μ of M) is below 1e-12, when the Krylov
// space is exhausted (β_k ≈ 0: θ is then exact), or after lanczosSteps
// steps, when the result is NaN rather than an unconverged value. The
// start vector is drawn from a fixed seed: the result is deterministic.
// Cost O(k·(m + k·n)) for k steps and m edges.
func fiedlerLanczos(n int, idx []int, deg []float64, from, to []int, w []float64, start0 []float64, wantVector bool) (float64, []float64) {
	// M in compressed sparse rows, both directions.
	start := make([]int, n+1)
	for i, x := range w {
		if x != 0 {
			start[idx[from[i]]+1]++
			start[idx[to[i]]+1]++
		}
	}
	for v := range n {
		start[v+1] += start[v]
	}
	col := make([]int32, start[n])
	val := make([]float64, start[n])
	next := append([]int(nil), start[:n]...)
	for i, x := range w {
		if x == 0 {
			continue
		}
		u, v := from[i], to[i]
		m := x / math.Sqrt(deg[u]*deg[v])
		a, b := idx[u], idx[v]
		col[next[a]], val[next[a]] = int32(b), m
		next[a]++
		col[next[b]], val[next[b]] = int32(a), m
		next[b]++
	}
	mul := func(dst, x []float64) {
		for v := range n {
			s := 0.0
			for k := start[v]; k < start[v+1]; k++ {
				s += val[k] * x[col[k]]
			}
			dst[v] = s
		}
	}
	u := make([]float64, n)
	for v0, v := range idx {
		if v >= 0 {
			u[v] = math.Sqrt(deg[v0])
		}
	}
	floats.Scale(1/floats.Norm(u, 2), u)
	orth := func(z []float64, basis [][]float64) {
		// Twice is enough (Giraud et al. 2005) for orthogonality to
		// working precision.
		for range 2 {
			floats.AddScaled(z, -floats.Dot(u, z), u)
			for _, q := range basis {
				floats.AddScaled(z, -floats.Dot(q, z), q)
			}
		}
	}
	q := make([]float64, n)
	if start0 != nil {
		for v0, v := range idx {
			if v >= 0 {
				q[v] = start0[v0]
			}
		}
		orth(q, nil)
	}
	if nq := floats.Norm(q, 2); nq < 1e-8 {
		// No start, or one (nearly) inside span(u).
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range q {
			q[i] = rng.Float64() - 0.5
		}
		orth(q, nil)
	}
	floats.Scale(1/floats.Norm(q, 2), q)
	var basis [][]float64
	var alpha, beta []float64
	maxSteps := min(n-1, lanczosSteps)
	var impl lapackgonum.Implementation
	// Convergence is checked at steps growing by an eighth: the checks
	// cost O(k²) each, O(k³) in all.
	check := 10
	for k := 1; k <= maxSteps; k++ {
		basis = append(basis, q)
		z := make([]float64, n)
		mul(z, q)
		a := floats.Dot(q, z)
		alpha = append(alpha, a)
		orth(z, basis)
		b := floats.Norm(z, 2)
		exhausted := b < 1e-14 || k == maxSteps && k == n-1
		if exhausted || k == check || k == maxSteps {
			check = max(k+5, k+k/8)
			theta, last, ok := ritzLargest(impl, alpha, beta)
			if !ok {
				return math.NaN(), nil
			}
			if exhausted || math.Abs(b)*last < 1e-12 {
				if !wantVector {
					return 1 - theta, nil
				}
				return 1 - theta, ritzVector(impl, alpha, beta, basis, idx)
			}
		}
		beta = append(beta, b)
		floats.Scale(1/b, z)
		q = z
	}
	return math.NaN(), nil
}

// ritzVector is the Ritz vector V·s of the largest Ritz value of the
// tridiagonal (alpha, beta) and Lanczos basis V, by original node (0 for
// nodes without an index); nil when the tridiagonal eigenproblem fails.
// O(k³ + k·n), once per call of fiedlerLanczos.
func ritzVector(impl lapackgonum.Implementation, alpha, beta []float64, basis [][]float64, idx []int) []float64 {
	k := len(alpha)
	d := append([]float64(nil), alpha...)
	e := append([]float64(nil), beta...)
	s := make([]float64, k*k)
	if !impl.Dsteqr(lapack.EVTridiag, k, d, e, s, k, make([]float64, max(1, 2*k-2))) {
		return nil
	}
	y := make([]float64, len(basis[0]))
	for j, q := range basis {
		floats.AddScaled(y, s[j*k+k-1], q) // column k−1: the largest
	}
	out := make([]float64, len(idx))
	for v0, v := range idx {
		if v >= 0 {
			out[v0] = y[v]
		}
	}
	return out
}

// ritzLargest returns the largest eigenvalue θ of the symmetric
// tridiagonal T_k with diagonal alpha and off-diagonal beta (k =
// len(alpha), len(beta) = k−1), and |s_k|, the magnitude of the last
// component of its unit eigenvector, from the eigenvalues θ_i of T_k and
// θ'_i of T_(k−1) alone (Dsterf, O(k²)):
//
//	s_k² = Π_i (θ − θ'_i) / Π_(i≠k) (θ − θ_i)
//
// (Paige 1971; Parlett, The Symmetric Eigenvalue Problem, 1998, §7.9),
// in logarithms against overflow. |β_k·s_k| is Lanczos' residual bound.
// When θ equals an eigenvalue of T_(k−1) to working precision, s_k is
// 0 (converged); when it is a double eigenvalue of T_k the quotient is
// 0/0 and |s_k| is reported as 1 (not converged, keep iterating).
func ritzLargest(impl lapackgonum.Implementation, alpha, beta []float64) (theta, last float64, ok bool) {
	k := len(alpha)
	d := append([]float64(nil), alpha...)
	e := append([]float64(nil), beta...)
	if !impl.Dsterf(k, d, e) {
		return 0, 0, false
	}
	theta = d[k-1] // ascending
	if k == 1 {
		return theta, 1, true
	}
	d1 := append([]float64(nil), alpha[:k-1]...)
	e1 := append([]float64(nil), beta[:k-2]...)
	if !impl.Dsterf(k-1, d1, e1) {
		return 0, 0, false
	}
	logS := 0.0
	for i := range k - 1 {
		num, den := theta-d1[i], theta-d[i]
		switch {
		case num <= 0:
			// θ is also an eigenvalue of T_(k−1) to working
			// precision (θ'_i ≤ θ by interlacing): s_k = 0.
			return theta, 0, true
		case den <= 0:
			return theta, 1, true
		}
		logS += math.Log(num) - math.Log(den)
	}
	return theta, math.Min(1, math.Exp(logS/2)), true
}
