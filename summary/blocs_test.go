package summary_test

import (
	"math"
	"slices"
	"testing"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/summary"
)

// TestBlocsNotDefined: an index without a value in any year is one
// line saying so, not "NaN (≤ 2019) → NaN (after)".
func TestBlocsNotDefined(t *testing.T) {
	nan := math.NaN()
	bi := &community.BifurcationResult{Split: 2019, Trends: []community.Trend{
		{Index: "modularity", Before: nan, After: nan, Change: nan, Low: nan, High: nan, Verdict: community.NotDefined},
		{Index: "fiedler", Before: 0.5, After: 0.25, Change: -0.25, Low: -0.5, High: 0.1, Verdict: "flat within noise", YearsB: 2, YearsA: 2},
	}}
	lines := summary.Blocs(&community.Blocs{Focal: "CN", Rival: "US"}, bi)
	for _, want := range []string{"modularity: not defined in any year", "fiedler: 0.5 (≤ 2019) → 0.25 (after), change -0.25 [-0.5, +0.1]: flat within noise"} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in\n%q", want, lines)
		}
	}
}
