// Package drift measures how a co-authorship network changes from one
// period to the next (years, windows or two named periods): per graph,
// per edge and per node. It is its own package, not part of metrics,
// because it works on series of graphs rather than one graph, and the
// command combines it with community stability; it imports only graph.
//
// # Steps (consecutive periods a → b)
//
//   - weighted Jaccard similarity of the edge weights,
//     J = Σ_e min(w_a, w_b) / Σ_e max(w_a, w_b) over the union of edges
//     (1: identical, 0: disjoint); drift is 1 − J;
//   - total weight change Σ w_b − Σ w_a, edges gained and lost.
//
// # Edges over the whole series
//
//   - peak period: the period of the highest weight;
//   - one-break change point: the hinge model y = α + β·t + γ·max(0, t − τ)
//     fitted by least squares for every interior τ, keeping the best;
//     with τ at least 15% of the series from either end, keeping the
//     best; slope before β, after β + γ. It is reported as significant
//     when F = (SSE_line − SSE_hinge) / (SSE_hinge / (n − 3)) ≥ 40, where
//     SSE_line is the residual sum of squares of one straight line. The
//     search over τ inflates F (Andrews 1993, doi:10.2307/2951764), and
//     counts are not normal: on 630 edges of six stationary corpora (20
//     years, 4000 papers a year among 15 countries) the 99th percentile
//     of F was 13.4 and the largest 32.3, so 40 lets no edge of a corpus
//     without change pass, while the planted CN–US peak of the sample
//     gives F ≈ 60. Series shorter than 6 periods get no change point,
//     nor do series where F is undefined: all zero (for an edge: no
//     paper together), constant, or exactly one straight line (both
//     residual sums are 0). F is never negative: the hinge contains the
//     line, so SSE_hinge ≤ SSE_line. A break is tried only where each
//     side has at least two periods with a value (a slope needs two
//     points): the calibration above is of edges with papers every
//     year, and a pair whose two or three papers fall in the last years
//     made a "break" of zeros followed by a jump (F 139 for two papers
//     of a real Scopus export); such series are too sparse (Why Sparse).
//
// # Nodes
//
//   - partner-profile drift: 1 − cosine similarity of the node's vectors
//     of partner shares (w(A,X)/Σ_X w(A,X)) in two periods; 0 when the
//     node keeps the same mix of partners, 1 when it has none in common.
package drift

import (
	"math"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
)

// Significant is the F statistic above which a change point is
// reported (package doc).
const Significant = 40

// A Step compares two consecutive periods.
type Step struct {
	From, To    graph.Period
	Jaccard     float64 // weighted Jaccard similarity of edge weights
	WeightFrom  float64 // Σ weights in From
	WeightTo    float64 // Σ weights in To
	EdgesGained int     // edges in To, not in From
	EdgesLost   int     // edges in From, not in To
}

// WeightChange is WeightTo − WeightFrom.
func (s Step) WeightChange() float64 { return s.WeightTo - s.WeightFrom }

// An EdgeTrend summarises one edge over the series.
type EdgeTrend struct {
	Source, Target string
	Weights        []float64 // per period, 0 when absent
	Peak           int       // index of the period with the highest weight
	ChangePoint    int       // index of the break τ, or −1 when not significant
	// PeakPeriod and ChangePeriod are the periods (years, for yearly
	// graphs) that Peak and ChangePoint index: what a user reads.
	// ChangePeriod is the zero Period without a significant change point.
	PeakPeriod, ChangePeriod graph.Period
	SlopeBefore              float64 // per period; NaN without a change point
	SlopeAfter               float64
	F                        float64 // the statistic of the package doc; NaN without a fit (Break.Why)
}

// Change is the last weight minus the first.
func (e EdgeTrend) Change() float64 { return e.Weights[len(e.Weights)-1] - e.Weights[0] }

type key struct{ a, b string }

func weights(g *graph.Graph, c graph.Counting) map[key]float64 {
	m := make(map[key]float64, g.NumEdges())
	for e := range g.Edges() {
		m[key{g.Label(e.From), g.Label(e.To)}] = e.W[c]
	}
	return m
}

// Steps compares every pair of consecutive graphs.
func Steps(gs []*graph.Graph, c graph.Counting) []Step {
	var out []Step
	for i := 1; i < len(gs); i++ {
		a, b := weights(gs[i-1], c), weights(gs[i], c)
		st := Step{From: gs[i-1].Period(), To: gs[i].Period()}
		var num, den float64
		// Sums in key order: the same bits on every run.
		for _, k := range sortedKeys(a) {
			wa := a[k]
			wb, ok := b[k]
			if !ok {
				st.EdgesLost++
			}
			num += math.Min(wa, wb)
			den += math.Max(wa, wb)
			st.WeightFrom += wa
		}
		for _, k := range sortedKeys(b) {
			wb := b[k]
			if _, ok := a[k]; !ok {
				st.EdgesGained++
				den += wb
			}
			st.WeightTo += wb
		}
		st.Jaccard = math.NaN()
		if den > 0 {
			st.Jaccard = num / den
		}
		out = append(out, st)
	}
	return out
}

// Edges returns the trend of every edge that appears in any graph, in
// key order, with its weight c in every period.
func Edges(gs []*graph.Graph, c graph.Counting) []EdgeTrend {
	all := map[key][]float64{}
	for i, g := range gs {
		for k, w := range weights(g, c) {
			if all[k] == nil {
				all[k] = make([]float64, len(gs))
			}
			all[k][i] = w
		}
	}
	keys := sortedKeys(all)
	out := make([]EdgeTrend, len(keys))
	for i, k := range keys {
		ws := all[k]
		e := EdgeTrend{Source: k.a, Target: k.b, Weights: ws, ChangePoint: -1, SlopeBefore: math.NaN(), SlopeAfter: math.NaN(), F: math.NaN()}
		for j := range ws {
			if ws[j] > ws[e.Peak] {
				e.Peak = j
			}
		}
		if tau, b, c, f, why := hinge(ws); why == Fitted {
			e.F = f
			if f >= Significant {
				e.ChangePoint, e.SlopeBefore, e.SlopeAfter = tau, b, b+c
				e.ChangePeriod = gs[tau].Period()
			}
		}
		e.PeakPeriod = gs[e.Peak].Period()
		out[i] = e
	}
	return out
}

// MinPeriods is the shortest series that gets a change point (package
// doc): 2 margin points on either side of an interior τ.
const MinPeriods = 6

// minSideValues is the fewest periods with a value (not 0) on each side
// of a break: a slope needs two points, and a side of zeros is the
// absence of the pair, not a trend.
const minSideValues = 2

// exact is the share of Σ(y − ȳ)² under which a residual sum of squares
// counts as 0: far above the rounding error of the sums (about
// (n·2⁻⁵²)² of it for n periods), far below any residual of real counts.
const exact = 1e-12

// hinge fits y = α + β·t + γ·max(0, t − τ) for τ at least 15% of the
// series (and 2 points) from either end, and returns the best τ, β, γ
// and the F statistic against a straight line, the usual F test of a
// nested linear model with one more coefficient (γ) and n − 3 residual
// degrees of freedom at the chosen τ (the per-τ statistic whose supremum
// is Andrews' sup-F, doi:10.2307/2951764). Series that no line-or-hinge
// statistic can describe get no fit: too short, all zero, constant,
// exactly a straight line (F = 0/0), or too sparse: a break is tried
// only where each side has at least two periods with a value
// (minSideValues), so a pair whose few papers fall in the last (or
// first) years gets no change point, however large the F of zeros
// followed by a jump would be. The hinge nests the line, so
// SSE_hinge ≤ SSE_line and F ≥ 0 (rounding is clamped); an exact hinge
// (SSE_hinge = 0 < SSE_line) gives F = +Inf.
func hinge(y []float64) (tau int, beta, gamma, f float64, why Why) {
	n := len(y)
	if n < MinPeriods {
		return 0, 0, 0, 0, Short
	}
	if !slices.ContainsFunc(y, func(v float64) bool { return v != y[0] }) {
		if y[0] == 0 {
			return 0, 0, 0, 0, Zero
		}
		return 0, 0, 0, 0, Constant
	}
	t := make([]float64, n)
	var my float64
	for i := range t {
		t[i] = float64(i)
		my += y[i]
	}
	my /= float64(n)
	var tss float64
	for _, v := range y {
		tss += (v - my) * (v - my)
	}
	sseLine := sse(t, y)
	if sseLine <= exact*tss {
		return 0, 0, 0, 0, Linear
	}
	best := math.Inf(1)
	lo := max(2, int(math.Ceil(0.15*float64(n))))
	// nonzero[i] counts the periods with a value among y[:i].
	nonzero := make([]int, n+1)
	for i, v := range y {
		nonzero[i+1] = nonzero[i]
		if v != 0 {
			nonzero[i+1]++
		}
	}
	for k := lo; k <= n-1-lo; k++ {
		// Each slope is estimated from at least two periods with a value
		// (minSideValues) on its side, t ≤ k and t > k: with fewer, the
		// "break" is a pair starting or ending, which the zeros around
		// it make fit a hinge however few its papers.
		if nonzero[k+1] < minSideValues || nonzero[n]-nonzero[k+1] < minSideValues {
			continue
		}
		h := make([]float64, n)
		for i := range h {
			h[i] = math.Max(0, t[i]-float64(k))
		}
		s, b, g := fit3(t, h, y)
		if s < best {
			best, tau, beta, gamma = s, k, b, g
		}
	}
	switch {
	case math.IsInf(best, 1):
		return 0, 0, 0, 0, Sparse
	case best <= exact*tss:
		f = math.Inf(1)
	case best >= sseLine:
		f = 0
	default:
		f = (sseLine - best) / (best / float64(n-3))
	}
	return tau, beta, gamma, f, Fitted
}

// sse returns the residual sum of squares of the least-squares line.
func sse(t, y []float64) float64 {
	n := float64(len(t))
	var mt, my float64
	for i := range t {
		mt += t[i]
		my += y[i]
	}
	mt /= n
	my /= n
	var stt, sty float64
	for i := range t {
		stt += (t[i] - mt) * (t[i] - mt)
		sty += (t[i] - mt) * (y[i] - my)
	}
	b := sty / stt
	var s float64
	for i := range t {
		r := y[i] - (my + b*(t[i]-mt))
		s += r * r
	}
	return s
}

// fit3 fits y ≈ α + β·t + γ·h by least squares (normal equations,
// centred) and returns the residual sum of squares, β and γ.
func fit3(t, h, y []float64) (s, beta, gamma float64) {
	n := float64(len(t))
	var mt, mh, my float64
	for i := range t {
		mt += t[i]
		mh += h[i]
		my += y[i]
	}
	mt, mh, my = mt/n, mh/n, my/n
	var stt, shh, sth, sty, shy float64
	for i := range t {
		dt, dh, dy := t[i]-mt, h[i]-mh, y[i]-my
		stt += dt * dt
		shh += dh * dh
		sth += dt * dh
		sty += dt * dy
		shy += dh * dy
	}
	det := stt*shh - sth*sth
	if det == 0 {
		return math.Inf(1), 0, 0
	}
	beta = (sty*shh - shy*sth) / det
	gamma = (shy*stt - sty*sth) / det
	for i := range t {
		r := y[i] - my - beta*(t[i]-mt) - gamma*(h[i]-mh)
		s += r * r
	}
	return s, beta, gamma
}

// ProfileDrift returns 1 − cosine similarity of node key's partner-share
// vectors in graphs a and b (weight c), and whether the node has partners
// in both.
func ProfileDrift(a, b *graph.Graph, node string, c graph.Counting) (float64, bool) {
	sa, sb := shares(a, node, c), shares(b, node, c)
	if sa == nil || sb == nil {
		return math.NaN(), false
	}
	var dot, na, nb float64
	for _, k := range sortedStrings(sa) {
		dot += sa[k] * sb[k]
		na += sa[k] * sa[k]
	}
	for _, k := range sortedStrings(sb) {
		nb += sb[k] * sb[k]
	}
	if na == 0 || nb == 0 {
		return math.NaN(), false
	}
	return 1 - dot/math.Sqrt(na*nb), true
}

func shares(g *graph.Graph, node string, c graph.Counting) map[string]float64 {
	v, ok := g.Index(node)
	if !ok {
		return nil
	}
	m := map[string]float64{}
	var sum float64
	for u, w := range g.From(v) { // neighbours in index order
		m[g.Label(u)] = w[c]
		sum += w[c]
	}
	if sum == 0 {
		return nil
	}
	for k := range m {
		m[k] /= sum
	}
	return m
}

func sortedKeys[V any](m map[key]V) []key {
	ks := make([]key, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(x, y key) int {
		if x.a != y.a {
			return strings.Compare(x.a, y.a)
		}
		return strings.Compare(x.b, y.b)
	})
	return ks
}

func sortedStrings(m map[string]float64) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// An EdgeStep is one edge's change between two consecutive periods.
type EdgeStep struct {
	From, To       graph.Period
	Source, Target string
	WeightFrom     float64 // 0 when the edge is new
	WeightTo       float64 // 0 when the edge is lost
}

// Change is WeightTo − WeightFrom.
func (e EdgeStep) Change() float64 { return e.WeightTo - e.WeightFrom }

// Relative is Change / WeightFrom (NaN for a new edge).
func (e EdgeStep) Relative() float64 {
	if e.WeightFrom == 0 {
		return math.NaN()
	}
	return e.Change() / e.WeightFrom
}

// LogRatio is ln(WeightTo / WeightFrom) (NaN for a new or lost edge, or
// a weight of 0).
func (e EdgeStep) LogRatio() float64 {
	if e.WeightFrom <= 0 || e.WeightTo <= 0 {
		return math.NaN()
	}
	return math.Log(e.WeightTo / e.WeightFrom)
}

// Status is "new", "lost" or "kept".
func (e EdgeStep) Status() string {
	switch {
	case e.WeightFrom == 0 && e.WeightTo != 0:
		return "new"
	case e.WeightTo == 0 && e.WeightFrom != 0:
		return "lost"
	}
	return "kept"
}

// EdgeSteps returns, for every pair of consecutive graphs, the change of
// every edge present in either, in key order. An edge present with
// weight 0 (a dual-affiliation-only link) counts as present.
func EdgeSteps(gs []*graph.Graph, c graph.Counting) []EdgeStep {
	var out []EdgeStep
	for i := 1; i < len(gs); i++ {
		a, b := weights(gs[i-1], c), weights(gs[i], c)
		union := map[key]bool{}
		for k := range a {
			union[k] = true
		}
		for k := range b {
			union[k] = true
		}
		for _, k := range sortedKeys(union) {
			out = append(out, EdgeStep{From: gs[i-1].Period(), To: gs[i].Period(), Source: k.a, Target: k.b, WeightFrom: a[k], WeightTo: b[k]})
		}
	}
	return out
}
