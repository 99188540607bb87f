package drift

import (
	"fmt"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// BenchmarkDrift: steps, edge trends (with change points) and one node's
// profile drift over the 20 yearly institution graphs of a 1M-paper
// generated corpus. Building the corpus and its series is setup, outside
// the timing.
func BenchmarkDrift(b *testing.B) {
	c := graph.NewCounter(graph.Options{Level: graph.Institutions})
	g := sample.New(sample.Config{Papers: 1_000_000, Seed: 7})
	for {
		p, ok := g.Next()
		if !ok {
			break
		}
		c.Add(&p)
	}
	s := c.Series()
	var gs []*graph.Graph
	edges := 0
	for _, gr := range s.All() {
		gs = append(gs, gr)
		edges += gr.NumEdges()
	}
	b.Run(fmt.Sprintf("years=%d/nodes=%d/yearly-edges=%d", len(gs), s.NumNodes(), edges), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Steps(gs, graph.BiFrac)
			Edges(gs, graph.BiFrac)
		}
	})
}
