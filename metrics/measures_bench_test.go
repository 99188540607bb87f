package metrics

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

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

// BenchmarkBetweennessSpeedup runs betweenness from 256 pivots on one
// year's institution graph with 1 worker and then 2, alternately in each
// iteration (so both see the same machine load), checks the results are
// identical, and reports the smallest wall time of each and their ratio.
// As a control, each iteration also times a loop of pure arithmetic run
// once on one goroutine and split over two (control-speedup): when that
// is near 1, the machine is not giving this process two cores, whatever
// the code. Run it with -benchtime 10x or more: on a shared machine the
// smallest times come from the moments it was quiet.
func BenchmarkBetweennessSpeedup(b *testing.B) {
	g, _ := instGraphs()
	best := [2]time.Duration{time.Hour, time.Hour}
	ctl := [2]time.Duration{time.Hour, time.Hour}
	for b.Loop() {
		var out [2][]float64
		for i, w := range []int{1, 2} {
			t := time.Now()
			out[i], _, _ = Paths(g, PathOptions{Counting: graph.BiFrac, Pivots: 256, Seed: 1, Workers: w})
			best[i] = min(best[i], time.Since(t))
			t = time.Now()
			var wg sync.WaitGroup
			sums := make([]float64, w)
			for k := range w {
				wg.Add(1)
				go func() { defer wg.Done(); sums[k] = spin(500_000_000 / w) }()
			}
			wg.Wait()
			ctl[i] = min(ctl[i], time.Since(t))
		}
		if !slices.Equal(out[0], out[1]) {
			b.Fatal("1 and 2 workers differ")
		}
	}
	b.ReportMetric(best[0].Seconds(), "1worker-s")
	b.ReportMetric(best[1].Seconds(), "2workers-s")
	b.ReportMetric(best[0].Seconds()/best[1].Seconds(), "speedup")
	b.ReportMetric(ctl[0].Seconds()/ctl[1].Seconds(), "control-speedup")
}

// spin is n steps of arithmetic with no memory traffic.
func spin(n int) float64 {
	x := 0.0
	for i := 0; i < n; i++ {
		x += float64(i%7) * 1e-9
	}
	return x
}
