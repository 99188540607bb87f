package pajek

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

func TestGolden(t *testing.T) {
	g := exporttest.Graph()
	x, y := make([]float64, g.Len()), make([]float64, g.Len())
	for v := range x {
		x[v], y[v] = float64(v), float64(v*v)
	}
	var buf bytes.Buffer
	if err := Write(&buf, g, Options{Counting: graph.BiFrac, X: x, Y: y, Meta: []table.Meta{{Key: "source", Value: "exporttest\nPapers"}}}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tricky.net", buf.Bytes())
	buf.Reset()
	if err := WriteClusters(&buf, []int{1, 2, 2, 1, 3}, []string{"partner", "competitor", "hedger"}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tricky.clu", buf.Bytes())
}

// pajekKey is the documented replacement of a key in a Pajek label.
func pajekKey(k string) string {
	return strings.NewReplacer(`"`, "'", `\`, "/").Replace(k)
}

func write(t *testing.T, g *graph.Graph, c graph.Counting) string {
	path := filepath.Join(t.TempDir(), "g.net")
	f, _ := os.Create(path)
	if err := Write(f, g, Options{Counting: c}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func TestNetworkx(t *testing.T) {
	for _, g := range []*graph.Graph{exporttest.Graph(), exporttest.TrickyKeyGraph()} {
		nx := exporttest.Networkx(t, "pajek", write(t, g, graph.Frac))
		if len(nx.Nodes) != g.Len() || len(nx.Edges) != g.NumEdges() {
			t.Fatalf("networkx read %d nodes %d edges, want %d %d", len(nx.Nodes), len(nx.Edges), g.Len(), g.NumEdges())
		}
		for e := range g.Edges() {
			u, v := pajekKey(g.Label(e.From)), pajekKey(g.Label(e.To))
			d, ok := nx.Edge(u, v)
			if !ok {
				t.Fatalf("edge %s-%s missing; nodes %v", u, v, nx.Nodes)
			}
			if d["weight"] != e.W[graph.Frac] {
				t.Errorf("edge %s-%s weight %v, want %v", u, v, d["weight"], e.W[graph.Frac])
			}
		}
	}
}

func TestIgraph(t *testing.T) {
	for _, g := range []*graph.Graph{exporttest.Graph(), exporttest.TrickyKeyGraph()} {
		ig := exporttest.Igraph(t, "pajek", write(t, g, graph.BiFrac))
		if len(ig.Vertices) != g.Len() || len(ig.Edges) != g.NumEdges() {
			t.Fatalf("igraph read %d vertices %d edges, want %d %d", len(ig.Vertices), len(ig.Edges), g.Len(), g.NumEdges())
		}
		for v, a := range ig.Vertices {
			if a["id"] != pajekKey(g.Label(v)) {
				t.Errorf("vertex %d id %q, want %q", v, a["id"], pajekKey(g.Label(v)))
			}
		}
		for i, e := range ig.Edges {
			want := g.Edge(i)
			if e.U != want.From || e.V != want.To || e.D["weight"] != want.W[graph.BiFrac] {
				t.Errorf("edge %d = %d-%d %v, want %d-%d %v", i, e.U, e.V, e.D["weight"], want.From, want.To, want.W[graph.BiFrac])
			}
		}
	}
}

func TestPositions(t *testing.T) {
	g := exporttest.Graph()
	if err := Write(new(bytes.Buffer), g, Options{X: []float64{1}, Y: []float64{1}}); err == nil {
		t.Error("positions for 1 node: no error")
	}
}
