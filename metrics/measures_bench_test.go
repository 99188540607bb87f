package metrics

import (
	"fmt"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/instgen"
)

// instGraphs are one year (2017) and the whole span of the default
// institution corpus of internal/instgen (about 16.7k nodes and 100k
// edges; 52k nodes and 1.09M edges), as in community's benchmarks.
var instGraphs = sync.OnceValues(func() (year, span *graph.Graph) {
	s := graph.Yearly(instgen.Papers(instgen.Config{}), graph.Options{Level: graph.Institutions})
	return s.At(2017), s.Range(s.Span())
})

// BenchmarkMeasures times each cheap measure on the whole-span
// institution graph.
func BenchmarkMeasures(b *testing.B) {
	_, g := instGraphs()
	for _, m := range []Measure{MeasureDegree, MeasureStrength, MeasureEigenvector, MeasurePageRank} {
		b.Run(fmt.Sprintf("span/%s", m), func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				Nodes(g, NodeOptions{Counting: graph.BiFrac, Measures: 1 << m})
			}
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkBetweennessWorkers times betweenness from 512 seeded pivots
// on one year's institution graph with 1 and 2 workers (the output is
// identical: TestPathsWorkersIdentical). Exact betweenness is this ×
// n/512 ≈ 33×. cpu-s/op is the process's CPU time per operation: equal
// for both when the work is split without overhead, so that on a shared
// machine wall time over CPU time shows how many cores the run got.
func BenchmarkBetweennessWorkers(b *testing.B) {
	g, _ := instGraphs()
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("year/pivots=512/workers=%d", w), func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				Paths(g, PathOptions{Counting: graph.BiFrac, Pivots: 512, Seed: 1, Workers: w})
			}
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
