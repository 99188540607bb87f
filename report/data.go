// Package report computes and writes the national report of coauthnet
// report: for a focal country and its rival, over every year of a
// series, the graphs, the node and edge tables, the blocs and
// bifurcation indices, edge trends and rank movers, leadership of the
// focal country's international papers, timelines, and one HTML page.
// The three steps are separable: [Compute] returns the [Data] (tables
// and the plot lines as numbers), [Data.SavePlots] draws the plots with
// gonum/plot, [Data.HTML] renders the page; [Write] does all three into
// a directory as coauthnet report does.
package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/plotter"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/tables"
)

// Options of [Compute].
type Options struct {
	// Focal and Rival are the two poles (country codes). Required.
	Focal, Rival string
	// BaseYear of the indexed timelines; 0 (the default) means the first
	// year with papers.
	BaseYear int
	// Countings are the weights written to GraphML; the first is the
	// weight of every measure. Required: the command's default is
	// bifrac, full, frac, share.
	Countings []graph.Counting
	// Leader and Impact must be those the series was counted with
	// (graph.Options); they name and add columns.
	Leader graph.Leader
	Impact bool
	// MinWeight, when positive, drops edges lighter than it from the edge
	// table (graph.Prune on the first counting).
	MinWeight float64
	// Meta is the provenance written into GraphML and the page.
	Meta []table.Meta
}

// Data is everything the report shows, before it is drawn or written.
type Data struct {
	Options
	Years  []int          // the years with papers
	Graphs []*graph.Graph // the graph of each year
	Whole  *graph.Graph   // the graph of the whole span
	// Early and Late pool the first and last (up to) five years.
	Early, Late *graph.Graph
	// Tables by file name: nodes.csv, edges.csv, blocs.csv, indices.csv,
	// drift-edges.csv, drift-steps.csv, drift-nodes.csv, communities.csv.
	Tables map[string]*tables.Sheet
	// Leadership: who leads the focal country's papers with each partner,
	// early and late (leadership.csv).
	Leadership *tables.Sheet
	Blocs      *community.Blocs
	// Bifurcation holds the yearly bifurcation indices of the inferred
	// blocs with their bootstrap intervals and trend verdicts.
	Bifurcation *community.BifurcationResult
	// Partners are the focal country's six strongest partners in the last
	// year, and the rival.
	Partners []string
	// Plots are the timelines, as numbers: one line per partner or
	// index, x the year.
	Plots []Plot
}

// A Plot is one figure: lines by name, x the year.
type Plot struct {
	File, Title, YLabel string
	Lines               map[string]plotter.XYs
}

// Compute computes the report of series s. It needs at least two years
// with papers.
func Compute(s *graph.Series, o Options) (*Data, error) {
	years := s.Years()
	if len(years) < 2 {
		return nil, fmt.Errorf("report needs at least two years with papers; the input has %v", s.Span())
	}
	if len(o.Countings) == 0 {
		return nil, fmt.Errorf("report: no counting given")
	}
	if o.BaseYear == 0 {
		o.BaseYear = years[0]
	}
	focal, rival, c := o.Focal, o.Rival, o.Countings[0]
	d := &Data{Options: o, Years: years, Whole: s.Range(s.Span())}
	for _, y := range years {
		d.Graphs = append(d.Graphs, s.At(y))
	}
	gs := d.Graphs
	to := tables.Options{Counting: c, Leader: o.Leader, Impact: o.Impact, Centrality: true}
	every := make([]graph.Period, len(years))
	for i, y := range years {
		every[i] = graph.Year(y)
	}
	nt := &tables.Sheet{Columns: tables.NodeColumns(to), Meta: [][2]string{{"weight", c.String()}, {"distance", "1/" + c.String()}}}
	for _, p := range every {
		tables.AddNodes(nt, s.Range(p), to)
	}
	et, err := tables.EdgeSeries(s, to, tables.SeriesOptions{Periods: every, MinWeight: o.MinWeight, Focal: focal, BaseYear: o.BaseYear})
	if err != nil {
		return nil, err
	}
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: focal, Rival: rival})
	if err != nil {
		return nil, err
	}
	d.Blocs = b
	bloc := b.Map()
	bt := tables.BlocsTable(b, nil)
	bi := community.BifurcationCI(s, focal, rival, bloc, community.BifurcationOptions{Split: b.Split})
	d.Bifurcation = bi
	ix := bi.Years
	it := tables.IndicesTable(bi)
	trends := drift.Edges(gs, c)
	trends = slices.DeleteFunc(trends, func(t drift.EdgeTrend) bool { return t.Source != focal && t.Target != focal })
	dt := tables.EdgeTrends(trends, focal)
	// Rank movers: the first five years against the last five (single
	// years are noisy), or the first and last year of a shorter series.
	k := min(5, len(years)/2)
	d.Early = s.Range(graph.Period{From: years[0], To: years[k-1]})
	d.Late = s.Range(graph.Period{From: years[len(years)-k], To: years[len(years)-1]})
	mt := tables.MoversTable(tables.RankMovers(d.Early, d.Late, focal, c))
	ct, _ := tables.Communities(s, every, community.Options{Counting: c})
	d.Tables = map[string]*tables.Sheet{"nodes.csv": nt, "edges.csv": et, "blocs.csv": bt, "indices.csv": it, "trends.csv": tables.TrendsTable(bi), "drift-edges.csv": dt,
		"drift-steps.csv": tables.DriftSteps(gs, c), "drift-nodes.csv": mt, "communities.csv": ct}

	last := gs[len(gs)-1]
	partners := topPartners(last, focal, c, 6)
	if !slices.Contains(partners, rival) {
		partners = append(partners, rival)
	}
	d.Partners = partners
	series := func(val func(g *graph.Graph, x string) float64) map[string]plotter.XYs {
		m := map[string]plotter.XYs{}
		for _, x := range partners {
			for i, y := range years {
				if v := val(gs[i], x); !math.IsNaN(v) {
					m[x] = append(m[x], plotter.XY{X: float64(y), Y: v})
				}
			}
		}
		return m
	}
	// Who leads the focal country's international papers with each
	// partner, early and late (first-author leadership).
	lt := &tables.Sheet{Columns: strings.Split("partner,label,period,papers,led_by_focal,led_by_partner,led_by_others,partner_paper_share", ",")}
	for _, x := range partners {
		for _, g := range []*graph.Graph{d.Early, d.Late} {
			u, ok1 := g.Index(focal)
			v, ok2 := g.Index(x)
			if !ok1 || !ok2 {
				continue
			}
			i, ok := g.EdgeIndex(u, v)
			if !ok {
				continue
			}
			ed := g.Edge(i)
			lf, lp := ed.Lead[0], ed.Lead[1]
			if ed.From != u {
				lf, lp = lp, lf
			}
			full := ed.W[graph.Full]
			lt.Rows = append(lt.Rows, []any{x, g.Name(v), g.Period().String(), full, lf / full, lp / full, (full - lf - lp) / full,
				tables.Ratio(full, float64(g.Node(u).Intl))})
		}
	}
	d.Leadership = lt
	base := o.BaseYear
	baseG := s.At(base) // the base year may lie outside the years with papers
	d.Plots = []Plot{
		{"partners-intensity", fmt.Sprintf("Collaboration intensity of %s with its main partners", focal), "intensity C/√(R_A·R_B) (not a ratio to expected)",
			series(func(g *graph.Graph, x string) float64 { return community.Intensity(g, focal, x) })},
		{"partners-index", fmt.Sprintf("Collaboration of %s with its main partners, indexed to %d", focal, base), fmt.Sprintf("%s weight, %d = 100", c, base),
			series(func(g *graph.Graph, x string) float64 {
				// An index needs a base: partners with less than one
				// paper's weight in the base year are left out.
				b0 := weightOf(baseG, focal, x, c)
				if b0 < 1 {
					return math.NaN()
				}
				return 100 * weightOf(g, focal, x, c) / b0
			})},
		{"partners-share", fmt.Sprintf("Share of %s's international papers with each partner", focal), "papers with the partner / international papers",
			series(func(g *graph.Graph, x string) float64 {
				u, ok1 := g.Index(focal)
				v, ok2 := g.Index(x)
				if !ok1 || !ok2 {
					return math.NaN()
				}
				w, _ := g.Between(u, v)
				return tables.Ratio(w[graph.Full], float64(g.Node(u).Intl))
			})},
		{"blocs", fmt.Sprintf("Intensity of %s with each bloc (inferred)", focal), "intensity C/√(R_A·R_B) (not a ratio to expected)", blocLines(gs, focal, bloc)},
		{"bifurcation", "Bifurcation indices of the two-bloc partition", "index value (modularity Q; share of weight)", bifurcationLines(ix)},
	}
	return d, nil
}

// WriteGraphML writes g as coauthnet build does without --attach: the
// countings, the node and edge measures and the provenance.
func (d *Data) WriteGraphML(w io.Writer, g *graph.Graph) error {
	nodes, edges := export.MeasureColumns(g, d.Leader, d.Impact)
	return graphml.Write(w, g, graphml.Options{Counting: d.Countings, Nodes: nodes, Edges: edges, Meta: d.Meta})
}

func weightOf(g *graph.Graph, a, b string, c graph.Counting) float64 {
	u, ok1 := g.Index(a)
	v, ok2 := g.Index(b)
	if !ok1 || !ok2 {
		return 0
	}
	w, _ := g.Between(u, v)
	return w[c]
}

// topPartners returns focal's k strongest partners in g by weight c.
func topPartners(g *graph.Graph, focal string, c graph.Counting, k int) []string {
	v, ok := g.Index(focal)
	if !ok {
		return nil
	}
	type kv struct {
		k string
		w float64
	}
	var l []kv
	for u, w := range g.From(v) {
		l = append(l, kv{g.Label(u), w[c]})
	}
	slices.SortFunc(l, func(a, b kv) int {
		if x := cmp.Compare(b.w, a.w); x != 0 {
			return x
		}
		return strings.Compare(a.k, b.k)
	})
	var out []string
	for _, x := range l[:min(k, len(l))] {
		out = append(out, x.k)
	}
	return out
}

// blocLines is the intensity of focal with each bloc as one node: the
// bifrac weights and outputs of the members summed (they are additive),
// so it equals counting with the bloc merged into a group.
func blocLines(gs []*graph.Graph, focal string, bloc map[string]string) map[string]plotter.XYs {
	m := map[string]plotter.XYs{}
	for _, g := range gs {
		y := g.Period().From
		fv, ok := g.Index(focal)
		if !ok {
			continue
		}
		cw, out := map[string]float64{}, map[string]float64{}
		for v := 0; v < g.Len(); v++ {
			k := g.Label(v)
			if k == focal {
				continue
			}
			b := bloc[k]
			if b == "" {
				b = "hedger"
			}
			out[b] += g.Node(v).Output
			if w, ok := g.Between(fv, v); ok {
				cw[b] += w[graph.BiFrac]
			}
		}
		for _, b := range []string{"partner", "competitor", "hedger"} {
			if out[b] > 0 {
				m[b+"s"] = append(m[b+"s"], plotter.XY{X: float64(y), Y: cw[b] / math.Sqrt(g.Node(fv).Output*out[b])})
			}
		}
	}
	return m
}

func bifurcationLines(ix []community.Indices) map[string]plotter.XYs {
	m := map[string]plotter.XYs{}
	for _, x := range ix {
		m["modularity"] = append(m["modularity"], plotter.XY{X: float64(x.Year), Y: x.Modularity})
		m["cross-bloc share"] = append(m["cross-bloc share"], plotter.XY{X: float64(x.Year), Y: x.CrossShare})
	}
	return m
}
