package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/dot"
	"github.com/coauthnet/coauthnet/io/gexf"
	"github.com/coauthnet/coauthnet/io/graphml"
	"github.com/coauthnet/coauthnet/io/pajek"
	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/io/vosviewer"
	"github.com/coauthnet/coauthnet/metrics"
)

// exportFormats are the values of build --to, with the file extensions
// that select each when --to is absent.
var exportFormats = []struct {
	name string
	exts []string
}{
	{"graphml", []string{".graphml"}},
	{"gexf", []string{".gexf"}},
	{"pajek", []string{".net"}},
	{"vosviewer", []string{".txt"}},
	{"dot", []string{".dot", ".gv"}},
	{"csv", []string{".csv"}},
	{"parquet", []string{".parquet"}},
}

// exportFlags are the flags of build beyond the input flags.
type exportFlags struct {
	to, attach, layout, poles, blocs string
	seed                             uint64
	resolution                       float64
	algorithm                        community.Algorithm

	centrality, communities, withBlocs bool
	bloc                               map[string]string // node → bloc, when attached
}

func (x *exportFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&x.to, "to", "", "output `format`: graphml, gexf, pajek, vosviewer, dot, csv or parquet (default: from the -o extension, else graphml)")
	fs.StringVar(&x.attach, "attach", "", "node attributes to add, a comma `list` of centrality, communities, blocs")
	fs.StringVar(&x.layout, "layout", "", "compute node positions: eades (seeded force-directed layout) for gexf, pajek and vosviewer")
	fs.Uint64Var(&x.seed, "seed", 1, "seed of the community detection (--attach communities), the bloc bootstrap and --layout")
	fs.Float64Var(&x.resolution, "resolution", 1, "resolution γ of --attach communities")
	algorithmFlag(fs, &x.algorithm)
	fs.StringVar(&x.poles, "poles", "", "with --attach blocs: the two poles `P,Q`, the first focal")
	fs.StringVar(&x.blocs, "blocs", "", "with --attach blocs: a bloc `file` instead of inferred blocs")
}

// check validates the flags and fills in the format from the output
// name.
func (x *exportFlags) check(out string) error {
	if x.to == "" {
		x.to = "graphml"
		ext := strings.ToLower(filepath.Ext(out))
		for _, f := range exportFormats {
			if slices.Contains(f.exts, ext) {
				x.to = f.name
			}
		}
	}
	ok := false
	for _, f := range exportFormats {
		ok = ok || f.name == x.to
	}
	if !ok {
		return usagef("--to %q: want graphml, gexf, pajek, vosviewer, dot, csv or parquet", x.to)
	}
	if out == "-" && (x.to == "vosviewer" || x.to == "csv" || x.to == "parquet") {
		return usagef("--to %s writes two files: give -o a file name", x.to)
	}
	for _, a := range strings.Split(x.attach, ",") {
		switch strings.TrimSpace(a) {
		case "":
		case "centrality":
			x.centrality = true
		case "communities":
			x.communities = true
		case "blocs":
			x.withBlocs = true
		default:
			return usagef("--attach %q: want a list of centrality, communities, blocs", a)
		}
	}
	if x.withBlocs != (x.poles != "") {
		return usagef("--attach blocs and --poles P,Q go together")
	}
	if x.blocs != "" && !x.withBlocs {
		return usagef("--blocs FILE needs --attach blocs")
	}
	if x.layout != "" && x.layout != "eades" {
		return usagef("--layout %q: want eades", x.layout)
	}
	return nil
}

// siblings returns the files a format writes for output path out.
func siblings(format, out string) []string {
	ext := filepath.Ext(out)
	base := strings.TrimSuffix(out, ext)
	switch format {
	case "vosviewer":
		return []string{base + "-map" + ext, base + "-network" + ext}
	case "csv", "parquet":
		return []string{base + "-nodes" + ext, base + "-edges" + ext}
	}
	return []string{out}
}

// blocsOf classifies every node of s for --attach blocs: partner,
// competitor or hedger of the focal pole, "focal pole", "rival pole",
// or "" when unclassified.
func (x *exportFlags) blocsOf(f *inputFlags, s *graph.Series) error {
	p, q, err := parsePoles(x.poles)
	if err != nil {
		return err
	}
	x.bloc = map[string]string{p: "focal pole", q: "rival pole"}
	if x.blocs != "" {
		user, err := readBlocFile(x.blocs)
		if err != nil {
			return err
		}
		g := s.Range(s.Span())
		for v := 0; v < g.Len(); v++ {
			if k := g.Label(v); x.bloc[k] == "" {
				x.bloc[k] = blocOf(k, user)
			}
		}
		return nil
	}
	b, err := community.InferBlocs(s, community.BlocOptions{Focal: p, Rival: q, Threshold: 1, Seed: x.seed})
	if err != nil {
		return err
	}
	for _, a := range b.Assignments {
		x.bloc[a.Node] = a.Bloc
	}
	return nil
}

// attachments returns the node columns --attach asks for on g, and the
// partition for formats with one cluster per node (communities when
// attached, else blocs) with its legend (nil for communities).
func (x *exportFlags) attachments(g *graph.Graph, c graph.Counting) (cols []table.Column, cluster []int, legend []string) {
	if x.centrality {
		bt, cl, hm := metrics.Paths(g, metrics.PathOptions{Counting: c})
		cols = append(cols,
			table.Ints("degree", metrics.Degree(g)),
			table.Floats("strength", metrics.Strength(g, c)),
			table.Floats("betweenness", bt), table.Floats("closeness", cl), table.Floats("harmonic", hm),
			table.Floats("eigenvector", metrics.Eigenvector(g, c)),
			table.Floats("pagerank", metrics.PageRank(g, metrics.PageRankOptions{Counting: c})))
	}
	if x.communities {
		part := community.Detect(g, community.Options{Counting: c, Algorithm: x.algorithm, Resolution: x.resolution, Seed: x.seed})
		ids := part.Labels()
		for i := range ids {
			ids[i]++ // 1-based, as Pajek and VOSviewer number clusters
		}
		cols = append(cols, table.Ints("community", ids))
		cluster = ids
	}
	if x.withBlocs {
		names := make([]string, g.Len())
		for v := range names {
			names[v] = x.bloc[g.Label(v)]
		}
		cols = append(cols, table.Strings("bloc", names))
		if cluster == nil {
			legend = []string{"partner", "competitor", "hedger", "focal pole", "rival pole"}
			cluster = make([]int, g.Len())
			for v, b := range names {
				cluster[v] = slices.Index(legend, b) + 1 // 0: unclassified
			}
		}
	}
	return cols, cluster, legend
}

// positions lays g out with gonum's EadesR2 force-directed layout,
// seeded, on edge weights c scaled so that the largest is 1. It returns
// nil slices when the layout does not converge to finite coordinates.
func positions(g *graph.Graph, c graph.Counting, seed uint64) (xs, ys []float64) {
	sg := simple.NewWeightedUndirectedGraph(0, 0)
	for v := 0; v < g.Len(); v++ {
		sg.AddNode(simple.Node(v))
	}
	maxW := 0.0
	for e := range g.Edges() {
		maxW = max(maxW, e.W[c])
	}
	for e := range g.Edges() {
		if w := e.W[c]; w > 0 {
			sg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: w / maxW})
		}
	}
	eades := layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: 100, Theta: 0.2, Src: rand.NewPCG(seed, seed)}
	opt := layout.NewOptimizerR2(ordered{sg}, eades.Update)
	for opt.Update() {
	}
	xs, ys = make([]float64, g.Len()), make([]float64, g.Len())
	for v := range xs {
		p := opt.Coord2(int64(v))
		if math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
			return nil, nil
		}
		xs[v], ys[v] = p.X, p.Y
	}
	return xs, ys
}

// ordered iterates a gonum simple graph in node id order: its own
// iterators follow map order, which would make the layout differ
// between runs.
type ordered struct {
	*simple.WeightedUndirectedGraph
}

func (g ordered) Nodes() gonum.Nodes {
	ns := gonum.NodesOf(g.WeightedUndirectedGraph.Nodes())
	slices.SortFunc(ns, func(a, b gonum.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(ns)
}

func (g ordered) From(id int64) gonum.Nodes {
	ns := gonum.NodesOf(g.WeightedUndirectedGraph.From(id))
	slices.SortFunc(ns, func(a, b gonum.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(ns)
}

// measureColumns are the node and edge measures of issue 8 as columns:
// nodes intl_rate, first (or corresponding), first_intl and with
// --impact impact and impact_papers; edges lead_source and lead_target
// (source = the edge's From), and impact, impact_papers.
func measureColumns(f *inputFlags, g *graph.Graph) (nodes, edges []table.Column) {
	n, m := g.Len(), g.NumEdges()
	rate, lead, leadIntl := make([]float64, n), make([]float64, n), make([]float64, n)
	imp, impN := make([]float64, n), make([]int, n)
	for v := range n {
		nw := g.Node(v)
		rate[v], lead[v], leadIntl[v] = ratio(float64(nw.Intl), float64(nw.Papers)), nw.Lead, nw.LeadIntl
		imp[v], impN[v] = nw.Impact.Mean(), nw.Impact.N
	}
	l := f.leadName()
	nodes = []table.Column{table.Floats("intl_rate", rate), table.Floats(l, lead), table.Floats(l+"_intl", leadIntl)}
	ls, lt, eimp, eimpN := make([]float64, m), make([]float64, m), make([]float64, m), make([]int, m)
	for i := range m {
		e := g.Edge(i)
		ls[i], lt[i], eimp[i], eimpN[i] = e.Lead[0], e.Lead[1], e.Impact.Mean(), e.Impact.N
	}
	edges = []table.Column{table.Floats("lead_source", ls), table.Floats("lead_target", lt)}
	if f.impact {
		nodes = append(nodes, table.Floats("impact", imp), table.Ints("impact_papers", impN))
		edges = append(edges, table.Floats("impact", eimp), table.Ints("impact_papers", eimpN))
	}
	return nodes, edges
}

// export writes g in format x.to to the files for path.
func (x *exportFlags) export(f *inputFlags, g *graph.Graph, path string, meta []table.Meta, e *env) ([]string, error) {
	c := f.countings[0]
	tables := x.to == "csv" || x.to == "parquet"
	xa := *x
	if tables {
		xa.centrality = false // the node table has the centralities and measures already
	}
	cols, cluster, legend := xa.attachments(g, c)
	var ecols []table.Column
	if !tables {
		ncols, e := measureColumns(f, g)
		cols, ecols = append(ncols, cols...), e
	}
	var xs, ys []float64
	if x.layout != "" && x.to != "graphml" && x.to != "dot" && x.to != "csv" && x.to != "parquet" {
		if xs, ys = positions(g, c, x.seed); xs == nil {
			fmt.Fprintf(e.stderr, "coauthnet: warning: the layout of %s did not give finite positions; none written\n", g)
		}
	}
	files := siblings(x.to, path)
	write := func(path string, fn func(w io.Writer) error) error { return writeFile(path, e.stdout, fn) }
	var err error
	switch x.to {
	case "graphml":
		err = write(path, func(w io.Writer) error {
			return graphml.Write(w, g, graphml.Options{Counting: f.countings, Nodes: cols, Edges: ecols, Meta: meta})
		})
	case "gexf":
		err = write(path, func(w io.Writer) error {
			return gexf.Write(w, g, gexf.Options{Counting: f.countings, Nodes: cols, Edges: ecols, Meta: meta, X: xs, Y: ys})
		})
	case "dot":
		err = write(path, func(w io.Writer) error {
			return dot.Write(w, g, dot.Options{Counting: f.countings, Nodes: cols, Edges: ecols, Meta: meta})
		})
	case "pajek":
		err = write(path, func(w io.Writer) error {
			return pajek.Write(w, g, pajek.Options{Counting: c, Meta: meta, X: xs, Y: ys})
		})
		if err == nil && cluster != nil && path != "-" {
			clu := strings.TrimSuffix(path, filepath.Ext(path)) + ".clu"
			files = append(files, clu)
			err = write(clu, func(w io.Writer) error { return pajek.WriteClusters(w, cluster, legend) })
		}
	case "vosviewer":
		err = write(files[0], func(w io.Writer) error {
			return vosviewer.WriteMap(w, g, vosviewer.Options{Counting: c, Cluster: cluster, Columns: cols, X: xs, Y: ys})
		})
		if err == nil {
			err = write(files[1], func(w io.Writer) error { return vosviewer.WriteNetwork(w, g, c) })
		}
	case "csv", "parquet":
		nodes, edges := graphTables(f, g, c, cols)
		for i, t := range []*sheet{nodes, edges} {
			tb := t.typed()
			tb.Meta = append([]table.Meta{{Key: "level", Value: g.Level().String()}, {Key: "years", Value: g.Period().String()},
				{Key: "weight_counting", Value: c.String()}}, meta...)
			if err == nil {
				err = write(files[i], func(w io.Writer) error {
					if x.to == "csv" {
						return tb.WriteCSV(w)
					}
					return tb.WriteParquet(w)
				})
			}
		}
	}
	return files, err
}

// exportDynamic writes the yearly graphs gs as one dynamic GEXF file.
func (x *exportFlags) exportDynamic(f *inputFlags, s *graph.Series, gs []*graph.Graph, path string, meta []table.Meta, e *env) error {
	c := f.countings[0]
	frames := make([]gexf.Frame, len(gs))
	for i, g := range gs {
		cols, _, _ := x.attachments(g, c)
		ncols, ecols := measureColumns(f, g)
		frames[i] = gexf.Frame{G: g, Nodes: append(ncols, cols...), Edges: ecols}
	}
	var xs, ys []float64
	if x.layout != "" {
		// One position per node of the union of the years, from the graph
		// over the whole span (its nodes are that union, in key order).
		span := graph.Period{From: gs[0].Period().From, To: gs[len(gs)-1].Period().To}
		xs, ys = positions(s.Range(span), c, x.seed)
	}
	return writeFile(path, e.stdout, func(w io.Writer) error {
		return gexf.WriteDynamic(w, frames, gexf.Options{Counting: f.countings, Meta: meta, X: xs, Y: ys})
	})
}

// typed returns the sheet as a table of typed columns: a column of ints
// is Int, of numbers Float, otherwise String.
func (t *sheet) typed() *table.Table {
	tb := &table.Table{}
	for j, name := range t.columns {
		kind := table.Int
		for _, r := range t.rows {
			switch r[j].(type) {
			case int:
			case float64:
				if kind == table.Int {
					kind = table.Float
				}
			default:
				kind = table.String
			}
		}
		switch kind {
		case table.Int:
			v := make([]int, len(t.rows))
			for i, r := range t.rows {
				v[i] = r[j].(int)
			}
			tb.Columns = append(tb.Columns, table.Ints(name, v))
		case table.Float:
			v := make([]float64, len(t.rows))
			for i, r := range t.rows {
				switch x := r[j].(type) {
				case int:
					v[i] = float64(x)
				case float64:
					v[i] = x
				}
			}
			tb.Columns = append(tb.Columns, table.Floats(name, v))
		default:
			v := make([]string, len(t.rows))
			for i, r := range t.rows {
				v[i] = cell(r[j])
			}
			tb.Columns = append(tb.Columns, table.Strings(name, v))
		}
	}
	return tb
}
