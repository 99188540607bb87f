package report

import (
	"context"
	"math"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/load"
)

// TestMinChangePointYears: the page's "too few years for a change
// point (at least drift.MinPeriods)" is drift.Edges' own rule: on
// drift.MinPeriods − 1 years of the sample no edge gets an F
// statistic (the hinge is not fitted), on drift.MinPeriods years
// the CN–US edge does.
func TestMinChangePointYears(t *testing.T) {
	c := graph.NewCounter(graph.Options{Level: graph.Countries, Years: graph.Period{From: 2005, To: 2004 + drift.MinPeriods}})
	if _, err := load.Papers(context.Background(), nil, load.Options{Sample: true, Need: load.Countries},
		func(p *coauthnet.Paper) error { c.Add(p); return nil }); err != nil {
		t.Fatal(err)
	}
	s := c.Series()
	var gs []*graph.Graph
	for _, y := range s.Years() {
		gs = append(gs, s.At(y))
	}
	if len(gs) != drift.MinPeriods {
		t.Fatalf("%d years", len(gs))
	}
	f := func(gs []*graph.Graph) float64 {
		for _, e := range drift.Edges(gs, graph.BiFrac) {
			if e.Source == "CN" && e.Target == "US" {
				return e.F
			}
		}
		t.Fatal("no CN–US edge")
		return 0
	}
	if x := f(gs[1:]); !math.IsNaN(x) {
		t.Errorf("%d years: F = %g; want no fit (NaN)", len(gs)-1, x)
	}
	if x := f(gs); math.IsNaN(x) {
		t.Errorf("%d years: no fit; want an F", len(gs))
	}
}
