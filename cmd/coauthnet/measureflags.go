package main

import (
	"flag"

	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/summary"
	"github.com/coauthnet/coauthnet/tables"
)

// measureFlags are --measures, --betweenness-samples and --workers of
// the commands that write node tables (nodes, build --to csv|parquet),
// bound to tables.MeasureOptions, whose Measured notes what each measure
// cost. Measures is 0 unless --measures is given: the library's default
// (tables.MeasureOptions, export.Attach), the cheap measures, or every
// measure with build --attach centrality, as the help says.
type measureFlags struct {
	tables.MeasureOptions
	costs summary.MeasureCosts // summed over the graphs tabulated
}

func (m *measureFlags) register(fs *flag.FlagSet) {
	m.Measured = m.costs.Note
	fs.TextVar(&m.Measures, "measures", metrics.Measures(metrics.DefaultMeasures), "node measures to compute, a comma `list` of degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, or default or all (build --attach centrality: all unless given)")
	m.Measures = 0 // not given: the library's default, which the help names
	fs.IntVar(&m.Samples, "betweenness-samples", 0, "estimate betweenness from `K` seeded pivot sources (Brandes & Pich 2007) instead of all; 0 is exact")
	fs.IntVar(&m.Workers, "workers", 0, "goroutines for betweenness, closeness and harmonic; 0 is one per CPU (the output does not depend on it)")
}
