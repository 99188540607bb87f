package graphml

import (
	"io"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/table"
)

// institutionGraph is the whole-span institution graph of the corpus of
// coauthnet build's institution benchmark (sample.Institutions: 300,000
// papers over 50,000 institutions; 42,972 nodes, 641,526 edges), with
// the node and edge columns the command writes (export.MeasureColumns:
// intl_rate, first, first_intl; lead_source, lead_target).
var institutionGraph = sync.OnceValues(func() (*graph.Graph, Options) {
	c := graph.NewCounter(graph.Options{Level: graph.Institutions})
	gen := sample.NewInstitutions(sample.InstitutionsConfig{Papers: 300_000, Institutions: 50_000, Seed: 1})
	for p, ok := gen.Next(); ok; p, ok = gen.Next() {
		c.Add(&p)
	}
	s := c.Finish()
	g := s.Range(s.Span())
	rate, lead, leadIntl := make([]float64, g.Len()), make([]float64, g.Len()), make([]float64, g.Len())
	for v := range g.Len() {
		nw := g.Node(v)
		rate[v], lead[v], leadIntl[v] = float64(nw.Intl)/float64(nw.Papers), nw.Lead, nw.LeadIntl
	}
	ls, lt := make([]float64, g.NumEdges()), make([]float64, g.NumEdges())
	for i := range g.NumEdges() {
		ls[i], lt[i] = g.Edge(i).Lead[0], g.Edge(i).Lead[1]
	}
	return g, Options{
		Nodes: []Column{table.Floats("intl_rate", rate), table.Floats("first", lead), table.Floats("first_intl", leadIntl)},
		Edges: []Column{table.Floats("lead_source", ls), table.Floats("lead_target", lt)},
	}
})

// countWriter counts the bytes written.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteInstitutions writes the institution-scale graph to a
// writer that only counts (as coauthnet build -o /dev/null), with Write
// and with the fmt-based writer it replaced (reference); -cpu 1,2 shows
// the parallel formatting of blocks.
func BenchmarkWriteInstitutions(b *testing.B) {
	g, opts := institutionGraph()
	for _, w := range []struct {
		name  string
		write func(io.Writer, *graph.Graph, Options) error
	}{{"writer=append", Write}, {"writer=reference", writeReference}} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			var cw countWriter
			for b.Loop() {
				if err := w.write(&cw, g, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(cw.n / int64(b.N))
		})
	}
}
