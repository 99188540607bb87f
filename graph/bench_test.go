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

// BenchmarkCounterInstitutions counts an institution-scale corpus
// (internal/sample.NewInstitutions: 100,000 papers over 50,000
// institutions of Zipf sizes, 1–40 authors) with GOMAXPROCS goroutines
// updating the years' sums; run with -cpu 1,2 to see the parallel part.
func BenchmarkCounterInstitutions(b *testing.B) {
	papers := sample.Institutions(sample.InstitutionsConfig{Papers: 100_000, Institutions: 50_000})
	b.ReportAllocs()
	for b.Loop() {
		c := NewCounter(Options{Level: Institutions})
		for i := range papers {
			c.Add(&papers[i])
		}
		s := c.Finish()
		if g := s.Range(s.Span()); g.Len() == 0 {
			b.Fatal("empty")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(papers)), "ns/paper")
}
