package metrics

import (
	"math"
	"slices"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/instgen"
)

func TestParseMeasures(t *testing.T) {
	for in, want := range map[string]Measures{
		"":                     DefaultMeasures,
		"default":              DefaultMeasures,
		"all":                  AllMeasures,
		"pagerank":             1 << MeasurePageRank,
		" PageRank , strength": 1<<MeasurePageRank | 1<<MeasureStrength,
		"betweenness,default":  DefaultMeasures | 1<<MeasureBetweenness,
		"harmonic,closeness":   1<<MeasureHarmonic | 1<<MeasureCloseness,
	} {
		got, err := ParseMeasures(in)
		if err != nil || got != want {
			t.Errorf("ParseMeasures(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseMeasures("pagerank,katz"); err == nil {
		t.Error(`ParseMeasures("pagerank,katz"): no error`)
	}
	// Column order, whatever the order asked.
	s, _ := ParseMeasures("pagerank,degree,betweenness")
	if got := s.String(); got != "degree,betweenness,pagerank" {
		t.Errorf("String() = %q", got)
	}
}

// TestNodesOnlyAsked: Nodes computes the measures asked for, equal to
// the single-measure functions, and leaves the others nil.
func TestNodesOnlyAsked(t *testing.T) {
	g := randomGraph(120, 800, graph.Institutions, 3)
	v := Nodes(g, NodeOptions{Counting: graph.BiFrac, Measures: 1<<MeasurePageRank | 1<<MeasureCloseness})
	if v.Degree != nil || v.Strength != nil || v.Betweenness != nil || v.Harmonic != nil || v.Eigenvector != nil {
		t.Error("measures not asked for were computed")
	}
	if !slices.Equal(v.PageRank, PageRank(g, PageRankOptions{Counting: graph.BiFrac})) {
		t.Error("pagerank differs from PageRank")
	}
	_, cl, _ := Paths(g, PathOptions{Counting: graph.BiFrac})
	if !slices.Equal(v.Closeness, cl) {
		t.Error("closeness differs from Paths")
	}
	if len(v.Costs) != 2 || v.Costs[0].Measures != 1<<MeasureCloseness || v.Costs[1].Measures != 1<<MeasurePageRank {
		t.Errorf("costs %+v: want one for closeness, then one for pagerank", v.Costs)
	}
	all := Nodes(g, NodeOptions{Counting: graph.BiFrac, Measures: AllMeasures})
	bt, _, hm := Paths(g, PathOptions{Counting: graph.BiFrac})
	if !slices.Equal(all.Degree, Degree(g)) || !slices.Equal(all.Betweenness, bt) || !slices.Equal(all.Harmonic, hm) ||
		!slices.Equal(all.Eigenvector, Eigenvector(g, graph.BiFrac)) || !slices.Equal(all.Strength, Strength(g, graph.BiFrac)) {
		t.Error("all measures: a value differs from its function")
	}
	if d := Nodes(g, NodeOptions{Counting: graph.BiFrac}); d.Measures != DefaultMeasures || d.Betweenness != nil {
		t.Error("zero Measures is not the default set")
	}
}

// instGraph is a 1500-paper instgen corpus over its whole span: about
// 900 institutions: many blocks of sourceBlock sources.
func instGraph(t testing.TB) *graph.Graph {
	t.Helper()
	s := graph.Yearly(instgen.Papers(instgen.Config{Papers: 1500, Institutions: 1200, Regions: 10}), graph.Options{Level: graph.Institutions})
	return s.Range(s.Span())
}

// TestPathsWorkersIdentical: betweenness, closeness and harmonic are
// bit-identical for 1, 2 and 3 workers (the sum order is fixed by
// source blocks, not by workers).
func TestPathsWorkersIdentical(t *testing.T) {
	g := instGraph(t)
	if g.Len() <= 2*sourceBlock {
		t.Fatalf("graph of %d nodes: want several source blocks", g.Len())
	}
	b1, c1, h1 := Paths(g, PathOptions{Counting: graph.BiFrac, Workers: 1})
	for _, w := range []int{2, 3} {
		b, c, h := Paths(g, PathOptions{Counting: graph.BiFrac, Workers: w})
		if !slices.Equal(b, b1) || !slices.Equal(c, c1) || !slices.Equal(h, h1) {
			t.Errorf("%d workers: result differs from 1 worker", w)
		}
	}
	bs1, _, _ := Paths(g, PathOptions{Counting: graph.BiFrac, Workers: 1, Pivots: 700, Seed: 3})
	bs2, _, _ := Paths(g, PathOptions{Counting: graph.BiFrac, Workers: 2, Pivots: 700, Seed: 3})
	if !slices.Equal(bs1, bs2) {
		t.Error("sampled betweenness: 2 workers differ from 1")
	}
}

// TestSampledWithinBound: the pivot estimate of every node is within
// BetweennessBound(n, k, 0.05/n) of the exact value (the bound holds for
// all nodes at once with probability ≥ 0.95; the seed is fixed, so this
// test is deterministic). Its mean error is far below the bound, which
// is a worst case.
func TestSampledWithinBound(t *testing.T) {
	g := instGraph(t)
	n := g.Len()
	exact, _, _ := Paths(g, PathOptions{Counting: graph.BiFrac})
	for _, k := range []int{50, 200, 600} {
		est, cl, _ := Paths(g, PathOptions{Counting: graph.BiFrac, Pivots: k, Seed: 1})
		bound := BetweennessBound(n, k, 0.05/float64(n))
		var worst, sumErr float64
		for v := range exact {
			e := math.Abs(est[v] - exact[v])
			worst = max(worst, e)
			sumErr += e
		}
		if worst > bound {
			t.Errorf("k=%d: largest error %.3g > bound %.3g", k, worst, bound)
		}
		if !math.IsNaN(cl[0]) {
			t.Errorf("k=%d: closeness computed from a sample", k)
		}
		t.Logf("k=%d of n=%d: largest error %.3g, mean %.3g, bound %.3g", k, n, worst, sumErr/float64(n), bound)
	}
	if BetweennessBound(n, n, 0.05) != 0 {
		t.Error("bound of the exact pass is not 0")
	}
	// By hand: n = 101, k = 50, δ = 0.05: 101/100 · sqrt(ln 40 / 100) = 1.01 · 0.19206… = 0.19398…
	if b := BetweennessBound(101, 50, 0.05); math.Abs(b-1.01*math.Sqrt(math.Log(40)/100)) > 1e-15 || math.Abs(b-0.19398) > 1e-4 {
		t.Errorf("BetweennessBound(101, 50, 0.05) = %v", b)
	}
}
