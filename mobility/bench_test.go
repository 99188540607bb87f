package mobility

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"github.com/coauthnet/coauthnet"
)

// benchPapers calls f with n papers of 5 authors each drawn from m
// author ids (a multiplicative hash of the slot, so every author has
// about 5n/m papers over 25 years). An author's home is one of 40
// countries; one author in ten moves to another in a year of its own;
// one paper in twenty of an author carries a second country. One
// Paper value is reused: the papers are not kept.
func benchPapers(n, m int, f func(*coauthnet.Paper)) {
	countries := make([]string, 40)
	for i := range countries {
		countries[i] = string(rune('A'+i/26)) + string(rune('A'+i%26))
	}
	ids := make([]string, m)
	for i := range ids {
		ids[i] = "A" + strconv.Itoa(i)
	}
	cites := 0
	p := coauthnet.Paper{Citations: &cites, Authors: make([]coauthnet.Author, 5)}
	affs := make([]coauthnet.Affiliation, 10)
	for i := 0; i < n; i++ {
		p.ID = "W" + strconv.Itoa(i)
		p.Year = 2000 + i%25
		cites = i % 50
		for j := 0; j < 5; j++ {
			a := int((uint64(i*5+j) * 0x9e3779b97f4a7c15) % uint64(m))
			home := a % 40
			if a%10 == 0 && p.Year >= 2000+a%25 {
				home = (home + 7) % 40
			}
			af := affs[2*j : 2*j+1]
			af[0] = coauthnet.Affiliation{Institution: "U" + countries[home], Country: countries[home]}
			if (i+j)%20 == 0 {
				af = affs[2*j : 2*j+2]
				af[1] = coauthnet.Affiliation{Institution: "V", Country: countries[(home+3)%40]}
			}
			p.Authors[j] = coauthnet.Author{ID: ids[a], Affiliations: af}
		}
		f(&p)
	}
}

// BenchmarkCareers adds n papers by m authors and classifies every
// career (country level, DefaultOptions). heap-MB is the live heap
// after Analyze (careers and result), measured once.
func BenchmarkCareers(b *testing.B) {
	for _, size := range []struct{ n, m int }{{100_000, 100_000}, {1_000_000, 1_000_000}} {
		b.Run(fmt.Sprintf("papers=%d/authors=%d", size.n, size.m), func(b *testing.B) {
			b.ReportAllocs()
			var heap float64
			for b.Loop() {
				c := NewCareers()
				benchPapers(size.n, size.m, c.Add)
				r := c.Analyze(DefaultOptions)
				if len(r.Authors) == 0 {
					b.Fatal("no authors")
				}
				if heap == 0 {
					runtime.GC()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					heap = float64(ms.HeapAlloc) / 1e6
					runtime.KeepAlive(r)
					runtime.KeepAlive(c)
				}
			}
			b.ReportMetric(heap, "heap-MB")
		})
	}
}

// BenchmarkFlows aggregates the moves of 1M papers / 1M authors.
func BenchmarkFlows(b *testing.B) {
	c := NewCareers()
	benchPapers(1_000_000, 1_000_000, c.Add)
	r := c.Analyze(DefaultOptions)
	b.ReportAllocs()
	for b.Loop() {
		r.Flows()
		r.NodeFlows()
		r.Retention()
		r.ImpactFlows(r.ImpactQuantiles(4, CNCI))
	}
}
