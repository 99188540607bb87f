package graphml

import (
	"io"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
)

// BenchmarkWriteInstitutions writes the institution-scale graph
// (exporttest.InstitutionGraph: 42,972 nodes, 641,526 edges, the
// command's columns; 267 MB of GraphML) to a writer that only counts,
// as coauthnet build -o /dev/null does, with Write and with the
// fmt-based writer it replaced (reference); -cpu 1,2 shows the parallel
// formatting of blocks.
func BenchmarkWriteInstitutions(b *testing.B) {
	g, cols := exporttest.InstitutionGraph()
	opts := Options{Nodes: cols[0], Edges: cols[1]}
	for _, w := range []struct {
		name  string
		write func(io.Writer, *graph.Graph, Options) error
	}{{"writer=append", Write}, {"writer=reference", writeReference}} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			var cw exporttest.CountWriter
			for b.Loop() {
				if err := w.write(&cw, g, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(cw.N / int64(b.N))
		})
	}
}
