// Package exporttest holds what the tests of the graph exports share:
// small graphs whose labels hold every character that breaks a format,
// and a bridge to networkx as an independent reader.
package exporttest

import (
	"encoding/json"
	"os/exec"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

func inst(id, name, country string) []coauthnet.Affiliation {
	return []coauthnet.Affiliation{{InstitutionID: id, Institution: name, Country: country}}
}

// Labels are the institution names of [Papers]: quotes, commas,
// semicolons, '&', '<', a backslash and non-ASCII letters.
var Labels = []string{
	`Univ "Alpha", Dept; of X`,
	`A&B <Lab> \ Center`,
	`Université Félix Houphouët-Boigny`,
	`Türkiye Bilimler Akademisi`,
	`Institut Pasteur de Côte d'Ivoire`,
}

// Papers are docs/DESIGN.md §11's four papers at institution level over the
// institutions named by [Labels] (ids I1…I5), plus the 2021 paper P5 so
// that a node (I5) and an edge are absent in 2020 (two spells):
//
//	P1 (2019): I1, I1, I2
//	P2 (2019): I1, I2, I3, I3
//	P3 (2020): author 1 in I1 and I4 (dual), author 2 in I2
//	P4 (2020): I2 alone
//	P5 (2021): I5, I1; and P6 (2019): I5, I3
//
// The edge I1–I4 exists in 2020 with bifrac = frac = 0: its only link is
// one author's dual affiliation.
func Papers() []coauthnet.Paper {
	a := func(affs ...[]coauthnet.Affiliation) []coauthnet.Author {
		var as []coauthnet.Author
		for _, af := range affs {
			as = append(as, coauthnet.Author{Affiliations: af})
		}
		return as
	}
	i1, i2 := inst("I1", Labels[0], "US"), inst("I2", Labels[1], "GB")
	i3, i4, i5 := inst("I3", Labels[2], "CI"), inst("I4", Labels[3], "TR"), inst("I5", Labels[4], "CI")
	return []coauthnet.Paper{
		{ID: "P1", Year: 2019, Authors: a(i1, i1, i2)},
		{ID: "P2", Year: 2019, Authors: a(i1, i2, i3, i3)},
		{ID: "P3", Year: 2020, Authors: a(append(append([]coauthnet.Affiliation{}, i1...), i4...), i2)},
		{ID: "P4", Year: 2020, Authors: a(i2)},
		{ID: "P5", Year: 2021, Authors: a(i5, i1)},
		{ID: "P6", Year: 2019, Authors: a(i5, i3)},
	}
}

// Series returns the yearly institution graphs of [Papers].
func Series() *graph.Series {
	return graph.Yearly(Papers(), graph.Options{Level: graph.Institutions})
}

// Graph returns the institution graph of [Papers] over 2019–2021.
func Graph() *graph.Graph {
	s := Series()
	return s.Range(s.Span())
}

// NX is a graph as networkx read it: node attributes by node id, and
// edges with their attributes.
type NX struct {
	Version string
	Graph   map[string]any
	Nodes   map[string]map[string]any
	Edges   []struct {
		U, V string
		D    map[string]any
	}
}

// Networkx reads path with networkx's read_FORMAT (gexf, graphml or
// pajek) and returns what it read. It skips the test when python3 or
// networkx is missing. Lists (dynamic values and spells) come back as
// JSON arrays.
func Networkx(t testing.TB, format, path string) *NX {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("python3 with networkx not available")
	}
	script := `
import json, sys, networkx as nx
g = getattr(nx, "read_" + sys.argv[1])(sys.argv[2])
out = {"version": nx.__version__, "graph": {k: str(v) for k, v in g.graph.items()},
       "nodes": {str(n): d for n, d in g.nodes(data=True)},
       "edges": [{"u": str(u), "v": str(v), "d": d} for u, v, d in g.edges(data=True)]}
json.dump(out, sys.stdout)
`
	out := run(t, py, script, format, path)
	var nx NX
	if err := json.Unmarshal(out, &nx); err != nil {
		t.Fatal(err)
	}
	t.Logf("read by networkx %s", nx.Version)
	return &nx
}

// Edge returns the attributes networkx read for the edge u–v, in either
// direction.
func (nx *NX) Edge(u, v string) (map[string]any, bool) {
	for _, e := range nx.Edges {
		if e.U == u && e.V == v || e.U == v && e.V == u {
			return e.D, true
		}
	}
	return nil, false
}

// IG is a graph as python-igraph read it: vertex attributes in vertex
// order and edges as vertex indices with their attributes.
type IG struct {
	Version  string
	Vertices []map[string]any
	Edges    []struct {
		U, V int
		D    map[string]any
	}
}

// Igraph reads path with python-igraph's Graph.Read(path, format) and
// returns what it read. It skips the test when /usr/bin/python3 has no
// igraph (Debian: apt install python3-igraph).
func Igraph(t testing.TB, format, path string) *IG {
	t.Helper()
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import igraph").Run() != nil {
		t.Skip("python3-igraph not available")
	}
	script := `
import json, sys, igraph
g = igraph.Graph.Read(sys.argv[2], format=sys.argv[1])
out = {"version": igraph.__version__,
       "vertices": [v.attributes() for v in g.vs],
       "edges": [{"u": e.source, "v": e.target, "d": e.attributes()} for e in g.es]}
json.dump(out, sys.stdout)
`
	out := run(t, py, script, format, path)
	var ig IG
	if err := json.Unmarshal(out, &ig); err != nil {
		t.Fatal(err)
	}
	t.Logf("read by python-igraph %s", ig.Version)
	return &ig
}

// TrickyKeys are institution identifiers with the characters that break
// formats keyed by identifier (Pajek, DOT).
var TrickyKeys = []string{`Univ "A", B; <C> & Côte d'Ivoire`, `Türkiye\Ankara`, `plain`}

// TrickyKeyGraph is a triangle over [TrickyKeys] (one paper, three
// authors), at institution level.
func TrickyKeyGraph() *graph.Graph {
	var as []coauthnet.Author
	for _, k := range TrickyKeys {
		as = append(as, coauthnet.Author{Affiliations: inst(k, k+" (name)", "TR")})
	}
	return graph.Build([]coauthnet.Paper{{ID: "P", Year: 2020, Authors: as}}, graph.Options{Level: graph.Institutions})
}

// run runs a Python script and returns its standard output, failing the
// test with its standard error.
func run(t testing.TB, py, script string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(py, append([]string{"-c", script}, args...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("%s: %v\n%s", py, err, ee.Stderr)
		}
		t.Fatal(err)
	}
	return out
}
