package graph

import (
	"fmt"
	"sync"
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

// institutionSeries is the series of coauthnet build's institution
// benchmark corpus (sample.Institutions: 300,000 papers, 50,000
// institutions, seed 1).
var institutionSeries = sync.OnceValue(func() *Series {
	c := NewCounter(Options{Level: Institutions})
	gen := sample.NewInstitutions(sample.InstitutionsConfig{Papers: 300_000, Institutions: 50_000, Seed: 1})
	for p, ok := gen.Next(); ok; p, ok = gen.Next() {
		c.Add(&p)
	}
	return c.Finish()
})

// BenchmarkRangeInstitutions makes the whole-span graph of the
// institution-scale series (20 years; 42,972 nodes, 641,526 edges) with
// Range, and merges its edges with the plain merge Range used before
// (merge=reference, no graph built); -cpu 1,2 shows the parallel merge.
func BenchmarkRangeInstitutions(b *testing.B) {
	s := institutionSeries()
	b.Run("range", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if g := s.Range(s.Span()); g.NumEdges() != 641_526 {
				b.Fatalf("%d edges", g.NumEdges())
			}
		}
	})
	local := make([]int, len(s.keys))
	for i := range local {
		local[i] = i
	}
	b.Run("merge=new", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mergeEdges(s.years, local)
		}
	})
	b.Run("merge=reference", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			mergeEdgesReference(s.years)
		}
	})
}
