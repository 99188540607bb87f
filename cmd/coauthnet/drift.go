package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/community"
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
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *format != "csv" && *format != "json" {
		return usagef("--format %q: want csv or json", *format)
	}
	if *tableName != "steps" && *tableName != "edges" && *tableName != "edge-steps" && *tableName != "nodes" {
		return usagef("--table %q: want steps, edges, edge-steps or nodes", *tableName)
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
	s, rep, err := load(&f, files, e)
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

	st := stepsTable(gs, c)

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
	et := &sheet{columns: strings.Split("source,target,peak_year,change_point,slope_before,slope_after,f,change", ",")}
	for _, t := range trends {
		src, dst := t.Source, t.Target
		if *focal != "" && dst == *focal {
			src, dst = dst, src
		}
		cp := ""
		if t.ChangePoint >= 0 {
			cp = periods[t.ChangePoint].String()
		}
		et.rows = append(et.rows, []any{src, dst, periods[t.Peak].String(), cp, t.SlopeBefore, t.SlopeAfter, t.F, t.Change()})
	}

	// Nodes: profile drift first → last period, rank movers.
	nodes := rankMovers(gs[0], gs[len(gs)-1], *focal, c)
	if *top > 0 && len(nodes) > 2**top {
		nodes = append(nodes[:*top:*top], nodes[len(nodes)-*top:]...)
	}
	nt := nodesDriftTable(nodes)
	xt := &sheet{columns: strings.Split("from,to,source,target,weight_from,weight_to,change,relative,log_ratio,status", ",")}
	for _, x := range drift.EdgeSteps(gs, c) {
		if *focal != "" && x.Source != *focal && x.Target != *focal {
			continue
		}
		xt.rows = append(xt.rows, []any{x.From.String(), x.To.String(), x.Source, x.Target, x.WeightFrom, x.WeightTo, x.Change(), x.Relative(), x.LogRatio(), x.Status()})
	}
	fmt.Fprintf(e.stderr, "coauthnet: %d periods from %v to %v; change points need F ≥ %d (see package drift)\n", len(periods), periods[0], periods[len(periods)-1], drift.Significant)

	return writeFile(*out, e.stdout, func(w io.Writer) error {
		if *format == "csv" {
			return map[string]*sheet{"steps": st, "edges": et, "edge-steps": xt, "nodes": nt}[*tableName].write(w, "csv")
		}
		_, err := fmt.Fprintf(w, "{\"steps\":%s,\n\"edges\":%s,\n\"edge_steps\":%s,\n\"nodes\":%s}\n", rowsJSON(st), rowsJSON(et), rowsJSON(xt), rowsJSON(nt))
		return err
	})
}

// stepsTable is the drift steps table, with partition stability.
func stepsTable(gs []*graph.Graph, c graph.Counting) *sheet {
	st := &sheet{columns: strings.Split("from,to,jaccard,weight_change,edges_gained,edges_lost,nmi,ari", ",")}
	var prev *community.Partition
	for i, g := range gs {
		part := community.Detect(g, community.Options{Counting: c})
		if i > 0 {
			x := drift.Steps(gs[i-1:i+1], c)[0]
			nmi, ari, _ := community.Stability(gs[i-1], prev, g, part)
			st.rows = append(st.rows, []any{x.From.String(), x.To.String(), x.Jaccard, x.WeightChange(), x.EdgesGained, x.EdgesLost, nmi, ari})
		}
		prev = part
	}
	return st
}

type nodeRow struct {
	key      string
	drift    float64
	from, to int
}

// rankMovers returns every node ranked in both graphs, with its profile
// drift and its rank in each (by output, or as focal's partner by weight
// c when focal is set), sorted by rise (largest first), ties by key.
func rankMovers(first, last *graph.Graph, focal string, c graph.Counting) []nodeRow {
	rank := func(g *graph.Graph) map[string]int {
		type kv struct {
			k string
			w float64
		}
		var l []kv
		if focal != "" {
			if v, ok := g.Index(focal); ok {
				for u, w := range g.From(v) {
					l = append(l, kv{g.Label(u), w[c]})
				}
			}
		} else {
			for v := 0; v < g.Len(); v++ {
				l = append(l, kv{g.Label(v), g.Node(v).Output})
			}
		}
		slices.SortFunc(l, func(a, b kv) int {
			if x := cmp.Compare(b.w, a.w); x != 0 {
				return x
			}
			return strings.Compare(a.k, b.k)
		})
		m := map[string]int{}
		for i, x := range l {
			m[x.k] = i + 1
		}
		return m
	}
	rf, rt := rank(first), rank(last)
	var nodes []nodeRow
	for k, r := range rt {
		if _, ok := rf[k]; !ok {
			continue
		}
		d, _ := drift.ProfileDrift(first, last, k, c)
		nodes = append(nodes, nodeRow{k, d, rf[k], r})
	}
	slices.SortFunc(nodes, func(a, b nodeRow) int {
		if x := cmp.Compare(b.from-b.to, a.from-a.to); x != 0 {
			return x
		}
		return strings.Compare(a.key, b.key)
	})
	return nodes
}

func nodesDriftTable(nodes []nodeRow) *sheet {
	nt := &sheet{columns: strings.Split("node,drift,rank_from,rank_to", ",")}
	for _, n := range nodes {
		nt.rows = append(nt.rows, []any{n.key, n.drift, n.from, n.to})
	}
	return nt
}
