package community

import (
	"math/bits"
	"math/rand/v2"

	"github.com/coauthnet/coauthnet/graph"
)

// csr is a weighted undirected graph in compressed sparse row form: the
// neighbours of u are adj[start[u]:start[u+1]] with weights w, each edge
// stored in both directions, without self-loops. self[u] is the weight
// of u's self-loop counted as in the adjacency matrix (twice the weight
// of the edges a node of an aggregate graph contains), k[u] = self[u] +
// Σ_v w(u,v) its strength, and m2 = Σ_u k[u] = 2m.
type csr struct {
	start []int
	adj   []int32
	w     []float64
	self  []float64
	k     []float64
	m2    float64
}

func (g *csr) n() int { return len(g.k) }

// newCSR returns the CSR form of weight c of g. Edges of weight 0 are
// left out: they change neither strengths nor modularity.
func newCSR(g *graph.Graph, c graph.Counting) *csr {
	n := g.Len()
	h := &csr{start: make([]int, n+1), self: make([]float64, n), k: make([]float64, n)}
	var from, to []int32
	var ws []float64
	for e := range g.Edges() {
		if x := e.W[c]; x > 0 {
			from, to, ws = append(from, int32(e.From)), append(to, int32(e.To)), append(ws, x)
			h.start[e.From+1]++
			h.start[e.To+1]++
		}
	}
	for i := 0; i < n; i++ {
		h.start[i+1] += h.start[i]
	}
	h.adj = make([]int32, h.start[n])
	h.w = make([]float64, h.start[n])
	fill := make([]int, n)
	copy(fill, h.start[:n])
	// Edges come in (From, To) order with From < To, so filling the
	// lower neighbours first leaves each row sorted.
	for i, x := range ws {
		u, v := to[i], from[i]
		h.adj[fill[u]], h.w[fill[u]] = v, x
		fill[u]++
	}
	for i, x := range ws {
		u, v := from[i], to[i]
		h.adj[fill[u]], h.w[fill[u]] = v, x
		fill[u]++
	}
	for u := 0; u < n; u++ {
		var s float64
		for i := h.start[u]; i < h.start[u+1]; i++ {
			s += h.w[i]
		}
		h.k[u] = s
		h.m2 += s
	}
	return h
}

// modularity returns Q of labels on h at resolution gamma, in O(n + m):
// Q = Σ_c [in_c − γ K_c²/2m] / 2m with in_c the adjacency weight inside
// c (each edge twice, self-loops as stored) and K_c its total strength.
func (h *csr) modularity(labels []int32, gamma float64) float64 {
	if h.m2 == 0 {
		return 0
	}
	nc := 0
	for _, l := range labels {
		nc = max(nc, int(l)+1)
	}
	in, tot := make([]float64, nc), make([]float64, nc)
	for u := range labels {
		c := labels[u]
		tot[c] += h.k[u]
		in[c] += h.self[u]
		for i := h.start[u]; i < h.start[u+1]; i++ {
			if labels[h.adj[i]] == c {
				in[c] += h.w[i]
			}
		}
	}
	var q float64
	for c := range in {
		q += in[c] - gamma*tot[c]*tot[c]/h.m2
	}
	return q / h.m2
}

// rng is the seeded source of the optimisers; intn is Lemire's
// multiply-shift bounded draw, computed here so that a seed gives the
// same partition on every Go version.
type rng struct{ src *rand.PCG }

func newRNG(seed uint64) rng { return rng{rand.NewPCG(seed, seed^0x2545f4914f6cdd1d)} }

func (r rng) intn(n int) int {
	hi, _ := bits.Mul64(r.src.Uint64(), uint64(n))
	return int(hi)
}

// permutation returns a uniformly shuffled 0..n-1 (Fisher–Yates).
func (r rng) permutation(n int) []int32 {
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// optimiser holds the scratch state of one level of local moving.
type optimiser struct {
	gamma float64
	r     rng
	// Per community: total strength and number of nodes.
	tot  []float64
	size []int32
	free []int32 // empty community ids
	// Neighbouring-community accumulator, reset after each node.
	wTo     []float64
	seen    []bool
	touched []int32
}

func (o *optimiser) grow(n int) {
	if cap(o.wTo) < n {
		o.wTo, o.seen = make([]float64, n), make([]bool, n)
		o.tot, o.size = make([]float64, n), make([]int32, n)
	}
	o.wTo, o.seen = o.wTo[:n], o.seen[:n]
	o.tot, o.size = o.tot[:n], o.size[:n]
}

// accumulate sums the weight from u to each community of its neighbours
// (labels comm), restricted to neighbours v with keep(v) when keep is
// not nil, into wTo; the communities met are in touched.
func (o *optimiser) accumulate(h *csr, u int, comm []int32, keep func(int32) bool) {
	o.touched = o.touched[:0]
	for i := h.start[u]; i < h.start[u+1]; i++ {
		v := h.adj[i]
		if keep != nil && !keep(v) {
			continue
		}
		c := comm[v]
		if !o.seen[c] {
			o.seen[c] = true
			o.touched = append(o.touched, c)
		}
		o.wTo[c] += h.w[i]
	}
}

func (o *optimiser) reset() {
	for _, c := range o.touched {
		o.wTo[c], o.seen[c] = 0, false
	}
}

// moveNodes is the fast local moving of Leiden (Traag, Waltman & van Eck
// 2019, doi:10.1038/s41598-019-41695-z, Algorithm A.2): every node is
// queued in random order; a node taken from the queue moves to the
// community (a neighbour's, or an empty one) of largest modularity gain
//
//	ΔQ·2m = w(u,C) − γ k_u K_C / 2m   (u removed from its own first)
//
// if that gain is strictly larger than staying; when it moves, its
// neighbours outside its new community are queued again. It returns
// whether any node moved. comm holds the starting partition (ids < n)
// and is updated in place.
func (o *optimiser) moveNodes(h *csr, comm []int32) bool {
	n := h.n()
	o.grow(n)
	for c := range o.tot {
		o.tot[c], o.size[c] = 0, 0
	}
	for u := 0; u < n; u++ {
		o.tot[comm[u]] += h.k[u]
		o.size[comm[u]]++
	}
	o.free = o.free[:0]
	for c := n - 1; c >= 0; c-- {
		if o.size[c] == 0 {
			o.free = append(o.free, int32(c))
		}
	}
	// Queue as a ring buffer of capacity n: a node is in it at most once.
	queue := o.r.permutation(n)
	inQueue := make([]bool, n)
	head, count := 0, n
	for i := range inQueue {
		inQueue[i] = true
	}
	moved := false
	// Every move raises Q, so the queue empties; the cap only guards
	// against two gains equal up to rounding trading a node back and forth.
	for pops := 0; count > 0 && pops < 1000*n; pops++ {
		u := int(queue[head])
		head = (head + 1) % n
		count--
		inQueue[u] = false
		ku := h.k[u]
		if ku == 0 {
			continue
		}
		cu := comm[u]
		o.accumulate(h, u, comm, nil)
		o.tot[cu] -= ku
		o.size[cu]--
		best := cu
		bestGain := o.wTo[cu] - o.gamma*ku*o.tot[cu]/h.m2
		if o.size[cu] > 0 && bestGain < 0 && len(o.free) > 0 {
			best, bestGain = o.free[len(o.free)-1], 0
		}
		for _, c := range o.touched {
			if g := o.wTo[c] - o.gamma*ku*o.tot[c]/h.m2; g > bestGain {
				best, bestGain = c, g
			}
		}
		o.reset()
		if best != cu {
			if len(o.free) > 0 && best == o.free[len(o.free)-1] {
				o.free = o.free[:len(o.free)-1]
			}
			if o.size[cu] == 0 {
				o.free = append(o.free, cu)
			}
			moved = true
			for i := h.start[u]; i < h.start[u+1]; i++ {
				v := h.adj[i]
				if !inQueue[v] && comm[v] != best {
					inQueue[v] = true
					queue[(head+count)%n] = v
					count++
				}
			}
		}
		comm[u] = best
		o.tot[best] += ku
		o.size[best]++
	}
	return moved
}

// refine is the refinement phase of Leiden (Algorithm A.2, RefinePartition
// and MergeNodesSubset): inside each community C of comm, starting from
// singletons, every node v that is still a singleton and well connected
// to C (w(v, C−v) ≥ γ k_v (K_C − k_v)/2m), visited in random order, joins
// the refined cluster S ⊆ C, well connected to C in the same sense, of
// largest gain w(v,S) − γ k_v K_S/2m when that gain is ≥ 0. The paper
// draws S with probability ∝ exp(gain/θ); this is its θ → 0 limit (the
// greedy choice, ties to the first cluster met), which keeps the
// guarantee that refined clusters are γ-connected. It returns the
// refined label of every node (a node id of its cluster).
func (o *optimiser) refine(h *csr, comm []int32) []int32 {
	n := h.n()
	o.grow(n)
	ref := make([]int32, n)
	kr := make([]float64, n)   // strength of each refined cluster
	ext := make([]float64, n)  // w(S, C−S) of each refined cluster
	wIn := make([]float64, n)  // w(v, C−v)
	single := make([]bool, n)  // cluster still the singleton {v}
	totC := make([]float64, n) // K_C
	for u := 0; u < n; u++ {
		ref[u] = int32(u)
		kr[u] = h.k[u]
		single[u] = true
		totC[comm[u]] += h.k[u]
		cu := comm[u]
		var s float64
		for i := h.start[u]; i < h.start[u+1]; i++ {
			if comm[h.adj[i]] == cu {
				s += h.w[i]
			}
		}
		wIn[u], ext[u] = s, s
	}
	for _, x := range o.r.permutation(n) {
		u := int(x)
		ku := h.k[u]
		cu := comm[u]
		if !single[u] || ku == 0 || wIn[u] < o.gamma*ku*(totC[cu]-ku)/h.m2 {
			continue
		}
		o.accumulate(h, u, ref, func(v int32) bool { return comm[v] == cu })
		best, bestGain := int32(-1), 0.0
		for _, s := range o.touched {
			if s == ref[u] || ext[s] < o.gamma*kr[s]*(totC[cu]-kr[s])/h.m2 {
				continue
			}
			if g := o.wTo[s] - o.gamma*ku*kr[s]/h.m2; g >= bestGain && (best < 0 || g > bestGain) {
				best, bestGain = s, g
			}
		}
		if best >= 0 {
			ext[best] += wIn[u] - 2*o.wTo[best]
			kr[best] += ku
			kr[u] = 0
			ref[u] = best
			single[u], single[best] = false, false
		}
		o.reset()
	}
	return ref
}

// aggregate returns the graph whose nodes are the clusters of h under
// labels ref (numbered by first appearance in node order), and the
// cluster of every node.
func aggregate(h *csr, ref []int32) (*csr, []int32) {
	n := h.n()
	id := make([]int32, n)
	for i := range id {
		id[i] = -1
	}
	nc := int32(0)
	of := make([]int32, n)
	for u := 0; u < n; u++ {
		r := ref[u]
		if id[r] < 0 {
			id[r] = nc
			nc++
		}
		of[u] = id[r]
	}
	// Members of each cluster, by counting sort.
	mstart := make([]int, nc+1)
	for _, c := range of {
		mstart[c+1]++
	}
	for c := int32(0); c < nc; c++ {
		mstart[c+1] += mstart[c]
	}
	members := make([]int32, n)
	fill := make([]int, nc)
	copy(fill, mstart[:nc])
	for u, c := range of {
		members[fill[c]] = int32(u)
		fill[c]++
	}
	a := &csr{start: make([]int, nc+1), self: make([]float64, nc), k: make([]float64, nc), m2: h.m2}
	a.adj = make([]int32, 0, len(h.adj)/2)
	a.w = make([]float64, 0, len(h.adj)/2)
	wTo := make([]float64, nc)
	seen := make([]bool, nc)
	var touched []int32
	for c := int32(0); c < nc; c++ {
		touched = touched[:0]
		var self, k float64
		for _, u := range members[mstart[c]:mstart[c+1]] {
			self += h.self[u]
			k += h.k[u]
			for i := h.start[u]; i < h.start[u+1]; i++ {
				d := of[h.adj[i]]
				if d == c {
					self += h.w[i]
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				wTo[d] += h.w[i]
			}
		}
		for _, d := range touched {
			a.adj = append(a.adj, d)
			a.w = append(a.w, wTo[d])
			wTo[d], seen[d] = 0, false
		}
		a.start[c+1] = len(a.adj)
		a.self[c], a.k[c] = self, k
	}
	return a, of
}

// optimise runs Leiden (refine true) or Louvain (refine false) on h from
// the partition init (nil: singletons) until a level leaves every
// community a single node, and returns the partition of h's nodes.
func optimise(h *csr, init []int32, gamma float64, r rng, refine bool) []int32 {
	n := h.n()
	labels := make([]int32, n)
	comm := make([]int32, n)
	for u := range labels {
		labels[u] = int32(u)
		comm[u] = int32(u)
		if init != nil {
			comm[u] = init[u]
		}
	}
	o := &optimiser{gamma: gamma, r: r}
	for {
		o.moveNodes(h, comm)
		distinct := 0
		o.grow(h.n())
		for _, c := range comm {
			if !o.seen[c] {
				o.seen[c] = true
				distinct++
			}
		}
		for _, c := range comm {
			o.seen[c] = false
		}
		if distinct == h.n() {
			break
		}
		ref := comm
		if refine {
			ref = o.refine(h, comm)
		}
		a, of := aggregate(h, ref)
		if a.n() == h.n() { // refinement merged nothing: aggregate the communities
			a, of = aggregate(h, comm)
			ref = comm
		}
		next := make([]int32, a.n())
		for u := range of {
			next[of[u]] = comm[u]
		}
		if !refine {
			for c := range next {
				next[c] = int32(c)
			}
		} else {
			// Renumber the communities below a.n(), by first appearance.
			id := make([]int32, h.n())
			for i := range id {
				id[i] = -1
			}
			k := int32(0)
			for c := range next {
				if id[next[c]] < 0 {
					id[next[c]] = k
					k++
				}
				next[c] = id[next[c]]
			}
		}
		for i := range labels {
			labels[i] = of[labels[i]]
		}
		h, comm = a, next
	}
	for i := range labels {
		labels[i] = comm[labels[i]]
	}
	return labels
}
