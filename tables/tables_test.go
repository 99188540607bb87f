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

// growthSeries is 2018 CN–US ×1; 2019 CN–US ×3 and CN–DE ×1 (two
// authors each), the corpus of TestBetweenText and TestBaseYearNeedsYears.
func growthSeries() *graph.Series {
	a := func(c string) coauthnet.Author {
		return coauthnet.Author{Affiliations: []coauthnet.Affiliation{{Country: c}}}
	}
	ps := []coauthnet.Paper{{ID: "1", Year: 2018, Authors: []coauthnet.Author{a("CN"), a("US")}}}
	for i, other := range []string{"US", "US", "US", "DE"} {
		ps = append(ps, coauthnet.Paper{ID: string(rune('a' + i)), Year: 2019, Authors: []coauthnet.Author{a("CN"), a(other)}})
	}
	return graph.Yearly(ps, graph.Options{})
}

// TestBetweenText: EdgeSeries's and Drift's Between is a
// graph.PeriodPair, set from its text form "P1,P2" as the commands'
// --between does; the zero pair is none. Papers (one author each side):
// 2018 CN–US ×1; 2019 CN–US ×3 and CN–DE ×1. Full weights: CN–US 1 in
// 2018, 3 in 2019, so growth = 3/1 = 3; CN–DE is absent in 2018, so its
// growth is 1/0 = +Inf, written empty (NaN and ±Inf are).
func TestBetweenText(t *testing.T) {
	s := growthSeries()
	var so SeriesOptions
	if err := so.Between.UnmarshalText([]byte("2018,2019")); err != nil {
		t.Fatal(err)
	}
	so.Periods = so.Between[:]
	tb, err := EdgeSeries(s, Options{Counting: graph.Full}, so)
	if err != nil {
		t.Fatal(err)
	}
	growth := slices.Index(tb.Columns, "growth")
	if growth < 0 {
		t.Fatalf("no growth column in %v", tb.Columns)
	}
	got := map[string]string{}
	for _, r := range tb.Rows {
		got[Cell(r[0])+" "+Cell(r[1])+"-"+Cell(r[2])] = Cell(r[growth])
	}
	want := map[string]string{"2018 CN-US": "3", "2019 CN-US": "3", "2019 CN-DE": ""}
	if len(got) != len(want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: growth %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if tb, _ := EdgeSeries(s, Options{Counting: graph.Full}, SeriesOptions{Periods: so.Periods}); slices.Contains(tb.Columns, "growth") {
		t.Errorf("zero Between: columns %v, want no growth", tb.Columns)
	}
	d, err := Drift(s, DriftOptions{Counting: graph.Full, Between: so.Between})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Periods) != 2 || d.Periods[0] != graph.Year(2018) || d.Periods[1] != graph.Year(2019) {
		t.Errorf("drift periods %v, want [2018 2019]", d.Periods)
	}
}

// TestMeasureOptionsValidate: 0 pivots and 0 workers are the defaults
// (exact, one per CPU); a negative count of either is an error.
func TestMeasureOptionsValidate(t *testing.T) {
	for _, c := range []struct {
		o  MeasureOptions
		ok bool
	}{
		{MeasureOptions{}, true},
		{MeasureOptions{Samples: 5, Workers: 2}, true},
		{MeasureOptions{Samples: -1}, false},
		{MeasureOptions{Workers: -1}, false},
	} {
		if err := c.o.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: Validate() = %v, want ok %v", c.o, err, c.ok)
		}
	}
}

// TestBaseYearNeedsYears: BaseYear indexes yearly values, so a period of
// several years is an error (it used to give NaN index cells for every
// edge absent in the base year and a meaningless ratio of a multi-year
// weight to a one-year one for the others). Papers as in
// TestBetweenText: full CN–US weight 1 in 2018, 3 in 2019, so with
// yearly periods and base 2018 the CN–US index is 100 in 2018 and 300 in
// 2019.
func TestBaseYearNeedsYears(t *testing.T) {
	s := growthSeries()
	o := Options{Counting: graph.Full}
	_, err := EdgeSeries(s, o, SeriesOptions{Periods: []graph.Period{s.Span()}, BaseYear: 2018})
	want := "tables: base year 2018 indexes yearly values, and period 2018-2019 is several years: give one period per year (SeriesOptions.Periods from graph.Series.Periods(true, …)), or BaseYear 0"
	if err == nil || err.Error() != want {
		t.Errorf("multi-year period: %v, want %q", err, want)
	}
	tb, err := EdgeSeries(s, o, SeriesOptions{Periods: s.Periods(true, graph.Period{}), BaseYear: 2018})
	if err != nil {
		t.Fatal(err)
	}
	index := slices.Index(tb.Columns, "index")
	got := map[string]string{}
	for _, r := range tb.Rows {
		got[Cell(r[0])+" "+Cell(r[1])+"-"+Cell(r[2])] = Cell(r[index])
	}
	if got["2018 CN-US"] != "100" || got["2019 CN-US"] != "300" || got["2019 CN-DE"] != "" {
		t.Errorf("yearly index: %v, want CN-US 100 then 300, CN-DE empty (absent in 2018)", got)
	}
}
