package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/gexf"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/orcid"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/mobility"
	"github.com/coauthnet/coauthnet/summary"
)

const mobilityUsage = "coauthnet mobility [input flags] [--orcid] [--focal CN] [--quantiles 4] [rule flags] -o DIR FILE..."

// runMobility follows authors with an identifier through their papers
// (or ORCID records with --orcid) and writes their moves and the flows
// between countries or institutions (package mobility).
func runMobility(args []string, e *env) error {
	var f inputFlags
	fs := newFlagSet("mobility", mobilityUsage, e.stderr)
	f.register(fs)
	out := fs.String("o", "", "output `directory` (created if needed)")
	orcidIn := fs.Bool("orcid", false, "inputs are ORCID public records (XML files, directories or .tar.gz), not papers")
	focal := fs.String("focal", "", "also write focal.csv: this node's inflow and outflow by partner, year and impact quantile")
	nq := fs.Int("quantiles", 4, "impact classes (by the movers' impact before the move) in impact.csv and the plot")
	measure := fs.String("impact-measure", "cnci", "impact before a move: cnci (citations normalised by field and year) or cites (citations per paper)")
	o := mobility.DefaultOptions
	fs.Float64Var(&o.Switch, "switch", o.Switch, "cost of a change of home, in papers")
	fs.Float64Var(&o.Return, "return-cost", o.Return, "cost of a change back to the origin, in papers")
	fs.IntVar(&o.LagYears, "lag-years", o.LagYears, "publication lag window after a move, in years")
	fs.Float64Var(&o.LagCost, "lag-cost", o.LagCost, "cost of a paper with the old address in the lag window (0-1)")
	fs.Float64Var(&o.Absent, "absent", o.Absent, "cost of an active year without a paper at the home")
	fs.IntVar(&o.MinPapers, "min-papers", o.MinPapers, "papers elsewhere that make travel")
	fs.IntVar(&o.TravelGap, "travel-gap", o.TravelGap, "years between travel papers that end a run")
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		return usagef("-o DIR is required")
	}
	if *nq < 1 {
		return usagef("--quantiles %d: want at least 1", *nq)
	}
	by := mobility.CNCI
	switch *measure {
	case "cnci":
	case "cites":
		by = mobility.CitesPerPaper
	default:
		return usagef("--impact-measure %q: want cnci or cites", *measure)
	}
	if o.MinPapers < 1 || o.TravelGap < 1 || !(o.Switch > 0) || !(o.Return > 0) || !(o.LagCost >= 0 && o.LagCost <= 1) || o.Absent < 0 || o.LagYears < 0 {
		return usagef("rule flags out of range: --switch and --return-cost > 0, --lag-cost in [0,1], --absent ≥ 0, --min-papers and --travel-gap ≥ 1")
	}
	if f.opts.Level == graph.Institutions {
		o.Level = mobility.Institutions
	}
	if *orcidIn && f.sample {
		return usagef("--orcid and --sample: give one or the other")
	}
	careers := mobility.NewCareers()
	var paths []orcid.Path
	var lines []string
	if *orcidIn {
		read, skipped, bad := 0, 0, 0
		for _, name := range files {
			var r *orcid.Reader
			if name == "-" {
				r, err = orcid.NewReader(e.stdin, "stdin")
			} else {
				r, err = orcid.Open(name)
			}
			if err != nil {
				return err
			}
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				var pe *orcid.ParseError
				if errors.As(err, &pe) {
					skipped++
					if f.verbose {
						fmt.Fprintf(e.stderr, "coauthnet: skipped: %v\n", err)
					}
					continue
				}
				if err != nil {
					r.Close()
					return err
				}
				read++
				paths = append(paths, orcid.CareerPath(rec))
				for _, p := range orcid.Papers(rec) {
					if f.years == "" || f.opts.Years.Contains(p.Year) {
						f.pol.Apply(&p, func(string, string) {})
						careers.Add(&p)
					}
				}
			}
			bad += r.BadCountry
			if err := r.Close(); err != nil {
				return err
			}
		}
		lines = append(lines, fmt.Sprintf("read %s, %d skipped, %d countries not ISO codes (left out)", summary.Plural(read, "ORCID record"), skipped, bad))
		if read == 0 {
			fmt.Fprintf(e.stderr, "coauthnet: %s\n", lines[0])
			return errors.New("no ORCID record could be read")
		}
	} else {
		used := 0
		setDoing("reading the inputs")
		lo := f.loadOptions(e)
		lo.Need = load.All // author ids and citations are needed
		sum, err := load.Papers(context.Background(), files, lo, func(p *coauthnet.Paper) error {
			if f.years == "" || f.opts.Years.Contains(p.Year) {
				used++
				careers.Add(p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		s := fmt.Sprintf("read %s, %d skipped", summary.Plural(sum.Read, "record"), sum.Skipped)
		if sum.Skipped > 0 {
			s += " (" + summary.CountList(sum.Reasons) + ")"
		}
		lines = append(lines, s)
		for _, m := range sum.Skips {
			lines = append(lines, "skipped: "+m)
		}
		if n := sum.Duplicated(); n > 0 {
			lines = append(lines, fmt.Sprintf("%s dropped as duplicates (same id or DOI as a record read before; counted once)", summary.Plural(n, "record")))
		}
		if used == 0 {
			fmt.Fprintf(e.stderr, "coauthnet: %s\n", lines[0])
			return errors.New("no paper to follow")
		}
	}
	r := careers.Analyze(o)
	st := r.Stats
	lines = append(lines,
		fmt.Sprintf("%d author slots on %s: %d without an id (ID or ORCID; left out, never matched by name), %d with an id but no %s on the paper",
			st.AuthorSlots, summary.Plural(st.Papers, "paper"), st.NoID, noNode(st, o.Level), o.Level))
	var classes [3]int
	for _, a := range r.Authors {
		classes[a.Class]++
	}
	var mig, trav int
	for _, m := range r.Moves {
		if m.Kind == mobility.Migrant {
			mig++
		} else {
			trav++
		}
	}
	lines = append(lines, fmt.Sprintf("%d authors with an id: %d stayers, %d travellers, %d migrants (%d never observed at any %s); %d migrations, %d travels",
		st.Authors, classes[mobility.Stayer], classes[mobility.TravellerClass], classes[mobility.MigrantClass], r.Unobserved, o.Level, mig, trav))
	if len(r.Authors) == 0 {
		for _, s := range lines {
			fmt.Fprintf(e.stderr, "coauthnet: %s\n", s)
		}
		return errors.New("no author with an identifier and a known " + o.Level.String() + ": nothing to follow")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	w := mobilityWriter{dir: *out, r: r, q: r.ImpactQuantiles(*nq, by), opts: o, f: &f}
	for _, step := range []func() error{w.moves, w.flows, w.nodes, w.retention, w.authors, w.impact, w.graphs} {
		if err := step(); err != nil {
			return err
		}
	}
	if *focal != "" {
		if err := w.focal(*focal); err != nil {
			return err
		}
	}
	if *orcidIn {
		if err := w.paths(paths); err != nil {
			return err
		}
	}
	for _, s := range lines {
		fmt.Fprintf(e.stderr, "coauthnet: %s\n", s)
	}
	fmt.Fprintf(e.stderr, "coauthnet: wrote %s\n", *out)
	return nil
}

func noNode(st mobility.Stats, l mobility.Level) int {
	if l == mobility.Institutions {
		return st.NoInst
	}
	return st.NoNode
}

type mobilityWriter struct {
	dir  string
	r    *mobility.Result
	q    mobility.Quantiles
	opts mobility.Options
	f    *inputFlags
}

func (w *mobilityWriter) meta() []table.Meta {
	o := w.opts
	return []table.Meta{
		{Key: "coauthnet_version", Value: coauthnet.Version()},
		{Key: "level", Value: o.Level.String()},
		{Key: "rules", Value: fmt.Sprintf("switch=%g return=%g lag_years=%d lag_cost=%g absent=%g min_papers=%d travel_gap=%d",
			o.Switch, o.Return, o.LagYears, o.LagCost, o.Absent, o.MinPapers, o.TravelGap)},
		{Key: "country_policy", Value: w.f.policy},
		{Key: "impact_measure", Value: w.q.Measure.String()},
		table.MetaInt("authors", len(w.r.Authors)),
		table.MetaInt("authors_without_id", w.r.Stats.NoID),
	}
}

// write writes t as name.csv, and as name.parquet when parquet is true.
func (w *mobilityWriter) write(name string, t *table.Table, parquet bool) error {
	t.Meta = w.meta()
	if err := writeFile(filepath.Join(w.dir, name+".csv"), nil, t.WriteCSV); err != nil {
		return err
	}
	if parquet {
		return writeFile(filepath.Join(w.dir, name+".parquet"), nil, t.WriteParquet)
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
			quant[i] = w.q.Class(m)
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
func (w *mobilityWriter) nodeColumns(ns []mobility.NodeFlow) []table.Column {
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
	cols := append([]table.Column{table.Strings("period", period), table.Strings("node", node)}, w.nodeColumns(ns)...)
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
// impact.svg: for the five destinations with most inflow (and the focal
// node), the share of each impact class's migrations that go there.
func (w *mobilityWriter) impact() error {
	fl := w.r.ImpactFlows(w.q)
	n := len(fl)
	q, mig := make([]int, n), make([]int, n)
	lo, hi, mean := make([]float64, n), make([]float64, n), make([]float64, n)
	from, to := make([]string, n), make([]string, n)
	for i, x := range fl {
		q[i], from[i], to[i], mig[i], mean[i] = x.Quantile, w.r.Nodes[x.From], w.r.Nodes[x.To], x.Migrants, x.Impact
		lo[i], hi[i] = w.bounds(x.Quantile)
	}
	err := w.write("impact", &table.Table{Columns: []table.Column{
		table.Ints("quantile", q), table.Floats("impact_from", lo), table.Floats("impact_to", hi),
		table.Strings("from", from), table.Strings("to", to), table.Ints("migrants", mig), table.Floats("mean_impact", mean),
	}}, false)
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(w.dir, "impact.svg"), nil, func(out io.Writer) error { return w.impactPlot(out, fl) })
}

// bounds returns the impact range [lo, hi) of class k (NaN for open ends
// and the unknown class 0).
func (w *mobilityWriter) bounds(k int) (float64, float64) {
	lo, hi := math.NaN(), math.NaN()
	if k == 0 {
		return lo, hi
	}
	if k >= 2 {
		lo = w.q.Cuts[k-2]
	}
	if k-1 < len(w.q.Cuts) {
		hi = w.q.Cuts[k-1]
	}
	return lo, hi
}

func (w *mobilityWriter) impactPlot(out io.Writer, fl []mobility.ImpactFlow) error {
	k := w.q.Len()
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
	if w.q.Measure == mobility.CitesPerPaper {
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
		fmt.Fprintf(&b, `<text x="%g" y="%g" fill="%s">%s</text>`+"\n", W-R+8, T+14*float64(i+1), c, xmlEscape(w.r.Nodes[d]))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(out, b.String())
	return err
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// graphs writes flows.graphml and flows.gexf (all years) and with
// --by-year one flows-YEAR.graphml and .gexf per year: nodes with their
// flows, arcs from → to weighted by migrants.
func (w *mobilityWriter) graphs() error {
	nf := w.r.NodeFlows()
	fl := w.r.Flows()
	years := []int{0}
	if w.f.byYear {
		for _, x := range fl {
			if x.Year != years[len(years)-1] {
				years = append(years, x.Year)
			}
		}
	}
	for _, y := range years {
		var ns []mobility.NodeFlow
		for _, x := range nf {
			if x.Year == y {
				ns = append(ns, x)
			}
		}
		type arc struct{ f, t int }
		sum := map[arc][2]int{}
		var arcs []arc
		for _, x := range fl {
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
			id[i], country[i] = w.r.Nodes[x.Node], w.r.NodeCountry[x.Node]
		}
		nodes := &table.Table{Columns: append([]table.Column{table.Strings("id", id), table.Strings("country", country)}, w.nodeColumns(ns)...)}
		src, dst := make([]string, len(arcs)), make([]string, len(arcs))
		mig, trav := make([]int, len(arcs)), make([]int, len(arcs))
		weight := make([]float64, len(arcs))
		for i, a := range arcs {
			src[i], dst[i], mig[i], trav[i], weight[i] = w.r.Nodes[a.f], w.r.Nodes[a.t], sum[a][0], sum[a][1], float64(sum[a][0])
		}
		edges := &table.Table{Columns: []table.Column{table.Strings("source", src), table.Strings("target", dst),
			table.Ints("migrants", mig), table.Ints("travellers", trav), table.Floats("weight", weight)}}
		period := "all"
		name := "flows.graphml"
		if y != 0 {
			period = strconv.Itoa(y)
			name = fmt.Sprintf("flows-%d.graphml", y)
		}
		nodes.Meta = append(w.meta(), table.Meta{Key: "period", Value: period}, table.Meta{Key: "weight_is", Value: "migrants"})
		err := writeFile(filepath.Join(w.dir, name), nil, func(out io.Writer) error { return graphml.WriteNetwork(out, nodes, edges, true) })
		if err != nil {
			return err
		}
		gx := strings.TrimSuffix(name, ".graphml") + ".gexf"
		err = writeFile(filepath.Join(w.dir, gx), nil, func(out io.Writer) error { return gexf.WriteNetwork(out, nodes, edges, true) })
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *mobilityWriter) focal(node string) error {
	rows := w.r.Focal(node, w.q)
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

func (w *mobilityWriter) paths(ps []orcid.Path) error {
	pc := orcid.CountPaths(ps)
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
