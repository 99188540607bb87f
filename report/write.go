package report

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/internal/plotstyle"
	"github.com/coauthnet/coauthnet/io/netview"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/tables"
)

// WriteOptions say how [Write] writes the tables.
type WriteOptions struct {
	// CSV formats the CSV tables (zero: 6 significant digits, noise
	// below 1e-12 of a column's scale as 0, no byte order mark).
	CSV table.CSVOptions
}

// Write writes the report d into dir through create (which gets paths
// relative to nothing: dir joined with the file name): graph.graphml and
// graph-YEAR.graphml, every table as CSV, leadership.csv, the plots as
// SVG and PNG, the network view's scripts (io/netview) and index.html,
// in that order; the view's scripts are written straight into dir. dir
// must exist: atomicfile.WriteDir makes a new one that appears only when
// the report is complete.
func Write(dir string, d *Data, create export.Create) error {
	return WriteWith(dir, d, create, WriteOptions{})
}

// WriteWith is [Write] with options.
func WriteWith(dir string, d *Data, create export.Create, o WriteOptions) error {
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
		return out(name, func(w io.Writer) error { return t.WriteCSV(w, o.CSV) })
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
	if err := netview.WriteAssets(dir); err != nil {
		return err
	}
	page, err := d.HTML()
	if err != nil {
		return err
	}
	return out("index.html", func(w io.Writer) error { _, err := io.WriteString(w, page); return err })
}

// Network returns the frames and options of the page's network view:
// the graph of every year (partial years labelled so), nodes coloured
// by bloc.
func (d *Data) Network() ([]netview.Frame, netview.Options) {
	var frames []netview.Frame
	for i, g := range d.Graphs {
		f := netview.Frame{Graph: g}
		if slices.Contains(d.Partial, d.Years[i]) {
			f.Label = fmt.Sprintf("%d (partial)", d.Years[i])
		}
		frames = append(frames, f)
	}
	groups := map[string]string{}
	if d.Blocs != nil {
		for k, b := range d.Blocs.Map() {
			groups[k] = b
		}
		for v := 0; v < d.Whole.Len(); v++ {
			if k := d.Whole.Label(v); groups[k] == "" {
				groups[k] = community.Hedger
			}
		}
	}
	groups[d.Focal] = "focal pole"
	groups[d.Rival] = "rival pole"
	start := ""
	if len(d.Partial) > 0 {
		start = fmt.Sprint(d.Complete[len(d.Complete)-1])
	}
	return frames, netview.Options{
		ID:         "network",
		Counting:   d.Countings[0],
		Groups:     groups,
		GroupTitle: "bloc",
		GroupOrder: blocOrder,
		MaxNodes:   500,
		Start:      start,
	}
}

// blocOrder fixes the blocs' colours in the network view; the bloc plot
// uses the same colours (blocKeys).
var blocOrder = []string{"focal pole", community.Partner, community.Competitor, community.Hedger, "rival pole", community.Insufficient}

// blocKeys are the bloc plot's line keys in blocOrder's places.
var blocKeys = []string{"", "partners", "competitors", "hedgers"}

// HTML renders the page, index.html, which shows the choices made, the
// plots (as SVG files beside it), the main tables and the network view.
// Every plot or table without data is replaced by a sentence saying why.
func (d *Data) HTML() (string, error) {
	focal, rival, c := d.Focal, d.Rival, d.Countings[0]
	fn, rn := d.Label(focal), d.Label(rival)
	early, late, lt := d.Early, d.Late, d.Leadership
	years := d.Years
	var sb strings.Builder
	esc := html.EscapeString
	sb.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>coauthnet report</title>\n")
	sb.WriteString(netview.Head(""))
	sb.WriteString("\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#eee}td:first-child,td:nth-child(2){text-align:left}img{max-width:100%}p.empty{font-style:italic;color:#555}figure{margin:1em 0}figcaption{font-size:90%;color:#333}</style></head><body>\n")
	fmt.Fprintf(&sb, "<h1>Co-authorship report: %s and %s</h1>\n", esc(d.nameCode(focal)), esc(d.nameCode(rival)))
	sb.WriteString("<h2>Choices made for this corpus</h2>\n<ul class=\"choices\">\n")
	for _, ch := range d.Choices {
		fmt.Fprintf(&sb, "<li>%s</li>\n", esc(ch))
	}
	sb.WriteString("</ul>\n<h2>Provenance</h2>\n<table>\n")
	for _, m := range append([]table.Meta{{Key: "counting (weight)", Value: c.String()}, {Key: "level", Value: d.Whole.Level().String()}, {Key: "years", Value: d.Whole.Period().String()}}, d.Meta...) {
		fmt.Fprintf(&sb, "<tr><th>%s</th><td>%s</td></tr>\n", esc(m.Key), esc(m.Value))
	}
	fmt.Fprintf(&sb, "</table>\n<p>Weights use %s counting unless stated. Intensity is the weight divided by the square root of the two nodes' fractional outputs; it grows with the nodes' size, so 1 is not \"as expected\" (association strength, used for the leans below, is).</p>\n", esc(c.String()))

	sb.WriteString("<h2>The network, year by year</h2>\n<p>Nodes sized by fractional output, edges by weight, coloured by bloc (below); move the slider to change the year, hover a node for its details.</p>\n")
	frames, vo := d.Network()
	if err := netview.WriteFragment(&sb, frames, vo); err != nil {
		return "", err
	}
	plots := map[string]Plot{}
	for _, p := range d.Plots {
		plots[p.File] = p
	}
	figure := func(name string) {
		p := plots[name]
		if p.Empty != "" {
			fmt.Fprintf(&sb, "<p class=\"empty\">%s</p>\n", esc(p.Empty))
			return
		}
		fmt.Fprintf(&sb, "<figure><img src=\"%s.svg\" alt=\"%s\"><figcaption>%s</figcaption></figure>\n", name, esc(p.Title), esc(p.Caption))
	}
	pt := d.partnersText()
	fmt.Fprintf(&sb, "<h2>%s and its partners</h2>\n<p>%s.</p>\n", esc(fn), esc(strings.ToUpper(pt[:1])+pt[1:]))
	figure("partners-intensity")
	figure("partners-index")
	wd := d.Words()
	fmt.Fprintf(&sb, "<h2>Share of %s %s papers with each partner</h2>\n", possessive(esc(fn)), wd.Intl)
	figure("partners-share")
	fmt.Fprintf(&sb, "<h2>Who leads %s papers with each partner</h2>\n<p>Papers of each pair in %v and %v, and the share led by %s, by the partner or by another %s (the %s author's %s, split over a %s author's affiliations).</p>\n", possessive(esc(fn)), early.Period(), late.Period(), esc(fn), wd.Node, d.Leader, wd.Node, d.Leader)
	d.htmlTable(&sb, lt, nil, fmt.Sprintf("%s has no paper with any of these partners in %v or %v.", fn, early.Period(), late.Period()))
	sb.WriteString("<h2>Blocs</h2>\n")
	if b := d.Blocs; b == nil {
		fmt.Fprintf(&sb, "<p class=\"empty\">%s</p>\n", esc(d.BlocsNote))
	} else {
		fmt.Fprintf(&sb, "<p>Split year %d: %s. Lean = ln(association strength with %s / with %s), pooled over %s and over %s; partners move towards %s (Δ ≥ %g, %s-adjusted p &lt; %g), competitors away.</p>\n", b.Split, esc(b.SplitMethod), esc(fn), esc(rn), yearsText(b.Before), yearsText(b.After), esc(fn), b.MinEffect, esc(b.Correction), b.Alpha)
		figure("blocs")
		if plots["blocs"].Empty == "" {
			d.htmlTable(&sb, d.Tables["blocs.csv"], func(r []any) bool { return r[2] == community.Partner || r[2] == community.Competitor }, "")
		}
	}
	sb.WriteString("<h2>Is the network splitting?</h2>\n<p>Rising modularity and a falling share of collaboration across the two blocs are the signature of bifurcation.</p>\n")
	figure("bifurcation")
	if tt := d.Tables["trends.csv"]; tt != nil && plots["bifurcation"].Empty == "" {
		sb.WriteString("<p>Change of each index from the years up to the split to the years after (Welch interval over the yearly values); an interval that holds 0 is flat within noise, not a trend.</p>\n")
		d.htmlTable(&sb, tt, nil, "No index has values on both sides of the split.")
	}
	mt := d.Tables["drift-nodes.csv"]
	fmt.Fprintf(&sb, "<h2>Rank movers among %s partners</h2>\n<p>Rank of each partner by collaboration weight in %v and in %v; drift is 1 − cosine of the partner's own partner shares between the two.</p>\n", possessive(esc(fn)), early.Period(), late.Period())
	empty := fmt.Sprintf("No partner of %s has papers with it in both %v and %v, so no rank can be compared.", fn, early.Period(), late.Period())
	switch {
	case len(mt.Rows) == 0:
		d.htmlTable(&sb, mt, nil, empty) // the sentence, without a heading for no table
	case len(mt.Rows) <= 13:
		sb.WriteString("<p>By rise in rank, the largest first.</p>\n")
		d.htmlTable(&sb, mt, nil, empty)
	default:
		rises, falls := movers(mt, 8, 5)
		sb.WriteString("<p>Largest rises (ties at the cut included):</p>\n")
		d.htmlTable(&sb, &tables.Sheet{Columns: mt.Columns, Rows: rises}, nil, fmt.Sprintf("No partner rose in rank from %v to %v.", early.Period(), late.Period()))
		sb.WriteString("<p>Largest falls (ties at the cut included):</p>\n")
		d.htmlTable(&sb, &tables.Sheet{Columns: mt.Columns, Rows: falls}, nil, fmt.Sprintf("No partner fell in rank from %v to %v.", early.Period(), late.Period()))
	}
	// Only partnerships with a significant change point, the sharpest
	// turn first: the size of the break |slope_after − slope_before|,
	// what the change point tests (sorted for the page only: the CSV
	// keeps its order; change, last − first weight, is a column).
	src := d.Tables["drift-edges.csv"]
	dt := &tables.Sheet{Columns: src.Columns}
	for _, r := range src.Rows {
		if r[3] != "" {
			dt.Rows = append(dt.Rows, r)
		}
	}
	turn := func(r []any) float64 { return math.Abs(num(r[5]) - num(r[4])) }
	slices.SortStableFunc(dt.Rows, func(a, b []any) int { return cmp.Compare(turn(b), turn(a)) })
	dt.Rows = dt.Rows[:min(15, len(dt.Rows))]
	fmt.Fprintf(&sb, "<h2>How %s partnerships changed</h2>\n<p>Partnerships with a significant one-break change point, the largest change of slope first (|slope after − slope before|, in %s weight a year; change is the last year's weight minus the first's); the peak year and the test of every partnership are in drift-edges.csv.</p>\n", possessive(esc(fn)), c)
	d.htmlTable(&sb, dt, nil, d.noChangePoint(len(src.Rows)))
	sb.WriteString("<h2>Files</h2>\n<ul>\n")
	for _, name := range append([]string{"graph.graphml", "leadership.csv"}, slices.Sorted(maps.Keys(d.Tables))...) {
		fmt.Fprintf(&sb, "<li><a href=\"%s\">%s</a></li>\n", name, name)
	}
	fmt.Fprintf(&sb, "<li>GraphML per year: graph-%d.graphml … graph-%d.graphml</li>\n</ul>\n</body></html>\n", years[0], years[len(years)-1])
	return sb.String(), nil
}

// noChangePoint is the sentence for a change-point table without rows,
// the focal node having n partnerships over the complete years: too few
// years for the test, no partnership, or none with a significant change
// point.
func (d *Data) noChangePoint(n int) string {
	fn, cy := d.Label(d.Focal), d.Complete
	span := fmt.Sprintf("%d–%d", cy[0], cy[len(cy)-1])
	switch {
	case len(cy) < drift.MinPeriods:
		return fmt.Sprintf("No change point is tested: too few years (%d, %s) for a change point (at least %d years with papers); drift-edges.csv has each partnership's peak year.", len(cy), span, drift.MinPeriods)
	case n == 0:
		return fmt.Sprintf("%s has no partnership over %s.", fn, span)
	case n == 1:
		return fmt.Sprintf("%s one partnership has no significant change point over %s: its yearly weights are consistent with one straight trend.", possessive(fn), span)
	}
	return fmt.Sprintf("None of %s %d partnerships has a significant change point over %s: their yearly weights are consistent with one straight trend.", possessive(fn), n, span)
}

// movers returns the largest nr rises and nf falls of the rank-movers
// table (sorted by rise, largest first: tables.RankMovers), each the
// largest first, ties by key as in the table, with every row tied with
// the last one kept (a cut inside a tie would choose by name); rows
// whose rank did not change are in neither.
func movers(mt *tables.Sheet, nr, nf int) (rises, falls [][]any) {
	from, to := slices.Index(mt.Columns, "rank_from"), slices.Index(mt.Columns, "rank_to")
	rise := func(r []any) int { return r[from].(int) - r[to].(int) }
	for _, r := range mt.Rows {
		switch {
		case rise(r) > 0:
			rises = append(rises, r)
		case rise(r) < 0:
			falls = append(falls, r)
		}
	}
	slices.SortStableFunc(falls, func(a, b []any) int { return cmp.Compare(rise(a), rise(b)) })
	cut := func(rows [][]any, k int) [][]any {
		for k > 0 && k < len(rows) && rise(rows[k]) == rise(rows[k-1]) {
			k++
		}
		return rows[:min(k, len(rows))]
	}
	return cut(rises, nr), cut(falls, nf)
}

func num(v any) float64 {
	if x, ok := v.(float64); ok && !math.IsNaN(x) {
		return x
	}
	return 0
}

// palette gives every country of the report one colour in every plot:
// the partners in order of strength (the rival among them), then the
// blocs in the network view's colours.
func (d *Data) palette() (countries, blocs *plotstyle.Palette) {
	return plotstyle.NewPalette(d.Partners...), plotstyle.NewPalette(blocKeys...)
}

// Draw returns the plot of pl in the journal style; lines take their
// colour from pal and are labelled by label (country names).
func (pl Plot) Draw(pal *plotstyle.Palette, label func(string) string) (*plot.Plot, error) {
	st := plotstyle.Journal
	p := st.New(pl.Title, "publication year", pl.YLabel)
	keys := slices.Sorted(maps.Keys(pl.Lines))
	if pl.Order != nil {
		keys = slices.DeleteFunc(slices.Clone(pl.Order), func(k string) bool { _, ok := pl.Lines[k]; return !ok })
	}
	for _, k := range keys {
		if b, ok := pl.Bands[k]; ok {
			var xs []float64
			for _, xy := range pl.Lines[k] {
				xs = append(xs, xy.X)
			}
			if poly, err := plotstyle.Band(xs, b[0], b[1], pal.Color(k)); err == nil {
				p.Add(poly)
			}
		}
	}
	for _, k := range keys {
		l, err := pal.Line(k, pl.Lines[k], st.LineWidth)
		if err != nil {
			return nil, err
		}
		p.Add(l)
		if len(pl.Lines[k]) == 1 {
			sc, err := plotter.NewScatter(pl.Lines[k])
			if err == nil {
				sc.Color = pal.Color(k)
				p.Add(sc)
			}
		}
		p.Legend.Add(label(k), l)
	}
	// A margin above the highest point, so that a peak is not cut by
	// the frame.
	if r := p.Y.Max - p.Y.Min; r > 0 {
		p.Y.Max += 0.04 * r
	}
	return p, nil
}

// SavePlots draws every plot with data as name.svg and name.png
// (plotstyle.Journal: 174 × 100 mm, PNG at 300 dpi) through create.
func (d *Data) SavePlots(create export.Create) error {
	cp, bp := d.palette()
	for _, pl := range d.Plots {
		if pl.Empty != "" {
			continue
		}
		pal, label := cp, d.Label
		if pl.File == "blocs" || pl.File == "bifurcation" {
			pal, label = bp, func(s string) string { return s }
		}
		p, err := pl.Draw(pal, label)
		if err != nil {
			return fmt.Errorf("plot %s: %w", pl.File, err)
		}
		for _, ext := range []string{"svg", "png"} {
			wt, err := plotstyle.Journal.Render(p, ext)
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
// when keep is nil), or the sentence empty when no row is left. Node
// codes stay codes in tables; label columns carry names.
func (d *Data) htmlTable(sb *strings.Builder, t *tables.Sheet, keep func([]any) bool, empty string) {
	var rows [][]any
	if t != nil {
		for _, r := range t.Rows {
			if keep == nil || keep(r) {
				rows = append(rows, r)
			}
		}
	}
	if len(rows) == 0 {
		if empty != "" {
			fmt.Fprintf(sb, "<p class=\"empty\">%s</p>\n", html.EscapeString(empty))
		}
		return
	}
	sb.WriteString("<table>\n<tr>")
	for _, c := range t.Columns {
		fmt.Fprintf(sb, "<th>%s</th>", html.EscapeString(strings.ReplaceAll(c, "_", " ")))
	}
	sb.WriteString("</tr>\n")
	for _, r := range rows {
		sb.WriteString("<tr>")
		for j, v := range r {
			c := tables.Cell(v)
			if x, ok := v.(float64); ok {
				switch {
				case math.IsNaN(x) || math.IsInf(x, 0):
					c = "–"
				case math.Abs(x) < 1e-12 && !tables.Probability(t.Columns[j]): // rounding noise, not a p-value
					c = "0"
				default:
					c = fmt.Sprintf("%.3g", x)
				}
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
