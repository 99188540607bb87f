package main

import (
	"fmt"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/summary"
	"github.com/coauthnet/coauthnet/tables"
)

func runDrift(args []string, e *env) error {
	var f inputFlags
	var o tables.DriftOptions
	fs := newFlagSet("drift", "coauthnet drift [input flags] [--window N --step K | --between P1,P2] [--focal CN] [--top K] [--table steps|edges|nodes] [--format csv|json] FILE...", e.stderr)
	f.register(fs)
	fs.IntVar(&o.Window, "window", 0, "compare sliding windows of `N` years (with --step)")
	fs.IntVar(&o.Step, "step", 1, "years between window starts")
	fs.TextVar(&o.Between, "between", graph.PeriodPair{}, "compare two periods `P1,P2` (e.g. 2013-2017,2018-2022)")
	fs.StringVar(&o.Focal, "focal", "", "edges of this node only; nodes ranked as its partners")
	fs.IntVar(&o.Top, "top", 0, "keep the `K` largest edge changes and the K largest rank rises and falls (0: all)")
	tableName := fs.String("table", "edges", "CSV table: steps, edges, edge-steps or nodes")
	var out sheetFlags
	out.register(fs)
	files, err := out.parse(&f, fs, args)
	if err != nil {
		return err
	}
	if *tableName != "steps" && *tableName != "edges" && *tableName != "edge-steps" && *tableName != "nodes" {
		return usagef("--table %q: want steps, edges, edge-steps or nodes", *tableName)
	}
	if isSet(fs, "window") && o.Window < 1 || o.Step < 1 || o.Top < 0 {
		return usagef("want --window ≥ 1 (or left out), --step ≥ 1, --top ≥ 0 (0: all)")
	}
	if o.Window > 0 && o.Between.Pair() != nil {
		return usagef("--window and --between: give one or the other")
	}
	s, _, err := count(&f, files, e)
	if err != nil {
		return err
	}
	o.Counting = f.countings[0]
	d, err := tables.Drift(s, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: %s\n", summary.Drift(d))
	t := map[string]*tables.Sheet{"steps": d.Steps, "edges": d.Edges, "edge-steps": d.EdgeSteps, "nodes": d.Nodes}[*tableName]
	return out.write(e, t, d.JSON)
}
