package summary

import (
	"strings"
	"testing"
	"time"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
)

// TestMeasureCosts: costs are summed per measure group over the graphs,
// in the order first noted; the bound line names the largest bound's
// pivots and nodes; nothing noted is no line.
func TestMeasureCosts(t *testing.T) {
	var c MeasureCosts
	if c.Lines() != nil {
		t.Fatal("lines before any note")
	}
	g := graph.Build(nil, graph.Options{}) // an empty graph: Len 0
	paths := metrics.Measures(1<<metrics.MeasureBetweenness | 1<<metrics.MeasureCloseness)
	deg := metrics.Measures(1 << metrics.MeasureDegree)
	c.Note(g, &metrics.NodeValues{Costs: []metrics.Cost{{Measures: deg, Time: 500 * time.Millisecond}}})
	c.Note(g, &metrics.NodeValues{Costs: []metrics.Cost{{Measures: paths, Time: 2 * time.Second}, {Measures: deg, Time: 250 * time.Millisecond}}, Samples: 100, Bound: 0.136})
	c.Note(g, &metrics.NodeValues{Samples: 50, Bound: 0.1}) // smaller bound: not reported
	// 0.5 s + 0.25 s = 0.75 s for degree; 2 s for the path measures.
	want := "measure costs: degree 0.75 s, betweenness,closeness 2 s\n" +
		"betweenness estimated from 100 pivot sources (seed 1): each value within ±0.136 of the exact one with probability 0.95 (Hoeffding; 0 nodes)"
	if got := strings.Join(c.Lines(), "\n"); got != want {
		t.Errorf("lines:\n%s\nwant:\n%s", got, want)
	}
}
