package graph

import (
	"math/rand/v2"
	"testing"
)

// TestEdgeTable: every pair inserted is found at its index, through
// many doublings; pairs never inserted (including (b, a) of an inserted
// (a, b)) are not found.
func TestEdgeTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var edges edgeBlocks
	var tab edgeTable
	want := map[[2]int32]int32{}
	for range 100_000 {
		a, b := int32(r.IntN(2000)), int32(r.IntN(1<<20))
		if r.IntN(10) == 0 {
			a, b = int32(r.IntN(5)), int32(r.IntN(5)) // many repeats
		}
		ei, slot := tab.find(&edges, a, b)
		w, ok := want[[2]int32{a, b}]
		if ok != (ei >= 0) || ok && ei != w {
			t.Fatalf("(%d, %d): find %d, want %d (present %v)", a, b, ei, w, ok)
		}
		if !ok {
			ei = int32(edges.n)
			edges.add(edgeAcc{a: a, b: b})
			tab.insert(&edges, a, b, ei, slot)
			want[[2]int32{a, b}] = ei
		}
	}
	if tab.n != len(want) || 2*tab.n > len(tab.slots) {
		t.Errorf("%d entries in %d slots, want %d at load ≤ 1/2", tab.n, len(tab.slots), len(want))
	}
	for p, w := range want {
		if ei, _ := tab.find(&edges, p[0], p[1]); ei != w {
			t.Fatalf("%v: %d, want %d", p, ei, w)
		}
		if _, ok := want[[2]int32{p[1], p[0]}]; !ok {
			if ei, _ := tab.find(&edges, p[1], p[0]); ei >= 0 {
				t.Fatalf("reversed %v found at %d", p, ei)
			}
		}
	}
}
