package drift

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestChangePoint: an exact tent 0,1,…,6,5,…,0 (13 points, peak at index
// 6) is fitted without error by the hinge at τ = 6 with slopes +1 and −1
// while a line is not, so F = +Inf and the break is significant; five
// points are too few (the package doc's minimum is 6).
func TestChangePoint(t *testing.T) {
	var tent []float64
	for i := 0; i <= 12; i++ {
		tent = append(tent, 6-math.Abs(float64(i-6)))
	}
	b := ChangePoint(tent)
	if !b.OK || b.Why != Fitted || b.Index != 6 || b.Peak != 6 || !b.Significant || !math.IsInf(b.F, 1) ||
		math.Abs(b.SlopeBefore-1) > 1e-9 || math.Abs(b.SlopeAfter+1) > 1e-9 {
		t.Errorf("tent: %+v", b)
	}
	if b := ChangePoint([]float64{1, 2, 3, 2, 1}); b.OK || b.Why != Short || b.Index != -1 || !math.IsNaN(b.F) || b.Peak != 2 {
		t.Errorf("five points: %+v", b)
	}
}

// TestChangePointHand checks F against a hand computation of the nested
// F test (package doc) on y = 0,0,0,1,2,4 at t = 0…5. With n = 6 the
// margins leave τ ∈ {2, 3}. Sums about the means (t̄ = 5/2, ȳ = 7/6):
// S_tt = 35/2, S_ty = 27/2, S_yy = 21 − 6·(7/6)² = 77/6, so the line
// leaves SSE_line = S_yy − S_ty²/S_tt = 77/6 − 729/70 = 254/105.
// τ = 2: h = 0,0,0,1,2,3, h̄ = 1, S_hh = 8, S_th = 11, S_hy = 10,
// det = S_tt·S_hh − S_th² = 19, β = (S_ty·S_hh − S_hy·S_th)/det = −2/19,
// γ = (S_hy·S_tt − S_ty·S_th)/det = 53/38, SSE = S_yy − β·S_ty − γ·S_hy
// = 35/114. τ = 3: h = 0,0,0,0,1,2, S_hh = 7/2, S_th = S_hy = 13/2,
// det = 19, β = 5/19, γ = 26/19, SSE = 22/57 = 44/114 > 35/114, so τ = 2
// wins and F = (254/105 − 35/114) / ((35/114)/3) = 25281/1225 ≈ 20.64,
// below 40; slope after = β + γ = 49/38. (The same fractions come from
// solving the normal equations with Python's fractions module.)
//
// The series is fitted as 1, 1, 1, 2, 3, 5: the same plus 1, which moves
// α only (residuals, F and slopes are unchanged) and gives each side of
// both candidate breaks two periods with a value (minSideValues).
func TestChangePointHand(t *testing.T) {
	b := ChangePoint([]float64{1, 1, 1, 2, 3, 5})
	near := func(got, want float64) bool { return math.Abs(got-want) < 1e-12*math.Max(1, math.Abs(want)) }
	if !b.OK || b.Index != 2 || b.Significant || !near(b.F, 25281.0/1225) ||
		!near(b.SlopeBefore, -2.0/19) || !near(b.SlopeAfter, 49.0/38) {
		t.Errorf("got %+v, want τ 2, F 25281/1225 = %.6f, slopes −2/19 and 49/38", b, 25281.0/1225)
	}
}

// TestChangePointDegenerate: series on which F is undefined get no fit
// and say why, instead of a number. An all-zero series of 14 periods (a
// pair with no paper together) used to give SSE_line = SSE_hinge = 0,
// floored to 1e-300, and F = (0 − 1e-300)/(1e-300/11) = −11.
func TestChangePointDegenerate(t *testing.T) {
	ramp := make([]float64, 14)
	for i := range ramp {
		ramp[i] = 0.1 + 0.3*float64(i) // not exact in binary: SSE_line is rounding, not 0
	}
	for _, c := range []struct {
		name string
		y    []float64
		want Why
	}{
		{"all zero", make([]float64, 14), Zero},
		{"constant", []float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, Constant},
		{"straight line", ramp, Linear},
		{"three points, fewer than the hinge's coefficients and τ", []float64{1, 5, 2}, Short},
		{"empty", nil, Short},
		// A pair whose only papers are in the last two of 14 years (US–SA
		// in a real Scopus export: F 139 before this rule) or in the
		// last three: no break has two periods with a value on each side.
		{"two papers at the end", append(make([]float64, 12), 0.033, 0.048), Sparse},
		{"three periods at the end", append(make([]float64, 10), 1, 1, 2), Sparse},
		{"three periods at the start", []float64{2, 1, 1, 0, 0, 0, 0, 0, 0, 0}, Sparse},
	} {
		b := ChangePoint(c.y)
		if b.OK || b.Why != c.want || b.Significant || !math.IsNaN(b.F) || b.Index != -1 {
			t.Errorf("%s: %+v, want no fit (%v)", c.name, b, c.want)
		}
		if b.Why.String() == "" {
			t.Errorf("%s: no reason in words", c.name)
		}
	}
}

// TestChangePointNonNegative: the hinge contains the line, so on any
// series F ≥ 0 (seeded random counts, some nearly flat).
func TestChangePointNonNegative(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		y := make([]float64, 6+r.IntN(20))
		for j := range y {
			y[j] = float64(r.IntN(1 + i%4))
		}
		if b := ChangePoint(y); b.OK && !(b.F >= 0) {
			t.Fatalf("%v: F = %v", y, b.F)
		}
	}
}
