package main

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/aggregate"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/jsonl"
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
	if f.byField {
		return usagef("--by-field: aggregate one field at a time (--field NAME)")
	}
	opts := aggOptions(&f)
	if _, err := opts.FlagMap(); err != nil {
		return usageError{strings.TrimPrefix(err.Error(), "aggregate: ")}
	}
	if f.from == "aggregate" {
		return usagef("--from aggregate: aggregate counts papers; coauthnet merge adds aggregates")
	}
	for _, name := range files {
		if f.from == "auto" && isAggregate(name) {
			return usagef("%s is an aggregate: aggregate counts papers; coauthnet merge adds aggregates", name)
		}
	}
	f.keepCounter = true
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	a, err := aggregate.FromCounter(rep.counter, opts, aggCounts(rep.Summary), aggInputs(rep.Summary))
	if err != nil {
		return err
	}
	return writeAggregate(a, *out, e)
}

// aggOptions are the counting options of the flags, as aggregates record them.
func aggOptions(f *inputFlags) aggregate.Options {
	return aggregate.Options{Graph: f.opts, Policy: f.pol, Field: load.FoldField(f.field), FieldMap: f.fieldMap}
}

func writeAggregate(a *aggregate.Aggregate, out string, e *env) error {
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		return err
	}
	if err := writeFile(out, e.stdout, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		return err
	}
	nodes, edges := len(a.Nodes), 0
	for _, y := range a.Years {
		edges += len(y.Edges)
	}
	fmt.Fprintf(e.stderr, "coauthnet: wrote aggregate %s: %s, %s, %s (%d bytes)\n", out,
		summary.Plural(len(a.Years), "year"), summary.Plural(nodes, "node"), summary.Plural(edges, "yearly edge"), buf.Len())
	return nil
}

// aggCounts are the loading summary's counts as an aggregate records them.
func aggCounts(r *load.Summary) map[string]int64 {
	m := map[string]int64{
		"records_read":    int64(r.Read),
		"records_skipped": int64(r.Skipped),
		"duplicates":      int64(r.Duplicated()),
		"not_in_field":    int64(r.NotInField),
	}
	for prefix, c := range map[string]map[string]int{"skipped: ": r.Reasons, "policy: ": r.Remapped,
		"unmapped_country: ": r.Unmapped, "not_iso: ": r.NotISO, "unmapped_field: ": r.UnmappedFields} {
		for k, v := range c {
			m[prefix+k] += int64(v)
		}
	}
	return m
}

func aggInputs(r *load.Summary) []aggregate.Input {
	var in []aggregate.Input
	for _, x := range r.Inputs {
		name := x.Name
		if x.SHA256 == "" { // the sample describes itself
			name = x.Format
		}
		in = append(in, aggregate.Input{Name: name, SHA256: x.SHA256, Format: x.Format, Read: int64(x.Read), Skipped: int64(x.Skipped)})
	}
	return in
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
	var parts []*aggregate.Aggregate
	for _, name := range files {
		a, err := aggregate.ReadFile(name)
		if err != nil {
			return err
		}
		parts = append(parts, a)
	}
	a, err := aggregate.Merge(parts...)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: merged %s (%s counted)\n", summary.Plural(len(parts), "partial aggregate"), summary.Plural(int(a.Counts["stats.used"]), "paper"))
	return writeAggregate(a, *out, e)
}

// isAggregate reports whether the file name is a Parquet aggregate.
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
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	var magic [4]byte
	if _, err := fh.ReadAt(magic[:], 0); err != nil || string(magic[:]) != "PAR1" {
		return false
	}
	return aggregate.Is(fh, fi.Size())
}

// loadAggregate reads files as aggregates when --from is aggregate, or
// when --from is auto and every file is an aggregate; ok is false when
// the files are papers. The command's counting flags, where not left at
// their defaults, must be those the aggregate was counted with.
func loadAggregate(f *inputFlags, files []string, e *env) (s *graph.Series, rep *loaded, ok bool, err error) {
	if f.sample || len(files) == 0 {
		return nil, nil, false, nil
	}
	if f.from != "aggregate" {
		if f.from != "auto" {
			return nil, nil, false, nil
		}
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
			return nil, nil, true, fmt.Errorf("%d of %d inputs are aggregates: give aggregates or papers, not both (count the papers with coauthnet aggregate first)", n, len(files))
		}
	}
	if f.byField {
		return nil, nil, true, usagef("--by-field cannot split an aggregate by field: aggregate each field (--field NAME)")
	}
	own, err := aggOptions(f).FlagMap()
	if err != nil {
		return nil, nil, true, usageError{strings.TrimPrefix(err.Error(), "aggregate: ")}
	}
	def, _ := aggregate.Options{}.FlagMap()
	s, a, err := aggregate.ReadSeries(files...)
	if err != nil {
		return nil, nil, true, err
	}
	for k, v := range own {
		if v != def[k] && v != a.Flags[k] {
			return nil, nil, true, fmt.Errorf("the aggregate was counted with %s %q, not %q: counting flags cannot change after counting", k, a.Flags[k], v)
		}
	}
	// The flags the aggregate was counted with stand for the command's in
	// the summary, the provenance and the period of build.
	if err := useAggFlags(f, a.Flags); err != nil {
		return nil, nil, true, fmt.Errorf("the aggregate's flags: %w", err)
	}
	f.opts.Level = s.Level()
	sum := &load.Summary{
		Read: int(a.Counts["records_read"]), Skipped: int(a.Counts["records_skipped"]), NotInField: int(a.Counts["not_in_field"]),
		Reasons: map[string]int{}, Remapped: map[string]int{}, Unmapped: map[string]int{}, NotISO: map[string]int{},
		UnmappedFields: map[string]int{}, Duplicates: map[string]int{},
	}
	if n := int(a.Counts["duplicates"]); n > 0 {
		sum.Duplicates["id or doi (counted into the aggregate)"] = n
	}
	for k, v := range a.Counts {
		for prefix, m := range map[string]map[string]int{"skipped: ": sum.Reasons, "policy: ": sum.Remapped,
			"unmapped_country: ": sum.Unmapped, "not_iso: ": sum.NotISO, "unmapped_field: ": sum.UnmappedFields} {
			if rest, ok := strings.CutPrefix(k, prefix); ok {
				m[rest] += int(v)
			}
		}
	}
	for _, in := range a.Inputs {
		sum.Inputs = append(sum.Inputs, load.Input{Name: in.Name, SHA256: in.SHA256, Format: in.Format, Read: int(in.Read), Skipped: int(in.Skipped)})
	}
	rep = &loaded{Summary: sum}
	rep.stats = s.Stats()
	if rep.stats.Used == 0 {
		rep.print(f, e.stderr, s)
		return nil, rep, true, fmt.Errorf("the aggregate counted no paper")
	}
	fmt.Fprintf(e.stderr, "coauthnet: read %s (%s merged, flags %s)\n", summary.Plural(len(files), "aggregate"), summary.Plural(int(a.Counts["parts"]), "part"), flagSummary(a.Flags))
	return s, rep, true, nil
}

// useAggFlags sets the counting flags of f to an aggregate's flags.
func useAggFlags(f *inputFlags, m map[string]string) error {
	var err error
	if f.pol, err = coauthnet.ParseCountryPolicy(m["country_policy"]); err != nil {
		return err
	}
	f.unknown = m["unknown"]
	f.opts.KeepUnknown = m["unknown"] == "node"
	f.years, f.opts.Years = m["years"], graph.Period{}
	if f.years != "" {
		if f.opts.Years, err = graph.ParsePeriod(f.years); err != nil {
			return err
		}
	}
	if f.opts.MaxAuthors, err = strconv.Atoi(m["max_authors"]); err != nil {
		return fmt.Errorf("max_authors %q", m["max_authors"])
	}
	f.opts.HyperOnly = m["hyper"] == "only"
	f.opts.Leader = graph.FirstAuthor
	if m["lead"] == "corresponding" {
		f.opts.Leader = graph.CorrespondingAuthor
	}
	f.field = m["field"]
	f.groups = nil
	if m["groups"] != "" {
		for _, g := range strings.Split(m["groups"], ";") {
			if err := f.groups.Set(g); err != nil {
				return err
			}
		}
	}
	f.opts.Groups = f.groups
	return nil
}

// flagSummary lists an aggregate's flags that are not at their default.
func flagSummary(m map[string]string) string {
	def, _ := aggregate.Options{}.FlagMap()
	var s []string
	for _, k := range []string{"level", "unknown", "years", "country_policy", "groups", "max_authors", "hyper", "lead", "field", "field_map"} {
		if m[k] != def[k] || k == "level" {
			s = append(s, k+"="+m[k])
		}
	}
	return strings.Join(s, " ")
}

// runSplit writes the papers of its inputs into n shards, each paper in
// exactly one, chosen by a hash of its identity, so that shards can be
// counted apart and their aggregates merged.
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
	if *n < 1 {
		return usagef("-n %d: want at least 1 shard", *n)
	}
	if *by != "doi" && *by != "id" {
		return usagef("--by %q: want doi or id", *by)
	}
	if !strings.Contains(*out, "{n}") {
		return usagef("-o %s: must contain {n}", *out)
	}
	ws := make([]*jsonl.Writer, *n)
	fhs := make([]*os.File, *n)
	counts := make([]int, *n)
	defer func() {
		for _, fh := range fhs {
			if fh != nil {
				fh.Close()
			}
		}
	}()
	for i := range ws {
		path := strings.ReplaceAll(*out, "{n}", strconv.Itoa(i+1))
		fh, err := os.Create(path)
		if err != nil {
			return err
		}
		fhs[i], ws[i] = fh, jsonl.NewWriter(fh)
	}
	lo := f.loadOptions(e)
	lo.Need, lo.AsRead = load.All, true // split writes the records as read
	sum, err := load.Papers(context.Background(), files, lo, func(p *coauthnet.Paper) error {
		k := p.ID
		if *by == "doi" && p.DOI != "" {
			k = "doi:" + load.NormDOI(p.DOI)
		}
		i := shardOf(k, *n)
		counts[i]++
		return ws[i].Write(p)
	})
	if err != nil {
		return err
	}
	for i := range ws {
		if err := ws[i].Flush(); err != nil {
			return err
		}
		if err := fhs[i].Close(); err != nil {
			return err
		}
		fhs[i] = nil
	}
	fmt.Fprintf(e.stderr, "coauthnet: read %s, %d skipped, %d duplicates (written once); shards of %v papers\n", summary.Plural(sum.Read, "record"), sum.Skipped, sum.Duplicated(), counts)
	return nil
}

// shardOf is the shard of a key: FNV-1a 64 of the key modulo n.
func shardOf(key string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64() % uint64(n))
}
