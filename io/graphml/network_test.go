package graphml

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/io/table"
)

// flowTables is a directed flow graph of three nodes: CN→US 3 migrants,
// US→CN 1 (and a NaN attribute left out), GB→US 2.
func flowTables() (*table.Table, *table.Table) {
	nodes := &table.Table{
		Columns: []table.Column{
			table.Strings("id", []string{"CN", "GB", "US"}),
			table.Ints("inflow", []int{1, 0, 5}),
			table.Floats("returnee_share", []float64{1, math.NaN(), 0}),
		},
		Meta: []table.Meta{{Key: "level", Value: "country"}, table.MetaInt("authors", 10)},
	}
	edges := &table.Table{Columns: []table.Column{
		table.Strings("source", []string{"CN", "GB", "US"}),
		table.Strings("target", []string{"US", "US", "CN"}),
		table.Ints("migrants", []int{3, 2, 1}),
		table.Floats("weight", []float64{3, 2, 1}),
	}}
	return nodes, edges
}

func TestNetworkGolden(t *testing.T) {
	nodes, edges := flowTables()
	var buf bytes.Buffer
	if err := WriteNetwork(&buf, nodes, edges, true); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/flows.graphml", buf.Bytes())
}

func TestNetworkErrors(t *testing.T) {
	nodes, edges := flowTables()
	bad := &table.Table{Columns: []table.Column{table.Ints("id", []int{1})}}
	if err := WriteNetwork(&bytes.Buffer{}, bad, edges, true); err == nil {
		t.Error("integer node ids accepted")
	}
	if err := WriteNetwork(&bytes.Buffer{}, nodes, &table.Table{Columns: edges.Columns[:1]}, true); err == nil {
		t.Error("edges without target accepted")
	}
	clash := &table.Table{Columns: append(edges.Columns[:2:2], table.Ints("inflow", []int{1, 2, 3}))}
	if err := WriteNetwork(&bytes.Buffer{}, nodes, clash, true); err == nil {
		t.Error("a node and an edge attribute of the same name accepted")
	}
}

// TestNetworkNetworkx reads the file with networkx (skipped without
// python3 and networkx): a DiGraph with 3 nodes and 3 arcs, CN→US
// migrants 3, no returnee_share on GB (NaN).
func TestNetworkNetworkx(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	if exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("no networkx")
	}
	nodes, edges := flowTables()
	path := filepath.Join(t.TempDir(), "f.graphml")
	var buf bytes.Buffer
	if err := WriteNetwork(&buf, nodes, edges, true); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	out, err := exec.Command(py, "-c", `import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges(), g["CN"]["US"]["migrants"], "returnee_share" in g.nodes["GB"], g.graph["authors"])`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "DiGraph 3 3 3 False 10" {
		t.Errorf("networkx: %s", got)
	}
}
