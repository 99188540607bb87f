package drift

import (
	"math"
	"testing"
)

// TestChangePoint: an exact tent 0,1,…,6,5,…,0 (13 points, peak at index
// 6) is fitted without error by the hinge at τ = 6 with slopes +1 and −1,
// so F is as large as it gets and the break is significant; a straight
// line has SSE_line = SSE_hinge = 0 and F = 0 (not significant); five
// points are too few (the package doc's minimum is 6).
func TestChangePoint(t *testing.T) {
	var tent []float64
	for i := 0; i <= 12; i++ {
		tent = append(tent, 6-math.Abs(float64(i-6)))
	}
	b := ChangePoint(tent)
	if !b.OK || b.Index != 6 || b.Peak != 6 || !b.Significant || math.Abs(b.SlopeBefore-1) > 1e-9 || math.Abs(b.SlopeAfter+1) > 1e-9 {
		t.Errorf("tent: %+v", b)
	}
	line := []float64{1, 2, 3, 4, 5, 6, 7, 8}
	if b := ChangePoint(line); !b.OK || b.Significant || b.F > 1e-9 || b.Peak != 7 {
		t.Errorf("line: %+v", b)
	}
	if b := ChangePoint([]float64{1, 2, 3, 2, 1}); b.OK || b.Index != -1 || !math.IsNaN(b.F) || b.Peak != 2 {
		t.Errorf("five points: %+v", b)
	}
}
