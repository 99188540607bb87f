package graph

import (
	"fmt"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
)

// BenchmarkCounter measures counting alone (papers already decoded), per
// paper, and Series + Range over all years.
func BenchmarkCounter(b *testing.B) {
	papers := sample.Generate(sample.Config{Papers: 100_000, Seed: 7})
	for _, level := range []Level{Countries, Institutions} {
		b.Run(fmt.Sprintf("papers=%d/level=%s", len(papers), level), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c := NewCounter(Options{Level: level})
				for i := range papers {
					c.Add(&papers[i])
				}
				s := c.Series()
				if g := s.Range(s.Span()); g.Len() == 0 {
					b.Fatal("empty")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(papers)), "ns/paper")
		})
	}
}
