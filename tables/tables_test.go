package tables

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
)

// The path-based centralities (betweenness, closeness, harmonic) are
// computed only when asked; without Centrality or Measures the cheap
// ones (metrics.DefaultMeasures) are; the columns follow.
func TestCentralityOnlyWhenAsked(t *testing.T) {
	a := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	ps := []coauthnet.Paper{{ID: "1", Year: 2019, Authors: []coauthnet.Author{a("CN"), a("US")}}}
	g := graph.Yearly(ps, graph.Options{}).At(2019)
	for _, central := range []bool{false, true} {
		tb := Nodes(g, Options{Counting: graph.BiFrac, Centrality: central})
		if has := slices.Contains(tb.Columns, "betweenness"); has != central {
			t.Errorf("Centrality %v: columns %v", central, tb.Columns)
		}
		if !slices.Contains(tb.Columns, "pagerank") {
			t.Errorf("Centrality %v: no pagerank (a default measure) in %v", central, tb.Columns)
		}
		for _, r := range tb.Rows {
			if len(r) != len(tb.Columns) {
				t.Errorf("row %v, columns %v", r, tb.Columns)
			}
		}
	}
	// One paper, one author each: CN-US full 1, bifrac 2·1·1/(2·1) = 1.
	e := Edges(g, Options{Counting: graph.BiFrac})
	if len(e.Rows) != 1 || e.Rows[0][1] != "CN" || e.Rows[0][3] != 1.0 || e.Rows[0][4] != 1.0 {
		t.Errorf("edges %v", e.Rows)
	}
}

// NaN is written empty in CSV and null in JSON.
func TestWriteNaN(t *testing.T) {
	s := &Sheet{Columns: []string{"a", "b"}, Rows: [][]any{{"x", math.NaN()}}}
	var c, j strings.Builder
	if err := s.Write(&c, "csv"); err != nil {
		t.Fatal(err)
	}
	s.Write(&j, "json")
	if c.String() != "a,b\nx,\n" || !strings.Contains(j.String(), `"b":null`) {
		t.Errorf("csv %q json %q", c.String(), j.String())
	}
	if err := s.Write(&c, "xml"); err == nil {
		t.Error("format xml: no error")
	}
}
