package summary

import (
	"fmt"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/tables"
)

// Wrote returns an export.SeriesOptions.Wrote function that writes the
// line of `coauthnet build` on each output to w: the graph and where it
// went, "coauthnet: country graph 2019: 38 nodes, 699 edges →
// g.graphml", or, with dynamic, for the yearly graphs of one dynamic
// GEXF file, "coauthnet: 20 yearly graphs 2005-2024 → g.gexf (dynamic
// GEXF)". Files are joined by ", "; the one file "-" is "standard
// output". It is never called with no graph.
func Wrote(w io.Writer, dynamic bool) func(gs []*graph.Graph, files []string) {
	return func(gs []*graph.Graph, files []string) {
		where := strings.Join(files, ", ")
		if len(files) == 1 && files[0] == "-" {
			where = "standard output"
		}
		if dynamic {
			fmt.Fprintf(w, "coauthnet: %d yearly graphs %d-%d → %s (dynamic GEXF)\n", len(gs), gs[0].Period().From, gs[len(gs)-1].Period().To, where)
		} else {
			fmt.Fprintf(w, "coauthnet: %s → %s\n", gs[0], where)
		}
	}
}

// LeftOut returns a tables.ByField skip function that writes the line
// of the commands on a field left out of a table to w: "coauthnet:
// field Physics: <err> (left out)".
func LeftOut(w io.Writer) func(field string, err error) {
	return func(field string, err error) {
		fmt.Fprintf(w, "coauthnet: field %s: %v (left out)\n", field, err)
	}
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
// (betweenness, closeness, harmonic) when ms has one of them (0, the
// tables' default metrics.DefaultMeasures, has none).
func Weights(c graph.Counting, ms metrics.Measures) string {
	if ms.Has(metrics.MeasureBetweenness) || ms.Has(metrics.MeasureCloseness) || ms.Has(metrics.MeasureHarmonic) {
		return fmt.Sprintf("measures use weight %s; betweenness, closeness and harmonic use distance 1/%s", c, c)
	}
	return fmt.Sprintf("measures use weight %s", c)
}
