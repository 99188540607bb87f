package graph

// An edgeTable maps the node pairs of a year to their edge index in the
// year's edgeBlocks: an open-addressing hash table with linear probing
// that stores, per slot, 1 + the edge index (high 32 bits; 0: empty)
// and the top 32 bits of the pair's hash, which choose the slot (low
// bits), so that growing never reads the edges. The pair itself is read
// from the edge, which the caller updates next anyway, so a slot is 8
// bytes, and a lookup touches one slot and, on a tag match, the edge.
// It replaced a map[uint64]int32 (the largest cost of counting at
// institution level: hashing, probing and growing the map).
//
// The load is at most 1/2; the table doubles when it would exceed that,
// moving every slot to the place its hash gives in the larger table. Indices are assigned by the caller, so the table has no
// effect on the result.
type edgeTable struct {
	slotTable
	n int // occupied slots
}

// hashPair mixes the pair (a, b) (splitmix64's finaliser); its top 32
// bits are the tag, and the top bits of those choose the slot.
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
	tag := uint32(hashPair(a, b) >> 32)
	mask := len(t.slots) - 1
	for i := int(tag >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1, i
		}
		if uint32(s) == tag {
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
		t.grow()
		_, slot = t.find(edges, a, b)
	}
	t.slots[slot] = uint64(ei+1)<<32 | hashPair(a, b)>>32
	t.n++
}

// slotTable is the open-addressing array of edgeTable and keyTable:
// 8-byte slots, 0 when empty, else (index+1)<<32 | a 32-bit hash tag;
// linear probing from slot tag >> shift.
type slotTable struct {
	slots []uint64
	shift uint // 32 − log2(len(slots))
}

// grow doubles the table (16 slots at first), moving each slot by its
// tag; shift is 32 − log2(slots), so that tag >> shift is a slot.
func (t *slotTable) grow() {
	old := t.slots
	size := max(16, 2*len(old))
	t.slots = make([]uint64, size)
	t.shift = 32
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	mask := size - 1
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := int(uint32(s) >> t.shift)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
