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
	var so export.SeriesOptions
	fs := newFlagSet("build", "coauthnet build [input flags] [--to FORMAT] [--attach centrality,communities,blocs] [-o out.graphml | -o 'out-{year}.graphml'] FILE...", e.stderr)
	f.register(fs)
	f.allowByField = true
	x.register(fs)
	f.measures.register(fs)
	out := fs.String("o", "-", "output `file`; with --by-year it must contain {year} (except --to gexf: one dynamic file), with --by-field {field}; - is standard output")
	fs.StringVar(&so.Backbone, "backbone", "", "keep only a backbone of the edges: mst (maximum spanning tree) or disparity (Serrano et al. 2009)")
	fs.Float64Var(&so.Alpha, "alpha", 0.05, "significance level of --backbone disparity")
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
	if err := so.Validate(); err != nil {
		return usagef("--%s", userMessage(err)) // "backbone ..." or "alpha ...": the flag's name
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	if x.withBlocs {
		if x.attach.Bloc, err = export.PoleBlocs(s, x.focal, x.rival, x.user); err != nil {
			return err
		}
	}
	defer func() { printLines(e.stderr, f.measures.costs.Lines()) }()
	// The graphs of each period (export.WriteSeries): one, one per year,
	// or one dynamic GEXF; with --by-field, of each field.
	so.MinWeight, so.Dynamic = f.minWeight, x.dynamic
	so.Wrote = summary.Wrote(e.stderr, x.dynamic)
	o := x.options(&f, provenance(&f, rep), e)
	parts := []graph.FieldSeries{{Series: s}}
	if f.byField {
		parts = rep.ByField.Series()
	}
	for _, pt := range parts {
		so.Periods = pt.Series.Periods(f.byYear, f.opts.Years)
		if err := export.WriteSeries(x.to, pt.Series, strings.ReplaceAll(*out, "{field}", export.FileSafe(pt.Field)), so, o, e.create); err != nil && f.byField {
			return fmt.Errorf("field %s: %w", pt.Field, err)
		} else if err != nil {
			return err
		}
	}
	return nil
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
