// Package community finds and compares partitions of a co-authorship
// [graph.Graph]: Louvain communities (gonum's community.Modularize) with
// a seed, their modularity, and their stability across periods
// (normalised mutual information and adjusted Rand index).
//
// Modularity of a partition c for weight w, resolution γ (gonum
// community.Q, Newman 2006, doi:10.1073/pnas.0601602103):
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
//
// It lies in [−1/2, 1]. This package imports graph, not metrics.
package community

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	gcommunity "gonum.org/v1/gonum/graph/community"

	"github.com/coauthnet/coauthnet/graph"
)

// Options configure [Louvain]. The zero Counting is graph.Full: set it.
type Options struct {
	Counting   graph.Counting
	Resolution float64 // γ; 0 means 1
	Seed       uint64  // 0 means 1; the same seed gives the same partition
}

// A Partition assigns every node of a graph to a community numbered
// 0..Len()-1: by decreasing size, ties by the smallest node key in the
// community, so that the same partition always has the same numbers.
type Partition struct {
	of         []int
	k          int
	modularity float64
}

// Of returns the community of node v.
func (p *Partition) Of(v int) int { return p.of[v] }

// Len returns the number of communities.
func (p *Partition) Len() int { return p.k }

// Labels returns the community of every node (a copy).
func (p *Partition) Labels() []int { return slices.Clone(p.of) }

// Modularity returns Q of the partition, for the weight and resolution
// it was found with.
func (p *Partition) Modularity() float64 { return p.modularity }

// Louvain partitions g with gonum's Louvain implementation. Isolated
// nodes are communities of their own.
func Louvain(g *graph.Graph, o Options) *Partition {
	if o.Resolution == 0 {
		o.Resolution = 1
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	n := g.Len()
	if n == 0 {
		return &Partition{}
	}
	view := g.Weighted(o.Counting)
	reduced := gcommunity.Modularize(view, o.Resolution, rand.NewPCG(o.Seed, o.Seed^0x2545f4914f6cdd1d))
	var groups [][]int
	for _, c := range reduced.Communities() {
		var ids []int
		for _, nd := range c {
			ids = append(ids, int(nd.ID()))
		}
		groups = append(groups, ids)
	}
	return fromGroups(g, groups, func(parts [][]gonum.Node) float64 {
		return gcommunity.Q(view, parts, o.Resolution)
	})
}

// FromLabels makes a partition from a community label per node (any
// integers), numbered as in [Partition], with its modularity for weight
// c and resolution 1. Use it for user-given blocs.
func FromLabels(g *graph.Graph, labels []int, c graph.Counting) *Partition {
	byLabel := map[int][]int{}
	for v, l := range labels {
		byLabel[l] = append(byLabel[l], v)
	}
	var groups [][]int
	for _, vs := range byLabel {
		groups = append(groups, vs)
	}
	view := g.Weighted(c)
	return fromGroups(g, groups, func(parts [][]gonum.Node) float64 { return gcommunity.Q(view, parts, 1) })
}

func fromGroups(g *graph.Graph, groups [][]int, q func([][]gonum.Node) float64) *Partition {
	for _, grp := range groups {
		slices.Sort(grp)
	}
	slices.SortFunc(groups, func(a, b []int) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(g.Label(a[0]), g.Label(b[0]))
	})
	p := &Partition{of: make([]int, g.Len()), k: len(groups)}
	parts := make([][]gonum.Node, len(groups))
	for i, grp := range groups {
		for _, v := range grp {
			p.of[v] = i
			parts[i] = append(parts[i], view(v))
		}
	}
	if g.NumEdges() > 0 {
		p.modularity = q(parts)
	}
	return p
}

type node int64

func (n node) ID() int64 { return int64(n) }

func view(v int) gonum.Node { return node(v) }

// Compare returns the normalised mutual information (arithmetic-mean
// normalisation, as scikit-learn's default) and the adjusted Rand index
// (Hubert & Arabie 1985, doi:10.1007/BF01908075) of two labelings of the
// same items. Both are 1 for identical partitions (up to renaming); NMI
// is 1 and ARI 1 when both put everything in one cluster.
func Compare(a, b []int) (nmi, ari float64) {
	if len(a) != len(b) {
		panic("community: labelings of different lengths")
	}
	n := float64(len(a))
	if len(a) == 0 {
		return 1, 1
	}
	type pair struct{ x, y int }
	joint := map[pair]float64{}
	ca, cb := map[int]float64{}, map[int]float64{}
	for i := range a {
		joint[pair{a[i], b[i]}]++
		ca[a[i]]++
		cb[b[i]]++
	}
	// Sums in a fixed order for byte-stable results.
	keysA, keysB := sortedKeys(ca), sortedKeys(cb)
	var ha, hb, mi float64
	for _, k := range keysA {
		p := ca[k] / n
		ha -= p * math.Log(p)
	}
	for _, k := range keysB {
		p := cb[k] / n
		hb -= p * math.Log(p)
	}
	var sumJoint float64
	for _, x := range keysA {
		for _, y := range keysB {
			nij := joint[pair{x, y}]
			if nij == 0 {
				continue
			}
			mi += nij / n * math.Log(nij*n/(ca[x]*cb[y]))
			sumJoint += nij * (nij - 1) / 2
		}
	}
	switch {
	case ha == 0 && hb == 0:
		nmi = 1
	case ha+hb == 0:
		nmi = 0
	default:
		nmi = mi / ((ha + hb) / 2)
	}
	var sa, sb float64
	for _, k := range keysA {
		sa += ca[k] * (ca[k] - 1) / 2
	}
	for _, k := range keysB {
		sb += cb[k] * (cb[k] - 1) / 2
	}
	total := n * (n - 1) / 2
	expected := sa * sb / total
	max := (sa + sb) / 2
	if max == expected {
		return nmi, 1
	}
	return nmi, (sumJoint - expected) / (max - expected)
}

func sortedKeys(m map[int]float64) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Stability compares partition a of graph ga with partition b of graph
// gb on the nodes they share (by key) and returns NMI, ARI and the
// number of shared nodes.
func Stability(ga *graph.Graph, a *Partition, gb *graph.Graph, b *Partition) (nmi, ari float64, shared int) {
	var la, lb []int
	for v := 0; v < ga.Len(); v++ {
		if u, ok := gb.Index(ga.Label(v)); ok {
			la = append(la, a.Of(v))
			lb = append(lb, b.Of(u))
		}
	}
	nmi, ari = Compare(la, lb)
	return nmi, ari, len(la)
}

// Carry renumbers the communities of next so that each keeps the id of
// the community of prev (on graph gp) it overlaps most, by shared node
// keys, greedily from the largest overlap (ties: smaller ids first); the
// others get new ids above every id of prev. It returns the id of every
// node of gn: ids stay stable across periods for the same group.
func Carry(gp *graph.Graph, prevIDs []int, gn *graph.Graph, next *Partition) []int {
	type pair struct{ a, b, n int }
	overlap := map[[2]int]int{}
	maxID := -1
	for _, id := range prevIDs {
		maxID = max(maxID, id)
	}
	for v := 0; v < gn.Len(); v++ {
		if u, ok := gp.Index(gn.Label(v)); ok {
			overlap[[2]int{prevIDs[u], next.Of(v)}]++
		}
	}
	var pairs []pair
	for k, n := range overlap {
		pairs = append(pairs, pair{k[0], k[1], n})
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(y.n, x.n); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	id := make([]int, next.Len())
	for i := range id {
		id[i] = -1
	}
	usedPrev := map[int]bool{}
	for _, p := range pairs {
		if id[p.b] == -1 && !usedPrev[p.a] {
			id[p.b] = p.a
			usedPrev[p.a] = true
		}
	}
	for c := range id {
		if id[c] == -1 {
			maxID++
			id[c] = maxID
		}
	}
	out := make([]int, gn.Len())
	for v := range out {
		out[v] = id[next.Of(v)]
	}
	return out
}
