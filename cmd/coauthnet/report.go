package main

import (
	"cmp"
	"fmt"
	"html"
	"image/color"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/table"
)

// runReport writes the whole analysis into a directory: GraphML, every
// table as CSV, plots as SVG and PNG, and index.html.
func runReport(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("report", "coauthnet report [input flags] [--focal CN --rival US] [--base-year Y] -o DIR FILE...", e.stderr)
	f.register(fs)
	dir := fs.String("o", "", "output `directory` (created)")
	focal := fs.String("focal", "CN", "focal country of the timelines and blocs")
	rival := fs.String("rival", "US", "the other pole")
	base := fs.Int("base-year", 0, "base `year` of the indexed timelines (default: the first year)")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *dir == "" {
		return usagef("-o DIR is required")
	}
	s, rep, err := load(&f, files, e)
	if err != nil {
		return err
	}
	rep.print(&f, e.stderr, s)
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	years := s.Years()
	if len(years) < 2 {
		return fmt.Errorf("report needs at least two years with papers; the input has %v", s.Span())
	}
	if *base == 0 {
		*base = years[0]
	}
	c := f.countings[0]
	out := func(name string, write func(io.Writer) error) error {
		return writeFile(filepath.Join(*dir, name), nil, write)
	}
	meta := provenance(&f, rep)

	// GraphML: the whole range and every year.
	if err := out("graph.graphml", func(w io.Writer) error {
		return writeGraphML(w, &f, s.Range(s.Span()), meta)
	}); err != nil {
		return err
	}
	var gs []*graph.Graph // the graph of every year, built once
	for _, y := range years {
		gs = append(gs, s.At(y))
	}
	for i, y := range years {
		if err := out(fmt.Sprintf("graph-%d.graphml", y), func(w io.Writer) error {
			return writeGraphML(w, &f, gs[i], meta)
		}); err != nil {
			return err
		}
	}
	// Tables.
	yearly := f
	yearly.byYear = true
	csv := func(name string, t *sheet) error {
		return out(name, func(w io.Writer) error { return t.write(w, "csv") })
	}
	nt, err := nodesTable(&yearly, &tableFlags{}, s)
	if err != nil {
		return err
	}
	et, err := edgesTable(&yearly, &tableFlags{focal: *focal, baseYear: *base}, s)
	if err != nil {
		return err
	}
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: *focal, Rival: *rival})
	if err != nil {
		return err
	}
	bloc := map[string]string{}
	bt := &sheet{columns: strings.Split("node,label,bloc,lean_start,lean_end,lean_slope,trend_focal,trend_rival,confidence", ",")}
	for _, a := range b.Assignments {
		bloc[a.Node] = a.Bloc
		bt.rows = append(bt.rows, []any{a.Node, a.Label, a.Bloc, a.LeanStart, a.LeanEnd, a.LeanSlope, a.TrendFocal, a.TrendRival, a.Confidence})
	}
	ix, _ := community.Bifurcation(s, *focal, *rival, bloc)
	it := &sheet{columns: strings.Split("year,modularity,cross_share,ei,fiedler,hedger_lean_mean,hedger_lean_sd", ",")}
	for _, x := range ix {
		it.rows = append(it.rows, []any{x.Year, x.Modularity, x.CrossShare, x.EI, x.Fiedler, x.HedgerLeanMean, x.HedgerLeanSD})
	}
	trends := drift.Edges(gs, c)
	dt := &sheet{columns: strings.Split("source,target,peak_year,change_point,slope_before,slope_after,f,change", ",")}
	for _, t := range trends {
		if t.Source != *focal && t.Target != *focal {
			continue
		}
		src, dst := t.Source, t.Target
		if dst == *focal {
			src, dst = dst, src
		}
		cp := ""
		if t.ChangePoint >= 0 {
			cp = fmt.Sprint(years[t.ChangePoint])
		}
		dt.rows = append(dt.rows, []any{src, dst, fmt.Sprint(years[t.Peak]), cp, t.SlopeBefore, t.SlopeAfter, t.F, t.Change()})
	}
	// Rank movers: the first five years against the last five (single
	// years are noisy), or the first and last year of a shorter series.
	k := min(5, len(years)/2)
	early := s.Range(graph.Period{From: years[0], To: years[k-1]})
	late := s.Range(graph.Period{From: years[len(years)-k], To: years[len(years)-1]})
	movers := rankMovers(early, late, *focal, c)
	mt := nodesDriftTable(movers)
	ct := &sheet{columns: []string{"period", "node", "label", "community"}}
	var prevIDs []int
	var prevG *graph.Graph
	for i, g := range gs {
		y := years[i]
		part := community.Detect(g, community.Options{Counting: c})
		ids := part.Labels()
		if i > 0 {
			ids = community.Carry(prevG, prevIDs, g, part)
		}
		for v := 0; v < g.Len(); v++ {
			ct.rows = append(ct.rows, []any{fmt.Sprint(y), g.Label(v), g.Name(v), ids[v] + 1})
		}
		prevG, prevIDs = g, ids
	}
	tables := map[string]*sheet{"nodes.csv": nt, "edges.csv": et, "blocs.csv": bt, "indices.csv": it, "drift-edges.csv": dt,
		"drift-steps.csv": stepsTable(gs, c), "drift-nodes.csv": mt, "communities.csv": ct}
	for _, name := range slices.Sorted(maps.Keys(tables)) {
		t := tables[name]
		if err := csv(name, t); err != nil {
			return err
		}
	}

	// Plots.
	last := gs[len(gs)-1]
	partners := topPartners(last, *focal, c, 6)
	if !slices.Contains(partners, *rival) {
		partners = append(partners, *rival)
	}
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
	lt := &sheet{columns: strings.Split("partner,label,period,papers,led_by_focal,led_by_partner,led_by_others,partner_paper_share", ",")}
	for _, x := range partners {
		for _, g := range []*graph.Graph{early, late} {
			u, ok1 := g.Index(*focal)
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
			lt.rows = append(lt.rows, []any{x, g.Name(v), g.Period().String(), full, lf / full, lp / full, (full - lf - lp) / full,
				ratio(full, float64(g.Node(u).Intl))})
		}
	}
	if err := csv("leadership.csv", lt); err != nil {
		return err
	}
	// One colour per partner in every plot.
	colorIndex := map[string]int{}
	for i, x := range slices.Sorted(slices.Values(partners)) {
		colorIndex[x] = i
	}
	baseG := s.At(*base) // the base year may lie outside the years with papers
	plots := []struct {
		file, title, y string
		lines          map[string]plotter.XYs
	}{
		{"partners-intensity", fmt.Sprintf("Collaboration intensity of %s with its main partners", *focal), "intensity (1 = as expected from output)",
			series(func(g *graph.Graph, x string) float64 { return community.Intensity(g, *focal, x) })},
		{"partners-index", fmt.Sprintf("Collaboration of %s with its main partners, indexed to %d", *focal, *base), fmt.Sprintf("%s weight, %d = 100", c, *base),
			series(func(g *graph.Graph, x string) float64 {
				// An index needs a base: partners with less than one
				// paper's weight in the base year are left out.
				b0 := weightOf(baseG, *focal, x, c)
				if b0 < 1 {
					return math.NaN()
				}
				return 100 * weightOf(g, *focal, x, c) / b0
			})},
		{"partners-share", fmt.Sprintf("Share of %s's international papers with each partner", *focal), "papers with the partner / international papers",
			series(func(g *graph.Graph, x string) float64 {
				u, ok1 := g.Index(*focal)
				v, ok2 := g.Index(x)
				if !ok1 || !ok2 {
					return math.NaN()
				}
				w, _ := g.Between(u, v)
				return ratio(w[graph.Full], float64(g.Node(u).Intl))
			})},
		{"blocs", fmt.Sprintf("Intensity of %s with each bloc (inferred)", *focal), "intensity (1 = as expected from output)", blocLines(gs, *focal, bloc)},
		{"bifurcation", "Bifurcation indices of the two-bloc partition", "index value (modularity Q; share of weight)", bifurcationLines(ix)},
	}
	for _, p := range plots {
		if err := savePlot(*dir, p.file, p.title, p.y, p.lines, colorIndex); err != nil {
			return err
		}
	}

	// The page.
	var sb strings.Builder
	esc := html.EscapeString
	sb.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>coauthnet report</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#eee}td:first-child,td:nth-child(2){text-align:left}img{max-width:100%}</style></head><body>\n")
	fmt.Fprintf(&sb, "<h1>Co-authorship report: %s and %s</h1>\n", esc(*focal), esc(*rival))
	sb.WriteString("<h2>Provenance</h2>\n<table>\n")
	for _, m := range append([]table.Meta{{Key: "counting (weight)", Value: c.String()}, {Key: "level", Value: f.opts.Level.String()}, {Key: "years", Value: s.Span().String()}}, meta...) {
		fmt.Fprintf(&sb, "<tr><th>%s</th><td>%s</td></tr>\n", esc(m.Key), esc(m.Value))
	}
	sb.WriteString("</table>\n<p>Weights use bidirectional fractional counting unless stated: every paper weighs 1, split over its pairs of authors. Intensity is the weight divided by the square root of the two countries' fractional outputs.</p>\n")
	fmt.Fprintf(&sb, "<h2>%s and its partners</h2>\n<p>Its six strongest partners in the last year, and %s.</p>\n<img src=\"partners-intensity.svg\" alt=\"intensity timeline\">\n<p>Indexed to %d = 100; partners with less than one paper's weight in %d are left out of this plot.</p>\n<img src=\"partners-index.svg\" alt=\"indexed collaboration timeline\">\n", esc(*focal), esc(*rival), *base, *base)
	fmt.Fprintf(&sb, "<h2>Who leads %s's international papers</h2>\n<p>Share of %s's international papers that involve each partner, by year (whole counting).</p>\n<img src=\"partners-share.svg\" alt=\"partner share timeline\">\n<p>Papers of each pair in %v and %v, and the share led by %s, by the partner or by another country (the first author's country, split over a first author's affiliations).</p>\n", esc(*focal), esc(*focal), early.Period(), late.Period(), esc(*focal))
	htmlTable(&sb, lt, nil)
	fmt.Fprintf(&sb, "<h2>Blocs</h2>\n<p>The collaboration intensity of %s and %s peaks in %d. Lean = ln(intensity with %s / intensity with %s), pooled over %v and over %v; partners move towards %s by more than a factor e, competitors away.</p>\n<img src=\"blocs.svg\" alt=\"bloc intensity\">\n", esc(*focal), esc(*rival), b.Peak, esc(*focal), esc(*rival), b.Early, b.Late, esc(*focal))
	htmlTable(&sb, bt, func(r []any) bool { return r[2] != "hedger" })
	sb.WriteString("<h2>Is the network splitting?</h2>\n<p>Rising modularity and a falling share of collaboration across the two blocs are the signature of bifurcation.</p>\n<img src=\"bifurcation.svg\" alt=\"bifurcation indices\">\n")
	fmt.Fprintf(&sb, "<h2>Top rank movers among %s's partners</h2>\n<p>Rank of each partner by collaboration weight in %v and in %v; drift is 1 − cosine of the partner's own partner shares between the two.</p>\n", esc(*focal), early.Period(), late.Period())
	rise := &sheet{columns: mt.columns, rows: mt.rows[:min(8, len(mt.rows))]}
	htmlTable(&sb, rise, nil)
	fall := &sheet{columns: mt.columns, rows: mt.rows[max(0, len(mt.rows)-5):]}
	sb.WriteString("<p>Largest falls:</p>\n")
	htmlTable(&sb, fall, nil)
	fmt.Fprintf(&sb, "<h2>How %s's partnerships changed</h2>\n<p>Peak year and one-break change point of each partnership (a change point is shown only when significant).</p>\n", esc(*focal))
	slices.SortFunc(dt.rows, func(a, b []any) int { return cmp.Compare(math.Abs(b[7].(float64)), math.Abs(a[7].(float64))) })
	top := &sheet{columns: dt.columns, rows: dt.rows[:min(15, len(dt.rows))]}
	htmlTable(&sb, top, nil)
	sb.WriteString("<h2>Files</h2>\n<ul>\n")
	for _, name := range append([]string{"graph.graphml", "leadership.csv"}, slices.Sorted(maps.Keys(tables))...) {
		fmt.Fprintf(&sb, "<li><a href=\"%s\">%s</a></li>\n", name, name)
	}
	fmt.Fprintf(&sb, "<li>GraphML per year: graph-%d.graphml … graph-%d.graphml</li>\n</ul>\n</body></html>\n", years[0], years[len(years)-1])
	if err := out("index.html", func(w io.Writer) error { _, err := io.WriteString(w, sb.String()); return err }); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "coauthnet: report written to %s (open %s)\n", *dir, filepath.Join(*dir, "index.html"))
	return nil
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

// savePlot writes name.svg and name.png: a line per series (in name
// order), with a title, axis labels and a legend.
// writeGraphML writes g as build does without --attach: the node and
// edge measures included.
func writeGraphML(w io.Writer, f *inputFlags, g *graph.Graph, meta []table.Meta) error {
	nodes, edges := measureColumns(f, g)
	return graphml.Write(w, g, graphml.Options{Counting: f.countings, Nodes: nodes, Edges: edges, Meta: meta})
}

// okabeIto is the colour-blind-safe palette of Okabe and Ito (2008),
// without its yellow (too light on white): lines stay distinct.
var okabeIto = []color.Color{
	color.RGBA{0, 114, 178, 255},   // blue
	color.RGBA{213, 94, 0, 255},    // vermillion
	color.RGBA{0, 158, 115, 255},   // bluish green
	color.RGBA{230, 159, 0, 255},   // orange
	color.RGBA{204, 121, 167, 255}, // reddish purple
	color.RGBA{86, 180, 233, 255},  // sky blue
	color.RGBA{0, 0, 0, 255},       // black
}

// savePlot draws lines in keys' order; a key in colorIndex always gets
// that colour, the others their position.
func savePlot(dir, name, title, ylabel string, lines map[string]plotter.XYs, colorIndex map[string]int) error {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "publication year"
	p.Y.Label.Text = ylabel
	p.Legend.Top = true
	p.Legend.Left = true // timelines of rising ties end high on the right
	keys := make([]string, 0, len(lines))
	for k := range lines {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		l, err := plotter.NewLine(lines[k])
		if err != nil {
			return err
		}
		ci := i
		if c, ok := colorIndex[k]; ok {
			ci = c
		}
		l.Color = okabeIto[ci%len(okabeIto)]
		l.Width = vg.Points(1.5)
		l.Dashes = plotutil.Dashes(ci / len(okabeIto))
		p.Add(l)
		p.Legend.Add(k, l)
	}
	p.Add(plotter.NewGrid())
	for _, ext := range []string{".svg", ".png"} {
		if err := p.Save(7*vg.Inch, 4*vg.Inch, filepath.Join(dir, name+ext)); err != nil {
			return fmt.Errorf("plot %s: %w", name, err)
		}
	}
	return nil
}

// htmlTable writes t as an HTML table, only the rows keep accepts (all
// when keep is nil).
func htmlTable(sb *strings.Builder, t *sheet, keep func([]any) bool) {
	sb.WriteString("<table>\n<tr>")
	for _, c := range t.columns {
		fmt.Fprintf(sb, "<th>%s</th>", html.EscapeString(strings.ReplaceAll(c, "_", " ")))
	}
	sb.WriteString("</tr>\n")
	for _, r := range t.rows {
		if keep != nil && !keep(r) {
			continue
		}
		sb.WriteString("<tr>")
		for _, v := range r {
			c := cell(v)
			if x, ok := v.(float64); ok && !math.IsNaN(x) && !math.IsInf(x, 0) {
				c = fmt.Sprintf("%.3g", x)
			}
			fmt.Fprintf(sb, "<td>%s</td>", html.EscapeString(c))
		}
		sb.WriteString("</tr>\n")
	}
	sb.WriteString("</table>\n")
}
