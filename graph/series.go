package graph

import (
	"cmp"
	"iter"
	"math"
	"slices"
)

// A Series holds the weights of every publication year counted, and
// makes graphs of one year, a range of years or sliding windows. Node
// keys are shared by all its graphs. A Series is immutable and safe for
// concurrent use.
type Series struct {
	level     Level
	stats     Stats
	keys      []string // sorted
	names     []string
	countries []string
	years     []yearData // sorted by year
}

type yearData struct {
	year   int
	papers int         // papers counted
	nodes  []nodeEntry // sorted by id
	edges  []edgeEntry // sorted by (a, b)
	impact []Impact    // of each edge, with Options.Impact; else nil
}

type nodeEntry struct {
	id int32
	w  NodeWeights
}

type edgeEntry struct {
	a, b int32 // a < b, series ids
	w    Weights
	lead [2]float64 // led by a, by b
}

func compareEdgeEntry(x, y edgeEntry) int {
	if c := cmp.Compare(x.a, y.a); c != 0 {
		return c
	}
	return cmp.Compare(x.b, y.b)
}

// Level returns the level the series was counted at.
func (s *Series) Level() Level { return s.level }

// Stats returns what the counter was given and used.
func (s *Series) Stats() Stats { return s.stats }

// Years returns the years with at least one counted paper, ascending.
func (s *Series) Years() []int {
	ys := make([]int, len(s.years))
	for i, y := range s.years {
		ys[i] = y.year
	}
	return ys
}

// Span returns the period from the first to the last counted year, or
// the zero Period when nothing was counted.
func (s *Series) Span() Period {
	if len(s.years) == 0 {
		return Period{}
	}
	return Period{s.years[0].year, s.years[len(s.years)-1].year}
}

// NumNodes returns the number of nodes over all years.
func (s *Series) NumNodes() int { return len(s.keys) }

// At returns the graph of year y; it has no nodes when nothing was
// counted in y.
func (s *Series) At(y int) *Graph { return s.Range(Year(y)) }

// All yields every counted year with its graph, in ascending order.
func (s *Series) All() iter.Seq2[int, *Graph] {
	return func(yield func(int, *Graph) bool) {
		for _, yd := range s.years {
			if !yield(yd.year, s.Range(Year(yd.year))) {
				return
			}
		}
	}
}

// Windows returns the sliding windows of width years that start every
// step years, from the first counted year, ending with the last window
// that fits in [Series.Span]. It returns nil if width or step is less
// than 1 or the span is shorter than width.
func (s *Series) Windows(width, step int) []Period {
	sp := s.Span()
	if width < 1 || step < 1 || len(s.years) == 0 {
		return nil
	}
	var ps []Period
	for from := sp.From; from+width-1 <= sp.To; from += step {
		ps = append(ps, Period{from, from + width - 1})
	}
	return ps
}

// Range returns the graph of the papers published in period p: every
// weight is the sum of its yearly weights, years added in ascending order.
//
// Cost: O(Y·(N + E)) for Y years and N nodes, E edges of the result:
// the years' sorted lists are merged, with no map and no sort.
func (s *Series) Range(p Period) *Graph {
	lo, _ := slices.BinarySearchFunc(s.years, p.From, func(yd yearData, y int) int { return cmp.Compare(yd.year, y) })
	hi, _ := slices.BinarySearchFunc(s.years, p.To+1, func(yd yearData, y int) int { return cmp.Compare(yd.year, y) })
	years := s.years[lo:hi]

	var nodes []nodeEntry
	var edges []edgeEntry
	var impact []Impact
	papers := 0
	for _, yd := range years {
		papers += yd.papers
	}
	if len(years) == 1 {
		nodes, edges, impact = years[0].nodes, years[0].edges, years[0].impact
	} else if len(years) > 1 {
		nodes = mergeNodes(years)
		edges, impact = mergeEdges(years)
	}
	g := s.graph(p, nodes, edges, impact)
	g.papers = papers
	return g
}

// sortEdges sorts edges by (a, b), and impact, when not nil, with them
// (it is parallel to edges).
func sortEdges(edges []edgeEntry, impact []Impact) ([]edgeEntry, []Impact) {
	if impact == nil {
		slices.SortFunc(edges, compareEdgeEntry)
		return edges, nil
	}
	perm := make([]int, len(edges))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(x, y int) int { return compareEdgeEntry(edges[x], edges[y]) })
	se, si := make([]edgeEntry, len(perm)), make([]Impact, len(perm))
	for j, i := range perm {
		se[j], si[j] = edges[i], impact[i]
	}
	return se, si
}

func addNode(dst, src *NodeWeights) {
	dst.Papers += src.Papers
	dst.Intl += src.Intl
	dst.Output += src.Output
	dst.Domestic += src.Domestic
	dst.Lead += src.Lead
	dst.LeadIntl += src.LeadIntl
	dst.Impact.add(src.Impact)
}

// graph makes a Graph from nodes and edges sorted by series id, with the
// edges' impact when not nil.
func (s *Series) graph(p Period, nodes []nodeEntry, edges []edgeEntry, impact []Impact) *Graph {
	n := len(nodes)
	g := &Graph{
		level:     s.level,
		period:    p,
		keys:      make([]string, n),
		names:     make([]string, n),
		countries: make([]string, n),
		nodes:     make([]NodeWeights, n),
		edges:     make([]Edge, len(edges)),
	}
	local := make(map[int32]int, n)
	for i, ne := range nodes {
		local[ne.id] = i
		g.keys[i] = s.keys[ne.id]
		g.names[i] = s.names[ne.id]
		g.countries[i] = s.countries[ne.id]
		g.nodes[i] = ne.w
	}
	for i, ee := range edges {
		g.edges[i] = Edge{From: local[ee.a], To: local[ee.b], W: ee.w, Lead: ee.lead}
		if impact != nil {
			g.edges[i].Impact = impact[i]
		}
	}
	g.index()
	return g
}

// mergeNodes merges the years' node lists (each sorted by id) into one
// sorted list, adding each node's weights in ascending year order.
func mergeNodes(years []yearData) []nodeEntry {
	at := make([]int, len(years))
	total := 0
	for _, yd := range years {
		total = max(total, len(yd.nodes))
	}
	out := make([]nodeEntry, 0, total)
	for {
		next, found := int32(math.MaxInt32), false
		for y, yd := range years {
			if at[y] < len(yd.nodes) && yd.nodes[at[y]].id <= next {
				next, found = yd.nodes[at[y]].id, true
			}
		}
		if !found {
			return out
		}
		ne := nodeEntry{id: next}
		for y, yd := range years {
			if at[y] < len(yd.nodes) && yd.nodes[at[y]].id == next {
				addNode(&ne.w, &yd.nodes[at[y]].w)
				at[y]++
			}
		}
		out = append(out, ne)
	}
}

// mergeEdges merges the years' edge lists (each sorted by (a, b)) into
// one sorted list, adding each edge's weights in ascending year order;
// impact, when the years have it, goes with the edges.
func mergeEdges(years []yearData) ([]edgeEntry, []Impact) {
	at := make([]int, len(years))
	withImpact := false
	for _, yd := range years {
		withImpact = withImpact || yd.impact != nil
	}
	// A first pass counts the distinct edges, so that the result is
	// allocated once, at its size.
	n := 0
	for {
		found := false
		var na, nb int32
		for y, yd := range years {
			if at[y] < len(yd.edges) {
				e := &yd.edges[at[y]]
				if !found || e.a < na || e.a == na && e.b < nb {
					na, nb, found = e.a, e.b, true
				}
			}
		}
		if !found {
			break
		}
		for y, yd := range years {
			if j := at[y]; j < len(yd.edges) && yd.edges[j].a == na && yd.edges[j].b == nb {
				at[y]++
			}
		}
		n++
	}
	clear(at)
	edges := make([]edgeEntry, 0, n)
	var impact []Impact
	if withImpact {
		impact = make([]Impact, 0, n)
	}
	for {
		found := false
		var na, nb int32
		for y, yd := range years {
			if at[y] >= len(yd.edges) {
				continue
			}
			e := &yd.edges[at[y]]
			if !found || e.a < na || e.a == na && e.b < nb {
				na, nb, found = e.a, e.b, true
			}
		}
		if !found {
			return edges, impact
		}
		out := edgeEntry{a: na, b: nb}
		var imp Impact
		for y, yd := range years {
			j := at[y]
			if j >= len(yd.edges) || yd.edges[j].a != na || yd.edges[j].b != nb {
				continue
			}
			ee := &yd.edges[j]
			for c := range ee.w {
				out.w[c] += ee.w[c]
			}
			out.lead[0] += ee.lead[0]
			out.lead[1] += ee.lead[1]
			if yd.impact != nil {
				imp.add(yd.impact[j])
			}
			at[y]++
		}
		edges = append(edges, out)
		if withImpact {
			impact = append(impact, imp)
		}
	}
}

// Periods returns the periods an analysis of s tabulates by default:
// every counted year (Series.Years) with byYear, else within when it is
// not the zero Period (the --years of the count), else the whole span.
func (s *Series) Periods(byYear bool, within Period) []Period {
	if byYear {
		var ps []Period
		for _, y := range s.Years() {
			ps = append(ps, Year(y))
		}
		return ps
	}
	if within != (Period{}) {
		return []Period{within}
	}
	return []Period{s.Span()}
}
