package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/summary"
)

// runAggregate counts its inputs as build would and writes the partial
// aggregate (package aggregate) instead of a graph.
func runAggregate(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("aggregate", "coauthnet aggregate [input flags] -o PART.parquet FILE...", e.stderr)
	f.register(fs)
	out := fs.String("o", "", "output `file` (Parquet); - is standard output")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o PART.parquet is required")
	}
	opts := aggOptions(&f)
	if _, err := opts.FlagMap(); err != nil {
		return usageError{strings.TrimPrefix(err.Error(), "aggregate: ")}
	}
	if f.load.Format == "aggregate" {
		return usagef("--from aggregate: aggregate counts papers; coauthnet merge adds aggregates")
	}
	for _, name := range files {
		if f.load.Format == "auto" && aggregate.IsFile(name) {
			return usagef("%s is an aggregate: aggregate counts papers; coauthnet merge adds aggregates", name)
		}
	}
	f.keepCounter = true
	_, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	a, err := aggregate.FromSummary(rep.Counter, opts, rep.Summary)
	if err != nil {
		return err
	}
	return writeAggregate(a, *out, e)
}

// aggOptions are the counting options of the flags, as aggregates record them.
func aggOptions(f *inputFlags) aggregate.Options {
	return aggregate.Options{Graph: f.opts, Policy: f.load.Policy, Field: load.FoldField(f.load.Field), FieldMap: f.load.FieldMap}
}

// writeAggregate writes a to out ("-": standard output) and says so.
func writeAggregate(a *aggregate.Aggregate, out string, e *env) error {
	var size int64
	if err := writeFile(out, e.stdout, func(w io.Writer) (err error) { size, err = a.WriteTo(w); return err }); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: wrote aggregate %s: %s\n", out, summary.Aggregate(a, int(size)))
	return nil
}

// runMerge adds partial aggregates.
func runMerge(args []string, e *env) error {
	fs := newFlagSet("merge", "coauthnet merge -o ALL.parquet PART.parquet...", e.stderr)
	out := fs.String("o", "", "output `file` (Parquet); - is standard output")
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o ALL.parquet is required")
	}
	if len(files) == 0 {
		return usagef("no partial aggregates to merge")
	}
	a, err := aggregate.MergeFiles(files...)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: merged %s (%s counted)\n", summary.Plural(len(files), "partial aggregate"), summary.Plural(int(a.Counts["stats.used"]), "paper"))
	return writeAggregate(a, *out, e)
}

// runSplit writes the papers of its inputs into n shards, each paper in
// exactly one, chosen by a hash of its identity (aggregate.Split), so
// that shards can be counted apart and their aggregates merged.
func runSplit(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("split", "coauthnet split [--from FORMAT] [--by doi|id] -n N -o 'part-{n}.jsonl' FILE...", e.stderr)
	f.register(fs)
	n := fs.Int("n", 0, "number of shards `N`")
	by := fs.String("by", "doi", "shard key: doi (the normalised DOI, else the id: duplicates by DOI land together) or id")
	out := fs.String("o", "part-{n}.jsonl", "output files (canonical JSON Lines); {n} is the shard number 1..N")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if err := aggregate.CheckSplit(*n, *out); err != nil {
		return usageError{strings.TrimPrefix(err.Error(), "aggregate: ")}
	}
	if *by != "doi" && *by != "id" {
		return usagef("--by %q: want doi or id", *by)
	}
	sum, counts, err := aggregate.SplitFiles(context.Background(), files, f.loadOptions(e), *by == "doi", *out, *n)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: read %s, %d skipped, %d duplicates (written once); shards of %v papers\n", summary.Plural(sum.Read, "record"), sum.Skipped, sum.Duplicated(), counts)
	return nil
}
