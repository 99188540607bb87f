package vosviewer

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/golden"
	"github.com/coauthnet/coauthnet/io/internal/exporttest"
	"github.com/coauthnet/coauthnet/io/table"
)

func options(g *graph.Graph) Options {
	n := g.Len()
	x, y, score, cl, note := make([]float64, n), make([]float64, n), make([]float64, n), make([]int, n), make([]string, n)
	for v := range n {
		x[v], y[v] = float64(v)/4, -float64(v)
		score[v] = []float64{0.5, math.NaN(), 2}[v%3]
		cl[v] = v % 3 // 0: no cluster
		note[v] = "a<b & c"
	}
	return Options{Counting: graph.BiFrac, Cluster: cl, X: x, Y: y,
		Columns: []table.Column{table.Floats("pagerank", score), table.Strings("bloc", note)}}
}

func TestGolden(t *testing.T) {
	g := exporttest.Graph()
	var m, nw bytes.Buffer
	if err := WriteMap(&m, g, options(g)); err != nil {
		t.Fatal(err)
	}
	if err := WriteNetwork(&nw, g, graph.BiFrac); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/tricky-map.txt", m.Bytes())
	golden.Check(t, "testdata/tricky-network.txt", nw.Bytes())
}

// TestReadBack reads both files as tab-separated values with quoted
// fields (encoding/csv, the reading VOSviewer documents) and checks
// labels, clusters and strengths against the graph.
func TestReadBack(t *testing.T) {
	g := exporttest.Graph()
	opts := options(g)
	var m, nw bytes.Buffer
	if err := WriteMap(&m, g, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteNetwork(&nw, g, graph.BiFrac); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&m)
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], "|")
	if head != "id|label|description|x|y|cluster|weight<Links>|weight<Total link strength>|weight<Documents>|score<pagerank>" {
		t.Errorf("header %s", head)
	}
	// Links and total link strength by hand from exporttest.Papers over
	// 2019-2021 (bifrac): I1 has edges to I2 (4/3), I3 (1/3), I4 (0, left
	// out), I5 (1) → 3 links, strength 8/3.
	for v, row := range rows[1:] {
		if row[0] != strconv.Itoa(v+1) || row[1] != g.Name(v) {
			t.Errorf("row %d: id %s label %q, want %d %q", v, row[0], row[1], v+1, g.Name(v))
		}
		if !strings.HasPrefix(row[2], g.Label(v)+"<br>bloc: a&lt;b &amp; c") {
			t.Errorf("row %d description %q", v, row[2])
		}
		if want := []string{"", "1", "2"}[v%3]; row[5] != want {
			t.Errorf("row %d cluster %q, want %q", v, row[5], want)
		}
		if want := []string{"0.5", "", "2"}[v%3]; row[9] != want {
			t.Errorf("row %d score %q, want %q", v, row[9], want)
		}
	}
	if i1 := rows[1]; i1[6] != "3" || i1[7] != strconv.FormatFloat(4.0/3+1.0/3+1, 'g', -1, 64) {
		t.Errorf("I1 links %s strength %s, want 3 and 8/3", i1[6], i1[7])
	}
	lines := strings.Split(strings.TrimSpace(nw.String()), "\n")
	if len(lines) != g.NumEdges()-1 {
		t.Errorf("network file has %d links, want %d (all edges but I1-I4, strength 0)", len(lines), g.NumEdges()-1)
	}
	total := 0.0
	for _, l := range lines {
		f := strings.Split(l, "\t")
		s, _ := strconv.ParseFloat(f[2], 64)
		total += s
	}
	sum := 0.0
	for e := range g.Edges() {
		sum += e.W[graph.BiFrac]
	}
	if total != sum {
		t.Errorf("network strengths sum to %v, graph to %v", total, sum)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"Türkiye":            "Türkiye",
		"Côte d'Ivoire":      "Côte d'Ivoire",
		"Korea, Republic of": `"Korea, Republic of"`,
		"a;b":                `"a;b"`,
		`Univ "A"`:           `"Univ ""A"""`,
		"tab\there\nnewline": "tab here newline",
		`A&B <Lab>`:          `A&B <Lab>`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestErrors(t *testing.T) {
	g := exporttest.Graph()
	for name, o := range map[string]Options{
		"clusters":       {Cluster: []int{1}},
		"cluster 0-1000": {Cluster: []int{1, 2, 3, 4, 1001}},
		"positions":      {X: []float64{1}, Y: []float64{1}},
		"column":         {Columns: []table.Column{table.Ints("x", []int{1})}},
		"name":           {Columns: []table.Column{table.Ints("a<b", make([]int, g.Len()))}},
	} {
		if err := WriteMap(new(bytes.Buffer), g, o); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
