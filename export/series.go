package export

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
)

// SeriesOptions choose the graphs [WriteSeries] writes.
type SeriesOptions struct {
	// Periods are the graphs, one per period (graph.Series.Range):
	// graph.Series.Periods gives one per year, or the whole span.
	Periods []graph.Period
	// MinWeight prunes the edges whose weight by the first counting is
	// below it (graph.Graph.Prune); 0 keeps every edge.
	MinWeight float64
	// Backbone and Alpha keep a backbone of each graph ([Backbone]:
	// "", "mst" or "disparity" at level Alpha, which has no default:
	// coauthnet build's is 0.05), after the pruning.
	Backbone string
	Alpha    float64
	// Dynamic writes the graphs as one dynamic GEXF file at the path
	// ([WriteDynamic]); otherwise each graph goes to the path with
	// {year} replaced by its period (graph.Period.String).
	Dynamic bool
	// Wrote, when not nil, is told about every output written: its
	// graphs (one, or every period's for the dynamic file) and files.
	Wrote func(gs []*graph.Graph, files []string)
}

// Validate reports the options [WriteSeries] cannot use, its messages
// naming the option: a Backbone other than "", "mst" or "disparity"; an
// Alpha outside (0, 1) with "disparity", or when set (not 0) at all, so
// that a level out of range is never silently unused; a MinWeight that
// is negative, NaN or infinite. Periods and Wrote are not checked.
func (so SeriesOptions) Validate() error {
	switch {
	case so.Backbone != "" && so.Backbone != "mst" && so.Backbone != "disparity":
		return fmt.Errorf("export: backbone %q: want mst or disparity", so.Backbone)
	case (so.Alpha != 0 || so.Backbone == "disparity") && !(so.Alpha > 0 && so.Alpha < 1):
		return fmt.Errorf("export: alpha %v: want a level between 0 and 1", so.Alpha)
	case !(so.MinWeight >= 0) || math.IsInf(so.MinWeight, 1):
		return fmt.Errorf("export: min weight %v: want a weight of 0 or more", so.MinWeight)
	}
	return nil
}

// WriteSeries writes the graphs of s that so chooses in the named
// format, as coauthnet build does: each graph pruned, reduced to its
// backbone (whose provenance row is added to o.Meta) and written with
// [WriteGraph], or all of them as one dynamic file. Options that do not
// pass [SeriesOptions.Validate], no period, a nil create, or a series
// that counted no paper is an error: never a silently empty output.
func WriteSeries(format string, s *graph.Series, path string, so SeriesOptions, o Options, create Create) error {
	if err := so.Validate(); err != nil {
		return err
	}
	switch {
	case len(so.Periods) == 0:
		return fmt.Errorf("export: no periods to write (SeriesOptions.Periods: graph.Series.Periods gives them)")
	case create == nil:
		return fmt.Errorf("export: no Create function (atomicfile.Write writes files)")
	case s.Stats().Used == 0:
		return fmt.Errorf("export: the series counted no paper: nothing to write")
	}
	var yearly []*graph.Graph
	meta := slices.Clip(o.Meta)
	for _, p := range so.Periods {
		g := s.Range(p)
		if so.MinWeight > 0 {
			g = g.Prune(o.Countings[0], so.MinWeight)
		}
		g, bm, err := Backbone(g, so.Backbone, o.Countings[0], so.Alpha)
		if err != nil {
			return err
		}
		if so.Dynamic {
			yearly = append(yearly, g)
			continue
		}
		og := o
		og.Meta = append(meta, bm...)
		files, err := WriteGraph(format, g, strings.ReplaceAll(path, "{year}", p.String()), og, create)
		if err != nil {
			return err
		}
		if so.Wrote != nil {
			so.Wrote([]*graph.Graph{g}, files)
		}
	}
	if !so.Dynamic {
		return nil
	}
	if len(yearly) == 0 {
		return fmt.Errorf("no papers counted: nothing to write")
	}
	if err := WriteDynamic(s, yearly, path, o, create); err != nil {
		return err
	}
	if so.Wrote != nil {
		so.Wrote(yearly, []string{path})
	}
	return nil
}
