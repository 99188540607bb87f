package graphml

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/internal/sample"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

func aff(c string) []coauthnet.Affiliation { return []coauthnet.Affiliation{{Country: c}} }

// worked is the 2019 part of DESIGN.md §11: P1 CN, CN, US; P2 CN, US, DE, DE.
func worked() *graph.Graph {
	ps := []coauthnet.Paper{
		{ID: "P1", Year: 2019, Authors: []coauthnet.Author{{Affiliations: aff("CN")}, {Affiliations: aff("CN")}, {Affiliations: aff("US")}}},
		{ID: "P2", Year: 2019, Authors: []coauthnet.Author{{Affiliations: aff("CN")}, {Affiliations: aff("US")}, {Affiliations: aff("DE")}, {Affiliations: aff("DE")}}},
	}
	return graph.Build(ps, graph.Options{})
}

func TestGolden(t *testing.T) {
	g := worked()
	var buf bytes.Buffer
	err := Write(&buf, g, Options{
		Nodes: []Column{table.Strings("note", []string{`<&"Côte d'Ivoire">`, "Türkiye", "a,b;c"}), table.Floats("bad", []float64{math.NaN(), math.Inf(1), 0.5})},
		Meta:  []Meta{{Key: "source", Value: "worked example, DESIGN.md §11"}, table.MetaInt("papers_total", 2)},
	})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/worked-2019.graphml", buf.Bytes())
}

// doc is a GraphML decoder for tests, independent of the writer.
type doc struct {
	Keys  []struct{ ID, For, Name, Type string } `xml:"key"`
	Graph struct {
		Data  []data `xml:"data"`
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []data `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []data `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type data struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func get(ds []data, k string) (string, bool) {
	for _, d := range ds {
		if d.Key == k {
			return d.Value, true
		}
	}
	return "", false
}

func TestReadBack(t *testing.T) {
	g := graph.Yearly(sample.Generate(sample.Config{Papers: 2000}), graph.Options{}).At(2019)
	var buf bytes.Buffer
	if err := Write(&buf, g, Options{}); err != nil {
		t.Fatal(err)
	}
	var d doc
	if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Graph.Nodes) != g.Len() || len(d.Graph.Edges) != g.NumEdges() {
		t.Fatalf("read %d nodes %d edges, want %d %d", len(d.Graph.Nodes), len(d.Graph.Edges), g.Len(), g.NumEdges())
	}
	for i, e := range d.Graph.Edges {
		want := g.Edge(i)
		if e.Source != g.Label(want.From) || e.Target != g.Label(want.To) {
			t.Fatalf("edge %d = %s-%s", i, e.Source, e.Target)
		}
		for _, c := range graph.Countings {
			s, _ := get(e.Data, c.String())
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f != want.W[c] {
				t.Errorf("edge %s-%s %s = %q, want %v exactly", e.Source, e.Target, c, s, want.W[c])
			}
		}
		if s, _ := get(e.Data, "weight"); s != strconv.FormatFloat(want.W[graph.BiFrac], 'g', -1, 64) {
			t.Errorf("weight %s is not bifrac", s)
		}
	}
}

// TestNetworkx reads the written file with networkx.read_graphml and
// compares every number. It skips when python3 or networkx is missing.
func TestNetworkx(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("python3 with networkx not available")
	}
	g := graph.Yearly(sample.Generate(sample.Config{Papers: 3000}), graph.Options{}).At(2020)
	path := filepath.Join(t.TempDir(), "g.graphml")
	f, _ := os.Create(path)
	if err := Write(f, g, Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	script := `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
out = {"version": nx.__version__, "graph": g.graph,
       "nodes": {n: d for n, d in g.nodes(data=True)},
       "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}
json.dump(out, sys.stdout)
`
	out, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var nx struct {
		Version string
		Graph   map[string]any
		Nodes   map[string]map[string]any
		Edges   [][3]json.RawMessage
	}
	if err := json.Unmarshal(out, &nx); err != nil {
		t.Fatal(err)
	}
	t.Logf("networkx %s", nx.Version)
	if nx.Graph["level"] != "country" || nx.Graph["years"] != "2020" {
		t.Errorf("graph attributes %v", nx.Graph)
	}
	if len(nx.Nodes) != g.Len() || len(nx.Edges) != g.NumEdges() {
		t.Fatalf("networkx read %d nodes %d edges, want %d %d", len(nx.Nodes), len(nx.Edges), g.Len(), g.NumEdges())
	}
	for v := 0; v < g.Len(); v++ {
		d := nx.Nodes[g.Label(v)]
		if d["label"] != g.Name(v) || d["papers"] != float64(g.Node(v).Papers) || d["output"] != g.Node(v).Output {
			t.Errorf("node %s: networkx %v, want %+v", g.Label(v), d, g.Node(v))
		}
	}
	for _, e := range nx.Edges {
		var u, v string
		var d map[string]float64
		json.Unmarshal(e[0], &u)
		json.Unmarshal(e[1], &v)
		json.Unmarshal(e[2], &d)
		iu, _ := g.Index(u)
		iv, _ := g.Index(v)
		w, ok := g.Between(iu, iv)
		if !ok {
			t.Fatalf("networkx edge %s-%s not in graph", u, v)
		}
		for _, c := range graph.Countings {
			if d[c.String()] != w[c] {
				t.Errorf("edge %s-%s %s: networkx %v, want %v", u, v, c, d[c.String()], w[c])
			}
		}
		if d["weight"] != w[graph.BiFrac] {
			t.Errorf("edge %s-%s weight %v", u, v, d["weight"])
		}
	}
}

// TestNetworkxLabels: labels with quotes, commas, semicolons, '&', '<',
// a backslash and non-ASCII letters, and the zero-weight edge, read back
// by networkx unchanged.
func TestNetworkxLabels(t *testing.T) {
	g := exporttest.Graph()
	path := filepath.Join(t.TempDir(), "g.graphml")
	f, _ := os.Create(path)
	if err := Write(f, g, Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	nx := exporttest.Networkx(t, "graphml", path)
	for v := 0; v < g.Len(); v++ {
		if d := nx.Nodes[g.Label(v)]; d["label"] != g.Name(v) {
			t.Errorf("node %s label %q, want %q", g.Label(v), d["label"], g.Name(v))
		}
	}
	for e := range g.Edges() {
		d, ok := nx.Edge(g.Label(e.From), g.Label(e.To))
		if !ok || d["weight"] != e.W[graph.BiFrac] || d["full"] != e.W[graph.Full] {
			t.Errorf("edge %s-%s: %v, want %v", g.Label(e.From), g.Label(e.To), d, e.W)
		}
	}
}
