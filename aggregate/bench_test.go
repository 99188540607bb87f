package aggregate

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
)

// BenchmarkMerge merges 7 partial aggregates of 20,000 generated papers
// each (140,000 in all), written and read back as files, at both levels;
// it reports the rows of the merged aggregate.
func BenchmarkMerge(b *testing.B) {
	ps := corpus(7, 140_000)
	for _, level := range []graph.Level{graph.Countries, graph.Institutions} {
		opts := Options{Graph: graph.Options{Level: level}}
		var parts []*Aggregate
		var size int
		for k := range 7 {
			var idx []int
			for i := k; i < len(ps); i += 7 {
				idx = append(idx, i)
			}
			a, raw := roundTrip(b, count(b, ps, opts, idx))
			parts = append(parts, a)
			size += len(raw)
		}
		b.Run(fmt.Sprintf("level=%s/read+merge+write", level), func(b *testing.B) {
			var out bytes.Buffer
			raws := make([][]byte, len(parts))
			for i, p := range parts {
				raws[i] = encode(b, p)
			}
			b.SetBytes(int64(size))
			b.ResetTimer()
			for range b.N {
				var rs []*Aggregate
				for _, r := range raws {
					a, err := Read(bytes.NewReader(r), int64(len(r)))
					if err != nil {
						b.Fatal(err)
					}
					rs = append(rs, a)
				}
				m, err := Merge(rs...)
				if err != nil {
					b.Fatal(err)
				}
				out.Reset()
				if err := m.Write(&out); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len()), "bytes-out")
		})
	}
}
