package main

import (
	"fmt"
	"github.com/coauthnet/coauthnet/atomicfile"
	"path/filepath"

	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/report"
)

// runReport writes the whole analysis into a directory: GraphML, every
// table as CSV, plots as SVG and PNG, and index.html (package report).
func runReport(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("report", "coauthnet report [input flags] [--focal CN --rival US] [--base-year Y] [--measures LIST] [--excel] [--precision N] -o DIR FILE...", e.stderr)
	f.register(fs)
	dir := fs.String("o", "", "output `directory` (created)")
	focal := fs.String("focal", "", "focal `country` of the timelines and blocs (a code or a name; default: the node with the most collaboration)")
	rival := fs.String("rival", "", "the other pole, a `country` (default: the node with the most collaboration besides the focal one)")
	poles := fs.String("poles", "", "the two poles `P,Q`: the same as --focal P --rival Q (with --focal Q, Q is the focal one)")
	base := fs.Int("base-year", 0, "base `year` of the indexed timelines (default: the first year in which half the partners have one paper's weight with the focal node)")
	var measures metrics.Measures
	fs.TextVar(&measures, "measures", metrics.Measures(metrics.AllMeasures), "node measures of nodes.csv, a comma `list` (see nodes -h); default all at country level, the cheap ones (default) at institution level")
	measures = 0 // not given: report.Options chooses by level, as the help says
	var cf csvFlags
	cf.register(fs)
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	csvOpts, err := cf.options()
	if err != nil {
		return err
	}
	if *focal, *rival, err = f.opts.PolePair(*poles, *focal, *rival); err != nil {
		return usagef("--%s", userMessage(err)) // "poles ...", "focal ...", "rival ...": the flag's name
	}
	if *dir == "" {
		return usagef("-o DIR is required")
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	setDoing("computing the report")
	d, err := report.Compute(s, report.Options{Focal: *focal, Rival: *rival, BaseYear: *base, Countings: f.countings,
		Leader: f.opts.Leader, Impact: f.opts.Impact, MinWeight: f.minWeight, Meta: provenance(&f, rep), Measures: measures})
	if err != nil {
		return err
	}
	// A new directory appears only when complete (atomicfile.WriteDir).
	atomicfile.Track(*dir)
	err = atomicfile.WriteDir(*dir, func(into string) error {
		return report.WriteWith(into, d, e.create, report.WriteOptions{CSV: csvOpts})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: report written to %s (open %s)\n", *dir, filepath.Join(*dir, "index.html"))
	return nil
}
