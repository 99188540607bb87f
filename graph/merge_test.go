package graph

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// mergeEdgesReference is mergeEdges before it was split by source node
// (commit 8602d1c): a merge of the years' lists, each step scanning every
// year. It merges the years' edge lists (each sorted by (a, b)) into
// one sorted list, adding each edge's weights in ascending year order;
// impact, when the years have it, goes with the edges.
func mergeEdgesReference(years []yearData) ([]edgeEntry, []Impact) {
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

// randomYears returns y years of random edges over n nodes, each year's
// edges distinct and sorted, with weights of every size (and impact when
// withImpact), some pairs in every year, some in one.
func randomYears(r *rand.Rand, y, n, perYear int, withImpact bool) []yearData {
	years := make([]yearData, y)
	f := func() float64 {
		switch r.IntN(4) {
		case 0:
			return float64(r.IntN(5))
		case 1:
			return r.Float64()
		case 2:
			return r.Float64() * math.Pow(10, float64(r.IntN(40)-20))
		}
		return 1 / float64(1+r.IntN(40))
	}
	for i := range years {
		seen := map[[2]int32]bool{}
		var es []edgeEntry
		for range perYear {
			a, b := int32(r.IntN(n)), int32(r.IntN(n))
			if r.IntN(4) == 0 { // a hub
				a = int32(r.IntN(3))
			}
			if a == b {
				continue
			}
			a, b = min(a, b), max(a, b)
			if seen[[2]int32{a, b}] {
				continue
			}
			seen[[2]int32{a, b}] = true
			es = append(es, edgeEntry{a: a, b: b, w: Weights{f(), f(), f(), f()}, lead: [2]float64{f(), f()}})
		}
		var imp []Impact
		if withImpact {
			for range es {
				imp = append(imp, Impact{Sum: f(), N: r.IntN(5)})
			}
		}
		years[i].year = 2000 + i
		years[i].edges, years[i].impact = sortEdgesReference(es, imp)
	}
	return years
}

// sortEdgesReference sorts as sortEdges did before the counting sort by
// a (commit 8602d1c): one comparison sort of the (a, b) pairs.
func sortEdgesReference(edges []edgeEntry, impact []Impact) ([]edgeEntry, []Impact) {
	perm := make([]int, len(edges))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(x, y int) int { return compareEdgeEntry(edges[x], edges[y]) })
	se, si := make([]edgeEntry, len(perm)), []Impact(nil)
	if impact != nil {
		si = make([]Impact, len(perm))
	}
	for j, i := range perm {
		se[j] = edges[i]
		if impact != nil {
			si[j] = impact[i]
		}
	}
	return se, si
}

// sameBits reports whether two edge lists are equal, floats bit for bit.
func sameBits(x, y []edgeEntry, ix, iy []Impact) bool {
	if len(x) != len(y) || len(ix) != len(iy) {
		return false
	}
	for i := range x {
		if x[i].a != y[i].a || x[i].b != y[i].b {
			return false
		}
		for c := range x[i].w {
			if math.Float64bits(x[i].w[c]) != math.Float64bits(y[i].w[c]) {
				return false
			}
		}
		for k := range 2 {
			if math.Float64bits(x[i].lead[k]) != math.Float64bits(y[i].lead[k]) {
				return false
			}
		}
	}
	for i := range ix {
		if math.Float64bits(ix[i].Sum) != math.Float64bits(iy[i].Sum) || ix[i].N != iy[i].N {
			return false
		}
	}
	return true
}

// TestMergeEdgesAsReference: mergeEdges, split by source node over
// GOMAXPROCS goroutines, gives the edges and sums of the plain merge, bit
// for bit (the same additions in the same order), with and without
// impact, for 1 to 20 years and small and large graphs (one range and
// many).
func TestMergeEdgesAsReference(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	r := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct{ years, n, perYear int }{{1, 5, 10}, {2, 10, 40}, {7, 300, 2000}, {20, 3000, 20000}} {
		for _, withImpact := range []bool{false, true} {
			years := randomYears(r, tc.years, tc.n, tc.perYear, withImpact)
			want, wantImp := mergeEdgesReference(years)
			// Graph indices: series id i is node n−1−i, so that a
			// mix-up of ids and indices shows.
			local := make([]int, tc.n)
			for i := range local {
				local[i] = tc.n - 1 - i
			}
			for _, procs := range []int{1, 2, 5} {
				runtime.GOMAXPROCS(procs)
				edges := mergeEdges(years, local)
				got, gotImp := make([]edgeEntry, len(edges)), []Impact(nil)
				if withImpact {
					gotImp = make([]Impact, len(edges))
				}
				for i, e := range edges {
					got[i] = edgeEntry{a: int32(tc.n - 1 - e.From), b: int32(tc.n - 1 - e.To), w: e.W, lead: e.Lead}
					if withImpact {
						gotImp[i] = e.Impact
					} else if e.Impact != (Impact{}) {
						t.Fatalf("impact %v without impact", e.Impact)
					}
				}
				if !sameBits(got, want, gotImp, wantImp) {
					t.Fatalf("%+v, impact %v, GOMAXPROCS %d: %d edges differ from the reference's %d", tc, withImpact, procs, len(got), len(want))
				}
			}
		}
	}
}

// TestSortEdgesAsReference: the counting sort by a gives the order of a
// comparison sort, impact moved with the edges.
func TestSortEdgesAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 50, 5000} {
		years := randomYears(r, 1, max(n/3, 3), n, true)
		es, imp := years[0].edges, years[0].impact
		shuffled, simp := slices.Clone(es), slices.Clone(imp)
		r.Shuffle(len(shuffled), func(i, j int) {
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			simp[i], simp[j] = simp[j], simp[i]
		})
		got, gotImp := sortEdges(slices.Clone(shuffled), slices.Clone(simp))
		if !sameBits(got, es, gotImp, imp) {
			t.Fatalf("%d edges: sortEdges differs from the comparison sort", n)
		}
		got, _ = sortEdges(slices.Clone(shuffled), nil)
		if !sameBits(got, es, nil, nil) {
			t.Fatalf("%d edges without impact: sortEdges differs", n)
		}
		if !slices.IsSortedFunc(got, compareEdgeEntry) {
			t.Fatalf("not sorted")
		}
	}
}

// mergeNodesReference is mergeNodes before it summed by series id
// (commit 8602d1c): a merge of the years' lists. It merges the years' node lists (each sorted by id) into one
// sorted list, adding each node's weights in ascending year order.
func mergeNodesReference(years []yearData) []nodeEntry {
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

// TestMergeNodesAsReference: mergeNodes gives the nodes and sums of
// the plain merge, bit for bit.
func TestMergeNodesAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, tc := range []struct{ years, n int }{{1, 3}, {2, 10}, {20, 3000}} {
		years := make([]yearData, tc.years)
		for y := range years {
			for id := range tc.n {
				if r.IntN(3) == 0 {
					continue
				}
				w := NodeWeights{Papers: r.IntN(9) + 1, Intl: r.IntN(3), Output: r.Float64() * 7, Domestic: r.Float64() / 3, Lead: r.Float64(), LeadIntl: r.Float64() / 7, Impact: Impact{Sum: r.Float64() * 1e-3, N: r.IntN(4)}}
				years[y].nodes = append(years[y].nodes, nodeEntry{id: int32(id), w: w})
			}
		}
		want, got := mergeNodesReference(years), mergeNodes(years, tc.n)
		if len(got) != len(want) {
			t.Fatalf("%+v: %d nodes, want %d", tc, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.id != w.id || g.w.Papers != w.w.Papers || g.w.Intl != w.w.Intl || g.w.Impact.N != w.w.Impact.N ||
				math.Float64bits(g.w.Output) != math.Float64bits(w.w.Output) || math.Float64bits(g.w.Domestic) != math.Float64bits(w.w.Domestic) ||
				math.Float64bits(g.w.Lead) != math.Float64bits(w.w.Lead) || math.Float64bits(g.w.LeadIntl) != math.Float64bits(w.w.LeadIntl) ||
				math.Float64bits(g.w.Impact.Sum) != math.Float64bits(w.w.Impact.Sum) {
				t.Fatalf("%+v: node %d = %+v, want %+v", tc, i, g, w)
			}
		}
	}
}
