package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/io/gexf"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/orcid"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/mobility"
)

// MobilityOptions are the options of [WriteMobility].
type MobilityOptions struct {
	// Rules are the options the result was analysed with (mobility.Options),
	// recorded in every file's metadata.
	Rules mobility.Options
	// Quantiles are the impact classes of impact.csv, the plot and the
	// impact_quantile columns (mobility.Result.ImpactQuantiles).
	Quantiles mobility.Quantiles
	// Policy is the country policy the papers were read with (metadata).
	Policy coauthnet.CountryPolicy
	// ByYear adds one flows-YEAR.graphml and .gexf per year of flows.
	ByYear bool
	// Focal, when not "", adds focal.csv: this node's inflow and outflow
	// by partner, year and impact class (mobility.Result.Focal).
	Focal string
	// Paths, when not nil, adds paths.csv: the ORCID career paths counted
	// (orcid.CountPaths).
	Paths []orcid.Path
}

// WriteMobility writes the tables, graphs and plot of a mobility result
// into dir through create (which gets paths under dir; export.Create),
// as `coauthnet mobility` does, in this order:
//
//	moves.csv, .parquet       one row per move (author, from, to, year, kind, impact, ...)
//	flows.csv, .parquet       movers per year and arc (mobility.Result.Flows)
//	nodes.csv                 per-node flows over all years ("all") and per year
//	retention.csv             authors of each origin who stayed, travelled, migrated
//	authors.csv, .parquet     one row per author followed
//	impact.csv, impact.svg    migrations per impact class and arc; the share of each
//	                          class going to the five largest destinations
//	flows.graphml, .gexf      nodes with their flows, arcs weighted by migrants
//	flows-YEAR.graphml, .gexf with ByYear, one pair per year
//	focal.csv                 with Focal
//	paths.csv                 with Paths
//
// Every table carries the same metadata (coauthnet version, level,
// rules, country policy, impact measure, authors followed and without an
// identifier). The outputs depend only on r and o: the same bytes for
// the same inputs. WriteMobility does not create dir.
func WriteMobility(dir string, r *mobility.Result, o MobilityOptions, create export.Create) error {
	w := mobilityWriter{dir: dir, r: r, o: o, create: create}
	steps := []func() error{w.moves, w.flows, w.nodes, w.retention, w.authors, w.impact, w.graphs}
	if o.Focal != "" {
		steps = append(steps, w.focal)
	}
	if o.Paths != nil {
		steps = append(steps, w.paths)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

type mobilityWriter struct {
	dir    string
	r      *mobility.Result
	o      MobilityOptions
	create export.Create
}

// meta is the metadata of every table of the result.
func (w *mobilityWriter) meta() []table.Meta {
	o := w.o.Rules
	return []table.Meta{
		{Key: "coauthnet_version", Value: coauthnet.Version()},
		{Key: "level", Value: o.Level.String()},
		{Key: "rules", Value: fmt.Sprintf("switch=%g return=%g lag_years=%d lag_cost=%g absent=%g min_papers=%d travel_gap=%d",
			o.Switch, o.Return, o.LagYears, o.LagCost, o.Absent, o.MinPapers, o.TravelGap)},
		{Key: "country_policy", Value: w.o.Policy.String()},
		{Key: "impact_measure", Value: w.o.Quantiles.Measure.String()},
		table.MetaInt("authors", len(w.r.Authors)),
		table.MetaInt("authors_without_id", w.r.Stats.NoID),
	}
}

// write writes t as name.csv, and as name.parquet when parquet is true.
func (w *mobilityWriter) write(name string, t *table.Table, parquet bool) error {
	t.Meta = w.meta()
	if err := w.create(filepath.Join(w.dir, name+".csv"), t.WriteCSV); err != nil {
		return err
	}
	if parquet {
		return w.create(filepath.Join(w.dir, name+".parquet"), t.WriteParquet)
	}
	return nil
}

func yesNo(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (w *mobilityWriter) moves() error {
	r := w.r
	n := len(r.Moves)
	author, from, to, kind := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	year, fp, tp, ov, ret, prior, cited, quant := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	impact, cnci := make([]float64, n), make([]float64, n)
	for i, m := range r.Moves {
		cnci[i] = m.CNCI
		author[i], from[i], to[i], kind[i] = r.Authors[m.Author].Key, r.Nodes[m.From], r.Nodes[m.To], m.Kind.String()
		year[i], fp[i], tp[i], ov[i] = m.Year, m.FromPapers, m.ToPapers, m.Overlap
		ret[i], prior[i], cited[i], impact[i] = yesNo(m.Return), yesNo(m.Prior), m.Cited, m.Impact
		if m.Kind == mobility.Migrant {
			quant[i] = w.o.Quantiles.Class(m)
		}
	}
	return w.write("moves", &table.Table{Columns: []table.Column{
		table.Strings("author", author), table.Strings("from", from), table.Strings("to", to), table.Ints("year", year),
		table.Strings("kind", kind), table.Ints("from_papers", fp), table.Ints("to_papers", tp), table.Ints("overlap", ov),
		table.Ints("return", ret), table.Ints("prior", prior), table.Floats("impact", impact), table.Floats("cnci", cnci), table.Ints("cited_papers", cited),
		table.Ints("impact_quantile", quant),
	}}, true)
}

func (w *mobilityWriter) flows() error {
	fl := w.r.Flows()
	n := len(fl)
	year, mig, trav := make([]int, n), make([]int, n), make([]int, n)
	from, to := make([]string, n), make([]string, n)
	for i, x := range fl {
		year[i], from[i], to[i], mig[i], trav[i] = x.Year, w.r.Nodes[x.From], w.r.Nodes[x.To], x.Migrants, x.Travellers
	}
	return w.write("flows", &table.Table{Columns: []table.Column{
		table.Ints("year", year), table.Strings("from", from), table.Strings("to", to),
		table.Ints("migrants", mig), table.Ints("travellers", trav),
	}}, true)
}

// nodeColumns are the per-node flow columns for the node flows ns, one
// row each.
func nodeColumns(ns []mobility.NodeFlow) []table.Column {
	n := len(ns)
	out, in, net, ret, prior, nw, tout, tin := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	rs, ns2 := make([]float64, n), make([]float64, n)
	for i, x := range ns {
		out[i], in[i], net[i], ret[i], prior[i], nw[i], tout[i], tin[i] = x.Out, x.In, x.Net, x.Returns, x.Prior, x.New, x.TravelOut, x.TravelIn
		rs[i], ns2[i] = x.ReturneeShare(), x.NewShare()
	}
	return []table.Column{
		table.Ints("outflow", out), table.Ints("inflow", in), table.Ints("net", net), table.Ints("returns", ret),
		table.Ints("prior_ties", prior), table.Ints("new", nw), table.Floats("returnee_share", rs), table.Floats("new_share", ns2),
		table.Ints("travel_out", tout), table.Ints("travel_in", tin),
	}
}

func (w *mobilityWriter) nodes() error {
	ns := w.r.NodeFlows()
	period, node := make([]string, len(ns)), make([]string, len(ns))
	for i, x := range ns {
		period[i] = "all"
		if x.Year != 0 {
			period[i] = strconv.Itoa(x.Year)
		}
		node[i] = w.r.Nodes[x.Node]
	}
	cols := append([]table.Column{table.Strings("period", period), table.Strings("node", node)}, nodeColumns(ns)...)
	return w.write("nodes", &table.Table{Columns: cols}, false)
}

func (w *mobilityWriter) retention() error {
	rt := w.r.Retention()
	n := len(rt)
	node := make([]string, n)
	a, s, t, m, k, ret := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	rate := make([]float64, n)
	for i, x := range rt {
		node[i], a[i], s[i], t[i], m[i], k[i], ret[i], rate[i] = w.r.Nodes[x.Node], x.Authors, x.Stayers, x.Travellers, x.Migrants, x.Retained, x.Returned, x.Rate()
	}
	return w.write("retention", &table.Table{Columns: []table.Column{
		table.Strings("origin", node), table.Ints("authors", a), table.Ints("stayers", s), table.Ints("travellers", t),
		table.Ints("migrants", m), table.Ints("retained", k), table.Ints("returned", ret), table.Floats("retention", rate),
	}}, false)
}

func (w *mobilityWriter) authors() error {
	as := w.r.Authors
	n := len(as)
	key, origin, last, class := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	first, end, papers, mig, trav := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	for i, a := range as {
		key[i], origin[i], last[i], class[i] = a.Key, w.r.Nodes[a.Origin], w.r.Nodes[a.Last], a.Class.String()
		first[i], end[i], papers[i], mig[i], trav[i] = a.First, a.End, a.Papers, a.Migrations, a.Travels
	}
	return w.write("authors", &table.Table{Columns: []table.Column{
		table.Strings("author", key), table.Strings("origin", origin), table.Strings("last_home", last), table.Strings("class", class),
		table.Ints("first_year", first), table.Ints("last_year", end), table.Ints("papers", papers),
		table.Ints("migrations", mig), table.Ints("travels", trav),
	}}, true)
}

// impact writes impact.csv (migrations per impact class and arc) and
// impact.svg (ImpactPlot).
func (w *mobilityWriter) impact() error {
	fl := w.r.ImpactFlows(w.o.Quantiles)
	n := len(fl)
	q, mig := make([]int, n), make([]int, n)
	lo, hi, mean := make([]float64, n), make([]float64, n), make([]float64, n)
	from, to := make([]string, n), make([]string, n)
	for i, x := range fl {
		q[i], from[i], to[i], mig[i], mean[i] = x.Quantile, w.r.Nodes[x.From], w.r.Nodes[x.To], x.Migrants, x.Impact
		lo[i], hi[i] = classBounds(w.o.Quantiles, x.Quantile)
	}
	err := w.write("impact", &table.Table{Columns: []table.Column{
		table.Ints("quantile", q), table.Floats("impact_from", lo), table.Floats("impact_to", hi),
		table.Strings("from", from), table.Strings("to", to), table.Ints("migrants", mig), table.Floats("mean_impact", mean),
	}}, false)
	if err != nil {
		return err
	}
	return w.create(filepath.Join(w.dir, "impact.svg"), func(out io.Writer) error {
		_, err := io.WriteString(out, ImpactPlot(w.r, w.o.Quantiles))
		return err
	})
}

// classBounds returns the impact range [lo, hi) of class k of q (NaN for
// open ends and the unknown class 0).
func classBounds(q mobility.Quantiles, k int) (float64, float64) {
	lo, hi := math.NaN(), math.NaN()
	if k == 0 {
		return lo, hi
	}
	if k >= 2 {
		lo = q.Cuts[k-2]
	}
	if k-1 < len(q.Cuts) {
		hi = q.Cuts[k-1]
	}
	return lo, hi
}

// ImpactPlot returns impact.svg of [WriteMobility] (640 × 400 px): for
// the five destinations with most inflow of migrants of a known impact
// class (ties: the smaller node index), the share of each class's
// migrations (mobility.Result.ImpactFlows with q) that go there, one
// Okabe-Ito coloured line per destination over the classes Q1 (lowest)
// to Qk. A class without migrations leaves a gap; the y axis ends at the
// largest share rounded up to a tenth (1 when there is none).
func ImpactPlot(r *mobility.Result, q mobility.Quantiles) string {
	fl := r.ImpactFlows(q)
	k := q.Len()
	total := make([]int, k+1)
	byDest := map[int][]int{}
	inflow := map[int]int{}
	for _, x := range fl {
		if x.Quantile == 0 {
			continue
		}
		total[x.Quantile] += x.Migrants
		if byDest[x.To] == nil {
			byDest[x.To] = make([]int, k+1)
		}
		byDest[x.To][x.Quantile] += x.Migrants
		inflow[x.To] += x.Migrants
	}
	var dests []int
	for d := range byDest {
		dests = append(dests, d)
	}
	slices.SortFunc(dests, func(a, b int) int { return cmp.Or(-cmp.Compare(inflow[a], inflow[b]), cmp.Compare(a, b)) })
	if len(dests) > 5 {
		dests = dests[:5]
	}
	// Okabe-Ito colours.
	colours := []string{"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"}
	const W, H, L, R, T, B = 640.0, 400.0, 60.0, 120.0, 40.0, 50.0
	ymax := 0.0
	share := func(d, q int) float64 {
		if total[q] == 0 {
			return math.NaN()
		}
		return float64(byDest[d][q]) / float64(total[q])
	}
	for _, d := range dests {
		for q := 1; q <= k; q++ {
			if s := share(d, q); s > ymax {
				ymax = s
			}
		}
	}
	if ymax == 0 {
		ymax = 1
	}
	ymax = math.Ceil(ymax*10) / 10
	x := func(q int) float64 {
		if k == 1 {
			return L + (W-L-R)/2
		}
		return L + float64(q-1)*(W-L-R)/float64(k-1)
	}
	y := func(v float64) float64 { return H - B - v/ymax*(H-T-B) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="sans-serif" font-size="12">`+"\n", W, H, W, H)
	fmt.Fprintf(&b, `<text x="%g" y="20" font-size="14">Share of migrations to each destination, by the movers' pre-move impact</text>`+"\n", L)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#000"/>`+"\n", L, H-B, W-R, H-B)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#000"/>`+"\n", L, T, L, H-B)
	for i := 0; i <= 4; i++ {
		v := ymax * float64(i) / 4
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">%.0f%%</text>`+"\n", L-6, y(v)+4, v*100)
	}
	for q := 1; q <= k; q++ {
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">Q%d (n=%d)</text>`+"\n", x(q), H-B+18, q, total[q])
	}
	what := "citations per paper normalised by field and year"
	if q.Measure == mobility.CitesPerPaper {
		what = "citations per paper"
	}
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">impact class (%s before the move; Q1 lowest)</text>`+"\n", (L+W-R)/2, H-8, what)
	for i, d := range dests {
		c := colours[i%len(colours)]
		var pts []string
		for q := 1; q <= k; q++ {
			if s := share(d, q); !math.IsNaN(s) {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(q), y(s)))
			}
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", c, strings.Join(pts, " "))
		fmt.Fprintf(&b, `<text x="%g" y="%g" fill="%s">%s</text>`+"\n", W-R+8, T+14*float64(i+1), c, xmlEscape(r.Nodes[d]))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// FlowNetwork returns the flow graph of year y (0: all years) as the
// node and edge tables of graphml.WriteNetwork and gexf.WriteNetwork:
// nodes (id, country, the flow columns of nodes.csv) with flows in the
// year, arcs from → to with their migrants and travellers summed over
// the year (or all years), weight = migrants, sorted by source and
// target node index. Tables carry no metadata.
func FlowNetwork(r *mobility.Result, y int) (nodes, edges *table.Table) {
	var ns []mobility.NodeFlow
	for _, x := range r.NodeFlows() {
		if x.Year == y {
			ns = append(ns, x)
		}
	}
	type arc struct{ f, t int }
	sum := map[arc][2]int{}
	var arcs []arc
	for _, x := range r.Flows() {
		if y == 0 || x.Year == y {
			a := arc{x.From, x.To}
			if _, ok := sum[a]; !ok {
				arcs = append(arcs, a)
			}
			s := sum[a]
			sum[a] = [2]int{s[0] + x.Migrants, s[1] + x.Travellers}
		}
	}
	slices.SortFunc(arcs, func(a, b arc) int { return cmp.Or(cmp.Compare(a.f, b.f), cmp.Compare(a.t, b.t)) })
	id, country := make([]string, len(ns)), make([]string, len(ns))
	for i, x := range ns {
		id[i], country[i] = r.Nodes[x.Node], r.NodeCountry[x.Node]
	}
	nodes = &table.Table{Columns: append([]table.Column{table.Strings("id", id), table.Strings("country", country)}, nodeColumns(ns)...)}
	src, dst := make([]string, len(arcs)), make([]string, len(arcs))
	mig, trav := make([]int, len(arcs)), make([]int, len(arcs))
	weight := make([]float64, len(arcs))
	for i, a := range arcs {
		src[i], dst[i], mig[i], trav[i], weight[i] = r.Nodes[a.f], r.Nodes[a.t], sum[a][0], sum[a][1], float64(sum[a][0])
	}
	edges = &table.Table{Columns: []table.Column{table.Strings("source", src), table.Strings("target", dst),
		table.Ints("migrants", mig), table.Ints("travellers", trav), table.Floats("weight", weight)}}
	return nodes, edges
}

// graphs writes flows.graphml and flows.gexf (all years) and with ByYear
// one flows-YEAR.graphml and .gexf per year (FlowNetwork).
func (w *mobilityWriter) graphs() error {
	years := []int{0}
	if w.o.ByYear {
		for _, x := range w.r.Flows() {
			if x.Year != years[len(years)-1] {
				years = append(years, x.Year)
			}
		}
	}
	for _, y := range years {
		nodes, edges := FlowNetwork(w.r, y)
		period := "all"
		name := "flows.graphml"
		if y != 0 {
			period = strconv.Itoa(y)
			name = fmt.Sprintf("flows-%d.graphml", y)
		}
		nodes.Meta = append(w.meta(), table.Meta{Key: "period", Value: period}, table.Meta{Key: "weight_is", Value: "migrants"})
		err := w.create(filepath.Join(w.dir, name), func(out io.Writer) error { return graphml.WriteNetwork(out, nodes, edges, true) })
		if err != nil {
			return err
		}
		gx := strings.TrimSuffix(name, ".graphml") + ".gexf"
		err = w.create(filepath.Join(w.dir, gx), func(out io.Writer) error { return gexf.WriteNetwork(out, nodes, edges, true) })
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *mobilityWriter) focal() error {
	rows := w.r.Focal(w.o.Focal, w.o.Quantiles)
	n := len(rows)
	year, q, in, out, ret := make([]int, n), make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	partner := make([]string, n)
	for i, x := range rows {
		year[i], partner[i], q[i], in[i], out[i], ret[i] = x.Year, x.Partner, x.Quantile, x.Inflow, x.Outflow, x.Returns
	}
	return w.write("focal", &table.Table{Columns: []table.Column{
		table.Ints("year", year), table.Strings("partner", partner), table.Ints("impact_quantile", q),
		table.Ints("inflow", in), table.Ints("outflow", out), table.Ints("returns", ret),
	}}, false)
}

func (w *mobilityWriter) paths() error {
	pc := orcid.CountPaths(w.o.Paths)
	n := len(pc)
	first, grad, emp, path := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	count := make([]int, n)
	for i, x := range pc {
		first[i], grad[i], emp[i], path[i], count[i] = x.Path.FirstDegree, x.Path.Graduate, x.Path.Employ, x.Path.String(), x.Count
	}
	return w.write("paths", &table.Table{Columns: []table.Column{
		table.Strings("first_degree", first), table.Strings("graduate", grad), table.Strings("employment", emp),
		table.Strings("path", path), table.Ints("records", count),
	}}, false)
}
