package graph

import (
	"cmp"
	"iter"
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
	papers := 0
	for _, yd := range years {
		papers += yd.papers
	}
	if len(years) == 1 {
		nodes = years[0].nodes
	} else if len(years) > 1 {
		nodes = mergeNodes(years, len(s.keys))
	}
	g, local := s.graph(p, nodes)
	if len(years) == 1 {
		yd := &years[0]
		g.edges = make([]Edge, len(yd.edges))
		for i, ee := range yd.edges {
			g.edges[i] = Edge{From: local[ee.a], To: local[ee.b], W: ee.w, Lead: ee.lead}
			if yd.impact != nil {
				g.edges[i].Impact = yd.impact[i]
			}
		}
	} else if len(years) > 1 {
		g.edges = mergeEdges(years, local)
	}
	g.papers = papers
	return g
}

// sortEdges sorts edges by (a, b), and impact, when not nil, with them
// (it is parallel to edges). The pairs must be distinct (they are within
// a year), so the order is the same for any sort.
//
// Cost: O(E + A + Σ d log d) for E edges, A the largest a and d the
// edges of each a: a counting sort by a, then each a's edges by b.
func sortEdges(edges []edgeEntry, impact []Impact) ([]edgeEntry, []Impact) {
	if len(edges) < 2 {
		return edges, impact
	}
	var na int32
	for i := range edges {
		na = max(na, edges[i].a+1)
	}
	start := make([]int32, na+1)
	for i := range edges {
		start[edges[i].a+1]++
	}
	for a := range na {
		start[a+1] += start[a]
	}
	if impact == nil {
		se := make([]edgeEntry, len(edges))
		fill := slices.Clone(start[:na])
		for i := range edges {
			a := edges[i].a
			se[fill[a]] = edges[i]
			fill[a]++
		}
		sortRuns(se, start)
		return se, nil
	}
	order := make([]int32, len(edges))
	fill := slices.Clone(start[:na])
	for i := range edges {
		a := edges[i].a
		order[fill[a]] = int32(i)
		fill[a]++
	}
	for a := range na {
		if run := order[start[a]:start[a+1]]; len(run) > 1 {
			slices.SortFunc(run, func(x, y int32) int { return cmp.Compare(edges[x].b, edges[y].b) })
		}
	}
	se, si := make([]edgeEntry, len(edges)), make([]Impact, len(edges))
	for j, i := range order {
		se[j], si[j] = edges[i], impact[i]
	}
	return se, si
}

// sortRuns sorts each run edges[start[a]:start[a+1]] (the edges of one
// a) by b.
func sortRuns(edges []edgeEntry, start []int32) {
	for a := 0; a+1 < len(start); a++ {
		if run := edges[start[a]:start[a+1]]; len(run) > 1 {
			slices.SortFunc(run, func(x, y edgeEntry) int { return cmp.Compare(x.b, y.b) })
		}
	}
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

// graph makes a Graph of period p with nodes (sorted by series id) and
// no edges yet, and returns it with local: the graph index of each
// series id (of the nodes; 0 for the others).
func (s *Series) graph(p Period, nodes []nodeEntry) (*Graph, []int) {
	n := len(nodes)
	g := &Graph{
		level:     s.level,
		period:    p,
		keys:      make([]string, n),
		names:     make([]string, n),
		countries: make([]string, n),
		nodes:     make([]NodeWeights, n),
	}
	local := make([]int, len(s.keys))
	for i, ne := range nodes {
		local[ne.id] = i
		g.keys[i] = s.keys[ne.id]
		g.names[i] = s.names[ne.id]
		g.countries[i] = s.countries[ne.id]
		g.nodes[i] = ne.w
	}
	return g, local
}

// mergeNodes merges the years' node lists (each sorted by id) into one
// sorted list, adding each node's weights in ascending year order (from
// 0). n is the number of series nodes (every id is below it).
//
// Cost: O(Y·N_y + n) for Y years of N_y nodes: the sums are kept by
// series id, then collected in id order.
func mergeNodes(years []yearData, n int) []nodeEntry {
	sum := make([]NodeWeights, n)
	seen := make([]bool, n)
	count := 0
	for _, yd := range years {
		for i := range yd.nodes {
			ne := &yd.nodes[i]
			addNode(&sum[ne.id], &ne.w)
			if !seen[ne.id] {
				seen[ne.id] = true
				count++
			}
		}
	}
	out := make([]nodeEntry, 0, count)
	for id, ok := range seen {
		if ok {
			out = append(out, nodeEntry{id: int32(id), w: sum[id]})
		}
	}
	return out
}

// mergeEdges merges the years' edge lists (each sorted by (a, b)) into
// the edges of a graph, sorted, adding each edge's weights and impact
// in ascending year order (from 0, so the sums are those of adding the
// years one by one). local maps every series id to its graph index.
//
// The source nodes a are cut into ranges merged on up to GOMAXPROCS
// goroutines: an edge's sum depends only on its own yearly weights, so
// the result does not depend on GOMAXPROCS. A first pass counts each
// range's distinct edges, so that the result is allocated once, at its
// size, and each range fills its own part.
//
// Cost: O(Y·n + P + Σ d log d) for Y years, P (year, edge) pairs and d
// the distinct edges of each a.
func mergeEdges(years []yearData, local []int) []Edge {
	n := len(local)
	total := 0
	for _, yd := range years {
		total += len(yd.edges)
	}
	// Ranges of a of equal width, about one per mergeChunk (year, edge)
	// pairs.
	var cuts []int32 // range r is a in [cuts[r], cuts[r+1])
	cuts = append(cuts, 0)
	if total > 0 {
		per := max(total/mergeChunk, 1)
		step := max(n/per, 1)
		for a := step; a < n; a += step {
			cuts = append(cuts, int32(a))
		}
	}
	cuts = append(cuts, int32(n))
	ranges := len(cuts) - 1
	counts := make([]int, ranges+1)
	scratch := make(chan *mergeScratch, ranges)
	get := func() *mergeScratch {
		select {
		case m := <-scratch:
			return m
		default:
			return &mergeScratch{slot: make([]int32, n), at: make([]int, len(years)), end: make([]int, len(years))}
		}
	}
	parallel(ranges, func(r int) {
		m := get()
		m.count(years, cuts[r], cuts[r+1])
		counts[r+1] = m.n
		scratch <- m
	})
	for r := range ranges {
		counts[r+1] += counts[r]
	}
	edges := make([]Edge, counts[ranges])
	parallel(ranges, func(r int) {
		m := get()
		m.fill(years, cuts[r], cuts[r+1], local, edges[counts[r]:counts[r+1]])
		scratch <- m
	})
	return edges
}

// mergeChunk is about the number of (year, edge) pairs of one range of
// mergeEdges: large enough that a range costs more than handing it out.
const mergeChunk = 1 << 15

// mergeScratch is one goroutine's space for mergeEdges: slot[b] is
// 1 + the index in acc of the edge (a, b) of the current a (0: none
// yet), touched lists those b, and at, end delimit each year's edges of
// the current range.
type mergeScratch struct {
	slot    []int32
	touched []int32
	acc     []edgeEntry
	imp     []Impact
	at, end []int
	n       int
}

// bounds sets at and end to each year's edges with a in [lo, hi).
func (m *mergeScratch) bounds(years []yearData, lo, hi int32) {
	for y, yd := range years {
		m.at[y], _ = slices.BinarySearchFunc(yd.edges, lo, func(e edgeEntry, a int32) int { return cmp.Compare(e.a, a) })
		m.end[y], _ = slices.BinarySearchFunc(yd.edges, hi, func(e edgeEntry, a int32) int { return cmp.Compare(e.a, a) })
	}
}

// count sets m.n to the number of distinct edges with a in [lo, hi).
func (m *mergeScratch) count(years []yearData, lo, hi int32) {
	m.bounds(years, lo, hi)
	m.n = 0
	for a := lo; a < hi; a++ {
		m.touched = m.touched[:0]
		for y, yd := range years {
			j := m.at[y]
			for ; j < m.end[y] && yd.edges[j].a == a; j++ {
				if b := yd.edges[j].b; m.slot[b] == 0 {
					m.slot[b] = 1
					m.touched = append(m.touched, b)
				}
			}
			m.at[y] = j
		}
		m.n += len(m.touched)
		for _, b := range m.touched {
			m.slot[b] = 0
		}
	}
}

// fill writes the merged edges with a in [lo, hi) to out, sorted by
// (a, b), with their graph indices (local).
func (m *mergeScratch) fill(years []yearData, lo, hi int32, local []int, out []Edge) {
	m.bounds(years, lo, hi)
	k := 0
	for a := lo; a < hi; a++ {
		m.touched, m.acc, m.imp = m.touched[:0], m.acc[:0], m.imp[:0]
		for y, yd := range years {
			j := m.at[y]
			for ; j < m.end[y] && yd.edges[j].a == a; j++ {
				ee := &yd.edges[j]
				s := m.slot[ee.b]
				if s == 0 {
					m.touched = append(m.touched, ee.b)
					m.acc = append(m.acc, edgeEntry{a: a, b: ee.b})
					m.imp = append(m.imp, Impact{})
					s = int32(len(m.acc))
					m.slot[ee.b] = s
				}
				e := &m.acc[s-1]
				for c := range ee.w {
					e.w[c] += ee.w[c]
				}
				e.lead[0] += ee.lead[0]
				e.lead[1] += ee.lead[1]
				if yd.impact != nil {
					m.imp[s-1].add(yd.impact[j])
				}
			}
			m.at[y] = j
		}
		slices.Sort(m.touched)
		for _, b := range m.touched {
			e := &m.acc[m.slot[b]-1]
			out[k] = Edge{From: local[e.a], To: local[e.b], W: e.w, Lead: e.lead, Impact: m.imp[m.slot[b]-1]}
			k++
			m.slot[b] = 0
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
