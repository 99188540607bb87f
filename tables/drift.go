package tables

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/coauthnet/coauthnet/community"
	"github.com/coauthnet/coauthnet/drift"
	"github.com/coauthnet/coauthnet/graph"
)

// DriftSteps is the table of drift.Steps between consecutive graphs,
// with the stability (NMI, ARI) of their Leiden partitions (computed
// with community.Options{Counting: c}: its defaults otherwise, Leiden
// at resolution 1 with seed 1).
func DriftSteps(gs []*graph.Graph, c graph.Counting) *Sheet {
	st := &Sheet{Columns: strings.Split("from,to,jaccard,weight_change,edges_gained,edges_lost,nmi,ari", ",")}
	var prev *community.Partition
	for i, g := range gs {
		part := community.Detect(g, community.Options{Counting: c})
		if i > 0 {
			x := drift.Steps(gs[i-1:i+1], c)[0]
			nmi, ari, _ := community.Stability(gs[i-1], prev, g, part)
			st.Rows = append(st.Rows, []any{x.From.String(), x.To.String(), x.Jaccard, x.WeightChange(), x.EdgesGained, x.EdgesLost, nmi, ari})
		}
		prev = part
	}
	return st
}

// A Mover is a node ranked in two graphs, with its name (Label: the
// country's name, the institution's most frequent name; as in the
// node tables), its profile drift (drift.ProfileDrift) and its rank in
// each.
type Mover struct {
	Node, Label string
	Drift       float64
	From, To    int
}

// RankMovers returns every node ranked in both graphs, with its profile
// drift and its rank in each (by output, or as focal's partner by weight
// c when focal is set), sorted by rise (largest first), ties by key.
func RankMovers(first, last *graph.Graph, focal string, c graph.Counting) []Mover {
	rank := func(g *graph.Graph) map[string]int {
		type kv struct {
			k string
			w float64
		}
		var l []kv
		if focal != "" {
			if v, ok := g.Index(focal); ok {
				for u, w := range g.From(v) {
					l = append(l, kv{g.Label(u), w[c]})
				}
			}
		} else {
			for v := 0; v < g.Len(); v++ {
				l = append(l, kv{g.Label(v), g.Node(v).Output})
			}
		}
		slices.SortFunc(l, func(a, b kv) int {
			if x := cmp.Compare(b.w, a.w); x != 0 {
				return x
			}
			return strings.Compare(a.k, b.k)
		})
		m := map[string]int{}
		for i, x := range l {
			m[x.k] = i + 1
		}
		return m
	}
	rf, rt := rank(first), rank(last)
	var nodes []Mover
	for k, r := range rt {
		if _, ok := rf[k]; !ok {
			continue
		}
		d, _ := drift.ProfileDrift(first, last, k, c)
		v, _ := last.Index(k)
		nodes = append(nodes, Mover{Node: k, Label: last.Name(v), Drift: d, From: rf[k], To: r})
	}
	slices.SortFunc(nodes, func(a, b Mover) int {
		if x := cmp.Compare(b.From-b.To, a.From-a.To); x != 0 {
			return x
		}
		return strings.Compare(a.Node, b.Node)
	})
	return nodes
}

// MoversTable is the table of rank movers: node, label, drift,
// rank_from, rank_to (label, as in the node tables, names the bare
// keys of institutions such as https://ror.org/…).
func MoversTable(nodes []Mover) *Sheet {
	nt := &Sheet{Columns: strings.Split("node,label,drift,rank_from,rank_to", ",")}
	for _, n := range nodes {
		nt.Rows = append(nt.Rows, []any{n.Node, n.Label, n.Drift, n.From, n.To})
	}
	return nt
}

// EdgeTrends is the table of drift.Edges: source, target, peak_year,
// change_point (empty when not significant), slope_before, slope_after,
// f, change. With focal set, each edge of the focal node is oriented
// focal → partner (the other edges as they are).
func EdgeTrends(trends []drift.EdgeTrend, focal string) *Sheet {
	t := &Sheet{Columns: strings.Split("source,target,peak_year,change_point,slope_before,slope_after,f,change", ",")}
	for _, x := range trends {
		src, dst := x.Source, x.Target
		if focal != "" && dst == focal {
			src, dst = dst, src
		}
		cp := ""
		if x.ChangePoint >= 0 {
			cp = x.ChangePeriod.String()
		}
		t.Rows = append(t.Rows, []any{src, dst, x.PeakPeriod.String(), cp, x.SlopeBefore, x.SlopeAfter, x.F, x.Change()})
	}
	return t
}

// EdgeStepsTable is the table of drift.EdgeSteps, only the focal node's
// edges when focal is set.
func EdgeStepsTable(steps []drift.EdgeStep, focal string) *Sheet {
	t := &Sheet{Columns: strings.Split("from,to,source,target,weight_from,weight_to,change,relative,log_ratio,status", ",")}
	for _, x := range steps {
		if focal != "" && x.Source != focal && x.Target != focal {
			continue
		}
		t.Rows = append(t.Rows, []any{x.From.String(), x.To.String(), x.Source, x.Target, x.WeightFrom, x.WeightTo, x.Change(), x.Relative(), x.LogRatio(), x.Status()})
	}
	return t
}

// BlocsTable is the table of countries' leans and blocs (package
// community's InferBlocs): with user blocs the bloc column is the user's
// and inferred_bloc the rule's.
func BlocsTable(b *community.Blocs, user map[string]string) *Sheet {
	t := &Sheet{Columns: strings.Split("node,label,bloc,lean_before,lean_after,delta,low,high,p,p_adj,papers,min_cell,inferred_bloc", ",")}
	for _, a := range b.Assignments {
		given := a.Bloc
		if user != nil {
			given = user[a.Node]
			if given == "" {
				given = community.Hedger
			}
		}
		t.Rows = append(t.Rows, []any{a.Node, a.Label, given, a.LeanBefore, a.LeanAfter, a.Delta, a.Low, a.High, a.P, a.PAdj, a.Papers, a.MinCell, a.Bloc})
	}
	return t
}

// IndicesTable is the table of yearly bifurcation indices, each with its
// bootstrap interval (columns NAME, NAME_low, NAME_high).
func IndicesTable(bi *community.BifurcationResult) *Sheet {
	t := &Sheet{Columns: []string{"year"}}
	for _, n := range community.IndexNames {
		t.Columns = append(t.Columns, n, n+"_low", n+"_high")
	}
	for _, x := range bi.Years {
		r := []any{x.Year}
		for k := range community.IndexNames {
			r = append(r, x.Value(k), x.CI[k][0], x.CI[k][1])
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// TrendsTable is the table of each index's change across the split year
// and its verdict (rising, falling, flat within noise).
func TrendsTable(bi *community.BifurcationResult) *Sheet {
	t := &Sheet{Columns: strings.Split("index,before,after,change,low,high,verdict", ",")}
	for _, tr := range bi.Trends {
		t.Rows = append(t.Rows, []any{tr.Index, tr.Before, tr.After, tr.Change, tr.Low, tr.High, tr.Verdict})
	}
	return t
}

// BlocsJSON is the JSON document of `coauthnet blocs --format json`: the
// poles (focal first), the split and how it was chosen, the poles'
// series and whether the split is significant, the years before and
// after, the rule (alpha, correction, min_effect, min_papers, tau2), the
// source of the blocs (source, the user's bloc file; "inferred" when
// source is ""),
// then the rows of BlocsTable(b, user), IndicesTable(bi) and
// TrendsTable(bi) as arrays of objects, the warnings of b and the notes
// of bi. Keys are in that order; one line per array, ending in "}\n".
func BlocsJSON(b *community.Blocs, bi *community.BifurcationResult, user map[string]string, source string) string {
	if source == "" {
		source = "inferred"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "{%s:[%s,%s],%s:%s,%s:%d,%s:%s,%s:%s,%s:%t,%s:%s,%s:%s,\n",
		JSONValue("poles"), JSONValue(b.Focal), JSONValue(b.Rival), JSONValue("focal"), JSONValue(b.Focal),
		JSONValue("split"), b.Split, JSONValue("split_method"), JSONValue(b.SplitMethod), JSONValue("series"), JSONValue(b.Series),
		JSONValue("significant"), b.Significant, JSONValue("before"), intsJSON(b.Before), JSONValue("after"), intsJSON(b.After))
	fmt.Fprintf(&sb, "%s:{%s:%s,%s:%s,%s:%s,%s:%d,%s:%s},%s:%s,\n%s:",
		JSONValue("rule"), JSONValue("alpha"), JSONValue(b.Alpha), JSONValue("correction"), JSONValue(b.Correction),
		JSONValue("min_effect"), JSONValue(b.MinEffect), JSONValue("min_papers"), b.MinPapers, JSONValue("tau2"), JSONValue(b.Tau2),
		JSONValue("source"), JSONValue(source), JSONValue("blocs"))
	sb.WriteString(RowsJSON(BlocsTable(b, user)))
	sb.WriteString(",\n" + JSONValue("indices") + ":" + RowsJSON(IndicesTable(bi)))
	sb.WriteString(",\n" + JSONValue("trends") + ":" + RowsJSON(TrendsTable(bi)))
	sb.WriteString(",\n" + JSONValue("warnings") + ":" + StringsJSON(b.Warnings))
	sb.WriteString(",\n" + JSONValue("notes") + ":" + StringsJSON(bi.Notes) + "}\n")
	return sb.String()
}

func intsJSON(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// DriftOptions are the options of [Drift].
type DriftOptions struct {
	// Counting is the weight compared (graph.Full is the zero value:
	// callers set it; the command uses the first --counting).
	Counting graph.Counting
	// Periods to compare: Between when set (not the zero pair; its
	// text form is "P1,P2"), else sliding windows of Window years every
	// Step years (Series.Windows) when Window > 0, else every counted
	// year.
	Between      graph.PeriodPair
	Window, Step int
	// Focal, when not "", keeps the edges of this node only (with it as
	// source) and ranks the nodes as its partners.
	Focal string
	// Top, when positive, keeps the Top largest edge changes (by
	// |change|, stable) and the Top largest rank rises and falls.
	Top int
}

// DriftTables are the four tables of `coauthnet drift` and the periods
// they compare.
type DriftTables struct {
	Periods                        []graph.Period
	Steps, Edges, EdgeSteps, Nodes *Sheet
}

// Drift compares the periods of s chosen by o: the steps between
// consecutive periods (DriftSteps), each edge's trend over all periods
// (drift.Edges, EdgeTrends), each edge's steps (drift.EdgeSteps,
// EdgeStepsTable) and the nodes' rank movers from the first period to
// the last (RankMovers, MoversTable). It fails with fewer than two
// periods, or when o.Focal has no edge in any period.
func Drift(s *graph.Series, o DriftOptions) (*DriftTables, error) {
	var periods []graph.Period
	switch {
	case o.Between.Pair() != nil:
		periods = o.Between[:]
	case o.Window > 0:
		if periods = s.Windows(o.Window, o.Step); len(periods) < 2 {
			return nil, fmt.Errorf("--window %d --step %d gives %d window(s) over %v; need two", o.Window, o.Step, len(periods), s.Span())
		}
	default:
		for _, y := range s.Years() {
			periods = append(periods, graph.Year(y))
		}
	}
	if len(periods) < 2 {
		return nil, fmt.Errorf("drift needs at least two periods; the input has %v", s.Span())
	}
	c := o.Counting
	gs := make([]*graph.Graph, len(periods))
	for i, p := range periods {
		gs[i] = s.Range(p)
	}
	trends := drift.Edges(gs, c)
	if o.Focal != "" {
		trends = slices.DeleteFunc(trends, func(t drift.EdgeTrend) bool { return t.Source != o.Focal && t.Target != o.Focal })
		if len(trends) == 0 {
			return nil, fmt.Errorf("--focal %s: no edges in any period", o.Focal)
		}
	}
	if o.Top > 0 {
		slices.SortStableFunc(trends, func(a, b drift.EdgeTrend) int { return cmp.Compare(math.Abs(b.Change()), math.Abs(a.Change())) })
		trends = trends[:min(o.Top, len(trends))]
	}
	nodes := RankMovers(gs[0], gs[len(gs)-1], o.Focal, c)
	if o.Top > 0 && len(nodes) > 2*o.Top {
		nodes = append(nodes[:o.Top:o.Top], nodes[len(nodes)-o.Top:]...)
	}
	return &DriftTables{Periods: periods, Steps: DriftSteps(gs, c), Edges: EdgeTrends(trends, o.Focal),
		EdgeSteps: EdgeStepsTable(drift.EdgeSteps(gs, c), o.Focal), Nodes: MoversTable(nodes)}, nil
}

// JSON is the document of `coauthnet drift --format json`: the rows of
// the four tables as arrays of objects under "steps", "edges",
// "edge_steps" and "nodes", one line each.
func (d *DriftTables) JSON() string {
	return fmt.Sprintf("{\"steps\":%s,\n\"edges\":%s,\n\"edge_steps\":%s,\n\"nodes\":%s}\n", RowsJSON(d.Steps), RowsJSON(d.Edges), RowsJSON(d.EdgeSteps), RowsJSON(d.Nodes))
}
