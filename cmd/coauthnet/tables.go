package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
)

// A sheet is rows of values under named columns, written as CSV or JSON.
// Values are string, int or float64; NaN and ±Inf are written empty
// (CSV) or null (JSON).
type sheet struct {
	columns []string
	rows    [][]any
	meta    [][2]string // JSON only: written before "rows"
	raw     [][2]string // JSON only: name and JSON text, after meta
}

func (t *sheet) write(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	switch format {
	case "csv":
		cw := csv.NewWriter(bw)
		cw.Write(t.columns)
		rec := make([]string, len(t.columns))
		for _, r := range t.rows {
			for i, v := range r {
				rec[i] = cell(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case "json":
		bw.WriteString("{")
		for _, m := range t.meta {
			k, _ := json.Marshal(m[0])
			v, _ := json.Marshal(m[1])
			fmt.Fprintf(bw, "%s:%s,", k, v)
		}
		for _, m := range t.raw {
			k, _ := json.Marshal(m[0])
			fmt.Fprintf(bw, "%s:%s,", k, m[1])
		}
		bw.WriteString("\"rows\":")
		bw.WriteString(rowsJSON(t))
		bw.WriteString("}\n")
	default:
		return usagef("--format %q: want csv or json", format)
	}
	return bw.Flush()
}

func cell(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

func jsonValue(v any) string {
	switch x := v.(type) {
	case string:
		b, _ := json.Marshal(x)
		return string(b)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "null"
		}
	}
	return cell(v)
}

// tableFlags are the flags of nodes and edges beyond the input flags.
type tableFlags struct {
	format, focal string
	baseYear      int
	resolution    float64
	algorithm     community.Algorithm
	seed          uint64
	periods       string
	between       [2]graph.Period // parsed --periods
}

// periods returns the periods to tabulate: every year with --by-year,
// else --years or the whole span.
func periods(f *inputFlags, tf *tableFlags, s *graph.Series) []graph.Period {
	if tf.periods != "" {
		return tf.between[:]
	}
	if f.byYear {
		var ps []graph.Period
		for _, y := range s.Years() {
			ps = append(ps, graph.Year(y))
		}
		return ps
	}
	if f.opts.Years != (graph.Period{}) {
		return []graph.Period{f.opts.Years}
	}
	return []graph.Period{s.Span()}
}

func tableCommand(name, usage string, args []string, e *env, build func(f *inputFlags, tf *tableFlags, s *graph.Series) (*sheet, error)) error {
	var f inputFlags
	var tf tableFlags
	fs := newFlagSet(name, usage, e.stderr)
	f.register(fs)
	f.allowByField = name != "communities"
	fs.StringVar(&tf.format, "format", "csv", "output `format`: csv or json")
	if name == "edges" {
		fs.StringVar(&tf.focal, "focal", "", "only this node's edges, with it as source, ranked by weight")
	}
	if name == "communities" {
		fs.Float64Var(&tf.resolution, "resolution", 1, "resolution γ of the modularity (larger: more, smaller communities)")
		fs.Uint64Var(&tf.seed, "seed", 1, "random seed of the community detection; the same seed gives the same partition")
		algorithmFlag(fs, &tf.algorithm)
	}
	if name == "nodes" {
		f.measures.register(fs)
	}
	if name == "edges" {
		fs.IntVar(&tf.baseYear, "base-year", 0, "with --by-year, add index and intensity_index: value / value in `YEAR` × 100")
		fs.StringVar(&tf.periods, "periods", "", "two periods `P1,P2` (e.g. 2013-2017,2018-2022): both tabulated, with growth = weight in P2 / weight in P1")
	}
	out := fs.String("o", "-", "output `file`; - is standard output")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if tf.format != "csv" && tf.format != "json" {
		return usagef("--format %q: want csv or json", tf.format)
	}
	if tf.baseYear != 0 && !f.byYear {
		return usagef("--base-year indexes yearly values: add --by-year")
	}
	if tf.periods != "" {
		a, b, ok := strings.Cut(tf.periods, ",")
		var err1, err2 error
		tf.between[0], err1 = graph.ParsePeriod(a)
		tf.between[1], err2 = graph.ParsePeriod(b)
		if !ok || err1 != nil || err2 != nil {
			return usagef("--periods %q: want two periods such as 2013-2017,2018-2022", tf.periods)
		}
		if f.byYear {
			return usagef("--periods and --by-year: give one or the other")
		}
	}
	s, rep, err := load(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	var t *sheet
	if f.byField {
		t, err = byField(rep.parts(), func(s *graph.Series) (*sheet, error) { return build(&f, &tf, s) }, e)
	} else {
		t, err = build(&f, &tf, s)
	}
	if err != nil {
		return err
	}
	if name != "communities" {
		c := f.countings[0]
		fmt.Fprintf(e.stderr, "coauthnet: measures use weight %s; betweenness, closeness and harmonic use distance 1/%s\n", c, c)
		f.measures.printCosts(e.stderr)
	}
	return writeFile(*out, e.stdout, func(w io.Writer) error { return t.write(w, tf.format) })
}

// byField builds the table of each field's series and joins them under
// a first column "field". A field whose table fails (a --focal node
// absent from it, say) is reported and left out.
func byField(parts []part, build func(*graph.Series) (*sheet, error), e *env) (*sheet, error) {
	var t *sheet
	for _, pt := range parts {
		ft, err := build(pt.s)
		if err != nil {
			fmt.Fprintf(e.stderr, "coauthnet: field %s: %v (left out)\n", pt.field, err)
			continue
		}
		if t == nil {
			t = &sheet{columns: append([]string{"field"}, ft.columns...), meta: ft.meta}
		}
		for _, r := range ft.rows {
			t.rows = append(t.rows, append([]any{pt.field}, r...))
		}
	}
	if t == nil {
		return nil, errors.New("--by-field: no field gave a table")
	}
	return t, nil
}

func runNodes(args []string, e *env) error {
	return tableCommand("nodes", "coauthnet nodes [input flags] [--measures LIST] [--betweenness-samples K] [--workers N] [--format csv|json] [-o OUT] FILE...", args, e, nodesTable)
}

// nodeColumns are the columns of coauthnet nodes: the leadership
// columns are named after the lead author (first or corresponding), and
// impact columns come with --impact.
func nodeColumns(f *inputFlags) []string {
	l := f.leadName()
	cols := append(strings.Split("period,node,label,papers,output,intl,intl_rate,"+l+","+l+"_intl", ","), f.measures.columns()...)
	if f.impact {
		cols = append(cols, "impact", "impact_papers")
	}
	return cols
}

// ratio returns a/b, or NaN when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// nodesTable is the table of coauthnet nodes.
func nodesTable(f *inputFlags, tf *tableFlags, s *graph.Series) (*sheet, error) {
	c := f.countings[0]
	t := &sheet{
		columns: nodeColumns(f),
		meta:    [][2]string{{"weight", c.String()}, {"distance", "1/" + c.String()}},
	}
	for _, p := range periods(f, tf, s) {
		nodeRows(t, p, s.Range(p), c, f)
	}
	return t, nil
}

// nodeRows adds the rows of g's nodes (nodeColumns) to t.
func nodeRows(t *sheet, p graph.Period, g *graph.Graph, c graph.Counting, f *inputFlags) {
	mv := f.measures.compute(g, c)
	for v := 0; v < g.Len(); v++ {
		nw := g.Node(v)
		r := measureValues([]any{p.String(), g.Label(v), g.Name(v), nw.Papers, nw.Output, nw.Intl,
			ratio(float64(nw.Intl), float64(nw.Papers)), nw.Lead, nw.LeadIntl}, mv, v)
		if f.impact {
			r = append(r, nw.Impact.Mean(), nw.Impact.N)
		}
		t.rows = append(t.rows, r)
	}
}

// edgeColumns are the columns of coauthnet edges (before the optional
// index and growth columns).
func edgeColumns(f *inputFlags) []string {
	cols := strings.Split("period,source,target,full,bifrac,frac,share,intensity,association,salton,jaccard,inclusion,share_of_source,share_of_target,rank_for_source,rank_for_target,lead_source,lead_target,not_led_source,partner_paper_share,partner_paper_share_target", ",")
	if f.impact {
		cols = append(cols, "impact", "impact_papers", "impact_ratio_source")
	}
	return cols
}

// edgeRow is the row (edgeColumns) of edge ed oriented src → dst, with
// its pair measures pm as computed for (ed.From, ed.To).
func edgeRow(p graph.Period, g *graph.Graph, ed graph.Edge, pm metrics.Pair, flip bool, f *inputFlags) []any {
	src, dst := ed.From, ed.To
	ss, st, rs, rt := pm.ShareOfSource, pm.ShareOfTarget, pm.RankForSource, pm.RankForTarget
	ls, lt := ed.Lead[0], ed.Lead[1]
	if flip {
		src, dst, ss, st, rs, rt, ls, lt = dst, src, st, ss, rt, rs, lt, ls
	}
	full := ed.W[graph.Full]
	r := []any{p.String(), g.Label(src), g.Label(dst),
		full, ed.W[graph.BiFrac], ed.W[graph.Frac], ed.W[graph.Share],
		pm.Intensity, pm.Association, pm.Salton, pm.Jaccard, pm.Inclusion, ss, st, rs, rt,
		ls, lt, full - ls, ratio(full, float64(g.Node(src).Intl)), ratio(full, float64(g.Node(dst).Intl))}
	if f.impact {
		r = append(r, ed.Impact.Mean(), ed.Impact.N, ratio(ed.Impact.Mean(), g.Node(src).Impact.Mean()))
	}
	return r
}

// graphTables returns the node and edge tables of one graph, with the
// columns of coauthnet nodes and edges, and the extra node columns cols
// (which must not repeat those).
func graphTables(f *inputFlags, g *graph.Graph, c graph.Counting, cols []table.Column) (nodes, edges *sheet) {
	p := g.Period()
	nodes = &sheet{columns: nodeColumns(f)}
	nodeRows(nodes, p, g, c, f)
	for _, col := range cols {
		nodes.columns = append(nodes.columns, col.Name)
		for v := range nodes.rows {
			var x any
			switch col.Kind() {
			case table.Int:
				x = col.Int(v)
			case table.Float:
				x = col.Float(v)
			default:
				x = col.Text(v)
			}
			nodes.rows[v] = append(nodes.rows[v], x)
		}
	}
	edges = &sheet{columns: edgeColumns(f)}
	pairs := metrics.Pairs(g, c)
	for i := 0; i < g.NumEdges(); i++ {
		edges.rows = append(edges.rows, edgeRow(p, g, g.Edge(i), pairs[i], false, f))
	}
	return nodes, edges
}

func runEdges(args []string, e *env) error {
	return tableCommand("edges", "coauthnet edges [input flags] [--focal CN] [--format csv|json] [-o OUT] FILE...", args, e, edgesTable)
}

// edgesTable is the table of coauthnet edges.
func edgesTable(f *inputFlags, tf *tableFlags, s *graph.Series) (*sheet, error) {
	c := f.countings[0]
	t := &sheet{
		columns: edgeColumns(f),
		meta:    [][2]string{{"weight", c.String()}},
	}
	if tf.focal != "" {
		t.meta = append(t.meta, [2]string{"focal", tf.focal})
	}
	// Base-year values and first-period weights, by edge key.
	type key struct{ a, b string }
	edgeKey := func(g *graph.Graph, u, v int) key {
		a, b := g.Label(u), g.Label(v)
		if a > b {
			a, b = b, a
		}
		return key{a, b}
	}
	var base map[key][2]float64 // weight, intensity in the base year
	if tf.baseYear != 0 {
		t.columns = append(t.columns, "index", "intensity_index")
		t.meta = append(t.meta, [2]string{"base_year", strconv.Itoa(tf.baseYear)})
		base = map[key][2]float64{}
		bg := s.At(tf.baseYear)
		if bg.Len() == 0 {
			return nil, fmt.Errorf("--base-year %d: no papers counted in that year", tf.baseYear)
		}
		bp := metrics.Pairs(bg, c)
		for i := 0; i < bg.NumEdges(); i++ {
			e := bg.Edge(i)
			base[edgeKey(bg, e.From, e.To)] = [2]float64{e.W[c], bp[i].Intensity}
		}
	}
	var first, second map[key]float64 // weights in the two --periods
	if tf.periods != "" {
		t.columns = append(t.columns, "growth")
		weights := func(p graph.Period) map[key]float64 {
			m := map[key]float64{}
			g := s.Range(p)
			for e := range g.Edges() {
				m[edgeKey(g, e.From, e.To)] = e.W[c]
			}
			return m
		}
		first, second = weights(tf.between[0]), weights(tf.between[1])
	}
	found := false
	for _, p := range periods(f, tf, s) {
		g := s.Range(p)
		if f.minWeight > 0 {
			g = g.Prune(c, f.minWeight)
		}
		pairs := metrics.Pairs(g, c)
		focal, ok := g.Index(tf.focal)
		found = found || ok
		type row struct {
			r    []any
			rank int
		}
		var rows []row
		for i := 0; i < g.NumEdges(); i++ {
			ed, pm := g.Edge(i), pairs[i]
			flip := false
			if tf.focal != "" {
				if !ok || (ed.From != focal && ed.To != focal) {
					continue
				}
				flip = ed.To == focal // orient focal → partner
			}
			r := edgeRow(p, g, ed, pm, flip, f)
			src, dst, rs := ed.From, ed.To, pm.RankForSource
			if flip {
				src, dst, rs = dst, src, pm.RankForTarget
			}
			k := edgeKey(g, src, dst)
			if base != nil {
				b, ok := base[k]
				if !ok {
					b = [2]float64{0, 0}
				}
				r = append(r, 100*ratio(ed.W[c], b[0]), 100*ratio(pm.Intensity, b[1]))
			}
			if first != nil {
				r = append(r, ratio(second[k], first[k]))
			}
			rows = append(rows, row{r, rs})
		}
		if tf.focal != "" { // partners ranked by weight
			for i := 1; i < len(rows); i++ {
				for j := i; j > 0 && rows[j].rank < rows[j-1].rank; j-- {
					rows[j], rows[j-1] = rows[j-1], rows[j]
				}
			}
		}
		for _, r := range rows {
			t.rows = append(t.rows, r.r)
		}
	}
	if tf.focal != "" && !found {
		return nil, fmt.Errorf("--focal %s: no such node in any period", tf.focal)
	}
	return t, nil
}

func runCommunities(args []string, e *env) error {
	return tableCommand("communities", "coauthnet communities [input flags] [--algorithm leiden|louvain] [--resolution 1] [--seed 1] [--format csv|json] FILE...", args, e,
		func(f *inputFlags, tf *tableFlags, s *graph.Series) (*sheet, error) {
			c := f.countings[0]
			t := &sheet{
				columns: []string{"period", "node", "label", "community"},
				meta: [][2]string{{"weight", c.String()}, {"algorithm", string(tf.algorithm)}, {"resolution", strconv.FormatFloat(tf.resolution, 'g', -1, 64)},
					{"seed", strconv.FormatUint(tf.seed, 10)}},
			}
			var summary []string
			var prevG *graph.Graph
			var prev *community.Partition
			var prevIDs []int // carried ids of the previous period
			for _, p := range periods(f, tf, s) {
				g := s.Range(p)
				part := community.Detect(g, community.Options{Counting: c, Algorithm: tf.algorithm, Resolution: tf.resolution, Seed: tf.seed})
				ids := part.Labels()
				if prev != nil {
					ids = community.Carry(prevG, prevIDs, g, part)
				}
				for v := 0; v < g.Len(); v++ {
					t.rows = append(t.rows, []any{p.String(), g.Label(v), g.Name(v), ids[v] + 1})
				}
				nmi, ari := math.NaN(), math.NaN()
				if prev != nil {
					nmi, ari, _ = community.Stability(prevG, prev, g, part)
				}
				summary = append(summary, fmt.Sprintf(`{"period":%q,"communities":%d,"modularity":%s,"nmi_prev":%s,"ari_prev":%s}`,
					p.String(), part.Len(), jsonValue(part.Modularity()), jsonValue(nmi), jsonValue(ari)))
				fmt.Fprintf(e.stderr, "coauthnet: %s: %d communities, modularity %.4f", p, part.Len(), part.Modularity())
				if prev != nil {
					fmt.Fprintf(e.stderr, ", stability with the previous period NMI %.3f ARI %.3f", nmi, ari)
				}
				fmt.Fprintln(e.stderr)
				prevG, prev, prevIDs = g, part, ids
			}
			t.raw = append(t.raw, [2]string{"periods", "[" + strings.Join(summary, ",") + "]"})
			return t, nil
		})
}
