package report

import (
	"cmp"
	"fmt"
	"html"
	"image/color"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/tables"
)

// Write writes the report d into dir through create (which gets paths
// relative to nothing: dir joined with the file name): graph.graphml and
// graph-YEAR.graphml, every table as CSV, leadership.csv, the plots as
// SVG and PNG, and index.html, in that order. dir must exist:
// atomicfile.WriteDir makes a new one that appears only when the report
// is complete.
func Write(dir string, d *Data, create export.Create) error {
	out := func(name string, write func(io.Writer) error) error { return create(filepath.Join(dir, name), write) }
	if err := out("graph.graphml", func(w io.Writer) error { return d.WriteGraphML(w, d.Whole) }); err != nil {
		return err
	}
	for i, y := range d.Years {
		if err := out(fmt.Sprintf("graph-%d.graphml", y), func(w io.Writer) error { return d.WriteGraphML(w, d.Graphs[i]) }); err != nil {
			return err
		}
	}
	csv := func(name string, t *tables.Sheet) error {
		return out(name, func(w io.Writer) error { return t.Write(w, "csv") })
	}
	for _, name := range slices.Sorted(maps.Keys(d.Tables)) {
		if err := csv(name, d.Tables[name]); err != nil {
			return err
		}
	}
	if err := csv("leadership.csv", d.Leadership); err != nil {
		return err
	}
	if err := d.SavePlots(out); err != nil {
		return err
	}
	return out("index.html", func(w io.Writer) error { _, err := io.WriteString(w, d.HTML()); return err })
}

// HTML renders the page, index.html, which shows the plots (as SVG
// files beside it) and the main tables.
func (d *Data) HTML() string {
	focal, rival, c, base := &d.Focal, &d.Rival, d.Countings[0], &d.BaseYear
	early, late, b, lt, bt, mt := d.Early, d.Late, d.Blocs, d.Leadership, d.Tables["blocs.csv"], d.Tables["drift-nodes.csv"]
	years := d.Years
	// Sorted for the page only: the CSV keeps the table's order.
	src := d.Tables["drift-edges.csv"]
	dt := &tables.Sheet{Columns: src.Columns, Rows: slices.Clone(src.Rows)}
	var sb strings.Builder
	esc := html.EscapeString
	sb.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>coauthnet report</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#eee}td:first-child,td:nth-child(2){text-align:left}img{max-width:100%}</style></head><body>\n")
	fmt.Fprintf(&sb, "<h1>Co-authorship report: %s and %s</h1>\n", esc(*focal), esc(*rival))
	sb.WriteString("<h2>Provenance</h2>\n<table>\n")
	for _, m := range append([]table.Meta{{Key: "counting (weight)", Value: c.String()}, {Key: "level", Value: d.Whole.Level().String()}, {Key: "years", Value: d.Whole.Period().String()}}, d.Meta...) {
		fmt.Fprintf(&sb, "<tr><th>%s</th><td>%s</td></tr>\n", esc(m.Key), esc(m.Value))
	}
	sb.WriteString("</table>\n<p>Weights use bidirectional fractional counting unless stated: every paper weighs 1, split over its pairs of authors. Intensity is the weight divided by the square root of the two countries' fractional outputs; it grows with the countries' size, so 1 is not \"as expected\" (association strength, used for the leans below, is).</p>\n")
	fmt.Fprintf(&sb, "<h2>%s and its partners</h2>\n<p>Its six strongest partners in the last year, and %s.</p>\n<img src=\"partners-intensity.svg\" alt=\"intensity timeline\">\n<p>Indexed to %d = 100; partners with less than one paper's weight in %d are left out of this plot.</p>\n<img src=\"partners-index.svg\" alt=\"indexed collaboration timeline\">\n", esc(*focal), esc(*rival), *base, *base)
	fmt.Fprintf(&sb, "<h2>Who leads %s's international papers</h2>\n<p>Share of %s's international papers that involve each partner, by year (whole counting).</p>\n<img src=\"partners-share.svg\" alt=\"partner share timeline\">\n<p>Papers of each pair in %v and %v, and the share led by %s, by the partner or by another country (the first author's country, split over a first author's affiliations).</p>\n", esc(*focal), esc(*focal), early.Period(), late.Period(), esc(*focal))
	htmlTable(&sb, lt, nil)
	fmt.Fprintf(&sb, "<h2>Blocs</h2>\n<p>Split year %d: %s. Lean = ln(association strength with %s / with %s), pooled over %s and over %s; partners move towards %s (Δ ≥ %g, %s-adjusted p < %g), competitors away.</p>\n<img src=\"blocs.svg\" alt=\"bloc intensity\">\n", b.Split, esc(b.SplitMethod), esc(*focal), esc(*rival), yearsText(b.Before), yearsText(b.After), esc(*focal), b.MinEffect, b.Correction, b.Alpha)
	htmlTable(&sb, bt, func(r []any) bool { return r[2] != "hedger" })
	sb.WriteString("<h2>Is the network splitting?</h2>\n<p>Rising modularity and a falling share of collaboration across the two blocs are the signature of bifurcation.</p>\n<img src=\"bifurcation.svg\" alt=\"bifurcation indices\">\n<p>Change of each index from the years up to the split to the years after (Welch interval over the yearly values); an interval that holds 0 is flat within noise, not a trend.</p>\n")
	htmlTable(&sb, d.Tables["trends.csv"], nil)
	fmt.Fprintf(&sb, "<h2>Top rank movers among %s's partners</h2>\n<p>Rank of each partner by collaboration weight in %v and in %v; drift is 1 − cosine of the partner's own partner shares between the two.</p>\n", esc(*focal), early.Period(), late.Period())
	rise := &tables.Sheet{Columns: mt.Columns, Rows: mt.Rows[:min(8, len(mt.Rows))]}
	htmlTable(&sb, rise, nil)
	fall := &tables.Sheet{Columns: mt.Columns, Rows: mt.Rows[max(0, len(mt.Rows)-5):]}
	sb.WriteString("<p>Largest falls:</p>\n")
	htmlTable(&sb, fall, nil)
	fmt.Fprintf(&sb, "<h2>How %s's partnerships changed</h2>\n<p>Peak year and one-break change point of each partnership (a change point is shown only when significant).</p>\n", esc(*focal))
	slices.SortFunc(dt.Rows, func(a, b []any) int { return cmp.Compare(math.Abs(b[7].(float64)), math.Abs(a[7].(float64))) })
	top := &tables.Sheet{Columns: dt.Columns, Rows: dt.Rows[:min(15, len(dt.Rows))]}
	htmlTable(&sb, top, nil)
	sb.WriteString("<h2>Files</h2>\n<ul>\n")
	for _, name := range append([]string{"graph.graphml", "leadership.csv"}, slices.Sorted(maps.Keys(d.Tables))...) {
		fmt.Fprintf(&sb, "<li><a href=\"%s\">%s</a></li>\n", name, name)
	}
	fmt.Fprintf(&sb, "<li>GraphML per year: graph-%d.graphml … graph-%d.graphml</li>\n</ul>\n</body></html>\n", years[0], years[len(years)-1])
	return sb.String()
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

// Draw returns the plot of pl: lines in name order; a name in colorIndex
// always gets that colour, the others their position, from the
// colour-blind-safe palette of Okabe and Ito.
func (pl Plot) Draw(colorIndex map[string]int) (*plot.Plot, error) {
	title, ylabel, lines := pl.Title, pl.YLabel, pl.Lines
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
			return nil, err
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
	return p, nil
}

// ColorIndex gives each partner one colour in every plot: its place in
// the sorted partners.
func (d *Data) ColorIndex() map[string]int {
	ci := map[string]int{}
	for i, x := range slices.Sorted(slices.Values(d.Partners)) {
		ci[x] = i
	}
	return ci
}

// SavePlots draws every plot as name.svg and name.png (7 × 4 inches)
// through create.
func (d *Data) SavePlots(create export.Create) error {
	ci := d.ColorIndex()
	for _, pl := range d.Plots {
		p, err := pl.Draw(ci)
		if err != nil {
			return err
		}
		for _, ext := range []string{"svg", "png"} {
			wt, err := p.WriterTo(7*vg.Inch, 4*vg.Inch, ext)
			if err == nil {
				err = create(pl.File+"."+ext, func(w io.Writer) error { _, err := wt.WriteTo(w); return err })
			}
			if err != nil {
				return fmt.Errorf("plot %s: %w", pl.File, err)
			}
		}
	}
	return nil
}

// htmlTable writes t as an HTML table, only the rows keep accepts (all
// when keep is nil).
func htmlTable(sb *strings.Builder, t *tables.Sheet, keep func([]any) bool) {
	sb.WriteString("<table>\n<tr>")
	for _, c := range t.Columns {
		fmt.Fprintf(sb, "<th>%s</th>", html.EscapeString(strings.ReplaceAll(c, "_", " ")))
	}
	sb.WriteString("</tr>\n")
	for _, r := range t.Rows {
		if keep != nil && !keep(r) {
			continue
		}
		sb.WriteString("<tr>")
		for _, v := range r {
			c := tables.Cell(v)
			if x, ok := v.(float64); ok && !math.IsNaN(x) && !math.IsInf(x, 0) {
				c = fmt.Sprintf("%.3g", x)
			}
			fmt.Fprintf(sb, "<td>%s</td>", html.EscapeString(c))
		}
		sb.WriteString("</tr>\n")
	}
	sb.WriteString("</table>\n")
}

// yearsText is "2005–2019" for consecutive years, "none" for none.
func yearsText(ys []int) string {
	if len(ys) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}
