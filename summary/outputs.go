package summary

import (
	"fmt"
	"strings"

	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/tables"
)

// Written is the line of `coauthnet build` on one output of
// export.WriteSeries (its SeriesOptions.Wrote): the graph and where it
// went, "country graph 2019: 38 nodes, 699 edges → g.graphml", or, for
// the yearly graphs of one dynamic GEXF file, "20 yearly graphs
// 2005-2024 → g.gexf (dynamic GEXF)". Files are joined by ", "; the one
// file "-" is "standard output". gs must not be empty.
func Written(gs []*graph.Graph, files []string, dynamic bool) string {
	where := strings.Join(files, ", ")
	if len(files) == 1 && files[0] == "-" {
		where = "standard output"
	}
	if dynamic {
		return fmt.Sprintf("%d yearly graphs %d-%d → %s (dynamic GEXF)", len(gs), gs[0].Period().From, gs[len(gs)-1].Period().To, where)
	}
	return fmt.Sprintf("%s → %s", gs[0], where)
}

// Drift is the line of `coauthnet drift` on its tables: how many
// periods were compared, from which to which, and the F a change point
// needs (drift.Significant). d must have a period (tables.Drift never
// returns fewer than two).
func Drift(d *tables.DriftTables) string {
	return fmt.Sprintf("%d periods from %v to %v; change points need F ≥ %d (see package drift)", len(d.Periods), d.Periods[0], d.Periods[len(d.Periods)-1], drift.Significant)
}

// Weights is the line of `coauthnet nodes` on the weight of its
// measures ms: weight c, and distance 1/c for the shortest-path measures
// (betweenness, closeness, harmonic) when ms has one of them.
func Weights(c graph.Counting, ms metrics.Measures) string {
	if ms.Has(metrics.MeasureBetweenness) || ms.Has(metrics.MeasureCloseness) || ms.Has(metrics.MeasureHarmonic) {
		return fmt.Sprintf("measures use weight %s; betweenness, closeness and harmonic use distance 1/%s", c, c)
	}
	return fmt.Sprintf("measures use weight %s", c)
}
