package graph

import "hash/maphash"

// A keyTable interns node keys: it maps each key to its id, the ids
// numbered 0, 1, … in order of first insertion. It is an open-addressing
// hash table with linear probing whose 8-byte slots hold 1 + the id (high
// 32 bits; 0: empty) and the top 32 bits of the key's hash (a tag, whose
// top bits choose the slot), with the keys themselves back to back in
// one buffer: a lookup touches one slot and, on a tag match, a few bytes
// of a compact buffer. It replaced a map[string]int32, whose lookups (a
// string key compared in the heap for every affiliation of every paper)
// were the largest cost of Counter.Add at institution level.
//
// The load is at most 1/2; the table doubles, moving slots by their tag,
// when it would exceed that. The hash seed is random, but ids depend only
// on the order of insertion.
type keyTable struct {
	slotTable
	keys []byte
	off  []int // key id is keys[off[id]:off[id+1]]
	seed maphash.Seed
}

func newKeyTable() *keyTable {
	return &keyTable{off: []int{0}, seed: maphash.MakeSeed()}
}

// len returns the number of keys.
func (t *keyTable) len() int { return len(t.off) - 1 }

// find returns the id of key, or −1 with the slot where it goes and the
// tag to insert it with.
func (t *keyTable) find(key string) (id int32, slot int, tag uint32) {
	tag = uint32(maphash.String(t.seed, key) >> 32)
	if len(t.slots) == 0 {
		return -1, -1, tag
	}
	mask := len(t.slots) - 1
	for i := int(tag >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1, i, tag
		}
		if uint32(s) == tag {
			id := int32(s>>32) - 1
			if string(t.keys[t.off[id]:t.off[id+1]]) == key {
				return id, i, tag
			}
		}
	}
}

// insert adds key, not in the table, with slot and tag from find, and
// returns its id.
func (t *keyTable) insert(key string, slot int, tag uint32) int32 {
	id := int32(t.len())
	if 2*(id+1) > int32(len(t.slots)) {
		t.grow()
		slot = -1
	}
	if slot < 0 {
		mask := len(t.slots) - 1
		slot = int(tag >> t.shift)
		for t.slots[slot] != 0 {
			slot = (slot + 1) & mask
		}
	}
	t.slots[slot] = uint64(id+1)<<32 | uint64(tag)
	t.keys = append(t.keys, key...)
	t.off = append(t.off, len(t.keys))
	return id
}
