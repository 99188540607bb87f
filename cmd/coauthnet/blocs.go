package main

import (
	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/summary"
	"github.com/coauthnet/coauthnet/tables"
)

func runBlocs(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("blocs", "coauthnet blocs [input flags] --poles CN,US [--focal CN] [--split YEAR] [--peak count|intensity] [--blocs FILE] [--indices] [--format csv|json] FILE...", e.stderr)
	f.register(fs)
	poles := fs.String("poles", "", "the two poles, `P,Q` (node keys)")
	focal := fs.String("focal", "", "the focal pole (default: the first of --poles)")
	rival := fs.String("rival", "", "the other pole: --focal P --rival Q is --poles P,Q")
	split := fs.Int("split", 0, "split `year`: leans before (≤) and after it (default: the change point of the poles' series, else the halves)")
	since := fs.Int("since", 0, "deprecated: same as --split")
	peak := fs.String("peak", community.DefaultPeakSeries, "poles' `series` whose change point splits the years: count (bifrac weight) or intensity")
	window := fs.Int("window", 0, "at most `N` years on each side of the split (default: all)")
	alpha := fs.Float64("alpha", community.DefaultAlpha, "level of the multiplicity-adjusted test")
	minEffect := fs.Float64("min-effect", community.DefaultMinEffect, "smallest |Δlean| that makes a partner or competitor")
	minPapers := fs.Int("min-papers", community.DefaultMinPapers, "papers in each of the four cells (X with each pole, before and after); fewer: insufficient data")
	correction := fs.String("correction", community.DefaultCorrection, "multiplicity correction: bh (Benjamini–Hochberg) or holm")
	file := fs.String("blocs", "", "user blocs: a JSON `file` {\"partners\": [...], \"competitors\": [...]} instead of inferred ones")
	boot := fs.Int("bootstrap", 200, "bootstrap replicates of the bifurcation indices")
	seed := fs.Uint64("seed", 1, "seed of the bootstrap")
	indices := fs.Bool("indices", false, "CSV: write the yearly bifurcation indices instead of the blocs")
	var out sheetFlags
	out.register(fs)
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if err := out.check(fs); err != nil {
		return err
	}
	if *poles == "" && *focal != "" && *rival != "" {
		*poles = *focal + "," + *rival
	} else if *rival != "" {
		return usagef("--rival goes with --focal, instead of --poles")
	}
	p, q, err := f.poles(*poles)
	if err != nil {
		return err
	}
	if *focal != "" && *focal != p {
		if *focal != q {
			return usagef("--focal %s is not one of --poles %s", *focal, *poles)
		}
		p, q = q, p
	}
	if *split == 0 {
		*split = *since
	}
	o := community.BlocOptions{Focal: p, Rival: q, Split: *split, PeakSeries: *peak, Window: *window, Alpha: *alpha, MinEffect: *minEffect, MinPapers: *minPapers, Correction: *correction}
	if err := o.Validate(); err != nil {
		return usageError{err.Error()}
	}
	if !(*alpha > 0 && *alpha < 1) || !(*minEffect >= 0) || *minPapers < 1 || *window < 0 || isSet(fs, "window") && *window < 1 || *boot < 1 {
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
	if o.MinEffect == 0 {
		o.MinEffect = -1 // an explicit 0, not the default
	}
	b, bi, err := community.InferBifurcation(s, o, community.BifurcationOptions{Bootstrap: *boot, Seed: *seed}, user)
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
