package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/tables"
)

// measureFlags are --measures, --betweenness-samples and --workers of
// the commands that write node tables (nodes, build --to csv|parquet).
// Unregistered, they mean the default (cheap) measures.
type measureFlags struct {
	list    string
	samples int
	workers int
	set     metrics.Measures
	costs   map[metrics.Measures]time.Duration // summed over the graphs tabulated
	order   []metrics.Measures                 // costs' keys, first use first
	bound   float64                            // largest error bound of sampled betweenness
	n       int                                // nodes of the graph that bound is for
}

func (m *measureFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&m.list, "measures", "default", "node measures to compute, a comma `list` of degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank; default (degree, strength, eigenvector, pagerank) or all")
	fs.IntVar(&m.samples, "betweenness-samples", 0, "estimate betweenness from `K` seeded pivot sources (Brandes & Pich 2007) instead of all; 0 is exact")
	fs.IntVar(&m.workers, "workers", 0, "goroutines for betweenness, closeness and harmonic; 0 is one per CPU (the output does not depend on it)")
}

// parse checks the flags; inputFlags.parse calls it.
func (m *measureFlags) parse() error {
	var err error
	if m.set, err = metrics.ParseMeasures(m.list); err != nil {
		return usageError{strings.TrimPrefix(err.Error(), "metrics: ")}
	}
	if m.samples < 0 || m.workers < 0 {
		return usagef("--betweenness-samples and --workers: want 0 or a positive number")
	}
	return nil
}

// options are the tables' measure options of the flags; Measured notes
// what each measure cost.
func (m *measureFlags) options() tables.MeasureOptions {
	return tables.MeasureOptions{Measures: m.set, Samples: m.samples, Workers: m.workers, Measured: m.note}
}

// note adds the cost of g's measures v to the summary.
func (m *measureFlags) note(g *graph.Graph, v *metrics.NodeValues) {
	if m.costs == nil {
		m.costs = map[metrics.Measures]time.Duration{}
	}
	for _, ct := range v.Costs {
		if _, ok := m.costs[ct.Measures]; !ok {
			m.order = append(m.order, ct.Measures)
		}
		m.costs[ct.Measures] += ct.Time
	}
	if v.Samples > 0 && v.Bound > m.bound {
		m.bound, m.n = v.Bound, g.Len()
	}
}

// printCosts writes what each measure cost, and the error bound of
// sampled betweenness, to w.
func (m *measureFlags) printCosts(w io.Writer) {
	if len(m.order) == 0 {
		return
	}
	var parts []string
	for _, s := range m.order {
		parts = append(parts, fmt.Sprintf("%s %.3g s", s, m.costs[s].Seconds()))
	}
	fmt.Fprintf(w, "coauthnet: measure costs: %s\n", strings.Join(parts, ", "))
	if m.bound > 0 {
		fmt.Fprintf(w, "coauthnet: betweenness estimated from %d pivot sources (seed 1): each value within ±%.3g of the exact one with probability 0.95 (Hoeffding; %d nodes)\n",
			m.samples, m.bound, m.n)
	}
}

// algorithmFlag registers --algorithm into p.
func algorithmFlag(fs *flag.FlagSet, p *community.Algorithm) {
	*p = community.Leiden
	fs.Func("algorithm", "community detection `method`: leiden (default) or louvain", func(s string) error {
		a, err := community.ParseAlgorithm(s)
		if err != nil {
			return fmt.Errorf("want leiden or louvain")
		}
		*p = a
		return nil
	})
}
