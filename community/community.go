// Package community finds and compares partitions of a co-authorship
// [graph.Graph]: Leiden or Louvain communities with a resolution and a
// seed ([Detect]), their modularity, and their stability across periods
// (normalised mutual information and adjusted Rand index).
//
// Modularity of a partition c for weight w, resolution γ (Newman 2006,
// doi:10.1073/pnas.0601602103; γ as Reichardt & Bornholdt 2006,
// doi:10.1103/PhysRevE.74.016110):
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
//
// It lies in [−1/2, 1]. It is computed here in O(n + m); the tests check
// it against gonum's community.Q, whose cost grows with the square of the
// community sizes. This package imports graph, not metrics.
//
// The bifurcation indices of a two-bloc partition ([BifurcationCI])
// carry standard bootstrap intervals θ̂ ± z·se, with se the standard
// deviation of the index over replicates that redraw the papers behind
// each edge as Poisson counts (Efron & Tibshirani 1986,
// doi:10.1214/ss/1177013815). The interval holds the estimate and
// measures its counting noise; BifurcationCI says why it is not the
// percentile interval and what coverage it was measured to have.
package community

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/coauthnet/coauthnet/graph"
)

// An Algorithm is a community detection method of [Detect]. Its text
// form is "leiden" or "louvain".
type Algorithm string

const (
	// Leiden (Traag, Waltman & van Eck 2019,
	// doi:10.1038/s41598-019-41695-z): fast local moving, refinement
	// into well-connected clusters, aggregation of the refined clusters
	// with the unrefined partition as the start of the next level. Its
	// communities are connected, which Louvain's need not be.
	Leiden Algorithm = "leiden"
	// LouvainMethod (Blondel et al. 2008,
	// doi:10.1088/1742-5468/2008/10/P10008) with Leiden's queue-based
	// local moving, aggregating the communities themselves.
	LouvainMethod Algorithm = "louvain"
)

// ParseAlgorithm parses "leiden" or "louvain"; "" is [Leiden].
func ParseAlgorithm(s string) (Algorithm, error) {
	switch Algorithm(s) {
	case "", Leiden:
		return Leiden, nil
	case LouvainMethod:
		return LouvainMethod, nil
	}
	return "", fmt.Errorf("community: unknown algorithm %q: want leiden or louvain", s)
}

// MarshalText returns the algorithm's name ("leiden" for "").
func (a Algorithm) MarshalText() ([]byte, error) {
	if a == "" {
		a = Leiden
	}
	return []byte(a), nil
}

// UnmarshalText parses "leiden" or "louvain", as [ParseAlgorithm].
func (a *Algorithm) UnmarshalText(b []byte) (err error) {
	*a, err = ParseAlgorithm(string(b))
	return err
}

// Options configure [Detect]. The zero Counting is graph.Full: set it.
type Options struct {
	Counting   graph.Counting
	Algorithm  Algorithm // "" means Leiden
	Resolution float64   // γ; 0 means 1
	Seed       uint64    // 0 means 1; the same seed gives the same partition
	// Iterations is how many times the whole algorithm runs, each run
	// starting from the partition the previous one found; 0 means 1, a
	// negative value until a run changes nothing (at most 20 runs).
	// igraph's community_leiden calls this n_iterations (default 2, −1
	// until stable). Further runs rarely add more than 0.002 to Q on
	// the benchmark graphs and cost a full run each (BENCHMARKS.md).
	Iterations int
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

// Detect partitions g into communities of high modularity for weight
// o.Counting with o.Algorithm, on a compressed sparse row copy of the
// graph (edges of weight 0 left out). Nodes are visited in an order
// drawn from o.Seed, so the result is the same on every run and machine
// for the same seed. Isolated nodes are communities of their own.
//
// Cost: each level of local moving is O(m) per pass over the queue, and
// levels shrink geometrically in practice; memory is O(n + m). Measured
// against igraph in BENCHMARKS.md ("Communities and measures at
// institution scale").
func Detect(g *graph.Graph, o Options) *Partition {
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
	h := newCSR(g, o.Counting)
	r := newRNG(o.Seed)
	refine := o.Algorithm != LouvainMethod
	runs := o.Iterations
	switch {
	case runs == 0:
		runs = 1
	case runs < 0:
		runs = 20
	}
	var labels []int32
	for run := 0; run < runs; run++ {
		next := optimise(h, labels, o.Resolution, r, refine)
		same := labels != nil && slices.Equal(next, labels)
		labels = next
		if same {
			break
		}
	}
	p := fromLabels(g, labels)
	p.modularity = h.modularity(labels, o.Resolution)
	return p
}

// Louvain is [Detect]: despite its name it runs o.Algorithm, Leiden
// unless set.
//
// Deprecated: call Detect; Louvain stays for callers not yet moved.
func Louvain(g *graph.Graph, o Options) *Partition { return Detect(g, o) }

// FromLabels makes a partition from a community label per node (any
// integers), numbered as in [Partition], with its modularity for weight
// c and resolution 1. Use it for user-given blocs.
func FromLabels(g *graph.Graph, labels []int, c graph.Counting) *Partition {
	ids := make([]int32, len(labels))
	id := map[int]int32{}
	for v, l := range labels {
		x, ok := id[l]
		if !ok {
			x = int32(len(id))
			id[l] = x
		}
		ids[v] = x
	}
	p := fromLabels(g, ids)
	if g.NumEdges() > 0 {
		p.modularity = newCSR(g, c).modularity(ids, 1)
	}
	return p
}

// fromLabels numbers the communities of labels (0..k-1, any order) as
// [Partition] says.
func fromLabels(g *graph.Graph, labels []int32) *Partition {
	k := 0
	for _, l := range labels {
		k = max(k, int(l)+1)
	}
	size := make([]int, k)
	first := make([]int, k) // smallest node key: node order is label order
	for i := range first {
		first[i] = -1
	}
	for v, l := range labels {
		size[l]++
		if first[l] < 0 {
			first[l] = v
		}
	}
	var used []int
	for c := range size {
		if size[c] > 0 {
			used = append(used, c)
		}
	}
	slices.SortFunc(used, func(a, b int) int {
		if c := cmp.Compare(size[b], size[a]); c != 0 {
			return c
		}
		return cmp.Compare(g.Label(first[a]), g.Label(first[b]))
	})
	rank := make([]int, k)
	for i, c := range used {
		rank[c] = i
	}
	p := &Partition{of: make([]int, len(labels)), k: len(used)}
	for v, l := range labels {
		p.of[v] = rank[l]
	}
	return p
}

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
