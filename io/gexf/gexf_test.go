package gexf

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

func staticOptions(g *graph.Graph) Options {
	n := g.Len()
	note, bad, x, y := make([]string, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for v := range n {
		note[v] = "note of " + g.Name(v)
		bad[v] = []float64{math.NaN(), math.Inf(1), 0.25, math.Inf(-1), 1}[v%5]
		x[v], y[v] = float64(v), -float64(v)/2
	}
	lead := make([]float64, g.NumEdges())
	for i := range lead {
		lead[i] = g.Edge(i).Lead[0]
	}
	lead[0] = math.NaN() // left out
	return Options{
		Nodes: []table.Column{table.Strings("note", note), table.Floats("bad", bad)},
		Edges: []table.Column{table.Floats("lead_source", lead)},
		Meta:  []table.Meta{{Key: "coauthnet_version", Value: "test"}, {Key: "source", Value: "exporttest.Papers <&>"}},
		X:     x, Y: y,
	}
}

func frames(s *graph.Series) []Frame {
	var fs []Frame
	for _, y := range s.Years() {
		g := s.At(y)
		rank := make([]int, g.Len())
		for v := range rank {
			rank[v] = v + 1
		}
		lead := make([]float64, g.NumEdges())
		for i := range lead {
			lead[i] = g.Edge(i).Lead[0]
		}
		fs = append(fs, Frame{G: g, Nodes: []table.Column{table.Ints("rank", rank)}, Edges: []table.Column{table.Floats("lead_source", lead)}})
	}
	return fs
}

func TestGolden(t *testing.T) {
	g := exporttest.Graph()
	var buf bytes.Buffer
	if err := Write(&buf, g, staticOptions(g)); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tricky.gexf", buf.Bytes())
	buf.Reset()
	if err := WriteDynamic(&buf, frames(exporttest.Series()), Options{Counting: []graph.Counting{graph.Frac, graph.Full}}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tricky-dynamic.gexf", buf.Bytes())
}

func attvalues(av *gexf12.AttValues) map[string][]gexf12.AttValue {
	m := map[string][]gexf12.AttValue{}
	if av != nil {
		for _, a := range av.AttValues {
			m[a.For] = append(m[a.For], a)
		}
	}
	return m
}

// TestGonumReadsStatic reads the file with gonum's gexf12 structs and
// checks labels (every awkward character) and every weight, including
// the explicit weight="0" of the edge I1–I4 (bifrac 0 from one author's
// dual affiliation: exporttest.Papers, P3).
func TestGonumReadsStatic(t *testing.T) {
	g := exporttest.Graph()
	var buf bytes.Buffer
	if err := Write(&buf, g, staticOptions(g)); err != nil {
		t.Fatal(err)
	}
	var d gexf12.Content
	if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Graph.Nodes.Nodes) != g.Len() || len(d.Graph.Edges.Edges) != g.NumEdges() {
		t.Fatalf("read %d nodes %d edges, want %d %d", len(d.Graph.Nodes.Nodes), len(d.Graph.Edges.Edges), g.Len(), g.NumEdges())
	}
	for v, n := range d.Graph.Nodes.Nodes {
		if n.ID != g.Label(v) || n.Label != g.Name(v) {
			t.Errorf("node %d = %q %q, want %q %q", v, n.ID, n.Label, g.Label(v), g.Name(v))
		}
		av := attvalues(n.AttValues)
		if got := av["papers"][0].Value; got != strconv.Itoa(g.Node(v).Papers) {
			t.Errorf("node %s papers %s", n.ID, got)
		}
		if _, ok := av["bad"]; ok != []bool{false, false, true, false, true}[v%5] {
			t.Errorf("node %s: bad written = %v (NaN and Inf must be left out)", n.ID, ok)
		}
	}
	zero := false
	for i, e := range d.Graph.Edges.Edges {
		want := g.Edge(i)
		if e.Source != g.Label(want.From) || e.Target != g.Label(want.To) {
			t.Fatalf("edge %d = %s-%s", i, e.Source, e.Target)
		}
		if e.Weight != want.W[graph.BiFrac] {
			t.Errorf("edge %s-%s weight %v, want bifrac %v", e.Source, e.Target, e.Weight, want.W[graph.BiFrac])
		}
		for _, c := range graph.Countings {
			f, err := strconv.ParseFloat(attvalues(e.AttValues)[c.String()][0].Value, 64)
			if err != nil || f != want.W[c] {
				t.Errorf("edge %s-%s %s = %v, want %v", e.Source, e.Target, c, f, want.W[c])
			}
		}
		if e.Source == "I1" && e.Target == "I4" {
			zero = true
			if !bytes.Contains(buf.Bytes(), []byte(`source="I1" target="I4" weight="0"`)) {
				t.Error(`edge I1-I4 has no explicit weight="0"`)
			}
		}
	}
	if !zero {
		t.Error("no edge I1-I4 in the test graph")
	}
}

// TestGonumReadsDynamic checks spells and per-year values against the
// yearly graphs.
func TestGonumReadsDynamic(t *testing.T) {
	s := exporttest.Series()
	var buf bytes.Buffer
	if err := WriteDynamic(&buf, frames(s), Options{}); err != nil {
		t.Fatal(err)
	}
	var d gexf12.Content
	if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Graph.Mode != "dynamic" || d.Graph.TimeFormat != "integer" || d.Graph.Start != "2019" || d.Graph.End != "2021" {
		t.Errorf("graph mode %q timeformat %q %s-%s", d.Graph.Mode, d.Graph.TimeFormat, d.Graph.Start, d.Graph.End)
	}
	// Hand-derived from exporttest.Papers: I5 is on P6 (2019) and P5
	// (2021), not in 2020: two spells. I1 is on papers in every year.
	spells := map[string]string{}
	for _, n := range d.Graph.Nodes.Nodes {
		var s string
		for _, sp := range n.Spells.Spells {
			s += sp.Start + "-" + sp.End + " "
		}
		spells[n.ID] = s
	}
	for id, want := range map[string]string{"I1": "2019-2021 ", "I5": "2019-2019 2021-2021 ", "I4": "2020-2020 "} {
		if spells[id] != want {
			t.Errorf("node %s spells %q, want %q", id, spells[id], want)
		}
	}
	for _, e := range d.Graph.Edges.Edges {
		av := attvalues(e.AttValues)
		total := 0.0
		for _, y := range s.Years() {
			g := s.At(y)
			u, ok1 := g.Index(e.Source)
			v, ok2 := g.Index(e.Target)
			w, ok := g.Between(u, v)
			present := ok1 && ok2 && ok
			var got *gexf12.AttValue
			for i, a := range av["bifrac"] {
				if a.Start == strconv.Itoa(y) && a.End == a.Start {
					got = &av["bifrac"][i]
				}
			}
			if present != (got != nil) {
				t.Fatalf("edge %s-%s year %d: in graph %v, in file %v", e.Source, e.Target, y, present, got != nil)
			}
			if present {
				// lead_source of the frame: Lead[0] of the edge (source = From).
				for _, a := range av["lead_source"] {
					if a.Start == strconv.Itoa(y) {
						ei, _ := g.EdgeIndex(u, v)
						if f, _ := strconv.ParseFloat(a.Value, 64); f != g.Edge(ei).Lead[0] {
							t.Errorf("edge %s-%s %d lead_source %s, want %v", e.Source, e.Target, y, a.Value, g.Edge(ei).Lead[0])
						}
					}
				}
				total += w[graph.BiFrac]
				if f, _ := strconv.ParseFloat(got.Value, 64); f != w[graph.BiFrac] {
					t.Errorf("edge %s-%s %d bifrac %s, want %v", e.Source, e.Target, y, got.Value, w[graph.BiFrac])
				}
			}
		}
		if math.Abs(e.Weight-total) > 1e-15 {
			t.Errorf("edge %s-%s static weight %v, want the sum %v", e.Source, e.Target, e.Weight, total)
		}
	}
}

func TestNetworkxStatic(t *testing.T) {
	g := exporttest.Graph()
	path := filepath.Join(t.TempDir(), "g.gexf")
	f, _ := os.Create(path)
	if err := Write(f, g, staticOptions(g)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	nx := exporttest.Networkx(t, "gexf", path)
	if len(nx.Nodes) != g.Len() || len(nx.Edges) != g.NumEdges() {
		t.Fatalf("networkx read %d nodes %d edges, want %d %d", len(nx.Nodes), len(nx.Edges), g.Len(), g.NumEdges())
	}
	for v := 0; v < g.Len(); v++ {
		d := nx.Nodes[g.Label(v)]
		if d["label"] != g.Name(v) || d["papers"] != float64(g.Node(v).Papers) || d["output"] != g.Node(v).Output {
			t.Errorf("node %s: networkx %v, want %q %+v", g.Label(v), d, g.Name(v), g.Node(v))
		}
		if d["viz"] == nil {
			t.Errorf("node %s: no viz position", g.Label(v))
		}
	}
	for e := range g.Edges() {
		d, ok := nx.Edge(g.Label(e.From), g.Label(e.To))
		if !ok {
			t.Fatalf("edge %s-%s missing", g.Label(e.From), g.Label(e.To))
		}
		for _, c := range graph.Countings {
			if d[c.String()] != e.W[c] {
				t.Errorf("edge %s-%s %s: networkx %v, want %v", g.Label(e.From), g.Label(e.To), c, d[c.String()], e.W[c])
			}
		}
		if d["weight"] != e.W[graph.BiFrac] {
			t.Errorf("edge %s-%s weight %v, want %v", g.Label(e.From), g.Label(e.To), d["weight"], e.W[graph.BiFrac])
		}
	}
}

func TestNetworkxDynamic(t *testing.T) {
	s := exporttest.Series()
	path := filepath.Join(t.TempDir(), "g.gexf")
	f, _ := os.Create(path)
	if err := WriteDynamic(f, frames(s), Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	nx := exporttest.Networkx(t, "gexf", path)
	if nx.Graph["mode"] != "dynamic" {
		t.Errorf("networkx graph mode %v", nx.Graph["mode"])
	}
	i5 := nx.Nodes["I5"]
	if sp, _ := i5["spells"].([]any); len(sp) != 2 {
		t.Errorf("I5 spells %v, want two", i5["spells"])
	}
	// papers of I1 per year, by hand: 2019 P1, P2 → 2; 2020 P3 → 1; 2021 P5 → 1.
	papers, _ := nx.Nodes["I1"]["papers"].([]any)
	want := map[float64]float64{2019: 2, 2020: 1, 2021: 1}
	if len(papers) != 3 {
		t.Fatalf("I1 papers %v, want three yearly values", papers)
	}
	for _, p := range papers {
		v := p.([]any)
		if v[1] != v[2] || want[v[1].(float64)] != v[0] {
			t.Errorf("I1 papers value %v, want %v", v, want)
		}
	}
}

func TestErrors(t *testing.T) {
	s := exporttest.Series()
	g := s.At(2019)
	var buf bytes.Buffer
	for name, err := range map[string]error{
		"short column":      Write(&buf, g, Options{Nodes: []table.Column{table.Ints("x", []int{1})}}),
		"built-in column":   Write(&buf, g, Options{Nodes: []table.Column{table.Ints("papers", make([]int, g.Len()))}}),
		"positions":         Write(&buf, g, Options{X: []float64{1}, Y: []float64{1}}),
		"short edge column": Write(&buf, g, Options{Edges: []table.Column{table.Ints("x", []int{1})}}),
		"built-in edge":     Write(&buf, g, Options{Edges: []table.Column{table.Ints("weight", make([]int, g.NumEdges()))}}),
		"range frame":       WriteDynamic(&buf, []Frame{{G: s.Range(s.Span())}}, Options{}),
		"decreasing years":  WriteDynamic(&buf, []Frame{{G: s.At(2020)}, {G: s.At(2019)}}, Options{}),
		"no frames":         WriteDynamic(&buf, nil, Options{}),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes before reporting errors", buf.Len())
	}
}
