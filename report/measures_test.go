package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/report"
)

// TestReportMeasuresByLevel: without Options.Measures, nodes.csv has
// every measure at country level and only the cheap ones at institution
// level, where the page says so; Measures set decides at either level.
// Five years of the sample keep the institution case short.
func TestReportMeasuresByLevel(t *testing.T) {
	series := func(level graph.Level) *graph.Series {
		return sampleSeries(t, level, graph.Period{From: 2016, To: 2020})
	}
	for _, c := range []struct {
		level    graph.Level
		measures metrics.Measures
		want     metrics.Measures
		sentence bool
	}{
		{graph.Countries, 0, metrics.AllMeasures, false},
		{graph.Institutions, 0, metrics.DefaultMeasures, true},
		{graph.Institutions, 1 << metrics.MeasureBetweenness, 1 << metrics.MeasureBetweenness, false},
	} {
		d, err := report.Compute(series(c.level), report.Options{Countings: []graph.Counting{graph.BiFrac}, Measures: c.measures})
		if err != nil {
			t.Fatal(err)
		}
		cols := d.Tables["nodes.csv"].Columns
		for _, m := range metrics.Measures(metrics.AllMeasures).List() {
			if got, want := slices.Contains(cols, m.String()), c.want.Has(m); got != want {
				t.Errorf("%v, Measures %v: column %s present %v, want %v", c.level, c.measures, m, got, want)
			}
		}
		said := slices.ContainsFunc(d.Choices, func(s string) bool { return strings.HasPrefix(s, "Node measures at institution level") })
		if said != c.sentence {
			t.Errorf("%v, Measures %v: sentence on the page %v, want %v", c.level, c.measures, said, c.sentence)
		}
	}
}
