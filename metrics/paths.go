package metrics

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/coauthnet/coauthnet/graph"
)

// PathOptions configure [Paths].
type PathOptions struct {
	Counting graph.Counting // weight whose inverse is the edge length
	// Pivots, when positive and below the number of nodes, estimates
	// betweenness from that many source nodes drawn with Seed (Brandes &
	// Pich 2007, doi:10.1142/S0218127407018403), scaled by n/Pivots;
	// [BetweennessBound] gives its error. Closeness and harmonic are
	// then left as NaN. 0 means exact.
	Pivots int
	Seed   uint64
	// Workers is the number of goroutines sharing the sources; 0 means
	// runtime.GOMAXPROCS(0). The result does not depend on it (see
	// [Paths]).
	Workers int
}

// sourceBlock is the number of sources whose dependencies one worker
// sums into one partial betweenness vector; partials are added in block
// order. It is a constant, so that the order of every floating-point sum,
// and hence every bit of the result, is the same for any number of
// workers; a graph of at most sourceBlock sources is summed exactly as by
// a single serial pass.
const sourceBlock = 16

// Paths returns betweenness, closeness and harmonic centrality of every
// node (package doc) from one weighted Brandes pass: a Dijkstra from
// every source with path counting, then dependency accumulation
// (Brandes 2001, doi:10.1080/0022250X.2001.9990249). Edge length is
// 1/weight; edges of weight 0 are not paths. Equal path lengths are
// compared exactly, as networkx does.
//
// Sources are cut into blocks of 16, in order; workers take blocks in
// turn, each block's dependencies are summed into its own vector in
// source order, and the vectors are added to the result in block order
// as they complete (a completed block waits for the ones before it).
// So the output is bit-identical for any Workers, and the extra memory
// is O(n) per block in flight.
//
// gonum computes these through all-pairs tables (O(n²) memory); at 250
// nodes and 30,000 edges that took 3.4 s and 2.5 GB for betweenness
// alone (BENCHMARKS.md). This pass is O(n(m + n log n)) time and O(n + m)
// memory per worker.
func Paths(g *graph.Graph, o PathOptions) (betweenness, closeness, harmonic []float64) {
	n := g.Len()
	betweenness, closeness, harmonic = make([]float64, n), make([]float64, n), make([]float64, n)
	if n == 0 {
		return
	}
	// Adjacency with lengths, in neighbour order.
	start := make([]int, n+1)
	var nbr []int32
	var length []float64
	for u := 0; u < n; u++ {
		for v, w := range g.From(u) {
			if w[o.Counting] > 0 {
				nbr = append(nbr, int32(v))
				length = append(length, 1/w[o.Counting])
			}
		}
		start[u+1] = len(nbr)
	}
	sources := make([]int, n)
	for i := range sources {
		sources[i] = i
	}
	exact := o.Pivots <= 0 || o.Pivots >= n
	if !exact {
		rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x5851f42d4c957f2d))
		rng.Shuffle(n, func(i, j int) { sources[i], sources[j] = sources[j], sources[i] })
		sources = sources[:o.Pivots]
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	blocks := (len(sources) + sourceBlock - 1) / sourceBlock
	workers = max(1, min(workers, blocks))

	var (
		mu      sync.Mutex
		next    int                   // next block to hand out
		merged  int                   // blocks added to betweenness so far
		pending = map[int][]float64{} // completed blocks waiting for earlier ones
		free    [][]float64           // partial vectors to reuse
		wg      sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bs := newBrandes(n)
			for {
				mu.Lock()
				b := next
				next++
				var part []float64
				if len(free) > 0 {
					part, free = free[len(free)-1], free[:len(free)-1]
				}
				mu.Unlock()
				if b >= blocks {
					return
				}
				if part == nil {
					part = make([]float64, n)
				} else {
					clear(part)
				}
				for _, s := range sources[b*sourceBlock : min(len(sources), (b+1)*sourceBlock)] {
					bs.run(s, start, nbr, length, part)
					if exact {
						closeness[s], harmonic[s] = bs.closeness(n)
					}
				}
				mu.Lock()
				pending[b] = part
				for {
					p, ok := pending[merged]
					if !ok {
						break
					}
					delete(pending, merged)
					for i, x := range p {
						betweenness[i] += x
					}
					free = append(free, p)
					merged++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	// Ordered pairs were counted twice; normalise by (n−1)(n−2) (package doc).
	scale := 0.0
	if n > 2 {
		scale = 1 / float64((n-1)*(n-2))
	}
	if !exact {
		scale *= float64(n) / float64(len(sources))
		for i := range closeness {
			closeness[i], harmonic[i] = math.NaN(), math.NaN()
		}
	}
	for i := range betweenness {
		betweenness[i] *= scale
	}
	return
}

// BetweennessBound is the error bound of betweenness estimated from k of
// n sources drawn without replacement ([PathOptions].Pivots): with
// probability at least 1 − delta, the estimate of one node's normalised
// betweenness is within
//
//	ε = n/(n−1) · sqrt(ln(2/delta) / 2k)
//
// of the exact value. The estimate is the mean of k draws of
// X = n·δ_s(v)/((n−1)(n−2)), where δ_s(v) = Σ_t σ_st(v)/σ_st ≤ n−2 is the
// dependency of source s on v, so X ∈ [0, n/(n−1)], and Hoeffding's
// inequality holds for sampling without replacement (Hoeffding 1963,
// doi:10.1080/01621459.1963.10500830, Theorem 1 and section 6); Brandes
// & Pich 2007 (doi:10.1142/S0218127407018403) use the same argument after
// Eppstein & Wang. For all n nodes at once, use delta/n. It returns 0
// when k ≥ n (exact).
func BetweennessBound(n, k int, delta float64) float64 {
	if k >= n || n < 3 {
		return 0
	}
	return float64(n) / float64(n-1) * math.Sqrt(math.Log(2/delta)/(2*float64(k)))
}

// brandes is the per-worker state of one single-source pass.
type brandes struct {
	dist, sigma, delta []float64
	done               []bool
	order              []int32 // nodes in the order they were settled
	predStart, predEnd []int32 // predecessors of v: preds[predStart[v]:predEnd[v]]
	preds              []int32
	h                  minHeap
}

func newBrandes(n int) *brandes {
	b := &brandes{dist: make([]float64, n), sigma: make([]float64, n), delta: make([]float64, n),
		done: make([]bool, n), predStart: make([]int32, n), predEnd: make([]int32, n)}
	for i := range b.dist {
		b.dist[i] = math.Inf(1)
	}
	return b
}

// run is one Dijkstra from s with path counting, then the dependency
// accumulation into part (part[w] += δ_s(w) for w ≠ s), in the order
// the nodes were settled, reversed.
func (b *brandes) run(s int, start []int, nbr []int32, length []float64, part []float64) {
	// Reset what the previous source touched.
	for _, v := range b.order {
		b.dist[v], b.sigma[v], b.delta[v], b.done[v] = math.Inf(1), 0, 0, false
	}
	for _, it := range b.h.items {
		b.dist[it.node] = math.Inf(1)
	}
	b.order = b.order[:0]
	b.preds = b.preds[:0]
	b.h.items = b.h.items[:0]
	b.dist[s], b.sigma[s] = 0, 1
	b.h.push(item{0, int32(s)})
	// Predecessor lists are rebuilt when a node's distance improves,
	// so they are kept per node in a growing slice; stale parts are
	// simply abandoned.
	for len(b.h.items) > 0 {
		it := b.h.pop()
		v := it.node
		if b.done[v] || it.dist > b.dist[v] {
			continue
		}
		b.done[v] = true
		b.order = append(b.order, v)
		for k := start[v]; k < start[v+1]; k++ {
			w := nbr[k]
			if b.done[w] {
				continue
			}
			alt := b.dist[v] + length[k]
			switch {
			case alt < b.dist[w]:
				b.dist[w] = alt
				b.sigma[w] = b.sigma[v]
				b.predStart[w] = int32(len(b.preds))
				b.preds = append(b.preds, v)
				b.predEnd[w] = int32(len(b.preds))
				b.h.push(item{alt, w})
			case alt == b.dist[w]:
				b.sigma[w] += b.sigma[v]
				if int(b.predEnd[w]) != len(b.preds) { // move the list to the end to extend it
					b.preds = append(b.preds, b.preds[b.predStart[w]:b.predEnd[w]]...)
					b.predStart[w] = int32(len(b.preds)) - (b.predEnd[w] - b.predStart[w])
				}
				b.preds = append(b.preds, v)
				b.predEnd[w] = int32(len(b.preds))
			}
		}
	}
	for i := len(b.order) - 1; i >= 0; i-- {
		w := b.order[i]
		for _, v := range b.preds[b.predStart[w]:b.predEnd[w]] {
			b.delta[v] += b.sigma[v] / b.sigma[w] * (1 + b.delta[w])
		}
		if int(w) != s {
			part[w] += b.delta[w]
		}
	}
}

// closeness returns the Wasserman–Faust closeness and the harmonic
// centrality of the last source run.
func (b *brandes) closeness(n int) (cl, hm float64) {
	var sum float64
	for _, v := range b.order[1:] {
		sum += b.dist[v]
		hm += 1 / b.dist[v]
	}
	if r := float64(len(b.order) - 1); sum > 0 && n > 1 {
		cl = r / sum * r / float64(n-1)
	}
	return cl, hm
}

type item struct {
	dist float64
	node int32
}

// minHeap is a binary heap ordered by distance, then node index, so that
// the order nodes are settled in, and hence every sum, is the same on
// every run. (No two items are equal: a node is pushed again only with a
// strictly smaller distance.)
type minHeap struct{ items []item }

func (h *minHeap) less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	return a.dist < b.dist || (a.dist == b.dist && a.node < b.node)
}

func (h *minHeap) push(x item) {
	h.items = append(h.items, x)
	for i := len(h.items) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

func (h *minHeap) pop() item {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.less(l, m) {
			m = l
		}
		if r < last && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
	return top
}
