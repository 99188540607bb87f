package drift

import (
	"fmt"
	"math"
)

// A Break is the one-break change point of a series (package doc: the
// hinge model y = α + β·t + γ·max(0, t − τ) against one straight line).
type Break struct {
	// OK is false when the series cannot be fitted; Why says why.
	OK  bool
	Why Why
	// Index is τ, the period after which the slope changes; Peak is the
	// index of the highest value, for comparison.
	Index, Peak int
	// F is (SSE_line − SSE_hinge) / (SSE_hinge / (n − 3)), never
	// negative: 0 when the break explains nothing, +Inf when the hinge
	// fits every point and the line does not; NaN without a fit.
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
	tau, beta, gamma, f, why := hinge(y)
	if why != Fitted {
		b.Why = why
		return b
	}
	b.OK, b.Index, b.F, b.Significant = true, tau, f, f >= Significant
	b.SlopeBefore, b.SlopeAfter = beta, beta+gamma
	return b
}

// Why says why a series has no change point ([Break].Why).
type Why int

const (
	// Fitted: the hinge was fitted and F is a number.
	Fitted Why = iota
	// Short: fewer than [MinPeriods] periods, too few for the hinge's
	// three coefficients plus τ and the margins that keep τ interior.
	Short
	// Zero: every value is 0 (for a pair of nodes: no paper together).
	Zero
	// Constant: every value is the same, not 0.
	Constant
	// Linear: one straight line goes through every point, so SSE_line =
	// SSE_hinge = 0 and F would be 0/0.
	Linear
	// Sparse: no break has two periods with a value on each side (a pair
	// that starts or ends within the series with few papers).
	Sparse
)

// String describes the series, to follow "the series is" ("" for
// Fitted).
func (w Why) String() string {
	switch w {
	case Short:
		return fmt.Sprintf("shorter than %d periods", MinPeriods)
	case Zero:
		return "all zero"
	case Constant:
		return "constant"
	case Linear:
		return "a straight line"
	case Sparse:
		return "too sparse (no break has two periods with papers on each side)"
	}
	return ""
}
