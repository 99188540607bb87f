package report

import (
	"slices"
	"testing"
)

// TestPartialYearsRealExports runs the partial-year rule on the yearly
// paper counts of the repository's real exports, counted with
//
//	coauthnet convert --to jsonl -o x.jsonl testdata/real/DIR
//
// and the years of x.jsonl tallied (papers with a year; 2026-12-01).
// Which years are partial is known from the exports: scientopy-2017 was
// exported early in 2018, scientopy-2023 early in 2023 (and its 2022 is
// visibly half indexed: 60 papers after 111–131). The other exports end
// in complete years as far as their counts tell (wosanalysis's 2025:
// 133 papers after 106, 157, 224 is an ordinary dip; scientopy-2026
// was exported on 2026-04-02, but 3 papers after 3, 4 and 7 cannot be
// told from noise, which the report says).
func TestPartialYearsRealExports(t *testing.T) {
	type yc struct{ y, n int }
	exports := []struct {
		name   string
		counts []yc
		want   []int
	}{
		{"wos-plain-wosanalysis", []yc{{2014, 3}, {2015, 1}, {2016, 7}, {2017, 15}, {2018, 25}, {2019, 34}, {2020, 65}, {2021, 63}, {2022, 106}, {2023, 157}, {2024, 224}, {2025, 133}}, nil},
		{"wos-tab-scientopy-2023", []yc{{2001, 9}, {2002, 4}, {2003, 10}, {2004, 11}, {2005, 13}, {2006, 12}, {2007, 22}, {2008, 37}, {2009, 32}, {2010, 31}, {2011, 29}, {2012, 37}, {2013, 52}, {2014, 31}, {2015, 39}, {2016, 38}, {2017, 98}, {2018, 111}, {2019, 128}, {2020, 115}, {2021, 131}, {2022, 60}, {2023, 2}}, []int{2022, 2023}},
		{"scopus-csv-litstudy", []yc{{1989, 1}, {1999, 1}, {2001, 1}, {2003, 2}, {2005, 8}, {2006, 1}, {2007, 3}, {2008, 2}, {2010, 7}, {2011, 6}, {2012, 2}, {2013, 4}, {2014, 2}, {2015, 2}, {2016, 2}, {2017, 2}, {2018, 4}, {2019, 2}, {2021, 3}, {2022, 3}, {2023, 88}}, nil},
		{"openalex-jsonl-goopenalex", []yc{{1992, 1}, {2002, 3}, {2003, 2}, {2004, 5}, {2005, 1}, {2006, 3}, {2007, 3}, {2008, 12}, {2010, 4}, {2011, 2}, {2012, 1}, {2013, 2}, {2014, 1}, {2015, 4}, {2016, 6}, {2017, 3}, {2018, 22}, {2020, 2}}, nil},
		{"wos-tab-scientopy-2026", []yc{{2009, 3}, {2010, 1}, {2011, 1}, {2013, 8}, {2015, 6}, {2016, 2}, {2017, 4}, {2018, 8}, {2019, 8}, {2020, 7}, {2021, 6}, {2023, 3}, {2024, 4}, {2025, 7}, {2026, 3}}, nil},
		{"wos-plain-brunalab", []yc{{1995, 1}, {1996, 2}, {1999, 2}, {2000, 1}, {2002, 4}, {2003, 2}, {2004, 2}, {2005, 7}, {2006, 3}, {2007, 1}, {2008, 5}, {2009, 7}, {2010, 8}, {2011, 6}, {2012, 5}, {2013, 2}, {2014, 7}, {2016, 7}, {2017, 7}, {2018, 3}, {2019, 6}, {2020, 3}, {2021, 2}, {2022, 2}, {2023, 5}, {2024, 2}}, nil},
		{"wos-tab-scientopy-2017", []yc{{2011, 1}, {2012, 2}, {2013, 6}, {2014, 10}, {2015, 22}, {2016, 47}, {2017, 35}, {2018, 2}}, []int{2018}},
		{"wos-plain-wosfile", []yc{{2000, 3}, {2001, 1}, {2002, 1}, {2003, 4}, {2004, 2}, {2005, 5}, {2006, 6}, {2007, 3}, {2008, 6}, {2009, 6}, {2010, 7}, {2011, 3}, {2012, 2}, {2013, 1}}, nil},
	}
	for _, e := range exports {
		var ys, ns []int
		for _, c := range e.counts {
			ys, ns = append(ys, c.y), append(ns, c.n)
		}
		if got := PartialYears(ys, ns); !slices.Equal(got, e.want) {
			t.Errorf("%s: partial %v, want %v", e.name, got, e.want)
		}
		// No inner year meets the rule: judged as if it were the last.
		for end := 3; end < len(ys)-len(e.want)-1; end++ {
			if got := PartialYears(ys[:end+1], ns[:end+1]); len(got) > 0 {
				t.Errorf("%s: inner year %d judged partial (%v)", e.name, ys[end], got)
			}
		}
	}
}

// TestPoissonCDF: hand values. P(X ≤ 0 | 2) = e^-2 = 0.135335;
// P(X ≤ 3 | 7) = e^-7 (1 + 7 + 24.5 + 57.1667) = 0.081765.
func TestPoissonCDF(t *testing.T) {
	for _, c := range []struct {
		n    int
		mu   float64
		want float64
	}{{0, 2, 0.1353353}, {3, 7, 0.0817654}} {
		if got := poissonCDF(c.n, c.mu); got < c.want-1e-6 || got > c.want+1e-6 {
			t.Errorf("P(X ≤ %d | %g) = %g, want %g", c.n, c.mu, got, c.want)
		}
	}
}
