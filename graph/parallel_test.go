package graph

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/coauthnet/coauthnet/internal/sample"
)

// TestCountingIndependentOfGOMAXPROCS: the years' sums are updated by
// several goroutines, each year by one in input order, so a Series is
// the same, bit for bit, for any GOMAXPROCS — here 1 (the serial path),
// 2 and 5 — with every option that adds per-year state (impact sums,
// leadership by corresponding author); and so is the whole-span graph.
func TestCountingIndependentOfGOMAXPROCS(t *testing.T) {
	papers := sample.Generate(sample.Config{Papers: 20_000, Seed: 3})
	papers = append(papers, sample.Institutions(sample.InstitutionsConfig{Papers: 10_000, Institutions: 2_000})...)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, opts := range []Options{
		{Level: Countries, Impact: true, Leader: CorrespondingAuthor},
		{Level: Institutions, KeepUnknown: true},
	} {
		var want *Series
		var wantSpan *Graph
		for _, procs := range []int{1, 2, 5} {
			runtime.GOMAXPROCS(procs)
			s := Yearly(papers, opts)
			span := s.Range(s.Span()) // merged by ranges of nodes on GOMAXPROCS goroutines
			for _, yd := range s.years {
				for i := 1; i < len(yd.edges); i++ {
					if compareEdgeEntry(yd.edges[i-1], yd.edges[i]) >= 0 {
						t.Fatalf("year %d: edges %d and %d not in strictly increasing (a, b) order", yd.year, i-1, i)
					}
				}
			}
			if want == nil {
				want, wantSpan = s, span
				continue
			}
			if !reflect.DeepEqual(s, want) {
				t.Errorf("level %v: GOMAXPROCS=%d gives a different series than 1", opts.Level, procs)
			}
			if !reflect.DeepEqual(span, wantSpan) {
				t.Errorf("level %v: GOMAXPROCS=%d gives a different whole-span graph than 1", opts.Level, procs)
			}
		}
		if want.Stats().Used != len(papers)-want.Stats().NoKnownNode {
			t.Errorf("stats %+v", want.Stats())
		}
	}
}
