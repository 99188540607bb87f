package community

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/instgen"
)

// instGraphs are one year (2017) and the whole span (2010–2024) of the
// default institution corpus of internal/instgen: about 16.7k nodes and
// 100k edges, and 52k nodes and 1.09M edges.
var instGraphs = sync.OnceValues(func() (year, span *graph.Graph) {
	s := graph.Yearly(instgen.Papers(instgen.Config{}), graph.Options{Level: graph.Institutions})
	return s.At(2017), s.Range(s.Span())
})

// TestExportInstitutionGraphs writes the benchmark graphs as edge lists
// (0-based node indices, bifrac weight) to $COAUTHNET_EXPORT_DIR, for the
// igraph comparison (testdata/independent/communities_igraph.py), and
// the corpus itself as institutions.jsonl, for timing the command. It is
// skipped otherwise.
func TestExportInstitutionGraphs(t *testing.T) {
	dir := os.Getenv("COAUTHNET_EXPORT_DIR")
	if dir == "" {
		t.Skip("COAUTHNET_EXPORT_DIR not set")
	}
	f, err := os.Create(filepath.Join(dir, "institutions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, p := range instgen.Papers(instgen.Config{}) {
		enc.Encode(p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	year, span := instGraphs()
	for name, g := range map[string]*graph.Graph{"year": year, "span": span} {
		f, err := os.Create(filepath.Join(dir, "institutions-"+name+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		fmt.Fprintf(w, "# %d nodes %d edges\n", g.Len(), g.NumEdges())
		for e := range g.Edges() {
			w.WriteString(strconv.Itoa(e.From) + "\t" + strconv.Itoa(e.To) + "\t" + strconv.FormatFloat(e.W[graph.BiFrac], 'g', -1, 64) + "\n")
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		t.Logf("%s: %d nodes, %d edges", name, g.Len(), g.NumEdges())
	}
}

// BenchmarkCommunities times Detect on the institution graphs (bifrac,
// resolution 1, seed 1), from the graph to the numbered partition with
// its modularity, and reports Q, the number of communities and the
// process's CPU time per operation (steadier than wall time on a shared
// machine).
func BenchmarkCommunities(b *testing.B) {
	year, span := instGraphs()
	for _, c := range []struct {
		name string
		g    *graph.Graph
		alg  Algorithm
		runs int
	}{
		{"year/leiden", year, Leiden, 1},
		{"year/leiden-2runs", year, Leiden, 2},
		{"year/louvain", year, LouvainMethod, 1},
		{"span/leiden", span, Leiden, 1},
		{"span/leiden-2runs", span, Leiden, 2},
		{"span/louvain", span, LouvainMethod, 1},
	} {
		b.Run(c.name, func(b *testing.B) {
			var p *Partition
			cpu := cpuTime()
			for b.Loop() {
				p = Detect(c.g, Options{Counting: graph.BiFrac, Algorithm: c.alg, Iterations: c.runs})
			}
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(p.Modularity(), "Q")
			b.ReportMetric(float64(p.Len()), "communities")
		})
	}
}

// BenchmarkGonumLouvain times gonum's Louvain (community.Modularize, the
// implementation Detect replaced) on the 2017 graph, for the record in
// BENCHMARKS.md; about 20 s an operation: run it with -benchtime 1x.
func BenchmarkGonumLouvain(b *testing.B) {
	year, _ := instGraphs()
	var p *Partition
	cpu := cpuTime()
	for b.Loop() {
		p = gonumLouvain(year, graph.BiFrac, 1, 1)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(p.Modularity(), "Q")
}
