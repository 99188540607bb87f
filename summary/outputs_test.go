package summary

import (
	"errors"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/tables"
)

// twoAuthors is a paper of year by one author in country a and one in b.
func twoAuthors(id string, year int, a, b string) *coauthnet.Paper {
	p := &coauthnet.Paper{ID: id, Year: year}
	for i, c := range []string{a, b} {
		p.Authors = append(p.Authors, coauthnet.Author{Name: id + string(rune('a'+i)), Affiliations: []coauthnet.Affiliation{{Country: c}}})
	}
	return p
}

// TestWrote: the build line names the graph (graph.Graph.String) and
// its files, "-" as standard output; the dynamic line counts the yearly
// graphs and spans the first to the last.
func TestWrote(t *testing.T) {
	c := graph.NewCounter(graph.Options{})
	c.Add(twoAuthors("1", 2019, "CN", "US"))
	c.Add(twoAuthors("2", 2020, "CN", "DE"))
	c.Add(twoAuthors("3", 2021, "US", "DE"))
	s := c.Series()
	g19, g20, g21 := s.At(2019), s.At(2020), s.At(2021)
	for _, tc := range []struct {
		gs      []*graph.Graph
		files   []string
		dynamic bool
		want    string
	}{
		// 2019: one paper CN–US, so 2 nodes and 1 edge.
		{[]*graph.Graph{g19}, []string{"-"}, false, "country graph 2019: 2 nodes, 1 edges → standard output"},
		{[]*graph.Graph{g20}, []string{"g.net", "g.clu"}, false, "country graph 2020: 2 nodes, 1 edges → g.net, g.clu"},
		{[]*graph.Graph{g19, g20, g21}, []string{"g.gexf"}, true, "3 yearly graphs 2019-2021 → g.gexf (dynamic GEXF)"},
		// One year, still a dynamic file: the span is that year twice.
		{[]*graph.Graph{g21}, []string{"-"}, true, "1 yearly graphs 2021-2021 → standard output (dynamic GEXF)"},
	} {
		var b strings.Builder
		Wrote(&b, tc.dynamic)(tc.gs, tc.files)
		if got, want := b.String(), "coauthnet: "+tc.want+"\n"; got != want {
			t.Errorf("Wrote(%v)(%v):\n got %q\nwant %q", tc.dynamic, tc.files, got, want)
		}
	}
}

// TestLeftOut: the field and the error, on one line.
func TestLeftOut(t *testing.T) {
	var b strings.Builder
	LeftOut(&b)("Plant Sciences", errors.New("--focal CN: no edges in any period"))
	if got, want := b.String(), "coauthnet: field Plant Sciences: --focal CN: no edges in any period (left out)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDrift: the periods compared, the first and the last, and the F of
// a significant change point (drift.Significant, 40).
func TestDrift(t *testing.T) {
	d := &tables.DriftTables{Periods: []graph.Period{{From: 2005, To: 2009}, {From: 2010, To: 2014}, {From: 2015, To: 2019}}}
	if got, want := Drift(d), "3 periods from 2005-2009 to 2015-2019; change points need F ≥ 40 (see package drift)"; got != want {
		t.Errorf("Drift:\n got %s\nwant %s", got, want)
	}
}

// TestWeights: distance 1/weight is named only when a shortest-path
// measure (betweenness, closeness, harmonic) is computed.
func TestWeights(t *testing.T) {
	for _, tc := range []struct {
		ms   metrics.Measures
		want string
	}{
		{metrics.DefaultMeasures, "measures use weight bifrac"},
		{0, "measures use weight bifrac"}, // the default, as DefaultMeasures
		{metrics.AllMeasures, "measures use weight bifrac; betweenness, closeness and harmonic use distance 1/bifrac"},
		{1 << metrics.MeasureHarmonic, "measures use weight bifrac; betweenness, closeness and harmonic use distance 1/bifrac"},
		{1<<metrics.MeasureDegree | 1<<metrics.MeasurePageRank, "measures use weight bifrac"},
	} {
		if got := Weights(graph.BiFrac, tc.ms); got != tc.want {
			t.Errorf("Weights(bifrac, %v) = %q, want %q", tc.ms, got, tc.want)
		}
	}
}
