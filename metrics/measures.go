package metrics

import (
	"fmt"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet/graph"
)

// A Measure is one node centrality of the node tables.
type Measure int

// The node measures, in the order of the node tables' columns.
const (
	MeasureDegree Measure = iota
	MeasureStrength
	MeasureBetweenness
	MeasureCloseness
	MeasureHarmonic
	MeasureEigenvector
	MeasurePageRank
	numMeasures
)

var measureNames = [numMeasures]string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"}

// String returns the measure's column name.
func (m Measure) String() string { return measureNames[m] }

// Measures is a set of [Measure]. Its text form is a comma list of
// measure names (degree, strength, betweenness, closeness, harmonic,
// eigenvector, pagerank), "all" or "default" ([ParseMeasures]).
type Measures uint

// DefaultMeasures are the cheap ones, O(m) each or O(m) per iteration:
// degree, strength, eigenvector and PageRank. Betweenness, closeness and
// harmonic need a shortest-path search from every node, O(n(m + n log n)):
// ask for them.
const DefaultMeasures = 1<<MeasureDegree | 1<<MeasureStrength | 1<<MeasureEigenvector | 1<<MeasurePageRank

// AllMeasures are every measure.
const AllMeasures = 1<<numMeasures - 1

// Has reports whether m is in the set.
func (s Measures) Has(m Measure) bool { return s&(1<<m) != 0 }

// List returns the measures of the set in column order.
func (s Measures) List() []Measure {
	var ms []Measure
	for m := Measure(0); m < numMeasures; m++ {
		if s.Has(m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// String returns the set as ParseMeasures reads it.
func (s Measures) String() string {
	var names []string
	for _, m := range s.List() {
		names = append(names, m.String())
	}
	return strings.Join(names, ",")
}

// ParseMeasures reads a comma-separated list of measure names, "all"
// or "default" ([DefaultMeasures]); the order of the list does not
// matter. An empty string is the default set.
func ParseMeasures(list string) (Measures, error) {
	if strings.TrimSpace(list) == "" {
		return DefaultMeasures, nil
	}
	var s Measures
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		switch name {
		case "all":
			s |= AllMeasures
			continue
		case "default":
			s |= DefaultMeasures
			continue
		}
		found := false
		for m, n := range measureNames {
			if n == name {
				s |= 1 << m
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("metrics: unknown measure %q: want %s, all or default", name, strings.Join(measureNames[:], ", "))
		}
	}
	return s, nil
}

// MarshalText returns the set as a comma list of measure names in column
// order ("degree,strength,eigenvector,pagerank" for [DefaultMeasures]).
func (s Measures) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses a comma list of measure names, "all" or "default",
// as [ParseMeasures].
func (s *Measures) UnmarshalText(b []byte) (err error) {
	*s, err = ParseMeasures(string(b))
	return err
}

// NodeOptions configure [Nodes].
type NodeOptions struct {
	Counting graph.Counting // weight (and distance 1/weight); the zero value is graph.Full: set it
	Measures Measures       // 0 means DefaultMeasures
	// Samples, when positive and below the number of nodes, estimates
	// betweenness from that many pivots drawn with Seed
	// ([PathOptions].Pivots); closeness and harmonic, which need every
	// source, are then still exact but computed by a second, full pass.
	Samples int
	Seed    uint64
	Workers int // goroutines of the shortest-path pass; 0 means GOMAXPROCS
}

// A Cost is the wall time one measure (or one pass computing several)
// took.
type Cost struct {
	Measures Measures
	Time     time.Duration
}

// NodeValues are the measures of every node of a graph that [Nodes]
// computed; the others are nil. Costs lists each pass in the order run.
type NodeValues struct {
	Measures                                   Measures
	Degree                                     []int
	Strength, Betweenness, Closeness, Harmonic []float64
	Eigenvector, PageRank                      []float64
	Costs                                      []Cost
	Samples                                    int     // pivots of betweenness; 0 when exact
	Bound                                      float64 // BetweennessBound(n, Samples, 0.05) when sampled
}

// Float returns the values of a float measure (nil for degree or when
// not computed).
func (v *NodeValues) Float(m Measure) []float64 {
	switch m {
	case MeasureStrength:
		return v.Strength
	case MeasureBetweenness:
		return v.Betweenness
	case MeasureCloseness:
		return v.Closeness
	case MeasureHarmonic:
		return v.Harmonic
	case MeasureEigenvector:
		return v.Eigenvector
	case MeasurePageRank:
		return v.PageRank
	}
	return nil
}

// Nodes computes the measures o.Measures of every node of g, and only
// those: betweenness, closeness and harmonic share one shortest-path
// pass ([Paths], parallel over sources), run only when one of them is
// asked for. Each pass is timed (Costs).
func Nodes(g *graph.Graph, o NodeOptions) *NodeValues {
	if o.Measures == 0 {
		o.Measures = DefaultMeasures
	}
	v := &NodeValues{Measures: o.Measures}
	timed := func(s Measures, f func()) {
		t := time.Now()
		f()
		v.Costs = append(v.Costs, Cost{s, time.Since(t)})
	}
	s := o.Measures
	if s.Has(MeasureDegree) {
		timed(1<<MeasureDegree, func() { v.Degree = Degree(g) })
	}
	if s.Has(MeasureStrength) {
		timed(1<<MeasureStrength, func() { v.Strength = Strength(g, o.Counting) })
	}
	const paths = 1<<MeasureBetweenness | 1<<MeasureCloseness | 1<<MeasureHarmonic
	sampled := o.Samples > 0 && o.Samples < g.Len() && s.Has(MeasureBetweenness)
	switch {
	case sampled:
		timed(1<<MeasureBetweenness, func() {
			v.Betweenness, _, _ = Paths(g, PathOptions{Counting: o.Counting, Pivots: o.Samples, Seed: o.Seed, Workers: o.Workers})
		})
		v.Samples, v.Bound = o.Samples, BetweennessBound(g.Len(), o.Samples, 0.05)
		if rest := s & (1<<MeasureCloseness | 1<<MeasureHarmonic); rest != 0 {
			timed(rest, func() {
				_, cl, hm := Paths(g, PathOptions{Counting: o.Counting, Workers: o.Workers})
				v.Closeness, v.Harmonic = keep(s, MeasureCloseness, cl), keep(s, MeasureHarmonic, hm)
			})
		}
	case s&paths != 0:
		timed(s&paths, func() {
			bt, cl, hm := Paths(g, PathOptions{Counting: o.Counting, Workers: o.Workers})
			v.Betweenness, v.Closeness, v.Harmonic = keep(s, MeasureBetweenness, bt), keep(s, MeasureCloseness, cl), keep(s, MeasureHarmonic, hm)
		})
	}
	if s.Has(MeasureEigenvector) {
		timed(1<<MeasureEigenvector, func() { v.Eigenvector = Eigenvector(g, o.Counting) })
	}
	if s.Has(MeasurePageRank) {
		timed(1<<MeasurePageRank, func() { v.PageRank = PageRank(g, PageRankOptions{Counting: o.Counting}) })
	}
	return v
}

func keep(s Measures, m Measure, x []float64) []float64 {
	if s.Has(m) {
		return x
	}
	return nil
}
