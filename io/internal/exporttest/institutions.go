package exporttest

import (
	"io"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/table"
)

// InstitutionGraph returns, once per process, the whole-span institution
// graph of coauthnet build's institution benchmark corpus
// (sample.Institutions: 300,000 papers over 50,000 institutions, seed 1;
// 42,972 nodes, 641,526 edges) with the node and edge columns the
// command writes (export.MeasureColumns: intl_rate, first, first_intl;
// lead_source, lead_target), for the writers' benchmarks.
var InstitutionGraph = sync.OnceValues(func() (*graph.Graph, [2][]table.Column) {
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
	return g, [2][]table.Column{
		{table.Floats("intl_rate", rate), table.Floats("first", lead), table.Floats("first_intl", leadIntl)},
		{table.Floats("lead_source", ls), table.Floats("lead_target", lt)},
	}
})

// CountWriter counts the bytes written to it.
type CountWriter struct{ N int64 }

func (w *CountWriter) Write(p []byte) (int, error) { w.N += int64(len(p)); return len(p), nil }

// A Writer is a format's graph writer with its own options type.
type Writer[O any] func(io.Writer, *graph.Graph, O) error

// BenchWrite benchmarks the new writer and the fmt-based reference it
// replaced on the institution graph with opts, each as a sub-benchmark
// (writer=append, writer=reference) writing to a CountWriter; bytes per
// op are the output's size.
func BenchWrite[O any](b *testing.B, opts O, write, reference Writer[O]) {
	g, _ := InstitutionGraph()
	for _, w := range []struct {
		name  string
		write Writer[O]
	}{{"writer=append", write}, {"writer=reference", reference}} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			var cw CountWriter
			for b.Loop() {
				if err := w.write(&cw, g, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(cw.N / int64(b.N))
		})
	}
}
