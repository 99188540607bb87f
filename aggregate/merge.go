package aggregate

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/coauthnet/coauthnet/graph"
)

// Merge adds partial aggregates into one (see the package doc): the
// same flags and level are required, the same input must not appear in
// two partials, and the sums are made in a canonical order of the
// partials, so the result does not depend on the order of parts.
func Merge(parts []*Aggregate) (*Aggregate, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("aggregate: nothing to merge")
	}
	for i, p := range parts[1:] {
		if p.Flags != parts[0].Flags {
			return nil, fmt.Errorf("aggregate: %w: partial 1 has %q, partial %d %q", ErrFlags, parts[0].Flags, i+2, p.Flags)
		}
		if p.Series.Level() != parts[0].Series.Level() {
			return nil, fmt.Errorf("aggregate: %w: partial 1 is at level %v, partial %d at %v", ErrFlags, parts[0].Series.Level(), i+2, p.Series.Level())
		}
	}
	seen := map[string]string{}
	for _, p := range parts {
		for _, in := range p.Summary.Inputs {
			if in.SHA256 == "" {
				continue
			}
			if other, ok := seen[in.SHA256]; ok {
				return nil, fmt.Errorf("aggregate: %w: %s and %s (sha256 %s); split the corpus by paper instead", ErrOverlap, other, in.Name, in.SHA256)
			}
			seen[in.SHA256] = in.Name
		}
	}
	ps := slices.Clone(parts)
	keys := make(map[*Aggregate]string, len(ps))
	for _, p := range ps {
		keys[p] = canonicalKey(p)
	}
	slices.SortStableFunc(ps, func(a, b *Aggregate) int { return cmp.Compare(keys[a], keys[b]) })

	out := &Aggregate{Flags: ps[0].Flags, Program: ps[0].Program, Summary: Summary{Reasons: map[string]int{}}}
	var stats graph.Stats
	sv := reflect.ValueOf(&stats).Elem()
	datas := make([]graph.SeriesData, len(ps))
	allKeys := map[string]bool{}
	for i, p := range ps {
		datas[i] = p.Series.Data()
		pv := reflect.ValueOf(datas[i].Stats)
		for f := 0; f < sv.NumField(); f++ {
			sv.Field(f).SetInt(sv.Field(f).Int() + pv.Field(f).Int())
		}
		out.Summary.Read += p.Summary.Read
		out.Summary.Skipped += p.Summary.Skipped
		out.Summary.Duplicates += p.Summary.Duplicates
		for k, n := range p.Summary.Reasons {
			out.Summary.Reasons[k] += n
		}
		out.Summary.Inputs = append(out.Summary.Inputs, p.Summary.Inputs...)
		for _, ni := range datas[i].Nodes {
			allKeys[ni.Key] = true
		}
	}
	out.Summary.Inputs = sortedInputs(out.Summary.Inputs)

	// Nodes: the union of keys, sorted; name and country from the
	// partial where the node has the most papers.
	merged := graph.SeriesData{Level: ps[0].Series.Level(), Stats: stats}
	sorted := slices.Sorted(maps.Keys(allKeys))
	idx := make(map[string]int32, len(sorted))
	best := make([]int, len(sorted))
	for i, k := range sorted {
		idx[k] = int32(i)
		merged.Nodes = append(merged.Nodes, graph.NodeInfo{Key: k})
		best[i] = -1
	}
	remaps := make([][]int32, len(ps))
	for i, d := range datas {
		remaps[i] = make([]int32, len(d.Nodes))
		papers := make([]int, len(d.Nodes))
		for _, y := range d.Years {
			for _, yn := range y.Nodes {
				papers[yn.Node] += yn.W.Papers
			}
		}
		for j, ni := range d.Nodes {
			g := idx[ni.Key]
			remaps[i][j] = g
			if best[g] < 0 || papers[j] > best[g] {
				best[g] = papers[j]
				merged.Nodes[g].Name, merged.Nodes[g].Country = ni.Name, ni.Country
			}
		}
	}

	// Years: per year, node and edge sums in canonical partial order.
	type edgeSum struct {
		w    graph.Weights
		lead [2]float64
	}
	years := map[int]*struct {
		papers int
		nodes  map[int32]*graph.NodeWeights
		edges  map[uint64]*edgeSum
	}{}
	for i, d := range datas {
		rm := remaps[i]
		for _, y := range d.Years {
			acc := years[y.Year]
			if acc == nil {
				acc = &struct {
					papers int
					nodes  map[int32]*graph.NodeWeights
					edges  map[uint64]*edgeSum
				}{nodes: map[int32]*graph.NodeWeights{}, edges: map[uint64]*edgeSum{}}
				years[y.Year] = acc
			}
			acc.papers += y.Papers
			for _, yn := range y.Nodes {
				g := rm[yn.Node]
				nw := acc.nodes[g]
				if nw == nil {
					nw = &graph.NodeWeights{}
					acc.nodes[g] = nw
				}
				nw.Papers += yn.W.Papers
				nw.Intl += yn.W.Intl
				nw.Output += yn.W.Output
				nw.Domestic += yn.W.Domestic
				nw.Lead += yn.W.Lead
				nw.LeadIntl += yn.W.LeadIntl
			}
			for _, ye := range y.Edges {
				a, b := rm[ye.A], rm[ye.B]
				la, lb := ye.Lead[0], ye.Lead[1]
				if a > b {
					a, b, la, lb = b, a, lb, la
				}
				k := uint64(a)<<32 | uint64(b)
				es := acc.edges[k]
				if es == nil {
					es = &edgeSum{}
					acc.edges[k] = es
				}
				for c := range es.w {
					es.w[c] += ye.W[c]
				}
				es.lead[0] += la
				es.lead[1] += lb
			}
		}
	}
	for _, y := range slices.Sorted(maps.Keys(years)) {
		acc := years[y]
		yd := graph.YearData{Year: y, Papers: acc.papers}
		for _, g := range slices.Sorted(maps.Keys(acc.nodes)) {
			yd.Nodes = append(yd.Nodes, graph.YearNode{Node: g, W: *acc.nodes[g]})
		}
		for _, k := range slices.Sorted(maps.Keys(acc.edges)) {
			es := acc.edges[k]
			yd.Edges = append(yd.Edges, graph.YearEdge{A: int32(k >> 32), B: int32(uint32(k)), W: es.w, Lead: es.lead})
		}
		merged.Years = append(merged.Years, yd)
	}
	s, err := graph.NewSeries(merged)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	out.Series = s
	return out, nil
}

// canonicalKey orders partials for summation: by their inputs (name and
// sha256), then by their counts, so that two partials compare equal only
// when they are the same counting of the same inputs (and then their
// order does not change any sum).
func canonicalKey(a *Aggregate) string {
	var b strings.Builder
	for _, in := range sortedInputs(a.Summary.Inputs) {
		fmt.Fprintf(&b, "%s\x00%s\x00%d\x00", in.Name, in.SHA256, in.Records)
	}
	st := a.Series.Stats()
	fmt.Fprintf(&b, "\x01%+v\x01%d\x01%d", st, a.Series.NumNodes(), len(a.Series.Years()))
	// Last, a digest of every key and weight: partials with the same
	// inputs and counts but different weights still have one order.
	h := sha256.New()
	d := a.Series.Data()
	var word [8]byte
	f := func(x float64) {
		binary.LittleEndian.PutUint64(word[:], math.Float64bits(x))
		h.Write(word[:])
	}
	for _, ni := range d.Nodes {
		h.Write([]byte(ni.Key))
		h.Write([]byte{0})
	}
	for _, y := range d.Years {
		f(float64(y.Year))
		for _, yn := range y.Nodes {
			f(float64(yn.Node))
			f(float64(yn.W.Papers))
			f(yn.W.Output)
			f(yn.W.Domestic)
			f(yn.W.Lead)
		}
		for _, ye := range y.Edges {
			f(float64(ye.A))
			f(float64(ye.B))
			for _, w := range ye.W {
				f(w)
			}
			f(ye.Lead[0])
			f(ye.Lead[1])
		}
	}
	b.Write(h.Sum(nil))
	return b.String()
}
