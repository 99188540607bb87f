package report

import (
	"math"
	"slices"
)

// Partial-year rule (see [PartialYears]).
const (
	// PartialRatio: a trailing year is partial when its paper count is
	// below this fraction of the median of the three years before it.
	PartialRatio = 0.5
	// PartialP: ... and when so few papers would be that unlikely for
	// a complete year: P(X ≤ n) < PartialP for X ~ Poisson(median).
	PartialP = 0.01
)

// PartialYears returns the trailing years of a corpus that are only
// partly indexed (an export made during the year, a database that has
// not caught up): years counted from the last backwards, each with n
// papers, while
//
//	n < PartialRatio · m  and  P(X ≤ n | X ~ Poisson(m)) < PartialP,
//
// m being the median paper count of the three years before it (among
// the years given and not yet found partial). Both conditions are
// needed: the ratio alone flags the noise of small corpora (3 papers
// after a median of 7 happens by chance: P = 0.08), the Poisson test
// alone flags ordinary dips of large ones (133 after a median of 157:
// P = 0.03, a ratio of 0.85). Years need three years before them to be
// judged; only trailing years are judged, since a full year in the
// middle of a series is complete by construction.
//
// Validation (TestPartialYearsRealExports): on the yearly counts of the
// repository's real exports (testdata/real), the rule flags exactly the
// last years of exports whose last years are visibly cut (2018 with 2
// papers after 22–47; 2022 with 60 after 115–131 and 2023 with 2), and
// no year inside any series meets both conditions (the smallest P among
// inner years below half their median is 0.062).
//
// years must be ascending and papers[i] the count of years[i].
func PartialYears(years, papers []int) []int {
	var partial []int
	for end := len(years) - 1; end >= 3; end-- {
		prev := []int{papers[end-1], papers[end-2], papers[end-3]}
		slices.Sort(prev)
		m := float64(prev[1])
		n := papers[end]
		if !(float64(n) < PartialRatio*m && poissonCDF(n, m) < PartialP) {
			break
		}
		partial = append(partial, years[end])
	}
	slices.Reverse(partial)
	return partial
}

// poissonCDF is P(X ≤ n) for X ~ Poisson(mu), summed in log space.
func poissonCDF(n int, mu float64) float64 {
	if mu <= 0 {
		return 1
	}
	s := 0.0
	for k := 0; k <= n; k++ {
		lg, _ := math.Lgamma(float64(k + 1))
		s += math.Exp(float64(k)*math.Log(mu) - mu - lg)
	}
	return math.Min(s, 1)
}
