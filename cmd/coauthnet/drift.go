package main

import (
	"cmp"
	"fmt"
	"github.com/coauthnet/coauthnet/tables"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
)

func runDrift(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("drift", "coauthnet drift [input flags] [--window N --step K | --between P1,P2] [--focal CN] [--top K] [--table steps|edges|nodes] [--format csv|json] FILE...", e.stderr)
	f.register(fs)
	window := fs.Int("window", 0, "compare sliding windows of `N` years (with --step)")
	step := fs.Int("step", 1, "years between window starts")
	between := fs.String("between", "", "compare two periods `P1,P2` (e.g. 2013-2017,2018-2022)")
	focal := fs.String("focal", "", "edges of this node only; nodes ranked as its partners")
	top := fs.Int("top", 0, "keep the `K` largest edge changes and the K largest rank rises and falls (0: all)")
	tableName := fs.String("table", "edges", "CSV table: steps, edges, edge-steps or nodes")
	format := fs.String("format", "csv", "output `format`: csv or json")
	out := fs.String("o", "-", "output `file`; - is standard output")
	var cf csvFlags
	cf.register(fs)
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if _, err := cf.options(); err != nil {
		return err
	}
	if err := tableOut(fs, *out, format); err != nil {
		return err
	}
	if *tableName != "steps" && *tableName != "edges" && *tableName != "edge-steps" && *tableName != "nodes" {
		return usagef("--table %q: want steps, edges, edge-steps or nodes", *tableName)
	}
	if isSet(fs, "window") && *window < 1 || *step < 1 || *top < 0 {
		return usagef("want --window ≥ 1 (or left out), --step ≥ 1, --top ≥ 0 (0: all)")
	}
	if *window > 0 && *between != "" {
		return usagef("--window and --between: give one or the other")
	}
	var two [2]graph.Period
	if *between != "" {
		a, b, ok := strings.Cut(*between, ",")
		var e1, e2 error
		two[0], e1 = graph.ParsePeriod(a)
		two[1], e2 = graph.ParsePeriod(b)
		if !ok || e1 != nil || e2 != nil {
			return usagef("--between %q: want two periods such as 2013-2017,2018-2022", *between)
		}
	}
	s, rep, err := count(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	var periods []graph.Period
	switch {
	case *between != "":
		periods = two[:]
	case *window > 0:
		if periods = s.Windows(*window, *step); len(periods) < 2 {
			return fmt.Errorf("--window %d --step %d gives %d window(s) over %v; need two", *window, *step, len(periods), s.Span())
		}
	default:
		for _, y := range s.Years() {
			periods = append(periods, graph.Year(y))
		}
	}
	if len(periods) < 2 {
		return fmt.Errorf("drift needs at least two periods; the input has %v", s.Span())
	}
	c := f.countings[0]
	gs := make([]*graph.Graph, len(periods))
	for i, p := range periods {
		gs[i] = s.Range(p)
	}

	st := tables.DriftSteps(gs, c)

	// Edges.
	trends := drift.Edges(gs, c)
	if *focal != "" {
		trends = slices.DeleteFunc(trends, func(t drift.EdgeTrend) bool { return t.Source != *focal && t.Target != *focal })
		if len(trends) == 0 {
			return fmt.Errorf("--focal %s: no edges in any period", *focal)
		}
	}
	if *top > 0 {
		slices.SortStableFunc(trends, func(a, b drift.EdgeTrend) int { return cmp.Compare(math.Abs(b.Change()), math.Abs(a.Change())) })
		trends = trends[:min(*top, len(trends))]
	}
	et := tables.EdgeTrends(trends, *focal)

	// Nodes: profile drift first → last period, rank movers.
	nodes := tables.RankMovers(gs[0], gs[len(gs)-1], *focal, c)
	if *top > 0 && len(nodes) > 2**top {
		nodes = append(nodes[:*top:*top], nodes[len(nodes)-*top:]...)
	}
	nt := tables.MoversTable(nodes)
	xt := tables.EdgeStepsTable(drift.EdgeSteps(gs, c), *focal)
	fmt.Fprintf(e.stderr, "coauthnet: %d periods from %v to %v; change points need F ≥ %d (see package drift)\n", len(periods), periods[0], periods[len(periods)-1], drift.Significant)

	return writeFile(*out, e.stdout, func(w io.Writer) error {
		if *format == "csv" {
			t := map[string]*tables.Sheet{"steps": st, "edges": et, "edge-steps": xt, "nodes": nt}[*tableName]
			return cf.writeSheet(w, t, "csv")
		}
		_, err := fmt.Fprintf(w, "{\"steps\":%s,\n\"edges\":%s,\n\"edge_steps\":%s,\n\"nodes\":%s}\n", tables.RowsJSON(st), tables.RowsJSON(et), tables.RowsJSON(xt), tables.RowsJSON(nt))
		return err
	})
}
