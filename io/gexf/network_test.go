package gexf

import (
	"bytes"
	"encoding/xml"
	"math"
	"testing"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/io/table"
)

// flowTables: CN→US 3 migrants, GB→US 2, US→CN 1; GB's returnee share
// is NaN (no inflow) and so not written.
func flowTables() (*table.Table, *table.Table) {
	nodes := &table.Table{
		Columns: []table.Column{
			table.Strings("id", []string{"CN", "GB", "US"}),
			table.Ints("inflow", []int{1, 0, 5}),
			table.Floats("returnee_share", []float64{1, math.NaN(), 0}),
		},
		Meta: []table.Meta{{Key: "level", Value: "country"}},
	}
	edges := &table.Table{Columns: []table.Column{
		table.Strings("source", []string{"CN", "GB", "US"}),
		table.Strings("target", []string{"US", "US", "CN"}),
		table.Ints("migrants", []int{3, 2, 1}),
		table.Floats("weight", []float64{3, 2, 1}),
	}}
	return nodes, edges
}

func TestNetwork(t *testing.T) {
	nodes, edges := flowTables()
	var buf bytes.Buffer
	if err := WriteNetwork(&buf, nodes, edges, true); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/flows.gexf", buf.Bytes())
	var d gexf12.Content
	if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Graph.DefaultEdgeType != "directed" || len(d.Graph.Nodes.Nodes) != 3 || len(d.Graph.Edges.Edges) != 3 {
		t.Fatalf("graph %+v", d.Graph)
	}
	e := d.Graph.Edges.Edges[0]
	if e.Source != "CN" || e.Target != "US" || e.Weight != 3 {
		t.Errorf("edge 0: %+v", e)
	}
	if n := d.Graph.Nodes.Nodes[1]; n.AttValues == nil || len(n.AttValues.AttValues) != 1 {
		t.Errorf("GB attvalues %+v (returnee_share NaN must be left out)", n.AttValues)
	}
	if err := WriteNetwork(&bytes.Buffer{}, nodes, &table.Table{Columns: edges.Columns[:1]}, true); err == nil {
		t.Error("edges without target accepted")
	}
}
