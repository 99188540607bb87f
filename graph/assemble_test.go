package graph

import (
	"strings"
	"testing"
)

// TestAssembleRoundTrip takes the worked example of docs/DESIGN.md section 11
// apart year by year (Series.Table, Series.Labels) and assembles it
// again: every graph of the result, for each year and for 2019-2020,
// equals the original's, weights bit for bit (nothing is recomputed).
func TestAssembleRoundTrip(t *testing.T) {
	s := Yearly(workedExample(), Options{})
	var years []YearTable
	for _, y := range s.Years() {
		years = append(years, s.Table(y))
	}
	// Given in another order, edges reversed: Assemble sorts.
	years[0], years[1] = years[1], years[0]
	e := &years[0].Edges[0]
	e.Source, e.Target, e.Lead = e.Target, e.Source, [2]float64{e.Lead[1], e.Lead[0]}
	a, err := Assemble(s.Level(), s.Stats(), s.Labels(), years)
	if err != nil {
		t.Fatal(err)
	}
	if a.Stats() != s.Stats() {
		t.Errorf("stats %+v, want %+v", a.Stats(), s.Stats())
	}
	for _, p := range []Period{Year(2019), Year(2020), {2019, 2020}} {
		g, w := a.Range(p), s.Range(p)
		if g.Len() != w.Len() || g.NumEdges() != w.NumEdges() || g.Papers() != w.Papers() {
			t.Fatalf("%s: %v, want %v", p, g, w)
		}
		for v := range w.Len() {
			if g.Label(v) != w.Label(v) || g.Name(v) != w.Name(v) || g.Country(v) != w.Country(v) || g.Node(v) != w.Node(v) {
				t.Errorf("%s node %d: %s %+v, want %s %+v", p, v, g.Label(v), g.Node(v), w.Label(v), w.Node(v))
			}
		}
		for i := range w.NumEdges() {
			if g.Edge(i) != w.Edge(i) {
				t.Errorf("%s edge %d: %+v, want %+v", p, i, g.Edge(i), w.Edge(i))
			}
		}
	}
}

func TestAssembleErrors(t *testing.T) {
	labels := []Label{{"CN", "China", "CN"}, {"US", "United States", "US"}}
	node := func(k string) NodeRow { return NodeRow{Key: k, W: NodeWeights{Papers: 1}} }
	edge := func(a, b string) EdgeRow { return EdgeRow{Source: a, Target: b, W: Weights{Full: 1}} }
	for _, tc := range []struct {
		labels []Label
		years  []YearTable
		want   string
	}{
		{append(labels, Label{Key: "CN"}), nil, `node "CN" labelled twice`},
		{labels, []YearTable{{Year: 2019}, {Year: 2019}}, "year 2019 given twice"},
		{labels, []YearTable{{Year: 2019, Nodes: []NodeRow{node("DE")}}}, `node "DE" has no label`},
		{labels, []YearTable{{Year: 2019, Nodes: []NodeRow{node("CN"), node("CN")}}}, `node "CN" given twice`},
		{labels, []YearTable{{Year: 2019, Edges: []EdgeRow{edge("CN", "CN")}}}, "joins CN to itself"},
		{labels, []YearTable{{Year: 2019, Edges: []EdgeRow{edge("CN", "US"), edge("US", "CN")}}}, "edge CN-US given twice"},
		{labels, []YearTable{{Year: 2019, Edges: []EdgeRow{edge("CN", "DE")}}}, "node without a label"},
	} {
		_, err := Assemble(Countries, Stats{}, tc.labels, tc.years)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v", tc.want, err)
		}
	}
}
