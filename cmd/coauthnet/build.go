package main

import (
	"flag"
	"fmt"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/atomicfile"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
)

func runBuild(args []string, e *env) error {
	var f inputFlags
	var x exportFlags
	var so export.SeriesOptions
	fs := newFlagSet("build", "coauthnet build [input flags] [--to FORMAT] [--attach centrality,communities,blocs] [-o out.graphml | -o 'out-{year}.graphml'] FILE...", e.stderr)
	f.register(fs)
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
	// The export options of the flags, with the provenance of the count.
	o := export.Options{Countings: f.countings, Leader: f.opts.Leader, Impact: f.opts.Impact, Attach: x.attach, Measure: f.measures.MeasureOptions, Layout: x.layout != "", Meta: provenance(&f, rep),
		Warn: func(msg string) { fmt.Fprintf(e.stderr, "coauthnet: warning: %s\n", msg) }}
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

// exportFlags are the flags of build beyond the input flags.
type exportFlags struct {
	to, attachList, layout, poles, blocs string

	withBlocs, dynamic bool
	attach             export.Attach
	focal, rival       string            // --poles, with --attach blocs
	user               map[string]string // --blocs FILE
}

func (x *exportFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&x.to, "to", "", "output `format`: "+strings.Join(export.Names(), ", ")+" (default: from the -o extension, else graphml)")
	fs.StringVar(&x.attachList, "attach", "", "node attributes to add, a comma `list` of centrality, communities, blocs")
	fs.StringVar(&x.layout, "layout", "", "compute node positions: eades (seeded force-directed layout) for gexf, pajek and vosviewer")
	fs.Uint64Var(&x.attach.Seed, "seed", 1, "seed of the community detection (--attach communities), the bloc bootstrap and --layout")
	fs.Float64Var(&x.attach.Resolution, "resolution", 1, "resolution γ of --attach communities")
	fs.TextVar(&x.attach.Algorithm, "algorithm", community.Leiden, "community detection `method`: leiden or louvain")
	fs.StringVar(&x.poles, "poles", "", "with --attach blocs: the two poles `P,Q`, the first focal")
	fs.StringVar(&x.blocs, "blocs", "", "with --attach blocs: a bloc `file` instead of inferred blocs")
}

// check validates the flags, resolves the format and the dynamic GEXF
// file from the output name (export.ResolveOutput), and the poles and
// bloc file of --attach blocs.
func (x *exportFlags) check(out string, f *inputFlags) error {
	o, err := export.ResolveOutput(out, x.to, f.byYear, f.byField)
	if err != nil {
		return usageError{err.Error()}
	}
	x.to, x.dynamic = o.Format.Name, o.Dynamic
	if x.withBlocs, err = x.attach.Parse(x.attachList); err != nil {
		return usagef("--attach %s", strings.TrimPrefix(err.Error(), "export: attachment "))
	}
	if x.withBlocs != (x.poles != "") {
		return usagef("--attach blocs and --poles P,Q go together")
	}
	if x.blocs != "" && !x.withBlocs {
		return usagef("--blocs FILE needs --attach blocs")
	}
	if x.layout != "" && x.layout != "eades" {
		return usagef("--layout %q: want eades", x.layout)
	}
	if !x.withBlocs {
		return nil
	}
	if x.focal, x.rival, err = f.opts.Poles(x.poles); err != nil {
		return usagef("--%s", userMessage(err)) // "poles ...": the flag's name
	}
	if x.blocs != "" {
		x.user, err = community.ReadBlocFile(x.blocs)
	}
	return err
}

// create is writeFile as an export.Create: "-" is e.stdout.
func (e *env) create(path string, write func(io.Writer) error) error {
	return writeFile(path, e.stdout, write)
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
