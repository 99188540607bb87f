package graph

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
)

// TestKeyTable: keys get ids 0, 1, … in order of first insertion and
// are found again through many doublings, including the empty key, keys
// that are prefixes of one another and non-ASCII keys; absent keys are
// not found.
func TestKeyTable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	tab := newKeyTable()
	want := map[string]int32{}
	var order []string
	for range 200_000 {
		var k string
		switch r.IntN(4) {
		case 0:
			k = "https://ror.org/i" + strconv.Itoa(r.IntN(50_000))
		case 1:
			k = "https://ror.org/i" + strconv.Itoa(r.IntN(50_000))[:1]
		case 2:
			k = "CN:北京 univ " + strconv.Itoa(r.IntN(100))
		default:
			k = ""
		}
		id, slot, tag := tab.find(k)
		w, ok := want[k]
		if ok != (id >= 0) || ok && id != w {
			t.Fatalf("%q: find %d, want %d (present %v)", k, id, w, ok)
		}
		if !ok {
			id = tab.insert(k, slot, tag)
			if int(id) != len(order) {
				t.Fatalf("%q: id %d, want %d (order of insertion)", k, id, len(order))
			}
			want[k] = id
			order = append(order, k)
		}
	}
	if tab.len() != len(want) || 2*tab.len() > len(tab.slots) {
		t.Errorf("%d keys in %d slots, want %d at load ≤ 1/2", tab.len(), len(tab.slots), len(want))
	}
	for i, k := range order {
		if id, _, _ := tab.find(k); int(id) != i {
			t.Fatalf("%q: %d, want %d", k, id, i)
		}
		if id, _, _ := tab.find(k + "x"); id >= 0 && order[id] != k+"x" {
			t.Fatalf("%q found as %q", k+"x", order[id])
		}
	}
}

// BenchmarkKeyTable looks up the institution keys of every affiliation
// of 100,000 papers of the institution-scale sample (sample.Institutions)
// in a keyTable and in the map[string]int32 it replaced, both filled
// as Counter.intern fills them.
func BenchmarkKeyTable(b *testing.B) {
	var keys []string
	for _, p := range sample.Institutions(sample.InstitutionsConfig{Papers: 100_000, Institutions: 50_000}) {
		for _, a := range p.Authors {
			for _, af := range a.Affiliations {
				keys = append(keys, af.InstitutionID)
			}
		}
	}
	b.Run("table=keyTable", func(b *testing.B) {
		for b.Loop() {
			t := newKeyTable()
			for _, k := range keys {
				if id, slot, tag := t.find(k); id < 0 {
					t.insert(k, slot, tag)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(keys)), "ns/key")
	})
	b.Run("table=map", func(b *testing.B) {
		for b.Loop() {
			m := map[string]int32{}
			for _, k := range keys {
				if _, ok := m[k]; !ok {
					m[strings.Clone(k)] = int32(len(m))
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(keys)), "ns/key")
	})
}
