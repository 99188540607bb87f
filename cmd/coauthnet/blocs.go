package main

import (
	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/summary"
	"github.com/coauthnet/coauthnet/tables"
)

func runBlocs(args []string, e *env) error {
	var f inputFlags
	var o community.BlocOptions
	var bo community.BifurcationOptions
	fs := newFlagSet("blocs", "coauthnet blocs [input flags] --poles CN,US [--focal CN] [--split YEAR] [--peak count|intensity] [--blocs FILE] [--indices] [--format csv|json] FILE...", e.stderr)
	f.register(fs)
	poles := fs.String("poles", "", "the two poles, `P,Q` (node keys)")
	focal := fs.String("focal", "", "the focal pole (default: the first of --poles)")
	rival := fs.String("rival", "", "the other pole: --focal P --rival Q is --poles P,Q")
	fs.IntVar(&o.Split, "split", 0, "split `year`: leans before (≤) and after it (default: the change point of the poles' series, else the halves)")
	fs.IntVar(&o.Split, "since", 0, "deprecated: same as --split")
	fs.StringVar(&o.PeakSeries, "peak", community.DefaultPeakSeries, "poles' `series` whose change point splits the years: count (bifrac weight) or intensity")
	fs.IntVar(&o.Window, "window", 0, "at most `N` years on each side of the split (default: all)")
	fs.Float64Var(&o.Alpha, "alpha", community.DefaultAlpha, "level of the multiplicity-adjusted test")
	o.MinEffect = fs.Float64("min-effect", community.DefaultMinEffect, "smallest |Δlean| that makes a partner or competitor")
	fs.IntVar(&o.MinPapers, "min-papers", community.DefaultMinPapers, "papers in each of the four cells (X with each pole, before and after); fewer: insufficient data")
	fs.StringVar(&o.Correction, "correction", community.DefaultCorrection, "multiplicity correction: bh (Benjamini–Hochberg) or holm")
	file := fs.String("blocs", "", "user blocs: a JSON `file` {\"partners\": [...], \"competitors\": [...]} instead of inferred ones")
	fs.IntVar(&bo.Bootstrap, "bootstrap", 200, "bootstrap replicates of the bifurcation indices")
	fs.Uint64Var(&bo.Seed, "seed", 1, "seed of the bootstrap")
	indices := fs.Bool("indices", false, "CSV: write the yearly bifurcation indices instead of the blocs")
	var out sheetFlags
	out.register(fs)
	files, err := out.parse(&f, fs, args)
	if err != nil {
		return err
	}
	if o.Focal, o.Rival, err = f.opts.PolePair(*poles, *focal, *rival); err != nil {
		return usagef("--%s", userMessage(err)) // "poles ...", "focal ...", "rival ...": the flag's name
	}
	if o.Focal == "" || o.Rival == "" {
		return usagef("--poles P,Q or --focal P --rival Q is required")
	}
	if err := o.Validate(); err != nil {
		return usageError{err.Error()}
	}
	// Validate takes 0 for the default; given on the command line, 0 is
	// out of range.
	if o.Alpha == 0 || o.MinPapers < 1 || isSet(fs, "window") && o.Window < 1 || bo.Bootstrap < 1 {
		return usagef("want 0 < --alpha < 1, --min-effect ≥ 0, --min-papers ≥ 1, --window ≥ 1 (or left out: every year), --bootstrap ≥ 1")
	}
	var user map[string]string
	if *file != "" {
		if user, err = community.ReadBlocFile(*file); err != nil {
			return err
		}
	}
	s, _, err := count(&f, files, e)
	if err != nil {
		return err
	}
	b, bi, err := community.InferBifurcation(s, o, bo, user)
	if err != nil {
		return err
	}
	printLines(e.stderr, summary.Blocs(b, bi))
	t := tables.BlocsTable(b, user)
	if *indices {
		t = tables.IndicesTable(bi)
	}
	return out.write(e, t, func() string { return tables.BlocsJSON(b, bi, user, *file) })
}
