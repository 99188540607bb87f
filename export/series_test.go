package export_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/export"
	"github.com/coauthnet/coauthnet/graph"
)

// TestWriteSeries writes two yearly graphs of hand-made papers: 2018
// has CN–US (full weight 1), 2019 has CN–US and CN–DE; pruning at full
// weight 2 leaves no edge in either (each edge has weight 1 by hand).
func TestWriteSeries(t *testing.T) {
	one := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	s := graph.Yearly([]coauthnet.Paper{
		{ID: "A", Year: 2018, Authors: []coauthnet.Author{one("CN"), one("US")}},
		{ID: "B", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("US")}},
		{ID: "C", Year: 2019, Authors: []coauthnet.Author{one("CN"), one("DE")}},
	}, graph.Options{})
	files := map[string]string{}
	create := func(path string, write func(io.Writer) error) error {
		var b bytes.Buffer
		err := write(&b)
		files[path] = b.String()
		return err
	}
	o := export.Options{Countings: []graph.Counting{graph.Full}}
	var edges []int
	so := export.SeriesOptions{Periods: s.Periods(true, graph.Period{}),
		Wrote: func(gs []*graph.Graph, _ []string) { edges = append(edges, gs[0].NumEdges()) }}
	if err := export.WriteSeries("graphml", s, "g-{year}.graphml", so, o, create); err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || !strings.Contains(files["g-2018.graphml"], "<graphml") || files["g-2019.graphml"] == "" {
		t.Errorf("files %v, want g-2018.graphml and g-2019.graphml", keys(files))
	}
	if len(edges) != 2 || edges[0] != 1 || edges[1] != 2 {
		t.Errorf("edges per year %v, want [1 2]", edges)
	}
	edges = nil
	so.MinWeight = 2
	if err := export.WriteSeries("graphml", s, "p-{year}.graphml", so, o, create); err != nil || len(edges) != 2 || edges[0]+edges[1] != 0 {
		t.Errorf("pruned at 2: %v, edges %v; want no edge", err, edges)
	}
	so = export.SeriesOptions{Dynamic: true}
	if err := export.WriteSeries("gexf", s, "d.gexf", so, o, create); err == nil {
		t.Error("dynamic file of no period: no error")
	}
	so.Periods = s.Periods(true, graph.Period{})
	if err := export.WriteSeries("gexf", s, "d.gexf", so, o, create); err != nil || !strings.Contains(files["d.gexf"], `mode="dynamic"`) {
		t.Errorf("dynamic: %v, d.gexf without mode=\"dynamic\"", err)
	}
}

func keys(m map[string]string) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	return k
}

// TestWriteSeriesRefusesNothing: no periods, no Create, or a series that
// counted no paper is an error, never a silently empty output.
func TestWriteSeriesRefusesNothing(t *testing.T) {
	one := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	s := graph.Yearly([]coauthnet.Paper{{ID: "A", Year: 2018, Authors: []coauthnet.Author{one("CN"), one("US")}}}, graph.Options{})
	empty := graph.Yearly(nil, graph.Options{})
	wrote := 0
	create := func(string, func(io.Writer) error) error { wrote++; return nil }
	o := export.Options{Countings: []graph.Counting{graph.Full}}
	for name, c := range map[string]struct {
		s      *graph.Series
		so     export.SeriesOptions
		create export.Create
		want   string
	}{
		"no periods": {s, export.SeriesOptions{}, create, "no periods"},
		"no create":  {s, export.SeriesOptions{Periods: s.Periods(false, graph.Period{})}, nil, "no Create"},
		"no paper":   {empty, export.SeriesOptions{Periods: []graph.Period{graph.Year(2018)}}, create, "counted no paper"},
		// Disparity at level 0 would keep no edge (no p-value is below 0).
		"no alpha": {s, export.SeriesOptions{Periods: s.Periods(false, graph.Period{}), Backbone: "disparity"}, create, "alpha 0: want a level between 0 and 1"},
	} {
		if err := export.WriteSeries("graphml", c.s, "g.graphml", c.so, o, c.create); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, c.want)
		}
	}
	if wrote != 0 {
		t.Errorf("%d files written, want none", wrote)
	}
}

// TestSeriesOptionsValidate: each option out of range is named with its
// value, as coauthnet build's flags print it after "--"; an Alpha given
// without the disparity backbone is checked too (never silently unused),
// the zero Alpha only with it.
func TestSeriesOptionsValidate(t *testing.T) {
	for _, c := range []struct {
		so   export.SeriesOptions
		want string // "" for valid
	}{
		{export.SeriesOptions{}, ""},
		{export.SeriesOptions{Backbone: "mst"}, ""},
		{export.SeriesOptions{Backbone: "disparity", Alpha: 0.05}, ""},
		{export.SeriesOptions{Alpha: 0.05, MinWeight: 3}, ""},
		{export.SeriesOptions{Backbone: "foo"}, `export: backbone "foo": want mst or disparity`},
		{export.SeriesOptions{Backbone: "disparity"}, "export: alpha 0: want a level between 0 and 1"},
		{export.SeriesOptions{Backbone: "disparity", Alpha: 1}, "export: alpha 1: want a level between 0 and 1"},
		{export.SeriesOptions{Alpha: 2}, "export: alpha 2: want a level between 0 and 1"},
		{export.SeriesOptions{Alpha: math.NaN()}, "export: alpha NaN: want a level between 0 and 1"},
		{export.SeriesOptions{MinWeight: -1}, "export: min weight -1: want a weight of 0 or more"},
		{export.SeriesOptions{MinWeight: math.Inf(1)}, "export: min weight +Inf: want a weight of 0 or more"},
	} {
		err := c.so.Validate()
		if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && got != c.want {
			t.Errorf("%+v: error %v, want %q", c.so, err, c.want)
		}
	}
}
