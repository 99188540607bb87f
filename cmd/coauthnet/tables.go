package main

import (
	"fmt"

	"github.com/coauthnet/coauthnet/summary"
	"github.com/coauthnet/coauthnet/tables"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
)

// tableFlags are the flags of nodes and edges beyond the input flags.
type tableFlags struct {
	focal      string
	baseYear   int
	resolution float64
	algorithm  community.Algorithm
	seed       uint64
	between    graph.PeriodPair // --between, --periods
}

// periods returns the periods to tabulate: --periods, else every year
// with --by-year, else --years or the whole span.
func periods(f *inputFlags, tf *tableFlags, s *graph.Series) []graph.Period {
	if p := tf.between.Pair(); p != nil {
		return p[:]
	}
	return s.Periods(f.byYear, f.opts.Years)
}

func tableCommand(name, usage string, args []string, e *env, build func(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error)) error {
	var f inputFlags
	var tf tableFlags
	fs := newFlagSet(name, usage, e.stderr)
	f.register(fs)
	f.allowByField = name != "communities"
	if name == "edges" {
		fs.StringVar(&tf.focal, "focal", "", "only this node's edges, with it as source, ranked by weight")
	}
	if name == "communities" {
		fs.Float64Var(&tf.resolution, "resolution", 1, "resolution γ of the modularity (larger: more, smaller communities)")
		fs.Uint64Var(&tf.seed, "seed", 1, "random seed of the community detection; the same seed gives the same partition")
		fs.TextVar(&tf.algorithm, "algorithm", community.Leiden, "community detection `method`: leiden or louvain")
	}
	if name == "nodes" {
		f.measures.register(fs)
	}
	if name == "edges" {
		fs.IntVar(&tf.baseYear, "base-year", 0, "with --by-year, add index and intensity_index: value / value in `YEAR` × 100")
		fs.TextVar(&tf.between, "between", graph.PeriodPair{}, "two periods `P1,P2` (e.g. 2013-2017,2018-2022): both tabulated, with growth = weight in P2 / weight in P1 (as drift --between)")
		fs.TextVar(&tf.between, "periods", graph.PeriodPair{}, "the same as --between `P1,P2` (older name)")
	}
	var out sheetFlags
	out.register(fs)
	files, err := out.parse(&f, fs, args)
	if err != nil {
		return err
	}
	if tf.baseYear != 0 && !f.byYear {
		return usagef("--base-year indexes yearly values: add --by-year")
	}
	if tf.between.Pair() != nil && f.byYear {
		return usagef("--between and --by-year: give one or the other")
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	var t *tables.Sheet
	if f.byField {
		t, err = tables.ByField(rep.ByField.Series(), func(s *graph.Series) (*tables.Sheet, error) { return build(&f, &tf, s) },
			func(field string, err error) {
				fmt.Fprintf(e.stderr, "coauthnet: field %s: %v (left out)\n", field, err)
			})
	} else {
		t, err = build(&f, &tf, s)
	}
	if err != nil {
		return err
	}
	if name == "nodes" {
		fmt.Fprintf(e.stderr, "coauthnet: %s\n", summary.Weights(f.countings[0], f.measures.Measures))
		printLines(e.stderr, f.measures.costs.Lines())
	}
	return out.write(e, t, nil)
}

func runNodes(args []string, e *env) error {
	return tableCommand("nodes", "coauthnet nodes [input flags] [--measures LIST] [--betweenness-samples K] [--workers N] [--format csv|json] [-o OUT] FILE...", args, e, nodesTable)
}

// tableOptions are the table options of the input flags: the first
// counting, the leader, impact, and every measure.
func (f *inputFlags) tableOptions() tables.Options {
	return tables.Options{Counting: f.countings[0], Leader: f.opts.Leader, Impact: f.opts.Impact, Measure: f.measures.options()}
}

// nodesTable is the table of coauthnet nodes.
func nodesTable(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error) {
	return tables.NodeSeries(s, f.tableOptions(), periods(f, tf, s)), nil
}

func runEdges(args []string, e *env) error {
	return tableCommand("edges", "coauthnet edges [input flags] [--focal CN] [--format csv|json] [-o OUT] FILE...", args, e, edgesTable)
}

// edgesTable is the table of coauthnet edges.
func edgesTable(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error) {
	so := tables.SeriesOptions{Periods: periods(f, tf, s), MinWeight: f.minWeight, Focal: tf.focal, BaseYear: tf.baseYear, Between: tf.between.Pair()}
	return tables.EdgeSeries(s, f.tableOptions(), so)
}

func runCommunities(args []string, e *env) error {
	return tableCommand("communities", "coauthnet communities [input flags] [--algorithm leiden|louvain] [--resolution 1] [--seed 1] [--format csv|json] FILE...", args, e,
		func(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error) {
			o := community.Options{Counting: f.countings[0], Algorithm: tf.algorithm, Resolution: tf.resolution, Seed: tf.seed}
			t, sum := tables.Communities(s, periods(f, tf, s), o)
			printLines(e.stderr, summary.Communities(sum))
			return t, nil
		})
}
