package drift

import "math"

// A Break is the one-break change point of a series (package doc: the
// hinge model y = α + β·t + γ·max(0, t − τ) against one straight line).
type Break struct {
	// OK is false for series shorter than 6 periods (no fit).
	OK bool
	// Index is τ, the period after which the slope changes; Peak is the
	// index of the highest value, for comparison.
	Index, Peak int
	// F is (SSE_line − SSE_hinge) / (SSE_hinge / (n − 3)).
	F float64
	// Significant is F ≥ [Significant].
	Significant bool
	// SlopeBefore is β, SlopeAfter β + γ, per period.
	SlopeBefore, SlopeAfter float64
}

// ChangePoint fits the one-break hinge model to y (package doc) and
// reports the best break, significant or not. Cost O(n²).
func ChangePoint(y []float64) Break {
	b := Break{Index: -1, F: math.NaN(), SlopeBefore: math.NaN(), SlopeAfter: math.NaN()}
	for j := range y {
		if y[j] > y[max(0, b.Peak)] {
			b.Peak = j
		}
	}
	tau, beta, gamma, f, ok := hinge(y)
	if !ok {
		return b
	}
	b.OK, b.Index, b.F, b.Significant = true, tau, f, f >= Significant
	b.SlopeBefore, b.SlopeAfter = beta, beta+gamma
	return b
}
