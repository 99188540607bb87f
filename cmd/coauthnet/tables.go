package main

import (
	"fmt"

	"github.com/coauthnet/coauthnet/summary"
	"github.com/coauthnet/coauthnet/tables"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
)

// tableFlags are the flags of edges and communities beyond the input
// flags, bound to the library's options.
type tableFlags struct {
	edges tables.SeriesOptions // edges: --focal, --base-year, --between (--periods)
	comm  community.Options    // communities: --algorithm, --resolution, --seed
}

func tableCommand(name, usage string, args []string, e *env, build func(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error)) error {
	var f inputFlags
	var tf tableFlags
	fs := newFlagSet(name, usage, e.stderr)
	f.register(fs)
	if name == "communities" {
		fs.Float64Var(&tf.comm.Resolution, "resolution", 1, "resolution γ of the modularity (larger: more, smaller communities)")
		fs.Uint64Var(&tf.comm.Seed, "seed", 1, "random seed of the community detection; the same seed gives the same partition")
		fs.TextVar(&tf.comm.Algorithm, "algorithm", community.Leiden, "community detection `method`: leiden or louvain")
	}
	if name == "nodes" {
		f.measures.register(fs)
	}
	if name == "edges" {
		fs.StringVar(&tf.edges.Focal, "focal", "", "only this node's edges, with it as source, ranked by weight")
		fs.IntVar(&tf.edges.BaseYear, "base-year", 0, "with --by-year, add index and intensity_index: value / value in `YEAR` × 100")
		fs.TextVar(&tf.edges.Between, "between", graph.PeriodPair{}, "two periods `P1,P2` (e.g. 2013-2017,2018-2022): both tabulated, with growth = weight in P2 / weight in P1 (as drift --between)")
		fs.TextVar(&tf.edges.Between, "periods", graph.PeriodPair{}, "the same as --between `P1,P2` (older name)")
	}
	var out sheetFlags
	out.register(fs)
	files, err := out.parse(&f, fs, args)
	if err != nil {
		return err
	}
	if tf.edges.BaseYear != 0 && !f.byYear {
		return usagef("--base-year indexes yearly values: add --by-year")
	}
	if tf.edges.Between.Pair() != nil && f.byYear {
		return usagef("--between and --by-year: give one or the other")
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	var t *tables.Sheet
	if f.byField {
		t, err = tables.ByField(rep.ByField.Series(), func(s *graph.Series) (*tables.Sheet, error) { return build(&f, &tf, s) }, summary.LeftOut(e.stderr))
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
	return tables.Options{Counting: f.countings[0], Leader: f.opts.Leader, Impact: f.opts.Impact, Measure: f.measures.MeasureOptions}
}

// nodesTable is the table of coauthnet nodes.
func nodesTable(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error) {
	return tables.NodeSeries(s, f.tableOptions(), s.Periods(f.byYear, f.opts.Years)), nil
}

func runEdges(args []string, e *env) error {
	return tableCommand("edges", "coauthnet edges [input flags] [--focal CN] [--format csv|json] [-o OUT] FILE...", args, e, edgesTable)
}

// edgesTable is the table of coauthnet edges: of the two periods of
// --between, else of every year with --by-year, else of --years or the
// whole span.
func edgesTable(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error) {
	so := tf.edges
	so.Periods, so.MinWeight = s.Periods(f.byYear, f.opts.Years), f.minWeight
	if p := so.Between.Pair(); p != nil {
		so.Periods = p[:]
	}
	return tables.EdgeSeries(s, f.tableOptions(), so)
}

func runCommunities(args []string, e *env) error {
	return tableCommand("communities", "coauthnet communities [input flags] [--algorithm leiden|louvain] [--resolution 1] [--seed 1] [--format csv|json] FILE...", args, e,
		func(f *inputFlags, tf *tableFlags, s *graph.Series) (*tables.Sheet, error) {
			o := tf.comm
			o.Counting = f.countings[0]
			t, sum := tables.Communities(s, s.Periods(f.byYear, f.opts.Years), o)
			printLines(e.stderr, summary.Communities(sum))
			return t, nil
		})
}
