package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
)

// This file holds the commands of partial aggregates (issue 18):
// aggregate counts inputs into an aggregate file, merge adds aggregate
// files, and loadAggregates lets every analysis command read aggregates
// in place of papers. The format is the aggregate package's.

// countingFlags is the canonical form of the flags that change what is
// counted: aggregates merge, and are analysed, only under equal ones.
// (--counting, --min-weight and the output flags choose what is shown,
// not what is counted: every weight is in the aggregate.)
func countingFlags(f *inputFlags) string {
	fm := ""
	if len(f.fieldMap) > 0 {
		h := sha256.New()
		for _, k := range slices.Sorted(maps.Keys(f.fieldMap)) {
			fmt.Fprintf(h, "%s\x00%s\x00", k, f.fieldMap[k])
		}
		fm = fmt.Sprintf("sha256:%x", h.Sum(nil))
	}
	var groups []string
	for _, g := range f.groups {
		groups = append(groups, g.Name+"="+strings.Join(g.Members, ","))
	}
	years := ""
	if f.opts.Years != (graph.Period{}) {
		years = f.opts.Years.String()
	}
	return fmt.Sprintf("level=%s;years=%s;country-policy=%s;unknown=%s;group=%s;field=%s;field-map=%s;max-authors=%d;hyper=%s;lead=%s",
		f.opts.Level, years, f.pol, f.unknown, strings.Join(groups, "|"), foldField(f.field), fm, f.maxAuthors, f.hyper, f.lead)
}

func runAggregate(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("aggregate", "coauthnet aggregate [input flags] -o PART.parquet FILE...", e.stderr)
	f.register(fs)
	out := fs.String("o", "", "output `file` (Parquet aggregate; - is standard output)")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("aggregate writes a file: give -o PART.parquet")
	}
	if f.impact {
		return usagef("--impact is not mergeable (its baseline is the mean of a field and year over the whole corpus): count impact in one pass")
	}
	if f.byYear {
		return usagef("--by-year: an aggregate always holds every year")
	}
	s, rep, err := load(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	a := &aggregate.Aggregate{Flags: countingFlags(&f), Program: version, Series: s, Summary: summaryOf(rep)}
	if err := writeFile(*out, e.stdout, func(w io.Writer) error { return aggregate.Write(w, a) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: aggregate of %s, %s and %s over %s → %s\n",
		plural(s.Stats().Used, "paper"), plural(s.NumNodes(), "node"), plural(edgeYears(s), "(year, edge) pair"), s.Span(), *out)
	return nil
}

func edgeYears(s *graph.Series) int {
	n := 0
	for _, y := range s.Data().Years {
		n += len(y.Edges)
	}
	return n
}

// summaryOf is the part of a run's report that an aggregate keeps.
func summaryOf(r *report) aggregate.Summary {
	sum := aggregate.Summary{Read: r.read, Skipped: r.skipped, Duplicates: r.duplicates, Reasons: maps.Clone(r.reasons)}
	for _, in := range r.inputs {
		sum.Inputs = append(sum.Inputs, aggregate.Input{Name: in.name, SHA256: in.sha256, Format: in.format, Records: in.read, Skipped: in.skipped})
	}
	return sum
}

func runMerge(args []string, e *env) error {
	fs := newFlagSet("merge", "coauthnet merge -o ALL.parquet PART.parquet...", e.stderr)
	out := fs.String("o", "", "output `file` (Parquet aggregate; - is standard output)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(files) == 0 {
		return usagef("give -o ALL.parquet and the partial aggregates to merge")
	}
	parts, err := readAggregates(files)
	if err != nil {
		return err
	}
	m, err := aggregate.Merge(parts)
	if err != nil {
		return err
	}
	if err := writeFile(*out, e.stdout, func(w io.Writer) error { return aggregate.Write(w, m) }); err != nil {
		return err
	}
	s := m.Series
	fmt.Fprintf(e.stderr, "coauthnet: merged %s (%s read, %s used): %s and %s over %s → %s\n",
		plural(len(parts), "partial"), plural(m.Summary.Read, "record"), plural(s.Stats().Used, "paper"),
		plural(s.NumNodes(), "node"), plural(edgeYears(s), "(year, edge) pair"), s.Span(), *out)
	return nil
}

// readAggregates reads aggregate files, each named in its error.
func readAggregates(files []string) ([]*aggregate.Aggregate, error) {
	var parts []*aggregate.Aggregate
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		fi, err := fh.Stat()
		if err != nil {
			fh.Close()
			return nil, err
		}
		a, err := aggregate.Read(fh, fi.Size())
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		parts = append(parts, a)
	}
	return parts, nil
}

// isAggregate reports whether the file name is an aggregate file.
func isAggregate(name string) bool {
	if name == "-" {
		return false
	}
	fh, err := os.Open(name)
	if err != nil {
		return false
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil || fi.IsDir() {
		return false
	}
	return aggregate.Detect(fh, fi.Size())
}

// loadAggregates is load for aggregate inputs: with --from aggregate,
// or --from auto when every input is an aggregate file, it merges them
// (one is merged with itself: checked and returned) and returns their
// series with a report of their summaries; ok is false for other
// inputs. The aggregates' counting flags must equal the command's.
func loadAggregates(f *inputFlags, files []string, e *env) (s *graph.Series, rep *report, ok bool, err error) {
	if f.sample || len(files) == 0 || f.from != "auto" && f.from != "aggregate" {
		return nil, nil, false, nil
	}
	if f.from == "auto" {
		n := 0
		for _, name := range files {
			if isAggregate(name) {
				n++
			}
		}
		if n == 0 {
			return nil, nil, false, nil
		}
		if n < len(files) {
			return nil, nil, true, errors.New("some inputs are aggregates and some are not: aggregate the others first (coauthnet aggregate)")
		}
	}
	parts, err := readAggregates(files)
	if err != nil {
		return nil, nil, true, err
	}
	m, err := aggregate.Merge(parts)
	if err != nil {
		return nil, nil, true, err
	}
	if want := countingFlags(f); m.Flags != want {
		return nil, nil, true, fmt.Errorf("the aggregates were counted with %s; this command asks for %s: give the same counting flags", m.Flags, want)
	}
	if f.impact {
		return nil, nil, true, usagef("--impact: aggregates do not hold citation impact")
	}
	rep = newReport(f, e)
	rep.read, rep.skipped, rep.duplicates = m.Summary.Read, m.Summary.Skipped, m.Summary.Duplicates
	maps.Copy(rep.reasons, m.Summary.Reasons)
	for _, in := range m.Summary.Inputs {
		rep.inputs = append(rep.inputs, inputInfo{name: in.Name, sha256: in.SHA256, format: in.Format, read: in.Records, skipped: in.Skipped})
	}
	rep.counter, rep.sink = nil, nil
	rep.stats = m.Series.Stats()
	if rep.stats.Used == 0 {
		return nil, rep, true, errors.New("no paper was counted in the aggregates")
	}
	return m.Series, rep, true, nil
}
