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

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/metrics"
	"github.com/coauthnet/coauthnet/tables"
)

// Options of [Compute].
type Options struct {
	// Focal and Rival are the two poles (node keys). Empty: chosen from
	// the corpus, the nodes with the most collaboration over the
	// complete years, by strength (the sum of their edge weights under
	// Countings[0]; the strongest focal, the next rival; ZZ never): a
	// report on collaboration needs poles that collaborate, and the
	// node of largest output may hardly do (a national corpus's own
	// country). One empty: the strongest node besides the other. The
	// choice is stated at the top of the report.
	Focal, Rival string
	// BaseYear of the indexed timelines; 0 (the default) means the
	// first complete year in which at least half the partners have one
	// paper's weight (Countings[0] ≥ 1) with the focal node, an index
	// needing a base; when no year has that many, the year in which
	// most do (the earliest of ties). The choice is stated.
	BaseYear int
	// Countings are the weights written to GraphML; the first is the
	// weight of every measure. Required (Compute fails without one):
	// the command's default is bifrac, full, frac, share.
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
	// Measures are the node measures of nodes.csv. 0 (the default)
	// means every measure (metrics.AllMeasures) at country level, and
	// the cheap ones (metrics.DefaultMeasures: degree, strength,
	// eigenvector, PageRank) at institution level, where betweenness,
	// closeness and harmonic centrality cost O(V·E·log V) per year (a
	// sentence at the top of the page says so).
	Measures metrics.Measures
}

// MainPartners is the number of the focal node's strongest partners
// the timelines follow (with the rival): six lines and the rival's
// stay readable in one plot.
const MainPartners = 6

// PartnerYears is the number of complete years, the last ones, over
// which the focal node's main partners are chosen: one year is noisy
// (a partner with two papers that year can rank high), three pool
// enough papers and still describe the present.
const PartnerYears = 3

// Data is everything the report shows, before it is drawn or written.
type Data struct {
	Options
	Years  []int          // the years with papers
	Graphs []*graph.Graph // the graph of each year
	Whole  *graph.Graph   // the graph of the whole span
	// Partial are the trailing years found partly indexed
	// ([PartialYears]); Complete the other years with papers. Choices,
	// trends, blocs and plots use the complete years only; the node and
	// edge tables and the GraphML files keep every year.
	Partial, Complete []int
	// Early and Late pool the first and last (up to) five complete years.
	Early, Late *graph.Graph
	// Tables by file name: nodes.csv, edges.csv, blocs.csv, indices.csv,
	// drift-edges.csv, drift-steps.csv, drift-nodes.csv, communities.csv.
	Tables map[string]*tables.Sheet
	// Leadership: who leads the focal country's papers with each partner,
	// early and late (leadership.csv).
	Leadership *tables.Sheet
	// Blocs is nil when they could not be inferred (BlocsNote says why).
	Blocs     *community.Blocs
	BlocsNote string
	// Bifurcation holds the yearly bifurcation indices of the inferred
	// blocs with their bootstrap intervals and trend verdicts (nil
	// without blocs).
	Bifurcation *community.BifurcationResult
	// Partners are the focal node's MainPartners strongest partners
	// over PartnerWindow (the last PartnerYears complete years), or all
	// it has there when it has fewer, and the rival (last, when not
	// among them). The Partners sentence of Choices gives their number;
	// a focal node with fewer than 2 × community.DefaultMinPapers
	// international papers gets a "Few papers" sentence (no node can
	// then be placed in a bloc).
	Partners      []string
	PartnerWindow graph.Period
	// strongest is how many of Partners are the focal node's strongest
	// partners (at most MainPartners; fewer when it has fewer): the
	// rival, when not among them, follows.
	strongest int
	// Choices are the sentences stating what the report chose for this
	// corpus (poles, partial years, partner window, base year), shown
	// at the top of the page.
	Choices []string
	// Plots are the timelines, as numbers: one line per partner or
	// index, x the year.
	Plots []Plot
}

// A Plot is one figure: lines by key, x the year. Empty, when not "",
// says why the plot has nothing to show; the page shows it instead.
type Plot struct {
	File, Title, YLabel string
	Lines               map[string]plotter.XYs
	// Bands are intervals around lines, by line key: low and high at the
	// line's x values.
	Bands   map[string][2][]float64
	Caption string
	Empty   string
	// Order is the order of the lines in the legend (the partners by
	// strength); nil means key order.
	Order []string
}

// Label is the name of node key as the page shows it: the country's
// name at country level ("China"), the node's name otherwise; groups
// and unknown keys as they are.
func (d *Data) Label(key string) string {
	if d.Whole.Level() == graph.Countries {
		return coauthnet.CountryName(key)
	}
	if v, ok := d.Whole.Index(key); ok {
		return d.Whole.Name(v)
	}
	return key
}

// restrict returns s with only the given years.
func restrict(s *graph.Series, years []int) (*graph.Series, error) {
	var ts []graph.YearTable
	for _, y := range years {
		ts = append(ts, s.Table(y))
	}
	return graph.Assemble(s.Level(), s.Stats(), s.Labels(), ts)
}

// largest returns the keys of g's nodes with collaboration by strength
// (the sum of their edge weights under c), largest first (ties by key),
// without the unknown node: a report on collaboration needs poles that
// collaborate, and the node of largest output may hardly do (a national
// corpus's own country).
func largest(g *graph.Graph, c graph.Counting) []string {
	var keys []string
	str := map[string]float64{}
	for v := 0; v < g.Len(); v++ {
		k := g.Label(v)
		for _, w := range g.From(v) {
			str[k] += w[c]
		}
		if k != coauthnet.Unknown && str[k] > 0 {
			keys = append(keys, k)
		}
	}
	out := func(k string) float64 { return str[k] }
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(out(b), out(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return keys
}

// Compute computes the report of series s. It needs at least two years
// with papers.
func Compute(s *graph.Series, o Options) (*Data, error) {
	years := s.Years()
	if len(years) < 2 {
		if len(years) == 0 {
			return nil, fmt.Errorf("report needs at least two years with papers; the input has none")
		}
		return nil, fmt.Errorf("report needs at least two years with papers; the input has %v", s.Span())
	}
	if len(o.Countings) == 0 {
		return nil, fmt.Errorf("report: Options.Countings is empty: give at least one counting (the first is the weight of every measure)")
	}
	d := &Data{Years: years, Whole: s.Range(s.Span())}
	for _, y := range years {
		d.Graphs = append(d.Graphs, s.At(y))
	}
	// Partial years: out of every choice and trend.
	papers := make([]int, len(years))
	for i, g := range d.Graphs {
		papers[i] = g.Papers()
	}
	d.Partial = PartialYears(years, papers)
	if len(years)-len(d.Partial) < 2 {
		d.Partial = nil
	}
	d.Complete = years[:len(years)-len(d.Partial)]
	sc, gs := s, d.Graphs[:len(d.Complete)]
	last := d.Complete[len(d.Complete)-1]
	if len(d.Partial) > 0 {
		var err error
		if sc, err = restrict(s, d.Complete); err != nil {
			return nil, err
		}
		var counts []string
		for i, y := range d.Partial {
			counts = append(counts, fmt.Sprintf("%d (%s)", y, plural(papers[len(d.Complete)+i], "paper")))
		}
		d.Choices = append(d.Choices, fmt.Sprintf("Partly indexed: %s, far below the years before (fewer than half the median of the three years before, and unlikely by chance: Poisson P < %g). Left out of the partner choice, the timelines, the blocs and the trends; kept in nodes.csv, edges.csv and the GraphML files.",
			strings.Join(counts, ", "), PartialP))
	} else {
		d.Choices = append(d.Choices, fmt.Sprintf("The last year, %d, has %s, in line with the years before; it is treated as complete. If the export was made during %d, run again with --years to leave it out.", last, plural(papers[len(papers)-1], "paper"), last))
	}
	whole := sc.Range(sc.Span())
	big := largest(whole, o.Countings[0])
	switch {
	case o.Focal == "" && o.Rival == "":
		if len(big) < 2 {
			return nil, fmt.Errorf("report needs two nodes with papers; the input has %d", len(big))
		}
		o.Focal, o.Rival = big[0], big[1]
		d.Whole = s.Range(s.Span())
		d.Choices = append(d.Choices, fmt.Sprintf("Poles (not given): %s and %s, the two nodes with the most collaboration over %s (strength: the sum of their %s edge weights; --focal and --rival choose others).", d.nameCode(o.Focal), d.nameCode(o.Rival), whole.Period(), o.Countings[0]))
	case o.Rival == "":
		for _, k := range big {
			if k != o.Focal {
				o.Rival = k
				break
			}
		}
		if o.Rival == "" {
			return nil, fmt.Errorf("report needs a rival: no node besides %s has papers", o.Focal)
		}
		d.Choices = append(d.Choices, fmt.Sprintf("Rival (not given): %s, the node with the most collaboration besides %s (--rival chooses another).", d.nameCode(o.Rival), d.nameCode(o.Focal)))
	case o.Focal == "":
		for _, k := range big {
			if k != o.Rival {
				o.Focal = k
				break
			}
		}
		if o.Focal == "" {
			return nil, fmt.Errorf("report needs a focal node: no node besides %s has papers", o.Rival)
		}
		d.Choices = append(d.Choices, fmt.Sprintf("Focal (not given): %s, the node with the most collaboration besides %s (--focal chooses another).", d.nameCode(o.Focal), d.nameCode(o.Rival)))
	}
	if o.Focal == o.Rival {
		return nil, fmt.Errorf("report: focal and rival are the same node %s", o.Focal)
	}
	for _, k := range []string{o.Focal, o.Rival} {
		if v, ok := whole.Index(k); !ok || whole.Node(v).Output == 0 {
			if err := notInstitution(whole, k, big); err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("report: %s has no papers in %s (the nodes with the most collaboration are %s)", k, whole.Period(), strings.Join(big[:min(5, len(big))], ", "))
		}
	}
	focal, rival, c := o.Focal, o.Rival, o.Countings[0]
	d.Options = o
	// Partners over the last PartnerYears complete years.
	pk := min(PartnerYears, len(d.Complete))
	d.PartnerWindow = graph.Period{From: d.Complete[len(d.Complete)-pk], To: last}
	pw := s.Range(d.PartnerWindow)
	partners := topPartners(pw, focal, c, MainPartners)
	d.strongest = len(partners)
	if !slices.Contains(partners, rival) {
		partners = append(partners, rival)
	}
	d.Partners = partners
	var inWindow int
	if v, ok := pw.Index(focal); ok {
		inWindow = pw.Node(v).Papers
	}
	why := ""
	if d.strongest < MainPartners {
		why = fmt.Sprintf("; %s has %s there", d.Label(focal), plural(inWindow, "paper"))
		if inWindow == 0 {
			why = fmt.Sprintf("; %s has no paper there", d.Label(focal))
		}
	}
	d.Choices = append(d.Choices, fmt.Sprintf("Partners: %s (by %s weight; the last %d years with papers, partial years left out%s).", d.partnersText(), c, pk, why))
	// A focal node with fewer international papers than two bloc cells
	// (a country needs MinPapers papers with it on each side of the
	// split) can have no partner or competitor: say so first.
	if v, ok := whole.Index(focal); ok && whole.Node(v).Intl < 2*community.DefaultMinPapers {
		d.Choices = append(d.Choices, fmt.Sprintf("Few papers: %s has %s over %s; a %s needs at least %d papers with it on each side of the split year to be placed in a bloc (community.DefaultMinPapers), so none can be, and every timeline rests on a handful of papers.",
			d.Label(focal), plural(whole.Node(v).Intl, d.Words().Intl+" paper"), whole.Period(), d.Words().Node, community.DefaultMinPapers))
	}
	// Base year of the indexed timeline: by default the first complete
	// year in which at least half the partners have one paper's weight
	// with the focal node (an index needs a base), else the year in
	// which most do.
	indexable := func(y int) int {
		n := 0
		for _, x := range partners {
			if weightOf(s.At(y), focal, x, c) >= 1 {
				n++
			}
		}
		return n
	}
	// auto is the default rule's year, autoN its number of indexable
	// partners (0: no complete year has one, so no base year would do).
	auto, autoN := 0, -1
	for _, y := range d.Complete {
		n := indexable(y)
		if 2*n >= len(partners) {
			auto, autoN = y, n
			break
		}
		if n > autoN {
			auto, autoN = y, n
		}
	}
	cyears := fmt.Sprintf("%d–%d", d.Complete[0], last)
	if o.BaseYear == 0 {
		o.BaseYear = auto
		switch n := autoN; {
		case n == 0:
			d.Choices = append(d.Choices, fmt.Sprintf("No indexed timeline: in no year of %s does a partner have one paper's %s weight with %s (an index needs a base).", cyears, c, d.Label(focal)))
		case 2*n >= len(partners):
			d.Choices = append(d.Choices, fmt.Sprintf("Base year of the indexed timeline: %d, the first year in which at least half the partners (%d of %d) have one paper's weight with %s (--base-year chooses another).", o.BaseYear, n, len(partners), d.Label(focal)))
		default:
			d.Choices = append(d.Choices, fmt.Sprintf("Base year of the indexed timeline: %d, the year in which most partners (%d of %d) have one paper's weight with %s (--base-year chooses another).", o.BaseYear, n, len(partners), d.Label(focal)))
		}
	} else if indexable(o.BaseYear) == 0 {
		other := fmt.Sprintf("in %d, %d of %d have (--base-year %d)", auto, autoN, len(partners), auto)
		if autoN == 0 {
			other = fmt.Sprintf("nor in any year of %s, so no base year would do", cyears)
		}
		d.Choices = append(d.Choices, fmt.Sprintf("Warning: in the base year %d no partner has one paper's weight with %s, so none can be indexed to it; %s.", o.BaseYear, d.Label(focal), other))
	}
	d.Options = o
	to := tables.Options{Counting: c, Leader: o.Leader, Impact: o.Impact, Measure: tables.MeasureOptions{Measures: o.Measures}}
	if to.Measure.Measures == 0 {
		to.Measure.Measures = metrics.AllMeasures
		if s.Level() != graph.Countries {
			to.Measure.Measures = metrics.DefaultMeasures
			d.Choices = append(d.Choices, fmt.Sprintf("Node measures at institution level: %s (betweenness, closeness and harmonic centrality take O(V·E·log V) per year; --measures all computes them).", to.Measure.Measures))
		}
	}
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
	d.Tables = map[string]*tables.Sheet{"nodes.csv": nt, "edges.csv": et}
	// Blocs and bifurcation over the complete years; a corpus too small
	// for them gets a sentence instead.
	bloc := map[string]string{}
	if b, bi, err := community.InferBifurcation(sc, community.BlocOptions{Focal: focal, Rival: rival}, community.BifurcationOptions{}, nil); err != nil {
		d.BlocsNote = fmt.Sprintf("Blocs could not be inferred: %s.", userText(err))
	} else {
		d.Blocs = b
		bloc = b.Map()
		d.Bifurcation = bi
		d.Tables["blocs.csv"] = tables.BlocsTable(b, nil)
		d.Tables["indices.csv"] = tables.IndicesTable(bi)
		d.Tables["trends.csv"] = tables.TrendsTable(bi)
	}
	trends := drift.Edges(gs, c)
	trends = slices.DeleteFunc(trends, func(t drift.EdgeTrend) bool { return t.Source != focal && t.Target != focal })
	d.Tables["drift-edges.csv"] = tables.EdgeTrends(trends, focal)
	d.Tables["drift-steps.csv"] = tables.DriftSteps(gs, c)
	// Rank movers: the first five complete years against the last five
	// (single years are noisy), or halves of a shorter series.
	cy := d.Complete
	k := max(1, min(5, len(cy)/2))
	d.Early = s.Range(graph.Period{From: cy[0], To: cy[k-1]})
	d.Late = s.Range(graph.Period{From: cy[len(cy)-k], To: cy[len(cy)-1]})
	d.Tables["drift-nodes.csv"] = tables.MoversTable(tables.RankMovers(d.Early, d.Late, focal, c))
	everyC := every[:len(cy)]
	ct, _ := tables.Communities(sc, everyC, community.Options{Counting: c})
	d.Tables["communities.csv"] = ct

	// Every series runs over every year from the first to the last
	// complete year, 0 where there is no collaboration.
	var span []int
	for y := cy[0]; y <= last; y++ {
		span = append(span, y)
	}
	series := func(val func(g *graph.Graph, x string) float64) map[string]plotter.XYs {
		m := map[string]plotter.XYs{}
		for _, x := range partners {
			for _, y := range span {
				v := val(s.At(y), x)
				if math.IsNaN(v) || math.IsInf(v, 0) {
					v = 0
				}
				m[x] = append(m[x], plotter.XY{X: float64(y), Y: v})
			}
		}
		return m
	}
	// Who leads the focal node's papers with each partner, early and
	// late (by o.Leader).
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
	fn, wd := d.Label(focal), d.Words()
	index := Plot{File: "partners-index", Title: fmt.Sprintf("Collaboration of %s with its main partners, indexed to %d", fn, base), YLabel: fmt.Sprintf("%s weight, %d = 100", c, base),
		Lines: series(func(g *graph.Graph, x string) float64 {
			return 100 * weightOf(g, focal, x, c) / weightOf(baseG, focal, x, c)
		})}
	var left []string
	for _, x := range partners {
		// An index needs a base: partners with less than one paper's
		// weight in the base year are left out.
		if weightOf(baseG, focal, x, c) < 1 {
			delete(index.Lines, x)
			left = append(left, d.Label(x))
		}
	}
	index.Caption = fmt.Sprintf("Indexed to %d = 100.", base)
	if len(left) > 0 {
		index.Caption += fmt.Sprintf(" Left out, with less than one paper's weight with %s in %d: %s.", fn, base, strings.Join(left, ", "))
	}
	switch {
	case len(index.Lines) > 0:
	case autoN == 0:
		index.Empty = fmt.Sprintf("No partner of %s has one paper's %s weight with it in any year of %s, so there is nothing to index.", fn, c, cyears)
	default:
		index.Empty = fmt.Sprintf("No partner of %s has one paper's weight with it in the base year %d, so there is nothing to index; in %d, %d of %d have (--base-year %d).", fn, base, auto, autoN, len(partners), auto)
	}
	d.Plots = []Plot{
		{File: "partners-intensity", Title: fmt.Sprintf("Collaboration intensity of %s with its main partners", fn), YLabel: "intensity: weight / √(output A · output B)",
			Lines:   series(func(g *graph.Graph, x string) float64 { return community.Intensity(g, focal, x) }),
			Caption: fmt.Sprintf("Intensity of %s with each of its main partners (chosen over %s), 0 in years without a paper together. Intensity grows with the %s' size: it is not a ratio to expected.", fn, d.PartnerWindow, wd.Nodes)},
		index,
		{File: "partners-share", Title: fmt.Sprintf("Share of %s %s papers with each partner", possessive(fn), wd.Intl), YLabel: "papers with the partner / " + wd.Intl + " papers",
			Lines: series(func(g *graph.Graph, x string) float64 {
				u, ok1 := g.Index(focal)
				v, ok2 := g.Index(x)
				if !ok1 || !ok2 {
					return 0
				}
				w, _ := g.Between(u, v)
				return tables.Ratio(w[graph.Full], float64(g.Node(u).Intl))
			}),
			Caption: fmt.Sprintf("Share of %s %s papers (whole counting) written with each partner, by year; a paper with several partners counts for each.", possessive(fn), wd.Intl)},
	}
	blocs := Plot{File: "blocs", Title: fmt.Sprintf("Intensity of %s with each bloc (inferred)", fn), YLabel: "intensity: weight / √(output A · output B)"}
	bif := Plot{File: "bifurcation", Title: "Bifurcation indices of the two-bloc partition", YLabel: "index value"}
	switch {
	case d.Blocs == nil:
		blocs.Empty, bif.Empty = d.BlocsNote, d.BlocsNote
	default:
		np, nc := 0, 0
		for _, b := range bloc {
			switch b {
			case community.Partner:
				np++
			case community.Competitor:
				nc++
			}
		}
		if np+nc == 0 {
			blocs.Empty = d.noBlocs()
		} else {
			blocs.Lines = blocLines(sc, span, focal, rival, bloc)
			blocs.Order = blocKeys[1:]
			blocs.Caption = fmt.Sprintf("Intensity of %s with each bloc taken as one node (%d partners, %d competitors, the others hedgers), 0 in years without a paper together.", fn, np, nc)
		}
		bif.Lines, bif.Bands = bifurcationLines(d.Bifurcation.Years)
		n, year := 0, 0.0
		for _, l := range bif.Lines {
			if len(l) > n {
				n, year = len(l), l[0].X
			}
		}
		switch {
		case n == 0 && np+nc == 0:
			bif.Empty = "With no partner or competitor, the two blocs are the two poles alone, so modularity, cross-bloc share and E–I index are not defined (the one edge between two nodes gives Q = −1/2 and cross-bloc share 1 whatever the data); indices.csv and trends.csv leave them empty and keep the indices that do not depend on the blocs (Fiedler value, hedgers' leans)."
		case n == 0:
			bif.Empty = "No year has collaboration between the two sides, so the bifurcation indices are undefined."
		case n == 1:
			bif.Empty = fmt.Sprintf("The bifurcation indices are defined in only one year, %.0f (the only year with collaboration among the two sides), too few for a timeline; indices.csv has it.", year)
		}
		var verdicts []string
		for _, tr := range d.Bifurcation.Trends {
			if tr.Index == "modularity" || tr.Index == "cross_share" {
				name := strings.ReplaceAll(tr.Index, "_", "-")
				if math.IsNaN(tr.Change) || math.IsNaN(tr.Low) || math.IsNaN(tr.High) {
					verdicts = append(verdicts, fmt.Sprintf("%s %s (too few years with a value on a side to compare: %d before, %d after)", name, tr.Verdict, tr.YearsB, tr.YearsA))
					continue
				}
				verdicts = append(verdicts, fmt.Sprintf("%s %s (change %+.3g, interval %.3g to %.3g)", name, tr.Verdict, tr.Change, tr.Low, tr.High))
			}
		}
		bif.Caption = fmt.Sprintf("Modularity Q and cross-bloc share of the partition {%s and its partners} / {%s and its competitors}, with their bootstrap intervals (shaded). From the years up to %d to the years after: %s.", fn, d.Label(rival), d.Blocs.Split, strings.Join(verdicts, "; "))
	}
	for i := range d.Plots {
		d.Plots[i].Order = partners // the legend by strength, as the colours
	}
	d.Plots = append(d.Plots, blocs, bif)
	return d, nil
}

// noBlocs is the sentence for blocs without a partner or competitor:
// what is true of the other nodes, hedgers (tested, no significant
// move) and nodes with insufficient data (a cell below MinPapers).
func (d *Data) noBlocs() string {
	b, wd := d.Blocs, d.Words()
	nh, ni := 0, 0
	for _, a := range b.Assignments {
		switch a.Bloc {
		case community.Hedger:
			nh++
		case community.Insufficient:
			ni++
		}
	}
	few := fmt.Sprintf("fewer than %d papers with a pole on one side of the split year %d", b.MinPapers, b.Split)
	fn, rn := d.Label(d.Focal), d.Label(d.Rival)
	switch {
	case nh == 0:
		return fmt.Sprintf("No %s has enough papers with both poles to be classified: %d with insufficient data (%s), so there are no blocs to draw; blocs.csv has each %s's papers.", wd.Node, ni, few, wd.Node)
	case ni == 0:
		return fmt.Sprintf("No %s moved significantly towards %s or %s across the split year %d: all %d are hedgers, so there are no blocs to draw; blocs.csv has each %s's lean.", wd.Node, fn, rn, b.Split, nh, wd.Node)
	}
	return fmt.Sprintf("No %s moved significantly towards %s or %s across the split year %d: %s, and %d with insufficient data (%s), so there are no blocs to draw; blocs.csv has each %s's lean.", wd.Node, fn, rn, b.Split, plural(nh, "hedger"), ni, few, wd.Node)
}

// notInstitution is the error for a pole key that names a country at
// institution level (not a node there: institution keys are ids or
// COUNTRY:name), with the country's institutions of most collaboration
// (big, strongest first) as examples; nil when key is no country or g
// is at country level.
func notInstitution(g *graph.Graph, key string, big []string) error {
	if g.Level() != graph.Institutions {
		return nil
	}
	code, err := coauthnet.ParseCountry(key)
	if err != nil {
		return nil
	}
	var in []string
	for _, k := range big {
		if v, _ := g.Index(k); g.Country(v) == code {
			in = append(in, k)
			if len(in) == 3 {
				break
			}
		}
	}
	such := "such as https://ror.org/03cve4549 or CN:tsinghua univ"
	if len(in) > 0 {
		such = fmt.Sprintf("such as %s (the institutions of %s with the most collaboration in %s)", strings.Join(in, ", "), coauthnet.CountryName(code), g.Period())
	}
	return fmt.Errorf("report: %s is a country; at institution level the poles are institution keys, %s", key, such)
}

// plural is "1 paper", "2 papers".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Words are the nouns of the page's prose at the report's level:
// country, countries, international (papers with another country) at
// level graph.Countries; institution, institutions, inter-institutional
// (papers with another institution: the node weight intl) at
// graph.Institutions.
type Words struct {
	Node, Nodes, Intl string
}

// Words returns the nouns of the page's prose at d's level.
func (d *Data) Words() Words {
	if d.Whole.Level() == graph.Institutions {
		return Words{Node: "institution", Nodes: "institutions", Intl: "inter-institutional"}
	}
	return Words{Node: "country", Nodes: "countries", Intl: "international"}
}

// partnersText names the partners the timelines follow, with their
// real number and the window they were chosen over: "the six strongest
// partners of China over 2022-2024, and United States", "the two
// partners China has over 2011-2013 (fewer than six), and Netherlands",
// "only Netherlands, as China has no partner over 2011-2013".
func (d *Data) partnersText() string {
	fn, rn, w := d.Label(d.Focal), d.Label(d.Rival), d.PartnerWindow
	and := ", and " + rn
	if slices.Index(d.Partners, d.Rival) < d.strongest {
		and = ", " + rn + " among them"
	} else if !d.coauthored(d.Focal, d.Rival) {
		and = ", and " + rn + " (the rival pole, with no paper with " + fn + ")"
	}
	n := d.strongest
	switch {
	case n == 0:
		return fmt.Sprintf("only %s, as %s has no partner over %s", rn, fn, w)
	case n < MainPartners:
		noun := "partners"
		if n == 1 {
			noun = "partner"
		}
		return fmt.Sprintf("the %s %s %s has over %s (fewer than %s)%s", number(n), noun, fn, w, number(MainPartners), and)
	}
	return fmt.Sprintf("the %s strongest partners of %s over %s%s", number(n), fn, w, and)
}

// coauthored reports whether a and b have a paper together in the
// whole span.
func (d *Data) coauthored(a, b string) bool {
	u, ok1 := d.Whole.Index(a)
	v, ok2 := d.Whole.Index(b)
	if !ok1 || !ok2 {
		return false
	}
	_, ok := d.Whole.Between(u, v)
	return ok
}

// possessive is name's possessive: "China's", and for a name ending in
// s only the apostrophe, "Netherlands'", "United States'" (AP style,
// which gives singular names such as Cyprus the same rule).
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// number is n in words up to ten ("six"), in digits above.
func number(n int) string {
	if n >= 0 && n <= 10 {
		return strings.Fields("zero one two three four five six seven eight nine ten")[n]
	}
	return fmt.Sprint(n)
}

// nameCode is "China (CN)" at country level, the label otherwise.
func (d *Data) nameCode(key string) string {
	if l := d.Label(key); l != key {
		return l + " (" + key + ")"
	}
	return key
}

// userText is err without a package prefix.
func userText(err error) string {
	msg := err.Error()
	for _, p := range []string{"community: ", "graph: ", "drift: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
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
// so it equals counting with the bloc merged into a group. Years of span
// where focal or a bloc has no papers are 0.
func blocLines(s *graph.Series, span []int, focal, rival string, bloc map[string]string) map[string]plotter.XYs {
	m := map[string]plotter.XYs{}
	names := map[string]string{community.Partner: "partners", community.Competitor: "competitors", community.Hedger: "hedgers"}
	for _, y := range span {
		g := s.At(y)
		cw, out := map[string]float64{}, map[string]float64{}
		fv, ok := g.Index(focal)
		if ok {
			for v := 0; v < g.Len(); v++ {
				k := g.Label(v)
				if k == focal || k == rival {
					continue
				}
				b := bloc[k]
				if b == "" {
					b = community.Hedger
				}
				if b != community.Partner && b != community.Competitor && b != community.Hedger {
					continue // the rival pole
				}
				out[b] += g.Node(v).Output
				if w, ok := g.Between(fv, v); ok {
					cw[b] += w[graph.BiFrac]
				}
			}
		}
		for _, b := range []string{community.Partner, community.Competitor, community.Hedger} {
			v := 0.0
			if ok && out[b] > 0 && g.Node(fv).Output > 0 {
				v = cw[b] / math.Sqrt(g.Node(fv).Output*out[b])
			}
			m[names[b]] = append(m[names[b]], plotter.XY{X: float64(y), Y: v})
		}
	}
	return m
}

// bifurcationLines are modularity and cross-bloc share by year, with
// their bootstrap intervals; years where an index is undefined (NaN)
// are left out of its line.
func bifurcationLines(ix []community.Indices) (map[string]plotter.XYs, map[string][2][]float64) {
	m, bands := map[string]plotter.XYs{}, map[string][2][]float64{}
	for _, k := range []struct {
		name string
		i    int
	}{{"modularity", 0}, {"cross-bloc share", 1}} {
		var b [2][]float64
		for _, x := range ix {
			v := x.Value(k.i)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			m[k.name] = append(m[k.name], plotter.XY{X: float64(x.Year), Y: v})
			b[0] = append(b[0], x.CI[k.i][0])
			b[1] = append(b[1], x.CI[k.i][1])
		}
		if len(m[k.name]) > 0 {
			bands[k.name] = b
		}
	}
	return m, bands
}
