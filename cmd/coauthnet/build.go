package main

import (
	"fmt"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/atomicfile"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
)

func runBuild(args []string, e *env) error {
	var f inputFlags
	var x exportFlags
	fs := newFlagSet("build", "coauthnet build [input flags] [--to FORMAT] [--attach centrality,communities,blocs] [-o out.graphml | -o 'out-{year}.graphml'] FILE...", e.stderr)
	f.register(fs)
	f.allowByField = true
	x.register(fs)
	f.measures.register(fs)
	out := fs.String("o", "-", "output `file`; with --by-year it must contain {year} (except --to gexf: one dynamic file), with --by-field {field}; - is standard output")
	backbone := fs.String("backbone", "", "keep only a backbone of the edges: mst (maximum spanning tree) or disparity (Serrano et al. 2009)")
	alpha := fs.Float64("alpha", 0.05, "significance level of --backbone disparity")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if err := x.check(*out, &f); err != nil {
		return err
	}
	if f, _ := export.Lookup(x.to); isSet(fs, "measures") && !x.attach.Centrality && !f.Tables {
		return usagef("--measures chooses the measures of --attach centrality or of a table (--to csv|parquet); %s without --attach centrality has none", x.to)
	}
	if x.attach.Centrality && !isSet(fs, "measures") {
		f.measures.Measures = metrics.AllMeasures // --attach centrality: every measure, unless --measures says which
	}
	if *backbone != "" && *backbone != "mst" && *backbone != "disparity" {
		return usagef("--backbone %q: want mst or disparity", *backbone)
	}
	if *alpha <= 0 || *alpha >= 1 {
		return usagef("--alpha %v: want a level between 0 and 1", *alpha)
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}

	if x.withBlocs {
		if err := x.blocsOf(&f, s); err != nil {
			return err
		}
	}
	defer func() { printLines(e.stderr, f.measures.costs.Lines()) }()
	if !f.byField {
		return writeSeries(&f, &x, s, rep, *out, *backbone, *alpha, e)
	}
	for _, pt := range rep.ByField.Series() {
		path := strings.ReplaceAll(*out, "{field}", export.FileSafe(pt.Field))
		if err := writeSeries(&f, &x, pt.Series, rep, path, *backbone, *alpha, e); err != nil {
			return fmt.Errorf("field %s: %w", pt.Field, err)
		}
	}
	return nil
}

// writeSeries writes the graphs of s (one, one per year, or one dynamic
// GEXF) to out (export.WriteSeries).
func writeSeries(f *inputFlags, x *exportFlags, s *graph.Series, rep *aggregate.Counted, out, backbone string, alpha float64, e *env) error {
	so := export.SeriesOptions{Periods: s.Periods(f.byYear, f.opts.Years), MinWeight: f.minWeight, Backbone: backbone, Alpha: alpha, Dynamic: x.dynamic,
		Wrote: func(gs []*graph.Graph, files []string) {
			if x.dynamic {
				fmt.Fprintf(e.stderr, "coauthnet: %d yearly graphs %d-%d → %s (dynamic GEXF)\n", len(gs), gs[0].Period().From, gs[len(gs)-1].Period().To, where(files))
			} else {
				fmt.Fprintf(e.stderr, "coauthnet: %s → %s\n", gs[0], where(files))
			}
		}}
	return export.WriteSeries(x.to, s, out, so, x.options(f, provenance(f, rep), e), e.create)
}

// where names output files for the summary line.
func where(files []string) string {
	if len(files) == 1 && files[0] == "-" {
		return "standard output"
	}
	return strings.Join(files, ", ")
}

// writeFile writes to path ("-" for stdout) through atomicfile: a file
// appears under its name only when complete.
func writeFile(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	setDoing("writing " + path)
	atomicfile.Track(path)
	return atomicfile.Write(path, write)
}

// provenance is the graph-level metadata of every export.
func provenance(f *inputFlags, r *aggregate.Counted) []table.Meta {
	return summary.Provenance(r.Summary, load.Options{Policy: f.load.Policy, Dedup: f.load.Dedup}, r.Stats, f.opts, f.minWeight)
}
