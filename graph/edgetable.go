package graph

// An edgeTable maps the node pairs of a year to their edge index in the
// year's edgeBlocks: an open-addressing hash table with linear probing
// that stores, per slot, 1 + the edge index (high 32 bits; 0: empty)
// and 32 bits of the pair's hash (low bits). The pair itself is read
// from the edge, which the caller updates next anyway, so a slot is 8
// bytes, and a lookup touches one slot and, on a tag match, the edge.
// It replaced a map[uint64]int32 (the largest cost of counting at
// institution level: hashing, probing and growing the map).
//
// The load is at most 1/2; the table doubles and reinserts every edge
// (in index order, reading the pairs from the edges) when it would
// exceed that. Indices are assigned by the caller, so the table has no
// effect on the result.
type edgeTable struct {
	slots []uint64
	n     int // occupied slots
	shift uint
}

// hashPair mixes the pair (a, b) (splitmix64's finaliser): the high bits
// choose the slot, the low 32 are the tag.
func hashPair(a, b int32) uint64 {
	x := uint64(uint32(a))<<32 | uint64(uint32(b))
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// find returns the index of edge (a, b) in edges, or −1 with the slot
// where it goes.
func (t *edgeTable) find(edges *edgeBlocks, a, b int32) (ei int32, slot int) {
	if len(t.slots) == 0 {
		return -1, -1
	}
	h := hashPair(a, b)
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1, i
		}
		if uint32(s) == uint32(h) {
			ei := int32(s>>32) - 1
			if e := edges.at(ei); e.a == a && e.b == b {
				return ei, i
			}
		}
	}
}

// insert records that edge ei of edges, not in the table, joins (a, b);
// slot is what find returned for it.
func (t *edgeTable) insert(edges *edgeBlocks, a, b, ei int32, slot int) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow(edges)
		_, slot = t.find(edges, a, b)
	}
	t.slots[slot] = uint64(ei+1)<<32 | uint64(uint32(hashPair(a, b)))
	t.n++
}

// grow doubles the table (16 slots at first) and reinserts the edges
// already in it: edges 0, …, t.n−1 (the caller inserts in index order).
func (t *edgeTable) grow(edges *edgeBlocks) {
	size := max(16, 2*len(t.slots))
	t.slots = make([]uint64, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	mask := size - 1
	for ei := range int32(t.n) {
		e := edges.at(ei)
		h := hashPair(e.a, e.b)
		i := int(h >> t.shift)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint64(ei+1)<<32 | uint64(uint32(h))
	}
}
