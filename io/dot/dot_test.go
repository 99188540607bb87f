package dot

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	gdot "gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

func TestGolden(t *testing.T) {
	g := exporttest.Graph()
	var buf bytes.Buffer
	lead := make([]float64, g.NumEdges())
	for i := range lead {
		lead[i] = g.Edge(i).Lead[0]
	}
	err := Write(&buf, g, Options{Nodes: []table.Column{table.Strings("note", exporttest.Labels)},
		Edges: []table.Column{table.Floats("lead_source", lead)},
		Meta:  []table.Meta{{Key: "source", Value: `exporttest "Papers"`}}})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tricky.dot", buf.Bytes())
}

// Decoding with gonum's DOT reader.

type dnode struct {
	simple.Node
	id    string
	attrs map[string]string
}

func (n *dnode) SetDOTID(id string) { n.id = id }
func (n *dnode) SetAttribute(a encoding.Attribute) error {
	n.attrs[a.Key] = a.Value
	return nil
}

type dedge struct {
	simple.WeightedEdge
	attrs map[string]string
}

func (e *dedge) SetAttribute(a encoding.Attribute) error {
	e.attrs[a.Key] = a.Value
	return nil
}

type dgraph struct{ *simple.UndirectedGraph }

func (g dgraph) NewNode() gg.Node {
	return &dnode{Node: simple.Node(g.UndirectedGraph.NewNode().ID()), attrs: map[string]string{}}
}

func (g dgraph) NewEdge(from, to gg.Node) gg.Edge {
	return &dedge{WeightedEdge: simple.WeightedEdge{F: from, T: to}, attrs: map[string]string{}}
}

// TestGonumReads reads the file back with gonum's DOT decoder: every
// key and label (quotes, backslashes, commas, semicolons, '&', '<',
// non-ASCII) and every weight come back exactly.
func TestGonumReads(t *testing.T) {
	for _, g := range []*graph.Graph{exporttest.Graph(), exporttest.TrickyKeyGraph()} {
		var buf bytes.Buffer
		if err := Write(&buf, g, Options{}); err != nil {
			t.Fatal(err)
		}
		dst := dgraph{simple.NewUndirectedGraph()}
		if err := gdot.Unmarshal(buf.Bytes(), dst); err != nil {
			t.Fatalf("%v\n%s", err, buf.Bytes())
		}
		byKey := map[string]*dnode{}
		for it := dst.Nodes(); it.Next(); {
			n := it.Node().(*dnode)
			byKey[n.id] = n
		}
		if len(byKey) != g.Len() {
			t.Fatalf("read %d nodes, want %d", len(byKey), g.Len())
		}
		for v := 0; v < g.Len(); v++ {
			n := byKey[strings.ReplaceAll(g.Label(v), `\`, "/")]
			if n == nil {
				t.Fatalf("node %q not read back; have %v", g.Label(v), byKey)
			}
			if n.attrs["label"] != g.Name(v) || n.attrs["papers"] != strconv.Itoa(g.Node(v).Papers) {
				t.Errorf("node %q: %v, want label %q", g.Label(v), n.attrs, g.Name(v))
			}
		}
		for e := range g.Edges() {
			key := func(v int) string { return strings.ReplaceAll(g.Label(v), `\`, "/") }
			de := dst.Edge(byKey[key(e.From)].ID(), byKey[key(e.To)].ID())
			if de == nil {
				t.Fatalf("edge %s-%s not read back", g.Label(e.From), g.Label(e.To))
			}
			for _, c := range graph.Countings {
				f, err := strconv.ParseFloat(de.(*dedge).attrs[c.String()], 64)
				if err != nil || f != e.W[c] {
					t.Errorf("edge %s-%s %s = %v, want %v", g.Label(e.From), g.Label(e.To), c, f, e.W[c])
				}
			}
		}
	}
}

// TestGraphviz lays the file out with Graphviz's dot, when installed.
func TestGraphviz(t *testing.T) {
	bin, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed")
	}
	path := filepath.Join(t.TempDir(), "g.dot")
	var buf bytes.Buffer
	if err := Write(&buf, exporttest.TrickyKeyGraph(), Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	out, err := exec.Command(bin, "-Tjson", path).Output()
	if err != nil {
		t.Fatalf("dot -Tjson: %v", err)
	}
	var doc struct {
		Objects []struct{ Name, Label string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	g := exporttest.TrickyKeyGraph()
	if len(doc.Objects) != g.Len() {
		t.Fatalf("Graphviz read %d nodes, want %d", len(doc.Objects), g.Len())
	}
	for v, o := range doc.Objects {
		// Graphviz reports the label as its escString: \\ for one backslash.
		key := strings.ReplaceAll(g.Label(v), `\`, "/")
		if o.Name != key || strings.ReplaceAll(o.Label, `\\`, `\`) != g.Name(v) {
			t.Errorf("Graphviz node %q label %q, want %q %q", o.Name, o.Label, g.Label(v), g.Name(v))
		}
	}
}
