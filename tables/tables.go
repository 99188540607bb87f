// Package tables computes the node and edge tables of co-authorship
// graphs, as coauthnet nodes and coauthnet edges write them: per node its
// weights, leadership and (when asked) centralities; per edge its four
// weights, intensity and normalised similarities, partner shares and
// ranks, leadership, and optional indices to a base year or growth
// between two periods. A [Sheet] is written as CSV or JSON, or turned
// into typed columns for Parquet and graph exports.
package tables

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
)

// Options choose the weight and the columns of the tables.
type Options struct {
	// Counting is the weight of strength, centralities, intensity and
	// ranks. It has no default: the zero value is graph.Full (whole
	// counting), which the command uses only when asked; most studies
	// want graph.BiFrac.
	Counting graph.Counting
	// Leader names the leadership columns (graph.FirstAuthor, the zero
	// value: "first", "first_intl"); it must be the Leader the graph was
	// counted with.
	Leader graph.Leader
	// Impact adds the citation impact columns (the graph must have been
	// counted with graph.Options.Impact). Default false.
	Impact bool
	// Centrality computes betweenness, closeness and harmonic centrality
	// (O(V·E·log V)), eigenvector and PageRank. Default false: those
	// columns are left out. Measure.Measures, when set, decides instead.
	Centrality bool
	// Measure chooses the node measures and how they are computed.
	Measure MeasureOptions
}

// MeasureOptions choose the node measure columns of [Nodes] (see
// metrics.Nodes).
type MeasureOptions struct {
	// Measures are the measures computed, in column order; 0 means every
	// measure with Options.Centrality, else metrics.DefaultMeasures
	// (degree, strength, eigenvector, PageRank: the cheap ones, as in
	// metrics.NodeOptions and coauthnet nodes).
	Measures metrics.Measures
	// Samples, when positive, estimates betweenness from that many pivot
	// sources (seed 1); Workers is the number of goroutines of the
	// shortest-path pass (0: GOMAXPROCS; the output does not depend on
	// it).
	Samples, Workers int
	// Measured, when not nil, is given each graph's measures with what
	// each cost.
	Measured func(g *graph.Graph, v *metrics.NodeValues)
}

// Validate reports a negative Samples or Workers: 0 means exact
// betweenness and one goroutine per CPU, a negative count is a mistake
// rather than a default. The message names the command's flags, as this
// package's other messages do.
func (o MeasureOptions) Validate() error {
	if o.Samples < 0 || o.Workers < 0 {
		return errors.New("tables: --betweenness-samples and --workers: want 0 or a positive number")
	}
	return nil
}

// measures are the measures of o's node table.
func (o Options) measures() metrics.Measures {
	switch {
	case o.Measure.Measures != 0:
		return o.Measure.Measures
	case o.Centrality:
		return metrics.AllMeasures
	}
	return metrics.DefaultMeasures
}

// NodeColumns are the columns of [Nodes].
func NodeColumns(o Options) []string {
	l := o.Leader.String()
	cols := strings.Split("period,node,label,papers,output,intl,intl_rate,"+l+","+l+"_intl", ",")
	for _, m := range o.measures().List() {
		cols = append(cols, m.String())
	}
	if o.Impact {
		cols = append(cols, "impact", "impact_papers")
	}
	return cols
}

// Ratio returns a/b, or NaN when b is 0.
func Ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// Nodes returns the node table of g, one row per node in label order,
// with the columns [NodeColumns]. Weighted paths use the distance
// 1/weight.
func Nodes(g *graph.Graph, o Options) *Sheet {
	t := &Sheet{Columns: NodeColumns(o)}
	AddNodes(t, g, o)
	return t
}

// AddNodes appends the rows of g's nodes to t (columns [NodeColumns]).
func AddNodes(t *Sheet, g *graph.Graph, o Options) {
	p := g.Period()
	mv := metrics.Nodes(g, metrics.NodeOptions{Counting: o.Counting, Measures: o.measures(),
		Samples: o.Measure.Samples, Seed: 1, Workers: o.Measure.Workers})
	if o.Measure.Measured != nil {
		o.Measure.Measured(g, mv)
	}
	ms := mv.Measures.List()
	for v := 0; v < g.Len(); v++ {
		nw := g.Node(v)
		r := []any{p.String(), g.Label(v), g.Name(v), nw.Papers, nw.Output, nw.Intl,
			Ratio(float64(nw.Intl), float64(nw.Papers)), nw.Lead, nw.LeadIntl}
		for _, m := range ms {
			if m == metrics.MeasureDegree {
				r = append(r, mv.Degree[v])
			} else {
				r = append(r, mv.Float(m)[v])
			}
		}
		if o.Impact {
			r = append(r, nw.Impact.Mean(), nw.Impact.N)
		}
		t.Rows = append(t.Rows, r)
	}
}

// EdgeColumns are the columns of [Edges] (before the optional index and
// growth columns of [EdgeSeries]).
func EdgeColumns(o Options) []string {
	cols := strings.Split("period,source,target,full,bifrac,frac,share,intensity,association,salton,jaccard,inclusion,share_of_source,share_of_target,rank_for_source,rank_for_target,lead_source,lead_target,not_led_source,partner_paper_share,partner_paper_share_target", ",")
	if o.Impact {
		cols = append(cols, "impact", "impact_papers", "impact_ratio_source")
	}
	return cols
}

// EdgeRow is the row ([EdgeColumns]) of edge ed of g, oriented From → To,
// or To → From when flip is set; pm are its pair measures as
// metrics.Pairs computes them for (ed.From, ed.To).
func EdgeRow(g *graph.Graph, ed graph.Edge, pm metrics.Pair, flip bool, o Options) []any {
	src, dst := ed.From, ed.To
	ss, st, rs, rt := pm.ShareOfSource, pm.ShareOfTarget, pm.RankForSource, pm.RankForTarget
	ls, lt := ed.Lead[0], ed.Lead[1]
	if flip {
		src, dst, ss, st, rs, rt, ls, lt = dst, src, st, ss, rt, rs, lt, ls
	}
	full := ed.W[graph.Full]
	r := []any{g.Period().String(), g.Label(src), g.Label(dst),
		full, ed.W[graph.BiFrac], ed.W[graph.Frac], ed.W[graph.Share],
		pm.Intensity, pm.Association, pm.Salton, pm.Jaccard, pm.Inclusion, ss, st, rs, rt,
		ls, lt, full - ls, Ratio(full, float64(g.Node(src).Intl)), Ratio(full, float64(g.Node(dst).Intl))}
	if o.Impact {
		r = append(r, ed.Impact.Mean(), ed.Impact.N, Ratio(ed.Impact.Mean(), g.Node(src).Impact.Mean()))
	}
	return r
}

// Edges returns the edge table of g, one row per edge in g's edge order,
// each oriented From → To (label order).
func Edges(g *graph.Graph, o Options) *Sheet {
	t := &Sheet{Columns: EdgeColumns(o)}
	pairs := metrics.Pairs(g, o.Counting)
	for i := 0; i < g.NumEdges(); i++ {
		t.Rows = append(t.Rows, EdgeRow(g, g.Edge(i), pairs[i], false, o))
	}
	return t
}

// AppendColumns appends typed node columns (such as an export's
// attachments) to a node table whose rows are g's nodes in order.
func AppendColumns(t *Sheet, cols []table.Column) {
	for _, col := range cols {
		t.Columns = append(t.Columns, col.Name)
		for v := range t.Rows {
			var x any
			switch col.Kind() {
			case table.Int:
				x = col.Int(v)
			case table.Float:
				x = col.Float(v)
			default:
				x = col.Text(v)
			}
			t.Rows[v] = append(t.Rows[v], x)
		}
	}
}

// SeriesOptions choose the periods and extras of [EdgeSeries].
type SeriesOptions struct {
	// Periods are tabulated in order (each a graph of s.Range).
	Periods []graph.Period
	// MinWeight, when positive, drops the edges whose Counting weight is
	// below it (graph.Prune) before the measures.
	MinWeight float64
	// Focal, when not empty, keeps only the focal node's edges, oriented
	// focal → partner and ranked by weight (the partner's rank for the
	// focal node); an error when the node is in no period.
	Focal string
	// BaseYear, when not 0, adds index and intensity_index: the edge's
	// weight and intensity as a percentage of their values in that year
	// (NaN when the edge was absent then). It indexes yearly values:
	// every period must be one year (graph.Series.Periods(true, …)),
	// else EdgeSeries fails, as the command's --base-year needs --by-year.
	BaseYear int
	// Between, when set (not the zero pair), adds growth: the weight in
	// Between[1] over the weight in Between[0]. Its text form is "P1,P2"
	// (graph.PeriodPair).
	Between graph.PeriodPair
}

// EdgeSeries returns the edge table of s over several periods: the rows
// of [Edges] for each period, restricted to a focal node when asked,
// with index and growth columns. Meta records the weight, focal node and
// base year.
func EdgeSeries(s *graph.Series, o Options, so SeriesOptions) (*Sheet, error) {
	c := o.Counting
	t := &Sheet{
		Columns: EdgeColumns(o),
		Meta:    [][2]string{{"weight", c.String()}},
	}
	if so.Focal != "" {
		t.Meta = append(t.Meta, [2]string{"focal", so.Focal})
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
	if so.BaseYear != 0 {
		for _, p := range so.Periods {
			if p.From != p.To {
				return nil, fmt.Errorf("tables: base year %d indexes yearly values, and period %v is several years: give one period per year (SeriesOptions.Periods from graph.Series.Periods(true, …)), or BaseYear 0", so.BaseYear, p)
			}
		}
		t.Columns = append(t.Columns, "index", "intensity_index")
		t.Meta = append(t.Meta, [2]string{"base_year", strconv.Itoa(so.BaseYear)})
		base = map[key][2]float64{}
		bg := s.At(so.BaseYear)
		if bg.Len() == 0 {
			return nil, fmt.Errorf("base year %d: no papers counted in that year", so.BaseYear)
		}
		bp := metrics.Pairs(bg, c)
		for i := 0; i < bg.NumEdges(); i++ {
			e := bg.Edge(i)
			base[edgeKey(bg, e.From, e.To)] = [2]float64{e.W[c], bp[i].Intensity}
		}
	}
	var first, second map[key]float64 // weights in the two periods of Between
	if so.Between.Pair() != nil {
		t.Columns = append(t.Columns, "growth")
		weights := func(p graph.Period) map[key]float64 {
			m := map[key]float64{}
			g := s.Range(p)
			for e := range g.Edges() {
				m[edgeKey(g, e.From, e.To)] = e.W[c]
			}
			return m
		}
		first, second = weights(so.Between[0]), weights(so.Between[1])
	}
	found := false
	for _, p := range so.Periods {
		g := s.Range(p)
		if so.MinWeight > 0 {
			g = g.Prune(c, so.MinWeight)
		}
		pairs := metrics.Pairs(g, c)
		focal, ok := g.Index(so.Focal)
		found = found || ok
		type row struct {
			r    []any
			rank int
		}
		var rows []row
		for i := 0; i < g.NumEdges(); i++ {
			ed, pm := g.Edge(i), pairs[i]
			flip := false
			if so.Focal != "" {
				if !ok || (ed.From != focal && ed.To != focal) {
					continue
				}
				flip = ed.To == focal // orient focal → partner
			}
			r := EdgeRow(g, ed, pm, flip, o)
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
				r = append(r, 100*Ratio(ed.W[c], b[0]), 100*Ratio(pm.Intensity, b[1]))
			}
			if first != nil {
				r = append(r, Ratio(second[k], first[k]))
			}
			rows = append(rows, row{r, rs})
		}
		if so.Focal != "" { // partners ranked by weight
			for i := 1; i < len(rows); i++ {
				for j := i; j > 0 && rows[j].rank < rows[j-1].rank; j-- {
					rows[j], rows[j-1] = rows[j-1], rows[j]
				}
			}
		}
		for _, r := range rows {
			t.Rows = append(t.Rows, r.r)
		}
	}
	if so.Focal != "" && !found {
		if len(so.Periods) == 0 {
			return nil, fmt.Errorf("tables: no periods (SeriesOptions.Periods: graph.Series.Periods gives them)")
		}
		return nil, fmt.Errorf("focal node %s: no such node in any period (nodes are keys such as CN; graph.Options.Node turns a name into its key)", so.Focal)
	}
	return t, nil
}
