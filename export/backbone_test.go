package export_test

import (
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
)

func TestFileSafe(t *testing.T) {
	for in, want := range map[string]string{"Plant Sciences": "Plant_Sciences", "(no field)": "no_field",
		"Física/Química": "Física_Química", "a--b": "a--b", "  ": ""} {
		if got := export.FileSafe(in); got != want {
			t.Errorf("FileSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

// A triangle CN–US 2 papers, US–GB 1, CN–GB 1: its maximum spanning tree
// keeps CN–US and one of the two weight-1 edges (2 edges of 3).
func TestBackbone(t *testing.T) {
	paper := func(a, b string) coauthnet.Paper {
		return coauthnet.Paper{Year: 2020, Authors: []coauthnet.Author{{Affiliations: []coauthnet.Affiliation{{Country: a}}},
			{Affiliations: []coauthnet.Affiliation{{Country: b}}}}}
	}
	c := graph.NewCounter(graph.Options{})
	for _, p := range []coauthnet.Paper{paper("CN", "US"), paper("CN", "US"), paper("US", "GB"), paper("CN", "GB")} {
		c.Add(&p)
	}
	g := c.Series().Range(graph.Year(2020))
	mst, meta, err := export.Backbone(g, "mst", graph.Full, 0)
	if err != nil || mst.NumEdges() != 2 || len(meta) != 1 || meta[0].Value != "mst" {
		t.Errorf("mst: %d edges, meta %v, %v; want 2 edges, backbone=mst", mst.NumEdges(), meta, err)
	}
	u, _ := mst.Index("CN")
	v, _ := mst.Index("US")
	if _, ok := mst.Between(u, v); !ok {
		t.Error("the spanning tree lost the heaviest edge CN–US")
	}
	same, meta, err := export.Backbone(g, "", graph.Full, 0)
	if err != nil || same != g || meta != nil {
		t.Errorf(`Backbone "" changed the graph or added %v`, meta)
	}
	if _, meta, _ := export.Backbone(g, "disparity", graph.Full, 0.05); len(meta) != 1 || meta[0].Value != "disparity alpha=0.05" {
		t.Errorf("disparity meta = %v", meta)
	}
	if _, _, err := export.Backbone(g, "tree", graph.Full, 0); err == nil {
		t.Error("an unknown backbone gave no error")
	}
}

func TestAttachParse(t *testing.T) {
	var x export.Attach
	blocs, err := x.Parse(" centrality,,blocs")
	if err != nil || !blocs || !x.Centrality || x.Communities {
		t.Errorf("Parse = %+v, blocs %v, %v", x, blocs, err)
	}
	if _, err := x.Parse("centrality,layout"); err == nil {
		t.Error("an unknown attachment gave no error")
	}
}
